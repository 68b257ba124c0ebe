"""The ``{NAME}`` placeholders of the entity patterns, built from the rule files' words.

Each family (name shapes, places, agencies and organisations, titles and legal
documents) is built by its own function from one :class:`RuleWords`; :func:`word_lists`
names the lists a pattern's ``requires`` may use.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

from vnextract.core.textnorm import Folder, TextRules
from vnextract.entities.pattern_pieces import (
    ABBR,
    LOW,
    SPACE,
    START,
    SYL,
    WORD,
    alternation,
    cap_regex,
)
from vnextract.entities.schema import (
    AbbreviationsRules,
    AgenciesRules,
    LegalRules,
    LocationsRules,
    NamesRules,
    OrganisationsRules,
    TitlesRules,
)


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


def _city_groups(locations: LocationsRules, places) -> list[list[str]]:
    """[name, variants...] of the centrally-run cities: "thành phố Huế" is the city, not the
    province Thừa Thiên Huế it was in before it became one (``{place:city}``)."""
    kinds = set(locations.city_kinds)
    every = [*places.provinces_after, *places.provinces] if places is not None else []
    return [[p.name, *p.variants] for p in every if p.kind in kinds]


def _districts(places) -> list[list[str]]:
    """District (and commune) names from ``places.yml``: [written with its kind, variants...]."""
    groups: list[list[str]] = []
    for p in [*places.provinces, *places.provinces_after] if places is not None else []:
        for d in p.districts:
            full = f"{d.kind} {d.name}" if d.kind else d.name
            groups.append([full, *d.variants])
    return groups


@dataclass
class RuleWords:
    """The validated entity sections, with the word lists several placeholders share."""

    sections: dict

    @cached_property
    def folder_text(self) -> Folder:
        return Folder(self.sections["text.yml"] or TextRules(tone_placement={}))

    def key(self, text: str) -> str:
        return self.folder_text.key(text.replace("_", " "))

    names = property(lambda self: self.sections["entities/names.yml"])
    titles = property(lambda self: self.sections["entities/titles.yml"])
    abbr = property(lambda self: self.sections["entities/abbreviations.yml"])
    agencies = property(lambda self: self.sections["entities/agencies.yml"])
    orgs = property(lambda self: self.sections["entities/organisations.yml"])
    locations = property(lambda self: self.sections["entities/locations.yml"])
    legal = property(lambda self: self.sections["entities/legal.yml"])
    places = property(lambda self: self.sections.get("places.yml"))

    @cached_property
    def countries(self) -> list[str]:
        """Countries, continents and world regions: locations.yml's and countries.yml's."""
        world = self.sections.get("entities/countries.yml")
        return [*self.locations.countries, *(world.names() if world is not None else [])]

    @cached_property
    def province_groups(self) -> list[list[str]]:
        return _provinces(self.locations, self.places)

    @cached_property
    def provinces(self) -> list[str]:
        return [n for g in self.province_groups for n in g]

    @cached_property
    def needs_unit(self) -> set[str]:
        return {self.key(n) for n in self.locations.needs_unit}

    @cached_property
    def plain_provinces(self) -> list[str]:
        return [p for p in self.provinces if self.key(p) not in self.needs_unit]

    @cached_property
    def districts(self) -> list[list[str]]:
        return _districts(self.places)

    @cached_property
    def city_groups(self) -> list[list[str]]:
        return _city_groups(self.locations, self.places)

    @cached_property
    def cities(self) -> list[str]:
        return _cities(self.locations, self.places)

    @cached_property
    def titles_and_variants(self) -> list[str]:
        return [v for t in self.titles.every_title() for v in [t.title, *t.variants]]

    @cached_property
    def not_person(self) -> str:
        return rf"(?!{alternation(self.names.family_names)}{SPACE}\p{{Lu}})"

    @cached_property
    def cap(self) -> str:
        return cap_regex(self.not_person)


def _shapes(w: RuleWords) -> dict[str, str]:
    """Word shapes and personal names."""
    names: NamesRules = w.names
    cap, not_person, family = w.cap, w.not_person, alternation(names.family_names)
    return {
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
        "NOT_PERSON": not_person,
        # not the start of a full personal name: family, common middle name, one more
        # capitalised syllable ("Phạm Thị Thu Hà"), so "Mai Châu" is still a place
        "NOT_FULL_NAME": rf"(?!{family}{SPACE}{alternation(names.middle_names)}{SPACE}\p{{Lu}})",
        "FAMILY": family,
        "MIDDLE": alternation(names.middle_names),
        "LUNAR_YEAR": f"{alternation(names.lunar_stems)}{SPACE}{alternation(names.lunar_branches)}",
        "TITLE_RUN": rf"{cap}(?:(?:{SPACE}{LOW}){{0,2}}{SPACE}{cap})*",
    }


def _places(w: RuleWords) -> dict[str, str]:
    """Provinces, districts, regions, countries and the words around place names."""
    locations: LocationsRules = w.locations
    legal: LegalRules = w.legal
    cap, not_person = w.cap, w.not_person
    return {
        "PROVINCE": alternation(w.plain_provinces),
        "ANY_PROVINCE": alternation(w.provinces),
        # a place name's later words never start a person's name ("huyện Nam Đàn Nguyễn Văn A")
        "PLACE_NAME": rf"(?:{cap}(?:{SPACE}{not_person}{cap}){{0,2}}|\d+)",
        # names that are places only after a unit word ("thành phố Hồ Chí Minh")
        "NEEDS_UNIT": alternation(locations.needs_unit),
        "CITY": alternation([n for n in w.cities if w.key(n) not in w.needs_unit]),
        "REGION": alternation([n for g in locations.regions for n in g]),
        "UNIT": alternation(locations.units),
        "PLACE_KEEP": alternation(locations.place_types.keep),
        "PLACE_DROP": alternation(locations.place_types.drop),
        "PLACE_COMMON": alternation(locations.place_types.common),
        "STREET": alternation(locations.street_words),
        "ROAD_KIND": "(?i:" + alternation(locations.road_kinds) + r")(?![\p{L}\d])",
        "NUMBER_WORD": alternation([*locations.number_words, legal.number_word]),
        "COUNTRY": alternation(w.countries),
        "DISTRICT": alternation([n for g in w.districts for n in g]),
    }


def _bodies(w: RuleWords) -> dict[str, str]:
    """Agencies' domains and names, organisations."""
    agencies: AgenciesRules = w.agencies
    orgs: OrganisationsRules = w.orgs
    abbr: AbbreviationsRules = w.abbr
    domain_abbrs = [
        a
        for a, long in abbr.abbreviations.items()
        if any(w.key(long) == w.key(d) for g in agencies.domains for d in g)
    ]
    police = [f for g in agencies.police_fields for f in g]
    # a division's code ("PC07") stands for its field where abbreviations.yml says so
    police_codes = [a for a, long in abbr.abbreviations.items() if long in police]
    return {
        "POLICE_FIELD": "(?:(?i:"
        + alternation(police)
        + ")"
        + ("|" + alternation(police_codes) if police_codes else "")
        + r")(?![\p{L}\d])",
        "DOMAIN": "(?:(?i:"
        + alternation([d for g in agencies.domains for d in g])
        + ")|"
        + alternation(domain_abbrs)
        # an abbreviation cut at a comma is only part of one ("VH" of "VH,TT&DL")
        + f"|{ABBR}(?![,.]\\p{{Lu}}))",
        # a domain's abbreviation glued to a head letter ("SVHTTDL": Sở + VH-TT&DL)
        "DOMAIN_ABBR": alternation([a.replace("&", "").replace("-", "") for a in domain_abbrs])
        + r"(?![\p{L}\d])",
        "ORG_BREAK": alternation(orgs.name_breaks) + r"(?![\p{L}\d])",
        # a verb after a body's name: where its lower-case words stop
        "NAME_VERB": alternation(agencies.name_verbs) + r"(?![\p{L}\d])",
        "BRAND_CUE": alternation(orgs.brand_cues),
        "NOT_BRAND": "(?i:" + alternation(orgs.not_brands) + r")(?![\p{L}\d])",
        "AGENCY_NAME": "(?i:" + alternation([n for g in agencies.named for n in g]) + ")",
        "ORG_NAME": "(?i:" + alternation([n for g in orgs.named for n in g]) + ")",
    }


