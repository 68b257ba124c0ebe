"""Find dates, months, years and periods in text, each with its ISO value and precision.

The vocabulary and the patterns live in ``rules/dates.yml``; this module only
expands the ``{name}`` placeholders, runs the patterns on tone-folded text (same
length, so offsets hold), reads the named groups and validates the calendar.
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from functools import lru_cache

import regex

from vnextract.core.cache import ByRules
from vnextract.core.model import DateMention
from vnextract.core.spans import overlap
from vnextract.core.textnorm import Folder, TextRules
from vnextract.figures.date_rules import FLAGS, DatePattern, DateRules, expand, word_alternation

__all__ = ["DateFinder", "DatePattern", "DateRules", "find_dates"]

# a leap year: a yearless "29/2" is a real day
_LEAP_YEAR = 2000
_DIGIT = regex.compile(r"\d")

# distinct texts whose dates are kept (see DateFinder.find): memory stays flat
_MEMO_TEXTS = 20_000


class DateFinder:
    """Finds date mentions; compiles the rules' patterns once."""

    def __init__(self, rules: DateRules, folder: Folder | None = None) -> None:
        """Args:
        rules: validated ``dates.yml``.
        folder: tone folding (default: the one from ``rules/text.yml``).
        """
        self.rules = rules
        self.folder = folder if folder is not None else Folder(_default_sections()[1])
        self._memo: dict[tuple[str, bool], list[DateMention]] = {}
        fold = self.folder.tones
        self._patterns = [
            (regex.compile(expand(p.pattern, rules, fold), FLAGS), p.set, tuple(p.requires))
            for p in rules.patterns
        ]
        needed = {name for p in rules.patterns for name in p.requires}
        self._cues = {
            name: regex.compile(word_alternation(rules.words[name], fold), FLAGS) for name in needed
        }
        self._numerals = {self.folder.key(k): v for k, v in rules.numerals.items()}
        self._edges = {self.folder.key(k): v for k, v in rules.edges.items()}

    def find(self, text: str, *, yearless: bool = False) -> list[DateMention]:
        """Date mentions in ``text``, sorted by start, never overlapping.

        Args:
            text: any string (a sentence or a whole document).
            yearless: also return the mentions without a year (``"25-26/12"``, ISO value
                ``--12-25/--12-26``, ``DateMention.dated`` false): not dates of their own,
                but no figures either.
        Returns:
            Mentions whose offsets index ``text``: ``text[m.start:m.end] == m.text``.
        """
        if not _DIGIT.search(text):  # every date form holds a digit
            return []
        # a sentence's dates depend on it alone, and sentences recur (a site's datelines,
        # repeated announcements): each is read once, in a bounded memo
        key = (text, yearless)
        found = self._memo.get(key)
        if found is None:
            if len(self._memo) >= _MEMO_TEXTS:
                self._memo.clear()
            found = self._memo[key] = self._find(text, yearless)
        return list(found)

    def _find(self, text: str, yearless: bool) -> list[DateMention]:
        """:meth:`find`, not remembered."""
        folded = self.folder.tones(text)
        if len(folded) != len(text):  # cannot happen with valid text.yml; keep offsets safe
            folded = text
        found: list[tuple[int, int, int, str, str]] = []
        # a cheap test per cue list spares the costly patterns most sentences
        present: dict[str, bool] = {}
        for order, (pattern, preset, requires) in enumerate(self._patterns):
            if requires and not any(self._holds(n, folded, present) for n in requires):
                continue
            for match in pattern.finditer(folded):
                value = self._read(match.groupdict(), preset)
                if value is not None and match.end() > match.start():
                    found.append((match.start(), match.end(), order, *value))
        # longer mentions first, then earlier patterns: a month-and-year beats the year inside it
        found.sort(key=lambda f: (f[0] - f[1], f[2], f[0]))
        taken: list[tuple[int, int]] = []
        mentions: list[DateMention] = []
        for start, end, _, iso, precision in found:
            if any(overlap(start, end, s, e) for s, e in taken):
                continue
            taken.append((start, end))
            mentions.append(DateMention(text[start:end], start, end, iso, precision))
        if not yearless:
            mentions = [m for m in mentions if m.dated]
        mentions.sort(key=lambda m: m.start)
        return mentions

    def _holds(self, cue: str, folded: str, present: dict[str, bool]) -> bool:
        """Whether ``folded`` holds a word of the list ``cue``, searched once per text."""
        held = present.get(cue)
        if held is None:
            held = present[cue] = self._cues[cue].search(folded) is not None
        return held

    def _number(self, text: str | None) -> int | None:
        if text is None:
            return None
        if text.isdigit():
            return int(text)
        return self._numerals.get(self.folder.key(text))

    def _year(self, text: str) -> int | None:
        """The year written ``text`` ("2023", or "23" read with the pivot), None out of range."""
        if not text.isdigit():
            return None
        year = int(text)
        if len(text) == 2:
            year += 2000 if year < self.rules.two_digit_year_pivot else 1900
        lo, hi = self.rules.year_range
        return year if lo <= year <= hi else None

    def _read(self, found: dict[str, str | None], preset: dict) -> tuple[str, str] | None:
        """(iso, precision) from a match's groups, or None if not a real date."""
        groups = {k: v for k, v in found.items() if v is not None}
        years = {}
        for key in ("y", "y2"):
            if key in groups:
                years[key] = self._year(groups[key])
                if years[key] is None:
                    return None
        if "d2" in groups or "m2" in groups:
            return self._range(groups, years.get("y"), years.get("y2"))
        year = years.get("y")
        if year is None:
            return None
        if "y2" in groups:
            end = years["y2"]
            return (f"{year}/{end}", "span") if year < end else None
        if "q" in groups:
            q = self._number(groups["q"])
            if q is None or not 1 <= q <= 4:
                return None
            return f"{year}-{3 * q - 2:02d}/{year}-{3 * q:02d}", "span"
        edge = self._edges.get(self.folder.key(groups["edge"])) if "edge" in groups else None
        edge = edge or preset.get("edge")
        if edge is not None:
            n = self._number(groups.get("n")) or preset.get("n")
            if not isinstance(n, int) or not 1 <= n <= 12:
                return None
            first, last = (1, n) if edge == "first" else (13 - n, 12)
            return f"{year}-{first:02d}/{year}-{last:02d}", "span"
        day = _Day.of(year, self._number(groups.get("m")), self._number(groups.get("d")))
        if day is None:
            return None
        return day.iso(), day.precision

    def _range(
        self, groups: dict[str, str], year: int | None, year2: int | None
    ) -> tuple[str, str] | None:
        """A range of days or months; the first end takes the parts it leaves out from the
        last ("26-28/6/2022"). Without a year it is ``--MM-DD/--MM-DD``."""
        month2 = self._number(groups.get("m2"))
        month = self._number(groups["m"]) if "m" in groups else month2
        day2 = self._number(groups.get("d2"))
        day = self._number(groups.get("d"))
        if (day is None) != (day2 is None):
            return None
        first = _Day.of(year if year is not None else year2, month, day)
        last = _Day.of(year2 if year2 is not None else year, month2, day2)
        # "28/12 - 03/01/2024" starts the year before
        if year is None and year2 is not None and (month or 0) > (month2 or 13):
            first = _Day.of(year2 - 1, month, day)
        if first is None or last is None or not first.key() < last.key():
            return None
        return f"{first.iso()}/{last.iso()}", "span"


