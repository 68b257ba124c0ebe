"""Tests for vnextract.output.report.spans and layout_doc: overlapping spans nest, text survives."""

from __future__ import annotations

import pytest

from vnextract.output.report.layout_doc import document_events
from vnextract.output.report.spans import Span, layout

TEXT = "Ủy ban nhân dân huyện Mường Tè cấp 350 bộ máy tính cho 14 xã."


def _at(word: str) -> tuple[int, int]:
    start = TEXT.index(word)
    return start, start + len(word)


def _check_nesting(events: list) -> None:
    stack = []
    for ev in events:
        if ev.kind == "open":
            stack.append(ev.piece)
        elif ev.kind == "close":
            assert stack.pop() is ev.piece
    assert stack == []


@pytest.mark.parametrize(
    ("spans", "split"),
    [
        # a record inside an entity: nested, nothing split
        ([("record", "350"), ("entity", "cấp 350 bộ")], set()),
        # an entity crossing a record: the entity is cut, the record never
        ([("record", "350 bộ"), ("entity", "cấp 350")], {"entity"}),
        ([("record", "350 bộ"), ("entity", "bộ máy tính")], {"entity"}),
        # an entity crossing two records at once
        ([("record", "350"), ("record", "14"), ("entity", "350 bộ máy tính cho 14")], set()),
        ([("record", "350 bộ"), ("record", "14 xã"), ("subject", "bộ máy tính cho 14")],
         {"subject"}),
        # equal extents nest
        ([("record", "350"), ("entity", "350"), ("subject", "350")], set()),
        # nested entities (a place inside an agency)
        ([("entity", "Ủy ban nhân dân huyện Mường Tè"), ("entity", "huyện Mường Tè")], set()),
    ],
)  # fmt: skip
def test_report_spans_layout_nests_and_keeps_text(
    spans: list[tuple[str, str]], split: set[str]
) -> None:
    objs = [Span(*_at(word), kind) for kind, word in spans]
    events = layout(TEXT, objs)
    assert "".join(ev.text for ev in events if ev.kind == "text") == TEXT
    _check_nesting(events)
    opened = [ev.piece for ev in events if ev.kind == "open"]
    for span in objs:
        pieces = [p for p in opened if p.span is span]
        covered = "".join(TEXT[p.start : p.end] for p in sorted(pieces, key=lambda p: p.start))
        assert covered == TEXT[span.start : span.end]
        assert (len(pieces) > 1) == (span.kind in split)
        if span.kind == "record":
            assert len(pieces) == 1


@pytest.mark.parametrize(
    ("value_text", "unit", "marked"),
    [
        ("350", "bộ", "350 bộ"),
        ("350", "bộ máy tính", "350 bộ máy tính"),
        ("14", "xã", "14 xã"),
        ("350", "xã", "350"),  # too far: more than two words between
        ("350", "", "350"),
        ("350", "bộ m", "350"),  # must end on a word boundary
    ],
)
def test_report_spans_record_mark_takes_its_unit(value_text: str, unit: str, marked: str) -> None:
    start = TEXT.index(value_text)
    rec = {"record_id": "r1", "char_start": start, "char_end": start + len(value_text),
           "value_text": value_text, "unit": unit, "subject": "", "sentence": TEXT}  # fmt: skip
    events = document_events(TEXT, [rec], [], [])
    opened = [ev.piece for ev in events if ev.kind == "open"]
    assert [TEXT[p.start : p.end] for p in opened] == [marked]


def test_report_spans_out_of_range_spans_are_dropped() -> None:
    events = layout("abc", [Span(5, 9, "record"), Span(2, 1, "entity"), Span(-3, 1, "note")])
    assert [ev.kind for ev in events] == ["open", "text", "close", "text"]
    assert "".join(ev.text for ev in events) == "abc"
