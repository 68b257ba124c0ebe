"""Province names: canonical forms, variants and the 2025 merger, from ``rules/places.yml``.

Names are matched on text folded by :mod:`textnorm` (tone placement, case), so
``Thanh Hoá`` and ``THANH HÓA`` are ``Thanh Hóa``; the stored text is never
changed and offsets are into it. A match must be capitalised like the name
(``hòa bình`` is peace, ``Hòa Bình`` the province).
"""

from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache

from pydantic import BaseModel, ConfigDict, model_validator

from vnextract.core.rules import Rules, load_rules
from vnextract.core.textnorm import Folder, TextRules

RULE_FILE = "places.yml"


class District(BaseModel):
    """A district (or town, commune) under a province, for the LOCATION stage."""

    model_config = ConfigDict(extra="forbid")
    name: str
    kind: str | None = None
    variants: list[str] = []


class Province(BaseModel):
    """A province or centrally-run city in force before the change date."""

    model_config = ConfigDict(extra="forbid")
    name: str
    kind: str
    variants: list[str] = []
    becomes: str
    districts: list[District] = []


class ProvinceAfter(BaseModel):
    """A province or centrally-run city from the change date on."""

    model_config = ConfigDict(extra="forbid")
    name: str
    kind: str
    variants: list[str] = []
    formed_from: list[str]
    districts: list[District] = []


class PlacesRules(BaseModel):
    """Schema of ``rules/places.yml``."""

    model_config = ConfigDict(extra="forbid")
    change_date: dt.date
    kinds: list[str]
    provinces: list[Province]
    provinces_after: list[ProvinceAfter]

    @model_validator(mode="after")
    def _consistent(self) -> PlacesRules:
        problems: list[str] = []
        before = {p.name for p in self.provinces}
        after = {p.name for p in self.provinces_after}
        for p in [*self.provinces, *self.provinces_after]:
            if p.kind not in self.kinds:
                problems.append(f"{p.name}: kind '{p.kind}' is not one of kinds {self.kinds}")
        for p in self.provinces:
            if p.becomes not in after:
                problems.append(f"{p.name}: becomes '{p.becomes}', not in provinces_after")
        for p in self.provinces_after:
            for old in p.formed_from:
                if old not in before:
                    problems.append(f"{p.name}: formed_from '{old}' is not in provinces")
                elif next(q.becomes for q in self.provinces if q.name == old) != p.name:
                    problems.append(f"{p.name}: formed_from '{old}', but {old} becomes elsewhere")
        if problems:
            raise ValueError("; ".join(problems))
        return self


_SEPARATOR = re.compile(r"\s*([-–—.])\s*|\s+")
_TOKENS = re.compile(r"[^\s.\-–—]+")


def _pattern_for(name: str) -> str:
    """Regex for a folded name: any spacing, any dash, optional space after a dot."""
    parts: list[str] = []
    pos = 0
    for m in _SEPARATOR.finditer(name):
        parts.append(re.escape(name[pos : m.start()]))
        sep = m.group(1)
        if sep is None:
            parts.append(r"\s+")
        elif sep == ".":
            parts.append(r"\.\s*")
        else:
            parts.append(r"\s*[-–—]\s*")
        pos = m.end()
    parts.append(re.escape(name[pos:]))
    return "".join(parts)


def _separator_key(m: re.Match[str]) -> str:
    sep = m.group(1)
    if sep is None:
        return " "
    return "." if sep == "." else "-"


def _capitals(text: str) -> list[bool]:
    return [tok[0].isupper() for tok in _TOKENS.findall(text)]


class Places:
    """Compiled province names of one rule set."""

    def __init__(self, rules: PlacesRules, folder: Folder) -> None:
        self.rules = rules
        self.folder = folder
        self.by_name = {p.name: p for p in rules.provinces}
        self.after = {p.name: p for p in rules.provinces_after}
        # lookup key -> (canonical before the change, the name as written in the rules)
        self._names: dict[str, tuple[str, str]] = {}
        for p in rules.provinces_after:
            for name in (p.name, *p.variants):
                self._names.setdefault(self._key(name), (p.name, name))
        for p in rules.provinces:  # names in force before the change win
            for name in (p.name, *p.variants):
                self._names[self._key(name)] = (p.name, name)
        written = sorted({w for _, w in self._names.values()}, key=len, reverse=True)
        alternation = "|".join(_pattern_for(folder.tones(w)) for w in written)
        self._regex = re.compile(rf"(?<!\w)(?:{alternation})(?!\w)", re.IGNORECASE)
        self._units: UnitProvinces | None = None

    def _key(self, text: str) -> str:
        return _SEPARATOR.sub(_separator_key, self.folder.key(text))

    def canonical(self, name: str, on: dt.date | None = None) -> str | None:
        """Canonical name of a province name or variant; the post-merger one when ``on`` is
        on or after the change date. None when ``name`` is no province."""
        hit = self._names.get(self._key(name))
        if hit is None:
            return None
        canonical = hit[0]
        if on is not None and on >= self.rules.change_date and canonical in self.by_name:
            return self.by_name[canonical].becomes
        return canonical

    def units_find(self, text: str) -> list[tuple[int, int, str]]:
        """Every district or commune of the place dataset named with its unit word
        (``huyện Tiên Du``, ``xã Mường Lý``) whose name lies in one province only: (start,
        end, canonical province before the change). See :class:`UnitProvinces`."""
        if self._units is None:
            self._units = UnitProvinces(self)
        return self._units.find(text)

    def find(self, text: str) -> list[tuple[int, int, str]]:
        """Every province mention in ``text``: (start, end, canonical name before the change)."""
        out: list[tuple[int, int, str]] = []
        for m in self._regex.finditer(self.folder.tones(text)):
            hit = self._names.get(self._key(m.group()))
            if hit is None:
                continue
            source = text[m.start() : m.end()]
            wanted = _capitals(hit[1])
            got = _capitals(source)
            # every word capitalised in the rules must be capitalised in the text
            if len(wanted) == len(got) and all(
                g or not w for w, g in zip(wanted, got, strict=True)
            ):
                out.append((m.start(), m.end(), hit[0]))
        return out


