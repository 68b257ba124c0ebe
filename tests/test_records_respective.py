"""Changes listed after a list of counts, one for each in order ('..., làm hỏng 40 nhà, 12
cầu; so với cùng kỳ giảm 8,5% và 3,1%'), and a change in a later clause that names the
figure before it ('; con số này tăng 4%'): each is its figure's change_percent, never a
record. Sentences written for these tests.
"""

from __future__ import annotations

from decimal import Decimal

import pytest

from vnextract.core.rules import default_rules
from vnextract.core.textnorm import Folder
from vnextract.figures.dates import find_dates
from vnextract.figures.numbers import find_quantities
from vnextract.records.builder import RecordBuilder, SentenceContext
from vnextract.segment.sentences import CLAUSE_MARKS


@pytest.fixture(scope="module")
def builder() -> RecordBuilder:
    rules = default_rules()
    return RecordBuilder(rules["records.yml"], Folder(rules["text.yml"]))


def changes_of(builder: RecordBuilder, text: str) -> dict[str, Decimal | None]:
    dates = find_dates(text)
    quantities = find_quantities(text, exclude=[(d.start, d.end) for d in dates])
    breaks = [i for i, ch in enumerate(text) if ch in CLAUSE_MARKS]
    result = builder.build(text, quantities, dates, breaks, SentenceContext(published_year=2024))
    return {d.quantity.value_text: d.change_percent for d in result.drafts}


