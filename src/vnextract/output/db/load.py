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

import os
import socket
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Engine, select, update

from vnextract import __version__
from vnextract.output.db import schema
from vnextract.output.db.engine import (
    DatabaseError,
    default_url,
    make_engine,
)
from vnextract.output.db.output import DocumentRows, read_output
from vnextract.output.db.review import load_decisions
from vnextract.output.db.unchanged import split_unchanged, unchanged_documents
from vnextract.output.db.upsert import chunks, now, ready, upsert

#: Test hook: pause (inside the transaction) while writing the document after the
#: first N written ones, so a test can kill the loader there. Not for production use.
PAUSE_ENV = "VNEXTRACT_DB_PAUSE_AFTER"
PAUSED_MARK = "vnextract-db: paused"


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


def _stored_state(engine: Engine, doc_ids: list[str]) -> dict[str, tuple[str, str | None]]:
    docs = schema.documents
    found: dict[str, tuple[str, str | None]] = {}
    with engine.connect() as conn:
        for part in chunks(doc_ids):
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
        ready(engine)
        _mark_dead_runs(engine)
        started = now()
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
        for part in chunks(dead):
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
            "loaded_at": now(),
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
                finished_at=now(),
                status="complete",
                documents_written=stats.documents_written,
                documents_unchanged=stats.documents_unchanged,
                records_written=stats.records_written,
                entities_written=stats.entities_written,
                officials_written=stats.officials_written,
            )
        )
    return stats


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
