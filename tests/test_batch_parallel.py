"""Parallel runs write exactly what a one-process run writes, in the same order.

The corpus is the sample articles in ``corpus/`` plus two bad inputs we made
ourselves (an empty file and binary data), so error results are ordered too.
Entities are off: the point here is the engines, not the tagger, and it keeps
the tests to a few seconds each.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from vnextract.cli import main
from vnextract.output.files import FILES
from vnextract.run.batch import run
from vnextract.run.inputs import list_inputs

CORPUS = Path(__file__).resolve().parents[1] / "corpus"


@pytest.fixture(scope="module")
def small_corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The sample corpus with an empty and a binary file between the articles."""
    folder = tmp_path_factory.mktemp("corpus")
    for path in sorted(CORPUS.iterdir()):
        shutil.copy(path, folder / path.name)
    (folder / "103a_empty.txt").write_bytes(b"")
    (folder / "105a_binary.txt").write_bytes(bytes(range(256)) * 8)
    return folder


@pytest.fixture(scope="module")
def one_process(small_corpus: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("one")
    run([small_corpus], out, entities=False, progress=False, workers=1)
    return out


def _doc_ids(out: Path) -> list[str]:
    with open(out / "documents.jsonl", encoding="utf-8") as f:
        return [json.loads(line)["doc_id"] for line in f]


@pytest.mark.parametrize("workers", [2])
def test_batch_workers_output_identical_to_one_process(
    small_corpus: Path, one_process: Path, tmp_path: Path, workers: int
) -> None:
    summary = run([small_corpus], tmp_path, entities=False, progress=False, workers=workers)
    articles = len([p for p in CORPUS.iterdir() if p.suffix in {".txt", ".html"}])
    assert summary.documents == articles + 2 and summary.failed == 2
    for name in FILES:
        assert (tmp_path / name).read_bytes() == (one_process / name).read_bytes(), name
    # input order, bad documents included, whichever worker finished first
    assert _doc_ids(tmp_path) == [doc_id for doc_id, _ in list_inputs([small_corpus])]
    with open(tmp_path / "documents.jsonl", encoding="utf-8") as f:
        status = {row["doc_id"]: row["status"] for row in map(json.loads, f)}
    assert status["103a_empty"] == "error" and status["105a_binary"] == "error"
    assert status["104_laocai_baochi"] == "ok"


@pytest.mark.parametrize("argv_workers", ["2"])
def test_batch_cli_workers_flag_matches_library(
    small_corpus: Path, one_process: Path, tmp_path: Path, argv_workers: str
) -> None:
    argv = ["run", str(small_corpus), "--out", str(tmp_path), "--no-entities", "--quiet"]
    # two bad inputs: the run goes on and reports failure in its exit code
    assert main([*argv, "--workers", argv_workers]) == 1
    assert (tmp_path / "records.jsonl").read_bytes() == (one_process / "records.jsonl").read_bytes()


@pytest.mark.parametrize("value", ["0", "-2", "two"])
def test_batch_cli_workers_flag_rejects_non_positive(value: str, tmp_path: Path) -> None:
    with pytest.raises(SystemExit) as exc:
        main(["run", str(CORPUS), "--out", str(tmp_path), "--workers", value])
    assert exc.value.code == 2
    assert list(tmp_path.iterdir()) == []