# (sentence, each record's value text and change_percent; no other record)
CASES = [
    (
        "Toàn tỉnh xảy ra 54 vụ cháy, làm chết 3 người, bị thương 17 người; "
        "so với cùng kỳ giảm 10,2%, 25% và 5,6%.",
        {"54": Decimal("-10.2"), "3": Decimal(-25), "17": Decimal("-5.6")},
    ),
    (
        "Cảng đón 920 tàu, 1,4 triệu tấn hàng; so với năm trước tăng lần lượt 6,5% và 11%.",
        {"920": Decimal("6.5"), "1,4": Decimal(11)},
    ),
    (
        "Mưa lũ làm sập 26 nhà, hư hỏng 310 nhà; so với cùng kỳ năm 2023, giảm 4 nhà "
        "(13,3%), giảm 45 nhà (12,7%).",
        {"26": Decimal("-13.3"), "310": Decimal("-12.7")},
    ),
    (
        "Huyện cấp 1.480 thẻ bảo hiểm y tế; con số này tăng 7,3% so với năm 2023.",
        {"1.480": Decimal("7.3")},
    ),
    # beside them: a change of its own after ';' (after one count, after two), a change in
    # its own clause
    (
        "Toàn tỉnh có 120 hợp tác xã; doanh thu bình quân tăng 8,4% so với cùng kỳ.",
        {"120": None, "8,4": None},
    ),
    (
        "Xã có 320 hộ nghèo, 150 hộ cận nghèo; tỷ lệ hộ nghèo giảm 2,1% so với năm trước.",
        {"320": None, "150": None, "2,1": None},
    ),
    (
        "Cảng đón 920 tàu, tăng 6,5% so với năm trước; sản lượng hàng đạt 1,4 triệu tấn.",
        {"920": Decimal("6.5"), "1,4": None},
    ),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_records_respective_changes_go_to_their_figures(builder, text, expected):
    assert changes_of(builder, text) == expected


# an absolute change with its percentage in brackets after a single count: the percentage
# is the count's change, the absolute change no record
BRACKETED = [
    (
        "Năm 2024 toàn huyện xảy ra 215 vụ trộm cắp tài sản, giảm 19 vụ (8,1%) so với cùng kỳ.",
        {"215": Decimal("-8.1")},
    ),
    (
        "Tai nạn lao động làm chết 14 người, tăng 3 người (27,3%); bị thương 52 người.",
        {"14": Decimal("27.3"), "52": None},
    ),
    # no count before it: the absolute change is the record, its percentage its change
    (
        "So với cùng kỳ, số vụ vi phạm giảm 41 vụ (12,5%).",
        {"41": Decimal("-12.5")},
    ),
]


@pytest.mark.parametrize(("text", "expected"), BRACKETED)
def test_records_bracketed_percentage_of_an_absolute_change(builder, text, expected):
    assert changes_of(builder, text) == expected


def build_pair(builder: RecordBuilder, first: str, second: str, *, gap: bool = False):
    """Drafts of ``first`` and of ``second`` read after it (``gap``: with a sentence with
    no figures between them)."""

    def build(text: str, **before):
        dates = find_dates(text)
        quantities = find_quantities(text, exclude=[(d.start, d.end) for d in dates])
        ctx = SentenceContext(published_year=2024)
        return builder.build(text, quantities, dates, (), ctx, **before).drafts

    one = build(first)
    two = build(second, earlier=one) if gap else build(second, previous=one)
    return one, two


# the next sentence names an earlier figure by its counted noun
NAMED = [
    (
        "Bưu điện huyện đã chuyển phát 12.460 bưu gửi hành chính công và chi trả "
        "3.210 suất trợ cấp.",
        "Con số bưu gửi này tăng 22% so với năm 2023.",
        "12.460",
        Decimal(22),
    ),
    (
        "Lực lượng chức năng đã bắt 68 đối tượng, thu 4,2 kg ma túy.",
        "Số đối tượng bị bắt giảm 9,3% so với cùng kỳ.",
        "68",
        Decimal("-9.3"),
    ),
    (
        "Dịch bệnh buộc tiêu hủy 3.420 con gia cầm với trọng lượng 7,5 tấn.",
        "Số gia cầm tiêu hủy tăng 41% so với năm trước.",
        "3.420",
        Decimal(41),
    ),
]


@pytest.mark.parametrize(("first", "second", "named", "change"), NAMED)
@pytest.mark.parametrize("gap", [False, True])
def test_records_change_naming_an_earlier_figure(builder, first, second, named, change, gap):
    one, two = build_pair(builder, first, second, gap=gap)
    assert {d.quantity.value_text: d.change_percent for d in one}[named] == change
    assert two == []


@pytest.mark.parametrize(
    ("first", "second"),
    [
        # another noun: a change of its own
        (
            "Bưu điện huyện đã chuyển phát 12.460 bưu gửi.",
            "Số doanh nghiệp dùng dịch vụ tăng 15% so với năm trước.",
        ),
        # an amount is never named by its counted noun
        ("Doanh thu đạt 56 tỷ đồng.", "Số tỷ đồng này tăng 5%."),
    ],
)
def test_records_change_naming_no_earlier_figure_is_its_own(builder, first, second):
    one, two = build_pair(builder, first, second)
    assert all(d.change_percent is None for d in one)
    assert [d.quantity.value_text for d in two] == [two[0].quantity.value_text]


def test_records_changes_naming_figures_counted_in_the_same_noun(builder):
    # 'số người chết' is the figure whose words say 'chết', not the last counted in 'người'
    one, two = build_pair(
        builder,
        "Trong quý, địa bàn xảy ra 42 vụ cháy nhà dân, làm chết 3 người, bị thương 11 người.",
        "So với cùng kỳ, số vụ giảm 8,7%, số người chết giảm 25%, số người bị thương tăng 10%.",
    )
    changes = {d.quantity.value_text: d.change_percent for d in one}
    assert changes == {"42": Decimal("-8.7"), "3": Decimal(-25), "11": Decimal(10)}
    assert two == []


@pytest.mark.parametrize(
    ("text", "changes", "own"),
    [
        # the noun after the percentage names a figure of the sentence: its change
        (
            "Công an huyện bắt 96 vụ, 130 đối tượng buôn lậu, giảm 4,5% số vụ so với năm trước.",
            {"96": Decimal("-4.5"), "130": None},
            [],
        ),
        # it names a new thing: a change of its own
        (
            "Tỉnh phấn đấu nâng tỷ lệ hồ sơ trực tuyến lên 85% và giảm 20% số lượt đi lại.",
            {"85": None},
            ["20"],
        ),
    ],
)
def test_records_change_with_its_noun_after_the_percentage(builder, text, changes, own):
    dates = find_dates(text)
    quantities = find_quantities(text, exclude=[(d.start, d.end) for d in dates])
    breaks = [i for i, ch in enumerate(text) if ch in CLAUSE_MARKS]
    ctx = SentenceContext(published_year=2024)
    drafts = builder.build(text, quantities, dates, breaks, ctx).drafts
    got = {d.quantity.value_text: d.change_percent for d in drafts if not d.standalone}
    assert got == changes
    assert [d.quantity.value_text for d in drafts if d.standalone] == own
