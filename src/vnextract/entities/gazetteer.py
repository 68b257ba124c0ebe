"""Compile the entity rule files once into regular expressions and lookup tables.

Patterns run over a *view* of the sentence text that has the same length as the
text (so every offset survives): old tone placement is modernised (``Hoá`` ->
``Hóa``) and the spaces *inside* a segmented word become ``_``. A pattern's
literal space matches either, so gazetteer phrases match however underthesea cut
the words, while ``{CAP}`` ("a capitalised word") can tell ``Kinh tế`` (one word)
from two.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import regex

from vnextract.core.errors import Errors, RuleError
from vnextract.core.rules import RULE_FILES, load_rules, rules_dir
from vnextract.core.textnorm import Folder, TextRules
from vnextract.entities.schema import (
    AbbreviationsRules,
    AgenciesRules,
    CountriesRules,
    EntityPattern,
    LegalRules,
    LocationsRules,
    NamesRules,
    OrganisationsRules,
    TitlesRules,
)

# rule files of this stage: its own (rules/entities/) plus the shared ones it reads
ENTITY_RULE_FILES: dict[str, str] = {
    name: spec
    for name, spec in RULE_FILES.items()
    if name.startswith("entities/") or name in ("text.yml", "places.yml")
}

SPACE = "[ _]"  # what a space in a pattern matches: between words or inside one
LETTER = r"[\p{L}\d]"
# a capitalised word ("Kinh_tế", "IV", "TT&TT"); where the segmenter glued lower-case
# words after a name ("Lao_Động_điện_tử") the word ends with the last capitalised syllable
_W = r"(?:[\p{L}\d&']|[.-](?=\p{L}))"
CAP = rf"(?:\p{{Lu}}{_W}*(?:_\p{{Ll}}{_W}*)*(?:_\p{{Lu}}{_W}*)*(?![\p{{L}}\d]))"


def cap_regex(not_person: str) -> str:
    """:data:`CAP` whose later glued syllables never start a person's name."""
    return rf"(?:\p{{Lu}}{_W}*(?:_\p{{Ll}}{_W}*)*(?:_{not_person}\p{{Lu}}{_W}*)*(?![\p{{L}}\d]))"


# a capitalised syllable ("Hữu"), for names whose words underthesea may have joined
SYL = r"(?:\p{Lu}\p{Ll}*(?![\p{L}\d]))"
LOW = r"(?:\p{Ll}[\p{L}\d]*(?:_[\p{L}\d]+)*(?![\p{L}\d_]))"
WORD = r"(?:[\p{L}\d][\p{L}\d&-]*(?:_[\p{L}\d]+)*(?![\p{L}\d_]))"
ABBR = r"(?:\p{Lu}[\p{Lu}&-]*\p{Lu}(?![\p{L}\d]))"
START = r"(?:^\s*|[.!?:;…\n]\s*)"


def phrase_regex(phrase: str) -> str:
    """A gazetteer phrase as a regex: escaped, any space matching ``[ _]+``."""
    parts = [regex.escape(p) for p in phrase.split()]
    return f"{SPACE}+".join(parts)


def alternation(phrases: list[str]) -> str:
    """Longest-first alternation of phrases, so ``Phó Chủ tịch`` wins over ``Chủ tịch``."""
    unique = sorted(set(phrases), key=lambda p: (-len(p), p))
    return "(?:" + "|".join(phrase_regex(p) for p in unique) + ")" if unique else "(?!)"


def expand_pattern(pattern: str, placeholders: dict[str, str]) -> str:
    """Turn a rule pattern into a regex: literal spaces match ``[ _]``, ``{NAME}`` expands.

    Raises ``KeyError`` naming an unknown placeholder.
    """
    out = pattern.replace(" ", SPACE)
    for name in regex.findall(r"\{([A-Z_]+)\}", out):
        if name not in placeholders:
            raise KeyError(name)
    return regex.sub(r"\{([A-Z_]+)\}", lambda m: placeholders[m.group(1)], out)


