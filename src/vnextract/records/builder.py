"""Turn the figures of one sentence into indicator records.

For each number the sentence is read around it: the phrase before it (its topic,
bound and estimate cues), the phrase after it (the counted noun: unit and
subject), qualifiers that belong to a neighbouring figure (share of plan,
change), and the cues that make it a target. All words come from
``rules/records.yml``; this module only knows the shapes of Vietnamese
reporting sentences.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from decimal import Decimal
from typing import Literal, NamedTuple

import regex
from pydantic import BaseModel, ConfigDict, Field

from vnextract.core.model import DateMention, Quantity
from vnextract.core.textnorm import Folder

Bound = Literal["=", "~", ">", "<", ">=", "<="]


class _Plan(BaseModel):
    model_config = ConfigDict(extra="forbid")
    lead: list[str]
    over: list[str]
    against: list[str]
    cues: list[str]
    window_words: int = Field(ge=1, le=20)


class _Change(BaseModel):
    model_config = ConfigDict(extra="forbid")
    up: list[str]
    down: list[str]
    ratio: list[str]
    reference: list[str]
    year_on_year: list[str]
    gap: list[str]
    points: list[str]
    multiple: list[str]
    times: list[str]
    window_words: int = Field(ge=1, le=20)


class RecordRules(BaseModel):
    """Schema of ``rules/records.yml``."""

    model_config = ConfigDict(extra="forbid")
    estimate_cues: list[str]
    bound_cues: dict[str, Bound]
    copulas: list[str]
    existentials: list[str]
    connectors: list[str]
    auxiliaries: list[str]
    fillers: list[str]
    subject_heads: list[str]
    after_stops: list[str]
    prepositions: list[str]
    conjunctions: list[str]
    qualifier_ends: list[str]
    units: list[str]
    plan: _Plan
    change: _Change
    per_cues: dict[str, str]
    target_cues: list[str]
    target_results: list[str]
    future_markers: list[str]
    plan_item_units: list[str]
    time_words: list[str]
    done_markers: list[str]
    section_labels: list[str]
    plan_verbs: list[str]
    future_year_cues: list[str]
    task_list_cues: list[str]
    ordinal_starts: list[str]
    head_prefixes: list[str]
    denominators: list[str]
    after_bound_cues: dict[str, Bound]
    per_bases: list[str]
    back_references: list[str]
    raise_cues: dict[str, str]
    part_of_connectors: list[str]
    counted_prefixes: list[str]
    rate_heads: list[str]
    section_nouns: list[str]
    max_after_words: int = Field(ge=1, le=60)
    max_verb_words: int = Field(ge=0, le=20)


@dataclass(slots=True)
class SentenceContext:
    """What the record builder needs to know beyond the sentence itself."""

    published_year: int | None = None
    target_paragraph: bool = False
    period: str | None = None  # period of the paragraph or article, if stated


@dataclass(slots=True)
class Draft:
    """A record before it is placed in its document (offsets into the sentence)."""

    quantity: Quantity
    unit: str
    subject: str
    bound: str = "="
    estimated: bool = False
    kind: str = "actual"
    plan_percent: Decimal | None = None
    change_percent: Decimal | None = None
    per: str | None = None
    period: str | None = None
    rule: str = ""
    topic: str = ""
    # what the change was measured against: 'yoy' (year on year), 'other' or ''
    change_basis: str = ""
    standalone: bool = False  # the figure is itself a change ('CPI tăng 0,45%')


class _Role(NamedTuple):
    kind: str  # figure | plan | change | points (a change in percentage points: no field)
    value: Decimal | None  # the qualifier's normalised value
    end: int  # where the qualifier's phrase ends
    verb: int  # where its verb starts ('tăng', 'đạt'), else the number's start
    basis: str  # for a change: 'yoy', 'other' or ''


@dataclass(slots=True)
class SentenceResult:
    drafts: list[Draft] = field(default_factory=list)
    # qualifiers that found no figure to qualify, and figures that gave no record
    unattached: list[Quantity] = field(default_factory=list)


_PUNCT_STOP = regex.compile(r"[;:()\[\]“”\"!?…]|\.(?!\w)|\s[-–]\s")
# before a number a spaced dash joins compounds ('công nghệ thông tin - điện tử')
_TOPIC_STOP = regex.compile(r"[;:()\[\]“”\"!?…]|\.(?!\w)")
# a word may hold inner dots and slashes ('Postmart.vn', 'bán hàng/gian') but not end with one
_SHORT_PAREN = regex.compile(r"\([^()\n]{1,40}\)")
_PARENS = regex.compile(r"\([^()]*\)?")
_WORD = regex.compile(r"[\p{L}\p{N}&](?:[\p{L}\p{N}&'-]|[./](?=[\p{L}\p{N}]))*")


def _alternation(words: Iterable[str]) -> str:
    ordered = sorted(
        {" ".join(w.lower().split()) for w in words if w.strip()}, key=len, reverse=True
    )
    return "|".join(regex.escape(w).replace(r"\ ", r"\s+") for w in ordered)


def _words(text: str) -> list[regex.Match]:
    return list(_WORD.finditer(text))


class RecordBuilder:
    """Compiled cue patterns for one rule set."""

    def __init__(self, rules: RecordRules, folder: Folder) -> None:
        self.rules = rules
        self.folder = folder

        def tail(words: Iterable[str]) -> regex.Pattern:
            return regex.compile(rf"(?:^|(?<=[^\p{{L}}]))(?:{_alternation(words)})\s*$")

        def head(words: Iterable[str]) -> regex.Pattern:
            return regex.compile(rf"^\s*(?:{_alternation(words)})(?!\p{{L}})")

        def anywhere(words: Iterable[str]) -> regex.Pattern:
            return regex.compile(rf"(?<!\p{{L}})(?:{_alternation(words)})(?!\p{{L}})")

        self._bound_tail = regex.compile(
            rf"(?:^|(?<=[^\p{{L}}]))(?P<cue>{_alternation(rules.bound_cues)})\s*$"
        )
        self._bounds = {" ".join(k.lower().split()): v for k, v in rules.bound_cues.items()}
        self._estimate = anywhere(rules.estimate_cues)
        self._estimate_tail = tail(rules.estimate_cues)
        self._estimate_head = head(rules.estimate_cues)
        self._conjunction_tail = tail(rules.conjunctions)
        self._conjunction_head = head(rules.conjunctions)
        self._conjunction_any = anywhere(rules.conjunctions)
        self._qualifier_end = anywhere(rules.qualifier_ends)
        self._copula_tail = tail(rules.copulas)
        self._copula_head = head(rules.copulas)
        self._existential_tail = tail(rules.existentials)
        self._aux_tail = tail(rules.auxiliaries)
        self._aux_any = anywhere(rules.auxiliaries)
        self._connector_any = anywhere(rules.connectors)
        self._connector_tail = regex.compile(rf"(?:{_alternation(rules.connectors)})\s*$")
        self._filler_head = head(rules.fillers)
        self._filler_tail = tail(rules.fillers)
        self._filler_full = regex.compile(rf"^\s*(?:(?:{_alternation(rules.fillers)})\s*[,]?\s*)*$")
        self._heads = anywhere(rules.subject_heads)
        self._head_full = regex.compile(rf"^\s*(?:{_alternation(rules.subject_heads)})\s*$")
        self._rate_head_full = regex.compile(rf"^\s*(?:{_alternation(rules.rate_heads)})\s*$")
        self._after_stop = anywhere(rules.after_stops)
        self._preposition_head = head(rules.prepositions)
        self._unit_head = regex.compile(
            rf"^\s*(?P<unit>{_alternation(rules.units)})(?![\p{{L}}\p{{N}}])"
        )
        prefixes = _alternation(rules.counted_prefixes)
        self._subject_unit = regex.compile(
            rf"^\s*(?:(?:{prefixes})\s+)?(?P<unit>{_alternation(rules.units)})(?![\p{{L}}\p{{N}}])"
        )
        gap = _alternation([*rules.bound_cues, *rules.change.gap])

        def verb_tail(words: Iterable[str]) -> regex.Pattern:
            # a verb, then bound cues or a comparison base, then the number
            return regex.compile(
                rf"(?:^|(?<=[^\p{{L}}]))(?:{_alternation(words)})(?:\s+(?:{gap}))*[\s:]*$"
            )

        self._plan_lead = verb_tail(rules.plan.lead)
        self._plan_over = verb_tail(rules.plan.over)
        self._plan_cue = anywhere(rules.plan.cues)
        self._plan_against = regex.compile(
            rf"^\W*(?:{_alternation(rules.plan.against)})\s+(?:{_alternation(rules.plan.cues)})"
            r"(?!\p{L})"
        )
        self._change_up = verb_tail(rules.change.up)
        self._change_down = verb_tail(rules.change.down)
        self._change_ratio = verb_tail(rules.change.ratio)
        self._change_multiple = verb_tail(rules.change.multiple)
        self._points_unit = regex.compile(
            rf"\s*(?:{_alternation(rules.change.points)})(?![\p{{L}}\p{{N}}])"
        )
        self._times_unit = regex.compile(
            rf"\s*(?:{_alternation(rules.change.times)})(?![\p{{L}}\p{{N}}])"
        )
        self._change_ref = anywhere(rules.change.reference)
        self._change_head = head([*rules.change.up, *rules.change.down])
        self._year_on_year = anywhere(rules.change.year_on_year)
        self._reference_head = head([*rules.change.reference, *rules.plan.against])
        self._per_cue = regex.compile(
            rf"(?<!\p{{L}})(?P<cue>{_alternation(rules.per_cues)})(?!\p{{L}})(?P<rest>[^,;]*)$"
        )
        self._per_cues = {" ".join(k.lower().split()): v for k, v in rules.per_cues.items()}
        self._target = anywhere(rules.target_cues)
        self._target_result = anywhere(rules.target_results)
        self._future_marker = anywhere(rules.future_markers)
        self._plan_item = regex.compile(rf"^\s*(?:{_alternation(rules.plan_item_units)})$")
        time_word = _alternation(rules.time_words)
        self._time_only = regex.compile(
            rf"\s*(?:(?:(?:{time_word})(?!\p{{L}})|[\divxlc]+(?:[/.-]\d+)*)[\s,]*)*"
        )
        self._done = anywhere(rules.done_markers)
        self._section_label = head(rules.section_labels)
        # 'Về lĩnh vực bưu chính, doanh thu ...': the section names the domain of its figures
        self._section_domain = regex.compile(
            rf"^\s*(?:{_alternation(rules.section_labels)})\s+"
            rf"(?:(?:{_alternation(rules.section_nouns)})\s+)?"
            r"(?P<domain>\p{L}+(?:\s+\p{L}+){0,3})\s*,"
        )
        self._section_noun = anywhere(rules.section_nouns)
        self._future = regex.compile(rf"(?:{_alternation(rules.future_year_cues)})\s*$")
        self._after_bound = regex.compile(
            rf"\s*(?P<cue>{_alternation(rules.after_bound_cues)})(?!\p{{L}})"
        )
        self._after_bounds = {
            " ".join(k.lower().split()): v for k, v in rules.after_bound_cues.items()
        }
        self._per_base = tail(rules.per_bases)
        self._denominator_tail = tail(rules.denominators)
        # 'so với' is a comparison, not the part-of 'với'
        self._part_of = regex.compile(
            rf"(?<!\p{{L}})(?:so\s+với|(?P<part>{_alternation(rules.part_of_connectors)}))"
            r"(?!\p{L})"
        )
        self._raise = regex.compile(rf"^\s*(?P<cue>{_alternation(rules.raise_cues)})(?!\p{{L}})")
        self._raises = {" ".join(k.lower().split()): v for k, v in rules.raise_cues.items()}
        self._head_start = head([*rules.subject_heads, *rules.raise_cues.values()])
        self._head_prefix_tail = tail(rules.head_prefixes)
        self._back_ref = regex.compile(rf"^(?:{_alternation(rules.back_references)})$")
        # a figure written in several parts ('15.366/13.273', '1.295,283'): if one stands
        # unread before a change, the change qualifies it and is no figure of its own
        self._figure_like = regex.compile(r"(?<![\p{L}\p{N}])\d+(?:[.,/]\d+)+")

    # -- helpers over a lower-cased, tone-folded copy with the same offsets ------------
    def _low(self, text: str) -> str:
        low = self.folder.tones(text).lower()
        return low if len(low) == len(text) else text.lower()

    def classify(self, low: str, q: Quantity) -> _Role:
        """Whether ``q`` is a figure, a share of plan or a change; with its value and phrase."""
        offset = max(0, q.start - 60)
        before = low[offset : q.start]
        after_words = _words(low[q.expr_end : q.expr_end + 80])
        window = low[q.expr_end : q.expr_end + 80]
        if after_words:
            cut = after_words[min(len(after_words), self.rules.plan.window_words) - 1].end()
            window = window[:cut]
        stop = _PUNCT_STOP.search(window)
        clause_window = window[: stop.start()] if stop else window
        comma = clause_window.find(",")
        near = clause_window if comma < 0 else clause_window[:comma]
        # the qualifier's phrase ends at the comma or a conjunction: what follows names
        # the next figure ('đạt 100,9% kế hoạch và thực hiện giải ngân đạt 100%')
        if conj := self._qualifier_end.search(near):
            near = near[: conj.start()]
        end = q.expr_end + len(near)
        figure = _Role("figure", None, q.expr_end, q.start, "")
        basis = ""
        if self._change_ref.search(near):
            basis = "yoy" if self._year_on_year.search(near) else "other"
        up, down = self._change_up.search(before), self._change_down.search(before)
        if not q.percent:
            if (up or down) and (m := self._points_unit.match(low, q.expr_end)):
                # 'tăng 1,2 điểm phần trăm': not a per cent change of the figure before
                value = q.value if up else -q.value
                return _Role(
                    "points", value, max(end, m.end()), offset + (up or down).start(), basis
                )
            multiple = self._change_multiple.search(before)
            if multiple and basis and self._times_unit.match(low, q.expr_end):
                # 'gấp 1,6 lần cùng kỳ' is a change of +60%
                value = (q.value - 1) * 100
                return _Role("change", value, end, offset + multiple.start(), basis)
            return figure
        if (up or down) and self._plan_against.match(near):
            value = q.value + 100 if up else 100 - q.value
            return _Role("plan", value, end, offset + (up or down).start(), "")
        if self._plan_cue.search(near) and (m := self._plan_lead.search(before)):
            value = q.value + 100 if self._plan_over.search(before) else q.value
            return _Role("plan", value, end, offset + m.start(), "")
        if up:
            return _Role("change", q.value, end, offset + up.start(), basis)
        if down:
            return _Role("change", -q.value, end, offset + down.start(), basis)
        if (m := self._change_ratio.search(before)) and self._change_ref.search(near):
            return _Role("change", q.value - 100, end, offset + m.start(), basis)
        return figure

    def unit_of(self, text: str, low: str, q: Quantity) -> tuple[str, int]:
        """The counted noun after ``q`` (or %, currency) and where it ends."""
        if q.percent:
            return "%", q.expr_end
        if q.currency:
            return q.currency, q.expr_end
        if q.unit_text:
            return q.unit_text.lower(), q.expr_end
        rest = low[q.expr_end :]
        if m := self._unit_head.match(rest):
            return " ".join(m.group("unit").split()), q.expr_end + m.end()
        # an abbreviation in capitals is its own unit ('CSDL', 'CKS'); else up to two words
        words = _words(text[q.expr_end : q.expr_end + 40])
        if not words or text[q.expr_end : q.expr_end + words[0].start()].strip():
            return "", q.expr_end
        first = words[0]
        if first.group().isupper() or not first.group()[0].isalpha():
            return first.group().lower(), q.expr_end + first.end()
        if first.group()[0].isupper():
            return "", q.expr_end
        taken = [first]
        if len(words) > 1:
            second = words[1]
            gap = text[q.expr_end + first.end() : q.expr_end + second.start()]
            if gap == " " and second.group().islower() and not self._stop_word(second.group()):
                taken.append(second)
        end = q.expr_end + taken[-1].end()
        return " ".join(w.group().lower() for w in taken), end

    def _stop_word(self, word: str) -> bool:
        w = self._low(word)
        return bool(
            self._after_stop.fullmatch(w)
            or self._preposition_head.match(w)
            or self._copula_head.match(w)
            or self._aux_any.fullmatch(w)
        )

    def after_phrase(self, text: str, low: str, start: int, limit: int) -> tuple[str, int]:
        """The noun phrase from ``start`` up to ``limit`` (the next figure) or a stop."""
        span = text[start:limit]
        lspan = low[start:limit]
        if span.lstrip(" ").startswith(","):
            return "", start  # '24,6%, thuộc nhóm ...': a comma closes the figure
        stop = _PUNCT_STOP.search(span)
        end = stop.start() if stop else len(span)
        s = self._after_stop.search(lspan, 0, end)
        if s:
            end = s.start()
        # commas end the phrase unless it is a list of short nouns ('sở, ban, ngành')
        pos = 0
        while True:
            comma = span.find(",", pos, end)
            if comma < 0:
                break
            segment_words = _words(span[pos:comma])
            rest = lspan[comma + 1 : end]
            # a clause starting after the comma ('..., đạt mật độ') is not part of the list
            starts_clause = bool(
                self._copula_head.match(rest)
                or self._estimate_head.match(rest)
                or self._change_head.match(rest)
            )
            # the words after the last comma run into the next figure: they are its topic
            # ('26.226 thuê bao, số thuê bao di động là 1.161.983', 'xây mới 304 căn, sửa
            # chữa 399 căn')
            # ('... cấp huyện và 505 đơn vị' joins the next figure: the list goes on)
            # ('... cấp huyện và 505 đơn vị' joins the next figure: the list goes on; 'thành
            # phố đã triển khai' is an item with its verb, not a topic)
            tail_words = rest.rstrip()
            next_topic = (
                end == len(span)
                and limit < len(text)
                and "," not in rest
                and not self._conjunction_tail.search(tail_words)
                and (len(_words(tail_words)) <= 2 or bool(self._copula_tail.search(tail_words)))
            )
            if len(segment_words) > 3 or starts_clause or next_topic:
                end = comma
                break
            pos = comma + 1
        words = _words(span[:end])
        if len(words) > self.rules.max_after_words:
            end = words[self.rules.max_after_words - 1].end()
        # a phrase that ran into the next figure gives back that figure's cue words
        # ('... cảnh báo hơn 14.000': 'hơn' is the next figure's bound)
        while True:
            tail = lspan[:end].rstrip(" ,")
            m = (
                self._bound_tail.search(tail)
                or self._estimate_tail.search(tail)
                or self._copula_tail.search(tail)
                or self._conjunction_tail.search(tail)
            )
            if not m or m.start() == 0:
                break
            end = m.start()
        phrase = span[:end].strip(" ,")
        return phrase, start + end

    def topic(self, text: str, low: str, left: int, right: int) -> tuple[str, str]:
        """The phrase before the number that names it, and the link word found ('copula' ...)."""
        # a number opening a parenthesis ('FTTH (572.594 hộ/...)') is named before it, and
        # so is one after a colon ('ước đạt: 276 tỷ đồng', 'nội trú: 1.520 lượt')
        while right > left and text[right - 1] in " (:":
            right -= 1
        seg = text[left:right]
        lseg = low[left:right]
        # strong boundaries: take what follows the last one
        cut = 0
        # a short closed parenthesis ('Chỉ số ... (DTI) của tỉnh') is part of the phrase
        for m in _TOPIC_STOP.finditer(_SHORT_PAREN.sub(lambda p: " " * len(p.group()), seg)):
            cut = m.end()
        for m in self._connector_any.finditer(lseg, cut):
            if not lseg[m.end() :].strip():
                continue  # a connector right before the number: handled as a link word
            cut = max(cut, m.end())
        seg, lseg = seg[cut:], lseg[cut:]
        link = ""
        # strip cue words at the end, remembering the strongest link
        while True:
            stripped = False
            for kind, pattern in (
                ("bound", self._bound_tail),
                ("estimate", self._estimate_tail),
                ("copula", self._copula_tail),
                ("existential", self._existential_tail),
                ("connector", self._connector_tail),
                ("aux", self._aux_tail),
                ("filler", self._filler_tail),
            ):
                m = pattern.search(lseg)
                if m and m.start() < len(lseg):
                    if kind in ("copula", "existential", "connector") and not link:
                        link = kind
                    # 'ước đạt' is an estimate cue ending in a copula: it links like 'đạt'
                    if kind == "estimate" and not link and self._copula_tail.search(m.group()):
                        link = "copula"
                    seg, lseg = seg[: m.start()], lseg[: m.start()]
                    seg, lseg = seg.rstrip(" ,"), lseg.rstrip(" ,")
                    stripped = True
                    break
            if not stripped:
                break
        # per-comma segments: the last substantive one, unless a subject head starts earlier
        parts = self._comma_parts(seg)
        heads = list(self._heads.finditer(lseg))
        chosen = ""
        if heads:
            k = len(heads) - 1
            # 'tỷ lệ X trên tổng số Y': a head after a denominator word belongs to the
            # head before it
            while k > 0 and self._denominator_tail.search(
                lseg[heads[k - 1].end() : heads[k].start()]
            ):
                k -= 1
            h = heads[k]
            start = h.start()
            if p := self._head_prefix_tail.search(lseg[:start]):
                start = p.start()  # 'lũy kế doanh thu'
            # a head counts only within the last two comma segments, or before a list of
            # short nouns ('nhóm may mặc, mũ nón, giày dép')
            later = [p for p in parts if p[0] > h.start()]
            # the last item may be joined by a conjunction ('điện, nước và vật liệu xây dựng')
            short = all(
                len(_words(item)) <= 3
                for a, b in later
                for item in self._conjunction_any.split(lseg[a:b])
            )
            if len(parts) < 2 or h.start() >= parts[-2][0] or short:
                chosen = seg[start:]
        if not chosen:
            for n in range(len(parts) - 1, -1, -1):
                piece = seg[parts[n][0] : parts[n][1]]
                if not self._filler_full.fullmatch(self._low(piece)) and self._substantive(piece):
                    # a list of short nouns before it names the same thing ('các sở, ban
                    # ngành tiếp nhận')
                    while n > 0 and self._list_item(seg, parts, n):
                        n -= 1
                    chosen = seg[parts[n][0] :]
                    break
        chosen = self._trim(chosen)
        if self._time_only.fullmatch(self._low(chosen)):
            chosen = ""  # 'Tháng 4/2023', 'năm 2023', '9 tháng' say when, not what
        return chosen, link

    def _list_item(self, seg: str, parts: list[tuple[int, int]], n: int) -> bool:
        """Whether the comma part before part ``n`` is a short noun of the same list."""
        a, b = parts[n - 1]
        piece = seg[a:b]
        low = self._low(piece)
        following = seg[parts[n][0] : parts[n][1]].lstrip()
        return (
            1 <= len(_words(piece)) <= 2
            and not any(ch.isdigit() for ch in piece)
            and following[:1].islower()
            # 'thành phố, tăng bậc': a part opening with a verb is a clause, not a list item
            and not self._change_head.match(self._low(following))
            and not self._copula_head.match(self._low(following))
            and not self._filler_full.fullmatch(low)
            and not self._time_only.fullmatch(low)
            and self._substantive(piece)
        )

    def _comma_parts(self, seg: str) -> list[tuple[int, int]]:
        parts, pos = [], 0
        comma = seg.find(",")
        while comma >= 0:
            parts.append((pos, comma))
            pos = comma + 1
            comma = seg.find(",", pos)
        parts.append((pos, len(seg)))
        return parts

    def _substantive(self, piece: str) -> bool:
        low = self._low(piece).strip(" ,")
        if self._section_label.match(low):
            return False  # 'Về chính quyền số, ...' labels a section, it counts nothing
        low = self._copula_head.sub("", low)
        low = self._aux_tail.sub("", low)
        return bool(_words(low)) and not self._filler_full.fullmatch(low)

    def _trim(self, phrase: str) -> str:
        phrase = phrase.strip(" ,")
        for _ in range(6):
            low = self._low(phrase)
            m = self._filler_head.match(low) or self._copula_head.match(low)
            if m and m.end() < len(low):
                phrase = phrase[m.end() :].strip(" ,")
                continue
            m = self._filler_tail.search(low)
            if m and m.start() > 0:
                phrase = phrase[: m.start()].strip(" ,")
                continue
            break
        if self._filler_full.fullmatch(self._low(phrase)):
            return ""
        return phrase

    def verb_phrase(self, topic: str) -> str:
        """The action words right before a number ('đã tiếp nhận' -> 'tiếp nhận')."""
        if not topic:
            return ""
        low = self._low(topic)
        last = None
        # the action starts after the last auxiliary or plan cue ('phấn đấu phủ sóng')
        for m in self._aux_any.finditer(low):
            last = m
        for m in self._target.finditer(low):
            if last is None or m.end() > last.end():
                last = m
        phrase = topic[last.end() :] if last else topic
        words = _words(phrase)
        if len(words) > self.rules.max_verb_words:
            phrase = phrase[words[-self.rules.max_verb_words].start() :]
        return phrase.strip(" ,")

    def per_from_cue(self, low_before: str) -> str | None:
        m = self._per_cue.search(low_before[-40:])
        if m and len(_words(m.group("rest"))) <= 3:
            return self._per_cues[" ".join(m.group("cue").split())]
        return None

    def is_target(
        self, low: str, start: int, dates: Sequence[DateMention], ctx: SentenceContext
    ) -> bool:
        """Whether the figure at ``start`` is a plan; :meth:`build` sets ``target_paragraph``
        when the sentence itself holds a target cue."""
        if ctx.target_paragraph:
            return True
        if ctx.published_year is None:
            return False
        for d in dates:
            year = d.iso[:4]
            later = d.start < start and year.isdigit() and int(year) > ctx.published_year
            if later and self._future.search(low[max(0, d.start - 15) : d.start + len(d.text) - 4]):
                return True
        return False

    # -- the sentence ------------------------------------------------------------------
    def build(
        self,
        text: str,
        quantities: Sequence[Quantity],
        dates: Sequence[DateMention] = (),
        clause_breaks: Sequence[int] = (),
        ctx: SentenceContext | None = None,
        previous: Sequence[Draft] = (),
    ) -> SentenceResult:
        """Records for the figures of one sentence.

        Args:
            text: the sentence.
            quantities: its figures (offsets into ``text``), left to right.
            dates: its dates (offsets into ``text``), for periods and targets.
            clause_breaks: offsets into ``text`` of clause boundaries (';').
            ctx: publication year and paragraph context.
            previous: the drafts of the sentence before; a qualifier that refers back
                ('Con số này tăng 12,4%') is put on its last figure, in place.
        Returns:
            Drafts of the records and the qualifiers that attached to nothing.
        """
        ctx = ctx or SentenceContext()
        low = self._low(text)
        # a plan cue counts for the figures after it; searched once per sentence, as an
        # enumeration can hold thousands of figures
        result = SentenceResult()
        roles = [self.classify(low, q) for q in quantities]
        cue_end = None if ctx.target_paragraph else self._plan_cue_end(low, quantities, roles)
        # 'dự kiến ... sẽ': an expected achievement is a target too
        future = bool(self._future_marker.search(low))
        qualified = [r.kind for r in roles]
        breaks = sorted(clause_breaks)
        drafts: dict[int, Draft] = {}
        left = 0
        previous_topic = ""
        last_subject = ""  # a bare figure ('(Tháng 4: 263 tỷ đồng)') is of the last subject
        base_per = None  # 'trên 01 ha': the base of the next figure's rate
        for i, q in enumerate(quantities):
            role = roles[i]
            k = bisect_left(breaks, q.start)  # breaks before the number; bisect keeps this linear
            clause_start = breaks[k - 1] + 1 if k else 0
            left = max(left, clause_start)
            standalone = False
            if role.kind != "figure":
                back = self._refers_back(low, left, role.verb)
                if back and (earlier := _last_figure(previous)) is not None:
                    self._attach(earlier, role, result, q)
                    left = max(left, role.end)
                    continue
                if self._names_its_own(low, left, role.verb):
                    # 'lợi nhuận tăng 5%' after another figure: a new thing changed
                    standalone = True
                else:
                    target = self._qualified(text, quantities, qualified, drafts, i, clause_start)
                    if (
                        target is None
                        and role.kind in ("change", "points")
                        and not back
                        and not any(
                            qualified[j] == "figure" and quantities[j].start >= clause_start
                            for j in drafts
                        )
                        and not self._unread_figure(
                            text, clause_start, role.verb, quantities, dates
                        )
                    ):
                        standalone = True  # nothing before it to qualify: it is the figure
                    elif target is None:
                        result.unattached.append(q)
                    else:
                        self._attach(drafts[target], role, result, q)
                if not standalone:
                    left = max(left, role.end)
                    continue
                if role.kind == "plan":
                    role = _Role("figure", None, q.expr_end, q.start, "")
                elif not q.percent:
                    # a multiple or a change in points with nothing to qualify is the figure
                    # as written ('gấp 1,7 lần'; 'giảm 0,8 điểm phần trăm' is signed below)
                    role = _Role("figure", None, q.expr_end, role.verb, "")
                else:
                    q = replace(q, value=role.value, value_max=_signed(q.value_max, role.value))
                qualified[i] = "figure"
            next_start = quantities[i + 1].start if i + 1 < len(quantities) else len(text)
            unit, unit_end = self.unit_of(text, low, q)
            if self._is_rate_base(low, left, q, unit, quantities, i, breaks, k):
                base_per = unit
                continue
            topic, link = self.topic(text, low, left, role.verb if standalone else q.start)
            if standalone:
                link = "copula"  # the thing that changed is named before the verb
            before = low[left : q.start]
            if not q.percent and self._change_down.search(before):
                # 'di động giảm: 3.642 thuê bao': the figure is a fall
                q = replace(q, value=-q.value, value_max=_signed(q.value_max, -1))
            bound = "="
            if m := self._bound_tail.search(before):
                bound = self._bounds[" ".join(m.group("cue").split())]
            bound = q.bound or bound  # written after the number: '10 ha trở lên'
            estimated = bool(self._estimate.search(before))
            per = q.per or self.per_from_cue(before) or base_per
            base_per = None
            # 'từ 46% trở lên', '06 xã trở lên': the bound is written after the number
            after_cue = self._after_bound.match(low, unit_end) or self._after_bound.match(
                low, q.expr_end
            )
            if after_cue:
                bound = self._after_bounds[" ".join(after_cue.group("cue").split())]
            after, after_end = self.after_phrase(text, low, q.expr_end, next_start)
            if after_cue:
                after = self._without_cue(text, after, q.expr_end, after_cue.span("cue"))
            after_low = self._low(after)
            # '... và đến năm 2025 kinh tế số chiếm': a conjunction starts the next clause
            noun_after = bool(after) and not (
                self._preposition_head.match(after_low) or self._conjunction_head.match(after_low)
            )
            if q.percent or q.currency or q.per:
                counted = after if noun_after else ""
            else:
                counted = after if noun_after else text[q.expr_end : unit_end].strip()
            when = "" if topic else self._bracketed_period(text, low, left, q.start)
            subject, rule = self._subject(
                topic, link, counted, previous_topic, q, last_subject, when
            )
            if not unit and not q.total and subject:
                # '... còn hiệu lực là 156', 'bệnh nhân điều trị tiểu đường: 4.149': a
                # bare count is counted in the noun its subject names
                unit = self._unit_of_subject(subject)
            prior = drafts[max(drafts)] if drafts else None
            if subject and prior and self._is_part(low, prior, q, unit):
                # 'trong đó 320 hồ sơ trực tuyến': the part's owner is the whole's
                owner = prior.topic
                if owner and self._low(owner) not in self._low(subject):
                    subject, rule = f"{subject} {owner}", f"{rule}+owner"
            if raised := self._raised(low[left : q.start].lstrip(" ,"), last_subject):
                subject, rule = raised, f"{rule}+raised"
            drafts[i] = Draft(
                quantity=q,
                unit=unit,
                subject=subject,
                bound=bound,
                estimated=estimated,
                kind=self._kind(low, q.start, before, dates, ctx, cue_end, future, unit),
                per=per,
                period=self._period(dates, q.start, ctx),
                rule="change.standalone" if standalone and q.percent else rule,
                topic=topic,
                change_basis=role.basis,
                standalone=standalone and q.percent,
            )
            if topic and not self._head_full.fullmatch(self._low(topic)):
                previous_topic = subject
            last_subject = subject or last_subject
            left = max(left, after_end if noun_after else q.expr_end)
        result.drafts = [drafts[i] for i in sorted(drafts)]
        m = self._section_domain.match(low)
        # only a label with its noun ('Về lĩnh vực ...', 'Về công tác ...') names a domain:
        # 'Về xã hội số, ...' may open a sentence about communes
        if m and self._section_noun.search(low, 0, m.start("domain")):
            domain = text[m.start("domain") : m.end("domain")]
            for d in result.drafts:
                if d.subject and self._low(domain) not in self._low(d.subject):
                    d.subject, d.rule = f"{d.subject} {domain}", f"{d.rule}+section"
        return result

    def _unit_of_subject(self, subject: str) -> str:
        """The counted noun a subject opens with ('số dự án ...' -> 'dự án'), or ''."""
        m = self._subject_unit.match(self._low(subject))
        return " ".join(m.group("unit").split()) if m else ""

    def _is_part(self, low: str, prior: Draft, q: Quantity, unit: str) -> bool:
        """Whether ``q`` is a part of the figure before it: a part-of connector between
        them and the same counted noun."""
        if unit in ("", "%") or unit != prior.unit or prior.standalone:
            return False
        between = low[prior.quantity.expr_end : q.start]
        if ";" in between:
            return False
        return any(m.group("part") for m in self._part_of.finditer(between))

    def _raised(self, low: str, last: str) -> str:
        """'..., nâng tổng số thuê bao hiện có 160.471 thuê bao': the total of the thing
        the last figure changed, when the topic names nothing more than its noun."""
        m = self._raise.match(low)
        if not m or not last:
            return ""
        rest = self._existential_tail.sub("", self._aux_tail.sub("", low[m.end() :])).strip()
        if len(_words(rest)) > 2:
            return ""  # 'nâng tổng số xã đạt chuẩn lên ...' names what it counts itself
        base = last[h.end() :].strip() if (h := self._head_start.match(self._low(last))) else last
        return f"{self._raises[' '.join(m.group('cue').split())]} {base}"

    def _bracketed_period(self, text: str, low: str, left: int, start: int) -> str:
        """The period that alone names a bracketed comparison base ('(Tháng 4/2023: 263
        tỷ đồng)', '(năm 2017 đạt 90,4%)'), else ''."""
        opening = text.rfind("(", left, start)
        if opening < 0:
            return ""
        seg = text[opening + 1 : start]
        lseg = low[opening + 1 : start].rstrip(" :")
        lseg = self._copula_tail.sub("", self._estimate_tail.sub("", lseg)).rstrip(" :")
        if not any(ch.isdigit() for ch in lseg) or not self._time_only.fullmatch(lseg):
            return ""
        return seg[: len(lseg)].strip()

    def _subject(
        self,
        topic: str,
        link: str,
        counted: str,
        previous: str,
        q: Quantity,
        last: str = "",
        when: str = "",
    ) -> tuple[str, str]:
        shape = (
            "percent" if q.percent else "money" if q.currency else "ratio" if q.total else "count"
        )
        if q.per and not q.percent and not q.currency:
            shape = "density"
        if topic and self._rate_head_full.fullmatch(self._low(topic)) and (last or previous):
            # a bare head ('đạt tỷ lệ 28%') is the rate of the figure just before
            own = last if last and not self._low(last).startswith(self._low(topic)) else previous
            return f"{topic} {own or last}", f"{shape}.head+previous"
        if topic and (link == "copula" or not counted):
            return topic, f"{shape}.topic"
        if topic and link == "existential" and self._heads.search(self._low(topic)):
            return topic, f"{shape}.topic"  # 'tổng số thuê bao cố định hiện có 160.000 thuê bao'
        if counted:
            if link in ("existential", "connector") or not topic:
                return counted, f"{shape}.after"
            verb = self.verb_phrase(topic)
            return (f"{verb} {counted}" if verb else counted), f"{shape}.verb+after"
        if when and last:
            return f"{last} {when}", f"{shape}.previous+period"
        if previous or last:
            return previous or last, f"{shape}.previous"
        return "", f"{shape}.none"

    def _kind(
        self,
        low: str,
        start: int,
        before: str,
        dates: Sequence[DateMention],
        ctx: SentenceContext,
        cue_end: int | None,
        future: bool = False,
        unit: str = "",
    ) -> str:
        """'target' for plans, unless the figure's own words say it is done ('đã thành lập')."""
        planned = (cue_end is not None and cue_end <= start) or self.is_target(
            low, start, dates, ctx
        )
        if unit != "%" and self._plan_item.match(unit):
            return "actual"  # 'đề ra 25 chỉ tiêu' counts a plan's items: a fact
        planned = planned or (future and bool(self._estimate.search(before)))
        if planned and not self._done.search(before):
            return "target"
        return "actual"

    def _is_rate_base(self, low, left, q, unit, quantities, i, breaks, k) -> bool:
        """Whether ``q`` is a count of one after 'trên'/'mỗi' with a figure after it in
        its clause: the base of that figure's rate ('trên 01 ha ... đạt 120 triệu đồng')."""
        if q.percent or q.currency or q.value != 1 or not unit or i + 1 >= len(quantities):
            return False
        clause_end = breaks[k] if k < len(breaks) else len(low)
        if quantities[i + 1].start >= clause_end:
            return False
        return bool(self._per_base.search(low[left : q.start]))

    @staticmethod
    def _without_cue(text: str, phrase: str, start: int, cue: tuple[int, int]) -> str:
        """``phrase`` (found from ``start`` in ``text``) without the bound cue at ``cue``."""
        offset = text.find(phrase, start) if phrase else -1
        a, b = cue
        if offset < 0 or not (offset <= a and b <= offset + len(phrase)):
            return phrase
        cut = phrase[: a - offset] + " " + phrase[b - offset :]
        return " ".join(cut.split()).strip(" ,")

    def _refers_back(self, low: str, left: int, verb: int) -> bool:
        """Whether a qualifier's subject only points back ('Con số này tăng 12,4%')."""
        seg = low[left:verb]
        stops = list(_TOPIC_STOP.finditer(seg))
        if stops:
            seg = seg[stops[-1].end() :]
        part = self._aux_any.sub(" ", self._estimate.sub(" ", seg.rsplit(",", 1)[-1]))
        return bool(self._back_ref.match(" ".join(part.split())))

    def _unread_figure(
        self,
        text: str,
        start: int,
        end: int,
        quantities: Sequence[Quantity],
        dates: Sequence[DateMention],
    ) -> bool:
        """Whether a figure-like number that is neither a figure read nor a date stands
        between ``start`` and ``end``: a change after it qualifies that figure."""
        read = [(q.start, q.expr_end) for q in quantities] + [(d.start, d.end) for d in dates]
        for m in self._figure_like.finditer(text, start, end):
            if not any(a < m.end() and m.start() < b for a, b in read):
                return True
        return False

    def _names_its_own(self, low: str, left: int, verb: int) -> bool:
        """Whether words between the last figure's phrase and a qualifier's verb name a
        new thing ('..., lợi nhuận tăng 5%'), rather than a comparison base or fillers."""
        seg = _PARENS.sub(" ", low[left:verb])
        stops = list(_TOPIC_STOP.finditer(seg))
        if stops:
            seg = seg[stops[-1].end() :]
        # the thing changed is named in the verb's own comma segment
        part = self._conjunction_head.sub("", seg.rsplit(",", 1)[-1].strip()).strip()
        part = self._aux_any.sub(" ", self._estimate.sub(" ", part)).strip()
        if not part or self._reference_head.match(part) or self._filler_full.fullmatch(part):
            return False
        return self._substantive(part)

    def _attach(self, d: Draft, role: _Role, result: SentenceResult, q: Quantity) -> None:
        """Put a share of plan or a change on its figure; of two changes the year-on-year
        one wins, any other second change is left unattached (it qualifies nothing new).
        A change in percentage points has no field: it only stops being a record."""
        if role.kind == "points":
            return
        if role.kind == "plan":
            if d.plan_percent is None:
                d.plan_percent = role.value
            else:
                result.unattached.append(q)
            return
        if d.standalone:
            # 'CPI tăng 0,3% so với tháng trước, tăng 3,1% so với cùng kỳ': the record is
            # the year-on-year change
            if role.basis == "yoy" and d.change_basis != "yoy":
                d.quantity = replace(q, value=role.value, value_max=None)
                d.change_basis = role.basis
            else:
                result.unattached.append(q)
            return
        if d.change_percent is None or (role.basis == "yoy" and d.change_basis != "yoy"):
            d.change_percent = role.value
            d.change_basis = role.basis
        else:
            result.unattached.append(q)

    def _plan_cue_end(self, low: str, quantities, roles) -> int | None:
        """End of the first plan cue that speaks of a plan, not of a result measured
        against one ('vượt kế hoạch đề ra') nor inside a share of plan's phrase."""
        masked = [(m.start(), m.end()) for m in self._target_result.finditer(low)]
        masked += [
            (q.expr_end, r.end)
            for q, r in zip(quantities, roles, strict=True)
            if r.kind != "figure"
        ]
        for m in self._target.finditer(low):
            if not any(a <= m.start() < b for a, b in masked):
                return m.end()
        return None

    def _qualified(self, text, quantities, qualified, drafts, i, clause_start) -> int | None:
        """Index of the figure a share of plan or change belongs to: the nearest before it
        in the clause, passing over densities and bracketed figures closed before it."""
        for j in range(i - 1, -1, -1):
            q = quantities[j]
            if q.start < clause_start:
                break
            if qualified[j] != "figure" or j not in drafts:
                continue
            if q.per and not q.currency:
                continue
            between = text[q.expr_end : quantities[i].start]
            if between.count(")") > between.count("("):
                continue  # '(Tháng 4/2023: 263.299 tỷ đồng) và giảm 2%': a comparison base
            return j
        return None

    def _period(self, dates: Sequence[DateMention], start: int, ctx: SentenceContext) -> str | None:
        usable = [d for d in dates if d.precision in ("year", "month", "span")]
        before = [d for d in usable if d.start < start]
        if before:
            return before[-1].iso
        if usable:
            return usable[0].iso
        return ctx.period


def _last_figure(drafts: Sequence[Draft]) -> Draft | None:
    """The last record of a sentence that a later qualifier can refer back to."""
    for d in reversed(drafts):
        if not d.standalone:
            return d
    return None


def _signed(value: Decimal | None, sign: Decimal | int | None) -> Decimal | None:
    """``value`` with the sign of ``sign`` (the upper end of a fall is a fall too)."""
    if value is None or sign is None:
        return value
    return -abs(value) if sign < 0 else value
