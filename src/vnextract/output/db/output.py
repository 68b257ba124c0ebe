"""Read an output folder (docs OUTPUT.md) into one bundle of rows per document.

Every line is checked against the fields of :mod:`vnextract.output.contract`; all problems
are reported together, each as ``file:line``. Fields the contract does not name are
kept as JSON in an ``extra`` column, so a newer writer's additions are not lost; a
``sentences`` list in documents.jsonl fills the sentences table.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from vnextract.core.errors import Errors, VnextractError
from vnextract.output.contract import BY_FILE, FILE_TABLES
from vnextract.output.jsonl import check_row, read_jsonl
from vnextract.output.outset import check_output_set

# output contract versions this loader understands (documents.jsonl "schema_version")
KNOWN_OUTPUT_VERSIONS = {"1"}
OUTPUT_FILES = tuple(t.file for t in FILE_TABLES if t.file)


class OutputError(VnextractError):
    """The output folder is missing or its files break the OUTPUT.md contract."""


# a documents.jsonl field that becomes rows of its own (the sentences table)
_NOT_EXTRA = {"sentences"}
# list fields are stored as JSON text (SQLite and PostgreSQL alike)
_AS_JSON = {f.name for t in FILE_TABLES for f in t.fields if f.kind.startswith("list[")}


@dataclass
class DocumentRows:
    """Rows for one document, ready for the tables of :mod:`vnextract.output.db.schema`."""

    document: dict[str, Any]
    sentences: dict[int, dict[str, Any]] = field(default_factory=dict)
    records: dict[str, dict[str, Any]] = field(default_factory=dict)
    entities: dict[str, dict[str, Any]] = field(default_factory=dict)
    officials: dict[str, dict[str, Any]] = field(default_factory=dict)

    @property
    def doc_id(self) -> str:
        return self.document["doc_id"]

    def content_hash(self) -> str:
        """Hash of every row: equal hashes mean loading this document again changes nothing."""
        payload = {
            "document": self.document,
            "sentences": [self.sentences[k] for k in sorted(self.sentences)],
            "records": [self.records[k] for k in sorted(self.records)],
            "entities": [self.entities[k] for k in sorted(self.entities)],
            "officials": [self.officials[k] for k in sorted(self.officials)],
        }
        data = json.dumps(payload, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
        return hashlib.sha256(data.encode("utf-8")).hexdigest()


def stable_id(*parts: object) -> str:
    """A short hash of the identity of a row, the same on every run (sqlite-utils' habit)."""
    joined = "\x1f".join("" if p is None else str(p) for p in parts)
    return hashlib.sha256(joined.encode("utf-8")).hexdigest()[:20]


def _checked(name: str, number: int, obj: dict, problems: list[str]) -> dict[str, Any] | None:
    """The contract's fields with defaults applied plus ``extra``; None when a field is wrong."""
    table = BY_FILE[name]
    row = check_row(table, name, number, obj, problems)
    if row is None:
        return None
    for key in _AS_JSON.intersection(row):
        if row[key] is not None:
            row[key] = json.dumps(row[key], ensure_ascii=False)
    known = set(row)
    extra = {k: v for k, v in obj.items() if k not in known and k not in _NOT_EXTRA}
    row["extra"] = json.dumps(extra, ensure_ascii=False, sort_keys=True) if extra else None
    return row


def _locate(text: str, sentence: str, start: int, end: int) -> tuple[int | None, int | None]:
    """Offsets of the occurrence of ``sentence`` in ``text`` that covers [start, end)."""
    if not sentence:
        return None, None
    pos = text.find(sentence, max(0, end - len(sentence)))
    if pos != -1 and pos <= start and end <= pos + len(sentence):
        return pos, pos + len(sentence)
    return None, None


def _listed_sentences(doc: DocumentRows, items: object) -> None:
    """Sentences given in documents.jsonl as objects (index/start/end/text, either naming)."""
    if not isinstance(items, list):
        return
    text = doc.document["text"] or ""
    for position, item in enumerate(items):
        if not isinstance(item, dict):
            continue
        index = item.get("index", item.get("sentence_index", position))
        start = item.get("start", item.get("char_start"))
        end = item.get("end", item.get("char_end"))
        body = item.get("text")
        if body is None and isinstance(start, int) and isinstance(end, int):
            body = text[start:end]
        if isinstance(index, int) and isinstance(body, str):
            doc.sentences[index] = {
                "doc_id": doc.doc_id,
                "sentence_index": index,
                "char_start": start if isinstance(start, int) else None,
                "char_end": end if isinstance(end, int) else None,
                "text": body,
            }


def read_output(out_dir: Path) -> list[DocumentRows]:
    """Read ``out_dir`` into one :class:`DocumentRows` per line of documents.jsonl.

    Args:
        out_dir: a folder written by ``vnextract run --out``.
    Returns:
        The documents in file order, each with its sentences, records, entities, officials.
    Raises:
        OutputError: listing every problem as ``file:line: what. fix``.
        OutputSetError: the files are not one complete run's (see ``outset``).
    """
    out_dir = Path(out_dir)
    if not (out_dir / "documents.jsonl").is_file():
        raise OutputError(Errors.E300.format(path=out_dir))
    check_output_set(out_dir)
    problems: list[str] = []
    docs: dict[str, DocumentRows] = {}
    first_line: dict[str, int] = {}
    for number, obj in read_jsonl(out_dir / "documents.jsonl", problems):
        version = obj.get("schema_version")
        if version is not None and str(version) not in KNOWN_OUTPUT_VERSIONS:
            problems.append(
                Errors.E306.format(
                    file="documents.jsonl",
                    line=number,
                    found=version,
                    known=", ".join(sorted(KNOWN_OUTPUT_VERSIONS)),
                )
            )
            continue
        if version is not None:  # written 1 or "1": the check above read both
            obj["schema_version"] = str(version)
        row = _checked("documents.jsonl", number, obj, problems)
        if row is None:
            continue
        if row["doc_id"] in docs:
            problems.append(
                Errors.E304.format(
                    file="documents.jsonl",
                    line=number,
                    doc_id=row["doc_id"],
                    first=first_line[row["doc_id"]],
                )
            )
            continue
        first_line[row["doc_id"]] = number
        docs[row["doc_id"]] = doc = DocumentRows(document=row)
        _listed_sentences(doc, obj.get("sentences"))
    for name in OUTPUT_FILES[1:]:
        path = out_dir / name
        if not path.is_file():
            continue  # a run that found no entities may write no entities.jsonl
        for number, obj in read_jsonl(path, problems):
            row = _checked(name, number, obj, problems)
            if row is None:
                continue
            doc = docs.get(row["doc_id"])
            if doc is None:
                problems.append(Errors.E303.format(file=name, line=number, doc_id=row["doc_id"]))
                continue
            _add(doc, name, row)
    if problems:
        shown = problems[:30] + (
            [f"... and {len(problems) - 30} more"] if len(problems) > 30 else []
        )
        raise OutputError(
            Errors.E305.format(
                count=len(problems), path=out_dir, problems="\n".join("  " + p for p in shown)
            )
        )
    return list(docs.values())


def _add(doc: DocumentRows, name: str, row: dict[str, Any]) -> None:
    if name == "records.jsonl":
        sentence = row.pop("sentence") or ""
        index = row["sentence_index"]
        if index not in doc.sentences:  # the first record quoting a sentence gives its text
            start, end = _locate(doc.document["text"], sentence, row["char_start"], row["char_end"])
            doc.sentences[index] = {
                "doc_id": doc.doc_id,
                "sentence_index": index,
                "char_start": start,
                "char_end": end,
                "text": sentence,
            }
        doc.records[row["record_id"]] = row
    elif name == "entities.jsonl":
        key = stable_id(row["doc_id"], row["char_start"], row["char_end"], row["label"])
        doc.entities[key] = {"entity_id": key, **row}
    else:
        key = stable_id(
            row["doc_id"], row["char_start"], row["char_end"], row["name"], row["title"]
        )
        doc.officials[key] = {"official_id": key, **row}
