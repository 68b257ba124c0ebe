"""Schema versions: a fresh database is stamped, later migrations run once, failures roll back."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sqlalchemy import Connection, inspect, text

import db_fixtures
from db_fixtures import connect, rows, sample_doc, write_output
from vnextract.output.db import MIGRATIONS, DatabaseError, current_version, load_output, migrate
from vnextract.output.db.engine import make_engine
from vnextract.output.db.migrations import Migration

db_url = db_fixtures.db_url


def _add_language(conn: Connection) -> None:
    conn.execute(text("ALTER TABLE documents ADD COLUMN language TEXT"))
    conn.execute(text("UPDATE documents SET language = 'vi'"))


def _half_then_fail(conn: Connection) -> None:
    conn.execute(text("ALTER TABLE documents ADD COLUMN language TEXT"))
    raise RuntimeError("migration bug")


def _columns(url: str, table: str = "documents") -> set[str]:
    engine = connect(url)
    try:
        return {c["name"] for c in inspect(engine).get_columns(table)}
    finally:
        engine.dispose()


@pytest.mark.parametrize("times", [2])
def test_migrations_fresh_database_is_baseline(db_url: str, times: int) -> None:
    engine = make_engine(db_url)
    try:
        applied = [migrate(engine) for _ in range(times)]
        assert applied == [[m.version for m in MIGRATIONS], []]
        assert current_version(engine) == MIGRATIONS[-1].version
    finally:
        engine.dispose()
    baseline = [(m.version, "baseline") for m in MIGRATIONS]
    assert rows(db_url, "SELECT version, how FROM migrations ORDER BY version") == baseline
    names = set(_columns(db_url))
    assert {"doc_id", "sha256", "text", "rules_digest", "content_hash"} <= names
    assert {"pid", "host"} <= set(_columns(db_url, "runs"))


LATEST = MIGRATIONS[-1].version
NEXT = LATEST + 1


@pytest.mark.parametrize("new", [Migration(NEXT, "documents.language", _add_language)])
def test_migrations_new_migration_runs_once(tmp_path: Path, db_url: str, new: Migration) -> None:
    load_output(write_output(tmp_path / "out", [sample_doc(0)]), db_url)
    engine = make_engine(db_url)
    try:
        assert migrate(engine, [*MIGRATIONS, new]) == [NEXT]
        assert migrate(engine, [*MIGRATIONS, new]) == []
        assert current_version(engine) == NEXT
    finally:
        engine.dispose()
    assert rows(db_url, "SELECT version, how FROM migrations ORDER BY version") == [
        *((m.version, "baseline") for m in MIGRATIONS),
        (NEXT, "applied"),
    ]
    assert rows(db_url, "SELECT doc_id, language FROM documents") == [("000_baocao", "vi")]


@pytest.mark.parametrize("broken", [Migration(NEXT, "broken", _half_then_fail)])
def test_migrations_failure_rolls_back(db_url: str, broken: Migration) -> None:
    engine = make_engine(db_url)
    try:
        migrate(engine)
        with pytest.raises(RuntimeError, match="migration bug"):
            migrate(engine, [*MIGRATIONS, broken])
        assert current_version(engine) == LATEST
    finally:
        engine.dispose()
    assert "language" not in _columns(db_url)  # the ALTER was rolled back with the rest
    assert rows(db_url, "SELECT version FROM migrations ORDER BY version") == [
        (m.version,) for m in MIGRATIONS
    ]


@pytest.mark.parametrize("future", [Migration(9, "from the future", _add_language)])
def test_migrations_newer_database_refused(db_url: str, future: Migration) -> None:
    engine = make_engine(db_url)
    try:
        migrate(engine, [*MIGRATIONS, future])
        with pytest.raises(DatabaseError, match=r"schema version 9.*pip install -U vnextract"):
            migrate(engine)
    finally:
        engine.dispose()


# the columns each later migration adds: dropped to make a database as version 1 made it
ADDED = {
    2: {"runs": ("pid", "host")},
    3: {
        "documents": (
            "schema_version", "n_records", "n_entities", "n_officials", "review_notes",
            "encoding", "encoding_confidence", "decoding", "decoding_warnings",
        ),
        "records": ("expr_char_end",),
        "entities": ("issued", "issuer", "successor"),
    },
}  # fmt: skip


def _as_version(engine, version: int) -> None:
    """Make ``engine``'s database the one vnextract at schema ``version`` created."""
    migrate(engine, MIGRATIONS[:version])
    with engine.begin() as conn:
        for later in range(version + 1, LATEST + 1):
            for table, names in ADDED[later].items():
                for name in names:
                    conn.execute(text(f"ALTER TABLE {table} DROP COLUMN {name}"))


