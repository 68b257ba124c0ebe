"""Read one vnextract output folder (OUTPUT.md) into plain dicts for the report.

The report reads the public JSONL files rather than the pipeline's dataclasses, so
it works on any output folder, including one written by an older run.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from vnextract.errors import Errors, VnextractError
from vnextract.outset import check_output_set

# Fields the report cannot work without; everything else is read with .get().
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


def _read_jsonl(path: Path) -> list[dict[str, Any]]:
    """Read one JSONL file; a missing optional file reads as empty (a run with no hits)."""
    if not path.exists():
        return []
    required = _REQUIRED[path.name]
    rows: list[dict[str, Any]] = []
    with path.open(encoding="utf-8") as handle:
        for line_no, line in enumerate(handle, start=1):
            if not line.strip():
                continue
            try:
                row = json.loads(line)
            except json.JSONDecodeError as exc:
                raise ReportInputError(
                    Errors.E401.format(path=path, line=line_no, reason=exc.msg)
                ) from exc
            if not isinstance(row, dict):
                raise ReportInputError(
                    Errors.E401.format(path=path, line=line_no, reason=type(row).__name__)
                )
            for name in required:
                if name not in row:
                    raise ReportInputError(Errors.E402.format(path=path, line=line_no, field=name))
            rows.append(row)
    return rows


def read_output(out_dir: Path) -> OutputFolder:
    """Read ``documents.jsonl``, ``records.jsonl``, ``entities.jsonl`` and ``officials.jsonl``.

    Args:
        out_dir: the folder ``vnextract run ... --out DIR`` wrote.

    Returns:
        The rows of each file. Only ``documents.jsonl`` must exist.

    Raises:
        ReportInputError: no ``documents.jsonl``, a line that is not a JSON object,
            or a row without a field the report needs.
        OutputSetError: the files are not one complete run's (see ``vnextract.outset``).
    """
    out_dir = Path(out_dir)
    if not (out_dir / "documents.jsonl").is_file():
        raise ReportInputError(Errors.E400.format(path=out_dir))
    check_output_set(out_dir)
    return OutputFolder(
        path=out_dir,
        documents=_read_jsonl(out_dir / "documents.jsonl"),
        records=_read_jsonl(out_dir / "records.jsonl"),
        entities=_read_jsonl(out_dir / "entities.jsonl"),
        officials=_read_jsonl(out_dir / "officials.jsonl"),
    )
