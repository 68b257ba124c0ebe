"""Which figures are estimates: a cue in their own words, a frame opening the sentence
('Ước đến cuối năm, ...'), an item of a ';' list of results stated like the estimate
before it, or a bare part ('trong đó ...') of an estimated whole. Sentences written for these tests.
"""

from __future__ import annotations

import pytest

from vnextract.core.rules import default_rules
from vnextract.core.textnorm import Folder
from vnextract.figures.dates import find_dates
from vnextract.figures.numbers import find_quantities
from vnextract.records.builder import RecordBuilder, SentenceContext


@pytest.fixture(scope="module")
def builder() -> RecordBuilder:
    rules = default_rules()
    return RecordBuilder(rules["records.yml"], Folder(rules["text.yml"]))


def estimated_of(builder: RecordBuilder, text: str) -> dict[str, bool]:
    dates = find_dates(text)
    quantities = find_quantities(text, exclude=[(d.start, d.end) for d in dates])
    breaks = [i for i, ch in enumerate(text) if ch == ";"]
    result = builder.build(text, quantities, dates, breaks, SentenceContext(published_year=2024))
    return {d.quantity.value_text: d.estimated for d in result.drafts}


# (sentence, {value_text: estimated})
ESTIMATES = [
    # a forecast is an estimate
    ("Ngành điện dự báo phụ tải tháng 7 tăng thêm 6-8%.", {"6-8": True}),
    ("Hiệp hội cho rằng kim ngạch cả năm có thể đạt khoảng 2,3 tỷ USD.", {"2,3": True}),
    # a plain result is not
    ("Kim ngạch xuất khẩu quý I đạt 2,3 tỷ USD.", {"2,3": False}),
    # an item after ';' with its own estimate cue keeps it, change or none
    (
        "Năng suất lúa ước đạt 6,2 tấn/ha, tăng 0,1 tấn/ha; sản lượng cả vụ ước khoảng"
        " 1,4 triệu tấn.",
        {"6,2": True, "1,4": True},
    ),
    # items of a list of products, each with its change, share the first one's estimate
    (
        "Sản phẩm chủ yếu: xi măng ước đạt 410 nghìn tấn, tăng 6,1%; điện sản xuất 96 triệu"
        " kWh, tăng 3,4%; nước máy 8,2 triệu m3, giảm 1,2%.",
        {"410": True, "96": True, "8,2": True},
    ),
    (
        "Tháng 7, cá tra ước đạt 2.150 tấn, tăng 9%; tôm thẻ 780 tấn, giảm 2%.",
        {"2.150": True, "780": True},
    ),
    # bare parts of an estimated whole ('trong đó' with no verb of their own) share it;
    # a part with its own verb, an item with its own verb or of another shape do not
    (
        "Thủy sản ước đạt 12.400 tấn, tăng 4%; trong đó khai thác 9.100 tấn, nuôi trồng 3.300 tấn.",
        {"12.400": True, "9.100": True, "3.300": True},
    ),
    (
        "Doanh thu ước đạt 1.450 tỷ đồng, trong đó doanh thu lưu trú đạt 610 tỷ đồng.",
        {"1.450": True, "610": False},
    ),
    (
        "Toàn tỉnh có 3.200 hộ nghèo, trong đó 1.150 hộ ở vùng cao.",
        {"3.200": False, "1.150": False},
    ),
    (
        "Tổng thu ước đạt 2.140 tỷ đồng, đạt 70% kế hoạch; số nợ đọng 96,4 tỷ đồng, chiếm 4%.",
        {"2.140": True, "96,4": False},
    ),
    (
        "Lúa ước đạt 61.200 tấn, tăng 2%; sản lượng ngô đạt 8.400 tấn, tăng 1%.",
        {"61.200": True, "8.400": False},
    ),
    (
        "Đất đá sạt lở ước tính 1,2 triệu m3; 46/120 xã bị chia cắt.",
        {"1,2": True, "46/120": False},
    ),
    # a frame of the whole sentence: every figure after it
    (
        "Ước đến cuối năm 2024, tỷ lệ hộ nghèo còn 2,1%, trong đó hộ nghèo dân tộc"
        " thiểu số còn 5,4%.",
        {"2,1": True, "5,4": True},
    ),
    (
        "Đến cuối năm, tỷ lệ hộ nghèo còn 2,1%, ước giảm 0,6 điểm phần trăm; hộ cận"
        " nghèo còn 3,2%.",
        {"2,1": False, "3,2": False},
    ),
]


@pytest.mark.parametrize(("text", "expected"), ESTIMATES)
def test_kind_estimates_of_items_and_frames(builder, text, expected):
    got = estimated_of(builder, text)
    assert {v: got.get(v) for v in expected} == expected


def kinds_of(builder: RecordBuilder, text: str) -> dict[str, str]:
    dates = find_dates(text)
    quantities = find_quantities(text, exclude=[(d.start, d.end) for d in dates])
    result = builder.build(text, quantities, dates, [], SentenceContext(published_year=2024))
    return {d.quantity.value_text: d.kind for d in result.drafts}


# (sentence, {value_text: kind}): where a planned change starts is a fact, where it ends
# the target
CHANGE_ENDS = [
    (
        "Năm 2026, tỉnh phấn đấu nâng tỷ lệ thanh toán không dùng tiền mặt từ 47,5% lên 70%.",
        {"47,5": "actual", "70": "target"},
    ),
    (
        "Huyện phấn đấu giảm tỷ lệ hộ nghèo từ 6,8% xuống còn dưới 4% vào cuối năm 2026.",
        {"6,8": "actual", "4": "target"},
    ),
    (
        "Đến năm 2027, tỉnh phấn đấu tăng số trạm 5G từ 1.150 trạm lên 2.400 trạm.",
        {"1.150": "actual", "2.400": "target"},
    ),
    # a range opened by 'từ' is one planned figure
    ("Năm 2026, mỗi xã phấn đấu có từ 3 đến 5 hợp tác xã kiểu mới.", {"3 đến 5": "target"}),
    # a result's change is a fact at both ends
    ("Năm 2024, tỷ lệ hộ nghèo giảm từ 5,1% xuống còn 3,9%.", {"5,1": "actual", "3,9": "actual"}),
]


@pytest.mark.parametrize(("text", "expected"), CHANGE_ENDS)
def test_kind_planned_change_starts_from_a_fact(builder, text, expected):
    got = kinds_of(builder, text)
    assert {k: got.get(k) for k in expected} == expected
