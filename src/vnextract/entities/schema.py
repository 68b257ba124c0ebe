"""Schemas of the entity rule files in ``rules/entities/`` (one pydantic model per file).

Every model forbids unknown keys, so a misspelt key is reported with its file, line
and a fix by :func:`vnextract.core.rules.load_rules`.
"""

from __future__ import annotations

from datetime import date

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    ValidationError,
    field_validator,
    model_validator,
)


class NamesRules(BaseModel):
    """``rules/entities/names.yml``: the parts of a Vietnamese personal name."""

    model_config = ConfigDict(extra="forbid")
    family_names: list[str] = Field(min_length=1)
    middle_names: list[str] = Field(default_factory=list)
    lunar_stems: list[str] = Field(default_factory=list)
    lunar_branches: list[str] = Field(default_factory=list)
    # peoples whose name begins with a family-name syllable (``Hà Nhì``): never a person
    ethnic_groups: list[str] = Field(default_factory=list)


class TitleRule(BaseModel):
    """A title; ``agency``: the body it implies; ``head``: makes a domain after it an agency;
    ``body``: the body inside an organisation the title names; ``variants``: other spellings."""

    model_config = ConfigDict(extra="forbid")
    title: str
    agency: str | None = None
    head: str | None = None
    body: str | None = None
    variants: list[str] = Field(default_factory=list)


class TitlesRules(BaseModel):
    """``rules/entities/titles.yml``: titles, words of address, academic prefixes, byline cues."""

    model_config = ConfigDict(extra="forbid")
    titles: list[TitleRule] = Field(min_length=1)
    # an acting holder's title is the title after one of these ("Quyền Chi cục trưởng")
    acting_prefixes: list[str] = Field(default_factory=list)
    honorifics: list[str] = Field(default_factory=list)
    academic_prefixes: list[str] = Field(default_factory=list)
    byline_cues: list[str] = Field(default_factory=list)
    # words joining two names on a closing byline ("Hoàng Đức và Minh Anh")
    byline_joiners: list[str] = Field(default_factory=list)
    # head words of the writer's unit after a byline ("Minh Anh - Phòng Truyền thông",
    # "Minh Anh (Trung tâm Văn hóa)"): the unit is part of the credit, not a name
    byline_units: list[str] = Field(default_factory=list)

    def every_title(self) -> list[TitleRule]:
        """The titles, and each one's acting form not listed already."""
        listed = {t.title.lower() for t in self.titles}
        acting = [
            t.model_copy(
                update={
                    "title": f"{p} {t.title}",
                    "variants": [f"{p} {v}" for v in t.variants],
                }
            )
            for p in self.acting_prefixes
            for t in self.titles
            if not t.title.lower().startswith(p.lower() + " ")
            and f"{p} {t.title}".lower() not in listed
        ]
        return [*self.titles, *acting]


class AbbreviationsRules(BaseModel):
    """``rules/entities/abbreviations.yml``: abbreviation -> expansion."""

    model_config = ConfigDict(extra="forbid")
    abbreviations: dict[str, str]
    connectors: list[str] = Field(default_factory=list)


def _non_empty_groups(value: list[list[str]]) -> list[list[str]]:
    for i, group in enumerate(value):
        if not group or not all(s.strip() for s in group):
            raise ValueError(f"entry {i} must list at least one non-empty name")
    return value


class DomainRename(BaseModel):
    """A domain whose ministries and departments were merged into another's from a date."""

    model_config = ConfigDict(extra="forbid")
    old: str = Field(min_length=1)
    successor: str = Field(min_length=1)
    since: date


class AgenciesRules(BaseModel):
    """``rules/entities/agencies.yml``: domains after Sở/Bộ, fixed agency names, and the
    domains renamed or merged (``renamed``)."""

    model_config = ConfigDict(extra="forbid")
    domains: list[list[str]]
    named: list[list[str]] = Field(default_factory=list)
    renamed: list[DomainRename] = Field(default_factory=list)
    # verbs a body's name stops before ({NAME_VERB})
    name_verbs: list[str] = Field(default_factory=list)
    # fields of the police's divisions after "Phòng" ({POLICE_FIELD})
    police_fields: list[list[str]] = Field(default_factory=list)

    @field_validator("domains", "named", "police_fields")
    @classmethod
    def _groups(cls, value: list[list[str]]) -> list[list[str]]:
        return _non_empty_groups(value)

    @model_validator(mode="after")
    def _renames_name_domains(self) -> AgenciesRules:
        from pydantic_core import InitErrorDetails, PydanticCustomError

        canonical = {group[0] for group in self.domains}
        message = "'{value}' is no domain: write the first spelling of an entry of domains"
        errors = [
            InitErrorDetails(
                type=PydanticCustomError("renamed_domain", message, {"value": value}),
                loc=("renamed", i, key),
                input=value,
            )
            for i, r in enumerate(self.renamed)
            for key, value in (("old", r.old), ("successor", r.successor))
            if value not in canonical
        ]
        if errors:
            raise ValidationError.from_exception_data("AgenciesRules", errors)
        return self


class OrganisationsRules(BaseModel):
    """``rules/entities/organisations.yml``: companies, press, mass organisations."""

    model_config = ConfigDict(extra="forbid")
    named: list[list[str]]
    # lower-case words that end an organisation name instead of continuing it
    # ("Công ty Khai thác thủy lợi Hòa Bình" yes, "Công ty Viettel tại Hà Nội" no)
    name_breaks: list[str] = Field(default_factory=list)
    # words after which a capitalised Latin-script name is an organisation ("ứng dụng
    # Zalo", "theo số liệu của Statista"), and the Latin words there that name none
    brand_cues: list[str] = Field(default_factory=list)
    not_brands: list[str] = Field(default_factory=list)

    @field_validator("named")
    @classmethod
    def _groups(cls, value: list[list[str]]) -> list[list[str]]:
        return _non_empty_groups(value)


