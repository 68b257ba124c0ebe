"""Article-level state shared by the entity components across the sentences of one document."""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Doc

from vnextract.segment.tokenizer import TEXT_KEY, WORD_SPANS_KEY

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
    # LOCATION only: the 2025 unit holding the place (vnextract.entities.admin_places)
    successor: str | None = None


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


# per-Doc caches: every component reads the same text and views, and ``doc.text``
# rebuilds the string token by token on each call; the tokenizer fills TEXT_KEY and
# WORD_SPANS_KEY


def doc_text(doc: Doc) -> str:
    """``doc.text``, built once per Doc."""
    text = doc.user_data.get(TEXT_KEY)
    if text is None:
        text = doc.user_data[TEXT_KEY] = doc.text
    return text


def word_spans(doc: Doc) -> list[tuple[int, int]]:
    """Character spans of the Doc's words that hold a space (underthesea's multi-syllable
    words), computed once per Doc from its token offsets without building Token objects."""
    spans = doc.user_data.get(WORD_SPANS_KEY)
    if spans is None:
        text = doc_text(doc)
        rows = doc.to_array(["IDX", "SPACY"]).tolist()
        nexts = [start for start, _ in rows[1:]] + [len(text)]
        spans = []
        for (start, space), following in zip(rows, nexts, strict=True):
            end = following - space  # the token's own text ends before its trailing space
            if " " in text[start:end]:
                spans.append((start, end))
        doc.user_data[WORD_SPANS_KEY] = spans
    return spans


def sentence_view(doc: Doc, rules, *, words: bool = False) -> str:
    """The pattern view of ``doc`` (see ``EntityRules.view``), made once per Doc and rule set;
    ``words=True`` also marks the spaces inside segmented words."""
    key = f"vnextract.view:{rules.folder}:{words}"
    view = doc.user_data.get(key)
    if view is None:
        toned_key = f"vnextract.toned:{rules.folder}"
        toned = doc.user_data.get(toned_key)
        if toned is None:
            toned = doc.user_data[toned_key] = rules.toned(doc_text(doc))
        spans = word_spans(doc) if words else ()
        view = doc.user_data[key] = rules.view(doc_text(doc), spans, toned)
    return view
