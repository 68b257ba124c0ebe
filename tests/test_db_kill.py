"""A load killed half-way (SIGKILL, no clean-up) leaves a consistent database.

The loader pauses inside the transaction of the document after the first N
(the test hook ``VNEXTRACT_DB_PAUSE_AFTER``), the test kills the process there,
and then checks that earlier documents are complete, the current one is as it
was before, and that loading again completes the job.
"""

from __future__ import annotations

import os
import selectors
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

import db_fixtures
from db_fixtures import DATA_TABLES, counts, read_lines, rows, sample_doc, write_output
from vnextract.output.db import load_output
from vnextract.output.db.load import PAUSE_ENV, PAUSED_MARK

db_url = db_fixtures.db_url

_LOADER = (
    "import sys; from vnextract.output.db import load_output; load_output(sys.argv[1], sys.argv[2])"
)


_CLI_LOADER = "import sys; from vnextract.cli import main; sys.exit(main(['load', *sys.argv[1:]]))"


def _kill_while_paused(
    out: Path,
    url: str,
    after: int,
    timeout: float = 60.0,
    signum: int = signal.SIGKILL,
    loader: str = _LOADER,
) -> None:
    """Run the loader in a subprocess, wait until it pauses, then kill it with ``signum``."""
    env = {**os.environ, PAUSE_ENV: str(after)}
    args = [str(out), url] if loader == _LOADER else [str(out), "--db", url]
    proc = subprocess.Popen(
        [sys.executable, "-c", loader, *args],
        env=env,
        stderr=subprocess.PIPE,
        text=True,
    )
    selector = selectors.DefaultSelector()
    selector.register(proc.stderr, selectors.EVENT_READ)
    seen = []
    deadline = time.monotonic() + timeout
    try:
        while time.monotonic() < deadline:
            if not selector.select(timeout=1):
                continue
            line = proc.stderr.readline()
            if not line:  # the loader ended without pausing: the test is wrong
                pytest.fail(f"loader exited ({proc.wait()}) before pausing: {''.join(seen)}")
            seen.append(line)
            if PAUSED_MARK in line:
                break
        else:
            pytest.fail(f"loader did not pause within {timeout}s: {''.join(seen)}")
        os.kill(proc.pid, signum)
        expected = -signum if signum == signal.SIGKILL else 128 + signum
        assert proc.wait(timeout=30) == expected
    finally:
        selector.close()
        if proc.poll() is None:
            proc.kill()
        proc.stderr.close()


def _doc_counts(url: str, doc_id: str) -> dict[str, int]:
    return {
        t: rows(url, f"SELECT COUNT(*) FROM {t} WHERE doc_id = :d", d=doc_id)[0][0]
        for t in DATA_TABLES
    }


@pytest.mark.parametrize("signum", [signal.SIGTERM])
def test_kill_load_by_signal_marks_its_run(tmp_path: Path, db_url: str, signum: int) -> None:
    out = write_output(tmp_path / "out", [sample_doc(n) for n in range(2)])
    _kill_while_paused(out, db_url, 1, signum=signum, loader=_CLI_LOADER)
    assert rows(db_url, "SELECT status FROM runs") == [("interrupted",)]


def _foreign_key_problems(url: str) -> list[tuple]:
    if url.startswith("sqlite"):
        return rows(url, "PRAGMA foreign_key_check")
    # PostgreSQL enforces foreign keys on every commit; check the records->sentences link anyway
    return rows(
        url,
        "SELECT r.record_id FROM records r LEFT JOIN sentences s "
        "ON s.doc_id = r.doc_id AND s.sentence_index = r.sentence_index WHERE s.doc_id IS NULL",
    )


FULL = {"documents": 1, "sentences": 2, "records": 3, "entities": 4, "officials": 1}
NONE = dict.fromkeys(FULL, 0)


@pytest.mark.parametrize("after", [0, 2])
def test_kill_first_load_keeps_finished_documents(tmp_path: Path, db_url: str, after: int) -> None:
    docs = [sample_doc(n) for n in range(4)]
    out = write_output(tmp_path / "out", docs)
    _kill_while_paused(out, db_url, after)
    for n, doc in enumerate(docs):
        assert _doc_counts(db_url, doc.doc_id) == (FULL if n < after else NONE)
    assert _foreign_key_problems(db_url) == []
    assert rows(db_url, "SELECT status, finished_at FROM runs") == [("running", None)]
    stats = load_output(out, db_url)
    assert (stats.documents_written, stats.documents_unchanged) == (4 - after, after)
    # the next load sees that the killed one's process is gone
    statuses = rows(db_url, "SELECT run_id, status FROM runs ORDER BY run_id")
    assert statuses == [(1, "interrupted"), (2, "complete")]
    assert counts(db_url) == {t: 4 * n for t, n in FULL.items()}
    stored = {r[0]: r[1] for r in rows(db_url, "SELECT record_id, value FROM records")}
    assert stored == {r["record_id"]: r["value"] for r in read_lines(out / "records.jsonl")}


@pytest.mark.parametrize("after", [1])
def test_kill_during_changed_document_keeps_its_old_rows(
    tmp_path: Path, db_url: str, after: int
) -> None:
    old_out = write_output(tmp_path / "v1", [sample_doc(n) for n in range(4)])
    load_output(old_out, db_url)
    new_out = write_output(tmp_path / "v2", [sample_doc(n, bump=5.0) for n in range(4)])
    _kill_while_paused(new_out, db_url, after)
    assert _foreign_key_problems(db_url) == []
    for n in range(4):
        doc_id = sample_doc(n).doc_id
        assert _doc_counts(db_url, doc_id) == FULL
        source = new_out if n < after else old_out
        stored = rows(db_url, "SELECT record_id, value FROM records WHERE doc_id = :d", d=doc_id)
        wanted = [
            (r["record_id"], r["value"])
            for r in read_lines(source / "records.jsonl")
            if r["doc_id"] == doc_id
        ]
        assert sorted(stored) == sorted(wanted), f"{doc_id} is not wholly {source.name}"
        sha = rows(db_url, "SELECT sha256 FROM documents WHERE doc_id = :d", d=doc_id)[0][0]
        assert sha == read_lines(source / "documents.jsonl")[n]["sha256"]
    stats = load_output(new_out, db_url)
    assert (stats.documents_written, stats.documents_unchanged) == (4 - after, after)
    new_values = {r["record_id"]: r["value"] for r in read_lines(new_out / "records.jsonl")}
    assert dict(rows(db_url, "SELECT record_id, value FROM records")) == new_values
