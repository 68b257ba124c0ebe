"""One output folder holds one run's set of files: a lock while it is written, a manifest last.

- ``.lock``: held (``flock``) by the process writing the folder (``run``, ``report``,
  ``load --parquet``). The kernel drops it when that process ends, even by kill -9, so a
  lock is never stale; the file holds the holder's pid, host and start for the message a
  second writer gets.
- ``manifest.json``: written last when a run publishes its files: run id, time, version,
  and every file of the set with its size and sha256 (Parquet files are added when they
  are written, the report folder by name). While the files are being moved into place
  it says ``"status": "publishing"``; ``load`` and ``report`` refuse a folder whose
  manifest is not complete or whose files do not match it. A folder without a manifest
  (written by vnextract before 0.2) is read as it is.
- ``.vnextract-*`` staging folders left by a killed run are removed by the next run,
  which holds the lock and so knows no live run owns them.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import signal
import socket
import time
import uuid
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from vnextract import __version__
from vnextract.core.errors import Errors, VnextractError

LOCK_NAME = ".lock"
MANIFEST_NAME = "manifest.json"
STAGE_PREFIX = ".vnextract-"
REPORT_DIR = "report"
# companions a run may leave beside its JSONL files; a run that does not rewrite them
# removes the earlier run's, so they never disagree with the fresh JSONL
PARQUET_NAMES = tuple(
    f"{name}.parquet" for name in ("documents", "records", "entities", "officials")
)
_BLOCKED = {signal.SIGINT, signal.SIGTERM, signal.SIGHUP}


class OutputLockedError(VnextractError):
    """Another process is writing the output folder."""


class OutputSetError(VnextractError):
    """The output folder's files are not one complete run's set."""


# path -> (file descriptor, depth): a process may lock a folder it already holds
# (``run --report`` holds it for the run and again for the report)
_HELD: dict[Path, list[int]] = {}


@contextmanager
def folder_lock(out_dir: Path | str) -> Iterator[None]:
    """Hold the output folder's lock for the ``with`` block.

    Raises:
        OutputLockedError: another process holds it (the message names it).
    """
    key = Path(out_dir).resolve()
    held = _HELD.get(key)
    if held is not None:
        held[1] += 1
        try:
            yield
        finally:
            held[1] -= 1
        return
    fd = _acquire(key)
    _HELD[key] = [fd, 1]
    try:
        yield
    finally:
        del _HELD[key]
        os.close(fd)  # closing the descriptor releases the flock


def prepare_folder(out_dir: Path | str) -> Path:
    """Create the output folder if needed.

    Raises:
        VnextractError: it is a file, or it cannot be created (one line, no traceback).
    """
    out_dir = Path(out_dir)
    if out_dir.exists() and not out_dir.is_dir():
        raise VnextractError(Errors.E021.format(path=out_dir))
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise VnextractError(Errors.E022.format(path=out_dir, reason=exc.strerror or exc)) from None
    return out_dir


def _acquire(folder: Path) -> int:
    import fcntl  # POSIX only, like the rest of the signal handling

    path = folder / LOCK_NAME
    try:
        fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
    except OSError as exc:
        raise VnextractError(Errors.E022.format(path=folder, reason=exc.strerror or exc)) from None
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        holder = _holder(fd)
        os.close(fd)
        raise OutputLockedError(Errors.E024.format(path=folder, holder=holder)) from None
    except OSError:
        os.close(fd)
        raise
    info = {"pid": os.getpid(), "host": socket.gethostname(), "started": _now()}
    os.ftruncate(fd, 0)
    os.pwrite(fd, json.dumps(info).encode(), 0)
    return fd


def _holder(fd: int) -> str:
    try:
        info = json.loads(os.pread(fd, 4096, 0) or b"{}")
        return f"pid {info['pid']} on {info['host']}, since {info['started']}"
    except (OSError, ValueError, KeyError, TypeError):
        return "another process"


def _now() -> str:
    return time.strftime("%Y-%m-%dT%H:%M:%S%z")


def sweep_stages(out_dir: Path, keep: Path | None = None) -> list[Path]:
    """Remove the staging folders of earlier runs that were killed; call with the lock held."""
    removed = []
    for path in out_dir.glob(STAGE_PREFIX + "*"):
        if path != keep and path.is_dir() and not path.is_symlink():
            shutil.rmtree(path, ignore_errors=True)
            removed.append(path)
    return removed


def file_entry(path: Path) -> dict[str, Any]:
    """Size and sha256 of one file, as the manifest lists it."""
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return {"size": path.stat().st_size, "sha256": digest.hexdigest()}


def _write_json(path: Path, data: dict) -> None:
    with path.open("w", encoding="utf-8") as handle:
        json.dump(data, handle, ensure_ascii=False, indent=1)
        handle.write("\n")
        handle.flush()
        os.fsync(handle.fileno())


def _fsync_dir(folder: Path) -> None:
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def publish(stage: Path, out_dir: Path, names: Sequence[str]) -> dict[str, Any]:
    """Move the staged files ``names`` into ``out_dir`` as one set; the manifest goes last.

    Earlier companions (Parquet, report) move out first: the folder then holds this run's
    set only. Signals wait until the set is in place, so Ctrl-C cannot split it; a crash
    in between leaves the "publishing" manifest, which load and report refuse.
    """
    run_id = f"{time.strftime('%Y%m%dT%H%M%S')}-{uuid.uuid4().hex[:8]}"
    manifest = {
        "manifest_version": "1",
        "run_id": run_id,
        "status": "complete",
        "written_at": _now(),
        "vnextract_version": __version__,
        "files": {name: file_entry(stage / name) for name in names},
        "report": None,
    }
    _write_json(stage / MANIFEST_NAME, manifest)
    _write_json(stage / "publishing.json", {**manifest, "status": "publishing", "files": {}})
    old = signal.pthread_sigmask(signal.SIG_BLOCK, _BLOCKED)
    try:
        os.replace(stage / "publishing.json", out_dir / MANIFEST_NAME)
        stale = stage / "stale"
        stale.mkdir()
        for name in (*PARQUET_NAMES, REPORT_DIR):
            if (out_dir / name).exists() and not _report_of_user(out_dir / name):
                os.replace(out_dir / name, stale / name)
        for name in names:
            os.replace(stage / name, out_dir / name)
        os.replace(stage / MANIFEST_NAME, out_dir / MANIFEST_NAME)
        _fsync_dir(out_dir)
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, old)
    return manifest


def _report_of_user(path: Path) -> bool:
    # a report/ folder vnextract did not write (no index.html) is left alone
    return path.name == REPORT_DIR and not (path / "index.html").is_file()


def read_manifest(out_dir: Path) -> dict[str, Any] | None:
    """The folder's manifest, or None for a folder written without one."""
    path = out_dir / MANIFEST_NAME
    if not path.exists():
        return None
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, ValueError) as exc:
        raise OutputSetError(Errors.E025.format(path=path, reason=exc)) from None
    if not isinstance(data, dict) or not isinstance(data.get("files"), dict):
        raise OutputSetError(Errors.E025.format(path=path, reason="no 'files' table"))
    return data


