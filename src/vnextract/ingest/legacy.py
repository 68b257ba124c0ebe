"""Legacy Vietnamese encodings: decode TCVN3 and VNI by their tables, tell encodings apart.

Code pages (Windows-1258 and whatever charset-normalizer proposes) decode with Python's
codecs; the font encodings TCVN3 (ABC) and VNI-Windows with the tables in
``rules/encodings.yml``. Which decoding is right is judged by the words it yields: the
share of non-ASCII words that are Vietnamese syllables (onset, nucleus, coda and at most
one tone mark, all listed in the same file).
"""

from __future__ import annotations

import codecs
import re
import unicodedata
from dataclasses import dataclass
from typing import Annotated

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, model_validator

from vnextract.core.cache import ByRules
from vnextract.core.rules import section

_HEX_KEY = re.compile(r"[0-9A-F]{2}(?: [0-9A-F]{2})*")


def _hex_bytes(value: str) -> str:
    if not _HEX_KEY.fullmatch(value):
        raise ValueError(f"'{value}' is not bytes in hex (two capital hex digits each, spaced)")
    return value


def _one_letter(value: str) -> str:
    value = unicodedata.normalize("NFC", value)
    if len(value) != 1 or not value.isalpha():
        raise ValueError(f"'{value}' is not one letter")
    return value


def _codec(value: str) -> str:
    try:
        return codecs.lookup(value).name
    except LookupError:
        raise ValueError(f"'{value}' is not a codec Python knows") from None


class EncodingTable(BaseModel):
    """One font encoding: encoded bytes (hex) -> letter; other bytes read as ``fallback``."""

    model_config = ConfigDict(extra="forbid")
    name: str
    aliases: list[str] = Field(min_length=1)
    fallback: Annotated[str, AfterValidator(_codec)]
    table: dict[
        Annotated[str, AfterValidator(_hex_bytes)], Annotated[str, AfterValidator(_one_letter)]
    ]

    @model_validator(mode="after")
    def _letters_once(self) -> EncodingTable:
        first: dict[str, str] = {}
        for key, letter in self.table.items():
            if letter in first:
                raise ValueError(f"letter '{letter}' is given twice ({first[letter]} and {key})")
            first[letter] = key
        return self


class SyllableRules(BaseModel):
    model_config = ConfigDict(extra="forbid")
    onsets: list[str]
    nuclei: list[str] = Field(min_length=1)
    codas: list[str]
    tone_marks: list[str] = Field(min_length=1)
    need_coda: list[str] = []
    onsets_for: dict[str, list[str]] = {}
    coda_after: dict[str, list[str]] = {}
    stop_codas: list[str] = []
    stop_tones: list[str] = []

    @model_validator(mode="after")
    def _known_parts(self) -> SyllableRules:
        for name, listed in (("need_coda", self.need_coda), ("onsets_for", self.onsets_for)):
            unknown = sorted(set(listed) - set(self.nuclei))
            if unknown:
                raise ValueError(f"{name} lists {unknown}, which are not among the nuclei")
        onsets = {"", *self.onsets}
        unknown = sorted({o for os_ in self.onsets_for.values() for o in os_} - onsets)
        if unknown:
            raise ValueError(f"onsets_for names {unknown}, which are not among the onsets")
        unknown = sorted({*self.coda_after, *self.stop_codas} - set(self.codas))
        if unknown:
            raise ValueError(f"coda_after / stop_codas name {unknown}, not among the codas")
        unknown = sorted(set(self.stop_tones) - set(self.tone_marks))
        if unknown:
            raise ValueError(f"stop_tones lists {unknown}, not among the tone_marks")
        return self


