"""Read one vnextract output folder (OUTPUT.md) into plain dicts for the report.

The report reads the public JSONL files rather than the pipeline's dataclasses, so
it works on any output folder, including one written by an older run.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from vnextract.core.errors import Errors, VnextractError
from vnextract.output.contract import FILE_TABLES
from vnextract.output.jsonl import read_jsonl
from vnextract.output.outset import check_output_set

# Fields the report cannot work without (each a contract field); the rest are read with .get()
_REQUIRED = {
    "documents.jsonl": ("doc_id",),
    "records.jsonl": ("record_id", "doc_id", "char_start", "char_end", "value_text"),
    "entities.jsonl": ("doc_id", "label", "char_start", "char_end"),
    "officials.jsonl": ("doc_id", "name"),
}


class ReportInputError(VnextractError):
    """The output folder cannot be read into a report; the message says how to fix it."""


@dataclass(slots=True)
class OutputFolder:
    """The four output files of one run, each a list of JSON objects in file order."""

    path: Path
    documents: list[dict[str, Any]] = field(default_factory=list)
    records: list[dict[str, Any]] = field(default_factory=list)
    entities: list[dict[str, Any]] = field(default_factory=list)
    officials: list[dict[str, Any]] = field(default_factory=list)


def _read_jsonl(path: Path, problems: list[str]) -> list[dict[str, Any]]:
    """Read one JSONL file; a missing optional file reads as empty (a run with no hits)."""
    if not path.exists():
        return []
    required = _REQUIRED[path.name]
    rows: list[dict[str, Any]] = []
    for line_no, row in read_jsonl(path, problems):
        missing = [name for name in required if name not in row]
        for name in missing:
            problems.append(Errors.E402.format(path=path.name, line=line_no, field=name))
        if not missing:
            rows.append(row)
    return rows


def read_output(out_dir: Path) -> OutputFolder:
    """Read ``documents.jsonl``, ``records.jsonl``, ``entities.jsonl`` and ``officials.jsonl``.

    Args:
        out_dir: the folder ``vnextract run ... --out DIR`` wrote.

    Returns:
        The rows of each file. Only ``documents.jsonl`` must exist.

    Raises:
        ReportInputError: no ``documents.jsonl``, lines that are not JSON objects, or
            rows without a field the report needs (every one listed, as ``file:line``).
        OutputSetError: the files are not one complete run's (see ``vnextract.output.outset``).
    """
    out_dir = Path(out_dir)
    if not (out_dir / "documents.jsonl").is_file():
        raise ReportInputError(Errors.E400.format(path=out_dir))
    check_output_set(out_dir)
    problems: list[str] = []
    tables = {t.name: _read_jsonl(out_dir / t.file, problems) for t in FILE_TABLES if t.file}
    if problems:
        listed = "\n".join("  " + p for p in problems[:30])
        more = f"\n  ... and {len(problems) - 30} more" if len(problems) > 30 else ""
        raise ReportInputError(
            Errors.E305.format(count=len(problems), path=out_dir, problems=listed + more)
        )
    return OutputFolder(path=out_dir, **tables)
