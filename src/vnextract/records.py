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
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Literal

import regex
from pydantic import BaseModel, ConfigDict, Field

from .model import DateMention, Quantity
from .textnorm import Folder

Bound = Literal["=", "~", ">", "<", ">=", "<="]


class _Plan(BaseModel):
    model_config = ConfigDict(extra="forbid")
    lead: list[str]
    over: list[str]
    cues: list[str]
    window_words: int = Field(ge=1, le=20)


class _Change(BaseModel):
    model_config = ConfigDict(extra="forbid")
    up: list[str]
    down: list[str]
    ratio: list[str]
    reference: list[str]
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
    units: list[str]
    plan: _Plan
    change: _Change
    per_cues: dict[str, str]
    target_cues: list[str]
    done_markers: list[str]
    section_labels: list[str]
    plan_verbs: list[str]
    future_year_cues: list[str]
    task_list_cues: list[str]
    ordinal_starts: list[str]
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
        self._after_stop = anywhere(rules.after_stops)
        self._preposition_head = head(rules.prepositions)
        self._unit_head = regex.compile(
            rf"^\s*(?P<unit>{_alternation(rules.units)})(?![\p{{L}}\p{{N}}])"
        )
        self._plan_lead = tail(rules.plan.lead)
        self._plan_over = tail(rules.plan.over)
        self._plan_cue = anywhere(rules.plan.cues)
        self._change_up = tail(rules.change.up)
        self._change_down = tail(rules.change.down)
        self._change_ratio = tail(rules.change.ratio)
        self._change_ref = anywhere(rules.change.reference)
        self._per_cue = regex.compile(
            rf"(?<!\p{{L}})(?P<cue>{_alternation(rules.per_cues)})(?!\p{{L}})(?P<rest>[^,;]*)$"
        )
        self._per_cues = {" ".join(k.lower().split()): v for k, v in rules.per_cues.items()}
        self._target = anywhere(rules.target_cues)
        self._done = anywhere(rules.done_markers)
        self._section_label = head(rules.section_labels)
        self._future = regex.compile(rf"(?:{_alternation(rules.future_year_cues)})\s*$")

    # -- helpers over a lower-cased, tone-folded copy with the same offsets ------------
    def _low(self, text: str) -> str:
        low = self.folder.tones(text).lower()
        return low if len(low) == len(text) else text.lower()

    def classify(self, low: str, q: Quantity) -> tuple[str, Decimal | None, int]:
        """Whether ``q`` is a figure, a share of plan or a change; with its value and phrase end."""
        before = low[max(0, q.start - 40) : q.start]
        after_words = _words(low[q.expr_end : q.expr_end + 80])
        window = low[q.expr_end : q.expr_end + 80]
        if after_words:
            cut = after_words[min(len(after_words), self.rules.plan.window_words) - 1].end()
            window = window[:cut]
        stop = _PUNCT_STOP.search(window)
        clause_window = window[: stop.start()] if stop else window
        comma = clause_window.find(",")
        near = clause_window if comma < 0 else clause_window[:comma]
        # the qualifier's phrase ends at the comma: what follows names the next figure
        end = q.expr_end + len(near)
        if not q.percent:
            return "figure", None, q.expr_end
        if self._plan_cue.search(near) and self._plan_lead.search(before):
            value = q.value + 100 if self._plan_over.search(before) else q.value
            return "plan", value, end
        if self._change_up.search(before):
            return "change", q.value, end
        if self._change_down.search(before):
            return "change", -q.value, end
        if self._change_ratio.search(before) and self._change_ref.search(near):
            return "change", q.value - 100, end
        return "figure", None, q.expr_end

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
            starts_clause = bool(self._copula_head.match(rest) or self._estimate_head.match(rest))
            if len(segment_words) > 3 or starts_clause:
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
        # a number opening a parenthesis ('FTTH (572.594 hộ/...)') is named before it
        while right > left and text[right - 1] in " (":
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
            h = heads[-1]
            # a head counts only within the last two comma segments
            if len(parts) < 2 or h.start() >= parts[-2][0]:
                chosen = seg[h.start() :]
        if not chosen:
            for s, e in reversed(parts):
                piece = seg[s:e]
                if not self._filler_full.fullmatch(self._low(piece)) and self._substantive(piece):
                    chosen = seg[s:]
                    break
        chosen = self._trim(chosen)
        return chosen, link

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
    ) -> SentenceResult:
        """Records for the figures of one sentence.

        Args:
            text: the sentence.
            quantities: its figures (offsets into ``text``), left to right.
            dates: its dates (offsets into ``text``), for periods and targets.
            clause_breaks: offsets into ``text`` of clause boundaries (';').
            ctx: publication year and paragraph context.
        Returns:
            Drafts of the records and the qualifiers that attached to nothing.
        """
        ctx = ctx or SentenceContext()
        low = self._low(text)
        # a plan cue counts for the figures after it; searched once per sentence, as an
        # enumeration can hold thousands of figures
        cue = None if ctx.target_paragraph else self._target.search(low)
        cue_end = cue.end() if cue else None
        result = SentenceResult()
        roles = [self.classify(low, q) for q in quantities]
        breaks = sorted(clause_breaks)
        drafts: dict[int, Draft] = {}
        left = 0
        previous_topic = ""
        for i, q in enumerate(quantities):
            role, qual_value, phrase_end = roles[i]
            k = bisect_left(breaks, q.start)  # breaks before the number; bisect keeps this linear
            clause_start = breaks[k - 1] + 1 if k else 0
            left = max(left, clause_start)
            if role != "figure":
                target = self._qualified(quantities, roles, drafts, i, clause_start, role)
                if target is None:
                    result.unattached.append(q)
                else:
                    if role == "plan":
                        drafts[target].plan_percent = qual_value
                    else:
                        drafts[target].change_percent = qual_value
                left = max(left, phrase_end)
                continue
            next_start = quantities[i + 1].start if i + 1 < len(quantities) else len(text)
            unit, unit_end = self.unit_of(text, low, q)
            topic, link = self.topic(text, low, left, q.start)
            before = low[left : q.start]
            bound = "="
            if m := self._bound_tail.search(before):
                bound = self._bounds[" ".join(m.group("cue").split())]
            bound = q.bound or bound  # written after the number: '10 ha trở lên'
            estimated = bool(self._estimate.search(before))
            per = q.per or self.per_from_cue(before)
            after, after_end = self.after_phrase(text, low, q.expr_end, next_start)
            after_low = self._low(after)
            # '... và đến năm 2025 kinh tế số chiếm': a conjunction starts the next clause
            noun_after = bool(after) and not (
                self._preposition_head.match(after_low) or self._conjunction_head.match(after_low)
            )
            if q.percent or q.currency or q.per:
                counted = after if noun_after else ""
            else:
                counted = after if noun_after else text[q.expr_end : unit_end].strip()
            subject, rule = self._subject(topic, link, counted, previous_topic, q)
            drafts[i] = Draft(
                quantity=q,
                unit=unit,
                subject=subject,
                bound=bound,
                estimated=estimated,
                kind=self._kind(low, q.start, before, dates, ctx, cue_end),
                per=per,
                period=self._period(dates, q.start, ctx),
                rule=rule,
                topic=topic,
            )
            if topic and not self._head_full.fullmatch(self._low(topic)):
                previous_topic = subject
            left = max(left, after_end if noun_after else q.expr_end)
        result.drafts = [drafts[i] for i in sorted(drafts)]
        return result

    def _subject(
        self, topic: str, link: str, counted: str, previous: str, q: Quantity
    ) -> tuple[str, str]:
        shape = (
            "percent" if q.percent else "money" if q.currency else "ratio" if q.total else "count"
        )
        if q.per and not q.percent and not q.currency:
            shape = "density"
        if topic and self._head_full.fullmatch(self._low(topic)) and previous:
            return f"{topic} {previous}", f"{shape}.head+previous"
        if topic and (link == "copula" or not counted):
            return topic, f"{shape}.topic"
        if counted:
            if link in ("existential", "connector") or not topic:
                return counted, f"{shape}.after"
            verb = self.verb_phrase(topic)
            return (f"{verb} {counted}" if verb else counted), f"{shape}.verb+after"
        if previous:
            return previous, f"{shape}.previous"
        return "", f"{shape}.none"

    def _kind(
        self,
        low: str,
        start: int,
        before: str,
        dates: Sequence[DateMention],
        ctx: SentenceContext,
        cue_end: int | None,
    ) -> str:
        """'target' for plans, unless the figure's own words say it is done ('đã thành lập')."""
        planned = (cue_end is not None and cue_end <= start) or self.is_target(
            low, start, dates, ctx
        )
        if planned and not self._done.search(before):
            return "target"
        return "actual"

    def _qualified(self, quantities, roles, drafts, i, clause_start, role) -> int | None:
        """Index of the figure a share of plan or change belongs to: the nearest before it
        in the clause, passing over densities and figures already qualified."""
        for j in range(i - 1, -1, -1):
            q = quantities[j]
            if q.start < clause_start:
                break
            if roles[j][0] != "figure" or j not in drafts:
                continue
            if q.per and not q.currency:
                continue
            d = drafts[j]
            if (d.plan_percent if role == "plan" else d.change_percent) is not None:
                continue
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
