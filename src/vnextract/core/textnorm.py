"""Text folding for comparisons: tone placement, case, spacing. Never rewrites stored text."""

from __future__ import annotations

import unicodedata
from functools import lru_cache

import regex
from pydantic import BaseModel, ConfigDict, field_validator

# texts kept folded per Folder; emptied when full, so memory stays bounded on an archive
_TONED_MAX = 20_000
_TONED_CHARS = 2_000


class TextRules(BaseModel):
    """Schema of ``rules/text.yml``."""

    model_config = ConfigDict(extra="forbid")
    tone_placement: dict[str, str]
    tone_placement_not_after: list[str] = []

    @field_validator("tone_placement")
    @classmethod
    def _same_length(cls, value: dict[str, str]) -> dict[str, str]:
        for old, new in value.items():
            old_n = unicodedata.normalize("NFC", old)
            new_n = unicodedata.normalize("NFC", new)
            if len(old_n) != len(new_n):
                raise ValueError(f"'{old}' and '{new}' must have the same length")
        return value


class Folder:
    """Folds text for matching; built once per rule set."""

    def __init__(self, rules: TextRules) -> None:
        pairs = {
            unicodedata.normalize("NFC", k): unicodedata.normalize("NFC", v)
            for k, v in rules.tone_placement.items()
        }
        # upper-case first letters too: "Hoá" and "HOÁ"
        for old, new in list(pairs.items()):
            pairs.setdefault(old.upper(), new.upper())
            pairs.setdefault(old[0].upper() + old[1:], new[0].upper() + new[1:])
        self._pairs = dict(pairs)
        blocked = "".join(regex.escape(c) for c in rules.tone_placement_not_after)
        blocked += blocked.upper()
        not_after = f"(?<![{blocked}])" if blocked else ""
        alternation = "|".join(regex.escape(k) for k in sorted(pairs, key=len, reverse=True))
        # only at the end of a syllable: 'hoá' -> 'hóa', never 'hoạch' or 'toán'
        self._pattern = regex.compile(rf"{not_after}(?:{alternation})(?!\p{{L}})")
        # text -> its folding: the stages fold the same sentence and phrase many times
        self._toned: dict[str, str] = {}
        self._keys: dict[str, str] = {}

    def _modern(self, m: regex.Match) -> str:
        return self._pairs[m.group()]

    def tones(self, text: str) -> str:
        """Modern tone placement; same length as the input."""
        toned = self._toned.get(text)
        if toned is None:
            toned = self._pattern.sub(self._modern, text)
            if len(text) <= _TONED_CHARS:  # a whole document is folded, never kept
                if len(self._toned) >= _TONED_MAX:
                    self._toned.clear()
                self._toned[text] = toned
        return toned

    def key(self, text: str) -> str:
        """Comparison key: NFC, modern tones, lower case, single spaces."""
        key = self._keys.get(text)
        if key is None:
            key = " ".join(self.tones(unicodedata.normalize("NFC", text)).lower().split())
            if len(text) <= _TONED_CHARS:
                if len(self._keys) >= _TONED_MAX:
                    self._keys.clear()
                self._keys[text] = key
        return key


@lru_cache(maxsize=4096)
def base_char(ch: str) -> str:
    """A letter without its diacritics, lower-cased: 'Ố' -> 'o', 'đ' -> 'd'."""
    if ch in "đĐ":
        return "d"
    return unicodedata.normalize("NFD", ch)[0].lower()


def skeleton(text: str) -> str:
    """Per-character base letters: same length as ``text``, for aligning rewritten tokens."""
    return "".join(base_char(c) for c in text)
