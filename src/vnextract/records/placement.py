"""Place a document's records: read each sentence's figures, build their drafts and
turn them into :class:`Record` rows with document offsets, indicator, province and
reporting agency; numbers that gave no record become review notes.

A sentence's drafts are held until the next sentence is built, because a qualifier
there may refer back to them ('Con số này tăng 12,4%') and change them in place.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Sequence
from decimal import Decimal

import regex

from vnextract.core.model import (
    DateMention,
    DocumentResult,
    Entity,
    Furniture,
    Metadata,
    Quantity,
    Record,
    Sentence,
)
from vnextract.core.rules import Rules
from vnextract.core.spans import SpanIndex
from vnextract.core.textnorm import Folder
from vnextract.figures.numbers import NumberFinder
from vnextract.records.builder import RecordBuilder
from vnextract.records.catalogue import Catalogue
from vnextract.records.draft import Draft, SentenceContext, SentenceResult
from vnextract.records.paragraphs import ParagraphContext, ParagraphReader

_ANY_DIGIT = regex.compile(r"\d+(?:[.,]\d+)*")
# distinct sentences whose figures are kept (see RecordPlacer._figures): memory stays flat
_MEMO_SENTENCES = 20_000


def record_id(doc_id: str, start: int, end: int) -> str:
    """Stable id of a record: a hash of where it stands."""
    return hashlib.sha256(f"{doc_id}:{start}:{end}".encode()).hexdigest()[:16]


def _uncovered(
    matches: Iterable[regex.Match], spans: list[tuple[int, int]]
) -> list[tuple[int, int]]:
    """Matches (in text order) that overlap none of ``spans``."""
    covered = SpanIndex.of_pairs(spans).overlaps
    return [m.span() for m in matches if not covered(*m.span())]


def _note(kind: str, s: Sentence, start: int, end: int) -> dict:
    """A review note on ``s.text[start:end]``, in document offsets."""
    return {
        "kind": kind,
        "text": s.text[start:end],
        "char_start": s.start + start,
        "char_end": s.start + end,
        "sentence_index": s.index,
    }


def agencies_by_sentence(
    entities: list[Entity], sentences: list[Sentence]
) -> dict[int, str | None]:
    """The reporting body of each sentence: its first agency, else the article's first."""
    agencies = [e for e in entities if e.label == "AGENCY"]
    first = agencies[0].canonical if agencies else None
    by_sentence: dict[int, str | None] = {}
    for e in agencies:
        by_sentence.setdefault(e.sentence_index, e.canonical)
    return {s.index: by_sentence.get(s.index, first) for s in sentences}


def _optional(value: Decimal | None) -> float | None:
    return float(value) if value is not None else None