@dataclass
class CompiledPattern:
    rule: EntityPattern
    regex: regex.Pattern
    # lower-cased literals of which the sentence must contain one (None: always run)
    requires: tuple[str, ...] | None = None
    # a sentence holding none of the one-word literals and none of the first two words
    # (side by side) of the longer ones is skipped
    requires_words: frozenset[str] = frozenset()
    requires_pairs: frozenset[tuple[str, str]] = frozenset()


_WORDS = regex.compile(r"\w+|[^\w\s]")


def literal_key(text: str) -> str:
    """How ``requires`` literals and sentences are compared: lower case, ``_`` read as a
    space, single spaces."""
    return " ".join(text.lower().replace("_", " ").split())


def literal_words(text: str) -> list[str]:
    """The words (letter and digit runs) and marks of ``text`` after :func:`literal_key`."""
    return _WORDS.findall(literal_key(text))


@dataclass
class EntityRules:
    """Everything the entity components need, compiled once per rule set."""

    folder: Path
    folder_text: Folder
    names: NamesRules
    titles: TitlesRules
    abbreviations: dict[str, str]
    connectors: set[str]
    patterns: list[CompiledPattern]
    by_id: dict[str, CompiledPattern]
    # folded key -> canonical spelling, for domains, agencies, organisations, places
    canonical: dict[str, dict[str, str]] = field(default_factory=dict)
    title_regex: regex.Pattern | None = None
    title_by_key: dict[str, object] = field(default_factory=dict)
    # comparison keys of the provinces that are centrally-run cities (``@city`` defaults)
    cities: set[str] = field(default_factory=set)
    academic_regex: regex.Pattern | None = None
    honorific_regex: regex.Pattern | None = None
    byline_regex: regex.Pattern | None = None
    # rules/places.yml (provinces old and new) and the words that join a list of places
    places: object = None
    list_joiners: list[str] = field(default_factory=list)

    def key(self, text: str) -> str:
        """Comparison key: modern tones, lower case, single spaces, ``_`` read as a space."""
        return self.folder_text.key(text.replace("_", " "))

    def lookup(self, table: str, text: str) -> str | None:
        """Canonical spelling of ``text`` in one of the tables, or None."""
        return self.canonical.get(table, {}).get(self.key(text))

    def toned(self, text: str) -> str:
        """``text`` with modern tone placement, same length (the raw text if not NFC)."""
        toned = self.folder_text.tones(unicodedata.normalize("NFC", text))
        return toned if len(toned) == len(text) else text

    def view(
        self, text: str, word_spans: list[tuple[int, int]] = (), toned: str | None = None
    ) -> str:
        """The text patterns run on: same length, modern tones, spaces inside words as ``_``.

        ``toned``: :meth:`toned` of ``text`` when the caller has it already.
        """
        view = toned if toned is not None else self.toned(text)
        if word_spans:
            view = self._join_words(view, word_spans)
        if "\u00a0" in view or "\t" in view:
            view = view.replace("\u00a0", " ").replace("\t", " ")
        return view

    @staticmethod
    def _join_words(text: str, word_spans: list[tuple[int, int]]) -> str:
        """``_`` for the spaces inside segmented words."""
        chars = list(text)
        for start, end in word_spans:
            syllable_start = start
            for i in range(start, end):
                if chars[i] != " ":
                    continue
                # a run of spaces is never inside a word: "là  Đoàn" keeps "Đoàn" whole
                if i == start or i + 1 >= end or " " in (chars[i - 1], chars[i + 1]):
                    syllable_start = i + 1
                    continue
                # a common noun the segmenter glued to a name ("sàn Shopee") stays two words
                if not (chars[syllable_start].islower() and chars[i + 1].isupper()):
                    chars[i] = "_"
                syllable_start = i + 1
        return "".join(chars)


def _provinces(locations: LocationsRules, places) -> list[list[str]]:
    """Province names as [canonical, variants...]: ``places.yml`` (old and new units, with
    their districts) when present, then the short fallback list of ``locations.yml``."""
    groups: list[list[str]] = []
    if places is not None:
        for p in [*places.provinces, *places.provinces_after]:
            groups.append([p.name, *p.variants])
    groups += [[name] for name in locations.provinces]
    return groups


