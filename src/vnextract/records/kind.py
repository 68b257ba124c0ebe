"""What sort of figure a number is, beside what it counts: target or actual, its
bound and estimate, its rate base ('per') and its period."""

from __future__ import annotations

from collections.abc import Sequence
from itertools import pairwise

import regex

from vnextract.core.cache import ByRules
from vnextract.core.model import DateMention, Quantity
from vnextract.core.patterns import alternation
from vnextract.records.cues import Cues, anywhere, spaced, tail, words
from vnextract.records.draft import Draft, SentenceContext


def is_target(
    cues: Cues, low: str, start: int, dates: Sequence[DateMention], ctx: SentenceContext
) -> bool:
    """Whether the figure at ``start`` is a plan: its paragraph states plans, or a year
    after publication with a future cue comes before it."""
    if ctx.target_paragraph:
        return True
    if ctx.published_year is None:
        return False
    for d in dates:
        year = d.iso[:4]
        later = d.start < start and year.isdigit() and int(year) > ctx.published_year
        if later and cues.future.search(low[max(0, d.start - 15) : d.start + len(d.text) - 4]):
            return True
    return False


# 'từ' ending the words before a number; its 'to' word within a few words after it
_FROM = ByRules(lambda rules: tail(rules.change_from))
_TO = ByRules(
    lambda rules: regex.compile(
        rf"[\d.,]+\s*(?:%\s*)?(?:\S+\s+){{0,4}}?{alternation(rules.change_to)}\s+(?:\p{{L}}+\s+){{0,2}}\d"
    )
)
# the words after the 'to' word belong to the figure there: a done marker before it is the
# starting figure's ('từ 61,3% hiện nay lên 80%')
_TO_WORD = ByRules(lambda rules: anywhere(rules.change_to))


def starts_change(cues: Cues, low: str, start: int, before: str) -> bool:
    """Whether the figure at ``start`` is where a change starts ('từ 61,3% lên 80%')."""
    return bool(_FROM(cues.rules).search(before) and _TO(cues.rules).match(low, start, start + 80))


def kind_of(
    cues: Cues,
    low: str,
    start: int,
    before: str,
    dates: Sequence[DateMention],
    ctx: SentenceContext,
    cue_end: int | None,
    future: bool = False,
    unit: str = "",
) -> str:
    """'target' for plans, unless the figure's own words say it is done ('đã thành lập').

    Args:
        before: the low text between the figure before and this one.
        cue_end: end of the sentence's first plan cue (figures after it are planned).
        future: the sentence holds a future marker (an expected result is a target).
    """
    planned = (cue_end is not None and cue_end <= start) or is_target(cues, low, start, dates, ctx)
    if unit != "%" and cues.plan_item.match(unit):
        return "actual"  # 'đề ra 25 chỉ tiêu' counts a plan's items: a fact
    planned = planned or (future and bool(cues.estimate.search(before)))
    planned = planned or bool(cues.future_marker.search(before))
    planned = planned or bool(cues.planned_estimate.search(before))  # 'dự kiến thu hút 250 …'
    if not planned or starts_change(cues, low, start, before):
        return "actual"
    own = before
    for m in _TO_WORD(cues.rules).finditer(before):
        own = before[m.end() :]
    return "actual" if cues.done.search(own) else "target"


def is_estimated(cues: Cues, before: str, start: int, frame_end: int | None) -> bool:
    """Whether the figure at ``start`` is an estimate: a cue in its own words ``before`` it,
    or an estimate frame of the sentence ending before it (``frame_end``: 'Ước đến cuối
    năm, ...')."""
    return bool(cues.estimate.search(before)) or (frame_end is not None and frame_end <= start)


