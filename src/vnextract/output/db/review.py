"""Reviewers' decisions into the database: idempotent, a changed decision replaced."""

from __future__ import annotations

from datetime import UTC
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, select

from vnextract.core.errors import Errors
from vnextract.output.contract import columns
from vnextract.output.db import schema
from vnextract.output.db.decisions import read_decisions
from vnextract.output.db.engine import (
    DatabaseError,
    make_engine,
)
from vnextract.output.db.upsert import chunks, now, ready, upsert


def load_decisions(path: Path | str, url: str | None = None) -> int:
    """Load reviewer decisions (see :mod:`vnextract.output.db.decisions`) into the database.

    Loading the same file again changes nothing: a decision's id is a hash of its
    record, reviewer and time. The ``accepted_records`` view then returns the
    records whose latest decision is ``accepted``.

    Args:
        path: a .csv or .json file exported from the review report.
        url: database URL (None for the default).
    Returns:
        The number of decisions in the file.
    Raises:
        DecisionError: a bad row (file and line given).
        DatabaseError: a decision names a record the database does not hold.
    """
    path = Path(path)
    decisions = read_decisions(path)
    engine = make_engine(url)
    try:
        ready(engine)
        records = schema.records
        with engine.begin() as conn:
            known: set[tuple[str, str]] = set()
            ids = sorted({d.record_id for d in decisions})
            for part in chunks(ids):
                query = select(records.c.record_id, records.c.doc_id).where(
                    records.c.record_id.in_(part)
                )
                known.update((r, d) for r, d in conn.execute(query))
            missing = [d for d in decisions if (d.record_id, d.doc_id) not in known]
            if missing:
                raise DatabaseError(
                    Errors.E323.format(
                        count=len(missing),
                        url=engine.url.render_as_string(),
                        first=f"{missing[0].record_id} of {missing[0].doc_id}",
                    )
                )
            loaded_at = now()
            rows = [
                {
                    "decision_id": d.decision_id,
                    "record_id": d.record_id,
                    "doc_id": d.doc_id,
                    "decision": d.decision,
                    "note": d.note,
                    "reviewer": d.reviewer,
                    "decided_at": d.decided_at.astimezone(UTC).replace(tzinfo=None),
                    "source": path.name,
                    "loaded_at": loaded_at,
                }
                for d in decisions
            ]
            _upsert_unchanged_kept(conn, rows)
        return len(decisions)
    finally:
        engine.dispose()


def _upsert_unchanged_kept(conn: Connection, rows: list[dict[str, Any]]) -> None:
    """Upsert decisions, but leave rows whose content is the same (their loaded_at stays)."""
    table = schema.decisions
    content = columns("decisions")
    existing: dict[str, tuple] = {}
    for part in chunks([r["decision_id"] for r in rows]):
        query = select(table.c.decision_id, *(table.c[c] for c in content)).where(
            table.c.decision_id.in_(part)
        )
        existing.update((row[0], tuple(row[1:])) for row in conn.execute(query))
    changed = [r for r in rows if existing.get(r["decision_id"]) != tuple(r[c] for c in content)]
    upsert(conn, table, changed)
