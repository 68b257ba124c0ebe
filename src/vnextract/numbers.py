"""Find and parse the numbers of Vietnamese text, exactly.

``.`` groups thousands and ``,`` is the decimal mark (``2.957.000``, ``81,62``);
scale words (``tỷ``), percent, currency, ranges (``15-20%``, ``từ 3 đến 5``),
slash ratios (``9/17``) and rate bases (``/100 dân``, ``/tháng``) are read into one
:class:`~vnextract.model.Quantity`. Numbers that are not figures — dates, times,
years, document numbers, phones, versions, ordinals, durations — are skipped.
All vocabulary comes from ``rules/numbers.yml``.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable
from decimal import Decimal
from itertools import accumulate

import regex
from pydantic import BaseModel, ConfigDict, Field

from .model import Quantity


class _Cue(BaseModel):
    model_config = ConfigDict(extra="forbid")
    words: list[str]
    reason: str


class _Pattern(BaseModel):
    model_config = ConfigDict(extra="forbid")
    id: str
    reason: str
    pattern: str


class _RangeWords(BaseModel):
    model_config = ConfigDict(extra="forbid")
    open: list[str]
    join: list[str]


class NumberRules(BaseModel):
    """Schema of ``rules/numbers.yml``."""

    model_config = ConfigDict(extra="forbid")
    scale_words: dict[str, int]
    currency_words: dict[str, str]
    percent_words: list[str]
    range_words: _RangeWords
    per_words: list[str]
    per_max_gap_words: int = Field(ge=0, le=5)
    not_after: list[_Cue]
    not_before: list[_Cue]
    not_patterns: list[_Pattern]
    year_range: tuple[int, int]


# a number as written: grouped thousands with optional decimals, or plain digits with decimals
_NUMBER = (
    r"(?<![\p{L}\d.,])"
    r"(?:\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d{1,3}(?:,\d{3}){2,}|\d+\.\d{1,2}|\d+(?:,\d+)?)"
    r"(?![\p{L}\d])"
)


def _alt(words: Iterable[str]) -> str:
    """Regex alternation of literal words, longest first so 'nghìn tỷ' beats 'nghìn'."""
    ordered = sorted({w for w in words}, key=len, reverse=True)
    return "|".join(regex.escape(w).replace(r"\ ", r"\s+") for w in ordered)


_US_THOUSANDS = regex.compile(r"\d{1,3}(?:,\d{3}){2,}")
_DOT_DECIMAL = regex.compile(r"\d+\.\d{1,2}")


def parse_number(text: str) -> Decimal:
    """The exact value of one written number: '2.957.000' -> 2957000, '81,62' -> 81.62.

    A single '.' with one or two digits after it is read as a decimal point (callers
    only pass such numbers when a percent or scale word makes that reading certain).
    """
    if _US_THOUSANDS.fullmatch(text):
        return Decimal(text.replace(",", ""))
    if _DOT_DECIMAL.fullmatch(text):
        return Decimal(text)
    return Decimal(text.replace(".", "").replace(",", "."))


def _plain(value: Decimal) -> Decimal:
    """Drop float-looking exponents and trailing zeros: Decimal('4.670E+12') -> 4670000000000."""
    normal = value.normalize()
    return normal.quantize(Decimal(1)) if normal == normal.to_integral() else normal


class NumberFinder:
    """Compiled number patterns for one rule set; ``find`` is the public entry point."""

    def __init__(self, rules: NumberRules) -> None:
        self.rules = rules
        self._scales = {self._key(k): Decimal(v) for k, v in rules.scale_words.items()}
        self._currencies = {self._key(k): v for k, v in rules.currency_words.items()}
        ws = r"[ \t\u00a0]*"
        scale = _alt(rules.scale_words)
        currency = _alt(rules.currency_words)
        percent = _alt(rules.percent_words)
        per_words = _alt(rules.per_words)
        self._number = regex.compile(_NUMBER)
        self._range = regex.compile(rf"{ws}[-–]{ws}({_NUMBER})")
        self._word_range = regex.compile(rf"\s+(?:{_alt(rules.range_words.join)})\s+({_NUMBER})")
        self._range_open = regex.compile(
            rf"(?:^|\s)(?:{_alt(rules.range_words.open)})\s+$", regex.I
        )
        self._ratio = regex.compile(rf"{ws}/{ws}({_NUMBER})")
        self._unit_ratio = regex.compile(
            rf"\s+(?P<unit>\p{{L}}+(?:\s\p{{L}}+){{0,2}}){ws}/{ws}(?P<total>{_NUMBER})\s+(?P=unit)\b"
        )
        self._scale = regex.compile(rf"\s+({scale})(?!\p{{L}})", regex.I)
        self._currency = regex.compile(rf"{ws}({currency})(?!\p{{L}})")
        self._percent = regex.compile(rf"{ws}({percent})", regex.I)
        gap = rf"(?:\s+[\p{{L}}&]+){{0,{rules.per_max_gap_words}}}"
        self._per = regex.compile(
            rf"(?P<gap>{gap}){ws}/{ws}(?P<base>\d+(?:[.,]\d+)?\s+\p{{L}}+|(?:{per_words}))(?!\p{{L}})",
            regex.I,
        )
        self._not_patterns = [regex.compile(p.pattern) for p in rules.not_patterns]
        after = _alt(w for cue in rules.not_after for w in cue.words)
        before = _alt(w for cue in rules.not_before for w in cue.words)
        self._not_after = regex.compile(rf"(?:^|[^\p{{L}}])(?:{after}){ws}$", regex.I)
        self._not_before = regex.compile(rf"\s+(?:{before})(?!\p{{L}})", regex.I)
        # the second half of a range or ratio whose first half was rejected ('mức độ 3-4')
        self._after_joint = regex.compile(rf"\d{ws}[-–/]{ws}$")
        self._year_lo, self._year_hi = rules.year_range

    @staticmethod
    def _key(word: str) -> str:
        return " ".join(word.lower().split())

    def blocked_spans(self, text: str) -> list[tuple[int, int]]:
        """Spans of identifiers, times, URLs... in which no figure is read."""
        spans = []
        for pattern in self._not_patterns:
            spans.extend(m.span() for m in pattern.finditer(text))
        return spans

    def _is_year(self, raw: str) -> bool:
        return raw.isdigit() and len(raw) == 4 and self._year_lo <= int(raw) <= self._year_hi

    def find(
        self,
        text: str,
        exclude: Iterable[tuple[int, int]] = (),
        blocked: list[tuple[int, int]] | None = None,
    ) -> list[Quantity]:
        """Every figure in ``text``, left to right.

        Args:
            text: a sentence or any stretch of text.
            exclude: spans (e.g. dates found by the date finder) holding no figure.
            blocked: :meth:`blocked_spans` of ``text`` if the caller has them already.
        Returns:
            Quantities with offsets into ``text``; ``value_text == text[start:end]``.
        """
        if blocked is None:
            blocked = self.blocked_spans(text)
        blocked = sorted([*blocked, *exclude])
        starts = [s for s, _ in blocked]
        # furthest end among spans starting at or before each one: overlap test by bisection
        reach = list(accumulate((e for _, e in blocked), max))
        found: list[Quantity] = []
        pos = 0
        while True:
            m = self._number.search(text, pos)
            if m is None:
                break
            pos = m.end()
            k = bisect_left(starts, m.end())
            if k and reach[k - 1] > m.start():
                continue
            quantity = self._read(text, m)
            if quantity is not None:
                found.append(quantity)
                pos = max(pos, quantity.expr_end)
        return found

    def _read(self, text: str, m: regex.Match) -> Quantity | None:
        raw = m.group()
        start, end = m.span()
        if self._is_year(raw):
            return None
        left = text[max(0, start - 30) : start]
        if self._not_after.search(left) or self._after_joint.search(left):
            return None
        value = parse_number(raw)
        value_max = total = None
        value_end = end
        # a dash range '15-20' or a slash ratio '9/17' directly after the number
        if r := self._range.match(text, end):
            upper = parse_number(r.group(1))
            if upper > value and not self._is_year(r.group(1)):
                value_max, value_end = upper, r.end()
        elif r := self._ratio.match(text, end):
            denominator = parse_number(r.group(1))
            if 0 < value <= denominator:
                total, value_end = denominator, r.end()
            else:
                return None  # '24/7' and the like: not a share of anything
        elif (r := self._word_range.match(text, end)) and self._range_open.search(text[:start]):
            upper = parse_number(r.group(1))
            if upper > value:
                value_max, value_end = upper, r.end()
        expr_end = value_end
        if self._not_before.match(text, expr_end):
            return None
        scale = None
        if s := self._scale.match(text, expr_end):
            scale = s.group(1)
            factor = self._scales[self._key(scale)]
            value *= factor
            value_max = value_max * factor if value_max is not None else None
            expr_end = s.end()
        percent = False
        currency = unit_text = None
        if p := self._percent.match(text, expr_end):
            percent, expr_end = True, p.end()
        elif c := self._currency.match(text, expr_end):
            currency, expr_end = self._currencies[self._key(c.group(1))], c.end()
        elif value_max is None and total is None and (u := self._unit_ratio.match(text, expr_end)):
            # '572.594 hộ/840.932 hộ': a share written with its unit twice
            denominator = parse_number(u.group("total"))
            if 0 < value <= denominator:
                total = denominator
                expr_end = u.end()
                unit_text = " ".join(u.group("unit").split())
        per = None
        if total is None and (q := self._per.match(text, expr_end)):
            per = " ".join(q.group("base").split())
            unit_text = " ".join(q.group("gap").split()) or None
            expr_end = q.end()
        return Quantity(
            value=_plain(value),
            value_text=text[start:value_end],
            start=start,
            end=value_end,
            expr_end=expr_end,
            value_max=_plain(value_max) if value_max is not None else None,
            total=_plain(total) if total is not None else None,
            percent=percent,
            currency=currency,
            per=per,
            unit_text=unit_text,
            scale_text=scale,
        )


_FINDERS: dict[int, tuple[NumberRules, NumberFinder]] = {}


def _finder(rules: NumberRules) -> NumberFinder:
    # keyed on identity: rule models are not hashable, and a rule set is loaded once
    hit = _FINDERS.get(id(rules))
    if hit is None or hit[0] is not rules:
        hit = _FINDERS[id(rules)] = (rules, NumberFinder(rules))
    return hit[1]


def number_finder(rules: NumberRules | None = None) -> NumberFinder:
    """The compiled finder for ``rules`` (default: ``rules/numbers.yml``), built once."""
    if rules is None:
        from .rules import section

        rules = section("numbers.yml")
    return _finder(rules)


def find_quantities(
    text: str, exclude: Iterable[tuple[int, int]] = (), rules: NumberRules | None = None
) -> list[Quantity]:
    """Every figure in ``text``; see :meth:`NumberFinder.find`."""
    return number_finder(rules).find(text, exclude)