def may_share_estimate(
    cues: Cues,
    low: str,
    before: str,
    start: int,
    prior: Draft | None,
    link: str,
    after_part: bool = False,
) -> str:
    """Whether the figure at ``start``, after ``prior``, may share an estimate before it
    for want of a verb of its own: 'list', an item of a ';' list ('tôm ước đạt 9.820 tấn,
    tăng 11%; gạo 182.400 tấn, giảm 3%'); 'part', a bare part of a whole ('ước đạt 612
    tấn, trong đó tôm 318 tấn', and a bare part after such a part: ``after_part``); else
    ''. :func:`share_estimates` decides once the changes are attached."""
    if prior is None or link in ("copula", "existential") or cues.aux_any.search(before):
        return ""
    if part := cues.part_of.search(before):
        rest = before[part.end() :]
        return "part" if not cues.copula_any.search(rest) and "," not in rest else ""
    between = low[prior.quantity.expr_end : start]
    if after_part and ";" not in between and not cues.copula_any.search(before):
        return "part"  # '..., trong đó tôm 318 tấn, cua 29 tấn': the next bare part
    return "list" if ";" in between else ""


def share_estimates(drafts: dict[int, Draft], candidates: dict[int, str]) -> None:
    """A list item (a key of ``drafts`` in ``candidates``) stated like the estimate before
    it, with a change of its own as that one has, is an estimate too; so is a bare part
    of an estimated whole, and the parts after it."""
    keys = sorted(drafts)
    for a, b in pairwise(keys):
        d, prior = drafts[b], drafts[a]
        shape = candidates.get(b)
        if shape and prior.estimated:
            if shape == "part":
                d.estimated = True
            else:  # an item with its own cue ('; sản lượng ước khoảng ...') keeps it
                d.estimated = d.estimated or None not in (d.change_percent, prior.change_percent)


def is_threshold(
    cues: Cues,
    low: str,
    q: Quantity,
    prior: Draft | None,
    bound: str = ">",
    floor: bool = False,
) -> bool:
    """Whether a bounded percentage, sum or level ``q`` says which of the things counted
    just before it are meant ('9/19 chủ đầu tư giải ngân trên 60% kế hoạch', '9 mặt hàng
    đạt kim ngạch trên 1 tỷ USD', '68 bài thi đạt từ 9,5 điểm trở lên'): the count's own
    verb leads to it, with no comma between; the count is the figure.

    A percentage only with no copula between; a sum only with a strict bound and no word
    of a total between ('25 dự án với tổng vốn hơn 3.000 tỷ đồng' states the total); any
    figure with ``floor``, a bound written after it ('trở lên', 'trở xuống').
    """
    if prior is None or ((prior.quantity.percent or prior.quantity.currency) and not floor):
        return False  # '96,4% thí sinh đạt từ 24 điểm trở lên': a floor sets any count's group
    strict = bound in ("<", ">", "<=", ">=")
    if not (q.percent or (q.currency and strict) or (floor and strict)):
        return False
    between = low[prior.quantity.expr_end : q.start]
    if regex.search(r"[,;:()]", between):
        return False
    if q.percent:
        return not cues.copula_any.search(between)
    if floor:
        return True  # 'từ 27 điểm trở lên' after a count sets who is counted, even of a total
    # a copula right before the sum states it ('14 hộ vay, đạt hơn 2 tỷ'); one before a
    # noun names what is measured ('đạt kim ngạch trên 1 tỷ USD')
    cue = cues.bound_tail.search(between)
    core = between[: cue.start()] if cue else between
    return not cues.copula_tail.search(core.rstrip()) and not cues.sum_words.search(between)


def defines_group(
    cues: Cues, low: str, q: Quantity, floor: regex.Match, quantities: Sequence[Quantity], i: int
) -> bool:
    """Whether ``q``, with a bound written after it (``floor``: 'trở lên'), says which
    things the figure after it counts: 'Số người hiến máu từ 3 lần trở lên là 5.417
    người' (a copula or existential between, no punctuation), or it stands in brackets
    before its clause goes on ('cá loại 1 (từ 30 kg/con trở lên) được thu mua với giá ...')."""
    opening, closing = low.rfind("(", 0, q.start), low.rfind(")", 0, q.start)
    if opening > closing and low.startswith(")", floor.end()):
        return True
    if i + 1 >= len(quantities):
        return False
    between = low[floor.end() : quantities[i + 1].start]
    if regex.search(r"[,;:()]", between):
        return False
    return bool(cues.copula_any.search(between) or cues.existential_tail.search(between))


