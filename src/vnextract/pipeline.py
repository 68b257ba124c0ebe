"""One document end to end: read, clean, segment, find figures and dates, build records.

:class:`Extractor` holds everything that is built once (rules, compiled patterns,
the spaCy pipeline) and is reused for every document of a run.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

import regex

from vnextract.core.errors import DocumentError, Errors
from vnextract.core.model import (
    DateMention,
    DocumentResult,
    Entity,
    Furniture,
    Metadata,
    Record,
    Sentence,
)
from vnextract.core.rules import Rules, default_rules
from vnextract.core.spans import SpanIndex
from vnextract.core.textnorm import Folder
from vnextract.entities.legal_links import LegalLinker
from vnextract.figures.dates import DateFinder
from vnextract.figures.numbers import NumberFinder
from vnextract.ingest.decode import read_document
from vnextract.ingest.furniture import find_furniture
from vnextract.ingest.metadata import extract_metadata
from vnextract.ingest.places import load_places
from vnextract.records.builder import Draft, RecordBuilder, SentenceContext
from vnextract.records.catalogue import Catalogue
from vnextract.records.paragraphs import ParagraphContext, ParagraphReader
from vnextract.segment.sentences import MAX_SENTENCE_CHARS, split_sentences

# header lines whose numbers are never figures (the dateline's time and view counters);
# a headline's figures are kept: they are often the article's main fact
_NO_FIGURES = {"crawl_stamp", "dateline"}
_ANY_DIGIT = regex.compile(r"\d+(?:[.,]\d+)*")


def record_id(doc_id: str, start: int, end: int) -> str:
    """Stable id of a record: a hash of where it stands."""
    return hashlib.sha256(f"{doc_id}:{start}:{end}".encode()).hexdigest()[:16]


def _uncovered(matches, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Matches (in text order) that overlap none of ``spans``."""
    covered = SpanIndex.of_pairs(spans).overlaps
    return [m.span() for m in matches if not covered(*m.span())]