class EncodingRules(BaseModel):
    """Schema of ``rules/encodings.yml``."""

    model_config = ConfigDict(extra="forbid")
    tables: dict[str, EncodingTable]
    syllables: SyllableRules
    min_syllable_share: float = Field(gt=0, le=1)
    max_stray_bytes: int = Field(ge=0)

    @model_validator(mode="after")
    def _aliases_once(self) -> EncodingRules:
        seen: dict[str, str] = {}
        for key, table in self.tables.items():
            for alias in table.aliases:
                if alias.lower() in seen:
                    raise ValueError(f"alias '{alias}' names both {seen[alias.lower()]} and {key}")
                seen[alias.lower()] = key
        return self


class FontCodec:
    """Decoder for one table: fallback code page, then one pass replacing table sequences."""

    def __init__(self, key: str, table: EncodingTable) -> None:
        self.key, self.name = key, table.name
        self._fallback = table.fallback
        # every encoded sequence as the fallback code page shows it -> its letter
        shown = {self._show(bytes.fromhex(k)): v for k, v in table.table.items()}
        self._table = shown
        alternatives = sorted(shown, key=len, reverse=True)
        self._pattern = re.compile("|".join(map(re.escape, alternatives)))
        self._encode = {v: bytes.fromhex(k) for k, v in table.table.items()}
        # a 256-character decoding table for the C charmap codec: the fallback's view of
        # each byte, and with one byte per letter (TCVN3) the letters too, in one pass
        view = [self._show(bytes([b])) for b in range(256)]
        self._single = all(len(k) == 1 for k in table.table)
        if self._single:
            for key, letter in table.table.items():
                view[int(key, 16)] = letter
        self._charmap = "".join(view)

    def _show(self, data: bytes) -> str:
        # bytes the fallback leaves undefined (0x81 in cp1252) read as Latin-1 controls
        return "".join(bytes([b]).decode(self._fallback, errors="ignore") or chr(b) for b in data)

    def decode(self, data: bytes) -> str:
        """The text ``data`` stands for (not yet NFC-normalised); linear in its length."""
        text = codecs.charmap_decode(data, "strict", self._charmap)[0]
        if self._single:
            return text
        return self._pattern.sub(lambda m: self._table[m.group()], text)

    def encode(self, text: str) -> bytes:
        """``text`` in this encoding, for making samples; letters it lacks raise ValueError."""
        out = bytearray()
        for ch in unicodedata.normalize("NFC", text):
            if ch in self._encode:
                out += self._encode[ch]
            elif ch.isascii():
                out += ch.encode()
            else:
                try:
                    out += ch.encode(self._fallback)
                except UnicodeEncodeError:
                    raise ValueError(f"{self.name} has no '{ch}'") from None
        return bytes(out)


class SyllableCheck:
    """Is a word a Vietnamese syllable? Built once from ``syllables`` in the rules."""

    def __init__(self, rules: SyllableRules) -> None:
        def alt(items: list[str]) -> str:
            return "|".join(map(re.escape, sorted(items, key=len, reverse=True)))

        self.rules = rules
        self._tones = frozenset(rules.tone_marks)
        self._shape = re.compile(
            f"(?P<onset>{alt(rules.onsets)})?(?P<nucleus>{alt(rules.nuclei)})"
            f"(?P<coda>{alt(rules.codas)})?"
        )
        self._need_coda = frozenset(rules.need_coda)
        self._onsets_for = {n: frozenset(o) for n, o in rules.onsets_for.items()}
        self._after = {coda: frozenset(n) for coda, n in rules.coda_after.items()}
        self._stops = frozenset(rules.stop_codas)
        self._stop_tones = frozenset(rules.stop_tones)

    def _strip_tone(self, word: str) -> tuple[str, str | None, int] | None:
        """(word without its tone, the tone, index of the letter that bore it), or None
        when it carries two tones or a tone on nothing."""
        bare: list[str] = []
        tone, at = None, -1
        for ch in unicodedata.normalize("NFC", word):
            parts = unicodedata.normalize("NFD", ch)
            marks = [c for c in parts if c in self._tones]
            if marks:
                if tone is not None or len(marks) > 1 or (parts == marks[0] and not bare):
                    return None
                tone = marks[0]
                # a mark that did not compose belongs to the letter before it
                at = len(bare) - 1 if parts == marks[0] else len(bare)
            rest = "".join(c for c in parts if c not in self._tones)
            if rest:
                bare.append(unicodedata.normalize("NFC", rest))
        return "".join(bare), tone, at

    def __call__(self, word: str) -> bool:
        """True when ``word`` (lower case, capitalised or capitals; NFC or NFD) is one
        Vietnamese syllable."""
        cased = word.islower() or word.isupper() or (word[:1].isupper() and word[1:].islower())
        if not cased and len(word) > 1:
            return False
        stripped = self._strip_tone(word.lower())
        if stripped is None:
            return False
        bare, tone, at = stripped
        m = self._shape.fullmatch(bare)
        if m is None:
            return False
        nucleus, coda = m["nucleus"], m["coda"]
        if tone is not None and not m.start("nucleus") <= at < m.end("nucleus"):
            return False
        if nucleus in self._need_coda and not coda:
            return False
        if nucleus in self._onsets_for and (m["onset"] or "") not in self._onsets_for[nucleus]:
            return False
        if coda in self._after and nucleus not in self._after[coda]:
            return False
        return coda not in self._stops or tone in self._stop_tones


