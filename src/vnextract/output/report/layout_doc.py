"""Where each record, subject, entity and review note stands in one document's text.

Records only carry the offsets of their number; the unit and subject are found next to
it here, so the page can highlight "number + unit" as one mark and the subject as
another, both tied to the record by id.
"""

from __future__ import annotations

import re
from typing import Any

from vnextract.output.report.spans import Event, Span, layout

# A gap between number and unit may hold a scale word or two, never punctuation.
_GAP_OK = re.compile(r"\s*(?:[^\W\d_]+\s+){0,2}")
_UNIT_WINDOW = 40
_SUBJECT_WINDOW = 300


def _unit_end(text: str, start: int, end: int, unit: str, limit: int) -> int:
    """End of the unit written after the number (``2.957.000 thuê bao``), else ``end``."""
    unit = unit.strip().lower()
    if not unit:
        return end
    window = text[end : min(limit, end + _UNIT_WINDOW)].lower()
    at = window.find(unit)
    if at < 0:
        return end
    gap = window[:at]
    ok = not gap.strip() if unit == "%" else _GAP_OK.fullmatch(gap) is not None
    if not ok:
        return end
    after = end + at + len(unit)
    if after < len(text) and text[after].isalnum() and unit[-1].isalnum():
        return end  # 'bộ' must not match the start of 'bộc'
    return after


def sentence_start(text: str, sentence: str, char_start: int) -> int | None:
    """Offset of the record's sentence in ``text``: the occurrence that covers the number."""
    if not sentence:
        return None
    pos = text.find(sentence, max(0, char_start - len(sentence)))
    while 0 <= pos <= char_start:
        if char_start < pos + len(sentence):
            return pos
        pos = text.find(sentence, pos + 1)
    return None


def _subject_span(text: str, rec: dict[str, Any]) -> tuple[int, int] | None:
    """The subject's occurrence nearest the number, inside the sentence when it is found."""
    subject = (rec.get("subject") or "").strip()
    if not subject:
        return None
    start = sentence_start(text, rec.get("sentence") or "", rec["char_start"])
    if start is not None:
        lo, hi = start, start + len(rec["sentence"])
    else:
        lo = max(0, rec["char_start"] - _SUBJECT_WINDOW)
        hi = min(len(text), rec["char_end"] + _SUBJECT_WINDOW)
    best: tuple[int, int] | None = None
    pos = text.find(subject, lo, hi)
    while pos >= 0:
        if best is None or abs(pos - rec["char_start"]) < abs(best[0] - rec["char_start"]):
            best = (pos, pos + len(subject))
        pos = text.find(subject, pos + 1, hi)
    return best


def document_events(
    text: str,
    records: list[dict[str, Any]],
    entities: list[dict[str, Any]],
    notes: list[dict[str, Any]],
) -> list[Event]:
    """Nested open/text/close events for one document's text.

    Priority, highest first: records (never split, so each renders as exactly one
    mark with its ``data-record-id``), review notes, entities (longest first, so the
    outer name stays whole), subjects.
    """
    spans: list[Span] = []
    ordered = sorted(records, key=lambda r: (r["char_start"], r["char_end"]))
    for i, rec in enumerate(ordered):
        # The unit may not run into the next record's number.
        limit = ordered[i + 1]["char_start"] if i + 1 < len(ordered) else len(text)
        limit = max(limit, rec["char_end"])
        end = _unit_end(text, rec["char_start"], rec["char_end"], rec.get("unit") or "", limit)
        # the pipeline says where the written expression ends ('4.670 tỷ đồng'); older
        # outputs without it keep the searched unit
        expr_end = rec.get("expr_char_end")
        if isinstance(expr_end, int) and rec["char_end"] <= expr_end <= limit:
            end = max(end, expr_end)
        spans.append(Span(rec["char_start"], end, "record", {"rec": rec}))
    for note in notes:
        if isinstance(note.get("char_start"), int) and isinstance(note.get("char_end"), int):
            spans.append(Span(note["char_start"], note["char_end"], "note", {"note": note}))
    for ent in sorted(entities, key=lambda e: e["char_start"] - e["char_end"]):
        spans.append(Span(ent["char_start"], ent["char_end"], "entity", {"ent": ent}))
    for rec in ordered:
        where = _subject_span(text, rec)
        if where:
            spans.append(Span(where[0], where[1], "subject", {"rec": rec}))
    return layout(text, spans)
