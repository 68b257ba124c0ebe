"""The output contract: every row vnextract writes, defined once.

Each output file (and each database table built from them) is a :class:`Table` of
:class:`Field` s, in the order the JSONL writer writes them. Everything else is
derived from these tables: the JSONL rows (``write.py``), the ``records.csv``
columns, the Parquet schemas, the SQL tables and the loader's checks (``db/``), the
report's reader and ``docs/OUTPUT.md`` (``python -m vnextract.output.contract`` rewrites its
field tables; a test fails when they differ). A field added in one place only fails
``tests/test_contract.py``.

Fields are added, never renamed or dropped without a new :data:`SCHEMA_VERSION`.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal

SCHEMA_VERSION = "1"

#: The value kinds a field can hold; every consumer maps each one (Python, Arrow, SQL).
Kind = Literal["str", "int", "float", "bool", "datetime", "list[str]", "list[note]"]

#: Python types a reader accepts for each kind (an int is a float without decimals).
PY_TYPES: dict[str, tuple[type, ...]] = {
    "str": (str,),
    "int": (int,),
    "float": (int, float),
    "bool": (bool,),
    "datetime": (str,),
    "list[str]": (list,),
    "list[note]": (list,),
}


@dataclass(frozen=True, slots=True)
class Field:
    """One column of an output row.

    ``required``: a reader refuses a row without it. ``default``: what a reader puts in
    when the row leaves it out (a column is NOT NULL in SQL when either is set).
    ``db``: whether the SQL table has the column (a record's ``sentence`` goes to the
    ``sentences`` table instead).
    """

    name: str
    kind: Kind
    nullable: bool
    description: str
    required: bool = False
    default: Any = None
    db: bool = True

    @property
    def not_null(self) -> bool:
        """Whether the SQL column is NOT NULL."""
        return self.required or self.default is not None


@dataclass(frozen=True, slots=True)
class Table:
    """One output file or database table: its fields in written order."""

    name: str
    description: str
    fields: tuple[Field, ...]
    file: str | None = None  # the JSONL file in an output folder; None for database-only rows
    csv: tuple[str, ...] = ()  # columns of a CSV copy, in order (records.csv)

    def field(self, name: str) -> Field:
        """The field called ``name`` (KeyError when the table has none)."""
        for item in self.fields:
            if item.name == name:
                return item
        raise KeyError(f"{self.name} has no field {name!r}")


def _f(name: str, kind: Kind, description: str, *, null: bool = True, **more: Any) -> Field:
    return Field(name, kind, null, description, **more)


_ID = {"required": True, "null": False}
_OFFSETS = (
    _f("char_start", "int", "start of the mention in the document's `text`", **_ID),
    _f("char_end", "int", "end of the mention: `text[char_start:char_end]` is it", **_ID),
)

REVIEW_NOTE = Table(
    "review_notes",
    "one place a reviewer should look at (an item of documents' `review_notes`)",
    (
        _f("kind", "str", "`number_without_record` or `unattached_share_of_plan`", null=False),
        _f("text", "str", "the text concerned, as written", null=False),
        *_OFFSETS,
        _f("sentence_index", "int", "the sentence it stands in", null=False),
    ),
)

DOCUMENTS = Table(
    "documents",
    "one line per input document",
    (
        _f(
            "schema_version",
            "str",
            f'version of this contract the line follows (`"{SCHEMA_VERSION}"`)',
            null=False,
        ),
        _f(
            "doc_id",
            "str",
            "stable id: the file name without extension (unique within a run)",
            **_ID,
        ),
        _f("source", "str", "the path as given", null=False),
        _f("sha256", "str", "hash of the raw bytes (re-runs skip unchanged documents)", **_ID),
        _f("title", "str", "the headline"),
        _f("published", "str", "ISO date or datetime of publication"),
        _f("province", "str", "canonical name of the province the article is about"),
        _f("author", "str", "the byline's name"),
        _f(
            "status",
            "str",
            "`ok`, or `error` with `error` saying why in one sentence",
            null=False,
            default="ok",
        ),
        _f("error", "str", "the one-line reason when `status` is `error`"),
        _f("n_records", "int", "how many lines the document has in records.jsonl", null=False),
        _f("n_entities", "int", "how many lines the document has in entities.jsonl", null=False),
        _f("n_officials", "int", "how many lines the document has in officials.jsonl", null=False),
        _f(
            "review_notes",
            "list[note]",
            "what a reviewer should look at: `kind` (`number_without_record`, "
            "`unattached_share_of_plan`), `text`, `char_start`, `char_end`, `sentence_index`",
            null=False,
        ),
        _f(
            "encoding",
            "str",
            "codec used: `utf-8`, `utf-8-sig`, `utf-16-le`, `cp1258`, `tcvn3`, `vni`, or another "
            "Python codec name; null when the file could not be read",
        ),
        _f(
            "encoding_confidence",
            "float",
            "1.0 when the bytes prove the encoding (valid UTF-8, a byte-order mark); otherwise the "
            "share of the non-ASCII words that read as Vietnamese syllables in that decoding",
        ),
        _f(
            "decoding",
            "str",
            "how the encoding was chosen, in one line (`valid UTF-8`, `byte-order mark`, "
            "`forced (--encoding)`, `declared in the page ...`, `detected: ...`)",
        ),
        _f(
            "decoding_warnings",
            "list[str]",
            "bytes that did not decode, replaced by U+FFFD, with their byte offsets in the file",
            null=False,
        ),
        _f("text", "str", "decoded, NFC-normalised text", null=False, default=""),
    ),
    file="documents.jsonl",
)

RECORDS = Table(
    "records",
    "one indicator record per line",
    (
        _f("record_id", "str", "stable hash of doc_id, char_start, char_end", **_ID),
        _f("doc_id", "str", "the document it comes from", **_ID),
        _f("sentence_index", "int", "the sentence it stands in (0 is the first)", **_ID),
        _f("sentence", "str", "the sentence's text in full", null=False, db=False),
        _f("char_start", "int", "start of the number's mention (`value_text`) in `text`", **_ID),
        _f("char_end", "int", "end of the number's mention in `text`", **_ID),
        _f("value", "float", "normalised number (scale words applied)", **_ID),
        _f("value_text", "str", "the number as written", **_ID),
        _f("unit", "str", "counted noun lower-cased, `%`, or `VND`", **_ID),
        _f("subject", "str", "what was counted, as written", null=False),
        _f("value_max", "float", "upper end of a range"),
        _f("per", "str", "base of a density or rate, as written after the slash"),
        _f("total", "float", "denominator of a slash ratio (`9/17`)"),
        _f("indicator_id", "str", "canonical indicator from the rule files' catalogue"),
        _f("bound", "str", "`=`, `~`, `>`, `<`, `>=`, `<=`", null=False, default="="),
        _f(
            "estimated",
            "bool",
            "the sentence gives the figure as an estimate or an expectation",
            null=False,
            default=False,
        ),
        _f("kind", "str", "`actual` or `target`", null=False, default="actual"),
        _f("plan_percent", "float", "share of plan"),
        _f("change_percent", "float", "change in percent (negative for a fall)"),
        _f("period", "str", "ISO date, month, year or `YYYY/YYYY` span the figure refers to"),
        _f("province", "str", "canonical name of the province"),
        _f("agency", "str", "canonical name of the agency"),
        _f("rule", "str", "id of the rule that produced it", null=False),
        _f(
            "expr_char_end",
            "int",
            "end of the whole written expression in `text`: scale word, `%`, currency, `/base`",
        ),
    ),
    file="records.jsonl",
    csv=(
        "record_id",
        "doc_id",
        "sentence_index",
        "char_start",
        "char_end",
        "value",
        "value_max",
        "value_text",
        "unit",
        "per",
        "total",
        "subject",
        "indicator_id",
        "bound",
        "estimated",
        "kind",
        "plan_percent",
        "change_percent",
        "period",
        "province",
        "agency",
        "rule",
        "sentence",
    ),
)

ENTITIES = Table(
    "entities",
    "one entity mention per line",
    (
        _f("doc_id", "str", "the document it comes from", **_ID),
        _f("label", "str", "`AGENCY`, `ORG`, `PERSON`, `LOCATION`, `DATE`, `LEGAL_DOC`", **_ID),
        _f("text", "str", "the mention as written", **_ID),
        _f("canonical", "str", "expanded, variant-free name; ISO value for `DATE`", null=False),
        *_OFFSETS,
        _f("sentence_index", "int", "the sentence it stands in"),
        _f("issued", "str", "`LEGAL_DOC` only: the issuing date (ISO) when the sentence gives it"),
        _f("issuer", "str", "`LEGAL_DOC` only: the issuer (canonical) when the sentence gives it"),
        _f(
            "successor",
            "str",
            "`LOCATION`: the unit that replaced it in the 2025 reorganisation "
            "(`xã Tiên Yên, Quảng Ninh`), when the place dataset says; `AGENCY`: the body "
            "its ministry or department was merged into in 2025 (`Sở Khoa học và Công nghệ "
            "Thanh Hóa` for `Sở Thông tin và Truyền thông Thanh Hóa`), from "
            "`renamed` in `rules/entities/agencies.yml`",
        ),
    ),
    file="entities.jsonl",
)

OFFICIALS = Table(
    "officials",
    "one person-title(-agency) link per line",
    (
        _f("doc_id", "str", "the document it comes from", **_ID),
        _f("name", "str", "the person's name as written", **_ID),
        _f("title", "str", "the title, as written", null=False, default=""),
        _f("agency", "str", "the agency (canonical)"),
        _f("char_start", "int", "start of the name in `text`", **_ID),
        _f("char_end", "int", "end of the name in `text`", **_ID),
        _f("sentence_index", "int", "the sentence it stands in"),
    ),
    file="officials.jsonl",
)

SENTENCES = Table(
    "sentences",
    "database only: the sentences records quote, one row each",
    (
        _f("doc_id", "str", "the document", **_ID),
        _f("sentence_index", "int", "the sentence's index in the document", **_ID),
        _f("char_start", "int", "start in `text`; null when the sentence was not found there"),
        _f("char_end", "int", "end in `text`; null when the sentence was not found there"),
        _f("text", "str", "the sentence's text", **_ID),
    ),
)

DECISIONS = Table(
    "decisions",
    "a reviewer's verdict on a record, as the report exports it (CSV or JSON)",
    (
        _f("record_id", "str", "the record (as in records.jsonl)", **_ID),
        _f("doc_id", "str", "its document", **_ID),
        _f("decision", "str", "`accepted` or `rejected`", **_ID),
        _f("note", "str", "the reviewer's note"),
        _f("reviewer", "str", "who decided"),
        _f("decided_at", "datetime", "ISO 8601; without an offset it is read as UTC", **_ID),
    ),
)

#: Every table, by name.
TABLES: dict[str, Table] = {
    t.name: t for t in (DOCUMENTS, REVIEW_NOTE, RECORDS, ENTITIES, OFFICIALS, SENTENCES, DECISIONS)
}
#: The tables written as JSONL files into an output folder, in the order they are read.
FILE_TABLES: tuple[Table, ...] = (DOCUMENTS, RECORDS, ENTITIES, OFFICIALS)
BY_FILE: dict[str, Table] = {t.file: t for t in FILE_TABLES if t.file}


def columns(table_name: str) -> list[str]:
    """The field names of a table (``"records"`` or ``"records.jsonl"``), in written order.

    >>> columns("officials")
    ['doc_id', 'name', 'title', 'agency', 'char_start', 'char_end', 'sentence_index']
    """
    table = BY_FILE.get(table_name) or TABLES[table_name]
    return [f.name for f in table.fields]
