"""Regex pieces the entity patterns are written with (``{CAP}``, ``{ABBR}``, ...).

Patterns run over a view of the text in which the spaces inside a segmented word are
``_``: a literal space in a pattern matches either, and these pieces tell one word
(``Kinh_tế``) from two.
"""

from __future__ import annotations

from functools import partial

import regex

from vnextract.core import patterns

SPACE = "[ _]"  # what a space in a pattern matches: between words or inside one
LETTER = r"[\p{L}\d]"
# a capitalised word ("Kinh_tế", "IV", "TT&TT"); where the segmenter glued lower-case
# words after a name ("Lao_Động_điện_tử") the word ends with the last capitalised syllable
_W = r"(?:[\p{L}\d&']|[.-](?=\p{L}))"
CAP = rf"(?:\p{{Lu}}{_W}*(?:_\p{{Ll}}{_W}*)*(?:_\p{{Lu}}{_W}*)*(?![\p{{L}}\d]))"


def cap_regex(not_person: str) -> str:
    """:data:`CAP` whose later glued syllables never start a person's name."""
    return rf"(?:\p{{Lu}}{_W}*(?:_\p{{Ll}}{_W}*)*(?:_{not_person}\p{{Lu}}{_W}*)*(?![\p{{L}}\d]))"


# a capitalised syllable ("Hữu"), for names whose words underthesea may have joined
SYL = r"(?:\p{Lu}\p{Ll}*(?![\p{L}\d]))"
LOW = r"(?:\p{Ll}[\p{L}\d]*(?:_[\p{L}\d]+)*(?![\p{L}\d_]))"
WORD = r"(?:[\p{L}\d][\p{L}\d&-]*(?:_[\p{L}\d]+)*(?![\p{L}\d_]))"
ABBR = r"(?:\p{Lu}[\p{Lu}&-]*\p{Lu}(?![\p{L}\d]))"
START = r"(?:^\s*|[.!?:;…\n]\s*)"


# gazetteer phrases: longest first (``Phó Chủ tịch`` before ``Chủ tịch``), a space matching
# the spaces between words and the ``_`` inside them
alternation = partial(patterns.alternation, space=f"{SPACE}+")


def expand_pattern(pattern: str, placeholders: dict[str, str]) -> str:
    """Turn a rule pattern into a regex: literal spaces match ``[ _]``, ``{NAME}`` expands.

    Raises ``KeyError`` naming an unknown placeholder.
    """
    out = pattern.replace(" ", SPACE)
    for name in regex.findall(r"\{([A-Z_]+)\}", out):
        if name not in placeholders:
            raise KeyError(name)
    return regex.sub(r"\{([A-Z_]+)\}", lambda m: placeholders[m.group(1)], out)
