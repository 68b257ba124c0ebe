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


def _guard(word: list[str], compound: list[str]) -> tuple[str, str]:
    """The lookarounds that keep ``word`` (its words) from matching as part of
    ``compound``: the words before it in the compound, or those after it."""
    n = len(word)
    for i in range(len(compound) - n + 1):
        if compound[i : i + n] != word:
            continue
        before, after = " ".join(compound[:i]), " ".join(compound[i + n :])
        if before and not after:  # 'trồng mới', 'quy tập'
            return rf"(?<!(?<!\p{{L}}){literal(before)}\s+)", ""
        if after and not before:  # 'bằng khen'
            return "", rf"(?!\s+{literal(after)}(?!\p{{L}}))"
    return "", ""


def guarded(words: Iterable[str], compounds: Iterable[str] = ()) -> str:
    """The alternatives of ``words`` (lower-cased, longest first, joined by ``|`` without a
    group), each kept from matching inside one of ``compounds``: 'mới' is no auxiliary in
    'trồng mới', 'tập' no volume in 'quy tập'. The text it runs on is lower case, or the
    pattern ignores case."""
    split = [c.lower().split() for c in compounds if c.strip()]
    forms = []
    phrases = {" ".join(w.lower().split()) for w in words if w.strip()}
    for w in sorted(phrases, key=len, reverse=True):
        guards = [_guard(w.split(), c) for c in split]
        forms.append("".join(g for g, _ in guards) + literal(w) + "".join(g for _, g in guards))
    return "|".join(forms)


# the last ``n`` whitespace-delimited runs of a text, found from its end ((?r): reverse)
_LAST_RUNS: dict[int, regex.Pattern] = {}


def _last_runs_start(text: str, n: int) -> int:
    """Where the last ``n`` runs of non-whitespace of ``text`` start (0 if it has fewer,
    ``len(text)`` if it is all whitespace); whitespace as the pattern's ``\\s``."""
    pattern = _LAST_RUNS.get(n)
    if pattern is None:
        pattern = _LAST_RUNS[n] = regex.compile(rf"(?r)\S+(?:\s+\S+){{0,{n - 1}}}\s*\Z")
    m = pattern.search(text)
    return m.start() if m else len(text)


class Tail:
    """A pattern that ends the text in one of a list of words,
    ``<lookbehinds>(?:word|...)\\s*$``, each word a literal whose spaces match white
    space; searched only from where such a match may start.

    A plain search tries every position of the text; the match found is the same: it
    ends the text, so a word of ``n`` space-separated parts starts inside the ``n``-th
    last run of non-whitespace. Lookbehinds still see the text before that point, and
    ``^`` matches only at the text's start.
    """

    __slots__ = ("pattern", "runs")

    def __init__(self, pattern: regex.Pattern, words: Iterable[str]) -> None:
        self.pattern = pattern
        # the most space-separated parts of a word: how many runs a match may span
        self.runs = max((len(w.split()) for w in words if w.strip()), default=0)

    def _start(self, string: str) -> int:
        # no words: the pattern is searched as it is
        return _last_runs_start(string, self.runs) if self.runs else 0

    def search(self, string: str) -> regex.Match | None:
        """``pattern.search(string)``, the same match."""
        return self.pattern.search(string, self._start(string))

    def sub(self, repl: str, string: str) -> str:
        """``pattern.sub(repl, string)``, the same text (what is before ``pos`` is kept)."""
        return self.pattern.sub(repl, string, pos=self._start(string))
