"""Read an output folder (docs OUTPUT.md) into one bundle of rows per document.

Every line is checked against the fields OUTPUT.md promises; all problems are
reported together, each as ``file:line``. Fields the contract does not name
(``author`` aside, which has a column) are kept as JSON in an ``extra`` column,
so a newer writer's additions are not lost; a ``sentences`` list in
documents.jsonl fills the sentences table.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..errors import Errors, VnextractError
from ..outset import check_output_set

# output contract versions this loader understands (documents.jsonl "schema_version")
KNOWN_OUTPUT_VERSIONS = {"1"}
OUTPUT_FILES = ("documents.jsonl", "records.jsonl", "entities.jsonl", "officials.jsonl")


class OutputError(VnextractError):
    """The output folder is missing or its files break the OUTPUT.md contract."""


# field -> (python types accepted, required); ints are accepted where floats are promised
_FLOAT = (int, float)
_STR = (str,)
_INT = (int,)
_FIELDS: dict[str, dict[str, tuple[tuple[type, ...], bool]]] = {
    "documents.jsonl": {
        "doc_id": (_STR, True),
        "source": (_STR, False),
        "sha256": (_STR, True),
        "title": (_STR, False),
        "published": (_STR, False),
        "province": (_STR, False),
        "author": (_STR, False),
        "text": (_STR, False),
        "status": (_STR, False),
        "error": (_STR, False),
    },
    "records.jsonl": {
        "record_id": (_STR, True),
        "doc_id": (_STR, True),
        "sentence_index": (_INT, True),
        "sentence": (_STR, False),
        "char_start": (_INT, True),
        "char_end": (_INT, True),
        "value": (_FLOAT, True),
        "value_max": (_FLOAT, False),
        "value_text": (_STR, True),
        "unit": (_STR, True),
        "per": (_STR, False),
        "total": (_FLOAT, False),
        "subject": (_STR, False),
        "indicator_id": (_STR, False),
        "bound": (_STR, False),
        "estimated": ((bool,), False),
        "kind": (_STR, False),
        "plan_percent": (_FLOAT, False),
        "change_percent": (_FLOAT, False),
        "period": (_STR, False),
        "province": (_STR, False),
        "agency": (_STR, False),
        "rule": (_STR, False),
    },
    "entities.jsonl": {
        "doc_id": (_STR, True),
        "label": (_STR, True),
        "text": (_STR, True),
        "canonical": (_STR, False),
        "char_start": (_INT, True),
        "char_end": (_INT, True),
        "sentence_index": (_INT, False),
    },
    "officials.jsonl": {
        "doc_id": (_STR, True),
        "name": (_STR, True),
        "title": (_STR, False),
        "agency": (_STR, False),
        "char_start": (_INT, True),
        "char_end": (_INT, True),
        "sentence_index": (_INT, False),
    },
}
# defaults OUTPUT.md / ANNOTATION.md give to fields left out
_DEFAULTS = {"bound": "=", "estimated": False, "kind": "actual", "status": "ok", "text": ""}
# fields that become rows of their own or are not stored on the row
_NOT_EXTRA = {"sentences", "sentence"}


@dataclass
class DocumentRows:
    """Rows for one document, ready for the tables of :mod:`vnextract.db.schema`."""

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


def read_jsonl(path: Path, problems: list[str]) -> Iterator[tuple[int, dict[str, Any]]]:
    """Yield (line number, object) for each non-blank line; bad lines go to ``problems``."""
    with path.open(encoding="utf-8") as handle:
        for number, line in enumerate(handle, start=1):
            if not line.strip():
                continue
            try:
                obj = json.loads(line)
            except json.JSONDecodeError as exc:
                reason = f"{exc.msg} at column {exc.colno}"
                problems.append(Errors.E301.format(file=path.name, line=number, reason=reason))
                continue
            if not isinstance(obj, dict):
                what = "the line is not a JSON object"
                problems.append(Errors.E302.format(file=path.name, line=number, what=what))
                continue
            yield number, obj


def _checked(name: str, number: int, obj: dict, problems: list[str]) -> dict[str, Any] | None:
    """The known fields with defaults applied plus ``extra``; None when a field is wrong."""
    spec = _FIELDS[name]
    row: dict[str, Any] = {}
    ok = True
    for key, (types, required) in spec.items():
        value = obj.get(key)
        if value is None:
            if required:
                what = f"missing field '{key}'"
                problems.append(Errors.E302.format(file=name, line=number, what=what))
                ok = False
            row[key] = _DEFAULTS.get(key)
            continue
        # bool is an int in Python; a count or offset of true/false is a bug upstream
        if not isinstance(value, types) or (isinstance(value, bool) and bool not in types):
            want = " or ".join(t.__name__ for t in types)
            what = f"field '{key}' should be {want}, got {value!r}"
            problems.append(Errors.E302.format(file=name, line=number, what=what))
            ok = False
            continue
        row[key] = float(value) if types is _FLOAT else value
    extra = {k: v for k, v in obj.items() if k not in spec and k not in _NOT_EXTRA}
    row["extra"] = json.dumps(extra, ensure_ascii=False, sort_keys=True) if extra else None
    return row if ok else None


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
        row["title"] = row["title"] or ""
        key = stable_id(
            row["doc_id"], row["char_start"], row["char_end"], row["name"], row["title"]
        )
        doc.officials[key] = {"official_id": key, **row}
