"""Saving a component with the rule files it was built from (``nlp.to_disk``).

``spacy.load`` rebuilds each component from its config, then calls ``from_disk``: the
component then reads its rules from the copy saved beside it, so a saved pipeline
keeps its rules even when the package's own rule files change.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterable
from pathlib import Path

RULES_SUBDIR = "rules"


def save_rules(folder: Path, names: Iterable[str], path: str | Path) -> None:
    """Copy the rule files ``names`` (relative to ``folder``) into ``path/rules/``."""
    target = Path(path) / RULES_SUBDIR
    for name in names:
        dest = target / name
        dest.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(Path(folder) / name, dest)


def saved_rules(path: str | Path) -> str:
    """The rules folder :func:`save_rules` wrote under ``path``."""
    return str(Path(path) / RULES_SUBDIR)


class SavesEntityRules:
    """``to_disk``/``from_disk`` for a component holding ``self.rules`` (entity rules)."""

    rules: object

    def to_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> None:
        from vnextract.entities.gazetteer import ENTITY_RULE_FILES

        save_rules(self.rules.folder, ENTITY_RULE_FILES, path)

    def from_disk(self, path: str | Path, *, exclude: Iterable[str] = ()):
        from vnextract.entities.gazetteer import entity_rules

        self.rules = entity_rules(saved_rules(path))
        return self
