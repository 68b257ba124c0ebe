"""Component ``vnextract_officials``: link people to their titles and agencies.

Forms (titles from ``rules/entities/titles.yml``):
- name, then titles: ``ông A, Giám đốc Sở X``; ``Đồng chí A – Tỉnh ủy viên, Giám đốc Sở``
  (every title after the name is a link of its own);
- title, agency, name: ``Giám đốc Sở X A``, ``Bộ trưởng Y A``;
- a name alone on its line and a title line under it (a signature).
A name after a byline cue (``Tác giả:``) is never an official. A title's agency is
the agency (or, for company titles, the organisation) right after it, else the one the
title implies (``Tỉnh ủy viên``); a title naming a body inside an organisation
(``Ủy viên Ban Thường vụ``) links the organisation the body belongs to.
"""

from __future__ import annotations

from dataclasses import replace

import regex
from spacy.language import Language
from spacy.tokens import Doc

from vnextract.core.model import Official
from vnextract.entities.context import Candidate, DocContext, PendingName, Reading, sentence_view
from vnextract.entities.gazetteer import EntityRules, entity_rules
from vnextract.entities.persist import SavesEntityRules
from vnextract.entities.resolver import choose, render
from vnextract.entities.ruler import find_candidates

_OFFICIAL_FIELDS = Official.__slots__
_AFTER_NAME = regex.compile(r"\s*(?:,|–|—|-|:)\s*")
# between a title (and its agency) and the name after it: "Thứ trưởng Bộ Y tế, A"
_BEFORE_NAME = regex.compile(r"\s*(?:,|–|—|-|:)?\s*")
_LINKED = ("AGENCY", "ORG")
_BETWEEN_TITLES = regex.compile(r"\s*(?:,|;)\s*|\s+\p{Ll}{1,4}\s+")
_SPACE = regex.compile(r"\s*")
_TITLE_JOIN = regex.compile(r"\s*,\s*")
_TRAILING = regex.compile(r"[\s.,;:!?…]*")


def implied_agency(name: str, ctx: DocContext, rules: EntityRules) -> str | None:
    """Canonical name of an agency written as in the rules (``Tỉnh ủy`` -> ``Tỉnh ủy Nghệ An``)."""
    for c in choose(find_candidates(rules.view(name), rules)):
        if c.label == "AGENCY" and c.start == 0 and c.end == len(name):
            rule = rules.by_id[c.rule_id].rule
            return render(rule.canonical, c.groups, rule.defaults, ctx, rules) or None
    return None


def find_titles(view: str, rules: EntityRules) -> list[tuple[int, int, object]]:
    """(start, end, TitleRule) of every title in ``view``."""
    out = []
    for m in rules.title_regex.finditer(view):
        rule = rules.title_by_key.get(rules.key(m.group()))
        if rule is not None:
            out.append((m.start(), m.end(), rule))
    return out


