"""A spaCy tokenizer that segments Vietnamese words with underthesea.

underthesea returns words whose characters may differ from the input (it moves
tone marks: ``Hoá`` -> ``Hóa``) and drops whitespace, so its words are aligned
back to the input by their letter skeletons and the Doc is rebuilt from the
input's own substrings: ``doc.text`` always equals the text given. The words come
from :func:`vnextract.segment.words.load_segmenter` (underthesea's model, features built
in bulk) unless another ``segment`` function is given.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from spacy.tokens import Doc
from spacy.vocab import Vocab

from vnextract.core.textnorm import skeleton

_NON_SPACE = re.compile(r"\S+")
# what the tokenizer knows and the entity components need, kept on the Doc
# (``doc.text`` rebuilds the string token by token; see entities/context.py)
TEXT_KEY = "vnextract.text"
WORD_SPANS_KEY = "vnextract.word_spans"


def align_words(text: str, words: list[str]) -> list[tuple[int, int]]:
    """Character spans in ``text`` of segmenter ``words``, matched by letter skeleton.

    Words that cannot be found (the segmenter rewrote them beyond recognition) are
    skipped; the caller fills the gaps from the text itself.
    """
    skel: str | None = None  # built only when a word was rewritten
    spans: list[tuple[int, int]] = []
    pos = 0
    n = len(text)
    for word in words:
        # fast path: the segmenter kept the word as written, right after some space
        found = text.find(word, pos) if word else -1
        if found >= 0 and not text[pos:found].strip():
            spans.append((found, found + len(word)))
            pos = found + len(word)
            continue
        if skel is None:
            skel = skeleton(text)
        target = skeleton("".join(word.split()))
        if not target:
            continue
        while pos < n and text[pos].isspace():
            pos += 1
        i, j = pos, 0
        while i < n and j < len(target):
            if text[i].isspace() and i > pos:
                i += 1
                continue
            if skel[i] != target[j]:
                break
            i += 1
            j += 1
        if j == len(target):
            spans.append((pos, i))
            pos = i
            continue
        # resynchronise: the word further on (bounded look-ahead keeps this linear)
        found = skel.find(target, pos, pos + 200 + len(target))
        if found >= 0:
            spans.append((found, found + len(target)))
            pos = found + len(target)
    return spans


def words_and_spaces(text: str, spans: list[tuple[int, int]]) -> tuple[list[str], list[bool]]:
    """spaCy's words and spaces for ``text``: the segmenter's spans, the gaps between them
    split at whitespace, one following space folded into each word, other whitespace
    kept as tokens of its own (what ``spacy.util.get_words_and_spaces`` returns, without
    searching the text for every word again)."""
    words: list[str] = []
    spaces: list[bool] = []
    n = len(text)
    pos = 0

    def add(start: int, end: int) -> None:
        nonlocal pos
        if start > pos:  # whitespace the previous word did not take
            words.append(text[pos:start])
            spaces.append(False)
        words.append(text[start:end])
        pos = end
        if pos < n and text[pos] == " ":
            spaces.append(True)
            pos += 1
        else:
            spaces.append(False)

    for start, end in spans:
        for m in _NON_SPACE.finditer(text, pos, start):
            add(m.start(), m.end())
        add(start, end)
    for m in _NON_SPACE.finditer(text, pos):
        add(m.start(), m.end())
    if pos < n:
        words.append(text[pos:])
        spaces.append(False)
    return words, spaces


def spaced_words(words: list[str], spaces: list[bool]) -> list[tuple[int, int]]:
    """Character spans of the tokens that hold a space (multi-syllable words)."""
    out = []
    pos = 0
    for word, space in zip(words, spaces, strict=True):
        if " " in word:
            out.append((pos, pos + len(word)))
        pos += len(word) + space
    return out


class UnderseaTokenizer:
    """spaCy tokenizer: ``nlp.tokenizer = UnderseaTokenizer(nlp.vocab)``."""

    def __init__(self, vocab: Vocab, segment: Callable[[str], list[str]] | None = None) -> None:
        self.vocab = vocab
        if segment is None:
            from vnextract.segment.words import load_segmenter

            segment = load_segmenter()
        self._segment = segment

    def __call__(self, text: str) -> Doc:
        """Segment ``text`` into words; the Doc's text is exactly ``text``."""
        if not text.strip():
            return Doc(self.vocab, words=[text] if text else [], spaces=[False] if text else [])
        spans = align_words(text, self._segment(text))
        words, spaces = words_and_spaces(text, spans)
        doc = Doc(self.vocab, words=words, spaces=spaces)
        doc.user_data[TEXT_KEY] = text
        doc.user_data[WORD_SPANS_KEY] = spaced_words(words, spaces)
        return doc

    # spaCy serialisation hooks: the tokenizer has no state of its own
    def to_bytes(self, **kwargs) -> bytes:
        return b""

    def from_bytes(self, data: bytes, **kwargs) -> UnderseaTokenizer:
        return self

    def to_disk(self, path, **kwargs) -> None:
        return None

    def from_disk(self, path, **kwargs) -> UnderseaTokenizer:
        return self
