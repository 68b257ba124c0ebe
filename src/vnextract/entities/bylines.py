"""Names on an article's closing line: the author's byline (``Đức Minh, Thiên Thanh``,
``NGUYỄN NGHĨA``) is a PERSON, never an official (ANNOTATION.md).

Only the last line is read this way: anywhere else a short capitalised line is as likely
a heading. Parts are split at commas, dashes and the joiners of ``titles.yml``; each part
must be two to four capitalised (or all upper-case) syllables that no other rule reads as
something else (a place, an agency).
"""

from __future__ import annotations

import regex

from vnextract.entities.context import Candidate
from vnextract.entities.gazetteer import EntityRules
from vnextract.entities.resolver import choose
from vnextract.entities.ruler import find_candidates

# a syllable written Capitalised or in CAPITALS
_SYLLABLE = r"(?:\p{Lu}\p{Ll}*|\p{Lu}+)(?![\p{L}\d])"
_NAME = regex.compile(rf"{_SYLLABLE}(?: {_SYLLABLE}){{1,3}}")
MAX_NAMES = 4


def _title_case(name: str) -> str:
    """``NGUYỄN NGHĨA`` -> ``Nguyễn Nghĩa``; a name already capitalised is kept."""
    return " ".join(w[:1] + w[1:].lower() if w.isupper() else w for w in name.split())


def closing_names(line: str, rules: EntityRules) -> list[Candidate]:
    """The people a closing line names, as PERSON candidates with offsets into ``line``.

    Args:
        line: the article's last line (a sentence's text).
        rules: the compiled entity rules (``byline_joiners``, and every pattern, to
            leave alone a line that names a place or a body).
    Returns:
        One candidate per name; [] when the line is anything but names.
    """
    joiners = "|".join(regex.escape(j) for j in rules.titles.byline_joiners)
    separator = regex.compile(
        rf"\s*(?:[,;&–—-]|(?<=\s)(?:{joiners})(?=\s))\s*" if joiners else r"\s*[,;&–—-]\s*"
    )
    body = line.strip().rstrip(".")
    offset = line.find(body) if body else 0
    parts, pos = [], 0
    for m in [*separator.finditer(body), None]:
        end = m.start() if m else len(body)
        parts.append((pos, end))
        pos = m.end() if m else pos
    if not body or len(parts) > MAX_NAMES:
        return []
    others = [c for c in choose(find_candidates(rules.view(body), rules)) if c.label != "PERSON"]
    out = []
    for start, end in parts:
        name = body[start:end]
        # a place or body naming the whole part, or reaching past it, is no name; one
        # inside it is ("Đức" in "Đức Minh")
        blocked = any(
            (c.start <= start and end <= c.end) or c.start < start < c.end or c.start < end < c.end
            for c in others
        )
        if blocked or not _NAME.fullmatch(name):
            return []
        canonical = _title_case(name)
        out.append(Candidate(offset + start, offset + end, "PERSON", "byline", 0, {}, canonical))
    return out
