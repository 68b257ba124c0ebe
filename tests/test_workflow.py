"""`vnextract run --db/--parquet/--report`: the daily job end to end on a real SQLite file."""

import sqlite3
from pathlib import Path

import pytest

from vnextract.cli import main

ARTICLE = (
    "Sở Thông tin và Truyền thông tỉnh Quảng Trị cho biết năm 2024 toàn tỉnh có "
    "{n} thuê bao băng rộng cố định, tăng 6% so với cùng kỳ.\n"
)


def _count(db: Path, table: str) -> int:
    with sqlite3.connect(db) as con:
        return con.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0]


@pytest.fixture
def articles(tmp_path: Path) -> Path:
    folder = tmp_path / "in"
    folder.mkdir()
    for i, n in enumerate(["125.400", "98.210"]):
        (folder / f"bai_{i}.txt").write_text(ARTICLE.format(n=n), encoding="utf-8")
    return folder


@pytest.mark.parametrize("flags", [["--no-entities", "--workers", "1", "--quiet"]])
def test_workflow_db_run_skips_unchanged_and_replaces_changed(articles, tmp_path, capsys, flags):
    db = tmp_path / "v.db"
    args = ["run", str(articles), "--out", str(tmp_path / "out"), "--db", f"sqlite:///{db}", *flags]
    assert main(args) == 0
    assert _count(db, "records") == 2
    capsys.readouterr()

    assert main(args) == 0  # nothing changed: nothing extracted, nothing duplicated
    assert "2 unchanged documents skipped" in capsys.readouterr().out
    assert _count(db, "records") == 2

    (articles / "bai_1.txt").write_text(ARTICLE.format(n="99.999"), encoding="utf-8")
    assert main(args) == 0
    assert "1 unchanged documents skipped" in capsys.readouterr().out
    with sqlite3.connect(db) as con:
        values = sorted(v for (v,) in con.execute("SELECT value FROM records"))
    assert values == [99999.0, 125400.0]


def test_workflow_parquet_and_report(articles, tmp_path, capsys):
    out = tmp_path / "out"
    args = ["run", str(articles), "--out", str(out), "--parquet", "--report", "--no-entities"]
    assert main([*args, "--workers", "1", "--quiet"]) == 0
    printed = capsys.readouterr().out
    assert (out / "records.parquet").is_file()
    assert (out / "report" / "index.html").is_file()
    assert "report written" in printed and "Parquet files written" in printed

    import pandas as pd

    frame = pd.read_parquet(out / "records.parquet")
    assert sorted(frame["value"].tolist()) == [98210.0, 125400.0]
