"""Parquet files beside the JSONL: fixed types, exact values, Vietnamese text intact."""

from __future__ import annotations

from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from db_fixtures import read_lines, sample_doc, write_output
from vnextract.output.db import write_parquet


@pytest.mark.parametrize(
    ("name", "column", "kind"),
    [
        ("records", "value", pa.float64()),
        ("records", "value_max", pa.float64()),  # all null here, typed all the same
        ("records", "estimated", pa.bool_()),
        ("records", "char_start", pa.int64()),
        ("entities", "sentence_index", pa.int64()),
        ("documents", "published", pa.string()),
        # contract fields the lines leave out still get their typed column
        ("documents", "encoding_confidence", pa.float64()),
        ("documents", "decoding_warnings", pa.list_(pa.string())),
        ("documents", "n_records", pa.int64()),
        ("records", "expr_char_end", pa.int64()),
        ("entities", "issued", pa.string()),
    ],
)
def test_parquet_column_types(tmp_path: Path, name: str, column: str, kind: pa.DataType) -> None:
    out = write_output(tmp_path / "out", [sample_doc(0), sample_doc(1)])
    written = write_parquet(out)
    assert [p.name for p in written] == [
        "documents.parquet",
        "records.parquet",
        "entities.parquet",
        "officials.parquet",
    ]
    assert pq.read_schema(out / f"{name}.parquet").field(column).type == kind


@pytest.mark.parametrize("name", ["documents", "records", "entities", "officials"])
def test_parquet_rows_equal_jsonl(tmp_path: Path, name: str) -> None:
    out = write_output(tmp_path / "out", [sample_doc(n) for n in range(3)], author="Phạm Thu Hà")
    write_parquet(out)
    table = pq.read_table(out / f"{name}.parquet").to_pylist()
    lines = read_lines(out / f"{name}.jsonl")
    assert all(set(line) <= set(row) for line, row in zip(lines, table, strict=True))
    # a field a line leaves out (documents' "error") is a null column in Parquet
    assert table == [
        {key: line.get(key) for key in row} for line, row in zip(lines, table, strict=True)
    ]


@pytest.mark.parametrize("extra", [{"nested": [{"a": 1}, "x"]}, {"confidence": 0.75}])
def test_parquet_keeps_unknown_fields(tmp_path: Path, extra: dict) -> None:
    out = write_output(tmp_path / "out", [sample_doc(0)], **extra)
    write_parquet(out)
    ((key, value),) = extra.items()
    stored = pq.read_table(out / "documents.parquet").column(key).to_pylist()[0]
    assert stored == (value if key == "confidence" else '[{"a": 1}, "x"]')


@pytest.mark.parametrize("times", [2])
def test_parquet_rewrite_is_stable(tmp_path: Path, times: int) -> None:
    out = write_output(tmp_path / "out", [sample_doc(0)])
    tables = []
    for _ in range(times):
        write_parquet(out)
        tables.append(pq.read_table(out / "records.parquet"))
    assert tables[0].equals(tables[1])
    assert not list(out.glob("*.partial"))
