"""Reviewer decisions: the exchange format between the review report and the database.

A reviewer accepts or rejects indicator records; the review report exports the
decisions as either

* CSV (UTF-8, a BOM from spreadsheet programs is fine) with the header
  ``record_id,doc_id,decision,note,reviewer,decided_at``, or
* JSON: a list of objects with those keys.

``decision`` is ``accepted`` or ``rejected``; ``decided_at`` is an ISO 8601
date-time (``2024-05-02T14:30:00+07:00``; without an offset it is read as UTC);
``note`` and ``reviewer`` may be empty. When a record has several decisions, the
latest one counts (see the ``latest_decisions`` view). :func:`write_decisions`
writes the same format, so the report and the loader cannot drift apart.
"""

from __future__ import annotations

import csv
import hashlib
import json
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from vnextract.core.errors import Errors, VnextractError
from vnextract.output.contract import TABLES, columns

FIELDS = tuple(columns("decisions"))
REQUIRED = tuple(f.name for f in TABLES["decisions"].fields if f.required)
CHOICES = ("accepted", "rejected")


class DecisionError(VnextractError):
    """A decisions file has bad rows; ``problems`` lists each as 'file:line: what. Fix: how'."""

    def __init__(self, message: str, problems: list[str] | None = None) -> None:
        self.problems = problems or []
        super().__init__(message)


@dataclass(frozen=True, slots=True)
class Decision:
    """One reviewer's verdict on one record; ``decided_at`` is timezone-aware."""

    record_id: str
    doc_id: str
    decision: str
    decided_at: datetime
    note: str | None = None
    reviewer: str | None = None

    @property
    def decision_id(self) -> str:
        """Stable id: the same verdict loaded twice is one row."""
        key = "\x1f".join([self.record_id, self.reviewer or "", self.decided_at.isoformat()])
        return hashlib.sha256(key.encode("utf-8")).hexdigest()[:20]

    def as_row(self) -> dict[str, str]:
        """The row as exported: every field a string, empty for missing."""
        return {
            "record_id": self.record_id,
            "doc_id": self.doc_id,
            "decision": self.decision,
            "note": self.note or "",
            "reviewer": self.reviewer or "",
            "decided_at": self.decided_at.isoformat(),
        }


def _parse_time(value: str) -> datetime | None:
    try:
        moment = datetime.fromisoformat(value.strip())
    except ValueError:
        return None
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def _decision(name: str, line: int, raw: dict[str, Any], problems: list[str]) -> Decision | None:
    values = {}
    for key in FIELDS:
        value = raw.get(key)
        if value is not None and not isinstance(value, str):
            problems.append(
                Errors.E321.format(
                    file=name, line=line, what=f"{key} is {value!r}", fix="give it as text"
                )
            )
            return None
        values[key] = (value or "").strip()
    bad_before = len(problems)
    for key in REQUIRED:
        if not values[key]:
            fix = "fill it in (record_id and doc_id as in records.jsonl)"
            problems.append(
                Errors.E321.format(file=name, line=line, what=f"{key} is empty", fix=fix)
            )
    decision = values["decision"].lower()
    if values["decision"] and decision not in CHOICES:
        what = f"decision {values['decision']!r} is not 'accepted' or 'rejected'"
        problems.append(Errors.E321.format(file=name, line=line, what=what, fix="use one of them"))
    moment = _parse_time(values["decided_at"]) if values["decided_at"] else None
    if values["decided_at"] and moment is None:
        what = f"decided_at {values['decided_at']!r} is not an ISO date-time"
        fix = "write it like 2024-05-02T14:30:00+07:00"
        problems.append(Errors.E321.format(file=name, line=line, what=what, fix=fix))
    if len(problems) > bad_before or moment is None:
        return None
    return Decision(
        record_id=values["record_id"],
        doc_id=values["doc_id"],
        decision=decision,
        decided_at=moment,
        note=values["note"] or None,
        reviewer=values["reviewer"] or None,
    )


def _csv_rows(path: Path) -> list[tuple[int, dict[str, Any]]]:
    with path.open(encoding="utf-8-sig", newline="") as handle:
        reader = csv.DictReader(handle)
        header = reader.fieldnames or []
        missing = [f for f in FIELDS if f not in header]
        if missing:
            reason = f"the header {','.join(header) or '(none)'} lacks {', '.join(missing)}"
            raise DecisionError(Errors.E322.format(file=path.name, reason=reason))
        rows, line = [], reader.line_num + 1
        for raw in reader:
            rows.append((line, raw))  # the line a row starts on, even for quoted line breaks
            line = reader.line_num + 1
        return rows


def _json_rows(path: Path) -> list[tuple[int, Any]]:
    """Each object of the top-level list with the line it starts on."""
    source = path.read_text(encoding="utf-8-sig")
    decoder = json.JSONDecoder()
    try:
        data = json.loads(source)
    except json.JSONDecodeError as exc:
        raise DecisionError(
            Errors.E321.format(
                file=path.name,
                line=exc.lineno,
                what=f"not valid JSON ({exc.msg})",
                fix="correct it",
            )
        ) from exc
    if not isinstance(data, list):
        raise DecisionError(Errors.E322.format(file=path.name, reason="JSON is not a list"))
    rows: list[tuple[int, Any]] = []
    pos = source.index("[") + 1
    for _ in data:
        while source[pos] in " \t\r\n,":
            pos += 1
        item, end = decoder.raw_decode(source, pos)
        line = source.count("\n", 0, pos) + 1
        rows.append((line, item))
        pos = end
    return rows


def read_decisions(path: Path | str) -> list[Decision]:
    """Read a decisions file exported from the review report.

    Args:
        path: a ``.csv`` or ``.json`` file in the format described in this module.
    Returns:
        The decisions in file order.
    Raises:
        DecisionError: every bad row, each as ``file:line: what. Fix: how``.
    """
    path = Path(path)
    if not path.is_file():
        raise DecisionError(Errors.E322.format(file=path, reason="no such file"))
    suffix = path.suffix.lower()
    if suffix == ".csv":
        rows = _csv_rows(path)
    elif suffix == ".json":
        rows = _json_rows(path)
    else:
        raise DecisionError(Errors.E322.format(file=path.name, reason=f"'{suffix}' file"))
    problems: list[str] = []
    decisions = []
    for line, raw in rows:
        if not isinstance(raw, dict):
            what, fix = "the item is not an object", "give an object with record_id, doc_id ..."
            problems.append(Errors.E321.format(file=path.name, line=line, what=what, fix=fix))
            continue
        found = _decision(path.name, line, raw, problems)
        if found is not None:
            decisions.append(found)
    if problems:
        text = "\n".join("  " + p for p in problems)
        raise DecisionError(
            Errors.E320.format(file=path.name, count=len(problems), problems=text), problems
        )
    return decisions


def write_decisions(decisions: list[Decision], path: Path | str) -> Path:
    """Write decisions as CSV or JSON (by the file's suffix) in the format read above."""
    path = Path(path)
    rows = [d.as_row() for d in decisions]
    if path.suffix.lower() == ".json":
        path.write_text(json.dumps(rows, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    else:
        with path.open("w", encoding="utf-8", newline="") as handle:
            writer = csv.DictWriter(handle, fieldnames=FIELDS)
            writer.writeheader()
            writer.writerows(rows)
    return path
