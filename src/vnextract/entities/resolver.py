"""Component ``vnextract_entity_resolver``: choose among candidates and name them canonically.

Longest match wins, then the higher priority, then the earlier one; label NONE
matches (a centre, a prize) win like any other and hide what is inside them. The
canonical name is the pattern's template filled from the match: abbreviations
expanded (the article's own first, then ``abbreviations.yml``), variants mapped to
their canonical spelling, and the article's province filled in where the text left
it out (``UBND tỉnh`` -> ``Ủy ban nhân dân tỉnh Thanh Hóa``).
"""

from __future__ import annotations

import regex
from spacy.language import Language
from spacy.scorer import get_ner_prf
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from vnextract.entities.admin_places import place_index
from vnextract.entities.context import Candidate, DocContext, Reading
from vnextract.entities.gazetteer import SYLLABLE, EntityRules, entity_rules
from vnextract.entities.local_units import UNIT_KEY, LocalUnits
from vnextract.entities.persist import SavesEntityRules

_FIELD = regex.compile(r"\{([a-z_]+)(?::([a-z]+))?\}")
# group names whose value is looked up in a canonical table of the same meaning
# a unit word the template writes before a name that holds it already ("thành phố
# {place:city}" of "Thành phố Hồ Chí Minh"): written once
_DOUBLED_UNIT = regex.compile(r"\b(thành phố|tỉnh) (?=\1 )", regex.IGNORECASE)

_TABLE_OF_GROUP = {"domain": "domain", "place": "province"}
# the PERSON rule that reads a family name and a syllable with no word of address before
_BARE_NAME_RULE = "person.family_name"
# a Vietnamese syllable, no tone marks needed: a word that is none (``Smart``) is a Latin one
_SYLLABLE = regex.compile(SYLLABLE)


def _crosses(a: Candidate, b: Candidate) -> bool:
    """Overlapping, neither inside the other."""
    overlap = a.start < b.end and b.start < a.end
    nested = (a.start <= b.start and b.end <= a.end) or (b.start <= a.start and a.end <= b.end)
    return overlap and not nested


def _is_syllable(word: str) -> bool:
    """Whether ``word`` can be one Vietnamese syllable (``Nhân`` yes, ``Smart`` no)."""
    return bool(_SYLLABLE.fullmatch(word))


def choose(candidates: list[Candidate]) -> list[Candidate]:
    """Non-overlapping candidates, by start.

    Of two matches that cross (``Sở Y tế Hà Nam`` / ``Hà Nam Trần Văn``) the higher
    priority survives; then the longest match wins, then priority, then position.
    """
    survivors = [
        c
        for c in candidates
        if not any(_crosses(c, o) and o.priority > c.priority for o in candidates)
    ]
    taken: list[Candidate] = []
    order = sorted(survivors, key=lambda c: (-(c.end - c.start), -c.priority, c.start))
    for c in order:
        if all(c.end <= t.start or c.start >= t.end for t in taken):
            taken.append(c)
    return sorted(taken, key=lambda c: c.start)


def expand_abbreviations(value: str, ctx: DocContext, rules: EntityRules) -> str:
    """Replace each abbreviation word of ``value`` by its expansion (the article's first)."""
    words = []
    for word in value.split():
        words.append(ctx.abbreviations.get(word) or rules.abbreviations.get(word) or word)
    return " ".join(words)


