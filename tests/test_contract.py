"""One output contract: a field added in one place only fails here.

The contract (``vnextract.output.contract``) is checked against the dataclasses the pipeline
fills, the JSONL writer, records.csv, the Parquet schemas, the SQL tables, the report's
reader and docs/OUTPUT.md; and end to end, an article we wrote is extracted, written,
loaded and copied to Parquet with every field arriving in a column of its own.
"""

from __future__ import annotations

import json
import re
import types
import typing
from dataclasses import fields
from pathlib import Path

import pyarrow.parquet as pq
import pytest
from sqlalchemy import create_engine, text

from vnextract.core.model import DocumentResult, Entity, Official, Record
from vnextract.output import contract, contract_doc
from vnextract.output import files as write
from vnextract.output.contract import BY_FILE, TABLES, columns
from vnextract.output.db import load_output, schema, write_parquet
from vnextract.output.parquet import SCHEMAS
from vnextract.output.report import load as report_load
from vnextract.output.report.build import _RECORD_FIELDS

ROOT = Path(__file__).resolve().parent.parent
# a legal document with its date and issuer, an official, a record, and a number
# that gives no record (a review note)
ARTICLE = (
    "Quyết định số 1234/QĐ-UBND ngày 12/3/2023 của UBND tỉnh Nghệ An do Chủ tịch "
    "Nguyễn Văn An ký.\n\nHộp thư 2024 nhận được (3) góp ý."
)
# the database's own columns, which no output file carries
DB_ONLY = {
    "documents": {"extra", "rules_digest", "content_hash", "run_id", "loaded_at"},
    "sentences": set(),
    "records": {"extra"},
    "entities": {"entity_id", "extra"},
    "officials": {"official_id", "extra"},
    "decisions": {"decision_id", "source", "loaded_at"},
}
# DocumentResult fields that are files of their own, not documents.jsonl fields
OTHER_FILES = {"records", "entities", "officials"}


def _nullable(hint: object) -> bool:
    return isinstance(hint, types.UnionType) and type(None) in typing.get_args(hint)


@pytest.mark.parametrize(
    ("cls", "table"), [(Record, "records"), (Entity, "entities"), (Official, "officials")]
)
def test_contract_model_dataclasses_match(cls: type, table: str) -> None:
    assert [f.name for f in fields(cls)] == columns(table)
    hints = typing.get_type_hints(cls)
    nullable = {f.name: f.nullable for f in TABLES[table].fields}
    assert {name: _nullable(hint) for name, hint in hints.items()} == nullable


@pytest.mark.parametrize("computed", [{"schema_version", "n_records", "n_entities", "n_officials"}])
def test_contract_document_result_matches(computed: set[str]) -> None:
    attributes = {f.name for f in fields(DocumentResult)} - OTHER_FILES
    assert attributes | computed == set(columns("documents"))
    assert not attributes & computed


@pytest.fixture(scope="module")
def extracted() -> DocumentResult:
    from vnextract.pipeline import Extractor

    result = Extractor().process_text(ARTICLE, "bai_hop_thu")
    # the article exercises every optional field, or the checks below would prove little
    assert result.records and result.officials and result.review_notes
    assert any(e.issued and e.issuer for e in result.entities)
    return result


@pytest.fixture(scope="module")
def out_dir(tmp_path_factory: pytest.TempPathFactory, extracted: DocumentResult) -> Path:
    out = tmp_path_factory.mktemp("contract") / "out"
    with write.OutputWriter(out) as writer:
        writer.add(write.serialise(extracted))
    return out


@pytest.mark.parametrize("table", ["documents", "records", "entities", "officials"])
def test_contract_writer_writes_every_field_in_order(out_dir: Path, table: str) -> None:
    lines = (out_dir / f"{table}.jsonl").read_text(encoding="utf-8").splitlines()
    assert lines
    assert all(list(json.loads(line)) == columns(table) for line in lines)


@pytest.mark.parametrize("kinds", [{"str": str, "int": int}])
def test_contract_review_notes_match(extracted: DocumentResult, kinds: dict) -> None:
    note_fields = TABLES["review_notes"].fields
    for note in extracted.review_notes:
        assert list(note) == [f.name for f in note_fields]
        assert all(isinstance(note[f.name], kinds[f.kind]) for f in note_fields)


