"""A memo of a pure function of a string, emptied when it outgrows a limit.

The segmenter remembers what it computed per syllable, n-gram or chunk; on an
archive those run to millions, so every such memo is bounded and memory stays flat.
"""

from __future__ import annotations

from collections.abc import Callable


class BoundedCache(dict):
    """``compute(key)`` per key, remembered; emptied (between calls of :meth:`of`) when
    it holds more than ``limit`` keys."""

    def __init__(self, compute: Callable[[str], object], limit: int) -> None:
        super().__init__()
        self.compute, self.limit = compute, limit

    def __missing__(self, key: str) -> object:
        value = self[key] = self.compute(key)
        return value

    def of(self, keys: list[str]) -> list:
        """The values of ``keys``, in order (looked up by ``map``: no Python loop)."""
        if len(self) > self.limit:
            self.clear()
        return list(map(self.__getitem__, keys))
