"""Which files a run reads: files as given, folders walked recursively in sorted order."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from pathlib import Path

from .errors import Errors, VnextractError

SUFFIXES = (".txt", ".html", ".htm")


def list_inputs(paths: Iterable[Path | str]) -> list[tuple[str, Path]]:
    """(doc_id, path) for every article under ``paths``; doc ids are unique within the run.

    A path that does not exist is listed as it is: reading it fails and the run reports
    it as a failed document while the rest of the batch goes on.

    Raises:
        VnextractError: a folder holds no article.
    """
    files: list[Path] = []
    for given in paths:
        path = Path(given)
        if path.is_file():
            files.append(path)
        elif path.is_dir():
            found = sorted(
                p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in SUFFIXES
            )
            if not found:
                raise VnextractError(Errors.E020.format(path=path, patterns=", ".join(SUFFIXES)))
            files.extend(found)
        else:
            # a missing file is that document's error (reported in one line), not the run's
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
