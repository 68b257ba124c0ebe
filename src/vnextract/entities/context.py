"""Article state the entity components share, as registered Doc extensions.

Every value is plain data (str, int, list, dict, None), so a tagged Doc serialises
(``doc.to_bytes()``, ``DocBin(store_user_data=True)``, ``nlp.pipe(n_process=2)``):

==========================  ================================================================
``doc._.doc_id``            the document's id, copied into every official
``doc._.province``          canonical name of the article's province (``UBND tỉnh`` -> it)
``doc._.published``         the article's ISO date, or None: it chooses between the old and
                            the new name of a body renamed (``entities/renames.py``)
``doc._.abbreviations``     definitions the article makes, in order:
                            ``{"abbr", "expansion", "char_start"}``
``doc._.remembered``        names the resolver remembered (``@department``), in order:
                            ``{"name", "canonical", "char_start"}``
``doc._.candidates``        the ruler's matches, exact character offsets
``doc._.entities``          the resolver's entities, exact character offsets (``doc.ents``
                            holds them aligned to tokens)
``doc._.officials``         people linked to titles and agencies
``doc._.pending``           a name alone on the Doc's last line, waiting for a title
``span._.canonical``        an entity's canonical name (its ``kb_id_``)
==========================  ================================================================

Components read the sentences in order and see what the article taught up to the
sentence they read (a definition further on does not change an earlier name), as when
each sentence was a Doc of its own.
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass

from spacy.tokens import Doc, Span

from vnextract.segment.tokenizer import TEXT_KEY, WORD_SPANS_KEY, doc_cache
from vnextract.segment.tokenizer import register_extensions as _register_sentences

_DOC_EXTENSIONS = (
    "doc_id",
    "province",
    "published",
    "abbreviations",
    "remembered",
    "candidates",
    "entities",
    "officials",
    "pending",
    "closing",
)


def register_extensions() -> None:
    """Register the Doc and Span extensions (idempotent)."""
    _register_sentences()
    for name in _DOC_EXTENSIONS:
        if not Doc.has_extension(name):
            Doc.set_extension(name, default="" if name == "doc_id" else None)
    if not Span.has_extension("canonical"):
        Span.set_extension("canonical", getter=lambda span: span.kb_id_ or None)


@dataclass
class Candidate:
    """A pattern match with exact character offsets into the text it was found in."""

    start: int
    end: int
    label: str
    rule_id: str
    priority: int
    groups: dict[str, str | None]
    canonical: str = ""
    # the 2025 unit holding a LOCATION (vnextract.entities.admin_places), the body that
    # took over an AGENCY's work (vnextract.entities.renames)
    successor: str | None = None

    def as_dict(self) -> dict:
        return {
            "start": self.start,
            "end": self.end,
            "label": self.label,
            "rule_id": self.rule_id,
            "priority": self.priority,
            "groups": self.groups,
            "canonical": self.canonical,
            "successor": self.successor,
        }


@dataclass
class PendingName:
    """A name standing alone on its line, waiting for a title on the next line."""

    name: str
    start: int  # document offsets
    end: int
    sentence_index: int | None


@dataclass
class DocContext:
    """What the article taught up to one sentence; rebuilt from the Doc's extensions.

    ``offset`` and ``sentence_index`` locate the sentence being read in the Doc.
    """

    doc_id: str = ""
    province: str | None = None
    published: str | None = None
    abbreviations: dict[str, str] | None = None
    remembered: dict[str, str] | None = None
    offset: int = 0
    sentence_index: int | None = None

    def __post_init__(self) -> None:
        self.abbreviations = {} if self.abbreviations is None else self.abbreviations
        self.remembered = {} if self.remembered is None else self.remembered


class Reading:
    """The sentences of a Doc in order, each with the article's state as of that sentence."""

    def __init__(self, doc: Doc, *, remembered: bool = True) -> None:
        """``remembered=False``: leave ``ctx.remembered`` to the caller (the resolver,
        which remembers names as it reads)."""
        self.doc = doc
        self.text = doc_text(doc)
        self._defs = doc._.abbreviations or []
        self._memo = (doc._.remembered or []) if remembered else []
        self._next_def = self._next_memo = 0
        self.ctx = DocContext(
            doc_id=doc._.doc_id or "", province=doc._.province, published=doc._.published
        )

    def __iter__(self):
        """(sentence text, context) for each sentence; the context knows what was defined
        or remembered in this sentence and before it."""
        for start, end, index in sentences(self.doc):
            self.ctx.offset, self.ctx.sentence_index = start, index
            self._catch_up(end)
            yield self.text[start:end], self.ctx

    def _catch_up(self, end: int) -> None:
        ctx, defs, memo = self.ctx, self._defs, self._memo
        while self._next_def < len(defs) and defs[self._next_def]["char_start"] < end:
            d = defs[self._next_def]
            ctx.abbreviations[d["abbr"]] = d["expansion"]
            self._next_def += 1
        while self._next_memo < len(memo) and memo[self._next_memo]["char_start"] < end:
            m = memo[self._next_memo]
            ctx.remembered[m["name"]] = m["canonical"]
            self._next_memo += 1


