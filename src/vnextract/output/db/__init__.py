"""Feed vnextract's output into databases: SQLite by default, PostgreSQL for teams.

    from vnextract.output.db import load_output
    stats = load_output("output", "postgresql://me@localhost/stats")

See docs/DATABASE.md for the schema and example queries.
"""

from __future__ import annotations

from pathlib import Path

from vnextract.core.extras import missing_extra

try:
    import sqlalchemy  # noqa: F401 (checked here so that a missing extra is one clear line)
except ImportError as exc:
    raise missing_extra(exc, "db", "the database (--db, vnextract load)") from None

from vnextract.output.db.engine import (
    DEFAULT_DB_URL,
    DatabaseError,
    default_url,
    make_engine,
    normalise_url,
)
from vnextract.output.db.load import (
    LoadStats,
    load_decisions,
    load_output,
    split_unchanged,
    unchanged_documents,
)
from vnextract.output.db.migrations import MIGRATIONS, current_version, migrate
from vnextract.output.db.output import OutputError, read_output

__all__ = [
    "DEFAULT_DB_URL",
    "MIGRATIONS",
    "DatabaseError",
    "LoadStats",
    "OutputError",
    "current_version",
    "default_url",
    "load_decisions",
    "load_output",
    "make_engine",
    "migrate",
    "normalise_url",
    "read_output",
    "split_unchanged",
    "unchanged_documents",
    "write_parquet",
]


def write_parquet(out_dir: str | Path) -> list[Path]:
    """Parquet copies of an output folder's files (:func:`vnextract.output.parquet.write_parquet`;
    pyarrow, the ``[parquet]`` extra, is imported only when this is called)."""
    from vnextract.output.parquet import write_parquet as write

    return write(out_dir)