class PlaceTypes(BaseModel):
    model_config = ConfigDict(extra="forbid")
    keep: list[str] = Field(default_factory=list)
    drop: list[str] = Field(default_factory=list)
    # common nouns that end in a kind of place: "miền núi" before a name is no mountain
    common: list[str] = Field(default_factory=list)


class LocationsRules(BaseModel):
    """``rules/entities/locations.yml``: extra provinces, countries, place words."""

    model_config = ConfigDict(extra="forbid")
    provinces: list[str] = Field(default_factory=list)
    needs_unit: list[str] = Field(default_factory=list)
    countries: list[str] = Field(default_factory=list)
    # regions of the country ("Đông Nam Bộ"): canonical first, then variants
    regions: list[list[str]] = Field(default_factory=list)
    # province kinds (rules/places.yml `kinds`) whose unit word is "thành phố": a bare
    # "UBND thành phố" or "Thành ủy" in an article about such a city is that city's
    city_kinds: list[str] = Field(default_factory=list)
    units: list[str] = Field(min_length=1)
    place_types: PlaceTypes = Field(default_factory=PlaceTypes)
    street_words: list[str] = Field(default_factory=list)
    # kinds of road written with a capital after a street word, never its name
    road_kinds: list[str] = Field(default_factory=list)
    number_words: list[str] = Field(default_factory=list)
    # what joins the names of a list of places ("huyện A, B và C")
    list_joiners: list[str] = Field(default_factory=list)
    # words before a unit word that make it every list item's ("các huyện A, B và C")
    list_plurals: list[str] = Field(default_factory=list)
    # words that open such a list after its description ("các huyện vùng cao như A, B")
    list_intros: list[str] = Field(default_factory=list)


class CountriesRules(BaseModel):
    """``rules/entities/countries.yml``: countries, continents, world regions (LOCATION)."""

    model_config = ConfigDict(extra="forbid")
    countries: list[str] = Field(min_length=1)
    continents: list[str] = Field(default_factory=list)
    regions: list[str] = Field(default_factory=list)

    @field_validator("countries", "continents", "regions")
    @classmethod
    def _names(cls, value: list[str]) -> list[str]:
        for i, name in enumerate(value):
            if not name.strip() or name != " ".join(name.split()):
                raise ValueError(f"entry {i} ({name!r}) must be a name with single spaces")
        seen = {n for n in value if value.count(n) > 1}
        if seen:
            raise ValueError(f"listed twice: {', '.join(sorted(seen))}")
        return value

    def names(self) -> list[str]:
        """Every name of the file."""
        return [*self.countries, *self.continents, *self.regions]


class LegalRules(BaseModel):
    """``rules/entities/legal.yml``: numbered document types."""

    model_config = ConfigDict(extra="forbid")
    document_types: list[str] = Field(min_length=1)
    # types named by a bare number, capitalised: "Nghị quyết 11", "Chỉ thị 10"
    bare_number_types: list[str] = []
    # types cited with their title before the number: "Luật Đất đai số 31/2024/QH15"
    titled_types: list[str] = []
    number_word: str
    # "... số 115/2004/QĐ-UB ngày 05/11/2004 của UBND tỉnh": what may stand between the
    # document and its date, and the words that introduce its issuer
    date_lead: list[str] = []
    issuer_lead: list[str] = []
    # "UBND tỉnh ban hành Quyết định số ...": the issuer before the document
    issuer_verbs: list[str] = []


LABELS = ("AGENCY", "ORG", "PERSON", "LOCATION", "LEGAL_DOC", "NONE")


class EntityPattern(BaseModel):
    """One line of ``rules/entities/patterns.jsonl``."""

    model_config = ConfigDict(extra="forbid")
    id: str
    label: str
    pattern: str
    canonical: str
    priority: int = 5
    defaults: dict[str, str] = Field(default_factory=dict)
    # remember the canonical name for later bare mentions ("department": a bare "Sở")
    remember: str | None = None
    # a cheap test before the pattern runs: the sentence (lower-cased, "_" read as a
    # space) must contain one of these; "{NAME}" stands for one of the word lists
    requires: list[str] | None = Field(default=None, min_length=1)
    # where no literal can stand guard (a unit glued to its name, a whole-line shape): a
    # regex, written like ``pattern``, found in every sentence the pattern matches in; the
    # pattern runs only where it is found (tests/test_entities_prefilter.py holds this)
    precheck: str | None = None

    @field_validator("requires")
    @classmethod
    def _lower_case_literals(cls, value: list[str] | None) -> list[str] | None:
        for item in value or ():
            is_list = item.startswith("{") and item.endswith("}")
            if not is_list and (not item.strip() or item != " ".join(item.lower().split())):
                raise ValueError(
                    f"requires entry {item!r} must be lower case with single spaces, "
                    "or a {NAME} word list"
                )
        return value

    @field_validator("defaults")
    @classmethod
    def _level_choice(cls, value: dict[str, str]) -> dict[str, str]:
        for group, default in value.items():
            if default.startswith("@level:") and default.count("|") != 1:
                raise ValueError(
                    f"default of {group!r} must be '@level:<province word>|<city word>'"
                )
        return value

    @field_validator("label")
    @classmethod
    def _known_label(cls, value: str) -> str:
        if value not in LABELS:
            raise ValueError(f"label must be one of {', '.join(LABELS)}")
        return value
