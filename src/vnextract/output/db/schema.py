"""The database schema: tables, indexes, foreign keys (SQLAlchemy Core) and views.

These definitions are the *current* schema. The columns of the data tables come from
the output contract (:mod:`vnextract.output.contract`); this module adds keys, foreign keys,
indexes and the database's own bookkeeping columns. A fresh database is created from
them in one step; an older database is brought up to date by the ordered
migrations in :mod:`vnextract.output.db.migrations`, so a change here always comes with
a migration that makes the same change to existing databases.

Numbers are double precision: the values in ``records.jsonl`` are JSON floats,
and a double stores every one of them exactly (``value_text`` keeps the number
as written). Text columns are unbounded ``TEXT``.
"""

from __future__ import annotations

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    Column,
    DateTime,
    Double,
    ForeignKey,
    ForeignKeyConstraint,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
)

from vnextract.output.contract import TABLES, columns

# named constraints, so a later migration can drop or alter them by name on both backends
metadata = MetaData(
    naming_convention={
        "ix": "ix_%(table_name)s_%(column_0_N_name)s",
        "uq": "uq_%(table_name)s_%(column_0_N_name)s",
        "ck": "ck_%(table_name)s_%(constraint_name)s",
        "fk": "fk_%(table_name)s_%(column_0_N_name)s_%(referred_table_name)s",
        "pk": "pk_%(table_name)s",
    }
)

schema_version = Table(
    "schema_version",
    metadata,
    Column("id", Integer, primary_key=True),  # always 1: a one-row table
    Column("version", Integer, nullable=False),
    Column("updated_at", DateTime, nullable=False),
)

migrations = Table(
    "migrations",
    metadata,
    Column("version", Integer, primary_key=True),
    Column("name", Text, nullable=False),
    Column("applied_at", DateTime, nullable=False),
    # "applied": the migration ran; "baseline": a fresh database was created at this version
    Column("how", String(16), nullable=False),
)

runs = Table(
    "runs",
    metadata,
    Column("run_id", Integer, primary_key=True, autoincrement=True),
    Column("started_at", DateTime, nullable=False),
    Column("finished_at", DateTime),  # NULL: the load was interrupted
    # running | complete | interrupted (stopped by a signal, or found dead by a later load)
    Column("status", String(16), nullable=False),
    Column("vnextract_version", Text, nullable=False),
    Column("rules_digest", Text),  # sha256 of the rule files; NULL when not known
    Column("source", Text),  # the output folder loaded
    Column("documents_seen", Integer, nullable=False, default=0),
    Column("documents_written", Integer, nullable=False, default=0),
    Column("documents_unchanged", Integer, nullable=False, default=0),
    Column("records_written", Integer, nullable=False, default=0),
    Column("entities_written", Integer, nullable=False, default=0),
    Column("officials_written", Integer, nullable=False, default=0),
    # the loading process, so a later load can tell a live 'running' from a killed one
    Column("pid", Integer),
    Column("host", Text),
)

_SQL_TYPES = {
    "str": Text,
    "int": Integer,
    "float": Double,
    "bool": Boolean,
    "datetime": DateTime,
    "list[str]": Text,  # JSON text
    "list[note]": Text,
}


def contract_columns(name: str, **special: Column) -> list[Column]:
    """The columns of contract table ``name`` that the database stores, in contract order.

    ``special`` gives the columns that need more than a type and NOT NULL (keys, foreign
    keys, short strings) by field name; each must be a field of the table.
    """
    unknown = set(special) - set(columns(name))
    if unknown:
        raise ValueError(f"{name}: {sorted(unknown)} are not fields of the contract")
    return [
        special[f.name]
        if f.name in special
        else Column(f.name, _SQL_TYPES[f.kind](), nullable=not f.not_null)
        for f in TABLES[name].fields
        if f.db
    ]


documents = Table(
    "documents",
    metadata,
    *contract_columns(
        "documents",
        doc_id=Column("doc_id", Text, primary_key=True),
        status=Column("status", String(16), nullable=False),
    ),
    Column("extra", Text),  # JSON object of fields this schema has no column for yet
    Column("rules_digest", Text),  # rule files that produced these rows; NULL when unknown
    Column("content_hash", Text, nullable=False),  # of every row below; equal means unchanged
    Column("run_id", Integer, ForeignKey("runs.run_id"), nullable=False),
    Column("loaded_at", DateTime, nullable=False),
    Index(None, "sha256"),
    Index(None, "province"),
    Index(None, "published"),
    Index(None, "run_id"),
)

_doc_fk = {"ondelete": "CASCADE"}


def _doc_id(**more: bool) -> Column:
    return Column("doc_id", Text, ForeignKey("documents.doc_id", **_doc_fk), **more)


sentences = Table(
    "sentences",
    metadata,
    *contract_columns(
        "sentences",
        doc_id=_doc_id(primary_key=True),
        sentence_index=Column("sentence_index", Integer, primary_key=True),
    ),
)

