"""One document end to end: read, clean, segment, find figures and dates, build records.

:class:`Extractor` holds everything that is built once (rules, compiled patterns,
the spaCy pipeline) and is reused for every document of a run.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from vnextract.core.errors import DocumentError, Errors
from vnextract.core.model import (
    DateMention,
    DocumentResult,
    Entity,
    Furniture,
    Sentence,
)
from vnextract.core.rules import Rules, default_rules
from vnextract.core.spans import SpanIndex
from vnextract.core.textnorm import Folder
from vnextract.entities import NAMED_FURNITURE
from vnextract.entities.legal_links import LegalLinker
from vnextract.figures.dates import DateFinder
from vnextract.figures.numbers import NumberFinder
from vnextract.ingest.decode import read_document
from vnextract.ingest.furniture import find_furniture
from vnextract.ingest.metadata import extract_metadata
from vnextract.ingest.places import load_places
from vnextract.records.placement import RecordPlacer
from vnextract.segment.sentences import MAX_SENTENCE_CHARS, split_sentences

# furniture whose dates are DATE entities too
_DATED_FURNITURE = frozenset({"related"})

# header lines whose numbers are never figures (the dateline's time and view counters);
# a headline's figures are kept: they are often the article's main fact
_NO_FIGURES = {"crawl_stamp", "dateline"}


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
        self.records = RecordPlacer(self.rules, self.folder, self.numbers)
        self.boilerplate = self.rules["boilerplate.yml"]
        self.metadata_rules = self.rules["metadata.yml"]
        self.places = load_places(self.rules)
        self.legal = LegalLinker(self.rules["entities/legal.yml"], self.folder)
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
        # lines of named furniture stay sentences for the tagger; no figure is read in them
        unread = [f for f in furniture if f.kind not in NAMED_FURNITURE]
        sentences = split_sentences(text, [*unread, *crawl], max_chars=self._max_sentence())
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
        # a related headline's date ('… (12/10/2024)') is a DATE the page names, as its
        # places are; it never dates a record
        undated = SpanIndex([f for f in [*furniture, *crawl] if f.kind not in _DATED_FURNITURE])
        found_dates = {s.index: self.dates.find(s.text, yearless=True) for s in sentences}
        dates_by_sentence = {s.index: _outside(found_dates[s.index], s, skipped) for s in sentences}
        for s in sentences:
            for d in _outside(found_dates[s.index], s, undated):
                if not d.dated:  # "25-26/12": no DATE (ANNOTATION.md), only no figure
                    continue
                result.entities.append(
                    Entity(
                        doc_id, "DATE", d.text, d.iso, s.start + d.start, s.start + d.end, s.index
                    )
                )
        if self._tag is not None:
            entities, officials = self._tag(
                self._nlp,
                doc_id,
                text,
                sentences,
                meta.province,
                [*furniture, *crawl],
                published=meta.published,
            )
            result.entities.extend(entities)
            result.officials.extend(officials)
            result.entities += self._issued_dates(doc_id, sentences, skipped, entities)
        result.entities.sort(key=lambda e: (e.char_start, e.char_end, e.label))
        self.legal.link(result.entities, text)
        self.records.place(result, sentences, dates_by_sentence, no_figures, meta)
        return result

    def _max_sentence(self) -> int:
        """Longest sentence: the segmenter's bound, and never more than spaCy takes (E088)."""
        if self._nlp is None:
            return MAX_SENTENCE_CHARS
        return min(MAX_SENTENCE_CHARS, self._nlp.max_length)

    def _issued_dates(
        self,
        doc_id: str,
        sentences: list[Sentence],
        skip: SpanIndex[Furniture],
        entities: list[Entity],
    ) -> list[Entity]:
        """DATE entities for the issuing dates of documents named in furniture (a
        masthead's 'Giấy phép số 37/GP-TTĐT ngày 15/3/2021'), whose other dates are not
        read."""
        found: list[Entity] = []
        by_index = {s.index: s for s in sentences}
        for e in entities:
            if e.label != "LEGAL_DOC" or not skip.overlaps(e.char_start, e.char_end):
                continue
            s = by_index[e.sentence_index]
            for d in self.dates.find(s.text[e.char_end - s.start :]):
                start = e.char_end + d.start
                if d.dated and self.legal.dated_by(s.text, e.char_end - s.start, start - s.start):
                    end = start + len(d.text)
                    found.append(Entity(doc_id, "DATE", d.text, d.iso, start, end, s.index))
                break  # only the date right after the document
        return found


def _outside(
    found: list[DateMention], s: Sentence, skip: SpanIndex[Furniture]
) -> list[DateMention]:
    """The dates of ``found`` (in sentence ``s``) that no span of ``skip`` overlaps."""
    return [d for d in found if not skip.overlaps(s.start + d.start, s.start + d.end)]
