"""Compile the entity rule files once into regular expressions and lookup tables.

Patterns run over a *view* of the sentence text that has the same length as the
text (so every offset survives): old tone placement is modernised (``Hoá`` ->
``Hóa``) and the spaces *inside* a segmented word become ``_``. A pattern's
literal space matches either, so gazetteer phrases match however underthesea cut
the words, while ``{CAP}`` ("a capitalised word") can tell ``Kinh tế`` (one word)
from two.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import regex

from vnextract.core.rules import RULE_FILES, load_rules, rules_dir
from vnextract.core.textnorm import Folder
from vnextract.entities.pattern_pieces import (  # noqa: F401  (the stage's public pieces)
    ABBR,
    CAP,
    LETTER,
    LOW,
    SPACE,
    START,
    SYL,
    WORD,
    alternation,
    cap_regex,
    expand_pattern,
)
from vnextract.entities.patterns import (  # noqa: F401
    CompiledPattern,
    compile_patterns,
    literal_key,
    literal_words,
)
from vnextract.entities.placeholders import RuleWords, placeholders, word_lists
from vnextract.entities.schema import NamesRules, TitlesRules

# rule files of this stage: its own (rules/entities/) plus the shared ones it reads
ENTITY_RULE_FILES: dict[str, str] = {
    name: spec
    for name, spec in RULE_FILES.items()
    if name.startswith("entities/") or name in ("text.yml", "places.yml")
}


@dataclass
class EntityRules:
    """Everything the entity components need, compiled once per rule set."""

    folder: Path
    folder_text: Folder
    names: NamesRules
    titles: TitlesRules
    abbreviations: dict[str, str]
    connectors: set[str]
    patterns: list[CompiledPattern]
    by_id: dict[str, CompiledPattern]
    # folded key -> canonical spelling, for domains, agencies, organisations, places
    canonical: dict[str, dict[str, str]] = field(default_factory=dict)
    title_regex: regex.Pattern | None = None
    title_by_key: dict[str, object] = field(default_factory=dict)
    # comparison keys of the provinces that are centrally-run cities (``@city`` defaults)
    cities: set[str] = field(default_factory=set)
    academic_regex: regex.Pattern | None = None
    honorific_regex: regex.Pattern | None = None
    byline_regex: regex.Pattern | None = None
    # rules/places.yml (provinces old and new) and the words that join a list of places
    places: object = None
    list_joiners: list[str] = field(default_factory=list)
    list_plurals: list[str] = field(default_factory=list)
    list_intros: list[str] = field(default_factory=list)
    # what stands between a legal document and its issuer: a date and a lead word
    # ('Giấy phép số 12/GP-BTTTT ngày 3/4/2021 của Bộ ...')
    issuer_gap: regex.Pattern | None = None

    def key(self, text: str) -> str:
        """Comparison key: modern tones, lower case, single spaces, ``_`` read as a space."""
        return self.folder_text.key(text.replace("_", " "))

    def lookup(self, table: str, text: str) -> str | None:
        """Canonical spelling of ``text`` in one of the tables, or None."""
        return self.canonical.get(table, {}).get(self.key(text))

    def toned(self, text: str) -> str:
        """``text`` with modern tone placement, same length (the raw text if not NFC)."""
        toned = self.folder_text.tones(unicodedata.normalize("NFC", text))
        return toned if len(toned) == len(text) else text

    def view(
        self, text: str, word_spans: list[tuple[int, int]] = (), toned: str | None = None
    ) -> str:
        """The text patterns run on: same length, modern tones, spaces inside words as ``_``.

        ``toned``: :meth:`toned` of ``text`` when the caller has it already.
        """
        view = toned if toned is not None else self.toned(text)
        if word_spans:
            view = self._join_words(view, word_spans)
        if "\u00a0" in view or "\t" in view:
            view = view.replace("\u00a0", " ").replace("\t", " ")
        return view

    @staticmethod
    def _join_words(text: str, word_spans: list[tuple[int, int]]) -> str:
        """``_`` for the spaces inside segmented words."""
        chars = list(text)
        for start, end in word_spans:
            syllable_start = start
            for i in range(start, end):
                if chars[i] != " ":
                    continue
                # a run of spaces is never inside a word: "là  Đoàn" keeps "Đoàn" whole
                if i == start or i + 1 >= end or " " in (chars[i - 1], chars[i + 1]):
                    syllable_start = i + 1
                    continue
                # a common noun the segmenter glued to a name ("sàn Shopee") stays two words
                if not (chars[syllable_start].islower() and chars[i + 1].isupper()):
                    chars[i] = "_"
                syllable_start = i + 1
        return "".join(chars)


def _table(groups: list[list[str]], key) -> dict[str, str]:
    table: dict[str, str] = {}
    for group in groups:
        for variant in group:
            table.setdefault(key(variant), group[0])
    return table


# one Vietnamese syllable: onset, one to three vowels, coda (the alphabet, no words); the
# resolver tells a Latin word from a Vietnamese one by it
_VOWEL = "aăâeêioôơuưyáàảãạắằẳẵặấầẩẫậéèẻẽẹếềểễệíìỉĩịóòỏõọốồổỗộớờởỡợúùủũụứừửữựýỳỷỹỵ"
SYLLABLE = (
    rf"(?i:(?:ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdđghklmnprstvx])?[{_VOWEL}]{{1,3}}"
    r"(?:ng|nh|ch|[cmnpt])?)"
)


def company_pieces(w: RuleWords) -> dict[str, str]:
    """``{CO_CAP}``, ``{NOT_PERSON_NAME}`` and ``{NAME_TAIL_END}``: the words of a company name.

    A company's proper name may be a family name and one more syllable (``Lốp Hoàng
    Thái``, ``Nước sạch Đồng Khởi``); a family name and two more capitalised syllables
    is a person after the name (``Tập đoàn X Nguyễn Văn A``). A name ends at its last
    capitalised syllable when the segmenter glued the next lower-case word to a proper
    name (``Sao Bắc_xếp``), but keeps a business word's own tail (``Nước_sạch``).
    ``{BUSINESS_WORD_END}``: after a word that may open a business line in lower-case words
    (``Lọc hóa dầu``): a glued word ending in a lower-case syllable, or one Vietnamese
    syllable (not a Latin-script brand such as ``Viettel``).
    """
    family = alternation(w.names.family_names)
    not_person = rf"(?!{family}{SPACE}\p{{Lu}}\p{{Ll}}*{SPACE}\p{{Lu}})"
    return {
        "CO_CAP": cap_regex(not_person),
        "NOT_PERSON_NAME": not_person,
        "NAME_TAIL_END": r"(?<!(?<![\p{L}\d_])\p{Lu}\p{Ll}* \p{Lu}\p{Ll}*_\p{Ll}+)",
        "BUSINESS_WORD_END": rf"(?<=_\p{{Ll}}+|(?<![\p{{L}}\d_]){SYLLABLE})",
    }


def compile_rules(sections: dict, folder: Path) -> EntityRules:
    """Build :class:`EntityRules` from validated sections (as returned by ``load_rules``)."""
    w = RuleWords(sections)
    compiled = compile_patterns(
        sections["entities/patterns.jsonl"],
        folder / "entities" / "patterns.jsonl",
        {**placeholders(w), **company_pieces(w)},
        word_lists(w),
    )
    titles = w.titles
    key = w.key
    return EntityRules(
        folder=folder,
        folder_text=w.folder_text,
        names=w.names,
        titles=titles,
        abbreviations={a: v for a, v in w.abbr.abbreviations.items()},
        connectors={key(c) for c in w.abbr.connectors},
        patterns=compiled,
        by_id={c.rule.id: c for c in compiled},
        canonical={
            "domain": _table(w.agencies.domains, key),
            "agency": _table(w.agencies.named, key),
            "org": _table(w.orgs.named, key),
            "province": _table(w.province_groups, key),
            "city": _table(w.city_groups, key),
            "district": _table(w.districts, key),
            "region": _table(w.locations.regions, key),
        },
        cities={key(n) for n in w.cities},
        issuer_gap=regex.compile(
            rf"[^\n]{{0,40}}?(?<!\p{{L}})(?i:{alternation(w.legal.issuer_lead)})\s+"
        )
        if w.legal.issuer_lead
        else None,
        title_regex=regex.compile(
            r"(?<![\p{L}\d_])(?i:" + alternation(w.titles_and_variants) + r")(?![\p{L}\d])"
        ),
        title_by_key={key(v): t for t in titles.every_title() for v in [t.title, *t.variants]},
        academic_regex=regex.compile(alternation(titles.academic_prefixes)),
        honorific_regex=regex.compile("(?i:" + alternation(titles.honorifics) + ")"),
        byline_regex=regex.compile("(?:" + alternation(titles.byline_cues) + r")\s*$"),
        places=w.places,
        list_joiners=w.locations.list_joiners,
        list_plurals=w.locations.list_plurals,
        list_intros=w.locations.list_intros,
    )


@lru_cache(maxsize=4)
def entity_rules(folder: str | None = None) -> EntityRules:
    """Load, validate and compile the entity rule files of ``folder`` (default: the rules folder).

    Raises:
        RuleError: listing every problem as ``rules/FILE:LINE: what. Fix: how``.
    """
    path = Path(folder) if folder else rules_dir()
    loaded = load_rules(path, files=ENTITY_RULE_FILES)
    return compile_rules(loaded.sections, path)
