"""Ctrl-C during a parallel run leaves the output folder as it was, and no process behind.

The run is a real ``vnextract run --workers 2`` in its own process group; the test
waits until the run has staged its outputs (workers starting or busy), then sends
SIGINT to the whole group, as a terminal does.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from vnextract.write import FILES

CORPUS = Path(__file__).resolve().parents[1] / "corpus"
PREVIOUS = "previous run's line\n"


def _big_corpus(folder: Path, copies: int) -> Path:
    folder.mkdir()
    for i in range(copies):
        for path in sorted(CORPUS.glob("*.txt")):
            shutil.copy(path, folder / f"{i:03d}_{path.name}")
    return folder


def _wait_for(condition, timeout: float) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.05)
    return False


@pytest.mark.parametrize("after_seconds", [0.5, 4.0])
def test_batch_interrupt_leaves_outputs_untouched(tmp_path: Path, after_seconds: float) -> None:
    corpus = _big_corpus(tmp_path / "corpus", copies=40)
    out = tmp_path / "out"
    out.mkdir()
    for name in FILES:
        (out / name).write_text(PREVIOUS, encoding="utf-8")
    cmd = [sys.executable, "-m", "vnextract.cli", "run", str(corpus), "--out", str(out)]
    proc = subprocess.Popen(
        [*cmd, "--workers", "2", "--quiet", "--no-entities"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,
    )
    try:
        staged = _wait_for(lambda: any(p.name.startswith(".") for p in out.iterdir()), 60)
        assert staged, proc.stderr.read() if proc.poll() is not None else "no staging folder"
        time.sleep(after_seconds)
        assert proc.poll() is None, "the run ended before it could be interrupted"
        os.killpg(proc.pid, signal.SIGINT)
        _, stderr = proc.communicate(timeout=60)
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)
    assert proc.returncode == 130, stderr
    assert "no output file was changed" in stderr
    assert "Traceback" not in stderr
    assert sorted(p.name for p in out.iterdir()) == sorted(FILES)
    for name in FILES:
        assert (out / name).read_text(encoding="utf-8") == PREVIOUS
    # every worker of the group is gone too
    assert _wait_for(lambda: not _group_alive(proc.pid), 10)


def _group_alive(pgid: int) -> bool:
    try:
        os.killpg(pgid, 0)
    except ProcessLookupError:
        return False
    return True
