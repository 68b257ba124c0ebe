"""Component ``vnextract_admin_places``: provinces, districts and communes from the dataset.

Every unit of :mod:`vnextract.entities.admin_units` (old and 2025 names) is looked up in the
capitalised words of a sentence. A name is a LOCATION

- after its unit word (``xã Tân Hiệp``; any unit word of the same level, since texts
  keep a town's old word after it became a city), a person's name inside a place name
  included (``phường Lê Lợi``);
- without it, only where the dataset confirms the reading: in a list closed by its
  parent in brackets (``A, B (Huyện C)``: A and B are communes of C), in a list that
  began with a unit word (``huyện A và B``: B is a district of A's province), or as a
  district of the article's own province that does not read as a person's name.

Candidates go beside the ruler's; the resolver chooses among them and asks
:meth:`PlaceIndex.successor` for the 2025 unit of every LOCATION it keeps.
"""

from __future__ import annotations

import regex
from spacy.language import Language
from spacy.tokens import Doc

from vnextract.entities.admin_units import AdminUnit, admin_units
from vnextract.entities.context import sentence_view, sentences
from vnextract.entities.gazetteer import EntityRules, alternation, entity_rules
from vnextract.entities.persist import SavesEntityRules
from vnextract.entities.place_mentions import (  # noqa: F401  (tests read the search's pieces)
    _TOKEN,
    RULE_ID,
    MentionSearch,
    _Hit,
)

_COMPACT = regex.compile(r"[\s'\-]+")
_APOSTROPHES = str.maketrans({"’": "'", "ʼ": "'", "`": "'"})


class PlaceIndex(MentionSearch):
    """The dataset's units keyed by folded name, with the article-province tests."""

    def __init__(self, rules: EntityRules, units: tuple[AdminUnit, ...]) -> None:
        self.rules = rules
        self.by_name: dict[str, list[AdminUnit]] = {}
        for u in units:
            self.by_name.setdefault(self.name_key(u.name), []).append(u)
        self.levels_of_kind: dict[str, set[str]] = {}
        for u in units:
            self.levels_of_kind.setdefault(self.key(u.kind), set()).add(u.level)
        self.kinds = sorted(self.levels_of_kind, key=lambda k: -len(k.split()))
        names = rules.names
        self.family = {self.key(n) for n in names.family_names}
        self.middle = {self.key(n) for n in names.middle_names}
        self.joiners = {self.key(j) for j in rules.list_joiners}
        # on the key of the text before a unit word (folded, no trailing space)
        plurals = alternation([self.key(p) for p in rules.list_plurals])
        self.plural = regex.compile(r"(?:^|\s)(?:" + plurals + r"|\d+)\s*$")
        # "các huyện vùng cao như " before a list: its unit word, up to four words between
        kinds = alternation(self.kinds)
        intros = alternation([self.key(w) for w in rules.list_intros])
        self.intro = regex.compile(
            rf"(?:^|\s)(?:{plurals}|\d+)\s+(?P<unit>{kinds})(?:\s+\S+){{0,4}}?"
            rf"\s+(?:{intros})[\s:]*$"
        )
        # "các huyện miền núi A, B": a description in lower case alone, no intro word
        self.described = regex.compile(
            rf"(?:^|\s)(?:{plurals}|\d+)\s+(?P<unit>{kinds})(?P<words>(?:\s+[^\s\d,.;:()]+){{1,3}}?)\s*$"
        )
        self._provinces = self._province_sets(units)
        # every beginning of a name key: a run of words whose keys, joined, begin no name
        # is not looked up, nor any longer run from the same word
        self._prefixes = {k[:i] for k in self.by_name for i in range(1, len(k) + 1)}
        self._word_keys: dict[str, str] = {}

    def key(self, text: str) -> str:
        """Comparison key of a name: the rules' folding, one apostrophe."""
        return self.rules.key(text.translate(_APOSTROPHES))

    def name_key(self, text: str) -> str:
        """:meth:`key` without spaces, hyphens and apostrophes: names of the peoples of the
        highlands are written ``Ga Ri``, ``Gari`` and ``Ga-ri``."""
        return _COMPACT.sub("", self.key(text))

    def lookup(self, name: str) -> list[AdminUnit]:
        """Every unit, old or new, of that name."""
        return self.by_name.get(self.name_key(name), [])

    def _province_sets(self, units) -> dict[str, tuple[set[str], set[str]]]:
        """Folded name of an article province (``places.yml``) -> (old, 2025) dataset names."""
        old = {u.province for u in units if u.level == "province" and not u.current}
        new = {u.province for u in units if u.current}
        places = self.rules.places
        if places is None:
            return {}
        groups = {
            p.name: [p.name, *p.variants] for p in [*places.provinces, *places.provinces_after]
        }

        def match(name: str, pool: set[str]) -> set[str]:
            keys = {self.key(n) for n in groups.get(name, [name])}
            return {d for d in pool if self.key(d) in keys or self.key(f"{d}") in keys}

        out: dict[str, tuple[set[str], set[str]]] = {}
        for p in places.provinces:
            out[self.key(p.name)] = (match(p.name, old), match(p.becomes, new))
        for p in places.provinces_after:
            olds = set().union(*(match(o, old) for o in p.formed_from))
            out.setdefault(self.key(p.name), (olds, match(p.name, new)))
        return out

    def in_province(self, units: list[AdminUnit], province: str | None) -> list[AdminUnit]:
        """The units lying in the article's province (old or 2025 layout)."""
        if not province:
            return []
        old, new = self._provinces.get(self.key(province), (set(), set()))
        return [u for u in units if u.province in (new if u.current else old)]

    def split_unit(self, canonical: str) -> tuple[str, str]:
        """(unit word, name) of a canonical place name; the word is "" when it has none."""
        key = self.key(canonical)
        for kind in self.kinds:
            if key.startswith(kind + " ") and self.lookup(key[len(kind) + 1 :]):
                return canonical[: len(kind)], canonical[len(kind) + 1 :]
        return "", canonical

    def name_bare_places(self, found: list, province: str | None) -> None:
        """Give a bare district or commune name the unit word the article names it with
        elsewhere (``Bảo Lâm`` after ``huyện Bảo Lâm``: one place), the highest level first;
        provinces, whose bare name is the province, are left as they are. In place."""
        order = {"province": 0, "district": 1, "commune": 2}
        named: dict[str, tuple[int, str]] = {}
        for c in found:
            if c.label != "LOCATION":
                continue
            word, name = self.split_unit(c.canonical)
            levels = self.levels_of_kind.get(self.key(word), ())
            # "thành phố" names provinces and district-level cities alike: the unit decides
            below = {u.level for u in self.lookup(name) if u.level in levels} - {"province"}
            if word and below:
                rank = min(order[lv] for lv in below)
                key = self.name_key(name)
                if key not in named or rank < named[key][0]:
                    named[key] = (rank, c.canonical)
        for c in found:
            if c.label != "LOCATION" or self.split_unit(c.canonical)[0]:
                continue
            full = named.get(self.name_key(c.canonical))
            units = self.lookup(c.canonical)
            if full and units and not any(u.level == "province" for u in units):
                c.canonical = full[1]
                c.successor = self.successor(c.canonical, province)

    def successor(self, canonical: str, province: str | None) -> str | None:
        """The 2025 unit of a place named ``canonical`` (``huyện Tiên Du``, ``Quảng Nam``),
        when the dataset and the article's province make it one; else None."""
        word, name = self.split_unit(canonical)
        level = self.levels_of_kind[self.key(word)] if word else None
        units = [u for u in self.lookup(name) if level is None or u.level in level]
        if level is None:
            units = [u for u in units if u.level != "commune"] or units
        local = self.in_province(units, province)
        units = local or units
        if any(u.current for u in units):
            return None
        successors = {u.successor for u in units}
        return successors.pop() if len(successors) == 1 else None


