"""Entity tagging: agencies, officials, people, places, organisations, legal documents.

The spaCy components live one per module (abbreviations, ruler, resolver,
officials) and are registered in :mod:`vnextract.nlp`; :func:`tag_document`
runs them sentence by sentence over one article, carrying what the article
teaches (its abbreviations, its province, the department it is about) from one
sentence to the next but never to the next article.
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.language import Language

from vnextract.core.model import Entity, Furniture, Official, Sentence
from vnextract.core.spans import SpanIndex
from vnextract.entities.bylines import closing_names
from vnextract.entities.context import CONTEXT_KEY, DocContext
from vnextract.entities.officials import OFFICIALS_KEY
from vnextract.entities.resolver import ENTITIES_KEY

__all__ = ["DocContext", "tag_document"]


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
    ctx = DocContext(doc_id=doc_id, province=province)
    skipped = SpanIndex(skip)
    components = [proc for _, proc in nlp.pipeline]
    entities: list[Entity] = []
    officials: list[Official] = []
    read = [s for s in sentences if s.text.strip() and not skipped.covers(s.start, s.end)]
    for sentence in read:
        ctx.offset, ctx.sentence_index = sentence.start, sentence.index
        doc = nlp.make_doc(sentence.text)
        doc.user_data[CONTEXT_KEY] = ctx
        for proc in components:
            doc = proc(doc)
        for c in doc.user_data.get(ENTITIES_KEY, []):
            start, end = sentence.start + c.start, sentence.start + c.end
            if skipped.overlaps(start, end):
                continue
            entity = Entity(
                doc_id, c.label, text[start:end], c.canonical, start, end, sentence.index
            )
            entity.successor = c.successor
            entities.append(entity)
        officials.extend(
            o
            for o in doc.user_data.get(OFFICIALS_KEY, [])
            if not skipped.overlaps(o.char_start, o.char_end)
        )
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