# words are split at spaces, digits and ASCII punctuation, which read the same in every
# decoding; typographic quotes and dashes around a word are not part of it
_WORD_SPLIT = re.compile(r"[\s!-/:-@\[-`{-~\d]+")
_QUOTES = "\u2018\u2019\u201c\u201d\u2013\u2014\u2026\u00ab\u00bb\ufeff"


@dataclass(frozen=True, slots=True)
class Score:
    """How Vietnamese one decoding reads: syllables among the non-ASCII words."""

    syllables: int
    words: int

    @property
    def share(self) -> float:
        return self.syllables / self.words if self.words else 0.0


class Legacy:
    """The legacy decoders and the syllable judge of one rule set."""

    def __init__(self, rules: EncodingRules) -> None:
        self.rules = rules
        self.fonts = {key: FontCodec(key, table) for key, table in rules.tables.items()}
        self._aliases = {
            alias.lower(): key for key, t in rules.tables.items() for alias in t.aliases
        }
        self.is_syllable = SyllableCheck(rules.syllables)

    def font(self, name: str) -> FontCodec | None:
        """The font encoding ``name`` names (an alias, any case), if it is one."""
        key = self._aliases.get(name.lower())
        return self.fonts[key] if key else None

    def codec_name(self, name: str) -> str:
        """The canonical name of an encoding name: a font table's key or Python's codec name.

        Raises:
            LookupError: neither knows it.
        """
        font = self.font(name)
        return font.key if font else codecs.lookup(name).name

    def known(self) -> list[str]:
        """Font encoding aliases, for help and error messages."""
        return sorted(self._aliases)

    def decode(self, data: bytes, name: str) -> str:
        """``data`` decoded as ``name`` (undecodable bytes replaced), NFC-normalised."""
        font = self.font(name)
        text = font.decode(data) if font else data.decode(name, errors="replace")
        # Windows-1258 writes many tones as combining marks after the letter
        return unicodedata.normalize("NFC", text)

    def score(self, text: str) -> Score:
        """Count the non-ASCII words of ``text`` and the Vietnamese syllables among them."""
        words = syllables = 0
        judged: dict[str, bool] = {}  # words repeat: judge each distinct one once
        for word in _WORD_SPLIT.split(text):
            word = word.strip(_QUOTES)
            if word.isascii():
                continue
            words += 1
            ok = judged.get(word)
            if ok is None:
                ok = judged[word] = self.is_syllable(word)
            syllables += ok
        return Score(syllables, words)


_built: ByRules[Legacy] = ByRules(Legacy)


def default_legacy() -> Legacy:
    """The decoders of the default rules, built once per rule set."""
    return _built(section("encodings.yml"))
