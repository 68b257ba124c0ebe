"""Entity tagging: agencies, officials, people, places, organisations, legal documents.

The spaCy components live one per module (abbreviations, ruler, resolver,
officials) and are registered in :mod:`vnextract.factories`; :func:`tag_document`
runs them sentence by sentence over one article, carrying what the article
teaches (its abbreviations, its province, the department it is about) from one
sentence to the next but never to the next article.
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.language import Language

from ..model import Entity, Furniture, Official, Sentence
from .context import CONTEXT_KEY, DocContext
from .officials import OFFICIALS_KEY
from .resolver import ENTITIES_KEY

__all__ = ["DocContext", "tag_document"]


def _inside(start: int, end: int, skip: Sequence[Furniture]) -> bool:
    return any(start < f.end and f.start < end for f in skip)


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
    components = [proc for _, proc in nlp.pipeline]
    entities: list[Entity] = []
    officials: list[Official] = []
    for sentence in sentences:
        if not sentence.text.strip() or any(
            f.start <= sentence.start and sentence.end <= f.end for f in skip
        ):
            continue
        ctx.offset, ctx.sentence_index = sentence.start, sentence.index
        doc = nlp.make_doc(sentence.text)
        doc.user_data[CONTEXT_KEY] = ctx
        for proc in components:
            doc = proc(doc)
        for c in doc.user_data.get(ENTITIES_KEY, []):
            start, end = sentence.start + c.start, sentence.start + c.end
            if _inside(start, end, skip):
                continue
            entity = Entity(
                doc_id, c.label, text[start:end], c.canonical, start, end, sentence.index
            )
            entity.successor = c.successor
            entities.append(entity)
        officials.extend(
            o
            for o in doc.user_data.get(OFFICIALS_KEY, [])
            if not _inside(o.char_start, o.char_end, skip)
        )
    return entities, officials
