"""Component ``vnextract_bylines``: names on an article's closing line. The author's byline
(``Đức Minh, Thiên Thanh``, ``NGUYỄN NGHĨA``) is a PERSON, never an official
(ANNOTATION.md); so are the people a photo credit names (``Ảnh: Minh Thu``), which
:func:`vnextract.entities.tag_document` reads in the furniture (:func:`credit_names`).

Only the last line is read this way: anywhere else a short capitalised line is as likely
a heading. Parts are split at commas, dashes and the joiners of ``titles.yml``; each part
must be two to four capitalised (or all upper-case) syllables that no other rule reads as
something else (a place, an agency).
"""

from __future__ import annotations

from functools import lru_cache

import regex
from spacy.language import Language
from spacy.tokens import Doc
from spacy.util import filter_spans

from vnextract.core.model import Sentence
from vnextract.entities.context import Candidate, doc_text, sentences
from vnextract.entities.gazetteer import EntityRules, alternation, entity_rules
from vnextract.entities.persist import SavesEntityRules
from vnextract.entities.resolver import choose
from vnextract.entities.ruler import find_candidates

# a syllable written Capitalised or in CAPITALS
# a syllable written Capitalised or in CAPITALS; an Ê Đê or Jrai name may open with a
# consonant and an apostrophe ("H'Yên")
_SYLLABLE = r"(?:\p{Lu}['’])?(?:\p{Lu}\p{Ll}*|\p{Lu}+)(?![\p{L}\d])"
# two to four syllables; a name opening with an apostrophe may stand alone ("H'Yên")
_NAME = regex.compile(rf"{_SYLLABLE}(?: {_SYLLABLE}){{1,3}}|\p{{Lu}}['’]\p{{Lu}}\p{{Ll}}+")
MAX_NAMES = 4
RULE_ID = "byline"


def _title_case(name: str) -> str:
    """``NGUYỄN NGHĨA`` -> ``Nguyễn Nghĩa``; a name already capitalised is kept."""
    return " ".join(w[:1] + w[1:].lower() if w.isupper() else w for w in name.split())


def closing_names(line: str, rules: EntityRules) -> list[Candidate]:
    """The people a closing line names, as PERSON candidates with offsets into ``line``.

    Args:
        line: the article's last line (a sentence's text).
        rules: the compiled entity rules (``byline_joiners``, and every pattern, to
            leave alone a line that names a place or a body).
    Returns:
        One candidate per name; [] when the line is anything but names.
    """
    joiners = "|".join(regex.escape(j) for j in rules.titles.byline_joiners)
    separator = regex.compile(
        rf"\s*(?:[,;&–—-]|(?<=\s)(?:{joiners})(?=\s))\s*" if joiners else r"\s*[,;&–—-]\s*"
    )
    body = line.strip().rstrip(".")
    offset = line.find(body) if body else 0
    body = body[: credited_unit(body, rules)[0]].rstrip()
    # a photo credit after the names ("Thu Hà - Ảnh: Minh Khôi") is read as a credit
    credit = _trailing_credit(tuple(rules.titles.byline_cues)).search(body, 1)
    credited: list[Candidate] = []
    if credit is not None:
        credited = closing_names(body[credit.end() :], rules)
        for c in credited:
            c.start, c.end = c.start + offset + credit.end(), c.end + offset + credit.end()
        body = body[: credit.start()].rstrip()
    parts, pos = [], 0
    for m in [*separator.finditer(body), None]:
        end = m.start() if m else len(body)
        parts.append((pos, end))
        pos = m.end() if m else pos
    if not body or len(parts) > MAX_NAMES:
        return []
    # the cheap test first: every part must be shaped as a name
    if not all(_NAME.fullmatch(body[start:end]) for start, end in parts):
        return []
    others = [c for c in choose(find_candidates(rules.view(body), rules)) if c.label != "PERSON"]
    out = []
    for start, end in parts:
        name = body[start:end]
        # a place or body naming the whole part, or reaching past it, is no name; one
        # inside it is ("Đức" in "Đức Minh")
        # a line that credits a photo is a byline whatever its names spell
        blocked = credit is None and any(
            (c.start <= start and end <= c.end) or c.start < start < c.end or c.start < end < c.end
            for c in others
        )
        if blocked or not _NAME.fullmatch(name):
            return []
        canonical = _title_case(name)
        out.append(Candidate(offset + start, offset + end, "PERSON", RULE_ID, 0, {}, canonical))
    return out + credited


@lru_cache(maxsize=8)
def _trailing_credit(cues: tuple[str, ...]) -> regex.Pattern:
    return regex.compile(r"\s*[–—-]\s*(?i:" + alternation(list(cues)) + r")")


# the sentence before a byline ends the body's prose
_PROSE_END = regex.compile(r"[.!?…:\"”)]\s*$")
MIN_PROSE_WORDS = 5
# how far from the end the byline may stand (footer and related-news lines follow it)
BYLINE_WINDOW = 20


def _whole_line(text: str, start: int, end: int) -> bool:
    before, after = text[:start].rstrip(" \t"), text[end:].lstrip(" \t")
    return (not before or before.endswith("\n")) and (not after or after.startswith("\n"))


