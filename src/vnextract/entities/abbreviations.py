"""Component ``vnextract_abbreviations``: learn abbreviations the article defines.

``Sở Thông tin và Truyền thông (TT&TT)`` teaches ``TT&TT`` for the rest of the
article: the letters of the abbreviation must be the initials of the words just
before the bracket (connectors such as ``và`` may be skipped or written ``&``).
"""

from __future__ import annotations

import regex
from spacy.language import Language
from spacy.tokens import Doc

from vnextract.core.textnorm import base_char
from vnextract.entities.context import sentence_view, sentences
from vnextract.entities.gazetteer import ABBR, EntityRules, entity_rules
from vnextract.entities.persist import SavesEntityRules

_DEFINITION = regex.compile(rf"\(\s*({ABBR})\s*\)")
_SYLLABLE = regex.compile(r"[\p{L}\d]+")
_CLAUSE_BREAK = regex.compile(r"[,;:()\[\]\n.!?“”\"]")
MAX_WORDS = 12


def expansion_before(
    text: str, end: int, abbr: str, connectors: set[str]
) -> tuple[int, str] | None:
    """The words ending at ``end`` whose initials spell ``abbr``, as (start, words), or None.

    Args:
        text: the text (a sentence or its pattern view).
        end: where the words end (just before the opening bracket).
        abbr: the abbreviation, e.g. ``TT&TT`` or ``CĐS``.
        connectors: folded connector words that may be skipped (``và``).
    """
    letters = [base_char(c) for c in abbr if c.isalpha()]
    if len(letters) < 2:
        return None
    left = text[:end]
    breaks = list(_CLAUSE_BREAK.finditer(left))
    floor = breaks[-1].end() if breaks else 0
    words = list(_SYLLABLE.finditer(left, floor))[-MAX_WORDS:]
    i, j = len(letters) - 1, len(words) - 1
    while i >= 0 and j >= 0:
        word = words[j].group()
        if base_char(word[0]) == letters[i]:
            i -= 1
        elif word.lower() not in connectors:
            return None
        j -= 1
    if i >= 0:
        return None
    start = words[j + 1].start()
    return start, " ".join(left[start : words[-1].end()].replace("_", " ").split())


def definitions(text: str, rules: EntityRules) -> list[tuple[int, str, str]]:
    """(where, abbreviation, expansion) of each definition in ``text``, in order."""
    found = []
    for m in _DEFINITION.finditer(text):
        hit = expansion_before(text, m.start(), m.group(1), rules.connectors)
        if hit:
            found.append((m.start(), m.group(1), hit[1]))
    return found


class AbbreviationLearner(SavesEntityRules):
    """Lists the article's own abbreviations in ``doc._.abbreviations``."""

    def __init__(self, nlp: Language, name: str, rules_folder: str | None = None) -> None:
        self.name = name
        self.rules = entity_rules(rules_folder)

    def __call__(self, doc: Doc) -> Doc:
        """Learn the definitions in ``doc``; returns the same Doc."""
        found = []
        for start, end, _ in sentences(doc):
            view = sentence_view(doc, start, end, self.rules)
            for at, abbr, expansion in definitions(view, self.rules):
                found.append({"abbr": abbr, "expansion": expansion, "char_start": start + at})
        doc._.abbreviations = found
        return doc
