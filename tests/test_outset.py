"""An output folder holds one run's set: locked while written, published with a manifest,
refused by load and report when mixed or half-published, and never left with a staging
folder or stale companions (Parquet, report) — also when the disk fills up."""

from __future__ import annotations

import json
import os
import resource
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from vnextract.core.errors import VnextractError
from vnextract.output import outset
from vnextract.output.db import load_output
from vnextract.output.files import FILES
from vnextract.output.outset import OutputSetError, check_output_set
from vnextract.output.report import write_report
from vnextract.run.job import run_job

ARTICLE = (
    "Sở Thông tin và Truyền thông tỉnh cho biết năm 2024 toàn tỉnh có 1.250 trạm phát sóng "
    "di động, tăng 8% so với năm trước.\n"
    "Tỷ lệ hộ gia đình có kết nối internet cáp quang đạt 72,5%.\n"
)
OTHER = "Huyện miền núi có thêm 35 điểm phục vụ bưu chính trong quý I/2025.\n"
PREVIOUS = "previous run's line\n"


def _articles(folder: Path, text: str = ARTICLE, count: int = 2) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(count):
        (folder / f"bai_{i}.txt").write_text(text, encoding="utf-8")
    return folder


def _cli(*args: str, **kwargs) -> subprocess.CompletedProcess:
    cmd = [sys.executable, "-m", "vnextract.cli", *args]
    return subprocess.run(cmd, capture_output=True, text=True, timeout=300, **kwargs)


def _run(src: Path, out: Path, **options) -> None:
    run_job([src], out, entities=False, progress=False, workers=1, **options)


def test_outset_manifest_lists_the_published_files(tmp_path: Path) -> None:
    out = tmp_path / "out"
    _run(_articles(tmp_path / "in"), out)
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["status"] == "complete" and manifest["run_id"]
    assert sorted(manifest["files"]) == sorted(FILES)
    for name, entry in manifest["files"].items():
        assert entry == outset.file_entry(out / name)
    assert check_output_set(out) == manifest


@pytest.mark.parametrize("command", ["report", "load"])
def test_outset_mixed_set_is_refused(tmp_path: Path, command: str) -> None:
    first, second = tmp_path / "a", tmp_path / "b"
    _run(_articles(tmp_path / "in1"), first)
    _run(_articles(tmp_path / "in2", OTHER), second)
    # records.jsonl of another run copied over: the folder mixes two runs
    (first / "records.jsonl").write_bytes((second / "records.jsonl").read_bytes())
    with pytest.raises(OutputSetError, match=r"records\.jsonl differs from the one run"):
        if command == "report":
            write_report(first)
        else:
            load_output(first, f"sqlite:///{tmp_path / 'x.db'}")
    assert not (tmp_path / "x.db").exists() or command == "report"


@pytest.mark.parametrize("fail_at", [2, 4])
def test_outset_crash_while_publishing_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, fail_at: int
) -> None:
    out = tmp_path / "out"
    _run(_articles(tmp_path / "in1"), out)
    real, calls = os.replace, []

    def crashing_replace(src, dst):
        calls.append(dst)
        if len(calls) == fail_at:  # a crash between two of the renames
            raise KeyboardInterrupt
        real(src, dst)

    monkeypatch.setattr(outset.os, "replace", crashing_replace)
    with pytest.raises(KeyboardInterrupt):
        _run(_articles(tmp_path / "in2", OTHER), out)
    monkeypatch.undo()
    with pytest.raises(OutputSetError, match="interrupted while moving its files"):
        write_report(out)
    with pytest.raises(OutputSetError, match="interrupted while moving its files"):
        load_output(out, f"sqlite:///{tmp_path / 'x.db'}")
    assert not [p for p in out.iterdir() if p.name.startswith(".vnextract-")]


def test_outset_second_run_into_a_locked_folder_is_refused(tmp_path: Path) -> None:
    out = tmp_path / "out"
    _run(_articles(tmp_path / "in"), out)
    before = {name: (out / name).read_bytes() for name in FILES}
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import sys, time; from vnextract.output.outset import folder_lock\n"
            "with folder_lock(sys.argv[1]):\n    print('held', flush=True); time.sleep(600)",
            str(out),
        ],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout.readline().strip() == "held"
        done = _cli("run", str(tmp_path / "in"), "--out", str(out), "--quiet", "--workers", "1")
        assert done.returncode == 2
        assert f"is being written by another vnextract (pid {holder.pid} on" in done.stderr
        assert "Traceback" not in done.stderr and len(done.stderr.splitlines()) == 1
        assert {name: (out / name).read_bytes() for name in FILES} == before
    finally:
        holder.kill()
        holder.wait()
    # the lock dies with its holder, even by kill -9
    _run(tmp_path / "in", out)


_TAKE_LOCK = (
    "import sys; from vnextract.output.outset import folder_lock\n"
    "with folder_lock(sys.argv[1]): pass"
)


