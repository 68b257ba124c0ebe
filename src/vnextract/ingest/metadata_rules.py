"""Schema of ``rules/metadata.yml``: headline, dateline, author and province rules."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field, field_validator

from vnextract.core.rules import check_regex


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class TitleRules(_Strict):
    min_words: int = Field(default=5, ge=1)
    max_chars: int = Field(default=300, ge=1)
    search_lines: int = Field(default=12, ge=1)
    prose_min_words: int = Field(default=12, ge=1)
    # lines that are never the headline; without rules, none is ruled out ('(?!)')
    prose_end: str = r"[.;:]"
    breadcrumb: str = "(?!)"
    menu: str = "(?!)"
    site_head: str = "(?!)"
    site_tail: str = "(?!)"
    outline: str = "(?!)"

    @field_validator("prose_end", "breadcrumb", "menu", "site_head", "site_tail", "outline")
    @classmethod
    def _valid(cls, value: str) -> str:
        return check_regex(value)


class DatelineRules(_Strict):
    label: str
    weekday: str
    day_word: str
    time: str
    zone: str
    textual_date: str
    trailing: str
    # the pieces a header dateline may carry besides the above
    poster: str = "(?!)"
    counter: str = "(?!)"
    furniture: str = "(?!)"
    separators: str = r"[|•·,;:–—+\-/\[\]()]+"
    lead_name_max_words: int = Field(default=6, ge=0)
    max_chars: int = Field(default=200, ge=1)

    @field_validator(
        "label",
        "weekday",
        "day_word",
        "time",
        "zone",
        "textual_date",
        "trailing",
        "poster",
        "counter",
        "furniture",
        "separators",
    )
    @classmethod
    def _valid(cls, value: str) -> str:
        return check_regex(value)

    @field_validator("time")
    @classmethod
    def _time_groups(cls, value: str) -> str:
        if "(?P<H>" not in value or "(?P<M>" not in value:
            raise ValueError("the time pattern needs the groups (?P<H>...) and (?P<M>...)")
        return value

    @field_validator("textual_date")
    @classmethod
    def _date_groups(cls, value: str) -> str:
        if not all(f"(?P<{g}>" in value for g in ("td", "tm", "ty")):
            raise ValueError("textual_date needs the groups (?P<td>), (?P<tm>) and (?P<ty>)")
        return value


class AuthorRules(_Strict):
    label: str
    source: str
    compiled_suffix: str
    byline: str
    honorific: str
    tail_lines: int = Field(default=4, ge=1)
    max_line_words: int = Field(default=10, ge=1)
    name_syllables_min: int = Field(default=2, ge=1)
    name_syllables_max: int = Field(default=4, ge=1)

    @field_validator("label", "source", "compiled_suffix", "byline", "honorific")
    @classmethod
    def _valid(cls, value: str) -> str:
        return check_regex(value)


class ProvinceRules(_Strict):
    title_weight: int = Field(default=3, ge=0)
    min_score: int = Field(default=2, ge=0)
    min_ratio: float = Field(default=2.0, ge=0)


class MetadataRules(_Strict):
    """Schema of ``rules/metadata.yml``."""

    title: TitleRules = TitleRules()
    dateline: DatelineRules
    author: AuthorRules
    province: ProvinceRules = ProvinceRules()
