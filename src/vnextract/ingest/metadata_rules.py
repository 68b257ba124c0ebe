"""Schema of ``rules/metadata.yml``: headline, dateline, author and province rules.

The title and dateline rules also say what one header line is: prose, furniture that is
never the headline, or a dateline's pieces (read by :mod:`metadata`).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cached_property

from pydantic import BaseModel, ConfigDict, Field, field_validator

from vnextract.core.rules import check_regex

NUMERIC_DATE = r"(?P<d>\d{1,2})\s*(?P<ds>[/.-])\s*(?P<m>\d{1,2})\s*(?P=ds)\s*(?P<y>\d{4}|\d{2})"
ISO_DATE = r"(?P<iy>\d{4})-(?P<im>\d{1,2})-(?P<id>\d{1,2})"


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

    @cached_property
    def _patterns(self) -> dict[str, re.Pattern[str]]:
        flags = re.IGNORECASE
        return {
            "prose_end": re.compile(rf"(?:{self.prose_end})\s*$"),
            "furniture": re.compile(rf"{self.breadcrumb}|{self.menu}|^(?:{self.outline})", flags),
            "site_head": re.compile(rf"(?:{self.site_head})(?!\w)", flags),
            "site_tail": re.compile(rf"(?:{self.site_tail})$", flags),
        }

    def is_prose(self, text: str) -> bool:
        """A paragraph of the body: many words, ending like a sentence."""
        return len(text.split()) >= self.prose_min_words and bool(
            self._patterns["prose_end"].search(text)
        )

    def never_headline(self, text: str, place_at_end: Callable[[str], bool]) -> bool:
        """A breadcrumb, a menu, a numbered section head, a note in brackets or a site name.

        A site name is an agency or paper's name alone ('Báo Bắc Giang điện tử', 'Sở Xây
        dựng tỉnh Nam Định'): no figure, and a place or a word like 'điện tử' at its end.
        """
        p = self._patterns
        if p["furniture"].search(text) or (text.startswith("(") and text.endswith(")")):
            return True
        if not p["site_head"].match(text) or any(c.isdigit() for c in text):
            return False
        return bool(p["site_tail"].search(text)) or place_at_end(text)


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

    @property
    def date(self) -> str:
        """A full date: numeric, ISO or in words."""
        return rf"(?:{NUMERIC_DATE}|{ISO_DATE}|{self.textual_date})"

    @cached_property
    def _piece(self) -> re.Pattern[str]:
        # each piece of a header dateline is one of these, in any order
        end = r"(?!\w)"
        return re.compile(
            rf"\s*(?:(?P<date>{self.date})(?!\d)|(?P<time>{self.time}){end}|{self.zone}"
            rf"|[+-]\d{{2}}:?\d{{2}}|(?:{self.label}|{self.weekday}|{self.day_word}){end}"
            rf"|(?:{self.counter}|{self.furniture}){end}|\d[\d.,]*{end}|{self.separators}"
            rf"|(?:{self.poster}))",
            re.IGNORECASE,
        )

    def header_pieces(self, text: str) -> dict[str, str | None] | None:
        """Date and first time groups of a line made of dateline pieces alone, else None.

        A site or section name of a few words may stand before a bar first
        ('Báo Nghệ An | Thứ Ba, 15/10/2024').
        """
        if len(text) > self.max_chars:
            return None
        pos, found = 0, {}
        lead = re.match(r"([^|\d]+?)\s*\|", text)
        if lead and len(re.findall(r"\w+", lead.group(1))) <= self.lead_name_max_words:
            pos = lead.end()
        while pos < len(text):
            m = self._piece.match(text, pos)
            if m is None or m.end() == pos:
                return None
            kind = "date" if m.group("date") else "time" if m.group("time") else None
            if kind and kind not in found:
                found[kind] = m.groupdict()
            pos = m.end()
        if "date" not in found:
            return None
        groups = {k: v for k, v in found["date"].items() if k not in ("H", "M")}
        if "time" in found:
            groups |= {"H": found["time"]["H"], "M": found["time"]["M"]}
        return groups


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
