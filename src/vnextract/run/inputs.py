"""Which files a run reads: files as given, folders walked recursively in sorted order."""

from __future__ import annotations

import hashlib
import os
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from vnextract.core.errors import Errors, VnextractError

SUFFIXES = (".txt", ".html", ".htm")


def list_inputs(
    paths: Iterable[Path | str], on_warning: Callable[[str], None] | None = None
) -> list[tuple[str, Path]]:
    """(doc_id, path) for every article under ``paths``; doc ids are unique within the run.

    Args:
        paths: files or folders.
        on_warning: told, in one line each, of what a folder walk skipped: a subfolder
            that cannot be read, a broken symbolic link.
    Raises:
        VnextractError: a path does not exist (checked before anything is written, so a
            typo never replaces the previous outputs), or a folder holds no article.
    """
    given = [Path(p) for p in paths]
    for path in given:
        # a dangling symlink given by name is missing too
        if not path.exists():
            raise VnextractError(Errors.E028.format(path=path))
    files: list[Path] = []
    for path in given:
        if path.is_dir():
            found = sorted(_walk(path, on_warning or (lambda _msg: None)))
            if not found:
                patterns = ", ".join([*SUFFIXES, "no extension"])
                raise VnextractError(Errors.E020.format(path=path, patterns=patterns))
            files.extend(found)
        else:
            # a file, or something that only reading can judge (a pipe): that document's error
            files.append(path)
    out: list[tuple[str, Path]] = []
    seen: set[str] = set()
    for path in files:
        doc_id = path.stem
        if doc_id in seen:
            # same file name in two folders: keep both, told apart by a hash of the path
            doc_id = f"{doc_id}__{hashlib.sha256(str(path).encode()).hexdigest()[:8]}"
        seen.add(doc_id)
        out.append((doc_id, path))
    return out


def _walk(folder: Path, warn: Callable[[str], None]) -> Iterator[Path]:
    """Articles under ``folder``; symlinked folders are not entered (as ``Path.rglob``)."""

    def unreadable(exc: OSError) -> None:
        warn(Errors.E040.format(path=exc.filename, reason=exc.strerror or exc))

    for root, _dirs, names in os.walk(folder, onerror=unreadable):
        for name in names:
            path = Path(root, name)
            # a scraped page saved with no extension ('bai-viet-12345') is an article too;
            # hidden files ('.DS_Store') are not
            if path.suffix.lower() not in SUFFIXES and (path.suffix or name.startswith(".")):
                continue
            if path.is_file():
                yield path
            elif path.is_symlink() and not path.exists():
                warn(Errors.E041.format(path=path, target=os.readlink(path)))