records = Table(
    "records",
    metadata,
    *contract_columns(
        "records",
        record_id=Column("record_id", Text, primary_key=True),
        doc_id=_doc_id(nullable=False),
        bound=Column("bound", String(2), nullable=False),
        kind=Column("kind", String(16), nullable=False),
    ),
    Column("extra", Text),
    ForeignKeyConstraint(
        ["doc_id", "sentence_index"],
        ["sentences.doc_id", "sentences.sentence_index"],
        ondelete="CASCADE",
    ),
    Index(None, "doc_id", "sentence_index"),
    Index(None, "indicator_id", "province", "period"),
    Index(None, "province", "period"),
)

entities = Table(
    "entities",
    metadata,
    Column("entity_id", Text, primary_key=True),
    *contract_columns(
        "entities",
        doc_id=_doc_id(nullable=False),
        label=Column("label", String(16), nullable=False),
    ),
    Column("extra", Text),
    Index(None, "doc_id"),
    Index(None, "label", "canonical"),
)

officials = Table(
    "officials",
    metadata,
    Column("official_id", Text, primary_key=True),
    *contract_columns("officials", doc_id=_doc_id(nullable=False)),
    Column("extra", Text),
    Index(None, "doc_id"),
    Index(None, "name"),
    Index(None, "agency"),
)

# No foreign key to records: a reviewer's decision outlives a re-extraction that
# drops or renumbers the record; it then simply matches nothing in the views.
decisions = Table(
    "decisions",
    metadata,
    Column("decision_id", Text, primary_key=True),  # hash of record_id, reviewer, decided_at
    *contract_columns(
        "decisions", decision=Column("decision", String(16), nullable=False)
    ),  # decided_at in UTC
    Column("source", Text),  # the file the decision came from
    Column("loaded_at", DateTime, nullable=False),
    CheckConstraint("decision IN ('accepted', 'rejected')", name="decision"),
    Index(None, "record_id", "decided_at"),
    Index(None, "doc_id"),
)

#: The data tables in the order rows must be written (parents first).
WRITE_ORDER = (documents, sentences, records, entities, officials)

# Views use only SQL that SQLite (>= 3.25, window functions) and PostgreSQL share.
VIEWS: dict[str, str] = {
    "indicator_series": """
SELECT r.indicator_id, COALESCE(r.province, d.province) AS province, r.period,
       r.value, r.value_max, r.unit, r.kind, r.bound, r.estimated, r.value_text,
       r.subject, d.published, d.title, r.doc_id, r.record_id, s.text AS sentence
FROM records r
JOIN documents d ON d.doc_id = r.doc_id
LEFT JOIN sentences s ON s.doc_id = r.doc_id AND s.sentence_index = r.sentence_index
WHERE r.indicator_id IS NOT NULL
""",
    # pairs of documents that disagree; targets are compared with targets only
    "conflicts": """
SELECT a.indicator_id, a.province, a.period, a.kind,
       a.doc_id AS doc_id_a, a.record_id AS record_id_a, a.value AS value_a,
       a.value_max AS value_max_a, a.unit AS unit_a, a.value_text AS value_text_a,
       b.doc_id AS doc_id_b, b.record_id AS record_id_b, b.value AS value_b,
       b.value_max AS value_max_b, b.unit AS unit_b, b.value_text AS value_text_b
FROM indicator_series a
JOIN indicator_series b
  ON b.indicator_id = a.indicator_id AND b.province = a.province
 AND b.period = a.period AND b.kind = a.kind AND a.doc_id < b.doc_id
WHERE a.value <> b.value
   OR COALESCE(a.value_max, a.value) <> COALESCE(b.value_max, b.value)
""",
    # the latest decision per record; on a tie in time, a rejection wins (the safe side)
    "latest_decisions": """
SELECT record_id, doc_id, decision, note, reviewer, decided_at
FROM (
  SELECT record_id, doc_id, decision, note, reviewer, decided_at,
         ROW_NUMBER() OVER (
           PARTITION BY record_id
           ORDER BY decided_at DESC,
                    CASE WHEN decision = 'rejected' THEN 0 ELSE 1 END,
                    decision_id DESC
         ) AS rank_in_record
  FROM decisions
) ranked
WHERE rank_in_record = 1
""",
    "accepted_records": """
SELECT r.record_id, r.doc_id, r.sentence_index, r.char_start, r.char_end,
       r.value, r.value_max, r.value_text, r.unit, r.per, r.total, r.subject,
       r.indicator_id, r.bound, r.estimated, r.kind, r.plan_percent,
       r.change_percent, r.period, r.province, r.agency, r.rule,
       s.text AS sentence, ld.reviewer, ld.decided_at, ld.note
FROM records r
JOIN latest_decisions ld ON ld.record_id = r.record_id AND ld.decision = 'accepted'
LEFT JOIN sentences s ON s.doc_id = r.doc_id AND s.sentence_index = r.sentence_index
""",
}
