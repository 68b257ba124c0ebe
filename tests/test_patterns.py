"""core/patterns.py and core/cache.py: the one alternation builder and the one rules cache."""

from __future__ import annotations

import pytest
import regex

from vnextract.core.cache import ByRules
from vnextract.core.patterns import NOTHING, alternation, literal
from vnextract.core.spans import SpanIndex, overlap


@pytest.mark.parametrize(
    ("words", "options", "text", "found"),
    [
        # the longer phrase first, whatever the order in the rule file
        (["nghìn", "nghìn tỷ"], {}, "ba nghìn tỷ đồng", ["nghìn tỷ"]),
        (["nghìn tỷ", "nghìn"], {}, "ba nghìn  tỷ", ["nghìn  tỷ"]),
        # escaped: a dot is a dot
        (["TP.HCM"], {}, "TPxHCM và TP.HCM", ["TP.HCM"]),
        # a space matches a run of white space, or what the caller says
        (["Chủ tịch"], {}, "Chủ\u00a0tịch", ["Chủ\u00a0tịch"]),
        (["Chủ tịch"], {"space": "[ _]+"}, "Chủ_tịch và Chủ\ttịch", ["Chủ_tịch"]),
        # folded like the text it runs on
        (["Theo"], {"fold": str.lower}, "theo Theo", ["theo"]),
        # blank entries and no entries never match the empty string
        (["", "  "], {}, "bất kỳ", []),
        ([], {}, "bất kỳ", []),
    ],
)
def test_patterns_alternation_matches(words, options, text, found) -> None:
    pattern = regex.compile(alternation(words, **options))
    assert [m.group() for m in pattern.finditer(text)] == found


@pytest.mark.parametrize(
    ("words", "expected"),
    [
        (["b", "a", "cc", "a"], "(?:cc|a|b)"),
        (["a  b", "a b"], r"(?:a\s+b)"),
        ([], NOTHING),
    ],
)
def test_patterns_alternation_is_fixed(words, expected) -> None:
    # the same words give the same regex in every process: ties are sorted, not hashed
    assert alternation(words) == expected


@pytest.mark.parametrize(
    ("phrase", "expected"),
    [("a.b", r"a\.b"), (" a  b ", r"a\s+b"), ("x+y", r"x\+y")],
)
def test_patterns_literal(phrase, expected) -> None:
    assert literal(phrase) == expected


@pytest.mark.parametrize("size", [1, 3])
def test_patterns_cache_by_identity(size) -> None:
    built: list[object] = []
    cache = ByRules(lambda rules: built.append(rules) or len(built), size=size)
    a, b = {"x": 1}, {"x": 1}  # equal, not the same rule set
    assert cache(a) == cache(a) == 1
    assert cache(b) == 2
    assert len(cache) == min(size, 2)
    # the oldest entry goes first when the cache is full
    assert cache(a) == (1 if size > 1 else 3)


@pytest.mark.parametrize(
    ("a", "b", "shared"),
    [((0, 3), (3, 5), False), ((0, 4), (3, 5), True), ((5, 7), (0, 5), False)],
)
def test_patterns_overlap_agrees_with_index(a, b, shared) -> None:
    assert overlap(*a, *b) is shared
    assert SpanIndex.of_pairs([b]).overlaps(*a) is shared
