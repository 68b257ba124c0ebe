"""Turn the figures of one sentence into indicator records.

For each number the sentence is read around it: the phrase before it (its topic,
bound and estimate cues: ``topic.py``, ``kind.py``), the phrase after it (the
counted noun: ``phrases.py``), qualifiers that belong to a neighbouring figure
(share of plan, change: ``qualifiers.py``), and from those its subject
(``subject.py``). All words come from ``rules/records.yml`` (``schema.py``),
compiled once per rule set (``cues.py``); this module only walks the sentence.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass, field, replace

from vnextract.core.model import DateMention, Quantity
from vnextract.core.textnorm import Folder
from vnextract.records.cues import Cues
from vnextract.records.draft import Draft, Role, SentenceContext, SentenceResult
from vnextract.records.kind import (
    bound_of,
    bounds_group,
    is_estimated,
    is_rate_base,
    is_rate_base_after,
    kind_of,
    may_share_estimate,
    per_from_cue,
    per_of_each,
    period_of,
)
from vnextract.records.phrases import bare_unit, counted_after, unit_of
from vnextract.records.qualifiers import (
    attach,
    classify,
    counted_in,
    last_figure,
    named_figure,
    names_its_own,
    plan_cue_end,
    qualified_figure,
    refers_back,
    signed,
    unread_figure,
)
from vnextract.records.respective import bracketed_changes, respective_changes
from vnextract.records.schema import Bound, RecordRules
from vnextract.records.shared import share_along_lists
from vnextract.records.subject import (
    add_section_domain,
    choose_subject,
    is_part,
    named_later,
    raised,
)
from vnextract.records.topic import bracketed_period, topic

__all__ = [
    "Bound",
    "Draft",
    "RecordBuilder",
    "RecordRules",
    "SentenceContext",
    "SentenceResult",
]


@dataclass(slots=True)
class _Reading:
    """One sentence as :meth:`RecordBuilder.build` walks it, figure by figure."""

    text: str
    low: str
    quantities: Sequence[Quantity]
    dates: Sequence[DateMention]
    breaks: list[int]
    ctx: SentenceContext
    previous: Sequence[Draft]
    earlier: Sequence[Draft]
    kinds: list[str]  # each number's role kind; a standalone qualifier becomes 'figure'
    cue_end: int | None
    future: bool
    result: SentenceResult = field(default_factory=SentenceResult)
    drafts: dict[int, Draft] = field(default_factory=dict)
    left: int = 0  # where the phrase of the next figure may start
    previous_topic: str = ""
    last_subject: str = ""  # a bare figure ('(Tháng 4: 263 tỷ đồng)') is of the last subject
    base_per: str | None = None  # 'trên 01 ha': the base of the next figure's rate
    frame_end: int | None = None  # 'Ước đến cuối năm 2020, ...': estimates after it
    list_items: dict[int, str] = field(default_factory=dict)  # may share an estimate before
    pair_of: dict[int, int] = field(default_factory=dict)  # absolute change -> its bracketed %
    paired: dict[int, Draft] = field(default_factory=dict)  # that % -> the figure it changes


class RecordBuilder:
    """Reads the records of a sentence with the cues of one rule set."""

    def __init__(self, rules: RecordRules, folder: Folder) -> None:
        self.rules = rules
        self.folder = folder
        self.cues = Cues(rules, folder)

    def build(
        self,
        text: str,
        quantities: Sequence[Quantity],
        dates: Sequence[DateMention] = (),
        clause_breaks: Sequence[int] = (),
        ctx: SentenceContext | None = None,
        previous: Sequence[Draft] = (),
        earlier: Sequence[Draft] = (),
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
            earlier: when the sentence before has no figures, those of the one before it,
                for a qualifier that names its figure ('Số lợn tiêu hủy tăng 35,8%').
        Returns:
            Drafts of the records and the qualifiers that attached to nothing.
        """
        ctx = ctx or SentenceContext()
        cues = self.cues
        low = cues.low(text)
        roles = [classify(cues, low, q) for q in quantities]
        pair_of = bracketed_changes(cues, low, quantities, roles)
        # a plan cue counts for the figures after it; searched once per sentence, as an
        # enumeration can hold thousands of figures
        cue_end = None if ctx.target_paragraph else plan_cue_end(cues, low, quantities, roles)
        st = _Reading(
            text,
            low,
            quantities,
            dates,
            sorted(clause_breaks),
            ctx,
            previous,
            earlier,
            [r.kind for r in roles],
            cue_end,
            # 'dự kiến ... sẽ': an expected achievement is a target too
            future=bool(cues.future_marker.search(low)),
        )
        if frame := cues.estimate_frame.search(low):
            st.frame_end = frame.end()
        st.pair_of = pair_of
        listed = respective_changes(cues, low, quantities, st.kinds, st.breaks)
        for i, q in enumerate(quantities):
            role = roles[i]
            if i in listed:
                self._listed(st, i, q, *listed[i])
                continue
            if (changed := st.paired.pop(i, None)) is not None:
                st.kinds[i] = "change"  # 'giảm 87 vụ (6,5%)': the change of 87's figure
                attach(changed, role, st.result, q)
                st.left = max(st.left, role.end)
                continue
            k = bisect_left(
                st.breaks, q.start
            )  # breaks before the number; bisect keeps this linear
            clause_start = st.breaks[k - 1] + 1 if k else 0
            st.left = max(st.left, clause_start)
            standalone = False
            if role.kind != "figure":
                if (own := self._qualifier(st, i, q, role, clause_start)) is None:
                    continue
                q, role = own
                standalone = True
            clause_end = st.breaks[k] if k < len(st.breaks) else len(low)
            self._figure(st, i, q, role, standalone, clause_end)
            if i in st.pair_of and i in st.drafts:
                st.paired[st.pair_of[i]] = st.drafts[i]
        share_along_lists(cues, low, st.drafts, st.list_items, st.previous)
        st.result.drafts = [st.drafts[i] for i in sorted(st.drafts)]
        add_section_domain(cues, text, low, st.result.drafts)
        return st.result

    def _listed(self, st: _Reading, i: int, q: Quantity, target: int, role: Role | None) -> None:
        """Put a change of a list of changes on its count (see ``respective.py``); an
        absolute change (``role`` None) only restates the count."""
        st.kinds[i] = "change"
        if role is not None and target in st.drafts:
            attach(st.drafts[target], role, st.result, q)
        elif role is not None:
            st.result.unattached.append(q)
        st.left = max(st.left, q.expr_end)

    def _qualifier(
        self, st: _Reading, i: int, q: Quantity, role: Role, clause_start: int
    ) -> tuple[Quantity, Role] | None:
        """Put a share of plan or change on the figure it qualifies (in this sentence or
        the one before) and return None; or, when it names its own thing or has nothing
        to qualify, return it as a figure of its own."""
        cues = self.cues
        back = refers_back(cues, st.low, st.left, role.verb)
        # 'con số này' points to the last figure before it: in this sentence ('...; con
        # số này tăng 9%'), else in the one before
        here = [st.drafts[j] for j in sorted(st.drafts)]
        earlier = last_figure(here) or last_figure(st.previous)
        if back and earlier is not None:
            named = earlier
        else:  # 'Số vụ cháy giảm 12 vụ (20,3%)' after '... xảy ra 47 vụ cháy'
            named = named_figure(
                cues, st.low, st.left, role.verb, here or st.previous or st.earlier, bool(here)
            )
        if named is not None:
            self._attach(st, i, named, role, q)
            st.left = max(st.left, role.end)
            return None
        standalone = False
        after = st.low[q.expr_end :].lstrip()
        named_after = role.kind == "change" and q.percent and cues.counted_prefix_head.match(after)
        if named_after and (d := counted_in(cues, after[named_after.end() :], here)):
            # '… bắt giữ 512 vụ, …, tăng 6,2% số vụ': the change of the figure it names
            self._attach(st, i, d, role, q)
            st.left = max(st.left, role.end)
            return None
        if names_its_own(cues, st.low, st.left, role.verb) or named_after:
            # 'lợi nhuận tăng 5%' after another figure, or 'giảm 15% số vụ tai nạn': a
            # new thing changed, named before the verb or after the percentage
            standalone = True
        else:
            target = qualified_figure(
                cues, st.low, st.quantities, st.kinds, st.drafts, i, clause_start, role.end
            )
            if (
                target is None
                and role.kind in ("change", "points", "compare", "absolute")
                and not back
                and not any(
                    st.kinds[j] == "figure" and st.quantities[j].start >= clause_start
                    for j in st.drafts
                )
                and not unread_figure(
                    cues, st.text, clause_start, role.verb, st.quantities, st.dates
                )
            ):
                standalone = True  # nothing before it to qualify: it is the figure
            elif target is None:
                st.result.unattached.append(q)
            else:
                self._attach(st, i, st.drafts[target], role, q)
        if not standalone:
            st.left = max(st.left, role.end)
            return None
        if role.kind == "plan":
            role = Role("figure", None, q.expr_end, q.start, "")
        elif not q.percent:
            # a multiple or a change in points with nothing to qualify is the figure
            # as written ('gấp 1,7 lần'; 'giảm 0,8 điểm phần trăm' is signed below)
            role = Role("figure", None, q.expr_end, role.verb, "")
        else:
            q = replace(q, value=role.value, value_max=signed(q.value_max, role.value))
        st.kinds[i] = "figure"
        return q, role

    def _attach(self, st: _Reading, i: int, d: Draft, role: Role, q: Quantity) -> None:
        """Put qualifier ``i`` on ``d``; an absolute change's bracketed percentage follows."""
        attach(d, role, st.result, q)
        if i in st.pair_of:
            st.paired[st.pair_of[i]] = d

    def _figure(
        self, st: _Reading, i: int, q: Quantity, role: Role, standalone: bool, clause_end: int
    ) -> None:
        """Read figure ``i`` (``q``, after any qualifier it stands for) into a draft."""
        cues, text, low, left = self.cues, st.text, st.low, st.left
        next_start = st.quantities[i + 1].start if i + 1 < len(st.quantities) else len(text)
        unit, unit_end = unit_of(cues, text, low, q)
        if is_rate_base(cues, low, left, q, unit, st.quantities, i, clause_end):
            st.base_per = unit
            return
        if (prior := st.drafts.get(i - 1)) and is_rate_base_after(
            cues, low, q, unit, prior.quantity
        ):
            prior.per = prior.per or unit  # '750 kg trên 01 ha': the base of the rate before
            return
        found, link = topic(cues, text, low, left, role.verb if standalone else q.start)
        if standalone:
            link = "copula"  # the thing that changed is named before the verb
        before = low[left : q.start]
        if not q.percent and cues.change_down.search(before):
            # 'di động giảm: 3.642 thuê bao': the figure is a fall
            q = replace(q, value=-q.value, value_max=signed(q.value_max, -1))
        bound, after_cue = bound_of(cues, low, before, q, unit_end)
        last = max(st.drafts) if st.drafts else None
        prior = st.drafts[last] if last is not None else None
        if bounds_group(cues, low, q, prior, bound, after_cue, st.quantities, i):
            st.result.unattached.append(q)  # '4 chủ đầu tư giải ngân dưới 30%': who is counted
            return
        each = cues.each_after.match(low, unit_end)  # '6.850 người mỗi điểm'
        per = q.per or per_of_each(cues, each, before) or per_from_cue(cues, before)
        per, st.base_per = per or st.base_per, None
        counted, after_end, noun_after = counted_after(
            cues, text, low, q, each, next_start, unit_end, after_cue
        )
        when = "" if found else bracketed_period(cues, text, low, left, q.start)
        subject, rule = choose_subject(
            cues, found, link, counted, st.previous_topic, q, st.last_subject, when, before
        )
        subject, rule, unit = named_later(
            cues, text, low, q, found, (unit, unit_end), subject, rule
        )
        if not unit and not q.total:
            # a clause break (';') is left out of the lead: put it back for a list's item
            lead = low[left - 1 : q.start] if left and low[left - 1] in ",;" else before
            unit = bare_unit(cues, subject, lead, prior.unit if prior else "")
        if subject and prior and is_part(cues, low, prior, q, unit):
            # 'trong đó 320 hồ sơ trực tuyến': the part's owner is the whole's
            owner = prior.topic
            if owner and cues.low(owner) not in cues.low(subject):
                subject, rule = f"{subject} {owner}", f"{rule}+owner"
        if total := raised(cues, low[left : q.start].lstrip(" ,"), st.last_subject):
            subject, rule = total, f"{rule}+raised"
        st.drafts[i] = Draft(
            quantity=q,
            unit=unit,
            subject=subject,
            bound=bound,
            estimated=is_estimated(cues, before, q.start, st.frame_end),
            # 'sẽ huy động 1.500 công nhân và 420 thiết bị': a figure joined with no words of
            # its own is planned as the one before it
            kind="target"
            if prior and prior.kind == "target" and cues.list_join.match(before)
            else kind_of(cues, low, q.start, before, st.dates, st.ctx, st.cue_end, st.future, unit),
            per=per,
            period=period_of(st.dates, q.start, st.ctx),
            rule="change.standalone" if standalone and q.percent else rule,
            topic=found,
            change_basis=role.basis,
            standalone=standalone and q.percent,
            lead=before,
        )
        after_part = last is not None and st.list_items.get(last) == "part"
        if shape := may_share_estimate(cues, low, before, q.start, prior, link, after_part):
            st.list_items[i] = shape
        if found and not cues.head_full.fullmatch(cues.low(found)):
            st.previous_topic = subject
        st.last_subject = subject or st.last_subject
        st.left = max(left, after_end if noun_after else q.expr_end)