@dataclass(frozen=True, slots=True)
class _Day:
    """A checked year (or none), month and day (or none)."""

    year: int | None
    month: int
    day: int | None

    @staticmethod
    def of(year: int | None, month: int | None, day: int | None) -> _Day | None:
        if month is None:
            return _Day(year, 0, None) if year is not None else None
        if not 1 <= month <= 12:
            return None
        if day is not None:
            days = calendar.monthrange(year if year is not None else _LEAP_YEAR, month)[1]
            if not 1 <= day <= days:
                return None
        return _Day(year, month, day)

    @property
    def precision(self) -> str:
        return "year" if not self.month else "month" if self.day is None else "day"

    def key(self) -> tuple[int, int, int]:
        return (self.year or 0, self.month, self.day or 0)

    def iso(self) -> str:
        # no year: ISO 8601's reduced form "--MM-DD", as in vCard
        text = f"{self.year}" if self.year is not None else "-"
        if self.month:
            text += f"-{self.month:02d}"
        if self.day is not None:
            text += f"-{self.day:02d}"
        return text


@lru_cache(maxsize=1)
def _default_sections() -> tuple[DateRules, TextRules]:
    # load only the files dates need, so a problem elsewhere does not stop date finding
    from vnextract.core.rules import RULE_FILES, load_rules

    names = ("dates.yml", "text.yml")
    rules = load_rules(files={n: RULE_FILES[n] for n in names})
    return rules["dates.yml"], rules["text.yml"]


_finders: ByRules[DateFinder] = ByRules(DateFinder)


def _finder(rules: DateRules | None) -> DateFinder:
    return _finders(rules if rules is not None else _default_sections()[0])


def find_dates(
    text: str, rules: DateRules | None = None, *, yearless: bool = False
) -> list[DateMention]:
    """Date mentions in ``text`` (see :meth:`DateFinder.find`); default rules if none given.

    >>> [(m.text, m.iso) for m in find_dates("Trong quý III.2021, ngày 26-28/6/2022")]
    [('quý III.2021', '2021-07/2021-09'), ('26-28/6/2022', '2022-06-26/2022-06-28')]
    """
    return _finder(rules).find(text, yearless=yearless)
