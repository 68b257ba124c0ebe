"""`vnextract load`: the thin command over load_output / load_decisions / write_parquet,
and a load of what `vnextract run` really writes."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

import db_fixtures
from db_fixtures import counts, read_lines, rows, sample_doc, write_output
from vnextract.cli import build_parser, main
from vnextract.output.db import load_output, split_unchanged

db_url = db_fixtures.db_url

HEADER = "record_id,doc_id,decision,note,reviewer,decided_at"


@pytest.mark.parametrize("flags", [["--parquet"]])
def test_cli_load_with_decisions(
    tmp_path: Path, db_url: str, flags: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    out = write_output(tmp_path / "out", [sample_doc(0), sample_doc(1)])
    record = read_lines(out / "records.jsonl")[0]
    decisions = tmp_path / "decisions.csv"
    decisions.write_text(
        f"{HEADER}\n{record['record_id']},{record['doc_id']},accepted,,Lan,2024-05-02T08:00:00Z\n",
        encoding="utf-8",
    )
    code = main(["load", str(out), "--db", db_url, "--decisions", str(decisions), *flags])
    printed = capsys.readouterr().out
    assert code == 0
    assert "2 documents written, 0 unchanged, 6 records" in printed
    assert "1 reviewer decisions loaded" in printed
    assert (out / "records.parquet").is_file()
    assert rows(db_url, "SELECT record_id FROM accepted_records") == [(record["record_id"],)]


@pytest.mark.parametrize("bad", ["r1,d1,approve,,Lan,2024-05-02"])
def test_cli_load_bad_decisions_exit_2(
    tmp_path: Path, bad: str, capsys: pytest.CaptureFixture[str]
) -> None:
    out = write_output(tmp_path / "out", [sample_doc(0)])
    decisions = tmp_path / "d.csv"
    decisions.write_text(f"{HEADER}\n{bad}\n", encoding="utf-8")
    code = main(["load", str(out), "--db", str(tmp_path / "x.db"), "--decisions", str(decisions)])
    assert code == 2
    assert "d.csv:2: decision 'approve'" in capsys.readouterr().err


@pytest.mark.parametrize("command", ["load"])
def test_cli_load_help_has_example(command: str) -> None:
    sub = build_parser()._subparsers._group_actions[0].choices[command]
    assert "example: vnextract load" in sub.format_help()


@pytest.mark.parametrize("digest", ["rules-x"])
def test_cli_split_unchanged_skips_loaded_files(tmp_path: Path, db_url: str, digest: str) -> None:
    docs = [sample_doc(n) for n in range(3)]
    articles = tmp_path / "articles"
    articles.mkdir()
    inputs = []
    for doc in docs:
        path = articles / f"{doc.doc_id}.txt"
        path.write_text(doc.text, encoding="utf-8")  # the fixture's sha256 is of these bytes
        inputs.append((doc.doc_id, path))
    load_output(write_output(tmp_path / "out", docs), db_url, rules_digest=digest)
    (articles / "001_baocao.txt").write_text(docs[1].text + " Thêm một câu.", encoding="utf-8")
    todo, skipped = split_unchanged(db_url, inputs, digest)
    assert [d for d, _ in todo] == ["001_baocao"]
    assert skipped == ["000_baocao", "002_baocao"]


@pytest.mark.slow
@pytest.mark.parametrize("corpus", ["corpus"])
def test_cli_load_real_run_output(tmp_path: Path, db_url: str, corpus: str) -> None:
    source = Path(__file__).resolve().parents[1] / corpus
    if not any(source.glob("*.txt")) and not any(source.glob("*.htm*")):
        pytest.skip(f"no articles in {source}")
    out = tmp_path / "out"
    done = subprocess.run(
        [sys.executable, "-m", "vnextract.cli", "run", str(source), "--out", str(out), "--quiet"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert (out / "documents.jsonl").is_file(), done.stderr
    first = load_output(out, db_url)
    again = load_output(out, db_url)
    documents = read_lines(out / "documents.jsonl")
    records = read_lines(out / "records.jsonl")
    assert (first.documents_written, again.documents_written) == (len(documents), 0)
    assert counts(db_url)["records"] == len(records)
    stored = {r[0]: r[1:] for r in rows(db_url, "SELECT record_id, value, value_text FROM records")}
    assert stored == {r["record_id"]: (r["value"], r["value_text"]) for r in records}
    texts = dict(rows(db_url, "SELECT doc_id, text FROM documents"))
    assert texts == {d["doc_id"]: d["text"] for d in documents}
    sentences = rows(db_url, "SELECT doc_id, char_start, char_end, text FROM sentences")
    located = [(d, s, e, t) for d, s, e, t in sentences if s is not None]
    assert located and all(texts[d][s:e] == t for d, s, e, t in located)


@pytest.mark.parametrize("flags", [[], ["--decisions"]])
def test_cli_load_default_database_is_in_the_output_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, flags: list[str]
) -> None:
    out = write_output(tmp_path / "out", [sample_doc(0)])
    elsewhere = tmp_path / "somewhere_else"
    elsewhere.mkdir()
    monkeypatch.chdir(elsewhere)
    argv = ["load", str(out)]
    if flags:
        record = read_lines(out / "records.jsonl")[0]
        decisions = tmp_path / "decisions.csv"
        decisions.write_text(
            f"{HEADER}\n{record['record_id']},{record['doc_id']},accepted,,Lan,2024-05-02T08:00Z\n",
            encoding="utf-8",
        )
        argv += ["--decisions", str(decisions)]
    assert main(argv) == 0
    assert list(elsewhere.iterdir()) == []
    url = f"sqlite:///{out / 'vnextract.db'}"
    assert rows(url, "SELECT COUNT(*) FROM documents") == [(1,)]
    if flags:
        assert rows(url, "SELECT COUNT(*) FROM decisions") == [(1,)]
