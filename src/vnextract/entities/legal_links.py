"""Legal documents get the issuing date and issuer their sentence gives:
"Kế hoạch số 586/KH-UBND ngày 22/8/2022 của UBND tỉnh", "UBND tỉnh ban hành Quyết định số ..."."""

from __future__ import annotations

import regex

from vnextract.core.model import Entity
from vnextract.core.patterns import alternation
from vnextract.core.textnorm import Folder
from vnextract.entities.schema import LegalRules


class LegalLinker:
    """Compiled lead words of ``rules/entities/legal.yml``."""

    def __init__(self, legal: LegalRules, folder: Folder) -> None:
        self.folder = folder
        self._date_gap = regex.compile(
            rf"[\s,]*(?:(?:{alternation(legal.date_lead, fold=str.lower)})\s+)?", regex.I
        )
        self._issuer_gap = regex.compile(
            rf"[\s,]*(?:{alternation(legal.issuer_lead, fold=str.lower)})\s+"
        )
        self._issuer_verb = regex.compile(
            rf"\s+(?:{alternation(legal.issuer_verbs, fold=str.lower)})\s+"
        )

    def dated_by(self, text: str, doc_end: int, date_start: int) -> bool:
        """Whether a date at ``date_start`` is the issuing date of a document ending at
        ``doc_end`` ('... số 37/GP-TTĐT ngày 15/3/2021')."""
        return bool(self._date_gap.fullmatch(text[doc_end:date_start]))

    def link(self, entities: list[Entity], text: str) -> None:
        """Set ``issued`` and ``issuer`` on the LEGAL_DOC entities of one document."""
        by_sentence: dict[int | None, list[Entity]] = {}
        for e in entities:
            by_sentence.setdefault(e.sentence_index, []).append(e)
        for e in entities:
            if e.label != "LEGAL_DOC":
                continue
            after = e.char_end
            neighbours = [n for n in by_sentence[e.sentence_index] if n.char_start >= after]
            for n in neighbours:
                if n.label == "DATE" and self.dated_by(text, after, n.char_start):
                    e.issued, after = n.canonical, n.char_end
                    break
            for n in neighbours:
                if n.char_start < after or n.label not in ("AGENCY", "ORG"):
                    continue
                if self._issuer_gap.fullmatch(self.folder.key(text[after : n.char_start]) + " "):
                    e.issuer = n.canonical
                break
            if e.issuer is None:
                before = [
                    n
                    for n in by_sentence[e.sentence_index]
                    if n.char_end <= e.char_start and n.label in ("AGENCY", "ORG")
                ]
                gap = self.folder.key(text[before[-1].char_end : e.char_start]) if before else ""
                if before and self._issuer_verb.fullmatch(f" {gap} "):
                    e.issuer = before[-1].canonical
