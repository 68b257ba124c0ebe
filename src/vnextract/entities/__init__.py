"""Entity tagging: agencies, officials, people, places, organisations, legal documents.

The spaCy components live one per module (abbreviations, ruler, resolver,
officials) and are registered in :mod:`vnextract.nlp`; :func:`tag_document`
runs them over one Doc per article, made from the pipeline's own sentences. What the
article teaches (its abbreviations, its province, the department it is about) is kept
in Doc extensions (:mod:`vnextract.entities.context`) and carried from one sentence to
the next, never to the next article.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence

from spacy.language import Language

from vnextract.core.model import Entity, Furniture, Official, Sentence
from vnextract.core.spans import SpanIndex
from vnextract.entities.bylines import closing_names
from vnextract.entities.context import register_extensions

__all__ = ["tag_document"]

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
        skip: furniture spans (counters, menus); nothing inside them is returned.
    Returns:
        (entities, officials), offsets into ``text``, in document order.
    """
    register_extensions()
    if len(nlp.vocab) < VOCAB_KEPT or nlp.vocab.in_memory_zone:
        return _tag(nlp, doc_id, text, sentences, province, skip)
    # the vocabulary keeps the words of the first articles; after that, words new to it
    # live only while their article is tagged, so memory stays flat on an archive
    with nlp.memory_zone():
        return _tag(nlp, doc_id, text, sentences, province, skip)


def _tag(
    nlp: Language,
    doc_id: str,
    text: str,
    sentences: list[Sentence],
    province: str | None,
    skip: Sequence[Furniture],
) -> tuple[list[Entity], list[Official]]:
    """:func:`tag_document`'s work; nothing spaCy made is returned (a memory zone
    frees it)."""
    skipped = SpanIndex(skip)
    read = [s for s in sentences if s.text.strip() and not skipped.covers(s.start, s.end)]
    # the tokenizer, not nlp.make_doc: an article may be longer than nlp.max_length,
    # which bounds a sentence (the pipeline cuts longer ones), not an article
    doc = nlp.tokenizer.from_sentences(text, [(s.start, s.end, s.index) for s in read])
    doc._.doc_id, doc._.province = doc_id, province
    for _, proc in nlp.pipeline:
        doc = proc(doc)
    index_at = {s.start: s.index for s in read}
    starts = sorted(index_at)
    entities: list[Entity] = []
    for e in doc._.entities or []:
        start, end = e["start"], e["end"]
        if skipped.overlaps(start, end):
            continue
        index = index_at[starts[bisect_right(starts, start) - 1]]
        entity = Entity(doc_id, e["label"], text[start:end], e["canonical"], start, end, index)
        entity.successor = e.get("successor")
        entities.append(entity)
    officials = [
        Official(**o)
        for o in doc._.officials or []
        if not skipped.overlaps(o["char_start"], o["char_end"])
    ]
    if read and nlp.has_pipe("vnextract_entity_resolver"):
        resolver = nlp.get_pipe("vnextract_entity_resolver")
        entities += _byline(doc_id, read[-1], text, entities, resolver.rules)
    return entities, officials


def _byline(doc_id: str, sentence: Sentence, text: str, found: list[Entity], rules) -> list[Entity]:
    """PERSON entities for the names on the article's closing line not already found."""
    taken = {(e.char_start, e.char_end) for e in found if e.sentence_index == sentence.index}
    out = []
    for c in closing_names(sentence.text, rules):
        start, end = sentence.start + c.start, sentence.start + c.end
        if (start, end) not in taken:
            out.append(
                Entity(doc_id, "PERSON", text[start:end], c.canonical, start, end, sentence.index)
            )
    return out
