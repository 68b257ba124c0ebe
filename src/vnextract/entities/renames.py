"""Ministries and departments renamed or merged, chosen by the article's date.

``renamed`` in ``rules/entities/agencies.yml`` lists the domains whose bodies were merged
into another's from a date (``Thông tin và Truyền thông`` into ``Khoa học và Công
nghệ`` from 1 March 2025). An abbreviation the rule files expand (``Sở TT&TT``) in an
article dated on or after that day names the body in force then; the old name written
out, an abbreviation the article defines itself, or an older or undated article keep
the old body, and the successor is recorded beside it.
"""

from __future__ import annotations

from datetime import date
from functools import lru_cache
from pathlib import Path

from vnextract.core.rules import RULE_FILES, load_rules
from vnextract.entities.context import DocContext
from vnextract.entities.gazetteer import EntityRules
from vnextract.entities.resolver import expand_abbreviations, render

_FILE = "entities/agencies.yml"


@lru_cache(maxsize=4)
def _renamed(folder: Path) -> dict:
    section = load_rules(folder, files={_FILE: RULE_FILES[_FILE]})[_FILE]
    return {r.old: r for r in section.renamed}


def _dated_on_or_after(published: str | None, since: date) -> bool:
    """Whether an ISO date or datetime is on or after ``since`` (False when unknown)."""
    try:
        return date.fromisoformat((published or "")[:10]) >= since
    except ValueError:
        return False


class AgencyRenames:
    """Applies the renames of one rule set to canonical agency names."""

    def __init__(self, rules: EntityRules) -> None:
        self.rules = rules
        self.by_domain = _renamed(Path(rules.folder))

    def apply(
        self, template: str, groups: dict, defaults: dict, ctx: DocContext, canonical: str
    ) -> tuple[str, str | None]:
        """The name in force and the successor of an agency whose template has ``{domain}``.

        Args:
            template: the pattern's canonical template (``Sở {domain} {place}``).
            groups, defaults: the match's groups and the pattern's defaults.
            ctx: the document context (its ``published`` date, its own abbreviations).
            canonical: the name :func:`render` gave.
        Returns:
            (canonical, successor): the successor's name, or None when the body was not
            renamed or ``canonical`` already names the body in force.
        """
        if "{domain" not in template:
            return canonical, None
        written = " ".join((groups.get("domain") or "").replace("_", " ").split())
        if not written:
            return canonical, None
        domain = self.rules.lookup("domain", expand_abbreviations(written, ctx, self.rules))
        rename = self.by_domain.get(domain)
        if rename is None:
            return canonical, None
        renamed = {**groups, "domain": rename.successor}
        successor = render(template, renamed, defaults, ctx, self.rules) or None
        if self._abbreviated(written, ctx) and _dated_on_or_after(ctx.published, rename.since):
            return successor or canonical, None
        return canonical, successor

    def _abbreviated(self, written: str, ctx: DocContext) -> bool:
        """Written as an abbreviation of the rule files, not one the article defined."""
        return any(
            w in self.rules.abbreviations and w not in ctx.abbreviations for w in written.split()
        )
