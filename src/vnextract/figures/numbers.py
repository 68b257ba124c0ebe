"""Find and parse the numbers of Vietnamese text, exactly.

``.`` groups thousands and ``,`` is the decimal mark (``2.957.000``, ``81,62``);
scale words (``tỷ``), percent, currency, ranges (``15-20%``, ``từ 3 đến 5``),
slash ratios (``9/17``) and rate bases (``/100 dân``, ``/tháng``) are read into one
:class:`~vnextract.core.model.Quantity`. Numbers that are not figures — dates, times,
years, document numbers, phones, versions, ordinals, durations — are skipped.
All vocabulary comes from ``rules/numbers.yml``.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal
from typing import Literal

import regex
from pydantic import BaseModel, ConfigDict, Field, field_validator

from vnextract.core.cache import ByRules
from vnextract.core.model import Quantity
from vnextract.core.patterns import alternation
from vnextract.core.spans import SpanIndex, overlap
from vnextract.figures.spelled import Spelled, SpelledNumbers, SpelledRules


class _Cue(BaseModel):
    model_config = ConfigDict(extra="forbid")
    words: list[str]
    reason: str
    # words that, standing shortly before the number, keep it a figure ('tuổi thọ ... 73 tuổi')
    unless_after: list[str] = []


class _Pattern(BaseModel):
    model_config = ConfigDict(extra="forbid")
    id: str
    reason: str
    pattern: str
    # a match that is only a number glued to a known unit or currency ('8,5m2') is not blocked
    spare_glued: bool = False

    @field_validator("pattern")
    @classmethod
    def _compiles(cls, value: str) -> str:
        try:
            regex.compile(value)
        except regex.error as exc:
            raise ValueError(f"not a valid regular expression ({exc})") from None
        return value


class _RangeWords(BaseModel):
    model_config = ConfigDict(extra="forbid")
    open: list[str]
    join: list[str]


class _BareMoney(BaseModel):
    model_config = ConfigDict(extra="forbid")
    scales: list[str]
    currency: str
    next_words: list[str]


Bound = Literal["=", "~", ">", "<", ">=", "<="]


class NumberRules(BaseModel):
    """Schema of ``rules/numbers.yml``."""

    model_config = ConfigDict(extra="forbid")
    scale_words: dict[str, int]
    glued_money_scales: dict[str, int]
    bare_money: _BareMoney
    glued_units: list[str]
    currency_words: dict[str, str]
    currency_prefixes: dict[str, str]
    negative_words: list[str]
    percent_words: list[str]
    range_words: _RangeWords
    per_words: list[str]
    per_max_gap_words: int = Field(ge=0, le=5)
    not_after: list[_Cue]
    name_words: list[str]
    not_before: list[_Cue]
    bound_after: dict[str, Bound]
    bound_after_max_gap_words: int = Field(ge=0, le=8)
    not_patterns: list[_Pattern]
    spelled: SpelledRules
    ratio_above_total_from: int = Field(ge=2)
    year_range: tuple[int, int]


# a number as written: thousands grouped by spaces, dots or (US style, two groups or more)
# commas, with optional decimals; or plain digits with decimals
_NUMBER_BODY = (
    r"(?<![\p{L}\d.,])"
    r"(?:[1-9]\d{0,2}(?:[ \u00a0\u202f]\d{3})+(?:,\d+)?(?![.,]?\d)"
    r"|\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d{1,3}(?:,\d{3}){2,}|\d+\.\d{1,2}|\d+(?:,\d+)?)"
)


_US_THOUSANDS = regex.compile(r"\d{1,3}(?:,\d{3}){2,}")
_DOT_DECIMAL = regex.compile(r"\d+\.\d{1,2}")
_SPACES = regex.compile(r"[ \u00a0\u202f]")


def parse_number(text: str) -> Decimal:
    """The exact value of one written number: '2.957.000' -> 2957000, '81,62' -> 81.62,
    '1 000 000' -> 1000000.

    A single '.' with one or two digits after it is read as a decimal point (callers
    only pass such numbers when a percent or scale word makes that reading certain).
    """
    text = _SPACES.sub("", text)
    if _US_THOUSANDS.fullmatch(text):
        return Decimal(text.replace(",", ""))
    if _DOT_DECIMAL.fullmatch(text):
        return Decimal(text)
    return Decimal(text.replace(".", "").replace(",", "."))


def _plain(value: Decimal) -> Decimal:
    """Drop float-looking exponents and trailing zeros: Decimal('4.670E+12') -> 4670000000000."""
    normal = value.normalize()
    return normal.quantize(Decimal(1)) if normal == normal.to_integral() else normal


@dataclass(slots=True)
class _Expr:
    """A number being read: its value so far and what was found after it."""

    value: Decimal
    start: int
    value_end: int
    expr_end: int
    value_max: Decimal | None = None
    total: Decimal | None = None
    percent: bool = False
    currency: str | None = None
    unit_text: str | None = None
    scale_text: str | None = None
    last_scale: str | None = None
    name: bool = False  # directly after a name word ('Nghị định 13')


class NumberFinder:
    """Compiled number patterns for one rule set; ``find`` is the public entry point."""

    def __init__(self, rules: NumberRules) -> None:
        self.rules = rules
        self._scales = {self._key(k): Decimal(v) for k, v in rules.scale_words.items()}
        self._currencies = {self._key(k): v for k, v in rules.currency_words.items()}
        self._prefixes = {self._key(k): v for k, v in rules.currency_prefixes.items()}
        self._glued_money = {k: Decimal(v) for k, v in rules.glued_money_scales.items()}
        ws = r"[ \t\u00a0]*"
        scale = alternation(rules.scale_words)
        currency = alternation(rules.currency_words)
        percent = alternation(rules.percent_words)
        per_words = alternation(rules.per_words)
        money = alternation(rules.glued_money_scales)
        glued = alternation([*rules.glued_units, *rules.currency_words])
        # a number ends at a non-letter, or where a known unit, currency or informal money
        # scale is glued to it ('140.000đ', '8,5m2', '100k', '1tr5')
        end = rf"(?:(?![\p{{L}}\d])|(?=(?:{glued}|(?:{money})\d*)(?![\p{{L}}\d])))"
        number = _NUMBER_BODY + end
        self._number = regex.compile(number)
        self._glued_money_re = regex.compile(rf"(?P<scale>{money})(?P<tenths>\d*)(?![\p{{L}}\d])")
        units = alternation(rules.glued_units)
        self._glued_unit = regex.compile(rf"(?P<unit>{units})(?![\p{{L}}\d])")
        self._spare = regex.compile(rf"\d+(?:{glued}|(?:{money}))")
        self._range = regex.compile(rf"{ws}[-–]{ws}({number})")
        joins = alternation(rules.range_words.join)
        self._word_range = regex.compile(rf"\s+(?:{joins})\s+({number})")
        self._range_open = regex.compile(
            rf"(?:^|\s)(?:{alternation(rules.range_words.open)})\s+$", regex.I
        )
        self._ratio = regex.compile(rf"{ws}/{ws}({number})")
        self._unit_ratio = regex.compile(
            rf"\s+(?P<unit>\p{{L}}+(?:\s\p{{L}}+){{0,2}}){ws}/{ws}(?P<total>{number})\s+(?P=unit)\b"
        )
        scale_run = rf"(?:{scale})(?:\s+(?:{scale}))*"
        self._scale = regex.compile(rf"\s+({scale_run})(?!\p{{L}})", regex.I)
        # a further number with its own scale: '3 triệu 250 nghìn', '12 nghìn 300 tỷ'
        self._mixed = regex.compile(rf"\s+(\d{{1,3}})\s+({scale_run})(?!\p{{L}})", regex.I)
        self._trailing = regex.compile(
            rf"\s+(\d{{3}})(?![\d.,/]|\s*(?:{scale}|{percent})(?!\p{{L}}))", regex.I
        )
        self._bare_money = {self._key(w) for w in rules.bare_money.scales}
        self._bare_next = regex.compile(
            rf"{ws}(?:$|[^\p{{L}}\p{{N}}\s]|\s(?:{alternation(rules.bare_money.next_words)})(?!\p{{L}}))",
            regex.I,
        )
        self._currency = regex.compile(rf"{ws}({currency})(?!\p{{L}})")
        self._prefix = regex.compile(rf"({alternation(rules.currency_prefixes)}){ws}$")
        self._negative = regex.compile(
            rf"(?:^|[^\p{{L}}])(?:{alternation(rules.negative_words)})[ \t\u00a0]+$", regex.I
        )
        self._percent = regex.compile(rf"{ws}({percent})", regex.I)
        gap = rf"(?:\s+[\p{{L}}&]+){{0,{rules.per_max_gap_words}}}"
        self._per = regex.compile(
            rf"(?P<gap>{gap}){ws}/{ws}(?P<base>\d+(?:[.,]\d+)?\s+\p{{L}}+|(?:{per_words}))(?!\p{{L}})",
            regex.I,
        )
        self._bound_after = {self._key(k): v for k, v in rules.bound_after.items()}
        self._bound_after_re = regex.compile(
            # words between hold no other number ('80% người từ 15 tuổi trở lên')
            rf"(?:\s+\p{{L}}[\p{{L}}\d²³]*){{0,{rules.bound_after_max_gap_words}}}?"
            rf"\s+(?P<cue>{alternation(rules.bound_after)})(?!\p{{L}})",
            regex.I,
        )
        self._not_patterns = [(regex.compile(p.pattern), p.spare_glued) for p in rules.not_patterns]
        after = alternation(w for cue in rules.not_after for w in cue.words)
        self._not_after = regex.compile(rf"(?:^|[^\p{{L}}])(?:{after}){ws}$", regex.I)
        self._name_after = regex.compile(
            rf"(?:^|[^\p{{L}}])(?:{alternation(rules.name_words)}){ws}$", regex.I
        )
        self._not_before = [
            (
                regex.compile(rf"\s+(?:{alternation(cue.words)})(?!\p{{L}})", regex.I),
                regex.compile(
                    rf"(?<!\p{{L}})(?:{alternation(cue.unless_after)})(?!\p{{L}})", regex.I
                )
                if cue.unless_after
                else None,
            )
            for cue in rules.not_before
        ]
        # the second half of a range or ratio whose first half was rejected ('mức độ 3-4')
        self._after_joint = regex.compile(rf"\d{ws}[-–/]{ws}$")
        self._year_lo, self._year_hi = rules.year_range
        self._spelled = SpelledNumbers(rules.spelled, self._scales)
        self._digit = regex.compile(r"\d")

    @staticmethod
    def _key(word: str) -> str:
        return " ".join(word.lower().split())

    def blocked_spans(self, text: str) -> list[tuple[int, int]]:
        """Spans of identifiers, times, URLs... in which no figure is read."""
        spans = []
        for pattern, spare_glued in self._not_patterns:
            for m in pattern.finditer(text):
                if spare_glued and self._spare.fullmatch(m.group()):
                    continue
                spans.append(m.span())
        return spans

    def may_hold_figure(self, text: str) -> bool:
        """Whether ``text`` has a digit or a number word: a cheap test before :meth:`find`."""
        return bool(self._digit.search(text) or self._spelled.run.search(text))

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
        is_blocked = SpanIndex.of_pairs([*blocked, *exclude]).overlaps
        found: list[Quantity] = []
        pos = 0
        while True:
            m = self._number.search(text, pos)
            if m is None:
                break
            pos = m.end()
            if is_blocked(*m.span()):
                continue
            quantity = self._read(text, m)
            if quantity is not None:
                found.append(quantity)
                pos = max(pos, quantity.expr_end)
        spelled = [
            q
            for w in self._spelled.find(text)
            if not is_blocked(w.start, w.end)
            and (q := self._read_spelled(text, w)) is not None
            and not any(overlap(f.start, f.expr_end, q.start, q.expr_end) for f in found)
        ]
        if spelled:
            found = sorted([*found, *spelled], key=lambda q: q.start)
        return found

    # -- reading one number --------------------------------------------------------------
    def _read(self, text: str, m: regex.Match) -> Quantity | None:
        raw = m.group()
        start, end = m.span()
        if self._is_year(raw):
            return None
        left = text[max(0, start - 30) : start]
        if self._not_after.search(left) or self._after_joint.search(left):
            return None
        value = parse_number(raw)
        e = _Expr(value, start, end, end, name=bool(self._name_after.search(left)))
        # informal money glued to the number: '100k', '1tr5'
        if g := self._glued_money_re.match(text, end):
            tenths = g.group("tenths")
            if tenths:
                value += Decimal(tenths) / Decimal(10) ** len(tenths)
            e.value = value * self._glued_money[g.group("scale")]
            e.currency = self.rules.bare_money.currency
            e.value_end = e.expr_end = g.end()
            return self._finish(text, e, left)
        # a dash range '15-20' or a slash ratio '9/17' directly after the number
        if r := self._range.match(text, end):
            upper = parse_number(r.group(1))
            if upper > value and not self._is_year(r.group(1)):
                e.value_max, e.value_end = upper, r.end()
        elif r := self._ratio.match(text, end):
            denominator = parse_number(r.group(1))
            # '87.096/75.250': this year against last; but '24/7', '30/4' are no shares
            above = value > denominator >= self.rules.ratio_above_total_from
            if 0 < value <= denominator or above:
                e.total, e.value_end = denominator, r.end()
            else:
                return None
        elif (r := self._word_range.match(text, end)) and self._range_open.search(text[:start]):
            upper = parse_number(r.group(1))
            if upper > value:
                e.value_max, e.value_end = upper, r.end()
        e.expr_end = e.value_end
        if self._rejected_before(text, e.expr_end, left):
            return None
        if s := self._scale.match(text, e.expr_end):
            self._apply_scale(text, e, s)
        plain = e.value_max is None and e.total is None and e.scale_text is None
        if plain and (u := self._glued_unit.match(text, e.expr_end)):
            e.unit_text, e.expr_end = u.group("unit"), u.end()
        return self._finish(text, e, left)

    def _apply_scale(self, text: str, e: _Expr, s: regex.Match) -> None:
        """Multiply by a scale word run, then add on mixed parts ('3 triệu 250 nghìn')."""
        words = s.group(1).split()
        factor = self._run_factor(words)
        e.value *= factor
        e.value_max = e.value_max * factor if e.value_max is not None else None
        e.scale_text, e.last_scale, e.expr_end = s.group(1), words[-1], s.end()
        if e.value_max is not None or e.total is not None:
            return
        last = factor
        while mx := self._mixed.match(text, e.expr_end):
            part = Decimal(mx.group(1))
            words = mx.group(2).split()
            f = self._run_factor(words)
            if f < last and part * f < last:
                e.value += part * f
            elif f > last and part < last:
                e.value = (e.value + part) * f
            else:
                break
            last = f
            # the written number is the whole phrase: its scale words are inside it
            e.value_end = e.expr_end = mx.end()
            e.scale_text, e.last_scale = None, words[-1]
        # a last three digits with no scale word counts in thousandths of the scale before
        # it: '4 nghìn 500' = 4.500, '3 triệu 250' = 3.250.000
        if last >= 1000 and (t := self._trailing.match(text, e.expr_end)):
            e.value += Decimal(t.group(1)) * last / 1000
            e.value_end = e.expr_end = t.end()
            e.scale_text = e.last_scale = None

    def _run_factor(self, words: list[str]) -> Decimal:
        factor = Decimal(1)
        for w in words:
            factor *= self._scales[self._key(w)]
        return factor

    def _rejected_before(self, text: str, at: int, left: str) -> bool:
        for cue, unless in self._not_before:
            if cue.match(text, at) and not (unless and unless.search(left)):
                return True
        return False

    def _finish(self, text: str, e: _Expr, left: str) -> Quantity | None:
        """Percent, currency, unit share, range of amounts, rate base and bound after ``e``."""
        if e.currency is None:
            if p := self._percent.match(text, e.expr_end):
                e.percent, e.expr_end = True, p.end()
            elif c := self._currency.match(text, e.expr_end):
                e.currency, e.expr_end = self._currencies[self._key(c.group(1))], c.end()
            elif pre := self._prefix.search(left):
                e.currency = self._prefixes[self._key(pre.group(1))]
            elif (
                e.last_scale
                and self._key(e.last_scale) in self._bare_money
                and self._bare_next.match(text, e.expr_end)
            ):
                e.currency = self.rules.bare_money.currency
            if (
                not e.percent
                and e.currency is None
                and e.value_max is None
                and e.total is None
                and (u := self._unit_ratio.match(text, e.expr_end))
            ):
                # '572.594 hộ/840.932 hộ': a share written with its unit twice
                denominator = parse_number(u.group("total"))
                if 0 < e.value <= denominator:
                    e.total = denominator
                    e.expr_end = u.end()
                    e.unit_text = " ".join(u.group("unit").split())
        if e.name and not (e.percent or e.currency or e.scale_text or e.last_scale):
            return None  # 'Chương trình 135', 'Nghị định 13': a name, not a figure
        if e.value_max is None and e.total is None:
            self._amount_range(text, e, left)
        per = None
        if e.total is None and (q := self._per.match(text, e.expr_end)):
            per = " ".join(q.group("base").split())
            e.unit_text = " ".join(q.group("gap").split()) or e.unit_text
            e.expr_end = q.end()
        bound = None
        if b := self._bound_after_re.match(text, e.expr_end):
            bound = self._bound_after[self._key(b.group("cue"))]
        value = e.value
        if self._is_negative(text, e.start, left):
            value, e.start = -value, (e.start - 1 if text[e.start - 1] in "-−" else e.start)
        return Quantity(
            value=_plain(value),
            value_text=text[e.start : e.value_end],
            start=e.start,
            end=e.value_end,
            expr_end=e.expr_end,
            value_max=_plain(e.value_max) if e.value_max is not None else None,
            total=_plain(e.total) if e.total is not None else None,
            percent=e.percent,
            currency=e.currency,
            per=per,
            unit_text=e.unit_text,
            scale_text=e.scale_text,
            bound=bound,
        )

    def _amount_range(self, text: str, e: _Expr, left: str) -> None:
        """'1 triệu - 2 triệu đồng', 'từ 10% đến 15%': a range whose halves carry their words."""
        r = self._range.match(text, e.expr_end)
        if r is None and self._range_open.search(text[: e.start]):
            r = self._word_range.match(text, e.expr_end)
        if r is None or not (e.scale_text or e.percent or e.currency):
            return
        upper = parse_number(r.group(1))
        end = r.end()
        e_currency = None
        if s := self._scale.match(text, end):
            upper *= self._run_factor(s.group(1).split())
            end = s.end()
        elif e.scale_text:
            return
        if p := self._percent.match(text, end):
            if not e.percent:
                return
            end = p.end()
        elif c := self._currency.match(text, end):
            currency = self._currencies[self._key(c.group(1))]
            if e.currency not in (None, currency) or e.percent:
                return
            e_currency, end = currency, c.end()
        elif e.percent:
            return
        if upper > e.value:
            e.value_max, e.expr_end = upper, end
            # 'từ 1 triệu đến 2 triệu đồng': the currency of the second half is the range's
            e.currency = e.currency or e_currency

    def _is_negative(self, text: str, start: int, left: str) -> bool:
        """A minus sign glued before the number (not a list dash opening a line), or 'âm'."""
        if start and text[start - 1] == "−":
            return start < 2 or not text[start - 2].isalnum()
        if start and text[start - 1] == "-":
            before = text[start - 2] if start >= 2 else ""
            if before.isalnum() or before in ".,/-":
                return False
            line = text[text.rfind("\n", 0, start - 1) + 1 : start - 1]
            return bool(line.strip())
        return bool(self._negative.search(left))

    def _read_spelled(self, text: str, w: Spelled) -> Quantity | None:
        """A numeral in words, taken only where it is clearly a figure."""
        left = text[max(0, w.start - 30) : w.start]
        if self._not_after.search(left):
            return None
        e = _Expr(w.value, w.start, w.end, w.end, last_scale=w.last_scale)
        if self._rejected_before(text, w.end, left):
            return None
        q = self._finish(text, e, left)
        if q is None or not (w.words > 1 or q.percent or q.currency):
            return None  # 'một', 'hai' alone are articles and names far more often
        return q


_finder: ByRules[NumberFinder] = ByRules(NumberFinder)


def number_finder(rules: NumberRules | None = None) -> NumberFinder:
    """The compiled finder for ``rules`` (default: ``rules/numbers.yml``), built once."""
    if rules is None:
        from vnextract.core.rules import section

        rules = section("numbers.yml")
    return _finder(rules)


def find_quantities(
    text: str, exclude: Iterable[tuple[int, int]] = (), rules: NumberRules | None = None
) -> list[Quantity]:
    """Every figure in ``text``; see :meth:`NumberFinder.find`."""
    return number_finder(rules).find(text, exclude)
