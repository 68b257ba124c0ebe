"""The Python API as a pandas user calls it (sentences written for these tests)."""

from __future__ import annotations

import doctest
import filecmp
import re
import sqlite3
from pathlib import Path

import pytest

import vnextract
from vnextract import api
from vnextract.cli import main

ARTICLE = (
    "Sở Thông tin và Truyền thông tỉnh Hà Tĩnh cho biết toàn tỉnh có 1.245.000 thuê bao di động, "
    "tăng 6,5% so với cùng kỳ.\n"
    "Doanh thu bưu chính ước đạt 320 tỷ đồng, bằng 104% kế hoạch.\n"
)
README = Path(__file__).resolve().parents[1] / "README.md"


@pytest.fixture(scope="module")
def text_result() -> api.Extraction:
    return vnextract.extract_text(ARTICLE, doc_id="ht")


def test_api_extract_text_records_frame(text_result):
    records = text_result.records
    assert list(records["value_text"]) == ["1.245.000", "320"]
    assert list(records["value_exact"]) == ["1245000", "320000000000"]
    assert records.loc[0, "change_percent"] == pytest.approx(6.5)
    assert records.loc[1, "plan_percent"] == pytest.approx(104)
    assert bool(records.loc[1, "estimated"]) is True
    assert set(records["doc_id"]) == {"ht"}


def test_api_extract_text_entities_and_documents(text_result):
    assert "LOCATION" in set(text_result.entities["label"])
    (doc,) = text_result.documents.to_dict("records")
    assert doc["doc_id"] == "ht" and doc["status"] == "ok" and doc["text"] == ARTICLE


@pytest.mark.parametrize(
    ("value", "exact"),
    [(2957000.0, "2957000"), (81.62, "81.62"), (4.67e12, "4670000000000"), (0.45, "0.45"),
     (-8.5, "-8.5"), (2.4e15, "2400000000000000"), (None, None)],
)  # fmt: skip
def test_api_exact_value_text(value, exact):
    assert api._exact(value) == exact


def test_api_frames_have_the_contract_columns_even_when_empty():
    from vnextract.output.contract import columns

    empty = vnextract.extract_text("Không có số liệu nào ở đây.", entities=False)
    assert list(empty.officials.columns) == columns("officials")
    expected = columns("records")
    expected.insert(expected.index("value") + 1, "value_exact")
    assert empty.records.empty and list(empty.records.columns) == expected


def test_api_extract_files_keeps_bad_file_as_a_row(tmp_path):
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "b.txt").write_bytes(b"")
    result = vnextract.extract(tmp_path, entities=False)
    docs = result.documents.set_index("doc_id")
    assert docs.loc["a", "status"] == "ok"
    assert docs.loc["b", "status"] == "error" and "b.txt" in docs.loc["b", "error"]
    assert len(result.records) == 2


def test_api_to_dir_writes_what_the_cli_writes(tmp_path):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_text(ARTICLE, encoding="utf-8")
    vnextract.extract(tmp_path / "in").to_dir(tmp_path / "api")
    assert main(["run", str(tmp_path / "in"), "--out", str(tmp_path / "cli"), "--quiet"]) == 0
    for name in ("documents.jsonl", "records.jsonl", "entities.jsonl", "officials.jsonl"):
        assert filecmp.cmp(tmp_path / "api" / name, tmp_path / "cli" / name, shallow=False), name


def test_api_to_sql_loads_the_rows(tmp_path, text_result):
    url = f"sqlite:///{tmp_path / 'x.db'}"
    text_result.to_sql(url)
    with sqlite3.connect(tmp_path / "x.db") as con:
        assert con.execute("select count(*) from records").fetchone()[0] == 2


def test_api_docstring_examples_run():
    assert doctest.testmod(api).failed == 0


def test_api_readme_python_example_runs(tmp_path, monkeypatch):
    blocks = re.findall(r"```python\n(.*?)```", README.read_text(encoding="utf-8"), re.S)
    assert blocks, "README has no Python example"
    # run where the README's relative paths resolve, without writing into the checkout
    (tmp_path / "corpus").symlink_to(README.parent / "corpus")
    monkeypatch.chdir(tmp_path)
    for block in blocks:
        exec(compile(block, "README.md", "exec"), {})
    assert (tmp_path / "output" / "records.jsonl").exists()
    assert (tmp_path / "output" / "vnextract.db").exists()
