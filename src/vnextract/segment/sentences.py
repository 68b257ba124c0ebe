"""Split a document into paragraphs and sentences, keeping document offsets.

underthesea's sentence splitter does not break on newlines, so each line (a
paragraph in scraped text) is split on its own. A long enumeration joined by ';'
stays one sentence; the ';' positions are kept as clause breaks for the record
assembly.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from vnextract.core.model import Furniture, Sentence
from vnextract.core.spans import SpanIndex
from vnextract.core.textnorm import skeleton

CLAUSE_MARKS = ";"
# Longer "sentences" are run-on text (a table flattened onto one line, a page with no
# full stops): they are cut, at a clause mark if there is one, so that no stage and no
# record, which carries its sentence, grows with the paragraph's length. The longest
# sentence of the development articles has under 1,500 characters.
MAX_SENTENCE_CHARS = 5000
_CUT_MARKS = (CLAUSE_MARKS, ",", " ")


def _default_splitter() -> Callable[[str], list[str]]:
    from underthesea import sent_tokenize

    return sent_tokenize


class _Line:
    """One line and, made only when needed, its letter skeleton."""

    def __init__(self, text: str) -> None:
        self.text = text
        self._skeleton: str | None = None

    @property
    def skeleton(self) -> str:
        if self._skeleton is None:
            self._skeleton = skeleton(self.text)
        return self._skeleton


def _locate(line: _Line, piece: str, pos: int) -> tuple[int, int] | None:
    """Where the splitter's ``piece`` stands in ``line`` at or after ``pos``.

    Searching on from the previous piece's end, not from the start of the line, is
    what tells a repeated sentence from its first occurrence.
    """
    piece = piece.strip()
    if not piece:
        return None
    found = line.text.find(piece, pos)
    if found >= 0:
        return found, found + len(piece)
    # the splitter may have rewritten characters (tone marks): match letter skeletons
    found = line.skeleton.find(skeleton(piece), pos)
    if found >= 0:
        return found, found + len(piece)
    return None


def _pieces(line: _Line, pieces: list[str]) -> list[tuple[int, int]]:
    """The located pieces, in order, each after the one before."""
    spans: list[tuple[int, int]] = []
    pos = 0
    for piece in pieces:
        span = _locate(line, piece, pos)
        if span is not None:
            spans.append(span)
            pos = span[1]
    return spans


def split_sentences(
    text: str,
    skip: Sequence[Furniture] = (),
    *,
    splitter: Callable[[str], list[str]] | None = None,
    max_chars: int = MAX_SENTENCE_CHARS,
) -> list[Sentence]:
    """Sentences of ``text`` with document offsets; lines wholly inside ``skip`` are left out.

    Args:
        text: the document text.
        skip: furniture spans; a sentence lying wholly inside one is dropped.
        splitter: sentence splitter for one line (default: underthesea's sent_tokenize).
        max_chars: a longer sentence is cut into pieces of at most this many characters.
    Returns:
        Sentences in order, ``text[s.start:s.end] == s.text``.
    """
    split = splitter or _default_splitter()
    sentences: list[Sentence] = []
    paragraph = -1
    line_start = 0
    skipped = SpanIndex(skip)
    for line in text.split("\n"):
        line_end = line_start + len(line)
        if line.strip() and not skipped.covers(line_start, line_end):
            paragraph += 1
            # text the splitter lost stays in its neighbour
            located = _cover(line, _pieces(_Line(line), split(line)))
            located = [c for span in located for c in _cut(line, *span, max_chars)]
            for s, e in located:
                start, end = line_start + s, line_start + e
                if skipped.covers(start, end):
                    continue
                body = text[start:end]
                breaks = [start + i for i, ch in enumerate(body) if ch in CLAUSE_MARKS]
                sentences.append(
                    Sentence(
                        index=len(sentences),
                        start=start,
                        end=end,
                        text=body,
                        paragraph=paragraph,
                        clause_breaks=breaks,
                    )
                )
        line_start = line_end + 1
    return sentences


def _cover(line: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Ordered, non-overlapping spans covering every non-space character of ``line``."""
    out: list[tuple[int, int]] = []
    pos = 0
    for s, e in sorted(spans):
        if s < pos:
            continue
        if line[pos:s].strip():
            if out:
                out[-1] = (out[-1][0], s)
            else:
                s = pos
        out.append((s, e))
        pos = e
    if line[pos:].strip():
        if out:
            out[-1] = (out[-1][0], len(line.rstrip()))
        else:
            out.append((pos, len(line.rstrip())))
    # trim surrounding spaces so sentence text starts and ends with a character
    trimmed = []
    for s, e in out:
        while s < e and line[s].isspace():
            s += 1
        while e > s and line[e - 1].isspace():
            e -= 1
        if s < e:
            trimmed.append((s, e))
    return trimmed


def _cut(line: str, start: int, end: int, limit: int) -> list[tuple[int, int]]:
    """``line[start:end]`` in pieces of at most ``limit`` characters, each cut after the
    last clause mark, else comma, else space within the limit (or hard at the limit)."""
    out: list[tuple[int, int]] = []
    while end - start > limit:
        cut = start + limit
        for mark in _CUT_MARKS:
            at = line.rfind(mark, start + 1, start + limit)
            if at >= 0:
                cut = at + 1
                break
        piece_end = cut
        while piece_end > start and line[piece_end - 1].isspace():
            piece_end -= 1
        out.append((start, piece_end))
        start = cut
        while start < end and line[start].isspace():
            start += 1
    if start < end:
        out.append((start, end))
    return out