def test_outset_lock_is_held_by_one_process_at_a_time(tmp_path: Path) -> None:
    def other() -> subprocess.CompletedProcess:
        cmd = [sys.executable, "-c", _TAKE_LOCK, str(tmp_path)]
        return subprocess.run(cmd, capture_output=True, text=True)

    with outset.folder_lock(tmp_path), outset.folder_lock(tmp_path):  # reentrant in-process
        refused = other()
        assert refused.returncode == 1 and "OutputLockedError" in refused.stderr
    assert other().returncode == 0


@pytest.mark.parametrize(
    "companions", [{"parquet": True}, {"report": True}, {"parquet": True, "report": True}]
)
def test_outset_stale_companions_removed_by_next_run(tmp_path: Path, companions) -> None:
    out = tmp_path / "out"
    src = _articles(tmp_path / "in")
    _run(src, out, **companions)
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    if "parquet" in companions:
        assert (out / "records.parquet").is_file() and "records.parquet" in manifest["files"]
    if "report" in companions:
        assert (out / "report" / "index.html").is_file() and manifest["report"] == "report"
    check_output_set(out)
    _run(src, out)
    left = sorted(p.name for p in out.iterdir())
    assert left == sorted([*FILES, "manifest.json", ".lock"])
    check_output_set(out)


def test_outset_report_of_the_user_is_left_alone(tmp_path: Path) -> None:
    out = tmp_path / "out"
    (out / "report").mkdir(parents=True)
    (out / "report" / "ghi_chu.md").write_text("notes\n", encoding="utf-8")
    _run(_articles(tmp_path / "in"), out)
    assert (out / "report" / "ghi_chu.md").is_file()


def _previous(out: Path) -> None:
    out.mkdir(parents=True)
    for name in FILES:
        (out / name).write_text(PREVIOUS, encoding="utf-8")


def _assert_failed_write_left_nothing(out: Path, done: subprocess.CompletedProcess, why: str):
    assert done.returncode == 1, done.stderr
    errors = [line for line in done.stderr.splitlines() if line.startswith("error:")]
    assert len(errors) == 1 and f"cannot write the output in {out}: {why}" in errors[0]
    assert "Traceback" not in done.stderr
    assert not [p for p in out.iterdir() if p.name.startswith(".vnextract-")]
    for name in FILES:
        assert (out / name).read_text(encoding="utf-8") == PREVIOUS


def _limit_file_size() -> None:
    # over the limit a write fails with EFBIG instead of killing the process
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    resource.setrlimit(resource.RLIMIT_FSIZE, (20_000, 20_000))


def test_outset_write_failure_leaves_previous_outputs(tmp_path: Path) -> None:
    out = tmp_path / "out"
    _previous(out)
    src = _articles(tmp_path / "in", ARTICLE * 40, count=20)
    done = _cli(
        "run", str(src), "--out", str(out), "--quiet", "--no-entities", "--workers", "1",
        preexec_fn=_limit_file_size,
    )  # fmt: skip
    _assert_failed_write_left_nothing(out, done, "File too large")


@pytest.fixture
def small_disk(tmp_path: Path):
    mount = tmp_path / "disk"
    mount.mkdir()
    made = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=96k", "tmpfs", str(mount)], capture_output=True
    )
    if made.returncode != 0:
        pytest.skip(f"cannot mount a small tmpfs here: {made.stderr.decode().strip()}")
    try:
        yield mount
    finally:
        for _ in range(50):
            if subprocess.run(["umount", str(mount)], capture_output=True).returncode == 0:
                break
            time.sleep(0.1)


def test_outset_disk_full_leaves_previous_outputs(tmp_path: Path, small_disk: Path) -> None:
    out = small_disk / "out"
    _previous(out)
    src = _articles(tmp_path / "in", ARTICLE * 40, count=20)
    done = _cli("run", str(src), "--out", str(out), "--quiet", "--no-entities", "--workers", "1")
    _assert_failed_write_left_nothing(out, done, "No space left on device")


def test_outset_uncreatable_out_is_one_line(tmp_path: Path) -> None:
    blocker = tmp_path / "a_file"
    blocker.write_text("x", encoding="utf-8")
    done = _cli("run", str(_articles(tmp_path / "in")), "--out", str(blocker / "out"))
    assert done.returncode == 2
    assert done.stderr.startswith(f"error: cannot create the output folder {blocker / 'out'}")
    assert "Traceback" not in done.stderr


def test_outset_missing_input_path_touches_nothing(tmp_path: Path) -> None:
    out = tmp_path / "out"
    _previous(out)
    done = _cli("run", str(tmp_path / "corpuss"), "--out", str(out), "--quiet")
    assert done.returncode == 2
    assert done.stderr == f"error: {tmp_path / 'corpuss'}: no such file or folder. " + (
        "Check the path; nothing was written.\n"
    )
    assert sorted(p.name for p in out.iterdir()) == sorted(FILES)
    for name in FILES:
        assert (out / name).read_text(encoding="utf-8") == PREVIOUS


def test_outset_missing_input_path_library_raises(tmp_path: Path) -> None:
    with pytest.raises(VnextractError, match="no such file or folder"):
        _run(tmp_path / "khong_co", tmp_path / "out")
    assert not (tmp_path / "out").exists()
