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

from dataclasses import dataclass

import regex
from spacy.language import Language
from spacy.tokens import Doc

from vnextract.entities.admin_units import AdminUnit, admin_units
from vnextract.entities.context import Candidate, sentence_view, sentences
from vnextract.entities.gazetteer import EntityRules, entity_rules
from vnextract.entities.persist import SavesEntityRules

RULE_ID = "location.admin_unit"
_TOKEN = regex.compile(r"[\p{L}\d]+(?:['’][\p{L}\d]+)*")
_MAX_WORDS = 5
_WORD_KEYS_MAX = 50_000
_COMPACT = regex.compile(r"[\s'\-]+")
_APOSTROPHES = str.maketrans({"’": "'", "ʼ": "'", "`": "'"})


@dataclass
class _Hit:
    start: int  # of the name
    end: int
    units: list[AdminUnit]
    unit_start: int | None = None  # of the unit word before it
    unit_word: str = ""


class PlaceIndex:
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

    def successor(self, canonical: str, province: str | None) -> str | None:
        """The 2025 unit of a place named ``canonical`` (``huyện Tiên Du``, ``Quảng Nam``),
        when the dataset and the article's province make it one; else None."""
        name, level = canonical, None
        key = self.key(canonical)
        for kind in self.kinds:
            if key.startswith(kind + " ") and self.lookup(key[len(kind) + 1 :]):
                name, level = canonical[len(kind) + 1 :], self.levels_of_kind[kind]
                break
        units = [u for u in self.lookup(name) if level is None or u.level in level]
        if level is None:
            units = [u for u in units if u.level != "commune"] or units
        local = self.in_province(units, province)
        units = local or units
        if any(u.current for u in units):
            return None
        successors = {u.successor for u in units}
        return successors.pop() if len(successors) == 1 else None

    # --- finding names in a sentence -------------------------------------------------

    def _word_key(self, word: str) -> str:
        """:meth:`name_key` of one word, kept (the vocabulary grows slowly; bounded)."""
        key = self._word_keys.get(word)
        if key is None:
            if len(self._word_keys) > _WORD_KEYS_MAX:
                self._word_keys.clear()
            key = self._word_keys[word] = self.name_key(word)
        return key

    def _longest(self, view: str, tokens: list[tuple[int, int]], i: int):
        """(words, units) of the longest name of up to ``_MAX_WORDS`` capitalised words from
        word ``i``, one space or ``_`` apart, or None; a name's key is its words' joined."""
        found, joined = None, ""
        for n in range(min(_MAX_WORDS, len(tokens) - i)):
            s, e = tokens[i + n]
            if n and (s - tokens[i + n - 1][1] != 1 or view[s - 1] not in " _"):
                break
            if not (view[s].isupper() or view[s].isdigit()):
                break
            joined += self._word_key(view[s:e])
            if joined not in self._prefixes:
                break
            units = self.by_name.get(joined)
            if units:
                found = (n + 1, units)
        return found

    def _hits(self, view: str) -> list[_Hit]:
        tokens = [(m.start(), m.end()) for m in _TOKEN.finditer(view)]
        hits: list[_Hit] = []
        i = 0
        while i < len(tokens):
            first = view[tokens[i][0]]  # a name starts capitalised or with a digit
            found = self._longest(view, tokens, i) if first.isupper() or first.isdigit() else None
            if found is None:
                i += 1
                continue
            n, units = found
            hit = _Hit(tokens[i][0], tokens[i + n - 1][1], units)
            self._unit_word(view, tokens, i, hit)
            hits.append(hit)
            i += n
        return hits

    def _unit_word(self, view: str, tokens, i: int, hit: _Hit) -> None:
        """Attach the unit word written before the name, if it fits one of its units."""
        for width in (2, 1):
            if i - width < 0:
                continue
            words = tokens[i - width : i]
            if any(
                view[a[1] : b[0]] not in (" ", "_")
                for a, b in zip(words, [*words[1:], (hit.start, 0)], strict=True)
            ):
                continue
            word = view[words[0][0] : words[-1][1]]
            levels = self.levels_of_kind.get(self.key(word))
            if levels:
                fitting = [u for u in hit.units if u.level in levels]
                # the very unit word first: "thị trấn" names the old town, not a new commune
                fitting = [u for u in fitting if self.key(u.kind) == self.key(word)] or fitting
                if fitting:
                    hit.units, hit.unit_start, hit.unit_word = (
                        fitting,
                        words[0][0],
                        word.replace("_", " "),
                    )
                return

    def _joined(self, view: str, a: _Hit, b: _Hit) -> bool:
        gap = self.key(view[a.end : b.start].replace(",", " , "))
        return all(w in self.joiners for w in gap.split()) and bool(gap)

    def _person_like(self, view: str, hit: _Hit) -> bool:
        """Reads as a person's name: a family name, then a middle name or two more words
        (``Trần Văn Thời``); ``Đồng Hỷ`` is a place."""
        words = [self.key(w) for w in _TOKEN.findall(view[hit.start : hit.end])]
        if not words or words[0] not in self.family:
            return False
        return len(words) >= 3 or (len(words) == 2 and words[1] in self.middle)

    def _isolated(self, view: str, hit: _Hit) -> bool:
        """No capitalised word right before or after: not part of a longer name."""
        before = regex.search(r"([\p{L}\d]+)[ _]$", view[: hit.start])
        after = regex.match(r"[ _]([\p{L}\d])", view[hit.end :])
        return not (before and before.group(1)[0].isupper()) and not (
            after and after.group(1).isupper()
        )

    def find(self, view: str, province: str | None) -> list[Candidate]:
        """LOCATION candidates of one sentence view (see the module docstring)."""
        hits = self._hits(view)
        chosen: dict[int, tuple[_Hit, list[AdminUnit]]] = {}
        # lists: runs of names joined by commas or "and"
        runs: list[list[_Hit]] = []
        for hit in hits:
            if runs and self._joined(view, runs[-1][-1], hit):
                runs[-1].append(hit)
            else:
                runs.append([hit])
        by_start = {h.start: h for h in hits}
        for run in runs:
            head = run[0]
            if head.unit_start is not None:
                chosen[head.start] = (head, head.units)
                levels = {u.level for u in head.units}
                provinces = {u.province for u in head.units}
                for item in run[1:]:
                    same = [u for u in item.units if u.level in levels and u.province in provinces]
                    if item.unit_start is not None:
                        chosen[item.start] = (item, item.units)
                    elif same and not self._person_like(view, item):
                        chosen[item.start] = (item, same)
            parent = self._parent(view, run[-1], by_start)
            if parent is not None:
                p_hit, p_units = parent
                names = {u.name for u in p_units}
                # a district's communes, a province's districts; or (the text may place a
                # commune under a neighbouring district) a commune of the same province
                provinces = {u.province for u in p_units}
                for item in run:
                    kids = [
                        u
                        for u in item.units
                        if u.district in names
                        or (u.level == "district" and u.province in names)
                        or (u.level == "commune" and not u.current and u.province in provinces)
                    ]
                    # the first name of the list must not end a longer name ("THPT A (B)")
                    first_ok = item is not head or item.unit_start is not None
                    if kids and (first_ok or self._isolated(view, item)):
                        chosen.setdefault(item.start, (item, kids))
                chosen.setdefault(p_hit.start, (p_hit, p_units))
        for hit in hits:
            if hit.start in chosen or hit.unit_start is not None:
                if hit.unit_start is not None:
                    chosen.setdefault(hit.start, (hit, hit.units))
                continue
            local = [u for u in self.in_province(hit.units, province) if u.level == "district"]
            if (
                local
                and len(_TOKEN.findall(view[hit.start : hit.end])) >= 2
                and not self._person_like(view, hit)
                and not any(u.level == "province" for u in hit.units)
                and self._isolated(view, hit)
            ):
                chosen[hit.start] = (hit, local)
        out = []
        for hit, units in chosen.values():
            if all(u.level == "province" for u in units):
                continue  # provinces are rules/places.yml's (patterns.jsonl)
            # as written, modern tones: "Ch’ơm" keeps its apostrophe
            name = view[hit.start : hit.end].replace("_", " ")
            start = hit.start if hit.unit_start is None else hit.unit_start
            canonical = name if hit.unit_start is None else f"{hit.unit_word.lower()} {name}"
            cand = Candidate(start, hit.end, "LOCATION", RULE_ID, 7, {}, canonical)
            successors = {u.successor for u in units}
            cand.successor = (
                successors.pop() if len(successors) == 1 and not units[0].current else None
            )
            out.append(cand)
        return out

    def _parent(self, view: str, last: _Hit, by_start: dict[int, _Hit]):
        """The district or province in brackets right after ``last``, as (hit, units)."""
        m = regex.match(r"\s*\(\s*", view[last.end :])
        if not m:
            return None
        hit = by_start.get(last.end + m.end())
        if hit is None:
            # a unit word first: "(huyện C)"; its hit starts after the word
            for h in by_start.values():
                if h.unit_start == last.end + m.end():
                    hit = h
        if hit is None or not regex.match(r"\s*\)", view[hit.end :]):
            return None
        units = [u for u in hit.units if u.level in ("district", "province")]
        return (hit, units) if units else None


_INDEXES: dict[str, PlaceIndex] = {}


def place_index(rules: EntityRules) -> PlaceIndex:
    """The :class:`PlaceIndex` of a rule set, built once per process."""
    key = str(rules.folder)
    if key not in _INDEXES:
        _INDEXES[key] = PlaceIndex(rules, admin_units())
    return _INDEXES[key]


class AdminPlaceFinder(SavesEntityRules):
    """Adds the dataset's place candidates to the ruler's."""

    def __init__(self, nlp: Language, name: str, rules_folder: str | None = None) -> None:
        self.name = name
        self.rules = entity_rules(rules_folder)
        self.index = place_index(self.rules)

    def __call__(self, doc: Doc) -> Doc:
        """Add the place candidates of ``doc``, each sentence's after the ruler's candidates
        of that sentence (the resolver reads them sentence by sentence, in order); returns
        the same Doc."""
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
