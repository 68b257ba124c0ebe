"""Schema of ``rules/dates.yml`` and the expansion of its ``{name}`` placeholders: the
date patterns are validated here, at load time, with errors naming file and line."""

from __future__ import annotations

import unicodedata
from typing import Literal

import regex
from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator
from pydantic_core import InitErrorDetails, PydanticCustomError

from vnextract.core.errors import Errors
from vnextract.core.patterns import alternation
from vnextract.core.rules import repeat_error

# groups a pattern may use; anything else is a rule error
GROUPS = frozenset({"d", "m", "y", "d2", "m2", "y2", "q", "n", "edge", "sep"})
_PLACEHOLDER = regex.compile(r"\{([A-Za-z_]\w*)\}")
FLAGS = regex.IGNORECASE | regex.VERSION0


class DatePattern(BaseModel):
    """One pattern of ``rules/dates.yml``."""

    model_config = ConfigDict(extra="forbid")
    id: str
    pattern: str
    set: dict[str, int | Literal["first", "last"]] = Field(default_factory=dict)
    # names of `words` lists: the pattern runs only on text holding one of their words
    requires: list[str] = Field(default_factory=list)


class DateRules(BaseModel):
    """Schema of ``rules/dates.yml``."""

    model_config = ConfigDict(extra="forbid")
    year_range: tuple[int, int] = (1900, 2100)
    two_digit_year_pivot: int = Field(70, ge=0, le=100)
    words: dict[str, list[str]]
    numerals: dict[str, int] = Field(default_factory=dict)
    edges: dict[str, Literal["first", "last"]] = Field(default_factory=dict)
    parts: dict[str, str] = Field(default_factory=dict)
    patterns: list[DatePattern]

    @model_validator(mode="after")
    def _patterns_compile(self) -> DateRules:
        # every problem at once, each at its own pattern's line
        errors: list[InitErrorDetails] = []
        seen: dict[str, int] = {}
        for i, pat in enumerate(self.patterns):
            if pat.id in seen:
                what = Errors.E100.format(id=pat.id)
                first = ("patterns", seen[pat.id], "id")
                errors.append(repeat_error("date_rule", ("patterns", i, "id"), pat.id, what, first))
            seen.setdefault(pat.id, i)
            try:
                compiled = regex.compile(expand(pat.pattern, self, _identity), FLAGS)
            except (KeyError, RecursionError, regex.error) as exc:
                errors.append(_error(("patterns", i, "pattern"), pat.pattern, _why(exc)))
                continue
            if missing := [n for n in pat.requires if n not in self.words]:
                what = Errors.E105.format(unknown=missing)
                errors.append(_error(("patterns", i, "requires"), pat.requires, what))
            unknown = (set(compiled.groupindex) | set(pat.set)) - GROUPS
            if unknown:
                what = Errors.E103.format(
                    allowed=", ".join(sorted(GROUPS)), unknown=sorted(unknown)
                )
                errors.append(_error(("patterns", i, "pattern"), pat.pattern, what))
        if errors:
            raise ValidationError.from_exception_data("DateRules", errors)
        return self


def _error(loc: tuple, value: object, message: str) -> InitErrorDetails:
    err = PydanticCustomError("date_rule", message)
    return InitErrorDetails(type=err, loc=loc, input=value)


def _why(exc: Exception) -> str:
    if isinstance(exc, KeyError):
        return Errors.E101.format(name=exc.args[0])
    if isinstance(exc, RecursionError):
        return Errors.E104
    return Errors.E102.format(reason=exc)


def _identity(text: str) -> str:
    return text


def word_alternation(words: list[str], fold) -> str:
    """Whole-word alternation of ``words``, longest first, any white space between words."""
    variants = [fold(unicodedata.normalize("NFC", w)) for w in words]
    # decomposed text (not yet NFC-normalised, so not folded either) still matches
    variants += [unicodedata.normalize("NFD", w) for w in words]
    return r"(?<!\w)" + alternation(variants) + r"(?!\w)"


def expand(pattern: str, rules: DateRules, fold, _depth: int = 0) -> str:
    """Replace every ``{name}`` in ``pattern`` by its words list or regex fragment.

    Args:
        pattern: a pattern from the rules.
        rules: the rules giving the names.
        fold: how cue words are folded (tone placement) to match the folded text.
    Returns:
        A plain regular expression. Raises KeyError naming an undefined placeholder.
    """
    if _depth > 10:
        raise RecursionError(Errors.E104)

    def one(match: regex.Match) -> str:
        name = match.group(1)
        if name in rules.words:
            return word_alternation(rules.words[name], fold)
        if name == "numeral":
            return word_alternation(list(rules.numerals), fold)
        if name == "edge":
            return word_alternation(list(rules.edges), fold)
        if name in rules.parts:
            return expand(rules.parts[name], rules, fold, _depth + 1)
        raise KeyError(name)

    return _PLACEHOLDER.sub(one, pattern)
