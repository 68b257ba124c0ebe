"""The views (indicator_series, conflicts, accepted_records) and the example queries
in docs/DATABASE.md, run verbatim on SQLite and PostgreSQL."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

import db_fixtures
from db_fixtures import Fact, read_lines, rows, sample_doc, write_output
from vnextract.output.db import load_decisions, load_output

db_url = db_fixtures.db_url

ROOT = Path(__file__).resolve().parents[1]
# the README shows the same example queries as docs/DATABASE.md; both are run verbatim
DOCS_FILES = [ROOT / "docs" / "DATABASE.md", ROOT / "README.md"]


def _corpus(tmp_path: Path) -> Path:
    """Four articles: 000 and 006 are both about Thanh Hóa and disagree on subscribers."""
    docs = [sample_doc(0), sample_doc(1), sample_doc(6), sample_doc(7)]
    # 007 (Đắk Lắk) gives a target for the same indicator and period: not a conflict
    docs[3].facts[0].extra = {"kind": "target"}
    # 001's records carry no province: the series takes the article's
    docs[1].facts[0].extra = {"province": None}
    return write_output(tmp_path / "out", docs)


def _example_queries(docs_file: Path) -> list[str]:
    section = docs_file.read_text(encoding="utf-8").split("## Example queries", 1)[1]
    section = section.split("\n## ", 1)[0]
    return re.findall(r"```sql\n(.*?)```", section, flags=re.S)


@pytest.mark.parametrize("indicator", ["mobile_subscribers"])
def test_views_indicator_series(tmp_path: Path, db_url: str, indicator: str) -> None:
    load_output(_corpus(tmp_path), db_url)
    series = rows(
        db_url,
        "SELECT province, period, kind, value, doc_id FROM indicator_series "
        "WHERE indicator_id = :i ORDER BY doc_id",
        i=indicator,
    )
    assert series == [
        ("Thanh Hóa", "2023", "actual", 2957000.0, "000_baocao"),
        ("Đắk Lắk", "2023", "actual", 2958000.0, "001_baocao"),
        ("Thanh Hóa", "2023", "actual", 2963000.0, "006_baocao"),
        ("Đắk Lắk", "2023", "target", 2964000.0, "007_baocao"),
    ]


@pytest.mark.parametrize("expected_pairs", [1])
def test_views_conflicts_pairs_disagreeing_documents(
    tmp_path: Path, db_url: str, expected_pairs: int
) -> None:
    load_output(_corpus(tmp_path), db_url)
    found = rows(
        db_url,
        "SELECT indicator_id, province, period, doc_id_a, value_a, doc_id_b, value_b "
        "FROM conflicts",
    )
    assert len(found) == expected_pairs
    assert found[0] == (
        "mobile_subscribers",
        "Thanh Hóa",
        "2023",
        "000_baocao",
        2957000.0,
        "006_baocao",
        2963000.0,
    )


def _decisions_csv(path: Path, ids: list[str], docs: list[str]) -> Path:
    """Decisions written the way the review report exports them (CRLF, UTC 'Z' times)."""
    lines = [
        "record_id,doc_id,decision,note,reviewer,decided_at",
        f"{ids[0]},{docs[0]},accepted,,Lan,2024-05-02T08:00:00Z",
        f'{ids[0]},{docs[0]},rejected,"sai đơn vị, xem lại",Lan,2024-05-02T09:00:00Z',
        f"{ids[1]},{docs[1]},rejected,,Lan,2024-05-02T08:00:00Z",
        f"{ids[1]},{docs[1]},accepted,đã đối chiếu,Minh,2024-05-02T16:30:00+07:00",
        f"{ids[2]},{docs[2]},accepted,,Minh,2024-05-03T10:00:00Z",
        # the same moment, two reviewers, two verdicts: the rejection wins
        f"{ids[3]},{docs[3]},accepted,,Lan,2024-05-03T10:00:00Z",
        f"{ids[3]},{docs[3]},rejected,,Minh,2024-05-03T10:00:00Z",
    ]
    path.write_bytes(("\r\n".join(lines) + "\r\n").encode("utf-8"))
    return path


@pytest.mark.parametrize("loads", [1, 2])
def test_views_accepted_records_latest_decision_wins(
    tmp_path: Path, db_url: str, loads: int
) -> None:
    out = _corpus(tmp_path)
    load_output(out, db_url)
    records = read_lines(out / "records.jsonl")
    ids, docs = [r["record_id"] for r in records[:5]], [r["doc_id"] for r in records[:5]]
    path = _decisions_csv(tmp_path / "decisions.csv", ids, docs)
    for _ in range(loads):
        assert load_decisions(path, db_url) == 7
    assert rows(db_url, "SELECT COUNT(*) FROM decisions") == [(7,)]
    accepted = rows(db_url, "SELECT record_id, note FROM accepted_records ORDER BY record_id")
    assert accepted == sorted([(ids[1], "đã đối chiếu"), (ids[2], None)])
    latest = dict(rows(db_url, "SELECT record_id, decision FROM latest_decisions"))
    assert latest == {
        ids[0]: "rejected",
        ids[1]: "accepted",
        ids[2]: "accepted",
        ids[3]: "rejected",
    }


@pytest.mark.parametrize("docs_file", DOCS_FILES, ids=lambda p: p.name)
def test_views_documented_queries_run(tmp_path: Path, db_url: str, docs_file: Path) -> None:
    count = 3
    queries = _example_queries(docs_file)
    assert len(queries) == count
    out = _corpus(tmp_path)
    load_output(out, db_url)
    records = read_lines(out / "records.jsonl")
    path = _decisions_csv(
        tmp_path / "d.csv", [r["record_id"] for r in records], [r["doc_id"] for r in records]
    )
    load_decisions(path, db_url)
    results = [rows(db_url, query) for query in queries]
    assert [len(r) for r in results] == [4, 1, 2]
    series, conflicts, accepted = results
    # the order of Đ among Latin letters depends on the collation: compare as multisets
    assert sorted(r[0] for r in series) == sorted(["Thanh Hóa", "Thanh Hóa", "Đắk Lắk", "Đắk Lắk"])
    assert conflicts[0][3:] == ("000_baocao", 2957000.0, "006_baocao", 2963000.0)
    assert {r[5] for r in accepted} == {"Minh"}


@pytest.mark.parametrize("unit", ["thuê bao"])
def test_views_series_excludes_records_without_indicator(
    tmp_path: Path, db_url: str, unit: str
) -> None:
    doc = sample_doc(2)
    doc.facts.append(Fact(0, "2023", 2023.0, unit, "năm", None))
    load_output(write_output(tmp_path / "out", [doc]), db_url)
    assert rows(db_url, "SELECT COUNT(*) FROM records") == [(4,)]
    assert rows(db_url, "SELECT COUNT(*) FROM indicator_series") == [(3,)]
