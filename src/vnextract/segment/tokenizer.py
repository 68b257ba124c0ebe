"""A spaCy tokenizer that segments Vietnamese words with underthesea: one Doc per article.

Each sentence is segmented on its own (as the pipeline splits them) and the Doc is built
from the input's own substrings, so ``doc.text`` always equals the text given and every
sentence starts a spaCy sentence (``doc.sents``). underthesea returns words whose
characters may differ from the input (it moves tone marks: ``Hoá`` -> ``Hóa``) and drops
whitespace, so its words are aligned back to the input by their letter skeletons. The
words come from :func:`vnextract.segment.words.load_segmenter` (underthesea's model,
features built in bulk) unless another ``segment`` function is given.

``doc._.sentences`` lists the sentences the entity components read, as
``[start_char, end_char, index]``; text between them (line breaks, furniture the
pipeline skips) is tokenized too but read by no component.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from typing import Any

from spacy.tokens import Doc
from spacy.util import DummyTokenizer
from spacy.vocab import Vocab

from vnextract.core.textnorm import skeleton

_NON_SPACE = re.compile(r"\S+")
# what the tokenizer knows and the entity components need, kept beside the Doc (see
# doc_cache): ``doc.text`` rebuilds the string token by token on every call
TEXT_KEY = "text"
WORD_SPANS_KEY = "word_spans"


def register_extensions() -> None:
    """``doc._.sentences``: ``[[start_char, end_char, index], ...]`` or None."""
    if not Doc.has_extension("sentences"):
        Doc.set_extension("sentences", default=None)


class _DocCache:
    """Values derived from the Doc being processed, held beside it rather than in
    ``doc.user_data`` (which must serialise): one Doc at a time, recomputed on a miss."""

    def __init__(self) -> None:
        self.doc: Doc | None = None
        self.values: dict[Any, Any] = {}

    def __call__(self, doc: Doc) -> dict[Any, Any]:
        if self.doc is not doc:  # the reference held keeps the id from being reused
            self.doc, self.values = doc, {}
        return self.values


doc_cache = _DocCache()


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


class UndertheseaTokenizer(DummyTokenizer):
    """spaCy tokenizer: ``nlp.tokenizer = UndertheseaTokenizer(nlp.vocab)``.

    ``tokenizer(text)`` splits ``text`` into sentences (:func:`split_sentences`) and
    segments each; :meth:`from_sentences` takes sentences already split.
    """

    def __init__(self, vocab: Vocab, segment: Callable[[str], list[str]] | None = None) -> None:
        self.vocab = vocab
        if segment is None:
            from vnextract.segment.words import load_segmenter

            segment = load_segmenter()
        self._segment = segment
        register_extensions()

    def __call__(self, text: str) -> Doc:
        """Segment ``text`` into sentences and words; the Doc's text is exactly ``text``."""
        if not text.strip():
            return self.from_sentences(text, [])
        from vnextract.segment.sentences import split_sentences

        return self.from_sentences(text, [(s.start, s.end, s.index) for s in split_sentences(text)])

    def from_sentences(self, text: str, sentences: Iterable[tuple[int, int, int | None]]) -> Doc:
        """One Doc for ``text`` whose spaCy sentences start at each of ``sentences``.

        Args:
            text: the whole text (an article).
            sentences: ``(start, end, index)`` of the sentences to segment and read, in
                order, not overlapping; each starts a spaCy sentence, and so does any other
                text between them.
        Returns:
            The Doc, with ``doc._.sentences`` set.
        """
        words: list[str] = []
        spaces: list[bool] = []
        starts: list[bool] = []
        table: list[list] = []
        spaced: dict[int, list[tuple[int, int]]] = {}
        sentences = list(sentences)
        pos = 0
        for start, end, _ in sentences:
            if start < pos or end < start:
                raise ValueError(f"sentence ({start}, {end}) overlaps the one before it")
            pos = end
        bodies = [text[start:end] for start, end, _ in sentences]
        # the segmenter's batch form scores an article's new n-grams together
        many = getattr(self._segment, "segment_all", None)
        segmented = many(bodies) if many is not None else list(map(self._segment, bodies))
        pos = 0
        for (start, end, index), body, found in zip(sentences, bodies, segmented, strict=True):
            self._gap(text, pos, start, words, spaces, starts)
            w, s = words_and_spaces(body, align_words(body, found))
            if w:
                starts.append(True)
                starts.extend([False] * (len(w) - 1))
                words.extend(w)
                spaces.extend(s)
            table.append([start, end, index])
            spaced[start] = spaced_words(w, s)
            pos = end
        self._gap(text, pos, len(text), words, spaces, starts)
        if starts:
            starts[0] = True
        doc = Doc(self.vocab, words=words, spaces=spaces, sent_starts=starts or None)
        doc._.sentences = table
        cache = doc_cache(doc)
        cache[TEXT_KEY] = text
        cache[WORD_SPANS_KEY] = spaced
        return doc

    @staticmethod
    def _gap(
        text: str, start: int, end: int, words: list[str], spaces: list[bool], starts: list[bool]
    ) -> None:
        """Tokens for text no sentence covers: a space right after a word is that word's
        trailing space; other whitespace joins the sentence before; anything else starts
        a sentence of its own."""
        if start < end and words and not spaces[-1] and text[start] == " ":
            spaces[-1] = True
            start += 1
        if start >= end:
            return
        w, s = words_and_spaces(text[start:end], [])
        first = True
        for word, space in zip(w, s, strict=True):
            begins = first and not word.isspace()
            first = first and not begins
            words.append(word)
            spaces.append(space)
            starts.append(begins)


# the class's old, misspelt name, kept importable
UnderseaTokenizer = UndertheseaTokenizer
