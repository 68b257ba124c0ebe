"""SpanIndex answers exactly what a scan of every span would."""

from __future__ import annotations

import random

import pytest

from vnextract.core.model import Furniture
from vnextract.core.spans import SpanIndex

SPANS = [
    Furniture(10, 20, "a"),
    Furniture(0, 5, "b"),
    Furniture(12, 40, "c"),
    Furniture(50, 50, "d"),
]

CASES = [
    # (start, end, covers, overlapping kinds in the given order)
    (0, 5, True, ["b"]),
    (1, 3, True, ["b"]),
    (4, 11, False, ["a", "b"]),
    (5, 10, False, []),
    (13, 19, True, ["a", "c"]),
    (15, 35, True, ["a", "c"]),
    (20, 40, True, ["c"]),
    (40, 60, False, ["d"]),
    (50, 50, True, []),
    (60, 70, False, []),
]


@pytest.mark.parametrize(("start", "end", "covers", "kinds"), CASES)
def test_spanindex_answers_the_table(start, end, covers, kinds):
    index = SpanIndex(SPANS)
    assert index.covers(start, end) is covers
    assert [s.kind for s in index.overlapping(start, end)] == kinds
    assert index.overlaps(start, end) is bool(kinds)


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_spanindex_agrees_with_a_scan(seed):
    rng = random.Random(seed)
    spans = []
    for i in range(60):
        start = rng.randrange(0, 500)
        spans.append(Furniture(start, start + rng.choice([0, 1, 5, 30, 200]), str(i)))
    index = SpanIndex(spans)
    for _ in range(2000):
        start = rng.randrange(0, 600)
        end = start + rng.randrange(0, 80)
        assert index.covers(start, end) == any(f.start <= start and end <= f.end for f in spans)
        touching = [f for f in spans if f.start < end and start < f.end]
        assert index.overlapping(start, end) == touching
        assert index.overlaps(start, end) == any(f.start < end and start < f.end for f in spans)


def test_spanindex_empty_answers_no():
    index = SpanIndex([])
    assert not index.covers(0, 1)
    assert not index.overlaps(0, 1)
    assert index.overlapping(0, 1) == []
