"""The number finder's compiled patterns and word tables, built once per rule set.

:class:`NumberPatterns` holds what ``rules/numbers.yml`` compiles to, and the small
tests made with it (a year, a scale run's factor, a cue that rejects a number, a minus
sign); :class:`~vnextract.figures.numbers.NumberFinder` reads numbers with them.
"""

from __future__ import annotations

from decimal import Decimal

import regex

from vnextract.core.patterns import alternation, guarded
from vnextract.figures.number_forms import NUMBER_BODY
from vnextract.figures.number_rules import NumberRules
from vnextract.figures.spelled import SpelledNumbers


def _population_rate(rules: NumberRules, ws: str) -> regex.Pattern:
    """A slash, a round base and a population after a number ('100/100 dân', '12/100.000
    dân'): a rate per that base, not a share of it; never a compound ('dân tộc')."""
    if not rules.ratio_population_bases:
        return regex.compile(r"(?!)")
    rounds = alternation(rules.per_round_bases)
    people = alternation(rules.ratio_population_bases)
    not_people = alternation(rules.ratio_population_compounds)
    return regex.compile(rf"{ws}/{ws}{rounds}\s+(?!{not_people}(?!\p{{L}})){people}(?!\p{{L}})")


class NumberPatterns:
    """Compiled number patterns for one rule set."""

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
        numbered = alternation(rules.per_numbered_bases) if rules.per_numbered_bases else "(?!)"
        money = alternation(rules.glued_money_scales)
        glued = alternation([*rules.glued_units, *rules.currency_words])
        # a number ends at a non-letter, or where a known unit, currency, scale word or
        # informal money scale is glued to it ('140.000đ', '8,5m2', '2,8triệu', '100k', '1tr5')
        end = rf"(?:(?![\p{{L}}\d])|(?=(?:{glued}|{scale}|(?:{money})\d*)(?![\p{{L}}\d])))"
        number = NUMBER_BODY + end
        self._number = regex.compile(number)
        self._glued_money_re = regex.compile(rf"(?P<scale>{money})(?P<tenths>\d*)(?![\p{{L}}\d])")
        units = alternation(rules.glued_units)
        self._glued_unit = regex.compile(rf"(?P<unit>{units})(?![\p{{L}}\d])")
        self._spare = regex.compile(rf"\d+(?:{glued}|{scale}|(?:{money}))", regex.I)
        self._range = regex.compile(rf"{ws}[-–]{ws}({number})")
        joins = alternation(rules.range_words.join)
        self._word_range = regex.compile(rf"\s+(?:{joins})\s+({number})")
        self._range_open = regex.compile(
            rf"(?:^|\s)(?:{alternation(rules.range_words.open)})\s+$", regex.I
        )
        self._ratio = regex.compile(rf"{ws}/{ws}({number})")
        self._population_rate = _population_rate(rules, ws)
        self._unit_ratio = regex.compile(
            rf"\s+(?P<unit>\p{{L}}+(?:\s\p{{L}}+){{0,2}}){ws}/{ws}(?P<total>{number})\s+(?P=unit)\b"
        )
        scale_run = rf"(?:{scale})(?:\s+(?:{scale}))*"
        # typed without its space in hurried text: '2,84triệu lượt', '45tỷ đồng'
        self._scale = regex.compile(rf"[ \t\u00a0]*\s?({scale_run})(?!\p{{L}})", regex.I)
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
        compounds = alternation(rules.currency_compounds) if rules.currency_compounds else "(?!)"
        self._currency = regex.compile(
            rf"{ws}(?!(?i:{compounds})(?!\p{{L}}))({currency})(?!\p{{L}})"
        )
        self._prefix = regex.compile(rf"({alternation(rules.currency_prefixes)}){ws}$")
        self._negative = regex.compile(
            rf"(?:^|[^\p{{L}}])(?:{alternation(rules.negative_words)})[ \t\u00a0]+$", regex.I
        )
        self._percent = regex.compile(rf"{ws}({percent})", regex.I)
        # a gap word may hold digits after a letter: 'm3', 'km2' ('185.000 m3/ngày đêm')
        word = r"\s+[\p{L}&][\p{L}\d²³&]*"
        gap = rf"(?:{word}){{0,{rules.per_max_gap_words}}}"
        self._per = regex.compile(
            # a base may be chained: 'đồng/người/tháng' is per 'người/tháng'
            rf"(?P<gap>{gap}){ws}/{ws}(?P<base>(?:\d+(?:[.,]\d+)?\s+(?:{numbered}(?!\p{{L}})|\p{{L}}+)"
            rf"|(?:{per_words}))"
            rf"(?:{ws}/{ws}(?:{per_words}))*)(?!\p{{L}})",
            regex.I,
        )
        self._per_round = None
        if rules.per_round_bases and rules.per_round_max_gap_words > rules.per_max_gap_words:
            far = rf"(?:{word}){{0,{rules.per_round_max_gap_words}}}"
            self._per_round = regex.compile(
                rf"(?P<gap>{far}){ws}/{ws}(?P<base>(?:{alternation(rules.per_round_bases)})"
                rf"\s+(?:{numbered}(?!\p{{L}})|{per_words}))(?!\p{{L}})",
                regex.I,
            )
        self._money_per = self._money_base(rules, ws)
        self._compile_cues(rules, ws)
        self._year_lo, self._year_hi = rules.year_range
        self._spelled = SpelledNumbers(rules.spelled, self._scales)
        self._digit = regex.compile(r"\d")

    @staticmethod
    def _money_base(rules: NumberRules, ws: str) -> regex.Pattern[str] | None:
        """A price's base no list holds, after the slash ('đồng/suất', 'tỷ đồng/HTX')."""
        if not rules.money_base_max_words:
            return None
        stops = alternation(rules.money_base_stops)  # NOTHING when there are none
        more = rules.money_base_max_words - 1
        return regex.compile(
            rf"(?P<gap>){ws}/{ws}(?P<base>\p{{Lu}}{{2,}}[\p{{Lu}}\d&]*(?![\p{{L}}\d/])"
            # a word that opens a stop ends the base ('đồng/kg đối với ...' -> kg)
            rf"|\p{{Ll}}+(?:[ \t]+(?!(?:{stops})(?!\p{{L}}))\p{{Ll}}+){{0,{more}}}"
            rf"(?=\s*(?:[,.;:!?)\]]|$)|\s+(?:{stops})(?!\p{{L}})))"
        )

    def _compile_cues(self, rules: NumberRules, ws: str) -> None:
        """Words around a number that reject it, make it a name, or bound it."""
        self._bound_after = {self._key(k): v for k, v in rules.bound_after.items()}
        self._bound_after_re = regex.compile(
            # words between hold no other number ('80% người từ 15 tuổi trở lên')
            rf"(?:\s+\p{{L}}[\p{{L}}\d²³]*){{0,{rules.bound_after_max_gap_words}}}?"
            rf"\s+(?P<cue>{alternation(rules.bound_after)})(?!\p{{L}})",
            regex.I,
        )
        self._not_patterns = [
            (regex.compile(p.pattern), p.spare_glued, p.precheck and regex.compile(p.precheck))
            for p in rules.not_patterns
        ]
        after = "|".join(guarded(cue.words, cue.compounds) for cue in rules.not_after)
        self._not_after = regex.compile(rf"(?:^|[^\p{{L}}])(?:{after}){ws}$", regex.I)
        # a number grouped in thousands is no month, day or year ('dưới 3 tháng 14.890
        # người'): after a date word it is still read
        undated = alternation(
            w for cue in rules.not_after if cue.reason != "date" for w in cue.words
        )
        self._not_after_undated = regex.compile(rf"(?:^|[^\p{{L}}])(?:{undated}){ws}$", regex.I)
        self._thousands = regex.compile(r"\d{1,3}(?:\.\d{3})+")
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

    @staticmethod
    def _key(word: str) -> str:
        return " ".join(word.lower().split())

    def blocked_spans(self, text: str) -> list[tuple[int, int]]:
        """Spans of identifiers, times, URLs... in which no figure is read."""
        spans = []
        for pattern, spare_glued, precheck in self._not_patterns:
            if precheck and not precheck.search(text):
                continue
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
