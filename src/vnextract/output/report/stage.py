"""Write a report folder whole or not at all.

The pages are built in a hidden sibling folder and swapped in by two renames, so a crash
or Ctrl-C while a large report is built leaves the previous report as it was, never a
mix of old and new pages. The name of the staging folder carries the builder's pid: a
later build removes the folders of builders that are gone.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Callable
from pathlib import Path

from vnextract.output.outset import STAGE_PREFIX

_KINDS = ("report", "old")


def _prefix(kind: str, target: Path) -> str:
    return f"{STAGE_PREFIX}{kind}-{target.name}-"


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # another user's live process
        return True
    return True


def sweep_dead(target: Path) -> list[Path]:
    """Remove staging folders beside ``target`` left by builders that were killed.

    A builder killed between its two renames left the previous report in its "old"
    folder and none at ``target``: that report is put back first.
    """
    removed = []
    for kind in reversed(_KINDS):
        for path in target.parent.glob(_prefix(kind, target) + "*"):
            pid_text = path.name[len(_prefix(kind, target)) :].split("-", 1)[0]
            if not pid_text.isdigit() or _alive(int(pid_text)) or path.is_symlink():
                continue
            kept = path / target.name
            if kind == "old" and kept.is_dir() and not target.exists():
                os.replace(kept, target)
            shutil.rmtree(path, ignore_errors=True)
            removed.append(path)
    return removed


def write_whole(target: Path, build: Callable[[Path], Path]) -> Path:
    """Run ``build(folder)`` in a staging folder, then put it at ``target``.

    Returns ``target / name`` for the ``folder / name`` that ``build`` returned.
    """
    target.parent.mkdir(parents=True, exist_ok=True)
    sweep_dead(target)
    pid = f"{os.getpid()}-"
    stage = Path(tempfile.mkdtemp(prefix=_prefix("report", target) + pid, dir=target.parent))
    try:
        built = build(stage)
        old = None
        if target.exists():
            old = Path(tempfile.mkdtemp(prefix=_prefix("old", target) + pid, dir=target.parent))
            os.replace(target, old / target.name)
        os.replace(stage, target)
    except BaseException:
        shutil.rmtree(stage, ignore_errors=True)
        raise
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)
    return target / built.relative_to(stage)
