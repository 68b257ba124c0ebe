"""The ordered window: results in submission order, never more than N outstanding."""

from __future__ import annotations

import time
from concurrent.futures import ThreadPoolExecutor

import pytest

from vnextract.run.pool import ordered


def _slow(value: int, seconds: float) -> int:
    time.sleep(seconds)
    return value


@pytest.mark.parametrize("window", [1, 3, 8])
def test_batch_window_keeps_order_and_bounds_outstanding(window: int) -> None:
    n = 12
    submitted: list[int] = []
    taken: list[int] = []
    outstanding: list[int] = []
    with ThreadPoolExecutor(max_workers=4) as pool:

        def futures():
            for i in range(n):
                submitted.append(i)
                outstanding.append(len(submitted) - len(taken))
                # later items finish first, so arrival order is not input order
                yield pool.submit(_slow, i, (n - i) * 0.002)

        for value in ordered(futures(), window):
            taken.append(value)
    assert taken == list(range(n))
    assert max(outstanding) == window
