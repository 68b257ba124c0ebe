"""Map a record's subject and unit to a canonical indicator id from ``rules/indicators.yml``.

Matching is on folded words (NFC, modern tone placement, lower case): an
indicator matches when all words of one of its phrasings occur, none of its
excluded phrases does, and the units agree. The most specific match wins.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Annotated

import regex
from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    StringConstraints,
    ValidationError,
    model_validator,
)
from pydantic_core import InitErrorDetails, PydanticCustomError

from vnextract.core.errors import Errors
from vnextract.core.rules import repeat_error
from vnextract.core.textnorm import Folder, TextRules

Word = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]
_TOKEN = regex.compile(r"\w+|[%&]")
# units that agree only with themselves (the scorer's rule)
_EXACT_UNITS = frozenset({"%", "vnd"})
# distinct (subject, unit) pairs kept matched; emptied when full (memory stays bounded)
_MATCHED_MAX = 20_000


class Indicator(BaseModel):
    """One entry of the catalogue."""

    model_config = ConfigDict(extra="forbid")
    id: Annotated[str, StringConstraints(pattern=r"^[a-z][a-z0-9_]*$")]
    name: Word
    name_vi: Word
    unit: Word | list[Word] | None = None
    phrasings: list[Annotated[list[Word], Field(min_length=1)]] = Field(min_length=1)
    exclude: list[Word] = Field(default_factory=list)

    @property
    def units(self) -> list[str]:
        """The accepted units, as a list (empty: any unit)."""
        if self.unit is None:
            return []
        return [self.unit] if isinstance(self.unit, str) else list(self.unit)


class CatalogueRules(BaseModel):
    """Schema of ``rules/indicators.yml``."""

    model_config = ConfigDict(extra="forbid")
    indicators: list[Indicator]

    @model_validator(mode="after")
    def _unique(self) -> CatalogueRules:
        # every problem at once, each at the line of the entry that repeats
        errors: list[InitErrorDetails] = []
        ids: dict[str, int] = {}
        phrasings: dict[tuple, tuple[str, int]] = {}
        for i, ind in enumerate(self.indicators):
            if ind.id in ids:
                msg = Errors.E110.format(id=ind.id)
                first = ("indicators", ids[ind.id], "id")
                errors.append(
                    repeat_error("catalogue_rule", ("indicators", i, "id"), ind.id, msg, first)
                )
            ids.setdefault(ind.id, i)
            units = tuple(sorted(u.lower() for u in ind.units))
            for j, phr in enumerate(ind.phrasings):
                key = (tuple(sorted(w.lower() for w in phr)), units)
                if key in phrasings and phrasings[key][0] != ind.id:
                    other, k = phrasings[key]
                    msg = Errors.E111.format(other=other)
                    loc, first = ("indicators", i, "phrasings", j), ("indicators", k, "id")
                    errors.append(repeat_error("catalogue_rule", loc, phr, msg, first))
                phrasings.setdefault(key, (ind.id, i))
        if errors:
            raise ValidationError.from_exception_data("CatalogueRules", errors)
        return self


def _error(loc: tuple, value: object, message: str) -> InitErrorDetails:
    return InitErrorDetails(
        type=PydanticCustomError("catalogue_rule", message), loc=loc, input=value
    )


def _contains(words: tuple[str, ...], phrase: tuple[str, ...]) -> bool:
    """True if ``phrase`` occurs in ``words`` as consecutive words."""
    n = len(phrase)
    return any(words[i : i + n] == phrase for i in range(len(words) - n + 1))


def _ngrams(words: tuple[str, ...], longest: int) -> set[tuple[str, ...]]:
    """Every run of up to ``longest`` consecutive words: phrase lookups become set lookups."""
    return {words[i : i + n] for n in range(1, longest + 1) for i in range(len(words) - n + 1)}


class Catalogue:
    """The indicator catalogue, folded once for matching."""

    def __init__(self, rules: CatalogueRules, folder: Folder | None = None) -> None:
        """Args:
        rules: validated ``indicators.yml``.
        folder: tone folding (default: the one from ``rules/text.yml``).
        """
        self.rules = rules
        self.folder = folder if folder is not None else Folder(_default_sections()[1])
        self._entries = [
            (
                ind.id,
                [tuple(self.words(u)) for u in ind.units],
                [[self.words(w) for w in phr] for phr in ind.phrasings],
                [self.words(w) for w in ind.exclude],
            )
            for ind in rules.indicators
        ]
        self._allowed: dict[tuple[str, ...], list[bool]] = {}
        # (subject, unit) -> indicator id: subjects recur across a day's articles
        self._matched: dict[tuple[str, str | None], str | None] = {}
        # entry positions by the first phrase of each of their phrasings: a subject is
        # compared only with the indicators that could match it
        self._by_word: dict[tuple[str, ...], set[int]] = {}
        for position, (_, _, phrasings, _) in enumerate(self._entries):
            for phrasing in phrasings:
                if phrasing:
                    self._by_word.setdefault(phrasing[0], set()).add(position)
        self._longest = max(
            (
                len(w)
                for _, _, phrasings, exclude in self._entries
                for p in [*phrasings, [*exclude]]
                for w in p
            ),
            default=1,
        )

    def words(self, text: str) -> tuple[str, ...]:
        """Folded words of ``text``: NFC, modern tone placement, lower case, split."""
        return tuple(_TOKEN.findall(self.folder.key(text)))

    def match(self, subject: str, unit: str | None) -> str | None:
        """The id of the indicator ``subject`` (counted in ``unit``) reports, or None.

        Args:
            subject: what was counted, as written.
            unit: the record's unit (counted noun, ``%`` or ``VND``), or None if unknown.
        Returns:
            The best-matching indicator id: most words matched, then earliest in the file.
        """
        key = (subject, unit)
        if key in self._matched:
            return self._matched[key]
        if len(self._matched) > _MATCHED_MAX:
            self._matched.clear()
        found = self._matched[key] = self._match(subject, unit)
        return found

    def _match(self, subject: str, unit: str | None) -> str | None:
        said = self.words(subject)
        unit_words = self.words(unit) if unit else ()
        grams = _ngrams(said, self._longest)
        # the unit is the counted noun, so it may supply a word the subject leaves out
        either = grams | _ngrams(unit_words, self._longest)
        allowed = self._allowed.get(unit_words)
        if allowed is None:
            # which indicators this unit may report, worked out once per distinct unit
            allowed = self._allowed[unit_words] = [
                not (units and unit_words) or any(_units_agree(u, unit_words) for u in units)
                for _, units, _, _ in self._entries
            ]
        best_id, best_score = None, 0
        # only the grams that open a phrasing: the key view's & is met in C
        positions = set().union(*map(self._by_word.__getitem__, self._by_word.keys() & either))
        for position in sorted(positions):  # file order: the earliest wins a tie
            ind_id, _, phrasings, exclude = self._entries[position]
            if not allowed[position]:
                continue
            if any(phrase in grams for phrase in exclude):
                continue
            for phrasing in phrasings:
                if all(w in either for w in phrasing):
                    score = sum(len(w) for w in phrasing)
                    if score > best_score:
                        best_id, best_score = ind_id, score
        return best_id


def _units_agree(expected: tuple[str, ...], given: tuple[str, ...]) -> bool:
    """The scorer's unit agreement on folded words: equal, or one starts the other."""
    if expected == given:
        return True
    if {" ".join(expected), " ".join(given)} & _EXACT_UNITS:
        return False
    n = min(len(expected), len(given))
    return expected[:n] == given[:n]


@lru_cache(maxsize=1)
def _default_sections() -> tuple[CatalogueRules, TextRules]:
    # load only the files the catalogue needs, so a problem elsewhere does not stop it
    from vnextract.core.rules import RULE_FILES, load_rules

    names = ("indicators.yml", "text.yml")
    rules = load_rules(files={n: RULE_FILES[n] for n in names})
    return rules["indicators.yml"], rules["text.yml"]


_CATALOGUES: dict[int, tuple[CatalogueRules, Catalogue]] = {}


def _catalogue(rules: CatalogueRules | None) -> Catalogue:
    rules = rules if rules is not None else _default_sections()[0]
    cached = _CATALOGUES.get(id(rules))
    if cached is None or cached[0] is not rules:
        if len(_CATALOGUES) > 16:
            _CATALOGUES.clear()
        cached = _CATALOGUES[id(rules)] = (rules, Catalogue(rules))
    return cached[1]


def match_indicator(
    subject: str, unit: str | None, rules: CatalogueRules | None = None
) -> str | None:
    """Indicator id for a record's subject and unit (see :meth:`Catalogue.match`)."""
    return _catalogue(rules).match(subject, unit)
