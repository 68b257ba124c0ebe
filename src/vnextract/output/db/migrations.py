"""Schema versions: ordered migrations, each recorded in the ``migrations`` table.

A fresh database is created from the current definitions in
:mod:`vnextract.output.db.schema` and stamped with the latest version ("baseline"); an
existing one runs, in order and once each, the migrations it has not recorded.
So a schema change is two edits: the table definition in ``schema.py`` (for new
databases) and a new :class:`Migration` here (for existing ones). Every step runs
in one transaction with the version bump, so a failed migration leaves nothing
half-done (PostgreSQL and, through our BEGIN handling, SQLite both roll back DDL).
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Connection, Engine, Table, inspect, select, text, update

from vnextract.core.errors import Errors
from vnextract.output.contract import TABLES
from vnextract.output.db import schema
from vnextract.output.db.engine import DatabaseError
from vnextract.output.jsonl import kind_error


@dataclass(frozen=True)
class Migration:
    """One schema change: ``apply`` gets a connection inside the migration's transaction."""

    version: int
    name: str
    apply: Callable[[Connection], None]


def create_views(conn: Connection) -> None:
    """Create every view in :data:`schema.VIEWS` (in order: later views use earlier ones)."""
    for name, sql in schema.VIEWS.items():
        conn.execute(text(f"CREATE VIEW {name} AS {sql}"))


def drop_views(conn: Connection) -> None:
    """Drop the views, latest first; a migration that changes a view drops and recreates all."""
    for name in reversed(schema.VIEWS):
        conn.execute(text(f"DROP VIEW IF EXISTS {name}"))


def _initial(conn: Connection) -> None:
    schema.metadata.create_all(conn)
    create_views(conn)


def _runs_process(conn: Connection) -> None:
    conn.execute(text("ALTER TABLE runs ADD COLUMN pid INTEGER"))
    conn.execute(text("ALTER TABLE runs ADD COLUMN host TEXT"))


# the fields JSONL carried before they had columns (they sat in each row's ``extra``)
_CONTRACT_COLUMNS = {
    "documents": (
        "schema_version", "n_records", "n_entities", "n_officials", "review_notes", "encoding",
        "encoding_confidence", "decoding", "decoding_warnings",
    ),
    "records": ("expr_char_end",),
    "entities": ("issued", "issuer", "successor"),
}  # fmt: skip


def _contract_columns(conn: Connection) -> None:
    """Add the columns, then move their values out of ``extra`` (a value of the wrong kind
    stays there), so the rows read as a fresh load of the same output would write them."""
    for name, fields in _CONTRACT_COLUMNS.items():
        table = schema.metadata.tables[name]
        for field in fields:
            kind = table.c[field].type.compile(dialect=conn.dialect)
            conn.execute(text(f"ALTER TABLE {name} ADD COLUMN {field} {kind}"))
        _move_out_of_extra(conn, table, fields)


def _move_out_of_extra(conn: Connection, table: Table, fields: tuple[str, ...]) -> None:
    key = next(iter(table.primary_key.columns))
    contract = TABLES[table.name]
    query = select(key, table.c.extra).where(table.c.extra.is_not(None))
    for row_id, extra_text in conn.execute(query).all():
        extra = json.loads(extra_text)
        values: dict[str, Any] = {}
        for field in fields:
            value = extra.get(field)
            if field in extra and (
                value is None or kind_error(contract.field(field), value) is None
            ):
                del extra[field]
                values[field] = (
                    json.dumps(value, ensure_ascii=False) if isinstance(value, list) else value
                )
        if values:
            values["extra"] = (
                json.dumps(extra, ensure_ascii=False, sort_keys=True) if extra else None
            )
            conn.execute(update(table).where(key == row_id).values(**values))


MIGRATIONS: tuple[Migration, ...] = (
    Migration(1, "tables, indexes, foreign keys and views of vnextract 0.1", _initial),
    Migration(2, "runs.pid and runs.host: tell a killed load from a running one", _runs_process),
    Migration(
        3,
        "columns for every contract field (documents' decoding and counts, "
        "records.expr_char_end, entities.issued/issuer/successor), moved out of extra",
        _contract_columns,
    ),
)

# any constant: it serialises migrations of concurrent loaders on one PostgreSQL database
_PG_LOCK_KEY = 7_126_350_301


def _now() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)


def current_version(engine: Engine) -> int:
    """The database's schema version; 0 for an empty database."""
    with engine.connect() as conn:
        if not inspect(conn).has_table("schema_version"):
            return 0
        return conn.execute(select(schema.schema_version.c.version)).scalar() or 0


def migrate(engine: Engine, migrations: Sequence[Migration] = MIGRATIONS) -> list[int]:
    """Bring the database to the latest schema version.

    Args:
        engine: from :func:`vnextract.output.db.engine.make_engine`.
        migrations: the ordered migrations (tests pass extra ones).
    Returns:
        The versions applied now (empty when the database was up to date).
    """
    latest = max(m.version for m in migrations)
    with engine.begin() as conn:
        if conn.dialect.name == "postgresql":
            conn.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": _PG_LOCK_KEY})
        fresh = not inspect(conn).has_table("documents")
        schema.metadata.create_all(conn, tables=[schema.schema_version, schema.migrations])
        done = set(conn.execute(select(schema.migrations.c.version)).scalars())
        if done and max(done) > latest:
            raise DatabaseError(
                Errors.E313.format(url=engine.url.render_as_string(), found=max(done), known=latest)
            )
        if fresh and not done:
            _initial(conn)
            todo, how = list(migrations), "baseline"
        else:
            todo, how = [m for m in migrations if m.version not in done], "applied"
        for migration in sorted(todo, key=lambda m: m.version):
            if how == "applied":
                migration.apply(conn)
            conn.execute(
                schema.migrations.insert().values(
                    version=migration.version, name=migration.name, applied_at=_now(), how=how
                )
            )
        if todo or not done:
            conn.execute(schema.schema_version.delete())
            conn.execute(
                schema.schema_version.insert().values(id=1, version=latest, updated_at=_now())
            )
    return [m.version for m in sorted(todo, key=lambda m: m.version)]
