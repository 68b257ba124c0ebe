"""Numbers that qualify a neighbouring figure rather than count something: a share
of plan ('đạt 102% kế hoạch'), a change ('tăng 8%', 'gấp 1,6 lần cùng kỳ'), a change
in percentage points; which figure each belongs to, and back-references to the
sentence before ('Con số này tăng 12,4%')."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from decimal import Decimal

import regex

from vnextract.core.model import DateMention, Quantity
from vnextract.records.cues import PARENS, PUNCT_STOP, TOPIC_STOP, Cues, words
from vnextract.records.draft import Draft, Role, SentenceResult
from vnextract.records.topic import substantive


def _near(cues: Cues, low: str, q: Quantity) -> str:
    """The qualifier's phrase after ``q``: a few words, up to a stop, a comma or a
    conjunction."""
    after_words = words(low[q.expr_end : q.expr_end + 80])
    window = low[q.expr_end : q.expr_end + 80]
    if after_words:
        cut = after_words[min(len(after_words), cues.rules.plan.window_words) - 1].end()
        window = window[:cut]
    stop = PUNCT_STOP.search(window)
    clause_window = window[: stop.start()] if stop else window
    comma = clause_window.find(",")
    near = clause_window if comma < 0 else clause_window[:comma]
    # the qualifier's phrase ends at the comma or a conjunction: what follows names
    # the next figure ('đạt 100,9% kế hoạch và thực hiện giải ngân đạt 100%')
    if conj := cues.qualifier_end.search(near):
        near = near[: conj.start()]
    return near


def _implied_plan(cues: Cues, before: str, near: str) -> bool:
    """Whether a bare percentage ('đạt 63%', nothing after it) follows, in its clause,
    a figure whose verb is measured against a plan ('giải ngân 90 tỷ đồng, đạt 63%')."""
    if words(near):
        return False
    clause = before[before.rfind(";") + 1 :]
    return bool(cues.plan_implied.search(clause))


def classify(cues: Cues, low: str, q: Quantity) -> Role:
    """Whether ``q`` is a figure, a share of plan or a change; with its value and phrase.

    Args:
        cues: the compiled cue patterns.
        low: the sentence's :meth:`Cues.low` copy.
        q: one of its numbers.
    """
    offset = max(0, q.start - 60)
    before = low[offset : q.start]
    near = _near(cues, low, q)
    end = q.expr_end + len(near)
    figure = Role("figure", None, q.expr_end, q.start, "")
    basis = ""
    if cues.change_ref.search(near):
        basis = "yoy" if cues.year_on_year.search(near) else "other"
    up, down = cues.change_up.search(before), cues.change_down.search(before)
    if basis == "yoy" and not (up or down):
        # 'cao hơn 3,1‰ so với cùng kỳ': a comparative against the same period is a change
        up, down = cues.comparative_up.search(before), cues.comparative_down.search(before)
    if not q.percent:
        if (up or down) and (m := cues.points_unit.match(low, q.expr_end)):
            # 'tăng 1,2 điểm phần trăm': not a per cent change of the figure before
            value = q.value if up else -q.value
            return Role("points", value, max(end, m.end()), offset + (up or down).start(), basis)
        multiple = cues.change_multiple.search(before)
        if multiple and cues.times_unit.match(low, q.expr_end):
            if basis:
                # 'gấp 1,6 lần cùng kỳ' is a change of +60%
                value = (q.value - 1) * 100
                return Role("change", value, end, offset + multiple.start(), basis)
            # 'gấp 10 lần mạng 4G': a comparison with another thing, no field
            return Role("compare", None, end, offset + multiple.start(), "")
        if (up or down) and cues.against_any.search(near):
            # 'giảm 5 ngày so với quy định' after a figure: how far it is from a base
            return Role("compare", None, end, offset + (up or down).start(), "")
        return figure
    if (up or down) and cues.plan_against.match(near):
        value = q.value + 100 if up else 100 - q.value
        return Role("plan", value, end, offset + (up or down).start(), "")
    if cues.plan_cue.search(near) and (m := cues.plan_lead.search(before)):
        value = q.value + 100 if cues.plan_over.search(before) else q.value
        return Role("plan", value, end, offset + m.start(), "")
    if (m := cues.plan_lead.search(before)) and _implied_plan(cues, before, near):
        return Role("plan", q.value, end, offset + m.start(), "")
    if up:
        return Role("change", q.value, end, offset + up.start(), basis)
    if down:
        return Role("change", -q.value, end, offset + down.start(), basis)
    if (m := cues.change_ratio.search(before)) and cues.change_ref.search(near):
        return Role("change", q.value - 100, end, offset + m.start(), basis)
    return figure


def plan_cue_end(
    cues: Cues, low: str, quantities: Sequence[Quantity], roles: Sequence[Role]
) -> int | None:
    """End of the first plan cue that speaks of a plan, not of a result measured
    against one ('vượt kế hoạch đề ra') nor inside a share of plan's phrase."""
    masked = [(m.start(), m.end()) for m in cues.target_result.finditer(low)]
    masked += [
        (q.expr_end, r.end) for q, r in zip(quantities, roles, strict=True) if r.kind != "figure"
    ]
    found = [*cues.target.finditer(low), *cues.directive.finditer(low)]
    for m in sorted(found, key=lambda m: m.start()):
        if not any(a <= m.start() < b for a, b in masked):
            return m.end()
    return None


