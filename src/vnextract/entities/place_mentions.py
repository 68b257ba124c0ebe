"""Finding the dataset's place names in one sentence view: runs of capitalised words looked
up in :class:`~vnextract.entities.admin_places.PlaceIndex`, their unit words, lists and the
parent in brackets. A mixin of ``PlaceIndex``, which holds the tables it reads
(``by_name``, ``levels_of_kind``, ``kinds``, ``family``, ``middle``, ``joiners``).
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import pairwise

import regex

from vnextract.entities.admin_units import AdminUnit
from vnextract.entities.context import Candidate

RULE_ID = "location.admin_unit"
_TOKEN = regex.compile(r"[\p{L}\d]+(?:['’][\p{L}\d]+)*")
_MAX_WORDS = 6
# what stands between the words of one name: a space, the segmenter's ``_``, and the hyphen
# of names joined in 2025 or before (``Lâm Viên - Đà Lạt``, ``Phan Rang-Tháp Chàm``)
_NAME_GAPS = frozenset({" ", "_", "-", " - ", " – ", "–"})
_WORD_KEYS_MAX = 50_000


@dataclass
class _Hit:
    start: int  # of the name
    end: int
    units: list[AdminUnit]
    unit_start: int | None = None  # of the unit word before it
    unit_word: str = ""
    listed_word: str = ""  # the unit word of the list it stands in ("các huyện A, B")


class MentionSearch:
    """The sentence search of :class:`PlaceIndex` (see the module docstring)."""

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
            if n and view[tokens[i + n - 1][1] : s] not in _NAME_GAPS:
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
        tokens = [m.span() for m in _TOKEN.finditer(view)]
        hits: list[_Hit] = []
        # a name starts capitalised or with a digit: only those words are tried, in order
        starts = [i for i, (s, _) in enumerate(tokens) if view[s].isupper() or view[s].isdigit()]
        after = 0  # the word after the last name found: names do not overlap
        for i in starts:
            if i < after or (found := self._longest(view, tokens, i)) is None:
                continue
            n, units = found
            hit = _Hit(tokens[i][0], tokens[i + n - 1][1], units)
            self._unit_word(view, tokens, i, hit)
            hits.append(hit)
            after = i + n
        return hits

    def _unit_word(self, view: str, tokens, i: int, hit: _Hit) -> None:
        """Attach the unit word written before the name, if it fits one of its units."""
        for width in (2, 1):
            if i - width < 0:
                continue
            words = tokens[i - width : i]
            gaps = [view[a[1] : b[0]] for a, b in pairwise([*words, (hit.start, 0)])]
            # "TP. Huế", "TP.Huế": an abbreviated unit word keeps its full stop
            dotted = width == 1 and gaps[-1] in (".", ". ")
            if not dotted and any(g not in (" ", "_") for g in gaps):
                continue
            word = view[words[0][0] : words[-1][1]] + ("." if dotted else "")
            # an abbreviated unit word is read as the rule files expand it ("TP." -> its word)
            word = self.rules.abbreviations.get(word, word)
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
                # the list's unit word is every item's only after "các", "hai"...
                before = self.key(view[max(0, head.unit_start - 20) : head.unit_start])
                word = head.unit_word if self.plural.search(" " + before) else ""
                for item in run[1:]:
                    same = [u for u in item.units if u.level in levels and u.province in provinces]
                    if item.unit_start is not None:
                        chosen[item.start] = (item, item.units)
                        word = item.unit_word if word else ""
                    elif same and (word or not self._person_like(view, item)):
                        # after 'các huyện A, ...' a name like a person's ('Vũ Quang')
                        # that is a unit of the same kind and province is that unit
                        chosen[item.start] = (item, same)
                        item.listed_word = self._listed_word(word, same)
            if head.unit_start is None:
                self._introduced(view, run, province, chosen)
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
        return self._candidates(view, chosen)

    def _candidates(self, view: str, chosen: dict) -> list[Candidate]:
        """The chosen hits as LOCATION candidates, with their unit words and successors."""
        out = []
        for hit, units in chosen.values():
            if all(u.level == "province" for u in units):
                continue  # provinces are rules/places.yml's (patterns.jsonl)
            # as written, modern tones: "Ch’ơm" keeps its apostrophe
            name = view[hit.start : hit.end].replace("_", " ")
            start = hit.start if hit.unit_start is None else hit.unit_start
            word = hit.unit_word if hit.unit_start is not None else hit.listed_word
            canonical = f"{word.lower()} {name}" if word else name
            cand = Candidate(start, hit.end, "LOCATION", RULE_ID, 7, {}, canonical)
            successors = {u.successor for u in units}
            cand.successor = (
                successors.pop() if len(successors) == 1 and not units[0].current else None
            )
            out.append(cand)
        return out

    def _introduced(self, view: str, run: list[_Hit], province: str | None, chosen) -> None:
        """Choose the names of a list opened after a plural unit word and its description
        (``các huyện vùng cao như A, B``), each with that unit word. In place."""
        base = max(0, run[0].start - 80)
        before = self.key(view[base : run[0].start])
        m = self.intro.search(before)
        if m is None:
            m = self.described.search(before)
            # the description is lower case as written: a capital would be a name
            if m is None or any(c.isupper() for c in view[base + m.start("words") : run[0].start]):
                return
        word = m.group("unit")
        levels = self.levels_of_kind.get(word, set())
        for item in run:
            same = [u for u in item.units if u.level in levels and u.level != "province"]
            local = self.in_province(same, province)
            same = local or same
            # a name like a person's ('Vũ Quang') listed under the unit word of a unit of
            # the article's province is that unit
            person = not local and self._person_like(view, item)
            if same and item.start not in chosen and not person:
                chosen[item.start] = (item, same)
                item.listed_word = self._listed_word(word, same)

    def _listed_word(self, word: str, units: list[AdminUnit]) -> str:
        """The unit word a list item takes: the list's own where the dataset has the item
        under it, else the item's one kind, else none (``các huyện A, B`` -> ``huyện B``)."""
        kinds = {self.key(u.kind) for u in units}
        if not word:
            return ""
        if self.key(word) in kinds:
            return word.replace("_", " ")
        return units[0].kind if len(kinds) == 1 else ""

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
