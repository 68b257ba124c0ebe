"""Load an output folder into a database: idempotent, incremental, one transaction per document.

A document whose rows (and rule-files digest) are the same as last time is not
touched, so loading the same folder twice changes no row. A changed document
(new bytes, new rules or new extraction) has its old sentences, records,
entities and officials deleted and the new ones written in one transaction: a
load killed half-way leaves every earlier document complete and the current one
exactly as it was. Documents not in the folder are never deleted (a ``run`` that
skipped unchanged articles writes only the others).
"""

from __future__ import annotations

import hashlib
import os
import socket
import sys
import time
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Engine, Table, inspect, select, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.exc import OperationalError

from vnextract import __version__
from vnextract.core.errors import Errors
from vnextract.output.contract import columns
from vnextract.output.db import schema
from vnextract.output.db.decisions import read_decisions
from vnextract.output.db.engine import (
    DatabaseError,
    default_url,
    make_engine,
    normalise_url,
    sqlite_path,
)
from vnextract.output.db.migrations import migrate
from vnextract.output.db.output import DocumentRows, read_output

#: Test hook: pause (inside the transaction) while writing the document after the
#: first N written ones, so a test can kill the loader there. Not for production use.
PAUSE_ENV = "VNEXTRACT_DB_PAUSE_AFTER"
PAUSED_MARK = "vnextract-db: paused"

_CHUNK = 500  # ids per IN (...) list, well below SQLite's and psycopg's parameter limits


@dataclass
class LoadStats:
    """What one :func:`load_output` call did."""

    url: str
    run_id: int
    documents_seen: int = 0
    documents_written: int = 0
    documents_unchanged: int = 0
    sentences_written: int = 0
    records_written: int = 0
    entities_written: int = 0
    officials_written: int = 0

    def line(self) -> str:
        """The one-line summary the command line prints."""
        return (
            f"{self.documents_written} documents written, {self.documents_unchanged} unchanged, "
            f"{self.records_written} records, {self.entities_written} entities -> {self.url}"
        )


def _now() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)


def _chunks(items: list, size: int = _CHUNK) -> Iterable[list]:
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


def _ready(engine: Engine) -> None:
    """Migrate, turning "cannot open or write the database" into an error that says what to do."""
    try:
        migrate(engine)
    except OperationalError as exc:
        reason = str(exc.orig).strip().splitlines()[0] if exc.orig else str(exc)
        url = engine.url.render_as_string()
        raise DatabaseError(Errors.E311.format(url=url, reason=reason)) from exc


def _stored_state(engine: Engine, doc_ids: list[str]) -> dict[str, tuple[str, str | None]]:
    docs = schema.documents
    found: dict[str, tuple[str, str | None]] = {}
    with engine.connect() as conn:
        for part in _chunks(doc_ids):
            query = select(docs.c.doc_id, docs.c.content_hash, docs.c.rules_digest).where(
                docs.c.doc_id.in_(part)
            )
            for doc_id, content_hash, digest in conn.execute(query):
                found[doc_id] = (content_hash, digest)
    return found


def _pause_point() -> int:
    try:
        return int(os.environ.get(PAUSE_ENV, "-1"))
    except ValueError:
        return -1


def _write_document(conn: Connection, doc: DocumentRows, row: dict[str, Any], pause: bool) -> None:
    doc_id = doc.doc_id
    upsert(conn, schema.documents, [row])
    # children first (records point at sentences), then write parents before children
    for table in (schema.records, schema.entities, schema.officials, schema.sentences):
        conn.execute(table.delete().where(table.c.doc_id == doc_id))
    upsert(conn, schema.sentences, list(doc.sentences.values()))
    upsert(conn, schema.records, list(doc.records.values()))
    if pause:
        print(PAUSED_MARK, file=sys.stderr, flush=True)
        time.sleep(3600)
    upsert(conn, schema.entities, list(doc.entities.values()))
    upsert(conn, schema.officials, list(doc.officials.values()))


def load_output(
    out_dir: Path | str,
    url: str | None = None,
    *,
    rules_digest: str | None = None,
) -> LoadStats:
    """Load the output folder ``out_dir`` into the database at ``url``.

    Args:
        out_dir: a folder written by ``vnextract run --out`` (see OUTPUT.md).
        url: database URL (default: ``vnextract.db`` in ``out_dir``); a bare path is SQLite.
        rules_digest: digest of the rule files that produced the folder
            (``default_rules().digest``); recorded so ``run`` can skip unchanged documents.
    Returns:
        Counts of what was written and what was already up to date.
    Raises:
        OutputError: the folder breaks the output contract (every problem listed).
        DatabaseError: the database cannot be opened or is newer than this version.
    """
    out_dir = Path(out_dir)
    bundles = read_output(out_dir)  # check the whole folder before touching the database
    engine = make_engine(url or default_url(out_dir))
    try:
        _ready(engine)
        _mark_dead_runs(engine)
        started = _now()
        with engine.begin() as conn:
            run_id = conn.execute(
                schema.runs.insert().values(
                    started_at=started,
                    status="running",
                    vnextract_version=__version__,
                    rules_digest=rules_digest,
                    source=str(out_dir),
                    documents_seen=len(bundles),
                    pid=os.getpid(),
                    host=socket.gethostname(),
                )
            ).inserted_primary_key[0]
        try:
            return _load(engine, run_id, bundles, rules_digest)
        except BaseException:
            # Ctrl-C, SIGTERM or an error: the documents written so far stay, and say so
            _set_status(engine, run_id, "interrupted")
            raise
    finally:
        engine.dispose()