@pytest.mark.parametrize("table", ["documents", "sentences", "records", "entities", "officials"])
def test_contract_sql_tables_have_every_field(table: str) -> None:
    stored = [f.name for f in TABLES[table].fields if f.db]
    sql = [c.name for c in schema.metadata.tables[table].columns]
    assert set(sql) - set(stored) == DB_ONLY[table]
    assert [name for name in sql if name in stored] == stored


def test_contract_sql_decisions_table() -> None:
    sql = {c.name for c in schema.decisions.columns}
    assert sql - set(columns("decisions")) == DB_ONLY["decisions"]


@pytest.mark.parametrize("table", ["documents", "records", "entities", "officials"])
def test_contract_loaded_rows_keep_every_field_in_columns(
    tmp_path: Path, out_dir: Path, table: str
) -> None:
    url = f"sqlite:///{tmp_path / 'v.db'}"
    load_output(out_dir, url)
    engine = create_engine(url)
    try:
        with engine.connect() as conn:
            got = [dict(r._mapping) for r in conn.execute(text(f"SELECT * FROM {table}"))]
    finally:
        engine.dispose()
    lines = [json.loads(x) for x in (out_dir / f"{table}.jsonl").read_text("utf-8").splitlines()]
    assert len(got) == len(lines)
    by_start = {(r.get("char_start"), r.get("char_end")): r for r in got}
    for line in lines:
        row = by_start.get((line.get("char_start"), line.get("char_end")), got[0])
        assert row["extra"] is None  # nothing the writer wrote lands in the catch-all
        for field in TABLES[table].fields:
            if not field.db:
                continue
            want = line[field.name]
            if isinstance(want, list):
                want = json.dumps(want, ensure_ascii=False)
            assert row[field.name] == want, field.name


@pytest.mark.parametrize("name", ["documents", "records", "entities", "officials"])
def test_contract_parquet_has_every_field(out_dir: Path, name: str) -> None:
    assert [n for n, _ in SCHEMAS[f"{name}.jsonl"]] == columns(name)
    write_parquet(out_dir)
    table = pq.read_table(out_dir / f"{name}.parquet")
    assert table.column_names == columns(name)  # nothing left over as an unknown extra
    lines = [json.loads(x) for x in (out_dir / f"{name}.jsonl").read_text("utf-8").splitlines()]
    assert table.to_pylist() == lines


def test_contract_csv_columns_are_record_fields() -> None:
    assert list(TABLES["records"].csv) == write.CSV_COLUMNS
    assert set(write.CSV_COLUMNS) <= set(columns("records"))
    doc = (ROOT / "docs" / "OUTPUT.md").read_text(encoding="utf-8")
    section = doc[doc.index("## records.csv") : doc.index("## The folder as one set")]
    assert re.findall(r"`([a-z_]+)`", section) == write.CSV_COLUMNS


def test_contract_output_md_is_generated() -> None:
    doc = (ROOT / "docs" / "OUTPUT.md").read_text(encoding="utf-8")
    for table in (*contract.FILE_TABLES, TABLES["review_notes"]):
        assert f"<!-- contract:{table.name} -->" in doc
    # fix: python -m vnextract.output.contract_doc docs/OUTPUT.md
    assert contract_doc.render_doc(doc) == doc


@pytest.mark.parametrize(
    ("used", "file"),
    [
        *((names, name) for name, names in report_load._REQUIRED.items()),
        (_RECORD_FIELDS, "records.jsonl"),
    ],
)
def test_contract_report_reads_contract_fields(used: tuple[str, ...], file: str) -> None:
    assert set(used) <= set(columns(file))


@pytest.mark.parametrize(
    ("name", "expected"),
    [("records.jsonl", "records"), ("officials", "officials"), ("review_notes", "review_notes")],
)
def test_contract_columns_by_table_or_file(name: str, expected: str) -> None:
    assert columns(name) == [f.name for f in TABLES[expected].fields]
    assert BY_FILE.get(name, TABLES.get(name)) is TABLES[expected]
