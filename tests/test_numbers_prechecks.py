"""A not_pattern's ``precheck`` (rules/numbers.yml) only saves time: every text the
pattern matches in holds it, so no span stops being blocked.

Sentences: those of ``corpus/``, the not-a-figure tables of
``test_numbers_not_figures.py``, ``test_numbers_not_figures_more.py`` and
``test_numbers_not_figures_names.py``, and a few
written here for the prechecked patterns.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from test_numbers_not_figures import NOT_FIGURES, STILL_FIGURES
from test_numbers_not_figures_more import (
    AGE_BANDS,
    CHAINAGES,
    CHAINS_AND_SHORT_CODES,
    NAMES_AND_TIMES,
    WINDOWS_LINES_AND_NOUNS,
)
from test_numbers_not_figures_names import CASES as NAMES_AND_PLACES
from vnextract.core.rules import default_rules
from vnextract.figures.numbers import NumberFinder
from vnextract.ingest.decode import read_document
from vnextract.segment.sentences import split_sentences

ROOT = Path(__file__).resolve().parents[1]

OWN = [
    "Chi tiết xem tại https://sotttt.nghean.gov.vn/tin-tuc hoặc www.example.org.",
    "Cổng dichvucong.gov.vn đã tiếp nhận 12.500 hồ sơ trực tuyến.",
    "Mạng 5G phủ 98% xã; dịch COVID-19 và dòng xe VF8 được nhắc tới.",
    "Mã số 3A, tuyến QL-1A và sản phẩm 2in1 được ghi nhận.",
    "Hội nghị bắt đầu lúc 8 giờ, kéo dài đến 11 giờ và tiếp tục tới 16 giờ.",
    'Cuộc thi "Tìm hiểu 80 năm thành lập" thu hút 2.000 bài dự thi.',
    "Hội nghị khai mạc lúc 14 giờ 30 phút ngày 5/6.",
    "Bộ phận một cửa làm việc từ 7 giờ đến 17 giờ, vào 9 giờ sáng thứ Bảy.",
    "Lễ ra quân bắt đầu từ 6 giờ 30 đến 8 giờ sáng.",
    "Phiên họp kết thúc lúc 11 giờ 15 phút, sớm hơn dự kiến.",
    "Trạm mở cửa từ 19 giờ 30 đến 21 giờ hằng ngày.",
    "Ứng dụng phiên bản 2.1 và 3.5 được cập nhật; bản 4.2 ra mắt tháng này.",
    "Chiến lược đặt mục tiêu 90-90-90 trước, rồi 95 - 95 - 95 vào năm 2030.",
]


def sentences() -> list[str]:
    tables = (
        STILL_FIGURES
        + AGE_BANDS
        + CHAINAGES
        + CHAINS_AND_SHORT_CODES
        + NAMES_AND_TIMES
        + WINDOWS_LINES_AND_NOUNS
        + NAMES_AND_PLACES
    )
    out = [*OWN, *NOT_FIGURES, *(s for s, _ in tables)]
    for path in sorted((ROOT / "corpus").iterdir()):
        out += [s.text for s in split_sentences(read_document(path).text, [])]
    return out


@pytest.fixture(scope="module")
def finder() -> NumberFinder:
    return NumberFinder(default_rules()["numbers.yml"])


def test_numbers_precheck_is_found_wherever_its_pattern_matches(finder):
    prechecked = [
        (rule.id, compiled)
        for rule, compiled in zip(finder.rules.not_patterns, finder._not_patterns, strict=True)
        if compiled[2]
    ]
    assert {i for i, _ in prechecked} >= {"url", "glued_to_letters"}
    matched = dict.fromkeys((i for i, _ in prechecked), 0)
    for text in sentences():
        for pattern_id, (pattern, _, precheck) in prechecked:
            if pattern.search(text):
                assert precheck.search(text), (pattern_id, text)
                matched[pattern_id] += 1
    assert all(n >= 3 for n in matched.values()), matched


@pytest.mark.parametrize("text", OWN)
def test_numbers_precheck_blocks_the_same_spans(finder, text):
    unchecked = [(p, s, None) for p, s, _ in finder._not_patterns]
    checked = finder.blocked_spans(text)
    finder_patterns, finder._not_patterns = finder._not_patterns, unchecked
    try:
        assert checked == finder.blocked_spans(text) and checked
    finally:
        finder._not_patterns = finder_patterns
