"""Numbers compared with something that is no time base: a multiple of another thing
('gấp 10 lần mạng 4G') or an absolute change against a base ('giảm 3 ngày so với quy
định') qualify the figure before them in their clause, with no field; alone they are
figures. Sentences written for these tests.
"""

from __future__ import annotations

from decimal import Decimal

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


def drafts_of(builder: RecordBuilder, text: str) -> dict[str, object]:
    dates = find_dates(text)
    quantities = find_quantities(text, exclude=[(d.start, d.end) for d in dates])
    ctx = SentenceContext(published_year=2024)
    result = builder.build(text, quantities, dates, [], ctx)
    return {d.quantity.value_text: d for d in result.drafts}


# (sentence, the figure qualified, the comparison that gives no record)
QUALIFYING = [
    ("Tốc độ truy cập tại trung tâm huyện đạt 310 Mbps, gấp khoảng 8 lần mạng cũ.", "310", "8"),
    ("Doanh thu đạt 5 tỷ đồng, gấp 3 lần mức bình quân của cả nước.", "5", "3"),
    ("Năng suất lúa đạt 7,2 tấn/ha, cao gấp 1,5 lần vùng lân cận.", "7,2", "1,5"),
    ("Thời gian cấp phép bình quân 6 ngày làm việc, giảm 4 ngày so với quy định.", "6", "4"),
    ("Tổng chiều dài kênh đạt 42 km, tăng 7 km so với thiết kế ban đầu.", "42", "7"),
    ("Xã có 1.150 hộ dùng nước sạch, tăng 90 hộ so với năm 2023.", "1.150", "90"),
    # a comparative against the same period, in the figure's own unit: how far it moved
    ("Độ mặn cao nhất là 12,5‰, cao hơn 2,1‰ so với cùng kỳ.", "12,5", "2,1"),
    ("Đàn trâu còn 8.400 con, ít hơn 260 con so với cùng kỳ.", "8.400", "260"),
]


@pytest.mark.parametrize(("text", "figure", "compared"), QUALIFYING)
def test_qualifiers_comparison_qualifies_the_figure_before(builder, text, figure, compared):
    drafts = drafts_of(builder, text)
    assert compared not in drafts, list(drafts)
    assert drafts[figure].change_percent is None


# a multiple against a time base stays a change; with nothing before it, a comparison is the figure
# (sentence, value_text, value, unit, change_percent)
KEPT = [
    ("Lượng khách đạt 12.000 lượt, gấp 2 lần cùng kỳ.", "12.000", Decimal(12000), "lượt", 100),
    ("Số ca mắc tay chân miệng gấp 4 lần cùng kỳ.", "4", Decimal(4), "lần", None),
    ("Thuê bao cố định giảm 320 thuê bao so với năm trước.", "320", -320, "thuê bao", None),
    ("Số hộ cận nghèo tăng 45 hộ so với đầu năm.", "45", Decimal(45), "hộ", None),
    ("Toàn tỉnh có 86 xã, tăng 12 xã đạt chuẩn nông thôn mới.", "12", Decimal(12), "xã", None),
]


@pytest.mark.parametrize(("text", "value_text", "value", "unit", "change"), KEPT)
def test_qualifiers_time_based_or_lone_comparisons_stay(
    builder, text, value_text, value, unit, change
):
    d = drafts_of(builder, text)[value_text]
    assert (d.quantity.value, d.unit) == (value, unit)
    assert d.change_percent == (Decimal(change) if change is not None else None)


