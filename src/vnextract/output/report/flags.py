"""Review flags: point a reviewer at the records (and numbers) most likely to be wrong.

Four kinds come from the issue; one more guards the report itself:

- ``no_subject``: a record whose ``subject`` is empty says a number but not what was counted.
- ``conflict``: the same ``indicator_id``, ``province``, ``period`` and ``kind`` carry
  different values in two documents. ``kind`` is part of the key on purpose: a target
  and an actual for the same year differ by design and are not a conflict.
- ``number_without_record`` and ``unattached_share_of_plan``: read from the pipeline's
  ``review_notes`` on each document; absent notes mean these never fire. A share of plan
  that attached to nothing also flags the records of its sentence, since it most likely
  belonged to one of them.
- ``bad_offsets``: ``text[char_start:char_end]`` is not ``value_text``, so the highlight
  in the text cannot be trusted.
"""

from __future__ import annotations

import math
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

FLAG_TEXT: dict[str, str] = {
    "no_subject": "no subject: the record does not say what was counted",
    "conflict": "another document gives a different value for this indicator, province and period",
    "unattached_share_of_plan": "a share of plan in this sentence attached to no record",
    "number_without_record": "a number in this sentence produced no record",
    "bad_offsets": "text[char_start:char_end] is not value_text: the highlight may be wrong",
}

# Short names for table cells and filter menus; FLAG_TEXT goes in the tooltip.
FLAG_LABEL: dict[str, str] = {
    "no_subject": "no subject",
    "conflict": "conflict",
    "unattached_share_of_plan": "share of plan unattached",
    "number_without_record": "number without record",
    "bad_offsets": "bad offsets",
}

NOTE_KINDS = ("number_without_record", "unattached_share_of_plan")


@dataclass(frozen=True, slots=True)
class Flag:
    """One reason to look again; ``detail`` names the evidence (e.g. the other documents)."""

    kind: str
    detail: str = ""

    @property
    def label(self) -> str:
        """Short name for a table cell."""
        return FLAG_LABEL.get(self.kind, self.kind)

    @property
    def text(self) -> str:
        """The reviewer-facing sentence for this flag."""
        base = FLAG_TEXT.get(self.kind, self.kind)
        return f"{base} ({self.detail})" if self.detail else base


@dataclass(frozen=True, slots=True)
class Look:
    """Counts behind a "Need a look" figure; the index sums these, so its total and its
    column are one computation."""

    records: int = 0  # flagged records
    notes: int = 0  # review notes (numbers that gave no record, unattached shares of plan)

    @property
    def total(self) -> int:
        """Flagged records plus review notes."""
        return self.records + self.notes

    def __add__(self, other: Look) -> Look:
        return Look(self.records + other.records, self.notes + other.notes)


@dataclass(slots=True)
class Flags:
    """Flags per record id, and the pipeline's review notes per document id."""

    by_record: dict[str, list[Flag]] = field(default_factory=dict)
    notes_by_doc: dict[str, list[dict[str, Any]]] = field(default_factory=dict)

    def for_record(self, record_id: str) -> list[Flag]:
        """Flags of one record, empty when it looks fine."""
        return self.by_record.get(record_id, [])

    def look(self, doc_id: str, record_ids: list[str]) -> Look:
        """What in one document needs a look: its flagged records and its review notes."""
        flagged = sum(1 for rid in record_ids if self.by_record.get(rid))
        return Look(records=flagged, notes=len(self.notes_by_doc.get(doc_id, [])))

    def needs_look(self, doc_id: str, record_ids: list[str]) -> int:
        """How many things in a document need a look: flagged records plus review notes."""
        return self.look(doc_id, record_ids).total


def _same_value(a: dict[str, Any], b: dict[str, Any]) -> bool:
    """Values agree to 1e-9 relative (floats in JSON), and so do the range ends."""
    for key in ("value", "value_max"):
        x, y = a.get(key), b.get(key)
        if x is None or y is None:
            if x is not y:
                return False
            continue
        if not math.isclose(float(x), float(y), rel_tol=1e-9, abs_tol=1e-12):
            return False
    return True


def _conflicts(records: list[dict[str, Any]]) -> dict[str, list[str]]:
    """Record id -> other doc_ids that give a different value for the same key."""
    groups: dict[tuple, list[dict[str, Any]]] = defaultdict(list)
    for rec in records:
        key = (rec.get("indicator_id"), rec.get("province"), rec.get("period"))
        if None in key:
            # Without all three the comparison would pair unrelated figures.
            continue
        groups[(*key, rec.get("kind", "actual"))].append(rec)
    found: dict[str, list[str]] = {}
    for group in groups.values():
        if len({r["doc_id"] for r in group}) < 2:
            continue
        for rec in group:
            others = sorted(
                {
                    o["doc_id"]
                    for o in group
                    if o["doc_id"] != rec["doc_id"] and not _same_value(rec, o)
                }
            )
            if others:
                found[rec["record_id"]] = others
    return found


def compute_flags(
    documents: list[dict[str, Any]],
    records: list[dict[str, Any]],
) -> Flags:
    """Compute every review flag for one output folder.

    Args:
        documents: rows of ``documents.jsonl`` (``text`` and optional ``review_notes`` read).
        records: rows of ``records.jsonl``.

    Returns:
        The flags per record id and the valid review notes per document id.
    """
    flags = Flags()
    texts = {d["doc_id"]: d.get("text") or "" for d in documents}

    # Sentences holding a share of plan that attached to nothing, per document.
    unattached: dict[str, set[int]] = defaultdict(set)
    for doc in documents:
        notes = [
            n
            for n in doc.get("review_notes") or []
            if isinstance(n, dict) and n.get("kind") in NOTE_KINDS
        ]
        if notes:
            flags.notes_by_doc[doc["doc_id"]] = notes
        for note in notes:
            index = note.get("sentence_index")
            if note["kind"] == "unattached_share_of_plan" and index is not None:
                unattached[doc["doc_id"]].add(index)

    conflicts = _conflicts(records)
    for rec in records:
        found: list[Flag] = []
        if not (rec.get("subject") or "").strip():
            found.append(Flag("no_subject"))
        if rec["record_id"] in conflicts:
            found.append(Flag("conflict", ", ".join(conflicts[rec["record_id"]])))
        if rec.get("sentence_index") in unattached.get(rec["doc_id"], ()):
            found.append(Flag("unattached_share_of_plan"))
        text = texts.get(rec["doc_id"], "")
        if text[rec["char_start"] : rec["char_end"]] != rec["value_text"]:
            found.append(Flag("bad_offsets"))
        if found:
            flags.by_record[rec["record_id"]] = found
    return flags
