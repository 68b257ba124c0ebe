"""Article-level state shared by the entity components across the sentences of one document."""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Doc

CONTEXT_KEY = "vnextract.context"


@dataclass
class Candidate:
    """A pattern match with exact character offsets into the sentence text."""

    start: int
    end: int
    label: str
    rule_id: str
    priority: int
    groups: dict[str, str | None]
    canonical: str = ""


@dataclass
class PendingName:
    """A name standing alone on its line, waiting for a title on the next line."""

    name: str
    start: int  # document offsets
    end: int
    sentence_index: int | None


@dataclass
class DocContext:
    """What one article teaches its later sentences; never shared between articles.

    ``offset`` and ``sentence_index`` locate the sentence being processed in the
    document (0 and None when a single text is tagged on its own).
    """

    doc_id: str = ""
    province: str | None = None
    abbreviations: dict[str, str] = field(default_factory=dict)
    remembered: dict[str, str] = field(default_factory=dict)
    offset: int = 0
    sentence_index: int | None = None
    pending: PendingName | None = None


def get_context(doc: Doc) -> DocContext:
    """The context attached to ``doc`` (a fresh one, attached now, if none was given)."""
    ctx = doc.user_data.get(CONTEXT_KEY)
    if ctx is None:
        ctx = DocContext()
        doc.user_data[CONTEXT_KEY] = ctx
    return ctx


def word_spans(doc: Doc) -> list[tuple[int, int]]:
    """Character spans of the Doc's words (a segmented word may hold spaces)."""
    return [(t.idx, t.idx + len(t.text)) for t in doc if " " in t.text]
