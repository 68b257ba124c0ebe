"""Lay possibly overlapping spans over a text as properly nested open/text/close events.

HTML elements must nest, but records, entities, subjects and notes overlap freely (a
number inside an agency name, a date entity that shares a token with a record). Spans
are placed in priority order into a tree; a span that fits inside a placed one goes
inside it, a span that covers placed ones becomes their parent, and only a span that
*crosses* a placed one is cut into pieces. Spans placed first are never cut, so
records (placed first) always render as one element each.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from vnextract.core.spans import overlap


@dataclass(slots=True)
class Span:
    """A stretch of text to mark; ``attrs`` go to the template unchanged."""

    start: int
    end: int
    kind: str  # record | note | entity | subject
    attrs: dict[str, Any] = field(default_factory=dict)


@dataclass(slots=True)
class Piece:
    """One element of a span: ``part`` counts from 0, ``parts`` is how many there are."""

    span: Span
    start: int
    end: int
    part: int = 0
    parts: int = 1


@dataclass(slots=True)
class _Node:
    start: int
    end: int
    piece: Piece | None
    children: list[_Node] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class Event:
    """``open`` (with piece), ``text`` (with text) or ``close`` (with piece)."""

    kind: str
    text: str = ""
    piece: Piece | None = None


def _place(node: _Node, start: int, end: int, span: Span, out: list[Piece]) -> None:
    """Place [start, end) of ``span`` under ``node``; cut it where it crosses a child."""
    if start >= end:
        return
    overlapping = [c for c in node.children if overlap(c.start, c.end, start, end)]
    for child in overlapping:
        if child.start <= start and end <= child.end:
            _place(child, start, end, span, out)
            return
    inner_start, inner_end = start, end
    for child in overlapping:
        if child.start < start:  # crosses on the left: that part goes inside the child
            _place(child, start, child.end, span, out)
            inner_start = child.end
        elif child.end > end:  # crosses on the right
            _place(child, child.start, end, span, out)
            inner_end = child.start
    if inner_start >= inner_end:
        return
    piece = Piece(span, inner_start, inner_end)
    out.append(piece)
    new = _Node(inner_start, inner_end, piece)
    kept: list[_Node] = []
    for child in node.children:
        if inner_start <= child.start and child.end <= inner_end:
            new.children.append(child)
        else:
            kept.append(child)
    kept.append(new)
    kept.sort(key=lambda n: (n.start, -n.end))
    node.children = kept


def _walk(node: _Node, text: str, events: list[Event]) -> None:
    pos = node.start
    for child in node.children:
        if child.start > pos:
            events.append(Event("text", text[pos : child.start]))
        events.append(Event("open", piece=child.piece))
        _walk(child, text, events)
        events.append(Event("close", piece=child.piece))
        pos = child.end
    if pos < node.end:
        events.append(Event("text", text[pos : node.end]))


def layout(text: str, spans: list[Span]) -> list[Event]:
    """Turn ``text`` and ``spans`` (in priority order) into nested events.

    Args:
        text: the document text.
        spans: spans to mark, highest priority first; spans outside the text or
            empty are dropped.

    Returns:
        Events whose ``text`` parts concatenate back to ``text`` exactly.
    """
    root = _Node(0, len(text), None)
    by_span: dict[int, list[Piece]] = {}
    for span in spans:
        start, end = max(0, span.start), min(len(text), span.end)
        if start >= end:
            continue
        pieces: list[Piece] = []
        _place(root, start, end, span, pieces)
        by_span[id(span)] = pieces
    for pieces in by_span.values():
        pieces.sort(key=lambda p: p.start)
        for i, piece in enumerate(pieces):
            piece.part, piece.parts = i, len(pieces)
    events: list[Event] = []
    _walk(root, text, events)
    return events