def find_closing(text: str, body: list[Sentence], rules: EntityRules) -> tuple[int, int] | None:
    """The byline's line among the body's last lines: the last whole line of names right
    after a line of prose (the footer and related-news lines a page adds after the byline
    are no body); else the body's last sentence, or None for an empty body."""
    if not body:
        return None
    for i in range(len(body) - 1, max(0, len(body) - BYLINE_WINDOW), -1):
        s, prev = body[i], body[i - 1]
        if not _whole_line(text, s.start, s.end) or not closing_names(s.text, rules):
            continue
        if _PROSE_END.search(prev.text) and len(prev.text.split()) >= MIN_PROSE_WORDS:
            return s.start, s.end
    return body[-1].start, body[-1].end


@lru_cache(maxsize=8)
def _unit_regex(units: tuple[str, ...]) -> regex.Pattern | None:
    if not units:
        return None
    head = alternation(list(units))
    # "Name (Unit …)" at the end, or "Name - Unit …"
    return regex.compile(
        rf"\s*(?:\((?={head}(?![\p{{L}}\d])).*\)|[–—-]\s*{head}(?![\p{{L}}\d]).*)$"
    )


def credited_unit(body: str, rules: EntityRules) -> tuple[int, int]:
    """Where the writer's unit after a byline's names stands in ``body`` (start, end);
    (len, len) when there is none."""
    pattern = _unit_regex(tuple(rules.titles.byline_units))
    # the unit follows at least one name: never the whole line
    m = pattern.search(body, 1) if pattern is not None else None
    if m is None or not body[: m.start()].strip():
        return len(body), len(body)
    return m.start(), len(body)


# where a caption's sentence ends inside a credit bracket
_CAPTION_END = regex.compile(r"[.;]\s*")


@lru_cache(maxsize=8)
def _credit_cue(cues: tuple[str, ...]) -> regex.Pattern:
    return regex.compile(r"\s*\(?\s*(?i:" + alternation(list(cues)) + r")\s*")


def credit_names(credit: str, rules: EntityRules) -> list[Candidate]:
    """The people a photo credit names (``Ảnh: Minh Thu``, ``(Ảnh: Lê Hà)``), as PERSON
    candidates with offsets into ``credit``; [] when it names anything but people
    (``Ảnh: Internet``, ``Ảnh: Sở Y tế``) or starts with no byline cue.

    Args:
        credit: the text of a photo credit (furniture of kind ``image_credit``).
        rules: the compiled entity rules (``byline_cues`` start a credit).
    """
    pattern = _credit_cue(tuple(rules.titles.byline_cues))
    # a caption before the credit in one bracket: '(Ảnh: Đê biển Ba Tri. Ảnh: Minh Trí)'
    offset = 0
    for m in _CAPTION_END.finditer(credit):
        if pattern.match(credit, m.end()):
            offset = m.end()
    cue = pattern.match(credit, offset)
    if cue is None or cue.end() == offset:
        return []
    rest = credit[cue.end() :]
    body = rest.rstrip().rstrip(")").rstrip()
    found = closing_names(body, rules)
    for c in found:
        c.start, c.end = c.start + cue.end(), c.end + cue.end()
    return found


class BylineFinder(SavesEntityRules):
    """Adds the closing line's names to ``doc._.entities`` and ``doc.ents`` as PERSON.

    Runs after the resolver (it reads what the resolver found, and adds only names it did
    not) and after the officials (a byline is never an official).
    """

    def __init__(self, nlp: Language, name: str, rules_folder: str | None = None) -> None:
        self.name = name
        self.rules = entity_rules(rules_folder)

    def _unit_span(self, line: str, start: int) -> tuple[int, int] | None:
        body = line.strip().rstrip(".")
        offset = start + (line.find(body) if body else 0)
        unit_start, unit_end = credited_unit(body, self.rules)
        return (offset + unit_start, offset + unit_end) if unit_start < unit_end else None

    def __call__(self, doc: Doc) -> Doc:
        """Find the names on the closing line (``doc._.closing``, else the last sentence)."""
        # the caller may name the closing line (the body's last, before footer lines)
        closing = doc._.closing
        if closing is None:
            read = sentences(doc)
            if not read:
                return doc
            closing = read[-1][:2]
        start, end = closing
        entities = list(doc._.entities or [])
        line = doc_text(doc)[start:end]
        unit = self._unit_span(line, start)
        if unit is not None and closing_names(line, self.rules):
            # the writer's unit is the credit's, not a body the article names
            entities = [
                e
                for e in entities
                if not (e["label"] == "AGENCY" and unit[0] <= e["start"] and e["end"] <= unit[1])
            ]
            doc._.entities = entities
        taken = {(e["start"], e["end"]) for e in entities if start <= e["start"] < end}
        added = []
        for c in closing_names(doc_text(doc)[start:end], self.rules):
            c.start, c.end = start + c.start, start + c.end
            if (c.start, c.end) not in taken:
                added.append(c)
        if not added:
            return doc
        doc._.entities = entities + [c.as_dict() for c in added]
        spans = []
        for c in added:
            span = doc.char_span(c.start, c.end, label="PERSON", alignment_mode="expand")
            if span is not None:
                span.kb_id_ = c.canonical
                spans.append(span)
        # the byline's span goes first: of two as long it wins (the token "Đức Minh" is
        # a name here, though a country spells its first syllable)
        found = list(doc.spans["vnextract"]) if "vnextract" in doc.spans else []
        doc.spans["vnextract"] = filter_spans(spans + found)
        doc.ents = filter_spans(spans + list(doc.ents))
        return doc