def _subject_part(cues: Cues, low: str, left: int, verb: int) -> str:
    """The words naming a qualifier's subject: its comma segment before the verb, without
    estimate and auxiliary words."""
    seg = low[left:verb]
    stops = list(TOPIC_STOP.finditer(seg))
    if stops:
        seg = seg[stops[-1].end() :]
    part = cues.aux_any.sub(" ", cues.estimate.sub(" ", seg.rsplit(",", 1)[-1]))
    return " ".join(part.split())


def refers_back(cues: Cues, low: str, left: int, verb: int) -> bool:
    """Whether a qualifier's subject only points back ('Con số này tăng 12,4%')."""
    return bool(cues.back_ref.match(_subject_part(cues, low, left, verb)))


def named_figure(
    cues: Cues, low: str, left: int, verb: int, drafts: Sequence[Draft], strict: bool
) -> Draft | None:
    """The figure of ``drafts`` a qualifier's subject names by its counted noun ('Con số
    hồ sơ này tăng 37%', 'Số lợn tiêu hủy tăng 35,8%' after '... tiêu hủy 1.874 con lợn'):
    the last whose unit (or the unit without its classifier) opens the noun. ``strict``
    (a figure of the same sentence): every other word of the noun must be in its subject
    or the words before it, as '500 hồ sơ, số hồ sơ trực tuyến tăng 9%' names a part."""
    m = cues.named_ref.match(_subject_part(cues, low, left, verb))
    return counted_in(cues, m["noun"], drafts, strict) if m else None


def counted_in(
    cues: Cues, noun: str, drafts: Sequence[Draft], strict: bool = False
) -> Draft | None:
    """The figure of ``drafts`` counted in the noun that opens ``noun`` ('vụ' of '512 vụ',
    'người' of 'người chết'): the last whose other words of the noun it says, else
    (unless ``strict``) the last counted in it (see :func:`named_figure`)."""
    noun = " ".join(noun.split())
    fallback = None
    for d in reversed(drafts):
        if d.standalone or not d.unit or d.unit == "%" or d.quantity.currency:
            continue
        unit = cues.low(d.unit)
        bare = unit[c.end() :].strip() if (c := cues.unit_classifier.match(unit)) else unit
        for form in {unit, bare}:
            if not form or not (noun == form or noun.startswith(form + " ")):
                continue
            said = set(f"{d.lead} {cues.low(f'{d.subject} {d.topic}')} {unit}".split())
            if set(noun[len(form) :].split()) <= said:
                return d
            # 'số người chết' after '… làm chết 121 người, bị thương 97 người' is the
            # figure whose words say 'chết', not merely the last counted in 'người'
            fallback = fallback or (None if strict else d)
    return fallback


def names_its_own(cues: Cues, low: str, left: int, verb: int) -> bool:
    """Whether words between the last figure's phrase and a qualifier's verb name a
    new thing ('..., lợi nhuận tăng 5%'), rather than a comparison base or fillers."""
    seg = PARENS.sub(" ", low[left:verb])
    stops = list(TOPIC_STOP.finditer(seg))
    if stops:
        seg = seg[stops[-1].end() :]
    # the thing changed is named in the verb's own comma segment
    part = cues.conjunction_head.sub("", seg.rsplit(",", 1)[-1].strip()).strip()
    part = cues.aux_any.sub(" ", cues.estimate.sub(" ", part)).strip()
    if not part or cues.reference_head.match(part) or cues.filler_full.fullmatch(part):
        return False
    return substantive(cues, part)


def unread_figure(
    cues: Cues,
    text: str,
    start: int,
    end: int,
    quantities: Sequence[Quantity],
    dates: Sequence[DateMention],
) -> bool:
    """Whether a figure-like number that is neither a figure read nor a date stands
    between ``start`` and ``end``: a change after it qualifies that figure."""
    read = [(q.start, q.expr_end) for q in quantities] + [(d.start, d.end) for d in dates]
    for m in cues.figure_like.finditer(text, start, end):
        if not any(a < m.end() and m.start() < b for a, b in read):
            return True
    return False