def bounds_group(
    cues: Cues,
    low: str,
    q: Quantity,
    prior: Draft | None,
    bound: str,
    floor: regex.Match | None,
    quantities: Sequence[Quantity],
    i: int,
) -> bool:
    """Whether the bounded figure ``q`` (``i`` of ``quantities``) only says which things
    a count is of: the count before it (:func:`is_threshold`) or, with a bound written
    after it (``floor``), the one after it (:func:`defines_group`)."""
    if bound == "=":
        return False
    if is_threshold(cues, low, q, prior, bound, floor is not None):
        return True
    return floor is not None and defines_group(cues, low, q, floor, quantities, i)


def bound_of(
    cues: Cues, low: str, before: str, q: Quantity, unit_end: int
) -> tuple[str, regex.Match | None]:
    """The figure's bound ('=', '>=' ...) and the bound cue written after it, if any
    ('từ 46% trở lên', '06 xã trở lên')."""
    bound = "="
    if m := cues.bound_tail.search(before):
        bound = cues.bounds[spaced(m.group("cue"))]
    bound = q.bound or bound  # written after the number: '10 ha trở lên'
    after_cue = cues.after_bound.match(low, unit_end) or cues.after_bound.match(low, q.expr_end)
    if after_cue:
        bound = cues.after_bounds[spaced(after_cue.group("cue"))]
    return bound, after_cue


def per_from_cue(cues: Cues, low_before: str) -> str | None:
    """The rate base a cue before the number names ('bình quân mỗi ...'), if any."""
    # the cue and what follows it hold no comma: only the last comma part is read
    part = low_before[max(low_before.rfind(","), low_before.rfind(";")) + 1 :]
    m = cues.per_cue.search(part)
    if m is None:
        return None
    cue = spaced(m.group("cue"))
    # 'thu nhập bình quân đầu người của ... năm 2024 ước đạt': the cue names what is measured
    if len(words(m.group("rest"))) <= 3 or cue in cues.rules.per_cues_of_the_thing:
        return cues.per_cues[cue]
    return None


def per_of_each(cues: Cues, after: regex.Match | None, before: str) -> str | None:
    """The rate base 'mỗi X' names: right after the figure's unit (``after``, a match of
    ``cues.each_after``: '60 triệu đồng mỗi hộ'), else in its comma segment ``before`` it
    ('Mỗi hộ xây mới được hỗ trợ 60 triệu đồng')."""
    m = after or cues.each_before.search(before)
    return spaced(m.group("noun")) if m else None


def is_rate_base_after(cues: Cues, low: str, q: Quantity, unit: str, prior: Quantity) -> bool:
    """Whether ``q`` is a count of one after 'trên'/'mỗi' right after the figure before
    and its unit: the base of that figure's rate ('750 kg trên 01 ha')."""
    if q.percent or q.currency or q.value != 1 or not unit:
        return False
    return bool(cues.per_base_after.match(low[prior.expr_end : q.start]))


def is_rate_base(
    cues: Cues,
    low: str,
    left: int,
    q: Quantity,
    unit: str,
    quantities: Sequence[Quantity],
    i: int,
    clause_end: int,
) -> bool:
    """Whether ``q`` is a count of one after 'trên'/'mỗi' with a figure after it in
    its clause: the base of that figure's rate ('trên 01 ha ... đạt 120 triệu đồng')."""
    if q.percent or q.currency or q.value != 1 or not unit or i + 1 >= len(quantities):
        return False
    if quantities[i + 1].start >= clause_end:
        return False
    return bool(cues.per_base.search(low[left : q.start]))


def period_of(dates: Sequence[DateMention], start: int, ctx: SentenceContext) -> str | None:
    """The period of the figure at ``start``: the last usable date before it, else
    the sentence's first, else its paragraph's or article's."""
    usable = [d for d in dates if d.precision in ("year", "month", "span")]
    before = [d for d in usable if d.start < start]
    if before:
        return before[-1].iso
    if usable:
        return usable[0].iso
    return ctx.period
