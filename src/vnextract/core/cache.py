"""Compile once per rule set: what a stage builds from its rules, kept by the rules' identity.

Rule sections are pydantic models, mutable and so not hashable; a run loads them once
and every stage compiles its patterns from the same objects. :class:`ByRules` keys the
built object on the identity of the objects it was built from, and keeps those objects
alive so that an id cannot be reused by a new rule set while its entry stands.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable
from typing import Any, Generic, TypeVar

T = TypeVar("T")


class ByRules(Generic[T]):
    """``build(*rules)`` once per distinct rule objects, the ``size`` most recent kept.

    >>> built = ByRules(lambda rules: [len(rules)])
    >>> rules = {"a": 1}
    >>> built(rules) is built(rules), built(rules) is built(dict(rules))
    (True, False)
    """

    def __init__(self, build: Callable[..., T], size: int = 8) -> None:
        self._build = build
        self._size = size
        self._entries: OrderedDict[tuple[int, ...], tuple[tuple[Any, ...], T]] = OrderedDict()
        self._lock = threading.Lock()

    def __call__(self, *rules: Any) -> T:
        key = tuple(map(id, rules))
        with self._lock:
            entry = self._entries.get(key)
            if entry is not None and all(a is b for a, b in zip(entry[0], rules, strict=True)):
                self._entries.move_to_end(key)
                return entry[1]
        built = self._build(*rules)
        with self._lock:
            self._entries[key] = (rules, built)
            self._entries.move_to_end(key)
            while len(self._entries) > self._size:
                self._entries.popitem(last=False)
        return built

    def __len__(self) -> int:
        return len(self._entries)
