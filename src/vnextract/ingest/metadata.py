"""Headline, publication date, author and province of an article (``rules/metadata.yml``).

Works line by line on the stored text and skips furniture found by :mod:`clean`.
Header lines (headline, dateline, crawl stamps) come back as spans so that later
stages do not read the dateline's time or view counters as figures.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

from vnextract.core.cache import ByRules
from vnextract.core.model import Furniture, Metadata
from vnextract.core.rules import load_rules
from vnextract.core.spans import SpanIndex
from vnextract.ingest.metadata_rules import MetadataRules
from vnextract.ingest.places import Places, default_places

RULE_FILE = "metadata.yml"


@dataclass(frozen=True, slots=True)
class _Line:
    start: int
    end: int
    text: str  # stripped


@dataclass(frozen=True, slots=True)
class _Dateline:
    line: _Line
    iso: str
    key: tuple[int, ...]  # for comparing: (y, m, d[, H, M])


class _Reader:
    """Compiled metadata patterns of one rule set."""

    def __init__(self, rules: MetadataRules) -> None:
        self.rules = rules
        d = rules.dateline
        date = d.date
        sep = r"\s*[,|–—-]?\s*"
        lead = rf"(?:{d.label}\s*:?\s*)?(?:{d.weekday}{sep})?"
        day = rf"(?:{d.day_word}\s+)?"
        # time after the date (the usual order), or before it: 'Cập nhật: 10:30, 05/03/2024'
        time_late = rf"(?:(?:{sep}|\s*T\s*)(?:{d.day_word}\s+)?{d.time})?"
        time_first = d.time.replace("(?P<H>", "(?P<H0>").replace("(?P<M>", "(?P<M0>")
        # an ISO offset (+07:00, Z) straight after the time, or a written zone
        tail = rf"(?:[+-]\d{{2}}:?\d{{2}}|Z)?(?:\s*{d.zone})?{d.trailing}\s*"
        self.dateline = re.compile(
            rf"{lead}(?:{time_first}{sep})?{day}{date}{time_late}{tail}", re.IGNORECASE
        )
        a = rules.author
        self.author_label = re.compile(rf"(?:{a.label})\s*:\s*(?P<name>.+)", re.IGNORECASE)
        self.author_source = re.compile(rf"(?:{a.source})\s+(?P<name>[^.!?;:]+)", re.IGNORECASE)
        self.author_suffix = re.compile(rf"(?P<name>.+?)\s*{a.compiled_suffix}", re.IGNORECASE)
        self.byline = re.compile(a.byline, re.IGNORECASE)
        # a degree before a name is a word of its own: 'Th.S Đỗ Hữu Quyết'
        self.honorific = re.compile(rf"(?:{a.honorific})\s+(?=\w)", re.IGNORECASE)

    def parse_dateline(self, line: _Line, header: bool = False) -> _Dateline | None:
        """A line holding only a date and its labels; in the page's header, furniture too."""
        m = self.dateline.fullmatch(line.text)
        g = m.groupdict() if m else self.rules.dateline.header_pieces(line.text) if header else None
        return None if g is None else self._dateline(line, g)

    def _dateline(self, line: _Line, g: dict[str, str | None]) -> _Dateline | None:
        for y, mo, d in (("y", "m", "d"), ("iy", "im", "id"), ("ty", "tm", "td")):
            if g.get(y):
                year, month, day = int(g[y]), int(g[mo]), int(g[d])
                break
        else:  # pragma: no cover - the pattern always holds one date
            return None
        if year < 100:
            year += 2000
        try:
            dt.date(year, month, day)
        except ValueError:
            return None
        iso = f"{year:04d}-{month:02d}-{day:02d}"
        hour, minute = g.get("H") or g.get("H0"), g.get("M") or g.get("M0")
        if hour is not None and int(hour) < 24 and int(minute) < 60:
            return _Dateline(
                line, f"{iso}T{int(hour):02d}:{minute}", (year, month, day, int(hour), int(minute))
            )
        return _Dateline(line, iso, (year, month, day))


def _content_lines(text: str, skip: list[Furniture]) -> list[_Line]:
    """Non-blank lines that are not wholly furniture, stripped, with their offsets."""
    lines: list[_Line] = []
    skipped = SpanIndex(skip)
    pos = 0
    for raw in text.split("\n"):
        start, end = pos, pos + len(raw)
        pos = end + 1
        stripped = raw.strip()
        if not stripped:
            continue
        lead = len(raw) - len(raw.lstrip())
        s, e = start + lead, start + lead + len(stripped)
        if skipped.covers(s, e):
            continue
        lines.append(_Line(s, e, stripped))
    return lines


