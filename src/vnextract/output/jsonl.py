"""The one reader of vnextract's JSONL output files, checked against the contract.

The database loader, the Parquet writer and the review report all read output
folders through :func:`read_jsonl`; :func:`check_row` checks a row's fields against
its :class:`~vnextract.output.contract.Table`. Problems are collected, each as
``file:line: what. Fix``, so a caller reports every one at once.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from vnextract.core.errors import Errors
from vnextract.output.contract import PY_TYPES, Field, Table


def read_jsonl(path: Path, problems: list[str]) -> Iterator[tuple[int, dict[str, Any]]]:
    """Yield (line number, object) for each non-blank line of an output file.

    A line that is not JSON, or not a JSON object, is skipped and described in
    ``problems`` as ``file:line: what. Fix`` (so a caller can report every one at once).
    """
    with Path(path).open(encoding="utf-8") as handle:
        for number, line in enumerate(handle, start=1):
            if not line.strip():
                continue
            try:
                obj = json.loads(line)
            except json.JSONDecodeError as exc:
                reason = f"{exc.msg} at column {exc.colno}"
                problems.append(Errors.E301.format(file=path.name, line=number, reason=reason))
                continue
            if not isinstance(obj, dict):
                what = "not a JSON object"
                problems.append(Errors.E302.format(file=path.name, line=number, what=what))
                continue
            yield number, obj


def kind_error(field: Field, value: Any) -> str | None:
    """Why ``value`` does not fit ``field``; None when it does."""
    types = PY_TYPES[field.kind]
    # bool is an int in Python; a count or offset of true/false is a bug upstream
    if not isinstance(value, types) or (isinstance(value, bool) and bool not in types):
        want = " or ".join(t.__name__ for t in types)
        return f"field '{field.name}' should be {want}, got {value!r}"
    item = {"list[str]": str, "list[note]": dict}.get(field.kind)
    if item is not None and not all(isinstance(v, item) for v in value):
        return f"field '{field.name}' should hold only {item.__name__} items"
    return None


def check_row(
    table: Table, file: str, number: int, obj: dict[str, Any], problems: list[str]
) -> dict[str, Any] | None:
    """The row's fields in contract order, defaults filled in; None when one is wrong.

    Ints given for floats become floats; problems go to ``problems`` as ``file:line``.
    Fields the contract does not name are left to the caller.
    """
    row: dict[str, Any] = {}
    ok = True
    for field in table.fields:
        value = obj.get(field.name)
        if value is None:
            if field.required:
                what = f"missing field '{field.name}'"
                problems.append(Errors.E302.format(file=file, line=number, what=what))
                ok = False
            row[field.name] = field.default
            continue
        wrong = kind_error(field, value)
        if wrong is not None:
            problems.append(Errors.E302.format(file=file, line=number, what=wrong))
            ok = False
            continue
        row[field.name] = float(value) if field.kind == "float" else value
    return row if ok else None
