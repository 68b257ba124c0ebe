"""The record stage's cheap tests before costly scans give what the scans alone give.

Topic segments written for these tests: each ends in cue words (with and without
trailing spaces, after a comma, glued to a letter) or in none.
"""

from __future__ import annotations

import pytest
import regex

from vnextract.core.rules import default_rules
from vnextract.core.textnorm import Folder
from vnextract.records.cues import Cues, Tail
from vnextract.records.subject import _whole_in
from vnextract.records.topic import _strip_links

SEGMENTS = [
    "Tổng doanh thu bưu chính ước đạt",
    "Số thuê bao di động hiện có ",
    "Toàn tỉnh, số xã được phủ sóng 4G đạt mức  ",
    "Trong năm, số hộ nghèo giảm còn",
    "Tỷ lệ dân số trưởng thành có điện thoại thông minh là",
    "Số doanh nghiệp công nghệ số đã được cấp phép với",
    "Ngành bưu chính hiện nay",
    "Doanh thu viễn thông đạt",
    "Bản tin không kết thúc bằng từ nối",
    "Ấp Tân Hòa, xã Long Điền",
    "hơn",
    "",
    "   ",
]


@pytest.fixture(scope="module")
def cues() -> Cues:
    rules = default_rules()
    return Cues(rules["records.yml"], Folder(rules["text.yml"]))


@pytest.mark.parametrize("segment", SEGMENTS)
def test_records_prefilter_link_tails_change_nothing(cues: Cues, segment: str) -> None:
    low = cues.low(segment)
    filtered = _strip_links(cues, segment, low)
    every = dict(cues.link_tail_ends)
    try:
        cues.link_tail_ends = dict.fromkeys(every)  # None: every tail pattern searched
        assert _strip_links(cues, segment, low) == filtered
    finally:
        cues.link_tail_ends = every


def test_records_prefilter_link_tails_skip_most_segments(cues: Cues) -> None:
    # the test above means something only if the prefilter does skip searches
    ends = cues.link_tail_ends
    assert all(e for e in ends.values())
    lasts = [cues.low(s).rstrip()[-1:] for s in SEGMENTS if s.strip()]
    assert any(last not in e for last in lasts for e in ends.values())


def test_records_tail_patterns_search_from_the_last_runs_alike(cues: Cues) -> None:
    # a Tail searches only from the runs a match may start in: same match, same sub
    tails = {name: t for name, t in vars(cues).items() if isinstance(t, Tail)}
    assert {"bound_tail", "copula_tail", "filler_tail", "connector_tail"} <= set(tails)
    texts = [*SEGMENTS, "đạt \n", "x\x1cđạt", "ước\u00a0đạt", "ước \n đạt", "(ước đạt"]
    texts += [cues.low(s)[i:] for s in SEGMENTS for i in range(0, len(s), 3)]
    for name, t in tails.items():
        for text in texts:
            plain, found = t.pattern.search(text), t.search(text)
            assert (plain and plain.span()) == (found and found.span()), (name, text)
            assert t.pattern.sub("", text) == t.sub("", text), (name, text)


@pytest.mark.parametrize(
    ("part", "text"),
    [
        ("thuê bao", "số thuê bao di động"),
        ("bao", "thuê bao"),
        ("bao", "baobì bao"),
        ("hộ", "hộ nghèo, hộ"),
        ("hộ", "chủ hộ"),
        ("", ""),
        ("", "ab"),
        ("xã", "xã_hội"),
    ],
)
def test_records_whole_in_finds_what_the_pattern_finds(part: str, text: str) -> None:
    pattern = rf"(?<!\p{{L}}){regex.escape(part)}(?!\p{{L}})"
    assert _whole_in(part, text) == bool(regex.search(pattern, text))
