"""Writing rows: upserts, ids in chunks, the database made ready (migrated) first."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Connection, Engine, Table
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.exc import OperationalError

from vnextract.core.errors import Errors
from vnextract.output.db.engine import (
    DatabaseError,
)
from vnextract.output.db.migrations import migrate

_CHUNK = 500  # ids per IN (...) list, well below SQLite's and psycopg's parameter limits


def now() -> datetime:
    """The time in UTC, without a zone (the columns are naive UTC)."""
    return datetime.now(UTC).replace(tzinfo=None)


def chunks(items: list, size: int = _CHUNK) -> Iterable[list]:
    """``items`` in lists of at most ``size``."""
    for i in range(0, len(items), size):
        yield items[i : i + size]


def upsert(conn: Connection, table: Table, rows: list[dict[str, Any]]) -> None:
    """Insert ``rows``, replacing any row with the same primary key (SQLite and PostgreSQL)."""
    if not rows:
        return
    insert = postgresql.insert if conn.dialect.name == "postgresql" else sqlite.insert
    stmt = insert(table)
    keys = [c.name for c in table.primary_key.columns]
    changes = {c.name: stmt.excluded[c.name] for c in table.columns if c.name not in keys}
    conn.execute(stmt.on_conflict_do_update(index_elements=keys, set_=changes), rows)


def ready(engine: Engine) -> None:
    """Migrate, turning "cannot open or write the database" into an error that says what to do."""
    try:
        migrate(engine)
    except OperationalError as exc:
        reason = str(exc.orig).strip().splitlines()[0] if exc.orig else str(exc)
        url = engine.url.render_as_string()
        raise DatabaseError(Errors.E311.format(url=url, reason=reason)) from exc
