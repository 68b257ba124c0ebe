"""Parquet copies of the JSONL outputs, for analysts (pandas, DuckDB, Spark ...).

Known fields get fixed Arrow types, so a column that happens to be all null in
one run (``value_max``) still has its real type; fields OUTPUT.md does not name
are kept with the type Arrow infers, or as JSON text when it cannot. Files are
written to a temporary name and renamed, so a reader never sees half a file.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

from ..extras import missing_extra

try:
    import pyarrow as pa
    import pyarrow.parquet as pq
except ImportError as exc:
    raise missing_extra(exc, "parquet", "Parquet output (--parquet)") from None

from ..outset import add_companions, folder_lock
from .output import OUTPUT_FILES, OutputError, read_jsonl

_S, _I, _F, _B = pa.string(), pa.int64(), pa.float64(), pa.bool_()
SCHEMAS: dict[str, list[tuple[str, pa.DataType]]] = {
    "documents.jsonl": [
        ("doc_id", _S), ("source", _S), ("sha256", _S), ("title", _S), ("published", _S),
        ("province", _S), ("author", _S), ("text", _S), ("status", _S), ("error", _S),
    ],
    "records.jsonl": [
        ("record_id", _S), ("doc_id", _S), ("sentence_index", _I), ("sentence", _S),
        ("char_start", _I), ("char_end", _I), ("value", _F), ("value_max", _F),
        ("value_text", _S), ("unit", _S), ("per", _S), ("total", _F), ("subject", _S),
        ("indicator_id", _S), ("bound", _S), ("estimated", _B), ("kind", _S),
        ("plan_percent", _F), ("change_percent", _F), ("period", _S), ("province", _S),
        ("agency", _S), ("rule", _S),
    ],
    "entities.jsonl": [
        ("doc_id", _S), ("label", _S), ("text", _S), ("canonical", _S), ("char_start", _I),
        ("char_end", _I), ("sentence_index", _I),
    ],
    "officials.jsonl": [
        ("doc_id", _S), ("name", _S), ("title", _S), ("agency", _S), ("char_start", _I),
        ("char_end", _I), ("sentence_index", _I),
    ],
}  # fmt: skip


def _extra_column(values: list[Any]) -> pa.Array:
    try:
        return pa.array(values)
    except (pa.ArrowInvalid, pa.ArrowTypeError):
        return pa.array(
            [None if v is None else json.dumps(v, ensure_ascii=False) for v in values], _S
        )


def jsonl_to_table(path: Path) -> pa.Table:
    """One JSONL output file as an Arrow table with the types of :data:`SCHEMAS`."""
    problems: list[str] = []
    rows = [obj for _, obj in read_jsonl(path, problems)]
    if problems:
        raise OutputError("\n".join(problems))
    known = SCHEMAS[path.name]
    names = [name for name, _ in known]
    columns = {name: pa.array([r.get(name) for r in rows], kind) for name, kind in known}
    extras = sorted({k for r in rows for k in r} - set(names))
    for name in extras:
        columns[name] = _extra_column([r.get(name) for r in rows])
    return pa.table(columns)


def write_parquet(out_dir: Path | str) -> list[Path]:
    """Write ``NAME.parquet`` beside each ``NAME.jsonl`` output file in ``out_dir``.

    Args:
        out_dir: a folder written by ``vnextract run --out``.
    Returns:
        The Parquet files written (files whose JSONL is missing are skipped).
    """
    out_dir = Path(out_dir)
    written = []
    # they join the run's set: listed in its manifest, removed by the next run
    with folder_lock(out_dir):
        for name in OUTPUT_FILES:
            source = out_dir / name
            if not source.is_file():
                continue
            target = source.with_suffix(".parquet")
            partial = target.with_suffix(".parquet.partial")
            pq.write_table(jsonl_to_table(source), partial)
            os.replace(partial, target)
            written.append(target)
        add_companions(out_dir, written)
    return written
