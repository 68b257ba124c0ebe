"""underthesea's CRF feature templates (``T[-1,0].lower``), read and turned into strings.

:class:`FeatureTemplates` groups the templates by how many tokens each reads, so the
scorer (:mod:`vnextract.segment.scores`) can sum weights per syllable and n-gram, and
builds the feature strings in bulk where underthesea's own tagger must label a sentence.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from itertools import repeat

from vnextract.segment.memo import BoundedCache

# underthesea_core's template syntax: T[offset1(,offset2)]([column])(.function)
_TEMPLATE = re.compile(r"T\[(-?\d+)(?:,(-?\d+))?\](?:\[(-?\d+)\])?(?:\.(\w+))?")
# Rust's `str::parse::<i32>`: an optional sign, ASCII digits, inside the i32 range
_I32 = re.compile(r"[+-]?[0-9]+")
_I32_MIN, _I32_MAX = -(2**31), 2**31 - 1


def _isdigit(text: str) -> str:
    if _I32.fullmatch(text) is None:
        return "False"
    return "True" if _I32_MIN <= int(text) <= _I32_MAX else "False"


def _istitle(text: str) -> str:
    # every space-separated part starts with a character that upper-casing leaves alone
    for part in text.split(" "):
        first = part[:1]
        if first != first.upper():
            return "False"
    return "True"


class FeatureTemplates:
    """underthesea's feature templates, grouped by how many tokens each one reads.

    With ``known`` (the attribute strings the CRF model has weights for), the
    :meth:`model_features` of a token leave out the strings the model would ignore
    anyway: the tagger's scores, hence its tags, are the same, and fewer strings
    are made and handed over.
    """

    def __init__(
        self,
        templates: Sequence[str],
        dictionary: frozenset[str],
        known: frozenset[str] | None = None,
        cache_limit: int = 50_000,
    ) -> None:
        self.dictionary = dictionary
        self.known = known
        functions: dict[str | None, Callable[[str], str]] = {
            None: str,
            "lower": str.lower,
            "isdigit": _isdigit,
            "istitle": _istitle,
            "is_in_dict": self._in_dict,
        }
        # width -> [(prefix, function name, function)] in template order
        self.groups: dict[int, list[tuple[str, str | None, Callable[[str], str]]]] = {}
        # per template: (width, index in its group, offset1, offset2, BOS string, EOS string)
        self.plan: list[tuple[int, int, int, int, str, str]] = []
        for template in templates:
            m = _TEMPLATE.fullmatch(template)
            if m is None or (m[3] not in (None, "0")) or m[4] not in functions:
                raise ValueError(f"unsupported feature template {template!r}")
            first = int(m[1])
            last = int(m[2]) if m[2] is not None else first
            if last < first:
                raise ValueError(f"unsupported feature template {template!r}")
            group = self.groups.setdefault(last - first + 1, [])
            self.plan.append(
                (last - first + 1, len(group), first, last, f"{template}=BOS", f"{template}=EOS")
            )
            group.append((f"{template}=", m[4], functions[m[4]]))
        # the strings the model knows, by prefix and value ("T[-1,0]=" -> {"thành phố":
        # "T[-1,0]=thành phố"}): a known n-gram's string is looked up, not made
        self._strings: dict[str, dict[str, str]] = {}
        for string in known or ():
            prefix, _, value = string.partition("=")
            self._strings.setdefault(prefix + "=", {})[value] = string
        self._single = {
            known_only: BoundedCache(
                lambda token, k=known_only: self._single_row(token, k), cache_limit
            )
            for known_only in (False, True)
        }
        self._titles = BoundedCache(lambda token: _istitle(token) == "True", cache_limit)
        # BOS/EOS strings as the model sees them (None: no weight)
        self._ends = {
            end: end if known is None or end in known else None
            for *_, bos, eos in self.plan
            for end in (bos, eos)
        }

    def _in_dict(self, text: str) -> str:
        return "True" if text.lower() in self.dictionary else "False"

    def _keep(self, string: str, known_only: bool) -> str | None:
        return string if not known_only or string in self.known else None

    def _single_row(self, token: str, known_only: bool) -> tuple[str | None, ...]:
        return tuple(self._keep(prefix + f(token), known_only) for prefix, _, f in self.groups[1])

    def _singles(self, tokens: list[str], known_only: bool) -> list[Sequence[str | None]]:
        """Columns of the one-token templates: each token's strings come from a cache."""
        group = self.groups.get(1, [])
        if not group:
            return []
        rows = self._single[known_only].of(tokens)
        return list(zip(*rows, strict=True)) if rows else [() for _ in group]

    def _ngrams(
        self, tokens: list[str], width: int, known_only: bool
    ) -> list[Sequence[str | None]]:
        """Columns of the templates reading ``width`` tokens, one per template."""
        texts = list(map(" ".join, zip(*(tokens[i:] for i in range(width)), strict=False)))
        columns: list[Sequence[str | None]] = []
        lowered: list[str] | None = None
        inside: list[bool] | None = None
        for prefix, name, f in self.groups[width]:
            if name in ("lower", "is_in_dict") and lowered is None:
                # both read the lower-cased text: lower it once per n-gram
                lowered = list(map(str.lower, texts))
            if name == "lower" or name is None:
                values = lowered if name == "lower" else texts
                if known_only:
                    # only the n-grams the model has seen have a string at all
                    columns.append(list(map(self._strings.get(prefix, {}).get, values)))
                else:
                    columns.append([prefix + t for t in values])
                continue
            # a yes/no feature: two possible strings, made once, chosen by a bool
            answers = (
                self._keep(prefix + "False", known_only),
                self._keep(prefix + "True", known_only),
            )
            if name == "is_in_dict":
                if inside is None:
                    inside = list(map(self.dictionary.__contains__, lowered))
                columns.append(list(map(answers.__getitem__, inside)))
            elif name == "istitle":
                # the parts of joined tokens are the tokens' parts: title iff every token is
                flags = self._titles.of(tokens)
                runs = map(all, zip(*(flags[i:] for i in range(width)), strict=False))
                columns.append(list(map(answers.__getitem__, runs)))
            else:
                columns.append([answers[f(t) == "True"] for t in texts])
        return columns

    def _columns(self, tokens: list[str], known_only: bool) -> list[list[str | None]]:
        n = len(tokens)
        sources = {
            width: self._singles(tokens, known_only)
            if width == 1
            else self._ngrams(tokens, width, known_only)
            for width in self.groups
        }
        columns = []
        for width, index, first, last, bos, eos in self.plan:
            if known_only:
                bos, eos = self._ends[bos], self._ends[eos]
            lo = -first if first < 0 else 0  # positions before lo look before the sentence
            hi = min(n, n - last)  # positions from hi on look past its end
            if hi > lo:
                column = [bos] * lo
                column.extend(sources[width][index][lo + first : hi + first])
                column.extend([eos] * (n - hi))
            else:
                lo = min(lo, n)
                column = [bos] * lo + [eos] * (n - lo)
            columns.append(column)
        return columns

    def features(self, tokens: list[str]) -> list[tuple[str, ...]]:
        """The feature strings of every token, exactly as ``underthesea_core`` makes them."""
        # one tuple per token, in template order (the tagger takes any sequence)
        return list(zip(*self._columns(tokens, False), strict=True))

    def model_features(self, tokens: list[str]) -> list[tuple[str, ...]]:
        """:meth:`features` less the strings the model has no weight for (all of them
        when the model's attributes are not known)."""
        if self.known is None:
            return self.features(tokens)
        rows = zip(*self._columns(tokens, True), strict=True)
        # each row less its Nones, all in C: map(filter, ...) rather than a comprehension
        return list(map(tuple, map(filter, repeat(None), rows)))
