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

import regex

from vnextract.core.cache import ByRules
from vnextract.core.model import Quantity
from vnextract.core.spans import SpanIndex, overlap
from vnextract.figures.number_forms import parse_number
from vnextract.figures.number_forms import plain as _plain
from vnextract.figures.number_patterns import NumberPatterns
from vnextract.figures.number_rules import NumberRules
from vnextract.figures.spelled import Spelled

__all__ = ["NumberFinder", "NumberRules", "find_quantities", "number_finder", "parse_number"]


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


class NumberFinder(NumberPatterns):
    """Reads the numbers of a text with the patterns of one rule set; ``find`` is the entry
    point."""

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
        # a decimal percentage is no date, age or ordinal: 'GRDP cả năm 6,5%'
        measured = "," in raw and self._percent.match(text, end) is not None
        rejected = self._not_after.search(left) or self._after_joint.search(left)
        # grouped in thousands after a date word: no month or day ('3 tháng 14.890 người')
        grouped = self._thousands.fullmatch(raw) and not self._not_after_undated.search(left)
        if rejected and not measured and not grouped:
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
        elif (r := self._ratio.match(text, end)) and not self._population_rate.match(text, end):
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
        # names are whole numbers: 'lên mức 2,95 m' is a measured level
        named = e.name and "," not in text[e.start : e.value_end]
        if named and not (e.percent or e.currency or e.scale_text or e.last_scale):
            # 'Chương trình 135', 'Nghị định 13': a name, not a figure; 'ở mức 3,4 vụ/10.000
            # dân' is a rate
            rate = None if e.total is not None else self._rate(text, e.expr_end)
            if not (rate and rate.group("gap").strip()):
                return None
        if e.value_max is None and e.total is None:
            self._amount_range(text, e, left)
        per = None
        if e.total is None and (q := self._rate(text, e.expr_end, money=e.currency is not None)):
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

    def _rate(self, text: str, pos: int, money: bool = False) -> regex.Match[str] | None:
        """The rate base after a figure: near ('/100 dân'), or further on a round base; a
        price's base may be a noun no list holds, if it is the longer ('đồng/ngày công')."""
        q = self._per.match(text, pos)
        f = self._money_per.match(text, pos) if money and self._money_per else None
        if f and (q is None or (not q["gap"].strip() and len(f["base"]) > len(q["base"]))):
            return f
        if q:
            return q
        return self._per_round.match(text, pos) if self._per_round else None

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
