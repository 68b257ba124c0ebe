"""Which skip spans cover or touch a stretch of text, by bisection instead of a scan.

Every stage asks of each line, sentence or mention whether furniture covers it or
overlaps it. Scanning the whole list each time makes a document's cost grow with
its length squared; :class:`SpanIndex` sorts the spans once and answers each
question in logarithmic time (plus the spans it returns).
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterable
from itertools import accumulate
from typing import Generic, NamedTuple, Protocol, TypeVar


class _Span(Protocol):
    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...


S = TypeVar("S", bound=_Span)


class Pair(NamedTuple):
    """A bare ``[start, end)`` span, for callers that hold offsets as tuples."""

    start: int
    end: int


def overlap(start: int, end: int, other_start: int, other_end: int) -> bool:
    """Whether ``[start, end)`` and ``[other_start, other_end)`` share a character."""
    return start < other_end and other_start < end


class SpanIndex(Generic[S]):
    """Spans (anything with ``start`` and ``end``), possibly overlapping, sorted once."""

    def __init__(self, spans: Iterable[S]) -> None:
        given = list(spans)
        order = sorted(range(len(given)), key=lambda i: given[i].start)
        self._spans = [given[i] for i in order]
        self._rank = order  # position of each sorted span in the caller's list
        self._starts = [s.start for s in self._spans]
        # furthest end among the spans up to each one: no span before k reaches past reach[k]
        self._reach = list(accumulate((s.end for s in self._spans), max))

    @classmethod
    def of_pairs(cls, pairs: Iterable[tuple[int, int]]) -> SpanIndex[Pair]:
        """An index of ``(start, end)`` tuples."""
        return cls(Pair(s, e) for s, e in pairs)

    def __len__(self) -> int:
        return len(self._spans)

    def covers(self, start: int, end: int) -> bool:
        """Whether one span holds all of ``[start, end)``: ``s.start <= start``,
        ``end <= s.end``."""
        k = bisect_right(self._starts, start)
        return k > 0 and self._reach[k - 1] >= end

    def overlaps(self, start: int, end: int) -> bool:
        """Whether a span shares a character with ``[start, end)``: ``s.start < end``,
        ``start < s.end``."""
        k = bisect_left(self._starts, end)
        return k > 0 and self._reach[k - 1] > start

    def overlapping(self, start: int, end: int) -> list[S]:
        """The spans sharing a character with ``[start, end)``, in the caller's order."""
        k = bisect_left(self._starts, end)
        found = []
        # walk back while some earlier span still reaches past ``start``
        while k > 0 and self._reach[k - 1] > start:
            k -= 1
            if self._spans[k].end > start:
                found.append(k)
        found.sort(key=self._rank.__getitem__)
        return [self._spans[k] for k in found]