def check_output_set(out_dir: Path | str) -> dict[str, Any] | None:
    """Check that ``out_dir`` holds one complete run's files, as its manifest lists them.

    Returns:
        The manifest (None for a folder written before manifests existed).
    Raises:
        OutputSetError: the run was interrupted while publishing, or a file is missing
            or differs from the manifest (the folder mixes runs).
    """
    out_dir = Path(out_dir)
    manifest = read_manifest(out_dir)
    if manifest is None:
        return None
    if manifest.get("status") != "complete":
        raise OutputSetError(Errors.E026.format(path=out_dir, run=manifest.get("run_id")))
    for name, entry in manifest["files"].items():
        path = out_dir / name
        if not path.is_file():
            raise OutputSetError(Errors.E027.format(path=path, why="is missing"))
        found = file_entry(path)
        if found != {"size": entry.get("size"), "sha256": entry.get("sha256")}:
            why = f"differs from the one run {manifest.get('run_id')} wrote"
            raise OutputSetError(Errors.E027.format(path=path, why=why))
    return manifest


def add_companions(
    out_dir: Path | str, files: Sequence[Path] = (), report: Path | None = None
) -> None:
    """Record Parquet files and a report written after the run in its manifest."""
    out_dir = Path(out_dir)
    manifest = read_manifest(out_dir)
    if manifest is None:
        return
    for path in files:
        manifest["files"][Path(path).name] = file_entry(Path(path))
    if report is not None:
        manifest["report"] = Path(report).name
    partial = out_dir / (MANIFEST_NAME + ".partial")
    _write_json(partial, manifest)
    os.replace(partial, out_dir / MANIFEST_NAME)
