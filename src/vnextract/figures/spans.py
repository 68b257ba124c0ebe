"""Component ``vnextract_figures``: figures and dates as spans of the Doc.

Per sentence, as the pipeline reads them: dates first (``doc.spans["dates"]``, and the
dated ones as DATE in ``doc.ents``, ISO value in ``kb_id_``), then the figures outside
them (``doc.spans["figures"]``, the number as written in ``kb_id_``). Offsets are the
tokens around the exact match (``alignment_mode="expand"``).
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from vnextract.core.rules import RULE_FILES, load_rules
from vnextract.core.textnorm import Folder
from vnextract.entities.context import doc_text, sentences
from vnextract.entities.persist import save_rules, saved_rules
from vnextract.figures.dates import DateFinder
from vnextract.figures.numbers import NumberFinder

FILES = {name: RULE_FILES[name] for name in ("numbers.yml", "dates.yml", "text.yml")}


class FigureFinder:
    """Sets ``doc.spans["figures"]``, ``doc.spans["dates"]`` and DATE entities."""

    def __init__(self, nlp: Language, name: str, rules_folder: str | None = None) -> None:
        self.name = name
        self._build(rules_folder)

    def _build(self, folder: str | None) -> None:
        self.rules = load_rules(folder, files=FILES)
        self.numbers = NumberFinder(self.rules["numbers.yml"])
        self.dates = DateFinder(self.rules["dates.yml"], Folder(self.rules["text.yml"]))

    def __call__(self, doc: Doc) -> Doc:
        """Find the figures and dates of ``doc``; returns the same Doc."""
        text = doc_text(doc)
        figures: list[Span] = []
        dates: list[Span] = []
        dated: list[Span] = []
        for start, end, _ in sentences(doc):
            body = text[start:end]
            found = self.dates.find(body, yearless=True)
            for d in found:
                span = doc.char_span(
                    start + d.start, start + d.end, "DATE", alignment_mode="expand"
                )
                if span is not None:
                    span.kb_id_ = d.iso
                    dates.append(span)
                    if d.dated:  # "25-26/12" is no DATE entity, only no figure
                        dated.append(span)
            if not self.numbers.may_hold_figure(body):
                continue
            for q in self.numbers.find(body, [(d.start, d.end) for d in found]):
                span = doc.char_span(
                    start + q.start, start + q.end, "FIGURE", alignment_mode="expand"
                )
                if span is not None:
                    span.kb_id_ = str(q.value)
                    figures.append(span)
        doc.spans["dates"] = dates
        doc.spans["figures"] = figures
        doc.ents = filter_spans([*doc.ents, *dated])
        return doc

    def to_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> None:
        save_rules(self.rules.folder, FILES, path)

    def from_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> FigureFinder:
        self._build(saved_rules(path))
        return self