# which figure a change or share of plan belongs to when several stand before it
# (sentence, value_text with the qualifier, its change, value_texts with none)
WHICH_FIGURE = [
    # the qualifier names the counted noun of one of them
    (
        "Công an tỉnh bắt 214 vụ, 305 đối tượng buôn lậu, tăng 8,5% số vụ so với cùng kỳ.",
        "214",
        8.5,
        ["305"],
    ),
    ("Ngành xử lý 96 vụ, 120 đối tượng, giảm 4% số đối tượng so với năm trước.", "120", -4, ["96"]),
    # a share that restates the count before it is passed over
    (
        "Toàn tỉnh có 185.400 người tham gia BHYT, đạt 92,5% dân số, tăng 3,1% so với cùng kỳ.",
        "185.400",
        3.1,
        ["92,5"],
    ),
    (
        "Có 1.260 doanh nghiệp nộp thuế điện tử, chiếm 97%, tăng 6% so với năm trước.",
        "1.260",
        6,
        ["97"],
    ),
    # otherwise the nearest figure before it
    (
        "Tỉnh có 420 hợp tác xã với 12.800 thành viên, tăng 5% so với năm trước.",
        "12.800",
        5,
        ["420"],
    ),
    ("Xã có 860 hộ, tỷ lệ hộ có nước sạch đạt 96%, tăng 2% so với năm trước.", "96", 2, ["860"]),
    # a bounded count that only says which things the count before it is of is passed over
    (
        "Trạm ghi nhận 512 lượt xe chở quá tải trên 20 tấn, giảm 18% so với cùng kỳ.",
        "512",
        -18,
        ["20"],
    ),
    (
        "Tỉnh có 240 tàu cá dài từ 15 m trở lên, tăng 6% so với năm trước.",
        "240",
        6,
        [],
    ),
    # an approximate second figure, or one after a conjunction, is a figure of its own
    (
        "Xảy ra 31 điểm sạt lở với chiều dài khoảng 4.200 m, tăng 12% so với cùng kỳ.",
        "4.200",
        12,
        ["31"],
    ),
    (
        "Lực lượng chức năng xử lý 45 vụ và thu giữ trên 2 tấn hàng, tăng 10% so với cùng kỳ.",
        "2",
        10,
        ["45"],
    ),
]


@pytest.mark.parametrize(("text", "value_text", "change", "without"), WHICH_FIGURE)
def test_qualifiers_change_goes_to_the_figure_it_belongs_to(
    builder, text, value_text, change, without
):
    drafts = drafts_of(builder, text)
    assert float(drafts[value_text].change_percent) == change
    for v in without:
        assert drafts[v].change_percent is None, v


# a bounded percentage led to by the verb of the count before it says which things are
# counted: no record of its own; after a comma it is a figure (or a share of plan)
# (sentence, the count, the percentage, whether the percentage is a record)
THRESHOLDS = [
    ("Có 7/15 đơn vị giải ngân trên 70% kế hoạch vốn.", "7/15", "70", False),
    ("Vẫn còn 3 chủ đầu tư giải ngân dưới 25%.", "3", "25", False),
    ("Có 42 doanh nghiệp có hơn 50% lao động là nữ.", "42", "50", False),
    ("Có 1.200 hộ thoát nghèo, chiếm hơn 30% số hộ nghèo.", "1.200", "30", True),
    ("Toàn tỉnh có 96 xã, trên 85% dân số dùng nước sạch.", "96", "85", True),
    ("Huyện giải ngân 410 tỷ đồng, đạt trên 60% kế hoạch.", "410", "60", False),
    # a sum with a strict bound after the count's verb and a noun: which things are counted
    ("Có 11 mặt hàng đạt kim ngạch trên 500 triệu USD.", "11", "500", False),
    ("Có 12 dự án có vốn đầu tư trên 500 tỷ đồng.", "12", "500", False),
    ("Có 37 doanh nghiệp nộp thuế hơn 100 tỷ đồng.", "37", "100", False),
    # a total, an approximate sum or a sum the copula states is a figure
    ("Tỉnh thu hút 25 dự án với tổng vốn hơn 3.000 tỷ đồng.", "25", "3.000", True),
    ("Huyện có 40 hộ vay khoảng 2 tỷ đồng.", "40", "2", True),
    ("Có 30 hộ được giải ngân, đạt hơn 2 tỷ đồng.", "30", "2", True),
    # a level with 'trở lên' / 'trở xuống' after a count, whatever its unit
    ("Môn Lịch sử có 74 bài thi đạt từ 9 điểm trở lên.", "74", "9", False),
    ("Có 211 thí sinh đạt tổng điểm từ 26 điểm trở lên.", "211", "26", False),
    ("Huyện có 12 xã có từ 500 hộ trở lên.", "12", "500", False),
    ("Có 40 xã, 20 xã trở lên đạt chuẩn.", "40", "20", True),
    # after a percentage too: the floor says which things the percentage counts
    ("Có 92,5% học sinh đạt từ 5 điểm trở lên.", "92,5", "5", False),
    ("Tỷ lệ hộ có 2 con trở lên chiếm 35%.", "35", "2", False),
]