_INDEXES: dict[str, PlaceIndex] = {}


def place_index(rules: EntityRules) -> PlaceIndex:
    """The :class:`PlaceIndex` of a rule set, built once per process."""
    key = str(rules.folder)
    if key not in _INDEXES:
        _INDEXES[key] = PlaceIndex(rules, admin_units())
    return _INDEXES[key]


def article_province(text: str) -> str | None:
    """The province an article is about, as :func:`~vnextract.ingest.metadata.extract_metadata`
    reads it from ``text`` (province names, else the districts and communes it names)."""
    from vnextract.ingest.furniture import find_furniture
    from vnextract.ingest.metadata import extract_metadata

    return extract_metadata(text, find_furniture(text)).province


class AdminPlaceFinder(SavesEntityRules):
    """Adds the dataset's place candidates to the ruler's."""

    def __init__(self, nlp: Language, name: str, rules_folder: str | None = None) -> None:
        self.name = name
        self.rules = entity_rules(rules_folder)
        self.index = place_index(self.rules)

    def __call__(self, doc: Doc) -> Doc:
        """Add the place candidates of ``doc``, each sentence's after the ruler's candidates
        of that sentence (the resolver reads them sentence by sentence, in order); returns
        the same Doc. A bare ``nlp(text)`` (no ``doc._.doc_id``) gets ``doc._.province``
        from the text as the extractor's metadata would; the extractor's own Doc carries
        its metadata's province, None included."""
        if doc._.province is None and not doc._.doc_id:
            doc._.province = article_province(doc.text)
        before = list(doc._.candidates or [])
        merged: list[dict] = []
        i = 0
        for start, end, _ in sentences(doc):
            while i < len(before) and before[i]["start"] < end:
                merged.append(before[i])
                i += 1
            view = sentence_view(doc, start, end, self.rules, words=True)
            for c in self.index.find(view, doc._.province):
                c.start, c.end = start + c.start, start + c.end
                merged.append(c.as_dict())
        merged += before[i:]
        doc._.candidates = merged
        return doc