class RecordPlacer:
    """The record stage of a run: built once, :meth:`place` fills one document."""

    def __init__(self, rules: Rules, folder: Folder, numbers: NumberFinder) -> None:
        self.numbers = numbers
        self._memo: dict[tuple, tuple[list[tuple[int, int]], list[Quantity]]] = {}
        self.builder = RecordBuilder(rules["records.yml"], folder)
        self.catalogue = Catalogue(rules["indicators.yml"], folder)
        self.paragraphs = ParagraphReader(rules["records.yml"], folder)

    def place(
        self,
        result: DocumentResult,
        sentences: list[Sentence],
        dates_by_sentence: dict[int, list[DateMention]],
        no_figures: list[Furniture],
        meta: Metadata,
    ) -> None:
        """Fill ``result.records`` and ``result.review_notes`` from the document's sentences.

        Args:
            result: the document, its entities already found (for the agencies).
            sentences: its sentences, in order.
            dates_by_sentence: each sentence's dates (offsets into the sentence).
            no_figures: furniture and header lines whose numbers are no figures.
            meta: the document's metadata (the publication year).
        """
        year = int(meta.published[:4]) if meta.published else None
        dated = {i: [d for d in found if d.dated] for i, found in dates_by_sentence.items()}
        paragraphs = self.paragraphs.contexts(sentences, dated, year)
        agencies = agencies_by_sentence(result.entities, sentences)
        notes: list[dict] = []
        no_figures_index = SpanIndex(no_figures)
        # sentences built but not yet recorded: a later qualifier may still change them
        pending: list[tuple[Sentence, list[Draft]]] = []
        for s in sentences:
            touching = no_figures_index.overlapping(s.start, s.end)
            if any(f.start <= s.start and s.end <= f.end for f in touching):
                continue  # the whole sentence is furniture or a header line
            if not self.numbers.may_hold_figure(s.text):
                continue  # no digit and no number word: nothing to read here
            para = paragraphs.get(s.paragraph, ParagraphContext())
            ctx = SentenceContext(
                published_year=year, target_paragraph=para.target, period=para.period
            )
            inside = [(f.start - s.start, f.end - s.start) for f in touching]
            # 'con số này' refers to the sentence right before; a qualifier that names its
            # figure by its noun may reach one sentence further when the one between has none
            previous = pending[-1][1] if pending and pending[-1][0].index == s.index - 1 else ()
            recent = [d for p, d in pending if d and p.index >= s.index - 2]
            earlier = recent[-1] if recent and not previous else ()
            built = self._sentence(
                s,
                dates_by_sentence[s.index],
                dated[s.index],
                inside,
                ctx,
                (previous, earlier),
                notes,
            )
            while pending and pending[0][0].index < s.index - 1:
                done, drafts = pending.pop(0)
                result.records.extend(self._record(result, done, d, agencies) for d in drafts)
            pending.append((s, built.drafts))
        for done, drafts in pending:
            result.records.extend(self._record(result, done, d, agencies) for d in drafts)
        result.review_notes = notes

    def _sentence(
        self,
        s: Sentence,
        dates: list[DateMention],
        dated: list[DateMention],
        inside: list[tuple[int, int]],
        ctx: SentenceContext,
        before: tuple[Sequence[Draft], Sequence[Draft]],
        notes: list[dict],
    ) -> SentenceResult:
        """Build one sentence's drafts; note its numbers that gave none. ``before``: the
        drafts a qualifier may refer back to (see :meth:`RecordBuilder.build`)."""
        exclude = [(d.start, d.end) for d in dates] + inside
        blocked, quantities = self._figures(s.text, exclude)
        breaks = [b - s.start for b in s.clause_breaks]
        previous, earlier = before
        built = self.builder.build(s.text, quantities, dated, breaks, ctx, previous, earlier)
        for q in built.unattached:
            notes.append(_note("unattached_share_of_plan", s, q.start, q.end))
        covered = [(q.start, q.expr_end) for q in quantities] + exclude
        covered += blocked
        for start, end in _uncovered(_ANY_DIGIT.finditer(s.text), covered):
            notes.append(_note("number_without_record", s, start, end))
        return built

    def _figures(
        self, text: str, exclude: list[tuple[int, int]]
    ) -> tuple[list[tuple[int, int]], list[Quantity]]:
        """The blocked spans and figures of ``text`` outside ``exclude``: they depend on
        those alone, and sentences recur across a site's articles, so each is read once
        (a bounded memo)."""
        key = (text, tuple(exclude))
        found = self._memo.get(key)
        if found is None:
            if len(self._memo) >= _MEMO_SENTENCES:
                self._memo.clear()
            blocked = self.numbers.blocked_spans(text)
            found = self._memo[key] = (blocked, self.numbers.find(text, exclude, blocked))
        return list(found[0]), list(found[1])

    def _record(
        self, result: DocumentResult, s: Sentence, draft: Draft, agencies: dict[int, str | None]
    ) -> Record:
        """The output row of ``draft``, found in sentence ``s`` of ``result``."""
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
            value_max=_optional(q.value_max),
            per=draft.per,
            total=_optional(q.total),
            indicator_id=self.catalogue.match(draft.subject, draft.unit),
            bound=draft.bound,
            estimated=draft.estimated,
            kind=draft.kind,
            plan_percent=_optional(draft.plan_percent),
            change_percent=_optional(draft.change_percent),
            period=draft.period,
            province=result.province,
            agency=agencies.get(s.index),
            rule=draft.rule,
            expr_char_end=s.start + q.expr_end,
        )
