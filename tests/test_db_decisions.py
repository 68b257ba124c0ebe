"""Reviewer decisions: reading the exchange format, its errors, and loading into databases."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

import pytest

import db_fixtures
from db_fixtures import read_lines, rows, sample_doc, write_output
from vnextract.output.db import DatabaseError, load_decisions, load_output
from vnextract.output.db.decisions import Decision, DecisionError, read_decisions, write_decisions

db_url = db_fixtures.db_url

HEADER = "record_id,doc_id,decision,note,reviewer,decided_at"


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (
            f"\ufeff{HEADER}\nr1,d1,accepted,,Lan,2024-05-02T08:00:00Z\n",
            [("r1", "accepted", None, datetime(2024, 5, 2, 8, tzinfo=UTC))],
        ),
        (
            f'{HEADER}\r\nr2,d1,Rejected,"đơn vị sai,\r\nxem lại",,2024-05-02T15:00:00+07:00\r\n',
            [("r2", "rejected", "đơn vị sai,\r\nxem lại", datetime(2024, 5, 2, 8, tzinfo=UTC))],
        ),
        (
            f"{HEADER}\nr3,d2,accepted,ghi chú,Minh,2024-05-02 08:00:00\n",
            [("r3", "accepted", "ghi chú", datetime(2024, 5, 2, 8, tzinfo=UTC))],
        ),
    ],
)
def test_decisions_read_csv(tmp_path: Path, body: str, expected: list[tuple]) -> None:
    path = tmp_path / "decisions.csv"
    path.write_bytes(body.encode("utf-8"))
    found = read_decisions(path)
    assert [(d.record_id, d.decision, d.note, d.decided_at) for d in found] == expected


@pytest.mark.parametrize(
    ("rows_text", "messages"),
    [
        (
            ["r1,d1,approve,,Lan,2024-05-02T08:00:00Z"],
            ["decisions.csv:2: decision 'approve' is not 'accepted' or 'rejected'"],
        ),
        (
            ["r1,d1,accepted,,Lan,2024-05-02T08:00:00Z", ",d1,accepted,,Lan,2024-05-02"],
            ["decisions.csv:3: record_id is empty"],
        ),
        (
            ['r1,d1,accepted,"hai\ndòng",Lan,2024-05-02', "r2,d1,rejected,,Lan,hôm qua"],
            ["decisions.csv:4: decided_at 'hôm qua' is not an ISO date-time"],
        ),
        (
            ["r1,d1,maybe,,Lan,2024-05-02", "r2,,rejected,,Lan,02/05/2024"],
            [
                "decisions.csv:2: decision 'maybe'",
                "decisions.csv:3: doc_id is empty",
                "decisions.csv:3: decided_at '02/05/2024'",
            ],
        ),
    ],
)
def test_decisions_bad_csv_rows_name_line(
    tmp_path: Path, rows_text: list[str], messages: list[str]
) -> None:
    path = tmp_path / "decisions.csv"
    path.write_text("\n".join([HEADER, *rows_text]) + "\n", encoding="utf-8")
    with pytest.raises(DecisionError) as caught:
        read_decisions(path)
    assert len(caught.value.problems) == len(messages)
    for problem, message in zip(caught.value.problems, messages, strict=True):
        assert problem.startswith(message)
        assert "Fix:" in problem


@pytest.mark.parametrize(
    ("header", "reason"),
    [("record_id,doc_id,decision,decided_at", "lacks note, reviewer"), ("", "(none)")],
)
def test_decisions_bad_header(tmp_path: Path, header: str, reason: str) -> None:
    path = tmp_path / "d.csv"
    path.write_text(header + "\n", encoding="utf-8")
    with pytest.raises(DecisionError, match=reason):
        read_decisions(path)


@pytest.mark.parametrize(
    ("items", "message"),
    [
        ('{"record_id": "r1"}', "not a decisions file"),
        ("[\n 1\n]", "d.json:2: the item is not an object"),
        (
            '[\n {"record_id": "r1", "doc_id": "d", "decision": "accepted",\n'
            '  "decided_at": "2024-05-02T08:00:00Z"},\n'
            ' {"record_id": "r2", "doc_id": "d", "decision": "ok",\n'
            '  "decided_at": "2024-05-02T08:00:00Z"}\n]',
            "d.json:4: decision 'ok'",
        ),
        ('[{"record_id": "r1", "doc_id": 7}]', "d.json:1: doc_id is 7"),
        ("[\n{,}\n]", r"d.json:2: not valid JSON"),
    ],
)
def test_decisions_bad_json_names_line(tmp_path: Path, items: str, message: str) -> None:
    path = tmp_path / "d.json"
    path.write_text(items, encoding="utf-8")
    with pytest.raises(DecisionError, match=message):
        read_decisions(path)


@pytest.mark.parametrize("suffix", [".csv", ".json"])
def test_decisions_write_read_round_trip(tmp_path: Path, suffix: str) -> None:
    decisions = [
        Decision("r1", "d1", "accepted", datetime(2024, 5, 2, 8, tzinfo=UTC), "đã kiểm tra", "Lan"),
        Decision("r2", "d1", "rejected", datetime(2024, 5, 3, 1, 30, tzinfo=UTC), None, None),
    ]
    path = write_decisions(decisions, tmp_path / f"decisions{suffix}")
    assert read_decisions(path) == decisions


@pytest.mark.parametrize("suffix", [".txt", ".xlsx"])
def test_decisions_unknown_file_type(tmp_path: Path, suffix: str) -> None:
    path = tmp_path / f"d{suffix}"
    path.write_text(HEADER + "\n", encoding="utf-8")
    with pytest.raises(DecisionError, match=f"'{suffix}' file"):
        read_decisions(path)


@pytest.mark.parametrize("suffix", [".json"])
def test_decisions_load_is_idempotent(tmp_path: Path, db_url: str, suffix: str) -> None:
    out = write_output(tmp_path / "out", [sample_doc(0)])
    load_output(out, db_url)
    record = read_lines(out / "records.jsonl")[0]
    items = [
        {
            "record_id": record["record_id"],
            "doc_id": record["doc_id"],
            "decision": "accepted",
            "note": "số liệu khớp với báo cáo",
            "reviewer": "Hà",
            "decided_at": "2024-05-02T08:00:00Z",
        }
    ]
    path = tmp_path / f"d{suffix}"
    path.write_text(json.dumps(items, ensure_ascii=False), encoding="utf-8")
    load_decisions(path, db_url)
    first = rows(db_url, "SELECT * FROM decisions")
    load_decisions(path, db_url)
    assert rows(db_url, "SELECT * FROM decisions") == first
    assert rows(db_url, "SELECT record_id, note FROM accepted_records") == [
        (record["record_id"], "số liệu khớp với báo cáo")
    ]


@pytest.mark.parametrize("wrong", ["record_id", "doc_id"])
def test_decisions_unknown_record_refused(tmp_path: Path, db_url: str, wrong: str) -> None:
    out = write_output(tmp_path / "out", [sample_doc(0)])
    load_output(out, db_url)
    record = read_lines(out / "records.jsonl")[0]
    values = {"record_id": record["record_id"], "doc_id": record["doc_id"], wrong: "khong_co"}
    path = tmp_path / "d.csv"
    path.write_text(
        f"{HEADER}\n{values['record_id']},{values['doc_id']},accepted,,,2024-05-02\n",
        encoding="utf-8",
    )
    with pytest.raises(DatabaseError, match=r"1 decision.*vnextract load OUT_DIR"):
        load_decisions(path, db_url)
    assert rows(db_url, "SELECT COUNT(*) FROM decisions") == [(0,)]