def qualified_figure(
    cues: Cues,
    low: str,
    quantities: Sequence[Quantity],
    kinds: Sequence[str],
    drafts: dict[int, Draft],
    i: int,
    clause_start: int,
    end: int,
) -> int | None:
    """Index of the figure the share of plan or change ``quantities[i]`` belongs to
    (``low``: the sentence's :meth:`Cues.low` copy):
    the figure its phrase (up to ``end``) names by its unit ('512 vụ, 687 đối tượng,
    tăng 6,2% số vụ'), else the nearest before it in the clause, passing over densities,
    bracketed figures closed before it and a share of the count before it ('220.650
    người, đạt 36,4% lực lượng lao động, tăng 4,2%'). ``kinds``: each number's role kind."""
    found = []
    for j in range(i - 1, -1, -1):
        q = quantities[j]
        if q.start < clause_start:
            break
        if kinds[j] != "figure" or j not in drafts:
            continue
        if q.per and not q.currency:
            continue
        between = low[q.expr_end : quantities[i].start]
        if between.count(")") > between.count("("):
            continue  # '(Tháng 4/2023: 263.299 tỷ đồng) và giảm 2%': a comparison base
        found.append(j)
    if not found:
        return None
    phrase = low[quantities[i].expr_end : end]
    for j in found:
        if _names_unit(cues, phrase, drafts[j].unit):
            return j
    if len(found) > 1 and _share_of(cues, low, quantities[found[0]], quantities[found[1]]):
        return found[1]
    if len(found) > 1 and _bounds_count(cues, low, drafts, quantities, found[0], found[1]):
        return found[1]
    return found[0]


def _bounds_count(
    cues: Cues, low: str, drafts: dict[int, Draft], quantities: Sequence[Quantity], j: int, k: int
) -> bool:
    """Whether figure ``j``, a bounded count, only says which things count ``k`` before it
    is of ('1.036 lượt tàu mất kết nối trên 6 giờ, giảm 42,3%'): no punctuation, copula
    or conjunction between them, and another unit."""
    bounded, count = drafts[j], drafts[k]
    if (
        bounded.bound not in ("<", ">", "<=", ">=")
        or bounded.quantity.percent
        or bounded.quantity.currency
    ):
        return False
    if count.quantity.percent or count.quantity.currency or bounded.unit == count.unit:
        return False
    between = low[quantities[k].expr_end : quantities[j].start]
    if regex.search(r"[,;:()]", between) or cues.copula_any.search(between):
        return False
    return not cues.conjunction_any.search(between)


def _names_unit(cues: Cues, phrase: str, unit: str) -> bool:
    """Whether a qualifier's ``phrase`` opens with a figure's counted noun ('số vụ')."""
    if not unit or unit == "%" or unit.isupper():
        return False
    head = phrase.strip()
    if m := cues.counted_prefix_head.match(head):
        head = head[m.end() :].lstrip()
    return head == unit or head.startswith(unit + " ")


def _share_of(cues: Cues, low: str, share: Quantity, count: Quantity) -> bool:
    """Whether ``share`` is a percentage joined to the ``count`` before it by a comma and a
    copula alone ('220.650 người tham gia, đạt 36,4% ...'): a share that restates it."""
    if not share.percent or count.percent:
        return False
    seg = low[count.expr_end : share.start].rsplit(",", 1)
    if len(seg) < 2:
        return False
    part = seg[1].strip()
    m = cues.copula_head.match(part)
    return bool(m) and not words(cues.bound_tail.sub("", part[m.end() :]))


def attach(d: Draft, role: Role, result: SentenceResult, q: Quantity) -> None:
    """Put a share of plan or a change on its figure; of two changes the year-on-year
    one wins, any other second change is left unattached (it qualifies nothing new).
    A change in percentage points, a multiple of another thing or an absolute change
    (against a base, or with its percentage in brackets) has no field: it only stops
    being a record."""
    if role.kind in ("points", "compare", "absolute"):
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


def last_figure(drafts: Sequence[Draft]) -> Draft | None:
    """The last record of a sentence that a later qualifier can refer back to."""
    for d in reversed(drafts):
        if not d.standalone:
            return d
    return None


def signed(value: Decimal | None, sign: Decimal | int | None) -> Decimal | None:
    """``value`` with the sign of ``sign`` (the upper end of a fall is a fall too)."""
    if value is None or sign is None:
        return value
    return -abs(value) if sign < 0 else value