def _cities(locations: LocationsRules, places) -> list[str]:
    """Names (and variants) of the provinces whose kind is one of ``city_kinds``."""
    kinds = set(locations.city_kinds)
    return [
        n
        for p in ([*places.provinces, *places.provinces_after] if places is not None else [])
        if p.kind in kinds
        for n in [p.name, *p.variants]
    ]


def _districts(places) -> list[list[str]]:
    """District (and commune) names from ``places.yml``: [written with its kind, variants...]."""
    groups: list[list[str]] = []
    for p in [*places.provinces, *places.provinces_after] if places is not None else []:
        for d in p.districts:
            full = f"{d.kind} {d.name}" if d.kind else d.name
            groups.append([full, *d.variants])
    return groups


def _object_lines(path: Path) -> list[int]:
    """1-based line numbers of the JSON objects in a JSONL file (comments and blanks skipped)."""
    try:
        text = path.read_text(encoding="utf-8")
    except OSError:
        return []
    return [
        n
        for n, line in enumerate(text.splitlines(), start=1)
        if line.strip() and not line.lstrip().startswith("//")
    ]


class _UnknownList(LookupError):
    """A ``requires`` entry names no word list (a LookupError, not the KeyError of an
    unknown placeholder)."""


def _requires(rule: EntityPattern, word_lists: dict[str, list[str]]) -> tuple[str, ...] | None:
    """The pattern's ``requires`` as comparison literals, word lists expanded."""
    if rule.requires is None:
        return None
    literals: list[str] = []
    for item in rule.requires:
        if item.startswith("{") and item.endswith("}"):
            if item[1:-1] not in word_lists:
                raise _UnknownList(item[1:-1])
            literals += word_lists[item[1:-1]]
        else:
            literals.append(item)
    return tuple(dict.fromkeys(literal_key(x) for x in literals if x.strip()))


def _table(groups: list[list[str]], key) -> dict[str, str]:
    table: dict[str, str] = {}
    for group in groups:
        for variant in group:
            table.setdefault(key(variant), group[0])
    return table


