"""Parquet copies of the JSONL outputs, for analysts (pandas, DuckDB, Spark ...).

The contract's fields (:mod:`vnextract.output.contract`) get fixed Arrow types, so a column
that happens to be all null in one run (``value_max``) still has its real type; fields
it does not name are kept with the type Arrow infers, or as JSON text when it cannot.
Files are written to a temporary name and renamed, so a reader never sees half a file.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

from vnextract.core.extras import missing_extra

try:
    import pyarrow as pa
    import pyarrow.parquet as pq
except ImportError as exc:
    raise missing_extra(exc, "parquet", "Parquet output (--parquet)") from None

from vnextract.core.errors import Errors
from vnextract.output.contract import BY_FILE, FILE_TABLES, REVIEW_NOTE, columns
from vnextract.output.db.output import OUTPUT_FILES, OutputError
from vnextract.output.jsonl import kind_error, read_jsonl
from vnextract.output.outset import add_companions, folder_lock

_NOTE = pa.struct(
    [(f.name, pa.string() if f.kind == "str" else pa.int64()) for f in REVIEW_NOTE.fields]
)
_ARROW: dict[str, pa.DataType] = {
    "str": pa.string(),
    "int": pa.int64(),
    "float": pa.float64(),
    "bool": pa.bool_(),
    "list[str]": pa.list_(pa.string()),
    "list[note]": pa.list_(_NOTE),
}
#: Arrow columns of each JSONL file, in contract order (documents' review_notes as structs).
SCHEMAS: dict[str, list[tuple[str, pa.DataType]]] = {
    table.file: [(f.name, _ARROW[f.kind]) for f in table.fields]
    for table in FILE_TABLES
    if table.file
}


def _problems(name: str, number: int, row: dict[str, Any]) -> list[str]:
    """Values Arrow could not store in their fixed type, or would store only in part."""
    found = []
    for field in BY_FILE[name].fields:
        value = row.get(field.name)
        wrong = None if value is None else kind_error(field, value)
        if wrong is None and field.kind == "list[note]" and value:
            unknown = sorted({k for note in value for k in note} - set(columns("review_notes")))
            if unknown:  # a struct column would drop them without a word
                wrong = f"field '{field.name}' has items with fields {unknown} the contract lacks"
        if wrong is not None:
            found.append(Errors.E302.format(file=name, line=number, what=wrong))
    return found


def _extra_column(values: list[Any]) -> pa.Array:
    try:
        return pa.array(values)
    except (pa.ArrowInvalid, pa.ArrowTypeError):
        return pa.array(
            [None if v is None else json.dumps(v, ensure_ascii=False) for v in values], pa.string()
        )


def jsonl_to_table(path: Path) -> pa.Table:
    """One JSONL output file as an Arrow table with the types of :data:`SCHEMAS`."""
    problems: list[str] = []
    rows = []
    for number, obj in read_jsonl(path, problems):
        problems.extend(_problems(path.name, number, obj))
        rows.append(obj)
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
