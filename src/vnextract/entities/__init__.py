"""Entity tagging: agencies, officials, people, places, organisations, legal documents.

The spaCy components live one per module (abbreviations, ruler, place finder,
resolver, officials, bylines) and are registered in :mod:`vnextract.nlp`; :func:`tag_document`
runs them over one Doc per article, made from the pipeline's own sentences. What the
article teaches (its abbreviations, its province, the department it is about) is kept
in Doc extensions (:mod:`vnextract.entities.context`) and carried from one sentence to
the next, never to the next article.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence

import regex
from spacy.language import Language

from vnextract.core.model import Entity, Furniture, Official, Sentence
from vnextract.core.spans import SpanIndex
from vnextract.entities.bylines import credit_names, find_closing
from vnextract.entities.context import register_extensions

__all__ = ["NAMED_FURNITURE", "tag_document"]

# furniture whose places and organisations a reader sees as the page's: the publisher's
# address and masthead, related headlines. Their lines are read, and only these labels kept.
NAMED_FURNITURE = frozenset({"address", "copyright", "masthead", "related"})
# a masthead's licence ('Giấy phép số 37/GP-TTĐT') is a numbered document like any other
_FURNITURE_LABELS = frozenset({"LOCATION", "ORG", "LEGAL_DOC"})
# furniture whose officials are the page's too: the masthead names its editor
# ('Tổng Biên tập: Nguyễn Văn A'); the official and the PERSON of its name are kept
_OFFICIAL_FURNITURE = frozenset({"copyright", "masthead"})
# a masthead's owner is an agency the page names ('Báo X - Cơ quan của Tỉnh ủy X'); a
# footer imprint's ('Cơ quan chủ quản: Văn phòng UBND tỉnh X') too: agencies only
_OWNER_FURNITURE = frozenset({"masthead"})
# a street in the publisher's address is part of the address, not a place the page names
_ADDRESS_RULES = frozenset({"location.street", "location.street_number"})

# lexemes the shared spaCy vocabulary may hold before new words become per-article
# (about 0.45 KB each: 20,000 are some 9 MB)
VOCAB_KEPT = 20_000


def tag_document(
    nlp: Language,
    doc_id: str,
    text: str,
    sentences: list[Sentence],
    province: str | None,
    skip: Sequence[Furniture] = (),
    published: str | None = None,
) -> tuple[list[Entity], list[Official]]:
    """Tag the entities and officials of one article.

    Args:
        nlp: the pipeline from :func:`vnextract.load` (or any pipeline with the
            vnextract entity components).
        doc_id: the document's id, copied into every result.
        text: the document text; ``sentences`` index into it.
        sentences: the article's sentences, in order.
        province: canonical name of the article's province, or None; bare
            ``UBND tỉnh``, ``Sở TT&TT``, ``Tỉnh ủy`` resolve to it.
        skip: furniture spans (counters, menus); nothing inside them is returned, but
            the LOCATION and ORG entities of :data:`NAMED_FURNITURE`.
        published: the article's ISO date (or datetime), or None; it chooses the name in
            force of a body renamed in the rule files (``Sở TT&TT`` after March 2025).
    Returns:
        (entities, officials), offsets into ``text``, in document order.
    """
    register_extensions()
    if len(nlp.vocab) < VOCAB_KEPT or nlp.vocab.in_memory_zone:
        return _tag(nlp, doc_id, text, sentences, province, skip, published)
    # the vocabulary keeps the words of the first articles; after that, words new to it
    # live only while their article is tagged, so memory stays flat on an archive
    with nlp.memory_zone():
        return _tag(nlp, doc_id, text, sentences, province, skip, published)


def _tag(
    nlp: Language,
    doc_id: str,
    text: str,
    sentences: list[Sentence],
    province: str | None,
    skip: Sequence[Furniture],
    published: str | None,
) -> tuple[list[Entity], list[Official]]:
    """:func:`tag_document`'s work; nothing spaCy made is returned (a memory zone
    frees it)."""
    skipped = SpanIndex(skip)
    hard = SpanIndex([f for f in skip if f.kind not in NAMED_FURNITURE])
    masthead = SpanIndex([f for f in skip if f.kind in _OFFICIAL_FURNITURE])
    owner = SpanIndex([f for f in skip if f.kind in _OWNER_FURNITURE])
    read = [s for s in sentences if s.text.strip() and not hard.covers(s.start, s.end)]
    body = [s for s in read if not skipped.covers(s.start, s.end)]
    # the tokenizer, not nlp.make_doc: an article may be longer than nlp.max_length,
    # which bounds a sentence (the pipeline cuts longer ones), not an article
    doc = nlp.tokenizer.from_sentences(text, [(s.start, s.end, s.index) for s in read])
    doc._.doc_id, doc._.province, doc._.published = doc_id, province, published
    # the byline is on the body's last line, not on the footer lines read for places
    if nlp.has_pipe("vnextract_bylines"):
        doc._.closing = find_closing(text, body, nlp.get_pipe("vnextract_bylines").rules)
    else:
        doc._.closing = (body[-1].start, body[-1].end) if body else None
    for _, proc in nlp.pipeline:
        doc = proc(doc)
    officials = [
        Official(**o)
        for o in doc._.officials or []
        if not skipped.overlaps(o["char_start"], o["char_end"])
        or (
            masthead.covers(o["char_start"], o["char_end"])
            and not hard.overlaps(o["char_start"], o["char_end"])
        )
    ]
    named = {(o.char_start, o.char_end) for o in officials}
    ruler = (
        nlp.get_pipe("vnextract_entity_ruler") if nlp.has_pipe("vnextract_entity_ruler") else None
    )
    issued_by = ruler.rules.issuer_gap if ruler else None
    licences = sorted(e["end"] for e in doc._.entities or [] if e["label"] == "LEGAL_DOC")
    index_at = {s.start: s.index for s in read}
    starts = sorted(index_at)
    entities: list[Entity] = []
    for e in doc._.entities or []:
        start, end = e["start"], e["end"]
        if skipped.overlaps(start, end) and (
            e["label"] not in _FURNITURE_LABELS
            or e.get("rule_id") in _ADDRESS_RULES
            or hard.overlaps(start, end)
        ):
            kept = (e["label"] == "PERSON" and (start, end) in named) or (
                e["label"] == "AGENCY"
                and not hard.overlaps(start, end)
                and (
                    owner.covers(start, end)
                    or (e.get("rule_id", "").startswith("agency.") and masthead.covers(start, end))
                    or _issues(issued_by, text, licences, start)
                )
            )
            if not kept:
                continue
        index = index_at[starts[bisect_right(starts, start) - 1]]
        entity = Entity(doc_id, e["label"], text[start:end], e["canonical"], start, end, index)
        entity.successor = e.get("successor")
        entities.append(entity)
    if nlp.has_pipe("vnextract_bylines"):
        rules = nlp.get_pipe("vnextract_bylines").rules
        credits = [f for f in skip if f.kind == "image_credit"]
        entities += _credited(doc_id, text, credits, read, rules)
    return entities, officials


def _credited(
    doc_id: str, text: str, credits: list[Furniture], read: list[Sentence], rules
) -> list[Entity]:
    """PERSON entities for the people photo credits name (furniture, else never read);
    ``sentence_index`` is the sentence holding an inline credit, None for a credit line."""
    starts = [s.start for s in read]
    out = []
    for f in credits:
        i = bisect_right(starts, f.start) - 1
        index = read[i].index if i >= 0 and f.end <= read[i].end else None
        for c in credit_names(text[f.start : f.end], rules):
            start, end = f.start + c.start, f.start + c.end
            out.append(Entity(doc_id, "PERSON", text[start:end], c.canonical, start, end, index))
    return out


def _issues(gap: regex.Pattern[str] | None, text: str, licences: list[int], start: int) -> bool:
    """Whether the agency at ``start`` issued a legal document ending just before it."""
    if gap is None:
        return False
    i = bisect_right(licences, start)
    return i > 0 and gap.fullmatch(text, licences[i - 1], start) is not None
