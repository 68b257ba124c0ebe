"""Loading output folders into SQLite and PostgreSQL: idempotent, exact, incremental.

Output folders are built by tests/db_fixtures.py from Vietnamese sentences
written for these tests; every test runs against both backends.
"""

from __future__ import annotations

import json
import unicodedata
from pathlib import Path

import pytest

import db_fixtures
from db_fixtures import (
    DATA_TABLES,
    Doc,
    Fact,
    counts,
    read_lines,
    rows,
    sample_doc,
    table_dump,
    write_output,
)
from vnextract.output.db import (
    DEFAULT_DB_URL,
    DatabaseError,
    OutputError,
    load_output,
    normalise_url,
    unchanged_documents,
)

db_url = db_fixtures.db_url  # the fixture: every test runs on SQLite and PostgreSQL


@pytest.mark.parametrize("docs", [3])
def test_load_twice_changes_no_row(tmp_path: Path, db_url: str, docs: int) -> None:
    out = write_output(tmp_path / "out", [sample_doc(n) for n in range(docs)])
    first = load_output(out, db_url)
    before = {t: table_dump(db_url, t, key) for t, key in DATA_TABLES.items()}
    second = load_output(out, db_url)
    after = {t: table_dump(db_url, t, key) for t, key in DATA_TABLES.items()}
    assert (first.documents_written, first.documents_unchanged) == (docs, 0)
    assert (second.documents_written, second.documents_unchanged) == (0, docs)
    assert after == before
    assert counts(db_url) == {
        "documents": docs,
        "sentences": 2 * docs,  # sentences quoted by records: 0 and 1
        "records": 3 * docs,
        "entities": 4 * docs,
        "officials": docs,
    }
    runs = rows(db_url, "SELECT status, documents_written FROM runs ORDER BY run_id")
    assert runs == [("complete", docs), ("complete", 0)]


@pytest.mark.parametrize("changed", [1])
def test_load_changed_article_replaces_its_rows(tmp_path: Path, db_url: str, changed: int) -> None:
    load_output(write_output(tmp_path / "v1", [sample_doc(n) for n in range(3)]), db_url)
    old = {r[0] for r in rows(db_url, "SELECT record_id FROM records WHERE doc_id = '001_baocao'")}
    new_doc = sample_doc(changed, bump=7.0)
    new_doc.sentences.insert(0, "Bản tin được cập nhật lúc sáng nay.")
    new_doc.facts = [
        Fact(f.sentence + 1, f.value_text, f.value, f.unit, f.subject, f.indicator_id, f.period)
        for f in new_doc.facts
    ]
    out = write_output(tmp_path / "v2", [sample_doc(0), new_doc, sample_doc(2)])
    stats = load_output(out, db_url)
    assert (stats.documents_written, stats.documents_unchanged) == (1, 2)
    now = rows(db_url, "SELECT record_id, value FROM records WHERE doc_id = '001_baocao'")
    expected = {r["record_id"]: r["value"] for r in read_lines(out / "records.jsonl")}
    assert {r for r, _ in now}.isdisjoint(old)  # offsets moved, so every old id is gone
    assert {r: v for r, v in now} == {r: v for r, v in expected.items() if r in dict(now)}
    assert len(now) == 3
    assert 2958007.0 in {v for _, v in now}
    sha = rows(db_url, "SELECT sha256 FROM documents WHERE doc_id = '001_baocao'")[0][0]
    assert sha == read_lines(out / "documents.jsonl")[1]["sha256"]
    assert counts(db_url)["records"] == 9


@pytest.mark.parametrize("value_field", ["value", "value_max", "total", "plan_percent"])
def test_load_values_round_trip_exactly(tmp_path: Path, db_url: str, value_field: str) -> None:
    doc = sample_doc(0)
    odd = {"value_max": 0.1 + 0.2, "total": 17.0, "plan_percent": 100.92, "value": 4.67e12}
    doc.facts[2].extra = {value_field: odd[value_field], "change_percent": -12.5}
    out = write_output(tmp_path / "out", [doc])
    load_output(out, db_url)
    for line in read_lines(out / "records.jsonl"):
        stored = rows(
            db_url,
            "SELECT value, value_max, total, plan_percent, change_percent, value_text, unit "
            "FROM records WHERE record_id = :r",
            r=line["record_id"],
        )[0]
        wanted = tuple(
            line[k]
            for k in (
                "value",
                "value_max",
                "total",
                "plan_percent",
                "change_percent",
                "value_text",
                "unit",
            )
        )
        assert stored == wanted
        assert all(type(a) is type(b) for a, b in zip(stored, wanted, strict=True))