class OfficialLinker(SavesEntityRules):
    """Lists the officials in ``doc._.officials``: dicts with the fields of
    :class:`~vnextract.core.model.Official`."""

    def __init__(self, nlp: Language, name: str, rules_folder: str | None = None) -> None:
        self.name = name
        self.rules = entity_rules(rules_folder)
        self._named: list[Candidate] = []
        self._above: str | None = None  # the title the last line held alone

    def _agency_at(self, pos: int, view: str, ents: list[Candidate]) -> Candidate | None:
        pos = _SPACE.match(view, pos).end()
        return next((e for e in ents if e.start == pos and e.label in _LINKED), None)

    def _agency_of(
        self, title: tuple, view: str, ents: list[Candidate]
    ) -> tuple[Candidate | None, str | None, int]:
        """The agency of a title: (candidate, canonical if not the candidate's, end).

        A title that names a body (``Ủy viên BTV``) may share words with an agency written
        across its end (``BTV Tỉnh ủy`` = ``Ban Thường vụ Tỉnh ủy``): the organisation the
        body belongs to (``Tỉnh ủy``) is the agency.
        """
        start, end, rule = title
        if rule.body:
            body = self.rules.key(rule.body)
            for e in ents:
                crosses = e.label in _LINKED and start < e.start < end < e.end
                if crosses and self.rules.key(e.canonical).startswith(body + " "):
                    rest = e.canonical[len(rule.body) :].strip()
                    rest = rest[:1].upper() + rest[1:]
                    # the organisation is named there too ("Tỉnh ủy" of "Ban Thường vụ
                    # Tỉnh ủy"): an agency of its own, inside the body's
                    org = _SPACE.match(view, end).end()
                    self._named.append(replace(e, start=org, canonical=rest, successor=None))
                    return e, rest, e.end
        agency = self._agency_at(end, view, ents)
        if agency is None:
            # a body whose name starts inside the title ("Trưởng Ban" of "Ban Chỉ đạo X")
            agency = next(
                (e for e in ents if e.label in _LINKED and start < e.start < end < e.end), None
            )
        return agency, None, agency.end if agency else end

    def _title_at(self, pos: int, titles: list) -> tuple | None:
        return next((t for t in titles if t[0] == pos), None)

    def _chain_end(self, pos: int, view: str, titles: list, ents: list[Candidate]) -> int:
        """Where a run of titles (each with its agency) joined by commas ends."""
        m = _TITLE_JOIN.match(view, pos)
        while m and (title := self._title_at(m.end(), titles)) is not None:
            pos = self._agency_of(title, view, ents)[2]
            m = _TITLE_JOIN.match(view, pos)
        return pos

    def _link(self, title, agency: Candidate | None, ctx: DocContext) -> str | None:
        if agency is not None:
            return agency.canonical
        if title.agency:
            return implied_agency(title.agency, ctx, self.rules)
        return None

    def _titles_after(
        self, pos: int, view: str, titles: list, ents: list[Candidate], ctx: DocContext
    ):
        """(title, agency, title start) chained after ``pos``, and where the chain ends."""
        pairs = []
        m = _AFTER_NAME.match(view, pos)
        while m:
            title = self._title_at(m.end(), titles)
            if title is None:
                break
            agency, canonical, pos = self._agency_of(title, view, ents)
            pairs.append((title[2].title, canonical or self._link(title[2], agency, ctx), title[0]))
            m = _BETWEEN_TITLES.match(view, pos)
        return pairs, pos

    def __call__(self, doc: Doc) -> Doc:
        """Find the officials of ``doc``, sentence by sentence; returns the same Doc."""
        entities = [Candidate(**e) for e in doc._.entities or []]
        out: list[Official] = []
        pending: PendingName | None = None
        # organisations named inside a body a title names, found while linking
        nested: dict[tuple[int, int], Candidate] = {}
        self._above = None
        i = 0
        for text, ctx in Reading(doc):
            start, end = ctx.offset, ctx.offset + len(text)
            ents = []
            while i < len(entities) and entities[i].start < end:
                e = entities[i]  # sentence offsets, as the views are the sentence's
                ents.append(replace(e, start=e.start - start, end=e.end - start))
                i += 1
            view = sentence_view(doc, start, end, self.rules)
            self._named = []
            pending = self._sentence(text, view, ents, ctx, pending, out)
            for e in self._named:
                if (e.start + start, e.end + start) not in nested:
                    nested[(e.start + start, e.end + start)] = replace(
                        e, start=e.start + start, end=e.end + start
                    )
        doc._.officials = [{f: getattr(o, f) for f in _OFFICIAL_FIELDS} for o in out]
        if nested:
            doc._.entities = [*(doc._.entities or []), *(e.as_dict() for e in nested.values())]
        doc._.pending = (
            None
            if pending is None
            else {
                "name": pending.name,
                "char_start": pending.start,
                "char_end": pending.end,
                "sentence_index": pending.sentence_index,
            }
        )
        return doc

    def _sentence(
        self,
        text: str,
        view: str,
        ents: list[Candidate],
        ctx: DocContext,
        pending: PendingName | None,
        out: list[Official],
    ) -> PendingName | None:
        """Add the officials of one sentence to ``out``; returns the name it leaves waiting
        for a title on the next line, if any."""
        rules = self.rules
        titles = find_titles(view, rules)
        waiting: PendingName | None = None

        def add(person: Candidate | PendingName, title: str, agency: str | None) -> None:
            if isinstance(person, PendingName):
                name, start, end, index = (
                    person.name,
                    person.start,
                    person.end,
                    person.sentence_index,
                )
            else:
                name = " ".join(text[person.start : person.end].split())
                start, end, index = (
                    ctx.offset + person.start,
                    ctx.offset + person.end,
                    ctx.sentence_index,
                )
            out.append(Official(ctx.doc_id, name, title, agency, start, end, index))

        # a signature: last sentence was a name alone; this one is a title line
        first = _SPACE.match(view).end()
        title = self._title_at(first, titles)
        above, self._above = self._above, None
        if title is not None and _TRAILING.fullmatch(view, title[1]):
            self._above = title[2].title  # a title alone on its line, the name under it
        if pending is not None and title is not None:
            agency, canonical, end = self._agency_of(title, view, ents)
            if _TRAILING.fullmatch(view, end):
                add(pending, title[2].title, canonical or self._link(title[2], agency, ctx))

        persons = [e for e in ents if e.label == "PERSON"]
        claimed: set[int] = set()  # titles already linked to the name before them
        for person in persons:
            before = view[: person.start]
            if rules.byline_regex.search(before):
                continue
            pairs, _ = self._titles_after(person.end, view, titles, ents, ctx)
            for t, agency, at in pairs:
                add(person, t, agency)
                claimed.add(at)
            # the name alone on its line (perhaps after an academic prefix): a signature
            lead = before.strip()
            alone = (
                not lead
                or rules.academic_regex.fullmatch(lead)
                or rules.honorific_regex.fullmatch(lead)
            )
            if not pairs and alone and _TRAILING.fullmatch(view, person.end) and above:
                add(person, above, None)  # a signature: the title line above the name
            elif not pairs and alone and _TRAILING.fullmatch(view, person.end):
                waiting = PendingName(
                    " ".join(text[person.start : person.end].split()),
                    ctx.offset + person.start,
                    ctx.offset + person.end,
                    ctx.sentence_index,
                )
        self._before_names(view, titles, ents, persons, claimed, ctx, add)
        return waiting

    def _before_names(self, view, titles, ents, persons, claimed, ctx, add) -> None:
        """Title (agency) name, or titles in a row before one name ("Phó Chủ tịch UBND
        tỉnh, Trưởng Ban X tỉnh A": both are A's); ``claimed`` titles went to the name
        before them and do not run on."""
        person_at = {p.start: p for p in persons}
        for title in titles:
            agency, canonical, end = self._agency_of(title, view, ents)
            if title[0] not in claimed:
                end = self._chain_end(end, view, titles, ents)
            pos = _BEFORE_NAME.match(view, end).end()
            honorific = self.rules.honorific_regex.match(view, pos)
            if honorific is not None:
                pos = _SPACE.match(view, honorific.end()).end()
            person = person_at.get(pos)
            if person is not None and pos > end:
                add(person, title[2].title, canonical or self._link(title[2], agency, ctx))