class UnitProvinces:
    """The province of the districts and communes of ``vietnamadminunits`` (old and 2025
    layouts), for an article that names its places but not its province. A name counts
    only after a unit word of its level and capitalised, and only when every unit of that
    name and level lies in one province (``xã Tân Lập`` lies in many: it counts for none).
    The dataset is read on first use (about 0.2 s, once per process).
    """

    _MAX_WORDS = 5

    def __init__(self, places: Places) -> None:
        from vnextract.entities.admin_units import admin_units  # the dataset, on first use

        self.places = places
        key = places.folder.key
        # (folded unit word, folded name) -> the provinces of its units: the old ones, and
        # the 2025 ones (the old provinces' successors included)
        old: dict[tuple[str, str], set[str]] = {}
        new: dict[tuple[str, str], set[str]] = {}
        for u in admin_units():
            if u.level == "province":
                continue
            name = (key(u.kind), key(u.name))
            canonical = places.canonical(
                u.province, None if not u.current else places.rules.change_date
            )
            if canonical is None:
                continue
            if u.current:
                new.setdefault(name, set()).add(canonical)
            else:
                old.setdefault(name, set()).add(canonical)
                new.setdefault(name, set()).add(places.by_name[canonical].becomes)
        # a name counts for the old province its units agree on, else for the 2025 one
        self.provinces: dict[tuple[str, str], str] = {}
        for name, after in new.items():
            if len(after) == 1:
                before = old.get(name, set())
                self.provinces[name] = next(iter(before if len(before) == 1 else after))
        self._all = set(new)
        kinds = sorted({k for k, _ in self._all}, key=len, reverse=True)
        words = "|".join(_pattern_for(k) for k in kinds)
        cap = r"[^\W\d_][\w'’]*"  # a word; the name's are checked capitalised below
        # the name is looked ahead: "huyện A và thị trấn B" holds two units
        self._regex = re.compile(
            rf"(?<!\w)({words})\s+(?=((?:{cap})(?:[ \t]+{cap}){{0,{self._MAX_WORDS - 1}}}))",
            re.IGNORECASE,
        )

    def find(self, text: str) -> list[tuple[int, int, str]]:
        """(start, end, canonical province) of each unit named in ``text`` that lies in one
        province (the old one where its units agree on it, else the 2025 one)."""
        key = self.places.folder.key
        out: list[tuple[int, int, str]] = []
        for m in self._regex.finditer(text):
            kind = key(m.group(1))
            words = m.group(2).split()
            # the longest run of words that names a unit of this kind, capitalised as a
            # name is ("xã Thanh phước" is no "xã Thanh")
            for n in range(len(words), 0, -1):
                name = (kind, key(" ".join(words[:n])))
                if name not in self._all:
                    continue
                if name in self.provinces and all(w[0].isupper() for w in words[:n]):
                    end = m.start(2) + len(" ".join(words[:n]))
                    out.append((m.start(), end, self.provinces[name]))
                break
        return out


def load_places(rules: Rules | PlacesRules | None = None, text: TextRules | None = None) -> Places:
    """Compile the province names.

    Args:
        rules: loaded rules holding ``places.yml`` (and ``text.yml``), or the places
            section alone; default: the rules folder.
        text: the tone-folding rules when ``rules`` does not carry them.
    """
    if isinstance(rules, Rules):
        text = text or rules.sections.get("text.yml")
        rules = rules[RULE_FILE]
    if rules is None or text is None:
        loaded = _load_default()
        rules = rules or loaded[RULE_FILE]
        text = text or loaded["text.yml"]
    return Places(rules, Folder(text))


@lru_cache(maxsize=1)
def _load_default() -> Rules:
    return load_rules(
        files={
            RULE_FILE: "vnextract.ingest.places:PlacesRules",
            "text.yml": "vnextract.core.textnorm:TextRules",
        }
    )


@lru_cache(maxsize=1)
def default_places() -> Places:
    """The province names from the rules folder, compiled once."""
    return load_places()


def canonical_province(name: str, on: dt.date | None = None) -> str | None:
    """Canonical name of a province (``Thanh Hoá`` -> ``Thanh Hóa``), or None."""
    return default_places().canonical(name, on)


def find_provinces(text: str) -> list[tuple[int, int, str]]:
    """Province mentions in ``text`` as (start, end, canonical)."""
    return default_places().find(text)
