"""A figure whose topic points back ('tỷ lệ này đạt 95%', 'ở các huyện vùng cao tỷ lệ
này chỉ khoảng 6 bác sĩ/vạn dân') is of the thing the figure it points to measures."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from vnextract.core.cache import ByRules
from vnextract.records.cues import Cues, tail
from vnextract.records.draft import Draft

# a back reference ending the topic, as a whole phrase
_POINTER = ByRules(lambda rules: tail(rules.back_references))


def _shape(d: Draft) -> tuple[bool, bool, str]:
    q = d.quantity
    return (bool(q.percent), bool(q.currency), "" if q.percent or q.currency else d.unit)


def _referent(d: Draft, before: Sequence[Draft]) -> Draft | None:
    """The last figure before ``d`` of its shape: a rate for a rate, a sum for a sum,
    the same counted noun for a count."""
    for other in reversed(before):
        if _shape(other) == _shape(d) and (other.subject or other.unit):
            return other
    return None


def resolve_back_references(
    cues: Cues, drafts: Mapping[int, Draft], previous: Sequence[Draft]
) -> None:
    """Name the figures whose topic points back by the figure they point to, in place:
    in this sentence first, else in the one before. What the topic says besides the
    pointer (where: 'ở các huyện vùng cao') is kept after it."""
    pointer = _POINTER(cues.rules)
    seen: list[Draft] = list(previous)
    for i in sorted(drafts):
        d = drafts[i]
        m = pointer.search(cues.low(d.topic)) if d.topic else None
        if m and (ref := _referent(d, seen)) is not None:
            rest = d.topic[: m.start()].strip(" ,")
            named = ref.subject or ref.unit
            # 'tỷ lệ này' of 'người dân có kỹ năng số': the rate of it
            head = next((h for h in cues.rules.rate_heads if m.group().startswith(h)), "")
            if head and head not in cues.low(named):
                named = f"{head} {named}"
            d.subject = f"{named} {rest}" if rest else named
            d.rule = f"{d.rule}+back"
        seen.append(d)
