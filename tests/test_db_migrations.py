"""Schema versions: a fresh database is stamped, later migrations run once, failures roll back."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import Connection, inspect, text

import db_fixtures
from db_fixtures import connect, rows, sample_doc, write_output
from vnextract.db import MIGRATIONS, DatabaseError, current_version, load_output, migrate
from vnextract.db.engine import make_engine
from vnextract.db.migrations import Migration

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


@pytest.mark.parametrize("new", [Migration(3, "documents.language", _add_language)])
def test_migrations_new_migration_runs_once(tmp_path: Path, db_url: str, new: Migration) -> None:
    load_output(write_output(tmp_path / "out", [sample_doc(0)]), db_url)
    engine = make_engine(db_url)
    try:
        assert migrate(engine, [*MIGRATIONS, new]) == [3]
        assert migrate(engine, [*MIGRATIONS, new]) == []
        assert current_version(engine) == 3
    finally:
        engine.dispose()
    assert rows(db_url, "SELECT version, how FROM migrations ORDER BY version") == [
        (1, "baseline"),
        (2, "baseline"),
        (3, "applied"),
    ]
    assert rows(db_url, "SELECT doc_id, language FROM documents") == [("000_baocao", "vi")]


@pytest.mark.parametrize("broken", [Migration(3, "broken", _half_then_fail)])
def test_migrations_failure_rolls_back(db_url: str, broken: Migration) -> None:
    engine = make_engine(db_url)
    try:
        migrate(engine)
        with pytest.raises(RuntimeError, match="migration bug"):
            migrate(engine, [*MIGRATIONS, broken])
        assert current_version(engine) == 2
    finally:
        engine.dispose()
    assert "language" not in _columns(db_url)  # the ALTER was rolled back with the rest
    assert rows(db_url, "SELECT version FROM migrations ORDER BY version") == [(1,), (2,)]


@pytest.mark.parametrize("future", [Migration(9, "from the future", _add_language)])
def test_migrations_newer_database_refused(db_url: str, future: Migration) -> None:
    engine = make_engine(db_url)
    try:
        migrate(engine, [*MIGRATIONS, future])
        with pytest.raises(DatabaseError, match=r"schema version 9.*pip install -U vnextract"):
            migrate(engine)
    finally:
        engine.dispose()


@pytest.mark.parametrize("columns", [("pid", "host")])
def test_migrations_version_1_database_gains_run_process(db_url: str, columns) -> None:
    engine = make_engine(db_url)
    try:
        migrate(engine, MIGRATIONS[:1])
        with engine.begin() as conn:  # the runs table as vnextract 0.1 made it
            for name in columns:
                conn.execute(text(f"ALTER TABLE runs DROP COLUMN {name}"))
        assert not set(columns) & _columns(db_url, "runs")
        assert migrate(engine) == [2]
    finally:
        engine.dispose()
    assert set(columns) <= _columns(db_url, "runs")
