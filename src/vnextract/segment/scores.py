"""Each syllable's label scores under underthesea's segmentation model, from cached parts.

A CRF scores a syllable by adding the weights of its feature strings. The strings
of one template offset depend only on one syllable or n-gram (``T[-1].lower``
reads the syllable before, ``T[0,1]`` the pair starting here), so the sum over
every template reading a given offset is a property of that syllable or n-gram:
:class:`WordScorer` computes it once per distinct one, keeps it as a row of a
table, and adds a sentence's rows up with two array lookups per n-gram width. No
feature string is made at all: a sentence's new syllables and n-grams are scored
together, each template's value looked up among the model's own values for that
template (:func:`_values_by_prefix`). The labels then come from
:func:`vnextract.segment.crfmodel.viterbi2`.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from itertools import repeat

import numpy as np

from vnextract.segment.crfmodel import CRFWeights, viterbi2

# scores within this of each other are a tie to be settled by underthesea's own tagger
# (sums in another order differ by about 1e-13 here)
MARGIN = 1e-6
# sentences up to this many tokens keep their position grids (see WordScorer._grid)
_GRID_CACHE_TOKENS = 512


class _Rows(dict):
    """Text -> row of a growing table of blocks; rows 0 and 1 are the BOS and EOS blocks,
    which stay when the rest is emptied (between calls of :meth:`of`, once it holds more
    than ``limit`` texts).

    ``compute`` takes every text of a call not seen before at once and returns their
    blocks stacked: on text never seen, most n-grams are new, and scoring them together
    costs a few array operations per feature template instead of a string per feature.
    """

    def __init__(
        self,
        compute: Callable[[list[str]], np.ndarray],
        bos: np.ndarray,
        eos: np.ndarray,
        limit: int,
    ) -> None:
        super().__init__()
        self.compute, self.limit = compute, limit
        self.table = np.zeros((64, *bos.shape))
        self.table[0], self.table[1] = bos, eos
        self.size = 2
        self.emptied = 0  # how many times the table was emptied (its rows renumbered)

    def of(self, texts: list[str]) -> list[int]:
        """The rows of ``texts``, in order; the new ones scored in one call of ``compute``."""
        if len(self) > self.limit:
            self.clear()
            self.size = 2
            self.emptied += 1
        try:  # all scored already (an article's sentences after prefetch)
            return list(map(self.__getitem__, texts))
        except KeyError:
            pass
        new = [t for t in texts if t not in self]
        if new:
            new = list(dict.fromkeys(new))  # once each, in order
            start, end = self.size, self.size + len(new)
            if end > len(self.table):
                grown = np.zeros((max(end, 2 * len(self.table)), *self.table.shape[1:]))
                grown[: self.size] = self.table[: self.size]
                self.table = grown
            self.table[start:end] = self.compute(new)
            self.update(zip(new, range(start, end), strict=True))
            self.size = end
        return list(map(self.__getitem__, texts))


class WordScorer:
    """Label scores and best labels of a syllable sequence.

    Args:
        plan: per template ``(width, index in its group, first offset, last offset,
            BOS string, EOS string)``, as ``FeatureTemplates.plan``.
        groups: width -> ``[(prefix, function name, function)]``, as ``FeatureTemplates.groups``.
        weights: the model (two labels).
        limit: how many syllables (n-grams) of each width to keep scored.
    """

    def __init__(
        self,
        plan: Sequence[tuple[int, int, int, int, str, str]],
        groups: dict[int, list[tuple[str, str | None, Callable[[str], str]]]],
        weights: CRFWeights,
        limit: int,
    ) -> None:
        if len(weights.labels) != 2:
            raise ValueError(f"two labels expected, the model has {len(weights.labels)}")
        self.weights = weights
        n_labels = len(weights.labels)
        # width -> its templates' first offsets, in order; a block has a row per offset
        self.offsets: dict[int, list[int]] = {}
        for width, _, first, *_ in plan:
            if first not in self.offsets.setdefault(width, []):
                self.offsets[width].append(first)
        # width -> [(offset row, prefix, function)], in template order; and what BOS/EOS
        # add to each row
        members: dict[int, list[tuple[int, str, Callable[[str], str]]]] = {}
        bos = {w: np.zeros((len(o), n_labels)) for w, o in self.offsets.items()}
        eos = {w: np.zeros((len(o), n_labels)) for w, o in self.offsets.items()}
        for width, index, first, _, bos_string, eos_string in plan:
            row = self.offsets[width].index(first)
            prefix, _, function = groups[width][index]
            members.setdefault(width, []).append((row, prefix, function))
            bos[width][row] += self._weight(bos_string)
            eos[width][row] += self._weight(eos_string)
        # each template's feature values the model knows -> their row of ``_state``, whose
        # last row is zeros for the values it does not: a value is looked up, no string made
        known = _values_by_prefix(
            weights.attributes, {p for m in members.values() for _, p, _ in m}
        )
        self._state = np.vstack([weights.state, np.zeros((1, n_labels))])
        self._absent = len(weights.state)
        self.members = {
            w: [(row, known[prefix], function) for row, prefix, function in m]
            for w, m in members.items()
        }
        self.rows = {
            w: _Rows(lambda texts, w=w: self._blocks(texts, w), bos[w], eos[w], limit)
            for w in self.offsets
        }
        # a sentence's n-grams get `pad` BOS blocks before them and EOS blocks after, so
        # that position i reads offset row r from padded n-gram i + first_r + pad: a
        # template looking before the sentence reads BOS, one running past its end EOS
        self.pad = max(max(-f, f + w - 1, 0) for w, o in self.offsets.items() for f in o)
        self._grids: dict[tuple[int, int], tuple[np.ndarray, np.ndarray]] = {}

    def _weight(self, attribute: str) -> np.ndarray | float:
        i = self.weights.attributes.get(attribute)
        return 0.0 if i is None else self.weights.state[i]

    def _blocks(self, texts: list[str], width: int) -> np.ndarray:
        """What each of ``texts`` (syllables, or n-grams joined by spaces) adds, per offset
        row: (texts, offset rows, labels). Each row adds its templates' weights in template
        order, as one text at a time would, so the sums are the same to the last bit."""
        values: dict[Callable[[str], str], list[str]] = {}
        picks = []
        for _, known, function in self.members[width]:
            found = values.get(function)
            if found is None:  # each function once per text: `lower` serves several offsets
                found = values[function] = texts if function is str else list(map(function, texts))
            picks.append(list(map(known.get, found, repeat(self._absent))))
        weights = self._state[np.array(picks)]  # (templates, texts, labels)
        blocks = np.zeros((len(texts), len(self.offsets[width]), len(self.weights.labels)))
        for k, (row, _, _) in enumerate(self.members[width]):
            blocks[:, row] += weights[k]
        return blocks

    def _grid(self, n: int, width: int) -> tuple[np.ndarray, np.ndarray]:
        """Which padded n-gram and which offset row each of ``n`` positions reads."""
        grid = self._grids.get((n, width))
        if grid is None:
            firsts = np.array(self.offsets[width])
            where = np.arange(n)[:, None] + firsts[None, :] + self.pad
            grid = (where, np.arange(len(firsts))[None, :])
            if n <= _GRID_CACHE_TOKENS:  # a freak sentence of 100,000 tokens is not kept
                self._grids[(n, width)] = grid
        return grid

    def prefetch(self, sentences: list[list[str]]) -> None:
        """Score the syllables and n-grams of ``sentences`` (token lists) not seen before,
        in one batch per width: an article's new n-grams cost a few array operations per
        template, not a few per sentence. Each row is the same as one scored alone."""
        for width, rows in self.rows.items():
            texts: list[str] = []
            for tokens in sentences:
                if width == 1:
                    texts += tokens
                else:
                    texts += map(" ".join, zip(*(tokens[i:] for i in range(width)), strict=False))
            if len(texts) <= rows.limit:  # more would empty the table before it is read
                rows.of(texts)

    def scores(self, tokens: list[str]) -> np.ndarray:
        """(tokens, labels): each token's score for each label."""
        n = len(tokens)
        out = np.zeros((n, len(self.weights.labels)))
        for width, rows in self.rows.items():
            grams = zip(*(tokens[i:] for i in range(width)), strict=False)
            texts = tokens if width == 1 else list(map(" ".join, grams))
            index = [0] * self.pad + rows.of(texts) + [1] * (self.pad + width - 1)
            where, which = self._grid(n, width)
            out += rows.table[index][where, which].sum(axis=1)
        return out

    def scores_all(self, sentences: list[list[str]]) -> list[np.ndarray]:
        """:meth:`scores` of each of ``sentences`` (non-empty token lists), gathered with
        one lookup per width for them all."""
        sizes = [len(tokens) for tokens in sentences]
        out = np.zeros((sum(sizes), len(self.weights.labels)))
        for width, rows in self.rows.items():
            emptied, index, wheres = rows.emptied, [], []
            for tokens in sentences:
                grams = zip(*(tokens[i:] for i in range(width)), strict=False)
                texts = tokens if width == 1 else list(map(" ".join, grams))
                where, which = self._grid(len(tokens), width)
                wheres.append(where + len(index))
                index += [0] * self.pad + rows.of(texts) + [1] * (self.pad + width - 1)
            if rows.emptied != emptied:  # rows renumbered part way: one sentence at a time
                return [self.scores(tokens) for tokens in sentences]
            out += rows.table[index][np.vstack(wheres), which].sum(axis=1)
        return np.split(out, np.cumsum(sizes)[:-1])

    def labels(self, tokens: list[str]) -> list[str] | None:
        """The best labels of ``tokens``, or None when two paths come too close to call."""
        return self._best(self.scores(tokens))

    def labels_all(self, sentences: list[list[str]]) -> list[list[str] | None]:
        """:meth:`labels` of each of ``sentences`` (non-empty token lists)."""
        return list(map(self._best, self.scores_all(sentences))) if sentences else []

    def _best(self, scores: np.ndarray) -> list[str] | None:
        first, second = scores.T.tolist()
        path = viterbi2(first, second, self.weights.transitions, MARGIN)
        if path is None:
            return None
        names = self.weights.labels
        return [names[i] for i in path]


def _values_by_prefix(attributes: dict[str, int], prefixes: set[str]) -> dict[str, dict[str, int]]:
    """``{"T[0].lower=": {"xã": 17, ...}}``: the model's attribute strings of each prefix
    (a template and its ``=``), by the value after it, with their row numbers."""
    out: dict[str, dict[str, int]] = {prefix: {} for prefix in prefixes}
    for attribute, i in attributes.items():
        cut = attribute.find("=") + 1
        values = out.get(attribute[:cut]) if cut else None
        if values is not None:
            values[attribute[cut:]] = i
    return out