def sentences(doc: Doc) -> list[tuple[int, int, int | None]]:
    """``(start, end, index)`` of the sentences the components read: those the tokenizer
    was given, else the Doc's own sentences, else the whole text as one."""
    table = doc._.sentences
    if table is not None:
        return [(s, e, i) for s, e, i in table]
    if doc.has_annotation("SENT_START"):
        return [(s.start_char, s.end_char, i) for i, s in enumerate(doc.sents)]
    text = doc_text(doc)
    return [(0, len(text), None)] if text.strip() else []


def doc_text(doc: Doc) -> str:
    """``doc.text``, built once per Doc."""
    cache = doc_cache(doc)
    text = cache.get(TEXT_KEY)
    if text is None:
        text = cache[TEXT_KEY] = doc.text
    return text


def word_spans(doc: Doc, start: int, end: int) -> list[tuple[int, int]]:
    """Spans, relative to ``start``, of the tokens in ``doc``'s text ``[start, end)`` that
    hold a space (underthesea's multi-syllable words); all are found once per Doc from its
    token offsets, without building Token objects."""
    cache = doc_cache(doc)
    by_sentence = cache.setdefault(WORD_SPANS_KEY, {})
    spans = by_sentence.get(start)
    if spans is None:
        spaced = cache.get("spaced")
        if spaced is None:
            text = doc_text(doc)
            rows = doc.to_array(["IDX", "SPACY"]).tolist()
            nexts = [s for s, _ in rows[1:]] + [len(text)]
            spaced = cache["spaced"] = []
            for (s, space), following in zip(rows, nexts, strict=True):
                e = following - space  # the token's own text ends before its trailing space
                if " " in text[s:e]:
                    spaced.append((s, e))
        i = bisect_left(spaced, (start, -1))
        spans = []
        while i < len(spaced) and spaced[i][1] <= end:
            spans.append((spaced[i][0] - start, spaced[i][1] - start))
            i += 1
        by_sentence[start] = spans
    return spans


def sentence_view(doc: Doc, start: int, end: int, rules, *, words: bool = False) -> str:
    """The pattern view (see ``EntityRules.view``) of ``doc``'s text ``[start, end)``, made
    once per Doc, sentence and rule set; ``words=True`` also marks the spaces inside
    segmented words."""
    cache = doc_cache(doc)
    key = ("view", str(rules.folder), start, end, words)
    view = cache.get(key)
    if view is None:
        toned_key = ("toned", str(rules.folder), start, end)
        body = doc_text(doc)[start:end]
        toned = cache.get(toned_key)
        if toned is None:
            toned = cache[toned_key] = rules.toned(body)
        spans = word_spans(doc, start, end) if words else ()
        view = cache[key] = rules.view(body, spans, toned)
    return view