def _titles(w: RuleWords) -> dict[str, str]:
    """Officials' titles, bylines, honorifics and legal documents."""
    titles: TitlesRules = w.titles
    legal: LegalRules = w.legal
    return {
        "BYLINE": alternation(titles.byline_cues),
        "TITLE": "(?i:" + alternation(w.titles_and_variants) + ")",
        "NOT_TITLE": "(?!(?i:" + alternation(w.titles_and_variants) + "))",
        "HONORIFIC": alternation(titles.honorifics),
        "ACADEMIC": alternation(titles.academic_prefixes),
        "DOC_TYPE": alternation(legal.document_types),
        "BARE_DOC_TYPE": alternation(legal.bare_number_types),
        "TITLED_DOC_TYPE": alternation(legal.titled_types),
        "DOC_NUMBER": r"\d+(?:[/-]\d{2,4})?[/-]\p{L}[\p{L}\d]*(?:[-/&.]\p{L}[\p{L}\d]*)*",
    }


def placeholders(w: RuleWords) -> dict[str, str]:
    """Every ``{NAME}`` a pattern may use, as a regex."""
    return {**_shapes(w), **_places(w), **_bodies(w), **_titles(w)}


def word_lists(w: RuleWords) -> dict[str, list[str]]:
    """The word lists a pattern's ``requires`` may name."""
    agencies, orgs, locations = w.agencies, w.orgs, w.locations
    names, titles, legal = w.names, w.titles, w.legal
    return {
        "AGENCY_NAME": [n for g in agencies.named for n in g],
        "ORG_NAME": [n for g in orgs.named for n in g],
        "BRAND_CUE": w.orgs.brand_cues,
        "COUNTRY": w.countries,
        "REGION": [n for g in locations.regions for n in g],
        "PLACE_KEEP": locations.place_types.keep,
        "PLACE_DROP": locations.place_types.drop,
        "STREET": locations.street_words,
        "NUMBER_WORD": [*locations.number_words, legal.number_word],
        "DOC_TYPE": legal.document_types,
        "BARE_DOC_TYPE": legal.bare_number_types,
        "TITLED_DOC_TYPE": legal.titled_types,
        "DISTRICT": [n for g in w.districts for n in g],
        "PROVINCE": w.plain_provinces,
        "FAMILY": names.family_names,
        "LUNAR_STEM": names.lunar_stems,
        "HONORIFIC": titles.honorifics,
        "ACADEMIC": titles.academic_prefixes,
        "BYLINE": titles.byline_cues,
    }
