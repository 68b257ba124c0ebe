"""Mark site furniture (counters, image markers, footers, related lists) as spans to skip.

The text is never changed: :func:`find_furniture` returns :class:`Furniture` spans
into it, and later stages leave those spans alone. The patterns live in
``rules/boilerplate.yml``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from vnextract.core.cache import ByRules
from vnextract.core.model import Furniture
from vnextract.core.rules import check_regex, load_rules

RULE_FILE = "boilerplate.yml"


class FurniturePattern(BaseModel):
    """One furniture pattern of ``rules/boilerplate.yml``."""

    model_config = ConfigDict(extra="forbid")
    id: str
    kind: str
    scope: Literal["line", "inline", "heading"]
    pattern: str
    case_sensitive: bool = False
    max_chars: int | None = Field(default=None, ge=1)

    @field_validator("pattern")
    @classmethod
    def _valid_pattern(cls, value: str) -> str:
        return check_regex(value)


class BoilerplateRules(BaseModel):
    """Schema of ``rules/boilerplate.yml``."""

    model_config = ConfigDict(extra="forbid")
    line_prefix: str = r"[\s•·*-]*"
    listed_headline_max_chars: int = Field(default=220, ge=1)
    default_max_chars: int = Field(default=400, ge=1)
    patterns: list[FurniturePattern]

    @field_validator("line_prefix")
    @classmethod
    def _valid_prefix(cls, value: str) -> str:
        return check_regex(value)

    @model_validator(mode="after")
    def _unique_ids(self) -> BoilerplateRules:
        seen: set[str] = set()
        for p in self.patterns:
            if p.id in seen:
                raise ValueError(f"pattern id '{p.id}' is used twice; give each pattern its own id")
            seen.add(p.id)
        return self


# kinds of line that leave a related-articles list open: a masthead under the list is
# no prose, and the unlabelled address lines under it are furniture too
_LIST_GOES_ON = frozenset({"related", "masthead"})


def _lines(text: str) -> Iterator[tuple[int, int]]:
    """(start, end) of every line, without its newline."""
    start = 0
    for line in text.split("\n"):
        yield start, start + len(line)
        start += len(line) + 1


# distinct lines whose reading is kept (see _Cleaner._read_line): memory stays flat
_MEMO_LINES = 20_000


class _Cleaner:
    """The compiled patterns of one rule set."""

    def __init__(self, rules: BoilerplateRules) -> None:
        self.rules = rules
        self.prefix = re.compile(rules.line_prefix)
        self.line: list[tuple[FurniturePattern, re.Pattern[str]]] = []
        self.inline: list[tuple[FurniturePattern, re.Pattern[str]]] = []
        self._memo: dict[str, tuple[FurniturePattern | None, tuple[tuple[int, int, str], ...]]] = {}
        for p in rules.patterns:
            flags = 0 if p.case_sensitive else re.IGNORECASE
            compiled = re.compile(p.pattern, flags)
            (self.inline if p.scope == "inline" else self.line).append((p, compiled))

    def _whole_line(self, text: str, start: int, end: int) -> FurniturePattern | None:
        body_start = self.prefix.match(text, start, end).end()
        body = text[body_start:end].rstrip()
        if not body:
            return None
        for p, regex in self.line:
            limit = p.max_chars or self.rules.default_max_chars
            if len(body) <= limit and regex.fullmatch(body):
                return p
        return None

    def _is_listed_headline(self, text: str, start: int, end: int) -> bool:
        line = text[start:end].strip()
        if len(line) > self.rules.listed_headline_max_chars:
            return False
        # prose ends with a full stop; headlines do not (an ellipsis may cut them short)
        return not (line.endswith(".") and not line.endswith(".."))

    def find(self, text: str) -> list[Furniture]:
        spans: list[Furniture] = []
        in_list = False  # inside the headlines listed under a related-articles heading
        for start, end in _lines(text):
            if start == end or not text[start:end].strip():
                continue
            hit, inline = self._read_line(text[start:end])
            if hit is not None:
                spans.append(Furniture(start, end, hit.kind))
                in_list = hit.scope == "heading" or (in_list and hit.kind in _LIST_GOES_ON)
                continue
            if in_list and self._is_listed_headline(text, start, end):
                spans.append(Furniture(start, end, "related"))
                continue
            in_list = False
            spans.extend(Furniture(start + a, start + b, kind) for a, b, kind in inline)
        return _drop_nested(spans)

    def _read_line(
        self, line: str
    ) -> tuple[FurniturePattern | None, tuple[tuple[int, int, str], ...]]:
        """The whole-line pattern ``line`` matches, and its inline furniture (offsets into
        the line): a line depends on nothing else, and a site's header and footer lines
        recur in every article, so each distinct line is read once (bounded)."""
        found = self._memo.get(line)
        if found is None:
            if len(self._memo) >= _MEMO_LINES:
                self._memo.clear()
            hit = self._whole_line(line, 0, len(line))
            inline = tuple(
                (m.start(), m.end(), p.kind)
                for p, regex in ([] if hit is not None else self.inline)
                for m in regex.finditer(line)
                if m.end() > m.start()
            )
            found = self._memo[line] = (hit, inline)
        return found


def _drop_nested(spans: list[Furniture]) -> list[Furniture]:
    """Sort spans; drop those inside an earlier one and join partial overlaps."""
    out: list[Furniture] = []
    for span in sorted(spans, key=lambda s: (s.start, -s.end)):
        if out and span.start < out[-1].end:
            if span.end > out[-1].end:
                out[-1] = Furniture(out[-1].start, span.end, out[-1].kind)
            continue
        out.append(span)
    return out


@lru_cache(maxsize=1)
def default_boilerplate() -> BoilerplateRules:
    """``rules/boilerplate.yml`` from the rules folder, loaded once."""
    return load_rules(files={RULE_FILE: "vnextract.ingest.furniture:BoilerplateRules"})[RULE_FILE]


_cleaner: ByRules[_Cleaner] = ByRules(_Cleaner)


def find_furniture(text: str, rules: BoilerplateRules | None = None) -> list[Furniture]:
    """Spans of site furniture in ``text``, to exclude from extraction.

    Args:
        text: the document's stored text (not changed).
        rules: the boilerplate rules (default: ``rules/boilerplate.yml``).
    Returns:
        Non-overlapping spans sorted by start; whole-line spans exclude the newline.
    """
    return _cleaner(rules or default_boilerplate()).find(text)
