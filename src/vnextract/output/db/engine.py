"""Database URLs and engines: SQLite by default, PostgreSQL through psycopg.

SQLite gets two connection settings that the loader relies on: foreign keys are
enforced, and SQLAlchemy emits ``BEGIN`` itself so that DDL and DML share one
transaction (pysqlite otherwise commits DDL on its own, and an interrupted
migration or document would be half-written).
"""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import Engine, create_engine, event, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError

from vnextract.core.errors import Errors, VnextractError
from vnextract.core.extras import missing_extra

#: Where decisions go when neither ``--db`` nor an output folder is given.
DEFAULT_DB_URL = "sqlite:///output/vnextract.db"


def default_url(out_dir: Path | str) -> str:
    """The SQLite database of an output folder when no URL is given: ``OUT_DIR/vnextract.db``."""
    return f"sqlite:///{Path(out_dir) / 'vnextract.db'}"


class DatabaseError(VnextractError):
    """The database cannot be used: bad URL, server down, wrong encoding or schema."""


def normalise_url(url: str | None) -> str:
    """Turn what a user types into a SQLAlchemy URL.

    ``None`` is :data:`DEFAULT_DB_URL`; ``postgresql://`` and ``postgres://`` use
    psycopg 3 (SQLAlchemy would pick psycopg2, which is not installed); a bare
    path such as ``out/x.db`` is a SQLite file.
    """
    if url is None or not url.strip():
        return DEFAULT_DB_URL
    url = url.strip()
    if "://" not in url:
        return f"sqlite:///{url}"
    scheme, rest = url.split("://", 1)
    if scheme in {"postgresql", "postgres"}:
        return f"postgresql+psycopg://{rest}"
    if scheme not in {"sqlite", "postgresql+psycopg"}:
        raise DatabaseError(Errors.E310.format(url=url))
    return url


def sqlite_path(url: str) -> Path | None:
    """The file behind a SQLite URL (None for other backends and in-memory SQLite)."""
    parsed = make_url(normalise_url(url))
    if parsed.get_backend_name() != "sqlite" or parsed.database in (None, "", ":memory:"):
        return None
    return Path(parsed.database)


def make_engine(url: str | None = None, *, create: bool = True) -> Engine:
    """An engine for ``url`` (see :func:`normalise_url`).

    Args:
        url: database URL or SQLite path; None for :data:`DEFAULT_DB_URL`.
        create: make the SQLite file's folder if it is missing.
    Returns:
        A SQLAlchemy engine; for PostgreSQL the server encoding has been checked.
    """
    full = normalise_url(url)
    try:
        parsed = make_url(full)
    except ArgumentError as exc:
        raise DatabaseError(Errors.E310.format(url=url)) from exc
    shown = parsed.render_as_string(hide_password=True)
    if parsed.get_backend_name() == "postgresql":
        try:
            import psycopg  # noqa: F401 (the driver SQLAlchemy would fail to load)
        except ImportError as exc:
            raise missing_extra(exc, "postgres", "a PostgreSQL database") from None
    if parsed.get_backend_name() == "sqlite":
        path = sqlite_path(full)
        if path is not None and create:
            path.parent.mkdir(parents=True, exist_ok=True)
        # a loader waiting for another writer should wait, not fail at once
        engine = create_engine(parsed, connect_args={"timeout": 30})
        _sqlite_transactions(engine)
        return engine
    engine = create_engine(parsed, pool_pre_ping=True)
    try:
        with engine.connect() as conn:
            encoding = conn.execute(text("SHOW server_encoding")).scalar_one()
    except Exception as exc:  # the driver's many connection errors all mean "cannot open"
        engine.dispose()
        reason = str(getattr(exc, "orig", exc)).strip().splitlines()[0]
        raise DatabaseError(Errors.E311.format(url=shown, reason=reason)) from exc
    if encoding.upper() not in {"UTF8", "UTF-8"}:
        engine.dispose()
        raise DatabaseError(Errors.E312.format(url=shown, encoding=encoding))
    return engine


def _sqlite_transactions(engine: Engine) -> None:
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn, _record) -> None:
        dbapi_conn.isolation_level = None  # no implicit BEGIN/COMMIT from pysqlite
        cursor = dbapi_conn.cursor()
        cursor.execute("PRAGMA foreign_keys = ON")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn) -> None:
        conn.exec_driver_sql("BEGIN")