@pytest.mark.parametrize(
    "sentence",
    [
        "Tỉnh Đắk Lắk có 460/460 xã, phường, thị trấn được phủ sóng 4G.",
        "Huyện Mường Nhé “vùng lõm” sóng — ước đạt 98,72% hộ gia đình có điện thoại.",
        "Bà Hoàng Thị Nguyệt (Trưởng phòng Bưu chính) nói: “Sẽ phấn đấu hơn nữa!”",
    ],
)
def test_load_vietnamese_text_byte_for_byte(tmp_path: Path, db_url: str, sentence: str) -> None:
    doc = Doc(
        doc_id="vn_text",
        sentences=["Tiêu đề: Đắk Lắk đẩy mạnh số hoá.", sentence],
        province="Đắk Lắk",
        facts=[Fact(1, sentence.split()[3], 1.0, "xã", sentence[:20])],
        entities=[("LOCATION", "Đắk Lắk", "Đắk Lắk")],
    )
    out = write_output(tmp_path / "out", [doc])
    load_output(out, db_url)
    line = read_lines(out / "documents.jsonl")[0]
    stored_text = rows(db_url, "SELECT text FROM documents")[0][0]
    assert stored_text.encode("utf-8") == line["text"].encode("utf-8")
    assert unicodedata.is_normalized("NFC", stored_text)
    text, start, end = rows(db_url, "SELECT text, char_start, char_end FROM sentences")[0]
    assert text.encode("utf-8") == sentence.encode("utf-8")
    assert stored_text[start:end] == text
    subject = rows(db_url, "SELECT subject FROM records")[0][0]
    assert subject.encode("utf-8") == sentence[:20].encode("utf-8")


_NOTE = {
    "kind": "number_without_record",
    "text": "12",
    "char_start": 3,
    "char_end": 5,
    "sentence_index": 0,
}


@pytest.mark.parametrize(
    ("field", "value", "stored"),
    [
        ("author", "Trần Minh Châu", "Trần Minh Châu"),
        ("encoding", "cp1258", "cp1258"),
        ("encoding_confidence", 0.92, 0.92),
        ("decoding_warnings", ["byte 0x9d at 41"], '["byte 0x9d at 41"]'),
        ("review_notes", [_NOTE], json.dumps([_NOTE], ensure_ascii=False)),
    ],
)
def test_load_contract_fields_have_columns(
    tmp_path: Path, db_url: str, field: str, value: object, stored: object
) -> None:
    out = write_output(tmp_path / "out", [sample_doc(0)], **{field: value})
    load_output(out, db_url)
    assert rows(db_url, f"SELECT {field}, extra FROM documents") == [(stored, None)]


@pytest.mark.parametrize("value", ["ghi chú của biên tập viên", [{"mức": 2}]])
def test_load_keeps_unknown_fields_as_extra(tmp_path: Path, db_url: str, value: object) -> None:
    out = write_output(tmp_path / "out", [sample_doc(0)], nhan_xet=value)
    load_output(out, db_url)
    (extra,) = rows(db_url, "SELECT extra FROM documents")[0]
    assert json.loads(extra) == {"nhan_xet": value}


@pytest.mark.parametrize("index_key", ["index", "sentence_index"])
def test_load_sentences_list_from_documents(tmp_path: Path, db_url: str, index_key: str) -> None:
    doc = sample_doc(0)
    listed = [
        {index_key: i, "start": doc.sentence_start(i), "end": doc.sentence_start(i) + len(s)}
        for i, s in enumerate(doc.sentences)
    ]
    out = write_output(tmp_path / "out", [doc], sentences=listed)
    load_output(out, db_url)
    stored = rows(db_url, "SELECT sentence_index, char_start, char_end, text FROM sentences")
    assert sorted(stored) == [
        (i, doc.sentence_start(i), doc.sentence_start(i) + len(s), s)
        for i, s in enumerate(doc.sentences)
    ]
    assert rows(db_url, "SELECT extra FROM documents") == [(None,)]


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ('{"doc_id": "x"}', "documents.jsonl:2: missing field 'sha256'"),
        ("{not json", "documents.jsonl:2: not valid JSON"),
        ('{"doc_id": "000_baocao", "sha256": "ab"}', "doc_id '000_baocao' appears again"),
    ],
)
def test_load_bad_output_names_file_and_line(
    tmp_path: Path, db_url: str, line: str, message: str
) -> None:
    out = write_output(tmp_path / "out", [sample_doc(0)])
    with (out / "documents.jsonl").open("a", encoding="utf-8") as handle:
        handle.write(line + "\n")
    with pytest.raises(OutputError, match=message):
        load_output(out, db_url)