def render(template: str, groups: dict, defaults: dict, ctx: DocContext, rules: EntityRules) -> str:
    """Fill a canonical template; empty fields vanish with their spaces.

    Args:
        template: e.g. ``"Sở {domain} {place}"``; ``{x:lower}`` lower-cases, ``{x:title}``
            capitalises words in capitals, ``{x:agency}``
            and ``{x:org}`` look the value up in that canonical table.
        groups: the match's named groups.
        defaults: values for groups the text left out; ``@province`` is the article's
            province, ``@city`` the article's province when it is a centrally-run city
            (else the whole name is dropped), ``@level:A|B`` word A, or B when the
            article's province is such a city (``tỉnh|thành phố``), ``@department`` (any
            ``@name``) a name remembered earlier.
        ctx: the document context.
        rules: the compiled rules.
    Returns:
        The canonical name, or "" when a required part is unknown.
    """

    missing = False

    def fill(m: regex.Match) -> str:
        nonlocal missing
        name, fmt = m.group(1), m.group(2)
        value = groups.get(name)
        if not value:
            default = defaults.get(name, "")
            if default == "@province":
                value = ctx.province or ""
                # 'Bệnh viện Sản Nhi Nghệ An': a name that already ends with the province
                if value and any(
                    rules.key(str(g or "")).endswith(" " + rules.key(value))
                    for g in groups.values()
                ):
                    return ""
            elif default == "@unit":
                # the district or commune of this level the article is about (local_units)
                level = rules.key(groups.get("level") or "")
                return ctx.remembered.get(UNIT_KEY + level, "")
            elif default.startswith("@level:"):
                # '@level:tỉnh|thành phố': a province's word, or a centrally-run city's
                # of the place written, else of the article's province
                province_word, city_word = default[len("@level:") :].split("|")
                place = groups.get("place") or ctx.province
                city = place and rules.key(" ".join(place.split())) in rules.cities
                value = city_word if city else province_word
            elif default == "@city":
                # only an article about a centrally-run city names it by "thành phố" alone
                if ctx.province and rules.key(ctx.province) in rules.cities:
                    value = ctx.province
                else:
                    missing = True
                    return ""
            elif default.startswith("@"):
                value = ctx.remembered.get(default[1:], "")
                return value  # already canonical
            else:
                value = default
        value = " ".join(value.replace("_", " ").split())
        if not value:
            return ""
        value = expand_abbreviations(value, ctx, rules)
        table = fmt if fmt in rules.canonical else _TABLE_OF_GROUP.get(name)
        if table:
            value = rules.lookup(table, value) or value
        if fmt == "lower":
            value = value.lower()
        elif fmt == "title":
            # a masthead in capitals reads as its name ("BÁO SÔNG XANH" -> "Báo Sông Xanh")
            value = " ".join(w[:1] + w[1:].lower() if w.isupper() else w for w in value.split())
        return value

    text = _DOUBLED_UNIT.sub("", " ".join(_FIELD.sub(fill, template).split()))
    if not text or missing:
        return ""
    return text


def _awaits_unit(rule, c: Candidate, ctx: DocContext, rules: EntityRules) -> bool:
    """A body whose place defaults to the article's unit of its level, left unnamed: no
    unit of that level was named so far, or several were."""
    if rule.defaults.get("place") != "@unit" or c.groups.get("place"):
        return False
    level = rules.key(c.groups.get("level") or "")
    return bool(level) and not ctx.remembered.get(UNIT_KEY + level)