class Extractor:
    """Everything built once per run; ``process_file`` handles one document."""

    def __init__(
        self, rules: Rules | None = None, *, entities: bool = True, encoding: str | None = None
    ) -> None:
        self.rules = rules or default_rules()
        # None: detect each file's encoding; a name forces it (``vnextract run --encoding``)
        self.encoding = encoding
        self.folder = Folder(self.rules["text.yml"])
        self.numbers = NumberFinder(self.rules["numbers.yml"])
        self.dates = DateFinder(self.rules["dates.yml"])
        self.builder = RecordBuilder(self.rules["records.yml"], self.folder)
        self.catalogue = Catalogue(self.rules["indicators.yml"], self.folder)
        self.boilerplate = self.rules["boilerplate.yml"]
        self.metadata_rules = self.rules["metadata.yml"]
        self.places = load_places(self.rules)
        self.legal = LegalLinker(self.rules["entities/legal.yml"], self.folder)
        self.paragraphs = ParagraphReader(self.rules["records.yml"], self.folder)
        self._nlp = None
        self._tag = None
        if entities:
            from vnextract.entities import tag_document
            from vnextract.nlp import load

            # figures and dates are found below, for the records as well
            self._nlp = load(figures=False)
            self._tag = tag_document

    # -- documents ------------------------------------------------------------------
    def process_file(self, path: Path | str, doc_id: str | None = None) -> DocumentResult:
        """Extract everything from one file; a bad file gives a result with status 'error'."""
        path = Path(path)
        doc_id = doc_id or path.stem
        try:
            raw = path.read_bytes()
        except OSError as exc:
            reason = exc.strerror or str(exc)
            error = Errors.E006.format(path=path, reason=reason.lower())
            return DocumentResult(doc_id, str(path), "", status="error", error=error)
        sha = hashlib.sha256(raw).hexdigest()
        try:
            source = read_document(path, encoding=self.encoding)
            result = self.process_text(
                source.text, doc_id, str(path), sha, html_title=source.html_title
            )
            result.encoding = source.encoding
            result.encoding_confidence = source.encoding_confidence
            result.decoding = source.decoding
            result.decoding_warnings = source.warnings
            return result
        except DocumentError as exc:
            return DocumentResult(doc_id, str(path), sha, status="error", error=str(exc))
        except Exception as exc:
            # a bug met on one article must not cost the batch: report it and go on
            error = Errors.E008.format(path=path, kind=type(exc).__name__, reason=exc)
            return DocumentResult(doc_id, str(path), sha, status="error", error=error)

    def process_text(
        self,
        text: str,
        doc_id: str,
        source: str = "",
        sha256: str = "",
        *,
        html_title: str | None = None,
    ) -> DocumentResult:
        """Extract records and entities from an already decoded text."""
        furniture = find_furniture(text, self.boilerplate)
        meta = extract_metadata(
            text, furniture, self.metadata_rules, html_title=html_title, places=self.places
        )
        crawl = [h for h in meta.header_spans if h.kind == "crawl_stamp"]
        no_figures = [*furniture, *(h for h in meta.header_spans if h.kind in _NO_FIGURES)]
        sentences = split_sentences(text, [*furniture, *crawl], max_chars=self._max_sentence())
        result = DocumentResult(
            doc_id=doc_id,
            source=source,
            sha256=sha256,
            text=text,
            title=meta.title,
            published=meta.published,
            province=meta.province,
            author=meta.author,
        )
        skipped = SpanIndex([*furniture, *crawl])
        dates_by_sentence = {s.index: self._dates(s, skipped) for s in sentences}
        for s in sentences:
            for d in dates_by_sentence[s.index]:
                if not d.dated:  # "25-26/12": no DATE (ANNOTATION.md), only no figure
                    continue
                result.entities.append(
                    Entity(
                        doc_id, "DATE", d.text, d.iso, s.start + d.start, s.start + d.end, s.index
                    )
                )
        if self._tag is not None:
            entities, officials = self._tag(
                self._nlp, doc_id, text, sentences, meta.province, [*furniture, *crawl]
            )
            result.entities.extend(entities)
            result.officials.extend(officials)
        result.entities.sort(key=lambda e: (e.char_start, e.char_end, e.label))
        self.legal.link(result.entities, text)
        self._records(result, text, sentences, dates_by_sentence, no_figures, meta)
        return result

    def _max_sentence(self) -> int:
        """Longest sentence: the segmenter's bound, and never more than spaCy takes (E088)."""
        if self._nlp is None:
            return MAX_SENTENCE_CHARS
        return min(MAX_SENTENCE_CHARS, self._nlp.max_length)

    def _dates(self, s: Sentence, skip: SpanIndex[Furniture]) -> list[DateMention]:
        found = self.dates.find(s.text, yearless=True)
        return [d for d in found if not skip.overlaps(s.start + d.start, s.start + d.end)]

    # -- records --------------------------------------------------------------------
    def _records(
        self,
        result: DocumentResult,
        text: str,
        sentences: list[Sentence],
        dates_by_sentence: dict[int, list[DateMention]],
        no_figures: list[Furniture],
        meta: Metadata,
    ) -> None:
        year = int(meta.published[:4]) if meta.published else None
        dated = {i: [d for d in found if d.dated] for i, found in dates_by_sentence.items()}
        paragraphs = self.paragraphs.contexts(sentences, dated, year)
        agencies = self._agencies(result.entities, sentences)
        notes: list[dict] = []
        no_figures_index = SpanIndex(no_figures)
        # a sentence's records are written after the next one is built: a qualifier there
        # may refer back to them ('Con số này tăng 12,4%')
        held: tuple[Sentence, list[Draft]] | None = None
        for s in sentences:
            touching = no_figures_index.overlapping(s.start, s.end)
            if any(f.start <= s.start and s.end <= f.end for f in touching):
                continue  # the whole sentence is furniture or a header line
            if not self.numbers.may_hold_figure(s.text):
                continue  # no digit and no number word: nothing to read here
            dates = dated[s.index]
            inside = [(f.start - s.start, f.end - s.start) for f in touching]
            exclude = [(d.start, d.end) for d in dates_by_sentence[s.index]] + inside
            blocked = self.numbers.blocked_spans(s.text)
            quantities = self.numbers.find(s.text, exclude, blocked)
            para = paragraphs.get(s.paragraph, ParagraphContext())
            ctx = SentenceContext(
                published_year=year, target_paragraph=para.target, period=para.period
            )
            built = self.builder.build(
                s.text,
                quantities,
                dates,
                [b - s.start for b in s.clause_breaks],
                ctx,
                # only the sentence right before can be referred back to
                previous=held[1] if held and held[0].index == s.index - 1 else (),
            )
            if held:
                result.records.extend(self._record(result, held[0], d, agencies) for d in held[1])
            held = (s, built.drafts)
            for q in built.unattached:
                notes.append(self._note("unattached_share_of_plan", s, q.start, q.end))
            covered = [(q.start, q.expr_end) for q in quantities] + exclude
            covered += blocked
            for start, end in _uncovered(_ANY_DIGIT.finditer(s.text), covered):
                notes.append(self._note("number_without_record", s, start, end))
        if held:
            result.records.extend(self._record(result, held[0], d, agencies) for d in held[1])
        result.review_notes = notes

    @staticmethod
    def _note(kind: str, s: Sentence, start: int, end: int) -> dict:
        return {
            "kind": kind,
            "text": s.text[start:end],
            "char_start": s.start + start,
            "char_end": s.start + end,
            "sentence_index": s.index,
        }

    def _record(
        self, result: DocumentResult, s: Sentence, draft: Draft, agencies: dict[int, str | None]
    ) -> Record:
        q = draft.quantity
        start, end = s.start + q.start, s.start + q.end
        return Record(
            record_id=record_id(result.doc_id, start, end),
            doc_id=result.doc_id,
            sentence_index=s.index,
            sentence=s.text,
            char_start=start,
            char_end=end,
            value=float(q.value),
            value_text=q.value_text,
            unit=draft.unit,
            subject=draft.subject,
            value_max=float(q.value_max) if q.value_max is not None else None,
            per=draft.per,
            total=float(q.total) if q.total is not None else None,
            indicator_id=self.catalogue.match(draft.subject, draft.unit),
            bound=draft.bound,
            estimated=draft.estimated,
            kind=draft.kind,
            plan_percent=float(draft.plan_percent) if draft.plan_percent is not None else None,
            change_percent=float(draft.change_percent)
            if draft.change_percent is not None
            else None,
            period=draft.period,
            province=result.province,
            agency=agencies.get(s.index),
            rule=draft.rule,
            expr_char_end=s.start + q.expr_end,
        )

    def _agencies(self, entities: list[Entity], sentences: list[Sentence]) -> dict[int, str | None]:
        """The reporting body of each sentence: its first agency, else the article's first."""
        agencies = [e for e in entities if e.label == "AGENCY"]
        first = agencies[0].canonical if agencies else None
        by_sentence: dict[int, str | None] = {}
        for e in agencies:
            by_sentence.setdefault(e.sentence_index, e.canonical)
        return {s.index: by_sentence.get(s.index, first) for s in sentences}