@pytest.mark.parametrize("what", ["record of unknown document", "count as text"])
def test_load_bad_record_rejected_before_writing(tmp_path: Path, db_url: str, what: str) -> None:
    out = write_output(tmp_path / "out", [sample_doc(0)])
    line = read_lines(out / "records.jsonl")[0]
    if what == "count as text":
        line["char_start"] = "12"
        message = r"records.jsonl:4: field 'char_start' should be int"
    else:
        line["doc_id"] = "khong_co"
        message = r"records.jsonl:4: doc_id 'khong_co' is not in documents.jsonl"
    with (out / "records.jsonl").open("a", encoding="utf-8") as handle:
        handle.write(json.dumps(line, ensure_ascii=False) + "\n")
    with pytest.raises(OutputError, match=message):
        load_output(out, db_url)


@pytest.mark.parametrize("digest", ["rules-a"])
def test_load_unchanged_documents_by_bytes_and_rules(
    tmp_path: Path, db_url: str, digest: str
) -> None:
    docs = [sample_doc(n) for n in range(3)]
    out = write_output(tmp_path / "out", docs)
    items = [(d["doc_id"], d["sha256"]) for d in read_lines(out / "documents.jsonl")]
    assert unchanged_documents(db_url, items, digest) == set()
    load_output(out, db_url, rules_digest=digest)
    assert unchanged_documents(db_url, items, digest) == {d.doc_id for d in docs}
    assert unchanged_documents(db_url, items, "rules-b") == set()
    edited = [(items[0][0], "0" * 64), *items[1:]]
    assert unchanged_documents(db_url, edited, digest) == {"001_baocao", "002_baocao"}
    # a plain load (digest unknown) of the same rows keeps the recorded digest
    load_output(out, db_url)
    assert unchanged_documents(db_url, items, digest) == {d.doc_id for d in docs}
    # new rules: the rows are rewritten under the new digest
    stats = load_output(out, db_url, rules_digest="rules-b")
    assert stats.documents_written == 3
    assert unchanged_documents(db_url, items, "rules-b") == {d.doc_id for d in docs}


@pytest.mark.parametrize("name", ["missing.db"])
def test_load_unchanged_documents_does_not_create_database(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    assert unchanged_documents(f"sqlite:///{path}", [("a", "b")], "d") == set()
    assert not path.exists()


@pytest.mark.parametrize("status", ["error"])
def test_load_failed_documents_are_tried_again(tmp_path: Path, db_url: str, status: str) -> None:
    doc = sample_doc(0)
    doc.status, doc.facts, doc.entities, doc.officials = status, [], [], []
    out = write_output(tmp_path / "out", [doc], error="Tệp bị cắt cụt.")
    load_output(out, db_url, rules_digest="r")
    assert rows(db_url, "SELECT status, error FROM documents") == [("error", "Tệp bị cắt cụt.")]
    line = read_lines(out / "documents.jsonl")[0]
    assert unchanged_documents(db_url, [(line["doc_id"], line["sha256"])], "r") == set()


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        (None, DEFAULT_DB_URL),
        ("postgresql://u@h:5432/d", "postgresql+psycopg://u@h:5432/d"),
        ("postgres://u@h/d", "postgresql+psycopg://u@h/d"),
        ("out/ket_qua.db", "sqlite:///out/ket_qua.db"),
        ("sqlite:////tmp/a.db", "sqlite:////tmp/a.db"),
    ],
)
def test_load_normalise_url(given: str | None, expected: str) -> None:
    assert normalise_url(given) == expected


@pytest.mark.parametrize("docs", [2])
def test_load_default_url_is_sqlite_in_output(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, docs: int
) -> None:
    out = write_output(tmp_path / "out", [sample_doc(n) for n in range(docs)])
    monkeypatch.chdir(tmp_path)  # not where the default database goes: it is in the folder
    stats = load_output(out)
    assert (out / "vnextract.db").is_file() and not (tmp_path / "output").exists()
    assert stats.documents_written == docs


@pytest.mark.parametrize(("version", "loads"), [("1", True), (1, True), ("2", False)])
def test_load_output_schema_version_checked(
    tmp_path: Path, db_url: str, version: object, loads: bool
) -> None:
    out = write_output(tmp_path / "out", [sample_doc(0)], schema_version=version)
    if loads:
        assert load_output(out, db_url).documents_written == 1
    else:
        with pytest.raises(OutputError, match=r"documents.jsonl:1: output schema_version 2"):
            load_output(out, db_url)


@pytest.mark.parametrize("name", ["readonly"])
def test_load_unwritable_database_says_what_to_do(tmp_path: Path, name: str) -> None:
    folder = tmp_path / name
    folder.mkdir()
    (folder / "vnextract.db").mkdir()  # a folder where the database file should be
    out = write_output(tmp_path / "out", [sample_doc(0)])
    with pytest.raises(DatabaseError, match=r"cannot open database .*Check the URL"):
        load_output(out, f"sqlite:///{folder / 'vnextract.db'}")