class EntityResolver(SavesEntityRules):
    """Sets ``doc._.entities`` and ``doc.ents`` (``span._.canonical``) from the candidates."""

    def __init__(self, nlp: Language, name: str, rules_folder: str | None = None) -> None:
        self.name = name
        self.rules = entity_rules(rules_folder)
        self.places = place_index(self.rules)
        self.renames = None  # built on first use: the module imports this one

    def __call__(self, doc: Doc) -> Doc:
        """Resolve the candidates of ``doc``, sentence by sentence; returns the same Doc."""
        pending = [Candidate(**c) for c in doc._.candidates or []]
        chosen: list[Candidate] = []
        remembered: list[dict] = []
        i = 0
        reading = Reading(doc, remembered=False)
        units, placed = LocalUnits(self.places), {}
        for body, ctx in reading:
            end = ctx.offset + len(body)
            here = []
            while i < len(pending) and pending[i].start < end:
                here.append(pending[i])
                i += 1
            units.new_sentence(ctx.remembered)
            chosen += self._resolve(here, ctx, remembered, units, placed)
        chosen = [c for c in chosen if not self._place_not_person(c, chosen)]
        self.places.name_bare_places(chosen, doc._.province)
        self._place_earlier(chosen, placed)
        doc._.entities = [c.as_dict() for c in chosen]
        doc._.remembered = remembered
        spans: list[Span] = []
        for c in chosen:
            span = doc.char_span(c.start, c.end, label=c.label, alignment_mode="expand")
            if span is not None:
                span.kb_id_ = c.canonical
                spans.append(span)
        found = filter_spans(spans)
        doc.spans["vnextract"] = found
        doc.ents = filter_spans(found + [e for e in doc.ents if e.label_ == "DATE"])
        return doc

    def _resolve(
        self,
        candidates: list[Candidate],
        ctx: DocContext,
        remembered: list[dict],
        units: LocalUnits,
        placed: dict[str, str],
    ) -> list[Candidate]:
        """The entities among one sentence's candidates, named canonically; ``units`` and
        ``placed`` carry what the article named so far (its districts; its named bodies
        with their place) from one sentence to the next."""
        out = []
        # bare local bodies met before their sentence names their unit ("Bí thư Huyện
        # ủy, Chủ tịch HĐND huyện A"): named again once the sentence is read
        unplaced = []
        for c in choose(candidates):
            if c.label == "NONE":
                continue
            compiled = self.rules.by_id.get(c.rule_id)
            rule = compiled.rule if compiled is not None else None
            if rule is not None:  # else a component named it (the place dataset's finder)
                c.canonical = render(rule.canonical, c.groups, rule.defaults, ctx, self.rules)
                if _awaits_unit(rule, c, ctx, self.rules):
                    unplaced.append((c, rule))
            if not c.canonical:
                continue
            if rule is not None and c.label == "AGENCY":
                c.canonical, c.successor = self._renames().apply(
                    rule.canonical, c.groups, rule.defaults, ctx, c.canonical
                )
            if c.label == "LOCATION":
                units.saw(c.canonical, ctx.remembered)
                if c.successor is None:
                    c.successor = self.places.successor(c.canonical, ctx.province)
            if c.label == "AGENCY":
                c.canonical = self._placed(c, placed)
                level, place = c.groups.get("level"), c.groups.get("place")
                if level and place:  # a body of a named district names the district
                    units.saw(f"{level} {place}".replace("_", " "), ctx.remembered)
            if c.label in ("AGENCY", "ORG"):
                c.canonical = c.canonical[0].upper() + c.canonical[1:]
                if c.successor:
                    c.successor = c.successor[0].upper() + c.successor[1:]
            if rule is not None and rule.remember:
                ctx.remembered[rule.remember] = c.canonical
                remembered.append(
                    {"name": rule.remember, "canonical": c.canonical, "char_start": c.start}
                )
            out.append(c)
        for c, rule in unplaced:
            named = render(rule.canonical, c.groups, rule.defaults, ctx, self.rules)
            c.canonical = named[0].upper() + named[1:] if named else c.canonical
        return out

    def _place_not_person(self, c: Candidate, chosen: list[Candidate]) -> bool:
        """A PERSON read from a bare family name (no word of address before it) that is a
        place or a people: a people of ``names.yml`` (``Hà Nhì``); two syllables the place
        dataset knows as a district or commune, or that the article writes after a unit
        word (``huyện Đồng Văn``); three the dataset knows as a district (``Cù Lao Dung``);
        a province and a Latin word (``Hà Nam Smart``, an app)."""
        if c.label != "PERSON" or c.rule_id != _BARE_NAME_RULE:
            return False
        key = self.places.key(c.canonical)
        if key in self._peoples():
            return True
        words = c.canonical.split()
        if len(words) == 2:
            if any(u.level in ("district", "commune") for u in self.places.lookup(key)):
                return True
            return any(
                o.label == "LOCATION"
                and self.places.split_unit(o.canonical)[0]
                and self.places.key(self.places.split_unit(o.canonical)[1]) == key
                for o in chosen
            )
        if len(words) == 3 and not _is_syllable(words[2]):
            return any(u.level == "province" for u in self.places.lookup(" ".join(words[:2])))
        if len(words) == 3:
            # three syllables the dataset knows as a district (``Cù Lao Dung``)
            return any(u.level == "district" for u in self.places.lookup(key))
        return False

    def _peoples(self) -> set[str]:
        if not hasattr(self, "_peoples_keys"):
            self._peoples_keys = {self.places.key(n) for n in self.rules.names.ethnic_groups}
        return self._peoples_keys

    def _placed(self, c: Candidate, placed: dict[str, str]) -> str:
        """A named body written with its place (``Cục Thuế tỉnh A``) is remembered; the same
        body named bare later in the article (``Cục Thuế``) is that one."""
        base = self.rules.lookup("agency", c.groups.get("name") or "")
        if not base:
            return c.canonical
        key = self.rules.key(base)
        if self.rules.key(c.canonical) != key:
            placed[key] = c.canonical
            return c.canonical
        return placed.get(key, c.canonical)

    def _place_earlier(self, chosen: list[Candidate], placed: dict[str, str]) -> None:
        """A named body written bare before the article names it with its place (a
        masthead ``Cục Thống kê`` above ``Cục Thống kê tỉnh A``) is that one too. In place."""
        for c in chosen:
            if c.label == "AGENCY" and self.rules.key(c.canonical) in placed:
                base = self.rules.lookup("agency", c.groups.get("name") or "")
                if base and self.rules.key(base) == self.rules.key(c.canonical):
                    c.canonical = placed[self.rules.key(base)]

    def _renames(self):
        if self.renames is None:
            from vnextract.entities.renames import AgencyRenames

            self.renames = AgencyRenames(self.rules)
        return self.renames

    def score(self, examples, **kwargs) -> dict:
        """Entity precision, recall and F-score, overall and per label (``nlp.evaluate``)."""
        return get_ner_prf(examples, **kwargs)
