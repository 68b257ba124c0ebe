"""Regular expressions built from rule words: one alternation builder for every stage.

Rule files list words and phrases; stages match "any of them". Building that in one
place keeps the habits the same everywhere: each phrase escaped, its spaces matching
any run of white space (or what the caller says), blank entries dropped, duplicates
once, and the longest first so that ``nghìn tỷ`` is tried before ``nghìn``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

import regex

NOTHING = "(?!)"  # a regex that never matches: the alternation of no words


def literal(phrase: str, *, space: str = r"\s+") -> str:
    """``phrase`` as a regex: every part escaped, each run of white space matching ``space``.

    >>> literal("a.b  c")
    'a\\\\.b\\\\s+c'
    """
    return space.join(regex.escape(part) for part in phrase.split())


def alternation(
    words: Iterable[str],
    *,
    fold: Callable[[str], str] | None = None,
    space: str = r"\s+",
) -> str:
    """A non-capturing group matching any of ``words``; :data:`NOTHING` when there are none.

    Args:
        words: phrases from a rule file (blank ones are dropped).
        fold: applied to each phrase first (``str.lower``, tone placement), when the text
            it runs on is folded the same way.
        space: what a space inside a phrase matches.
    Returns:
        ``(?:...)`` with the longest literal first, so that a phrase is always tried before
        any phrase it starts with; ties in a fixed (sorted) order.

    >>> alternation(["nghìn", "nghìn tỷ", "tỷ", "nghìn"])
    '(?:nghìn\\\\s+tỷ|nghìn|tỷ)'
    """
    forms = {literal(fold(w) if fold else w, space=space) for w in words}
    forms.discard("")
    if not forms:
        return NOTHING
    return "(?:" + "|".join(sorted(forms, key=lambda f: (-len(f), f))) + ")"
