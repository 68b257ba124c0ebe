"""Schema of ``rules/numbers.yml``: the words and patterns the number finder reads."""

from __future__ import annotations

from typing import Literal

import regex
from pydantic import BaseModel, ConfigDict, Field, field_validator

from vnextract.figures.spelled import SpelledRules


class _Cue(BaseModel):
    model_config = ConfigDict(extra="forbid")
    words: list[str]
    reason: str
    # words that, standing shortly before the number, keep it a figure ('tuổi thọ ... 73 tuổi')
    unless_after: list[str] = []
    # compounds ending in one of ``words`` that are other words ('quy tập 14 hài cốt': to
    # gather, not a volume 'tập 14'); a not_after cue only
    compounds: list[str] = []


class _Pattern(BaseModel):
    model_config = ConfigDict(extra="forbid")
    id: str
    reason: str
    pattern: str
    # a match that is only a number glued to a known unit or currency ('8,5m2') is not blocked
    spare_glued: bool = False
    # a regex found in every text the pattern matches in: the pattern runs only where it
    # is (tests/test_numbers_not_figures.py holds this on the corpus)
    precheck: str | None = None

    @field_validator("pattern", "precheck")
    @classmethod
    def _compiles(cls, value: str | None) -> str | None:
        try:
            if value is not None:
                regex.compile(value)
        except regex.error as exc:
            raise ValueError(f"not a valid regular expression ({exc})") from None
        return value


class _RangeWords(BaseModel):
    model_config = ConfigDict(extra="forbid")
    open: list[str]
    join: list[str]


class _BareMoney(BaseModel):
    model_config = ConfigDict(extra="forbid")
    scales: list[str]
    currency: str
    next_words: list[str]


Bound = Literal["=", "~", ">", "<", ">=", "<="]


class NumberRules(BaseModel):
    """Schema of ``rules/numbers.yml``."""

    model_config = ConfigDict(extra="forbid")
    scale_words: dict[str, int]
    glued_money_scales: dict[str, int]
    bare_money: _BareMoney
    glued_units: list[str]
    currency_words: dict[str, str]
    currency_prefixes: dict[str, str]
    # nouns that open with a currency word ('đồng chí'): no currency after a number
    currency_compounds: list[str] = []
    negative_words: list[str]
    percent_words: list[str]
    range_words: _RangeWords
    per_words: list[str]
    # bases of several words after a number ('/100 bé gái')
    per_numbered_bases: list[str] = []
    per_max_gap_words: int = Field(ge=0, le=5)
    # a rate on a round population ('/1.000 dân', '/100.000 dân') may stand further away
    per_round_bases: list[str] = []
    per_round_max_gap_words: int = Field(default=0, ge=0, le=8)
    # after a slash and a round base these make a rate, not a ratio ('100/100 dân')
    ratio_population_bases: list[str] = []
    ratio_population_compounds: list[str] = []
    # a price's base no list holds ('đồng/suất', 'triệu đồng/dự án', 'tỷ đồng/HTX'): up to
    # this many lower-case words after the slash, closed by punctuation or one of the stops
    money_base_max_words: int = Field(default=0, ge=0, le=4)
    money_base_stops: list[str] = []
    not_after: list[_Cue]
    name_words: list[str]
    not_before: list[_Cue]
    bound_after: dict[str, Bound]
    bound_after_max_gap_words: int = Field(ge=0, le=8)
    not_patterns: list[_Pattern]
    spelled: SpelledRules
    ratio_above_total_from: int = Field(ge=2)
    year_range: tuple[int, int]