# a floor before the figure it defines: a copula or existential between, no comma; or in
# brackets (sentence, the figure, the floor, whether the floor is a record)
GROUP_FLOORS = [
    ("Số hộ nuôi từ 50 con bò trở lên là 312 hộ.", "312", "50", False),
    ("Doanh nghiệp có từ 200 lao động trở lên đạt 41 đơn vị.", "41", "200", False),
    ("Số xe từ 16 chỗ trở lên có 2.150 chiếc.", "2.150", "16", False),
    (
        "Tôm loại 1 (từ 40 con/kg trở xuống) được mua với giá 210.000 đồng/kg.",
        "210.000",
        "40",
        False,
    ),
    # negatives: a floor that is the figure, or a comma before the next
    ("Toàn tỉnh có 18 xã trở lên.", "18", "18", True),
    ("Có 25 xã đạt từ 15 tiêu chí trở lên, 6 xã đạt chuẩn nâng cao.", "6", "25", True),
    ("Có 300 hộ trở lên được hỗ trợ, 40 hộ chưa được hỗ trợ.", "40", "300", True),
]


@pytest.mark.parametrize(("text", "figure", "floor", "kept"), GROUP_FLOORS)
def test_records_floor_defines_the_next_figure(builder, text, figure, floor, kept):
    drafts = drafts_of(builder, text)
    assert figure in drafts
    assert (floor in drafts) == kept, list(drafts)


@pytest.mark.parametrize(("text", "count", "percent", "kept"), THRESHOLDS)
def test_records_threshold_percentage_after_a_count(builder, text, count, percent, kept):
    drafts = drafts_of(builder, text)
    assert count in drafts
    assert (percent in drafts) == kept, list(drafts)


# 'cao/thấp hơn' the same period is a change of the figure before it; against anything
# else it compares two things and gives the figure no change
# (sentence, value_text, change_percent)
HIGHER_LOWER = [
    (
        "Giá tôm thẻ dao động 95.000-110.000 đồng/kg, cao hơn cùng kỳ khoảng 8%.",
        "95.000-110.000",
        8,
    ),
    ("Sản lượng cà phê đạt 41.000 tấn, thấp hơn năm trước 6,5%.", "41.000", -6.5),
    ("Giá điều thô đạt 32.000 đồng/kg, cao hơn so với cùng kỳ 12%.", "32.000", 12),
    ("Lãi suất cho vay bình quân 7,2%, thấp hơn mức trần 1%.", "7,2", None),
    ("Giá lúa đạt 7.200 đồng/kg, thấp hơn 5% so với cùng kỳ.", "7.200", -5),
    ("Lượng mưa đạt 1.850 mm, nhiều hơn 12% so với năm trước.", "1.850", 12),
    ("Năng suất lúa đạt 6,1 tấn/ha, cao hơn bình quân cả nước 0,3 tấn.", "6,1", None),
]


@pytest.mark.parametrize(("text", "value_text", "change"), HIGHER_LOWER)
def test_qualifiers_higher_or_lower_than_the_same_period(builder, text, value_text, change):
    d = drafts_of(builder, text)[value_text]
    assert d.change_percent == (Decimal(str(change)) if change is not None else None)
