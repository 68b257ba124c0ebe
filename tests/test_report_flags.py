"""Tests for vnextract.output.report.flags: which records and notes send a reviewer back."""

from __future__ import annotations

from typing import Any

import pytest

from vnextract.output.report.flags import compute_flags

TEXT = "Năm 2023, tỉnh có 120 trạm phát sóng, bằng 97% kế hoạch; thêm 4 xã có mạng."


def _doc(doc_id: str = "d1", notes: list[dict[str, Any]] | None = None) -> dict[str, Any]:
    doc: dict[str, Any] = {"doc_id": doc_id, "text": TEXT, "status": "ok"}
    if notes is not None:
        doc["review_notes"] = notes
    return doc


def _rec(rid: str, doc_id: str = "d1", **fields: Any) -> dict[str, Any]:
    start = TEXT.index("120")
    rec = {"record_id": rid, "doc_id": doc_id, "char_start": start, "char_end": start + 3,
           "value_text": "120", "value": 120.0, "value_max": None, "subject": "trạm phát sóng",
           "indicator_id": "bts", "province": "Lào Cai", "period": "2023", "kind": "actual",
           "sentence_index": 0}  # fmt: skip
    rec.update(fields)
    return rec


@pytest.mark.parametrize(
    ("records", "expected"),
    [
        ([_rec("a")], {}),
        ([_rec("a", subject="")], {"a": ["no_subject"]}),
        ([_rec("a", subject="   ")], {"a": ["no_subject"]}),
        ([_rec("a"), _rec("b", "d2", value=125.0)], {"a": ["conflict"], "b": ["conflict"]}),
        # same value in two documents agrees; no conflict
        ([_rec("a"), _rec("b", "d2")], {}),
        # two values in one document are not a conflict between documents
        ([_rec("a"), _rec("b", value=125.0)], {}),
        # a target and an actual differ by design
        ([_rec("a"), _rec("b", "d2", value=150.0, kind="target")], {}),
        # without a period (or province, or indicator) nothing can be compared
        ([_rec("a", period=None), _rec("b", "d2", value=125.0, period=None)], {}),
        ([_rec("a"), _rec("b", "d2", province="Yên Bái", value=125.0)], {}),
        ([_rec("a", value_text="12")], {"a": ["bad_offsets"]}),
        ([_rec("a", char_start=500, char_end=503)], {"a": ["bad_offsets"]}),
    ],
)
def test_report_flags_records(
    records: list[dict[str, Any]], expected: dict[str, list[str]]
) -> None:
    docs = [_doc("d1"), _doc("d2")]
    flags = compute_flags(docs, records)
    got = {rid: [f.kind for f in found] for rid, found in flags.by_record.items()}
    assert got == expected


def test_report_flags_conflict_names_the_other_document() -> None:
    flags = compute_flags([_doc("d1"), _doc("d2")], [_rec("a"), _rec("b", "d2", value=99.0)])
    assert flags.for_record("a")[0].detail == "d2"
    assert "d2" in flags.for_record("a")[0].text


@pytest.mark.parametrize(
    ("notes", "record_flags", "note_count"),
    [
        (None, [], 0),  # the pipeline wrote no notes: these flags never fire
        ([], [], 0),
        ([{"kind": "unattached_share_of_plan", "text": "97%", "char_start": 43,
           "char_end": 46, "sentence_index": 0}], ["unattached_share_of_plan"], 1),
        ([{"kind": "unattached_share_of_plan", "text": "97%", "char_start": 43,
           "char_end": 46, "sentence_index": 5}], [], 1),
        ([{"kind": "number_without_record", "text": "4", "char_start": 63,
           "char_end": 64, "sentence_index": 1}], [], 1),
        ([{"kind": "something_else", "text": "4"}, "not a dict"], [], 0),
    ],
)  # fmt: skip
def test_report_flags_review_notes(
    notes: list[Any] | None, record_flags: list[str], note_count: int
) -> None:
    flags = compute_flags([_doc(notes=notes)], [_rec("a")])
    assert [f.kind for f in flags.for_record("a")] == record_flags
    assert len(flags.notes_by_doc.get("d1", [])) == note_count
    assert flags.needs_look("d1", ["a"]) == note_count + (1 if record_flags else 0)
