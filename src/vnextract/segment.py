"""Split a document into paragraphs and sentences, keeping document offsets.

underthesea's sentence splitter does not break on newlines, so each line (a
paragraph in scraped text) is split on its own. A long enumeration joined by ';'
stays one sentence; the ';' positions are kept as clause breaks for the record
assembly.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from .model import Furniture, Sentence
from .textnorm import skeleton

CLAUSE_MARKS = ";"


def _default_splitter() -> Callable[[str], list[str]]:
    from underthesea import sent_tokenize

    return sent_tokenize


def _inside(start: int, end: int, spans: Sequence[Furniture]) -> bool:
    return any(f.start <= start and end <= f.end for f in spans)


def _locate(line: str, piece: str, pos: int) -> tuple[int, int] | None:
    """Where the splitter's ``piece`` stands in ``line`` at or after ``pos``."""
    piece = piece.strip()
    if not piece:
        return None
    found = line.find(piece, pos)
    if found >= 0:
        return found, found + len(piece)
    # the splitter may have rewritten characters (tone marks): match letter skeletons
    skel_line, skel_piece = skeleton(line), skeleton(piece)
    found = skel_line.find(skel_piece, pos)
    if found >= 0:
        return found, found + len(piece)
    return None


def split_sentences(
    text: str,
    skip: Sequence[Furniture] = (),
    *,
    splitter: Callable[[str], list[str]] | None = None,
) -> list[Sentence]:
    """Sentences of ``text`` with document offsets; lines wholly inside ``skip`` are left out.

    Args:
        text: the document text.
        skip: furniture spans; a sentence lying wholly inside one is dropped.
        splitter: sentence splitter for one line (default: underthesea's sent_tokenize).
    Returns:
        Sentences in order, ``text[s.start:s.end] == s.text``.
    """
    split = splitter or _default_splitter()
    sentences: list[Sentence] = []
    paragraph = -1
    line_start = 0
    for line in text.split("\n"):
        line_end = line_start + len(line)
        if line.strip() and not _inside(line_start, line_end, skip):
            paragraph += 1
            pos = 0
            pieces = split(line)
            spans = [_locate(line, piece, pos) for piece in pieces]
            for span in spans:
                if span is None or span[0] < pos:
                    continue
                pos = span[1]
            # rebuild from the located spans; text the splitter lost stays in its neighbour
            located = [s for s in spans if s is not None]
            located = _cover(line, located)
            for s, e in located:
                start, end = line_start + s, line_start + e
                if _inside(start, end, skip):
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
