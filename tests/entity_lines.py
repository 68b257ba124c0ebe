"""Tag a test text whose lines are its sentences (shared by the entity test files)."""

from __future__ import annotations

from spacy.language import Language

from vnextract.core.model import Entity, Official, Sentence
from vnextract.entities import tag_document


def tag_lines(
    nlp: Language, text: str, province: str | None = None
) -> tuple[list[Entity], list[Official]]:
    """(entities, officials) of ``text``, one sentence per line."""
    sentences, pos = [], 0
    for i, line in enumerate(text.split("\n")):
        sentences.append(Sentence(i, pos, pos + len(line), line, i))
        pos += len(line) + 1
    return tag_document(nlp, "t", text, sentences, province)