def _shape(url: str) -> dict[str, dict[str, str]]:
    engine = connect(url)
    try:
        found = inspect(engine)
        return {
            t: {c["name"]: str(c["type"]) for c in found.get_columns(t)}
            for t in found.get_table_names()
        }
    finally:
        engine.dispose()


def test_migrations_added_columns_listed() -> None:
    assert sorted(ADDED) == [m.version for m in MIGRATIONS[1:]]


@pytest.mark.parametrize("version", [1, 2])
def test_migrations_old_database_reaches_fresh_shape(
    tmp_path: Path, db_url: str, version: int
) -> None:
    # the fresh database is made on the same backend: column types are the backend's own
    engine = make_engine(db_url)
    try:
        migrate(engine)
    finally:
        engine.dispose()
    fresh = _shape(db_url)
    _drop_everything(db_url)
    engine = make_engine(db_url)
    try:
        _as_version(engine, version)
        assert not set(ADDED[LATEST]["documents"]) & _columns(db_url)
        assert migrate(engine) == list(range(version + 1, LATEST + 1))
    finally:
        engine.dispose()
    assert _shape(db_url) == fresh


def _drop_everything(url: str) -> None:
    """Empty the database behind ``url`` (its views first, then its tables)."""
    engine = connect(url)
    try:
        found = inspect(engine)
        views, tables = found.get_view_names(), found.get_table_names()
        with engine.begin() as conn:
            cascade = " CASCADE" if conn.dialect.name == "postgresql" else ""
            for view in views:
                conn.execute(text(f"DROP VIEW IF EXISTS {view}{cascade}"))
            for table in tables:
                conn.execute(text(f"DROP TABLE IF EXISTS {table}{cascade}"))
    finally:
        engine.dispose()


_NOTE = {"kind": "number_without_record", "text": "7", "char_start": 0, "char_end": 1}


@pytest.mark.parametrize(
    ("extra", "moved", "left"),
    [
        (
            {"encoding": "tcvn3", "n_records": 3, "review_notes": [_NOTE], "nhan_xet": "x"},
            {"encoding": "tcvn3", "n_records": 3, "review_notes": json.dumps([_NOTE])},
            {"nhan_xet": "x"},
        ),
        ({"decoding_warnings": ["0x81 at 9"]}, {"decoding_warnings": '["0x81 at 9"]'}, None),
        # a value of the wrong kind cannot go into its column: it stays where it was
        ({"n_records": "ba", "encoding": None}, {"n_records": None, "encoding": None},
         {"n_records": "ba"}),
    ],
)  # fmt: skip
def test_migrations_version_2_extra_moves_into_columns(
    tmp_path: Path, db_url: str, extra: dict, moved: dict, left: dict | None
) -> None:
    engine = make_engine(db_url)
    try:
        _as_version(engine, 2)
        with engine.begin() as conn:  # a document as a version-2 load stored a newer line
            conn.execute(
                text(
                    "INSERT INTO runs (run_id, started_at, status, vnextract_version, "
                    "documents_seen, documents_written, documents_unchanged, records_written, "
                    "entities_written, officials_written) "
                    "VALUES (1, '2024-05-02', 'complete', '0.1', 1, 1, 0, 0, 0, 0)"
                )
            )
            conn.execute(
                text(
                    "INSERT INTO documents (doc_id, sha256, status, text, extra, content_hash, "
                    "run_id, loaded_at) VALUES ('bai_1', 'ab', 'ok', 'Có 7 xã.', :extra, 'cd', "
                    "1, '2024-05-02')"
                ),
                {"extra": json.dumps(extra)},
            )
    finally:
        engine.dispose()
    engine = make_engine(db_url)
    try:
        assert migrate(engine) == [3]
    finally:
        engine.dispose()
    names = ", ".join(moved)
    (*values, rest) = rows(db_url, f"SELECT {names}, extra FROM documents")[0]
    assert dict(zip(moved, values, strict=True)) == moved
    assert (json.loads(rest) if rest else None) == left