def _is_blank_between(text: str, a: _Line, b: _Line) -> bool:
    return not text[a.end : b.start].strip()


def _dateline_group(text: str, datelines: list[_Dateline]) -> list[_Dateline]:
    """The first run of dateline-only lines standing together (blank lines between at most)."""
    group: list[_Dateline] = []
    for d in datelines:
        if group and not _is_blank_between(text, group[-1].line, d.line):
            break
        group.append(d)
    return group


def _rank(d: _Dateline) -> tuple[object, ...]:
    """The earlier day first; on one day, a stamp with its time before one without."""
    return (d.key[:3], len(d.key) == 3, d.key)


def _publication(group: list[_Dateline]) -> tuple[_Dateline | None, list[Furniture]]:
    """Publication dateline of a group and the header spans of all its lines.

    Crawlers stamp their own date above the page's, so the last line is the
    publication date; a line above it with an earlier date is no crawl stamp but the
    publication itself, and the lines after it are update stamps.
    """
    if not group:
        return None, []
    pub = group[-1]
    for d in reversed(group[:-1]):
        if _rank(d) < _rank(pub):
            pub = d
    spans: list[Furniture] = []
    before = True
    for d in group:
        if d is pub:
            before = False
            spans.append(Furniture(d.line.start, d.line.end, "dateline"))
        else:
            kind = "crawl_stamp" if before else "dateline"
            spans.append(Furniture(d.line.start, d.line.end, kind))
    return pub, spans


