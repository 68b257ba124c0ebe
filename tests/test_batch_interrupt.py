"""Ctrl-C, SIGTERM, SIGHUP and kill -9 during a parallel run: outputs and folder stay clean.

The run is a real ``vnextract run --workers 2`` in its own process group. Its first
input is a named pipe that nobody writes yet: the worker reading it waits, so the run
cannot finish before the test has interrupted it (no race with the clock). The test
releases the pipe once the signal is sent.
"""

from __future__ import annotations

import errno
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from vnextract.output.files import FILES

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


def _previous_outputs(out: Path) -> None:
    out.mkdir()
    for name in FILES:
        (out / name).write_text(PREVIOUS, encoding="utf-8")


def _stages(out: Path) -> list[Path]:
    return [p for p in out.iterdir() if p.name.startswith(".vnextract-")]


def _group(pgid: int) -> dict[int, str]:
    """pid -> /proc status of every process in the group but its leader."""
    found = {}
    for name in os.listdir("/proc"):
        if name.isdigit() and int(name) != pgid:
            try:
                if os.getpgid(int(name)) == pgid:
                    found[int(name)] = Path(f"/proc/{name}/status").read_text()
            except OSError:
                continue
    return found


def _ignores_sigint(status: str) -> bool:
    mask = next(line.split()[1] for line in status.splitlines() if line.startswith("SigIgn:"))
    return bool(int(mask, 16) & (1 << (signal.SIGINT - 1)))


def _holds(pid: int, pipe: Path) -> bool:
    try:
        return any(
            os.readlink(f"/proc/{pid}/fd/{fd}") == str(pipe) for fd in os.listdir(f"/proc/{pid}/fd")
        )
    except OSError:
        return False


def _workers_ready(pgid: int, pipe: Path) -> bool:
    """Both workers started (their initializer ignores SIGINT), one waits on the pipe."""
    group = _group(pgid)
    ready = [pid for pid, status in group.items() if _ignores_sigint(status)]
    return len(ready) >= 3 and any(_holds(pid, pipe) for pid in ready)


def _poke(pipe: Path) -> None:
    """Give whoever opens ``pipe`` now an empty file (the pipeline opens a file twice)."""
    try:
        os.close(os.open(pipe, os.O_WRONLY | os.O_NONBLOCK))
    except OSError as exc:
        if exc.errno != errno.ENXIO:  # ENXIO: no reader at the moment
            raise


def _stop(proc: subprocess.Popen, pipe: Path) -> str:
    """Wait for the interrupted run to end, feeding the pipe EOFs meanwhile; its stderr."""
    _wait_for(lambda: _poke(pipe) or proc.poll() is not None, 60)
    return proc.communicate(timeout=10)[1]


def _default_sigint() -> None:
    # a test suite run as a background job inherits SIGINT ignored, and so would the run
    # (Python keeps an ignored SIGINT ignored): give it the disposition a terminal gives
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def _start_blocked_run(tmp_path: Path, out: Path) -> tuple[subprocess.Popen, int]:
    """A run whose first document is a pipe: it cannot finish until the pipe is closed."""
    corpus = _big_corpus(tmp_path / "corpus", copies=3)
    pipe = tmp_path / "000_waiting.txt"
    os.mkfifo(pipe)
    # held open for writing (O_RDWR does not wait for a reader): the worker's read waits
    holder = os.open(pipe, os.O_RDWR)
    cmd = [sys.executable, "-m", "vnextract.cli", "run", str(pipe), str(corpus)]
    proc = subprocess.Popen(
        [*cmd, "--out", str(out), "--workers", "2", "--quiet", "--no-entities"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,
        preexec_fn=_default_sigint,
    )
    ready = _wait_for(lambda: _workers_ready(proc.pid, pipe) or proc.poll() is not None, 90)
    assert ready and proc.poll() is None, proc.communicate()[1] if proc.poll() else _group(proc.pid)
    assert _stages(out), "the run is under way but staged nothing"
    return proc, holder


@pytest.mark.parametrize(
    "signum", [signal.SIGINT, signal.SIGTERM, signal.SIGHUP], ids=["INT", "TERM", "HUP"]
)
def test_batch_interrupt_leaves_outputs_untouched(tmp_path: Path, signum: int) -> None:
    out = tmp_path / "out"
    _previous_outputs(out)
    proc, holder = _start_blocked_run(tmp_path, out)
    try:
        os.killpg(proc.pid, signum)
        os.close(holder)  # the waiting worker reads an empty file and the pool can stop
        stderr = _stop(proc, tmp_path / "000_waiting.txt")
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)
    assert proc.returncode == 128 + signum, stderr
    assert f"interrupted ({signal.Signals(signum).name}): no output file was changed" in stderr
    assert "Traceback" not in stderr, stderr
    # the previous set, its lock file, and no staging folder
    assert sorted(p.name for p in out.iterdir()) == sorted([*FILES, ".lock"])
    for name in FILES:
        assert (out / name).read_text(encoding="utf-8") == PREVIOUS
    # every worker of the group is gone too
    assert _wait_for(lambda: not _group_alive(proc.pid), 10)


def test_batch_killed_run_staging_removed_by_next_run(tmp_path: Path) -> None:
    out = tmp_path / "out"
    _previous_outputs(out)
    proc, holder = _start_blocked_run(tmp_path, out)
    os.killpg(proc.pid, signal.SIGKILL)
    os.close(holder)
    _stop(proc, tmp_path / "000_waiting.txt")
    assert _wait_for(lambda: not _group_alive(proc.pid), 10)
    left = _stages(out)
    assert left, "kill -9 left no staging folder: nothing to test"
    for name in FILES:
        assert (out / name).read_text(encoding="utf-8") == PREVIOUS
    # the next run gets the lock (the kernel dropped it) and removes the dead run's folder
    article = tmp_path / "small.txt"
    article.write_text("Huyện có 12 trạm phát sóng mới trong năm 2024.\n", encoding="utf-8")
    cmd = [sys.executable, "-m", "vnextract.cli", "run", str(article), "--out", str(out)]
    done = subprocess.run(
        [*cmd, "--quiet", "--no-entities", "--workers", "1"], capture_output=True, text=True
    )
    assert done.returncode == 0, done.stderr
    assert _stages(out) == []
    assert "small" in (out / "documents.jsonl").read_text(encoding="utf-8")


def _group_alive(pgid: int) -> bool:
    try:
        os.killpg(pgid, 0)
    except ProcessLookupError:
        return False
    return True
