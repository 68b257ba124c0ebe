"""records.csv neutralises cells a spreadsheet would run as formulas (OWASP "CSV Injection");
JSONL, Parquet and the database keep the true text. Sentences written for these tests."""

from __future__ import annotations

import csv
import json
import sqlite3
from pathlib import Path

import pytest

from vnextract.core.model import DocumentResult, Record
from vnextract.output.csvsafe import neutralise
from vnextract.output.db import load_output
from vnextract.output.files import CSV_COLUMNS, CSV_NUMERIC, OutputWriter, serialise
from vnextract.output.parquet import write_parquet
from vnextract.run.batch import run


@pytest.mark.parametrize(
    ("cell", "written"),
    [
        ('=HYPERLINK("http://x.invalid","Xem")', '\'=HYPERLINK("http://x.invalid","Xem")'),
        ("+84 912 000 111", "'+84 912 000 111"),
        ("-2+3+cmd|' /C calc'!A0", "'-2+3+cmd|' /C calc'!A0"),
        ("@SUM(A1:A9)", "'@SUM(A1:A9)"),
        ("\t=1+1", "'\t=1+1"),
        ("\r=1+1", "'\r=1+1"),
        ("=", "'="),
        ("số trạm BTS = 40", "số trạm BTS = 40"),  # only the first character matters
        ("Huyện Mường Tè", "Huyện Mường Tè"),
        ("", ""),
        (None, None),
        (-8.5, -8.5),  # numbers are never text
        (-12, -12),
        (False, False),
    ],
)
def test_csvsafe_neutralise_table(cell: object, written: object) -> None:
    assert neutralise(cell) == written


TEXT = "-8,5 % là mức giảm số hộ nghèo của xã.\n=SUM(A1) người dân dùng dịch vụ công."


def _result() -> DocumentResult:
    second = TEXT.index("=SUM")
    return DocumentResult(
        doc_id="@xa_thu",
        source="@xa_thu.txt",
        sha256="a" * 64,
        text=TEXT,
        title="+ Tin vắn",
        records=[
            Record(record_id="r1", doc_id="@xa_thu", sentence_index=0,
                   sentence=TEXT[:second - 1], char_start=0, char_end=4, value=-8.5,
                   value_text="-8,5", unit="%", subject="-số hộ nghèo", change_percent=-8.5,
                   bound="=", rule="test"),
            Record(record_id="r2", doc_id="@xa_thu", sentence_index=1,
                   sentence=TEXT[second:], char_start=second + 9, char_end=second + 13,
                   value=1.0, value_text="người", unit="=người", subject="+dịch vụ công",
                   per="\tdân", rule="test"),
        ],
    )  # fmt: skip


@pytest.fixture()
def written(tmp_path: Path) -> Path:
    out = tmp_path / "out"
    with OutputWriter(out) as writer:
        writer.add(serialise(_result()))
    return out


def test_csvsafe_records_csv_text_cells_neutralised(written: Path) -> None:
    with (written / "records.csv").open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert [r["subject"] for r in rows] == ["'-số hộ nghèo", "'+dịch vụ công"]
    assert [r["doc_id"] for r in rows] == ["'@xa_thu", "'@xa_thu"]
    assert [r["value_text"] for r in rows] == ["'-8,5", "người"]
    assert [r["unit"] for r in rows] == ["%", "'=người"]
    assert [r["per"] for r in rows] == ["", "'\tdân"]
    assert [r["sentence"][:2] for r in rows] == ["'-", "'="]
    assert [r["bound"] for r in rows] == ["'=", "'="]
    # numeric columns keep their numbers, minus sign and all
    assert [r["value"] for r in rows] == ["-8.5", "1.0"]
    assert [r["change_percent"] for r in rows] == ["-8.5", ""]
    for row in rows:
        for column in CSV_COLUMNS:
            if column not in CSV_NUMERIC:
                assert not row[column].startswith(("=", "+", "-", "@", "\t", "\r")), column


def test_csvsafe_numbers_stay_numbers_in_pandas(written: Path) -> None:
    import pandas as pd

    frame = pd.read_csv(written / "records.csv")
    assert frame["value"].tolist() == [-8.5, 1.0]
    assert frame["change_percent"].tolist()[0] == -8.5
    assert str(frame["change_percent"].dtype) == "float64"


def test_csvsafe_jsonl_parquet_and_database_keep_true_text(written: Path) -> None:
    import pyarrow.parquet as pq

    records = [json.loads(x) for x in (written / "records.jsonl").read_text("utf-8").splitlines()]
    assert [r["subject"] for r in records] == ["-số hộ nghèo", "+dịch vụ công"]
    assert [r["bound"] for r in records] == ["=", "="]
    write_parquet(written)
    table = pq.read_table(written / "records.parquet").to_pydict()
    assert table["subject"] == ["-số hộ nghèo", "+dịch vụ công"]
    assert table["unit"] == ["%", "=người"]
    db = written / "x.db"
    load_output(written, str(db))
    with sqlite3.connect(db) as conn:
        query = "SELECT doc_id, subject, per FROM records ORDER BY record_id"
        rows = conn.execute(query).fetchall()
    assert rows == [("@xa_thu", "-số hộ nghèo", None), ("@xa_thu", "+dịch vụ công", "\tdân")]


def test_csvsafe_file_named_like_a_formula_end_to_end(tmp_path: Path) -> None:
    src = tmp_path / "in"
    src.mkdir()
    (src / "=1+2.txt").write_text("Huyện Mù Cang Chải có 12 trạm BTS mới.\n", encoding="utf-8")
    run([src], tmp_path / "out", entities=False, progress=False)
    with (tmp_path / "out" / "records.csv").open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert rows and {r["doc_id"] for r in rows} == {"'=1+2"}
    assert [r["value"] for r in rows] == ["12.0"]
    docs = (tmp_path / "out" / "documents.jsonl").read_text(encoding="utf-8")
    assert json.loads(docs.splitlines()[0])["doc_id"] == "=1+2"
