"""A list of changes after a list of counts, one change for each count in order.

'xảy ra 54 vụ, làm chết 3 người, bị thương 17 người; so với cùng kỳ giảm 10,2%, 25% và
5,6%' (or '...; so với cùng kỳ, giảm 4 vụ (10,2%), giảm 1 người (25%), ...'): the clause
after the counts compares each with a base, in the order the counts were given. Each
change is its count's change_percent and no record; an absolute change with its
percentage in brackets only restates the count and gives nothing.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Sequence
from itertools import pairwise

import regex

from vnextract.core.model import Quantity
from vnextract.records.cues import Cues
from vnextract.records.draft import Role

# between an absolute change and its percentage: its counted noun and an opening bracket
_TO_BRACKET = regex.compile(r"^[^\d(),;]*\(\s*$")
_CLOSED = regex.compile(r"\s*\)")


def _sign(cues: Cues, before: str) -> int:
    """+1 or -1 when ``before`` ends in a change verb (with bound or order words), else 0."""
    if cues.list_up.search(before):
        return 1
    return -1 if cues.list_down.search(before) else 0


def bracketed_changes(
    cues: Cues, low: str, quantities: Sequence[Quantity], roles: list[Role]
) -> dict[int, int]:
    """Absolute changes each with its percentage in brackets ('xảy ra 1.245 vụ, giảm 87 vụ
    (6,5%)'), as {absolute change: its percentage}. Their roles are rewritten in place:
    the absolute change qualifies a figure as a change does, with no field, and the
    percentage is that figure's change."""
    pairs: dict[int, int] = {}
    for i, (a, p) in enumerate(pairwise(quantities)):
        if a.percent or not p.percent or roles[i].kind != "figure" or roles[i + 1].kind != "figure":
            continue
        if not _TO_BRACKET.match(low[a.expr_end : p.start]):
            continue
        if not (closed := _CLOSED.match(low, p.expr_end)):
            continue
        before = low[max(0, a.start - 60) : a.start]
        verb = cues.list_up.search(before) or cues.list_down.search(before)
        if verb is None:
            continue
        sign = _sign(cues, before)
        around = low[max(0, a.start - 120) : closed.end() + 60]
        basis = "yoy" if cues.year_on_year.search(around) else "other"
        start = a.start - len(before) + verb.start()
        roles[i] = Role("absolute", sign * a.value, closed.end(), start, basis)
        roles[i + 1] = Role("change", sign * p.value, closed.end(), start, basis)
        pairs[i] = i + 1
    return pairs


def _percent_list(cues: Cues, low: str, qs: Sequence[Quantity], lead: str) -> list[int] | None:
    """Signs of a verb and a list of percentages ('giảm 10,2%, 25% và 5,6%'), one per item."""
    sign = _sign(cues, lead)
    if not sign or not all(q.percent for q in qs):
        return None
    for a, b in pairwise(qs):
        if not cues.list_join.match(low[a.expr_end : b.start]):
            return None
    return [sign] * len(qs)


def _bracketed_pairs(cues: Cues, low: str, qs: Sequence[Quantity], start: int) -> list[int] | None:
    """Signs of absolute changes each with its percentage in brackets ('giảm 4 vụ (10,2%)');
    one per pair, the absolute change first."""
    if len(qs) % 2:
        return None
    signs, left = [], start
    for a, p in zip(qs[::2], qs[1::2], strict=True):
        sign = _sign(cues, low[left : a.start])
        if not sign or a.percent or not p.percent:
            return None
        if not _TO_BRACKET.match(low[a.expr_end : p.start]) or not _CLOSED.match(low, p.expr_end):
            return None
        signs.append(sign)
        left = p.expr_end
    return signs


def respective_changes(
    cues: Cues, low: str, quantities: Sequence[Quantity], kinds: Sequence[str], breaks: list[int]
) -> dict[int, tuple[int, Role | None]]:
    """The numbers of a clause of changes that follow, one for one, the counts of the clause
    before it, each with the index of its count and its role (None: an absolute change).

    Args:
        cues: the compiled cue patterns.
        low: the sentence's :meth:`Cues.low` copy.
        quantities: its numbers, left to right.
        kinds: each number's role kind (:func:`records.qualifiers.classify`).
        breaks: sorted offsets of the sentence's clause boundaries.
    """
    clauses: list[list[int]] = [[] for _ in range(len(breaks) + 1)]
    for i, q in enumerate(quantities):
        clauses[bisect_left(breaks, q.start)].append(i)
    found: dict[int, tuple[int, Role | None]] = {}
    for c in range(1, len(clauses)):
        counts = [
            j
            for j in clauses[c - 1]
            if kinds[j] == "figure" and not quantities[j].percent and not quantities[j].per
        ]
        items = clauses[c]
        if len(counts) < 2 or not items:
            continue
        start = breaks[c - 1] + 1
        qs = [quantities[i] for i in items]
        lead = low[start : qs[0].start]
        if not (cues.change_ref.search(lead) or cues.respective.search(lead)):
            continue  # a comparison base or an order word says the clause compares the list
        basis = "yoy" if cues.year_on_year.search(lead) else "other"
        if (signs := _percent_list(cues, low, qs, lead)) and len(signs) == len(counts):
            for i, j, sign in zip(items, counts, signs, strict=True):
                q = quantities[i]
                found[i] = (j, Role("change", sign * q.value, q.expr_end, start, basis))
        elif (signs := _bracketed_pairs(cues, low, qs, start)) and len(signs) == len(counts):
            for k, (j, sign) in enumerate(zip(counts, signs, strict=True)):
                a, p = items[2 * k], items[2 * k + 1]
                found[a] = (j, None)
                q = quantities[p]
                found[p] = (j, Role("change", sign * q.value, q.expr_end, start, basis))
    return found
