"""Each syllable's label scores under underthesea's segmentation model, from cached parts.

A CRF scores a syllable by adding the weights of its feature strings. The strings
of one template offset depend only on one syllable or n-gram (``T[-1].lower``
reads the syllable before, ``T[0,1]`` the pair starting here), so the sum over
every template reading a given offset is a property of that syllable or n-gram:
:class:`WordScorer` computes it once per distinct one, keeps it as a row of a
table, and adds a sentence's rows up with two array lookups per n-gram width. No
feature string is made for a syllable seen before. The labels then come from
:func:`vnextract.segment.crfmodel.viterbi2`.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

import numpy as np

from vnextract.segment.crfmodel import CRFWeights, viterbi2
from vnextract.segment.memo import BoundedCache

# scores within this of each other are a tie to be settled by underthesea's own tagger
# (sums in another order differ by about 1e-13 here)
MARGIN = 1e-6
# sentences up to this many tokens keep their position grids (see WordScorer._grid)
_GRID_CACHE_TOKENS = 512


class _Rows(BoundedCache):
    """Text -> row of a growing table of blocks; rows 0 and 1 are the BOS and EOS blocks,
    which stay when the rest is emptied."""

    def __init__(
        self, compute: Callable[[str], np.ndarray], bos: np.ndarray, eos: np.ndarray, limit: int
    ) -> None:
        super().__init__(compute, limit)
        self.table = np.zeros((64, *bos.shape))
        self.table[0], self.table[1] = bos, eos
        self.size = 2

    def __missing__(self, text: str) -> int:
        if self.size == len(self.table):
            self.table = np.concatenate([self.table, np.zeros_like(self.table)])
        row = self[text] = self.size
        self.table[row] = self.compute(text)
        self.size += 1
        return row

    def clear(self) -> None:
        super().clear()
        self.size = 2


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
        # width -> [(offset row, prefix, function)]; and what BOS/EOS add to each row
        self.members: dict[int, list[tuple[int, str, Callable[[str], str]]]] = {}
        bos = {w: np.zeros((len(o), n_labels)) for w, o in self.offsets.items()}
        eos = {w: np.zeros((len(o), n_labels)) for w, o in self.offsets.items()}
        for width, index, first, _, bos_string, eos_string in plan:
            row = self.offsets[width].index(first)
            prefix, _, function = groups[width][index]
            self.members.setdefault(width, []).append((row, prefix, function))
            bos[width][row] += self._weight(bos_string)
            eos[width][row] += self._weight(eos_string)
        self.rows = {
            w: _Rows(lambda text, w=w: self._block(text, w), bos[w], eos[w], limit)
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

    def _block(self, text: str, width: int) -> np.ndarray:
        """What ``text`` (one syllable, or an n-gram joined by spaces) adds, per offset row."""
        block = np.zeros((len(self.offsets[width]), len(self.weights.labels)))
        for row, prefix, function in self.members[width]:
            block[row] += self._weight(prefix + function(text))
        return block

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

    def labels(self, tokens: list[str]) -> list[str] | None:
        """The best labels of ``tokens``, or None when two paths come too close to call."""
        scores = self.scores(tokens)
        path = viterbi2(
            scores[:, 0].tolist(), scores[:, 1].tolist(), self.weights.transitions, MARGIN
        )
        if path is None:
            return None
        names = self.weights.labels
        return [names[i] for i in path]
