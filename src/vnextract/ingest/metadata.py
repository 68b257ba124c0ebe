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


_NUMERIC_DATE = r"(?P<d>\d{1,2})\s*(?P<ds>[/.-])\s*(?P<m>\d{1,2})\s*(?P=ds)\s*(?P<y>\d{4}|\d{2})"
_ISO_DATE = r"(?P<iy>\d{4})-(?P<im>\d{1,2})-(?P<id>\d{1,2})"


class _Reader:
    """Compiled metadata patterns of one rule set."""

    def __init__(self, rules: MetadataRules) -> None:
        self.rules = rules
        d = rules.dateline
        date = rf"(?:{_NUMERIC_DATE}|{_ISO_DATE}|{d.textual_date})"
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
        # a header dateline is read piece by piece: each piece is one of these, in any order
        word_end = r"(?!\w)"
        self.piece = re.compile(
            rf"\s*(?:(?P<date>{date})(?!\d)|(?P<time>{d.time}){word_end}|{d.zone}"
            rf"|(?:[+-]\d{{2}}:?\d{{2}})|(?:{d.label}|{d.weekday}|{d.day_word}){word_end}"
            rf"|(?:{d.counter}|{d.furniture}){word_end}|\d[\d.,]*{word_end}|{d.separators}"
            rf"|(?:{d.poster}))",
            re.IGNORECASE,
        )
        # a site or section name before a bar: 'Báo Nghệ An | Thứ Ba, 15/10/2024'
        self.lead_name = re.compile(r"(?P<name>[^|\d]+?)\s*\|")
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
        if m is not None:
            return self._dateline(line, m.groupdict())
        if header:
            g = self._header_pieces(line.text)
            if g is not None:
                return self._dateline(line, g)
        return None

    def _header_pieces(self, text: str) -> dict[str, str | None] | None:
        """Groups of the date and first time of a line made of dateline pieces alone."""
        d = self.rules.dateline
        if len(text) > d.max_chars:
            return None
        pos, found = 0, {}
        lead = self.lead_name.match(text)
        if lead and len(re.findall(r"\w+", lead.group("name"))) <= d.lead_name_max_words:
            pos = lead.end()
        while pos < len(text):
            m = self.piece.match(text, pos)
            if m is None or m.end() == pos:
                return None
            if m.group("date") and "date" not in found:
                found["date"] = m.groupdict()
            elif m.group("time") and "time" not in found:
                found["time"] = m.groupdict()
            pos = m.end()
        if "date" not in found:
            return None
        groups = {k: v for k, v in found["date"].items() if k not in ("H", "M")}
        if "time" in found:
            groups |= {"H": found["time"]["H"], "M": found["time"]["M"]}
        return groups

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


def _all_caps(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return bool(letters) and all(c.isupper() for c in letters)


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


def _earlier_same_day(d: _Dateline, pub: _Dateline) -> bool:
    """On one day, a stamp with its time says more than one without; else the earlier time."""
    if len(d.key) != len(pub.key):
        return len(d.key) > len(pub.key)
    return d.key < pub.key


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
        if d.key[:3] < pub.key[:3] or (d.key[:3] == pub.key[:3] and _earlier_same_day(d, pub)):
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
        t = rules.title
        self.prose_end = re.compile(rf"(?:{t.prose_end})\s*$")
        self.breadcrumb = re.compile(t.breadcrumb, re.IGNORECASE)
        self.menu = re.compile(t.menu, re.IGNORECASE)
        self.site_head = re.compile(rf"(?:{t.site_head})(?!\w)", re.IGNORECASE)
        self.site_tail = re.compile(rf"(?:{t.site_tail})$", re.IGNORECASE)
        self.outline = re.compile(t.outline, re.IGNORECASE)

    def _words(self, text: str) -> int:
        return len(text.split())

    def _is_title_like(self, line: _Line) -> bool:
        t = self.rules.title
        words = sum(1 for w in line.text.split() if any(c.isalnum() for c in w))
        return words >= t.min_words and len(line.text) <= t.max_chars

    def header_len(self, lines: list[_Line]) -> int:
        """How many first lines make the page's header: those above the first prose line."""
        t = self.rules.title
        top = lines[: t.search_lines]
        for i, ln in enumerate(top):
            if self._words(ln.text) >= t.prose_min_words and self.prose_end.search(ln.text):
                return i
        return len(top)

    def _never_headline(self, text: str) -> bool:
        """A breadcrumb, a menu, a site's name, a numbered section head or a note in brackets."""
        if self.breadcrumb.search(text) or self.menu.search(text) or self.outline.match(text):
            return True
        if text.startswith("(") and text.endswith(")"):
            return True
        return self._is_site_name(text)

    def _is_site_name(self, text: str) -> bool:
        """'Báo Bắc Giang điện tử', 'Sở Xây dựng tỉnh Nam Định': an agency's name alone."""
        if not self.site_head.match(text) or any(c.isdigit() for c in text):
            return False
        if self.site_tail.search(text):
            return True
        return any(end == len(text) for _, end, _ in self.places.find(text))

    def _candidates(self, lines: list[_Line], datelines: set[int]) -> list[_Line]:
        found = [
            ln
            for ln in lines
            if ln.start not in datelines
            and self._is_title_like(ln)
            and not self._never_headline(ln.text)
        ]
        # a masthead is written in capitals; a headline in capitals only where no other is
        mixed = [ln for ln in found if not _all_caps(ln.text)]
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
        head_end = lines[header_n].start if header_n < len(lines) else len(text) + 1
        in_header = [d for d in datelines if d.line.start < head_end]
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
