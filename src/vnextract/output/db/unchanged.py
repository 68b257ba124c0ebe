"""Which documents a ``run --db`` may skip: bytes and rule files unchanged since their load."""

from __future__ import annotations

import hashlib
from pathlib import Path

from sqlalchemy import inspect, select

from vnextract.output.db import schema
from vnextract.output.db.engine import (
    make_engine,
    normalise_url,
    sqlite_path,
)
from vnextract.output.db.upsert import chunks


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
            for part in chunks(list(wanted)):
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