def _set_status(engine: Engine, run_id: int, status: str) -> None:
    try:
        with engine.begin() as conn:
            query = update(schema.runs).where(schema.runs.c.run_id == run_id)
            conn.execute(query.values(status=status))
    except Exception:
        pass  # the database may be why we are here: keep the first error


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # someone else's process
    return True


def _mark_dead_runs(engine: Engine) -> int:
    """Mark 'running' loads of this host whose process is gone (killed) as 'interrupted'.

    A run of another host cannot be checked from here and keeps its status.
    """
    runs = schema.runs
    host = socket.gethostname()
    with engine.begin() as conn:
        query = select(runs.c.run_id, runs.c.pid).where(
            runs.c.status == "running", runs.c.host == host
        )
        dead = [run_id for run_id, pid in conn.execute(query) if pid is None or not _alive(pid)]
        for part in _chunks(dead):
            conn.execute(update(runs).where(runs.c.run_id.in_(part)).values(status="interrupted"))
    return len(dead)


def _load(
    engine: Engine, run_id: int, bundles: list[DocumentRows], rules_digest: str | None
) -> LoadStats:
    stats = LoadStats(url=engine.url.render_as_string(), run_id=run_id)
    stats.documents_seen = len(bundles)
    stored = _stored_state(engine, [b.doc_id for b in bundles])
    pause_after = _pause_point()
    for doc in bundles:
        content_hash = doc.content_hash()
        old_hash, old_digest = stored.get(doc.doc_id, (None, None))
        if old_hash == content_hash and (rules_digest is None or rules_digest == old_digest):
            stats.documents_unchanged += 1
            continue
        row = {
            **doc.document,
            "content_hash": content_hash,
            # same rows under unknown rules keep the digest they were recorded with
            "rules_digest": rules_digest or (old_digest if old_hash == content_hash else None),
            "run_id": run_id,
            "loaded_at": _now(),
        }
        with engine.begin() as conn:
            _write_document(conn, doc, row, pause=stats.documents_written == pause_after)
        stats.documents_written += 1
        stats.sentences_written += len(doc.sentences)
        stats.records_written += len(doc.records)
        stats.entities_written += len(doc.entities)
        stats.officials_written += len(doc.officials)
    with engine.begin() as conn:
        conn.execute(
            update(schema.runs)
            .where(schema.runs.c.run_id == run_id)
            .values(
                finished_at=_now(),
                status="complete",
                documents_written=stats.documents_written,
                documents_unchanged=stats.documents_unchanged,
                records_written=stats.records_written,
                entities_written=stats.entities_written,
                officials_written=stats.officials_written,
            )
        )
    return stats


def unchanged_documents(
    url: str | None, items: list[tuple[str, str]], rules_digest: str
) -> set[str]:
    """The doc_ids whose bytes and rule files are unchanged since they were last loaded.

    ``run --db`` calls this before extracting, to skip those documents.

    Args:
        url: database URL (None for the default); a missing database means nothing is unchanged.
        items: (doc_id, sha256 of the file's bytes) for each input document.
        rules_digest: ``default_rules().digest`` of the current rule files.
    Returns:
        The doc_ids loaded earlier with the same sha256 and rules digest and status ``ok``
        (documents that failed are tried again).
    """
    path = sqlite_path(normalise_url(url))
    if path is not None and not path.is_file():
        return set()  # do not create an empty database just by asking
    engine = make_engine(url, create=False)
    try:
        with engine.connect() as conn:
            if not inspect(conn).has_table("documents"):
                return set()
            wanted = dict(items)
            docs = schema.documents
            same: set[str] = set()
            for part in _chunks(list(wanted)):
                query = select(docs.c.doc_id, docs.c.sha256).where(
                    docs.c.doc_id.in_(part),
                    docs.c.rules_digest == rules_digest,
                    docs.c.status == "ok",
                )
                same.update(d for d, sha in conn.execute(query) if wanted[d] == sha)
            return same
    finally:
        engine.dispose()


def split_unchanged(
    url: str | None, inputs: list[tuple[str, Path]], rules_digest: str
) -> tuple[list[tuple[str, Path]], list[str]]:
    """Split a run's inputs into those to extract and the doc_ids to skip.

    Args:
        url: database URL (None for the default).
        inputs: (doc_id, path) pairs, as ``inputs.list_inputs`` gives them.
        rules_digest: ``default_rules().digest`` of the current rule files.
    Returns:
        (inputs whose bytes or rules changed since their last load, skipped doc_ids).
    """
    items = [(doc_id, hashlib.sha256(path.read_bytes()).hexdigest()) for doc_id, path in inputs]
    same = unchanged_documents(url, items, rules_digest)
    todo = [(doc_id, path) for doc_id, path in inputs if doc_id not in same]
    return todo, [doc_id for doc_id, _ in inputs if doc_id in same]


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
        _ready(engine)
        records = schema.records
        with engine.begin() as conn:
            known: set[tuple[str, str]] = set()
            ids = sorted({d.record_id for d in decisions})
            for part in _chunks(ids):
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
            loaded_at = _now()
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
    for part in _chunks([r["decision_id"] for r in rows]):
        query = select(table.c.decision_id, *(table.c[c] for c in content)).where(
            table.c.decision_id.in_(part)
        )
        existing.update((row[0], tuple(row[1:])) for row in conn.execute(query))
    changed = [r for r in rows if existing.get(r["decision_id"]) != tuple(r[c] for c in content)]
    upsert(conn, table, changed)


__all__ = [
    "PAUSE_ENV",
    "DatabaseError",
    "LoadStats",
    "load_decisions",
    "load_output",
    "split_unchanged",
    "unchanged_documents",
    "upsert",
]