def compile_rules(sections: dict, folder: Path) -> EntityRules:
    """Build :class:`EntityRules` from validated sections (as returned by ``load_rules``)."""
    folder_text = Folder(sections["text.yml"] or TextRules(tone_placement={}))
    names: NamesRules = sections["entities/names.yml"]
    titles: TitlesRules = sections["entities/titles.yml"]
    abbr: AbbreviationsRules = sections["entities/abbreviations.yml"]
    agencies: AgenciesRules = sections["entities/agencies.yml"]
    orgs: OrganisationsRules = sections["entities/organisations.yml"]
    locations: LocationsRules = sections["entities/locations.yml"]
    legal: LegalRules = sections["entities/legal.yml"]
    world: CountriesRules | None = sections.get("entities/countries.yml")
    countries = [*locations.countries, *(world.names() if world is not None else [])]

    def key(text: str) -> str:
        return folder_text.key(text.replace("_", " "))

    places = sections.get("places.yml")
    province_groups = _provinces(locations, places)
    provinces = [n for g in province_groups for n in g]
    needs_unit = {key(n) for n in locations.needs_unit}
    plain_provinces = [p for p in provinces if key(p) not in needs_unit]
    domain_abbrs = [
        a
        for a, long in abbr.abbreviations.items()
        if any(key(long) == key(d) for g in agencies.domains for d in g)
    ]
    family = alternation(names.family_names)
    not_person = rf"(?!{family}{SPACE}\p{{Lu}})"
    cap = cap_regex(not_person)
    placeholders = {
        "CAP": cap,
        "SYL": SYL,
        "LOW": LOW,
        "WORD": WORD,
        "ABBR": ABBR,
        "START": START,
        "WORD_END": r"(?![\p{L}\d_])",
        # where a name ends: a word's end, or a lower-case syllable the segmenter glued on
        # ("Vĩnh_cùng")
        "NAME_END": r"(?![\p{L}\d]|_(?!\p{Ll}))",
        "DOMAIN": "(?:(?i:"
        + alternation([d for g in agencies.domains for d in g])
        + ")|"
        + alternation(domain_abbrs)
        + f"|{ABBR})",
        # a domain's abbreviation glued to a head letter ("SVHTTDL": Sở + VH-TT&DL)
        "DOMAIN_ABBR": alternation([a.replace("&", "").replace("-", "") for a in domain_abbrs])
        + r"(?![\p{L}\d])",
        "PROVINCE": alternation(plain_provinces),
        "ANY_PROVINCE": alternation(provinces),
        # a place name's later words never start a person's name ("huyện Nam Đàn Nguyễn Văn A")
        "PLACE_NAME": rf"(?:{cap}(?:{SPACE}{not_person}{cap}){{0,2}}|\d+)",
        "NOT_PERSON": not_person,
        # not the start of a full personal name: family, common middle name, one more
        # capitalised syllable ("Phạm Thị Thu Hà"), so "Mai Châu" is still a place
        "NOT_FULL_NAME": rf"(?!{family}{SPACE}{alternation(names.middle_names)}{SPACE}\p{{Lu}})",
        # names that are places only after a unit word ("thành phố Hồ Chí Minh")
        "NEEDS_UNIT": alternation(locations.needs_unit),
        "CITY": alternation([n for n in _cities(locations, places) if key(n) not in needs_unit]),
        "REGION": alternation([n for g in locations.regions for n in g]),
        "BYLINE": alternation(titles.byline_cues),
        "ORG_BREAK": alternation(orgs.name_breaks) + r"(?![\p{L}\d])",
        "BRAND_CUE": alternation(orgs.brand_cues),
        "NOT_BRAND": "(?i:" + alternation(orgs.not_brands) + r")(?![\p{L}\d])",
        "UNIT": alternation(locations.units),
        "PLACE_KEEP": alternation(locations.place_types.keep),
        "PLACE_DROP": alternation(locations.place_types.drop),
        "STREET": alternation(locations.street_words),
        "NUMBER_WORD": alternation([*locations.number_words, legal.number_word]),
        "COUNTRY": alternation(countries),
        "DISTRICT": alternation([n for g in _districts(places) for n in g]),
        "AGENCY_NAME": "(?i:" + alternation([n for g in agencies.named for n in g]) + ")",
        "ORG_NAME": "(?i:" + alternation([n for g in orgs.named for n in g]) + ")",
        "FAMILY": alternation(names.family_names),
        "LUNAR_YEAR": f"{alternation(names.lunar_stems)}{SPACE}{alternation(names.lunar_branches)}",
        "TITLE": "(?i:"
        + alternation([v for t in titles.titles for v in [t.title, *t.variants]])
        + ")",
        "NOT_TITLE": "(?!(?i:"
        + alternation([v for t in titles.titles for v in [t.title, *t.variants]])
        + "))",
        "MIDDLE": alternation(names.middle_names),
        "HONORIFIC": alternation(titles.honorifics),
        "ACADEMIC": alternation(titles.academic_prefixes),
        "DOC_TYPE": alternation(legal.document_types),
        "BARE_DOC_TYPE": alternation(legal.bare_number_types),
        "DOC_NUMBER": r"\d+(?:[/-]\d{2,4})?[/-]\p{L}[\p{L}\d]*(?:[-/&.]\p{L}[\p{L}\d]*)*",
        "TITLE_RUN": rf"{cap}(?:(?:{SPACE}{LOW}){{0,2}}{SPACE}{cap})*",
    }
    # the word lists a pattern's `requires` may name
    word_lists: dict[str, list[str]] = {
        "AGENCY_NAME": [n for g in agencies.named for n in g],
        "ORG_NAME": [n for g in orgs.named for n in g],
        "BRAND_CUE": orgs.brand_cues,
        "COUNTRY": countries,
        "REGION": [n for g in locations.regions for n in g],
        "PLACE_KEEP": locations.place_types.keep,
        "PLACE_DROP": locations.place_types.drop,
        "STREET": locations.street_words,
        "NUMBER_WORD": [*locations.number_words, legal.number_word],
        "DOC_TYPE": legal.document_types,
        "BARE_DOC_TYPE": legal.bare_number_types,
        "DISTRICT": [n for g in _districts(places) for n in g],
        "PROVINCE": plain_provinces,
        "FAMILY": names.family_names,
        "LUNAR_STEM": names.lunar_stems,
        "HONORIFIC": titles.honorifics,
        "ACADEMIC": titles.academic_prefixes,
        "BYLINE": titles.byline_cues,
    }
    problems: list[str] = []
    compiled: list[CompiledPattern] = []
    name = "rules/entities/patterns.jsonl"
    lines = _object_lines(folder / "entities" / "patterns.jsonl")
    first_line: dict[str, int] = {}
    for n, rule in enumerate(sections["entities/patterns.jsonl"]):
        line = lines[n] if n < len(lines) else 0
        what = f"pattern '{rule.id}'"
        if rule.id in first_line:
            fix = Errors.E202.format(id=rule.id, first=first_line[rule.id])
            problems.append(
                Errors.E011.format(file=name, line=line, what=what + " repeats an id", fix=fix)
            )
        first_line.setdefault(rule.id, line)
        try:
            body = expand_pattern(rule.pattern, placeholders)
            # whole words only: no letter, digit or word-internal "_" just before the match
            full = rf"(?<![\p{{L}}\d_])(?:{body})(?![\p{{L}}\d])"
            requires = _requires(rule, word_lists)
            heads = [literal_words(x)[:2] for x in requires or ()]
            words = frozenset(h[0] for h in heads if len(h) == 1)
            pairs = frozenset((h[0], h[1]) for h in heads if len(h) == 2)
            compiled.append(CompiledPattern(rule, regex.compile(full), requires, words, pairs))
        except KeyError as exc:
            fix = Errors.E200.format(name=exc.args[0], known=", ".join(sorted(placeholders)))
            problems.append(
                Errors.E011.format(
                    file=name, line=line, what=what + " has an unknown placeholder", fix=fix
                )
            )
        except _UnknownList as exc:
            fix = Errors.E203.format(name=exc.args[0], known=", ".join(sorted(word_lists)))
            problems.append(
                Errors.E011.format(
                    file=name, line=line, what=what + " requires an unknown word list", fix=fix
                )
            )
        except regex.error as exc:
            fix = Errors.E201.format(reason=exc)
            problems.append(
                Errors.E011.format(file=name, line=line, what=what + " does not compile", fix=fix)
            )
    if problems:
        raise RuleError(problems)

    title_keys = {key(v): t for t in titles.titles for v in [t.title, *t.variants]}
    return EntityRules(
        folder=folder,
        folder_text=folder_text,
        names=names,
        titles=titles,
        abbreviations={a: v for a, v in abbr.abbreviations.items()},
        connectors={key(c) for c in abbr.connectors},
        patterns=compiled,
        by_id={c.rule.id: c for c in compiled},
        canonical={
            "domain": _table(agencies.domains, key),
            "agency": _table(agencies.named, key),
            "org": _table(orgs.named, key),
            "province": _table(province_groups, key),
            "district": _table(_districts(places), key),
            "region": _table(locations.regions, key),
        },
        cities={key(n) for n in _cities(locations, places)},
        title_regex=regex.compile(
            r"(?<![\p{L}\d_])(?i:"
            + alternation([v for t in titles.titles for v in [t.title, *t.variants]])
            + r")(?![\p{L}\d])"
        ),
        title_by_key=title_keys,
        academic_regex=regex.compile(alternation(titles.academic_prefixes)),
        honorific_regex=regex.compile("(?i:" + alternation(titles.honorifics) + ")"),
        byline_regex=regex.compile("(?:" + alternation(titles.byline_cues) + r")\s*$"),
        places=places,
        list_joiners=locations.list_joiners,
    )


@lru_cache(maxsize=4)
def entity_rules(folder: str | None = None) -> EntityRules:
    """Load, validate and compile the entity rule files of ``folder`` (default: the rules folder).

    Raises:
        RuleError: listing every problem as ``rules/FILE:LINE: what. Fix: how``.
    """
    path = Path(folder) if folder else rules_dir()
    loaded = load_rules(path, files=ENTITY_RULE_FILES)
    return compile_rules(loaded.sections, path)
