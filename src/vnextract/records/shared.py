"""What a sentence's figures take from each other once all are read: list items an
estimate cue and the noun after the last ('lần lượt có 2.764 và 2.518 hộ'), a pointer
back its referent's subject ('tỷ lệ này'), a bare measure the subject before it."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from vnextract.records.back_refs import resolve_back_references
from vnextract.records.cues import Cues
from vnextract.records.draft import Draft
from vnextract.records.kind import share_estimates


def share_along_lists(
    cues: Cues,
    low: str,
    drafts: dict[int, Draft],
    list_items: dict[int, str],
    previous: Sequence[Draft] = (),
) -> None:
    """What figures take from others once the sentence is read, in place: the items of
    a list an estimate cue before the first (see :func:`share_estimates`) and the noun
    after the last; a figure pointing back ('tỷ lệ này') the thing it points to."""
    share_estimates(drafts, list_items)
    share_units(cues, low, drafts)
    resolve_back_references(cues, drafts, previous)
    name_bare_units(cues, drafts)


def name_bare_units(cues: Cues, drafts: dict[int, Draft]) -> None:
    """A figure whose subject is only its measure unit ('ranh mặn 4 g/l đã xâm nhập sâu
    khoảng 70 km' -> 'km') is of the thing the figure before it in the sentence names."""
    measures = {cues.low(u) for u in cues.rules.measure_units}
    before: Draft | None = None
    for i in sorted(drafts):
        d = drafts[i]
        bare = cues.low(d.subject).strip() in measures and cues.low(d.unit) in measures
        if bare and before is not None and before.subject and before.unit != d.unit:
            d.subject, d.rule = before.subject, f"{d.rule}+named_before"
        before = d


def share_units(cues: Cues, low: str, drafts: Mapping[int, Draft]) -> None:
    """Give a count with no noun after it the unit of the count it is joined to, from the
    last of a list back to its first, in place. Percentages and sums have their own."""
    keys = sorted(drafts)
    for a, b in zip(reversed(keys[:-1]), reversed(keys[1:]), strict=True):
        first, second = drafts[a], drafts[b]
        fq, sq = first.quantity, second.quantity
        if (
            fq.percent
            or fq.currency
            or fq.unit_text
            or sq.percent
            or sq.currency
            or not second.unit
        ):
            continue
        gap = low[fq.expr_end : sq.start]
        stripped = gap.strip(" ,")
        if "," not in gap and not stripped:
            continue  # two numbers side by side are no list
        if stripped and not cues.conjunction_head.fullmatch(stripped):
            continue
        if first.unit == second.unit:
            continue
        first.unit = second.unit
        if not first.subject.strip() or cues.conjunction_head.fullmatch(first.subject.strip()):
            first.subject, first.rule = second.subject, f"{first.rule}+shared"