class _Extractor:
    def __init__(self, rules: MetadataRules, places: Places) -> None:
        self.reader = _Reader(rules)
        self.rules = rules
        self.places = places

    def _words(self, text: str) -> int:
        return len(text.split())

    def _is_title_like(self, line: _Line) -> bool:
        t = self.rules.title
        words = sum(1 for w in line.text.split() if any(c.isalnum() for c in w))
        return words >= t.min_words and len(line.text) <= t.max_chars

    def header_len(self, lines: list[_Line]) -> int:
        """How many first lines make the page's header: those above the first prose line."""
        top = lines[: self.rules.title.search_lines]
        return next((i for i, ln in enumerate(top) if self.rules.title.is_prose(ln.text)), len(top))

    def _place_at_end(self, text: str) -> bool:
        return any(end == len(text) for _, end, _ in self.places.find(text))

    def _candidates(self, lines: list[_Line], datelines: set[int]) -> list[_Line]:
        found = [
            ln
            for ln in lines
            if ln.start not in datelines
            and self._is_title_like(ln)
            and not self.rules.title.never_headline(ln.text, self._place_at_end)
        ]
        # a masthead is written in capitals; a headline in capitals only where no other is
        mixed = [ln for ln in found if ln.text != ln.text.upper()]
        return mixed or found

    def title(
        self,
        lines: list[_Line],
        header_n: int,
        datelines: set[int],
        first_date: int | None,
        html_title: str | None,
    ) -> _Line | str | None:
        if html_title:
            key = self.places.folder.key(html_title)
            for ln in lines:
                line_key = self.places.folder.key(ln.text)
                if line_key == key or (len(line_key) >= 20 and line_key in key):
                    return ln
        # the header's lines first; a page without one may have its headline in prose form
        candidates = self._candidates(lines[:header_n], datelines) or self._candidates(
            lines[: self.rules.title.search_lines], datelines
        )
        if first_date is not None:
            # the headline stands right above the dateline; section labels stand higher up
            before = [ln for ln in candidates if ln.start < first_date]
            if before:
                return before[-1]
        if candidates:
            return candidates[0]
        return html_title

    def author(self, lines: list[_Line]) -> str | None:
        a = self.rules.author
        r = self.reader
        for ln in reversed(lines):
            m = r.author_label.fullmatch(ln.text)
            if m and self._words(ln.text) <= a.max_line_words:
                return self._name(m.group("name"))
        for ln in reversed(lines[-a.tail_lines :]):
            text = ln.text
            if self._words(text) > a.max_line_words:
                continue
            if r.byline.fullmatch(text):
                return text
            m = r.author_suffix.fullmatch(text) or r.author_source.fullmatch(text.rstrip("."))
            if m:
                return self._name(m.group("name"))
            name = self._name(text)
            if self._is_person_name(name):
                return name
        return None

    def _name(self, text: str) -> str:
        text = text.strip().rstrip(".").strip()
        m = self.reader.honorific.match(text)
        return text[m.end() :] if m else text

    def _is_person_name(self, text: str) -> bool:
        a = self.rules.author
        words = text.split()
        if not a.name_syllables_min <= len(words) <= a.name_syllables_max:
            return False
        if not all(
            w.isalpha() and w[0].isupper() and (len(w) == 1 or w[1:].islower()) for w in words
        ):
            return False
        return self.places.canonical(text) is None

    def province(
        self, lines: list[_Line], title: _Line | str | None, on: dt.date | None
    ) -> str | None:
        p = self.rules.province
        scores: Counter[str] = Counter()

        def name(canonical: str) -> str:
            return self.places.canonical(canonical, on) or canonical

        title_text = title.text if isinstance(title, _Line) else title or ""
        for _, _, canonical in self.places.find(title_text):
            scores[name(canonical)] += p.title_weight
        for ln in lines:
            if isinstance(title, _Line) and ln.start == title.start:
                continue
            for _, _, canonical in self.places.find(ln.text):
                scores[name(canonical)] += 1
        found = self._leading(scores)
        if found is None:
            # no province named often enough: add the provinces of the districts and
            # communes the article names; where it names no province, units of one alone
            units = Counter(name(c) for ln in lines for *_, c in self.places.units_find(ln.text))
            found = self._leading(scores + units)
            if found is None and not scores and len(units) == 1:
                found = next(iter(units))
        return found

    def _leading(self, scores: Counter[str]) -> str | None:
        p = self.rules.province
        ranked = scores.most_common(2)
        if not ranked or ranked[0][1] < p.min_score:
            return None
        if len(ranked) > 1 and ranked[0][1] < p.min_ratio * ranked[1][1]:
            return None
        return ranked[0][0]

    def extract(self, text: str, furniture: list[Furniture], html_title: str | None) -> Metadata:
        lines = _content_lines(text, furniture)
        header_n = self.header_len(lines)
        datelines = [
            d
            for i, ln in enumerate(lines)
            if (d := self.reader.parse_dateline(ln, header=i < header_n))
        ]
        # all datelines of the header belong together (a masthead's date, the article's,
        # its update); a page without one has its dateline lower down
        in_header = [d for d in datelines if d.line in lines[:header_n]]
        pub, spans = _publication(in_header or _dateline_group(text, datelines))
        header = {d.line.start for d in datelines}
        anchor = pub.line.start if pub else None
        title = self.title(lines, header_n, header, anchor, html_title)
        if isinstance(title, _Line):
            spans.append(Furniture(title.start, title.end, "title"))
        body = [ln for ln in lines if ln.start not in header]
        on = dt.date.fromisoformat(pub.iso[:10]) if pub else None
        return Metadata(
            title=title.text if isinstance(title, _Line) else title,
            published=pub.iso if pub else None,
            author=self.author(body),
            province=self.province(body, title, on),
            header_spans=sorted(spans, key=lambda s: s.start),
        )


@lru_cache(maxsize=1)
def default_metadata_rules() -> MetadataRules:
    """``rules/metadata.yml`` from the rules folder, loaded once."""
    return load_rules(files={RULE_FILE: "vnextract.ingest.metadata_rules:MetadataRules"})[RULE_FILE]


_extractor: ByRules[_Extractor] = ByRules(_Extractor)


def extract_metadata(
    text: str,
    furniture: list[Furniture],
    rules: MetadataRules | None = None,
    html_title: str | None = None,
    places: Places | None = None,
) -> Metadata:
    """Headline, publication date, author and province of an article.

    Args:
        text: the document's stored text.
        furniture: spans from :func:`clean.find_furniture`; lines inside them are ignored.
        rules: metadata rules (default: ``rules/metadata.yml``).
        html_title: the title the HTML reader found, preferred when a line matches it.
        places: compiled province names (default: ``rules/places.yml``).
    Returns:
        The metadata, with ``header_spans`` (kinds ``title``, ``dateline``, ``crawl_stamp``)
        covering whole lines that extraction should skip.
    """
    ex = _extractor(rules or default_metadata_rules(), places or default_places())
    return ex.extract(text, furniture, html_title)
