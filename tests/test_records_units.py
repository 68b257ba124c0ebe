"""Units of records counted in capitalised honours and certificates, peak power and water.

Sentences written for these tests (sport, culture, energy, water supply).
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


def _draft(builder: RecordBuilder, sentence: str, value_text: str):
    """The draft of ``value_text`` in ``sentence`` (its ';' clause breaks given)."""
    dates = find_dates(sentence)
    quantities = find_quantities(sentence, exclude=[(d.start, d.end) for d in dates])
    breaks = [i for i, c in enumerate(sentence) if c == ";"]
    ctx = SentenceContext(published_year=2024, target_paragraph=False)
    drafts = builder.build(sentence, quantities, dates, breaks, ctx).drafts
    match = [d for d in drafts if d.quantity.value_text == value_text]
    assert match, [d.quantity.value_text for d in drafts]
    return match[0]


# (sentence, value_text, unit, per)
UNITS = [
    ("Đoàn thể thao giành 18 Huy chương Vàng tại đại hội.", "18", "huy chương vàng", None),
    ("Đội tuyển mang về 7 Huy chương Bạc và nhiều giải phụ.", "7", "huy chương bạc", None),
    ("Các em đoạt 25 Huy chương Đồng ở giải trẻ.", "25", "huy chương đồng", None),
    ("Năm qua có 4 Huân chương Lao động được trao cho tập thể.", "4", "huân chương", None),
    ("Tỉnh tặng 120 Bằng khen cho các gương điển hình.", "120", "bằng khen", None),
    ("Ngành y cấp 56 Chứng chỉ hành nghề khám bệnh.", "56", "chứng chỉ", None),
    ("Trường trao 300 Giấy chứng nhận hoàn thành khóa học.", "300", "giấy chứng nhận", None),
    ("Sở tặng 35 Giấy khen cho học sinh giỏi.", "35", "giấy khen", None),
    ("Huyện hiện còn 9 Mẹ Việt Nam anh hùng đang sống.", "9", "mẹ việt nam anh hùng", None),
    ("Các đoàn thể nhận phụng dưỡng 12 Mẹ trên địa bàn.", "12", "mẹ", None),
    ("Điện mặt trời mái nhà đạt tổng công suất 95,6 MWp.", "95,6", "mwp", None),
    ("Mỗi hộ lắp hệ thống trung bình 5,5 kWp.", "5,5", "kwp", "hộ"),
    ("Nhà máy nước có công suất 42.000 m3/ngày đêm.", "42.000", "m3", "ngày đêm"),
    ("Trạm bơm cấp thêm 3.500 m3/ngày cho khu công nghiệp.", "3.500", "m3", "ngày"),
    ("Các hộ dùng bình quân 12 m3 nước mỗi tháng.", "12", "m3", None),
    # a listed two-word unit before its one-word head; a conjunction ends a noun unit
    ("Công an xử phạt 1.420 trường hợp vi phạm nồng độ cồn.", "1.420", "trường hợp", None),
    ("Thành phố có 41 chợ và 12 siêu thị.", "41", "chợ", None),
    ("Đã sửa 230 ngôi nhà hoặc công trình phụ.", "230", "ngôi nhà", None),
]


@pytest.mark.parametrize(("sentence", "value_text", "unit", "per"), UNITS)
def test_records_units_of_titled_and_technical_counts(builder, sentence, value_text, unit, per):
    draft = _draft(builder, sentence, value_text)
    assert (draft.unit.lower(), draft.per) == (unit, per)


# a bare number named before it, or an item of a list after a figure with a unit:
# (sentence, value_text, unit); '' when nothing names the unit
UNITS_BEFORE = [
    ("Môn Toán của học sinh lớp 9 có điểm trung bình 6,45.", "6,45", "điểm"),
    ("Thủ khoa khối D01 có tổng điểm 28,9.", "28,9", "điểm"),
    ("Điểm bình quân môn Lịch sử: 7,1.", "7,1", "điểm"),
    ("Môn Vật lý có điểm bình quân 6,8; môn Hóa học 7,05.", "7,05", "điểm"),
    ("Điểm chuẩn ngành Luật là 25,5, ngành Kinh tế 24.", "24", "điểm"),
    ("Huyện có 14 xã; thị trấn Phong Điền 6 thôn.", "6", "thôn"),
    # a list item a verb away from its figure, or a number with no noun, keeps no unit
    ("Năm nay tỉnh đón 12 đoàn; sau khi hoàn thành nâng cấp sân bay quốc tế lên 9.", "9", ""),
    ("Chỉ số năng lực cạnh tranh cấp tỉnh đạt 68,2.", "68,2", ""),
]


@pytest.mark.parametrize(("sentence", "value_text", "unit"), UNITS_BEFORE)
def test_records_units_named_before_a_bare_number(builder, sentence, value_text, unit):
    assert _draft(builder, sentence, value_text).unit.lower() == unit


# numbers joined by a comma or a conjunction share the noun after the last; a noun in
# quotes is counted, capitalised or not: (sentence, value_text, unit)
SHARED_AND_QUOTED = [
    ("Hai phường lần lượt có 1.245 và 980 hộ đăng ký.", "1.245", "hộ"),
    ("Ba năm qua trường có 12, 15 và 18 học sinh đạt giải.", "12", "học sinh"),
    ("Ba năm qua trường có 12, 15 và 18 học sinh đạt giải.", "15", "học sinh"),
    ("Mỗi xã cần 3 hoặc 4 cán bộ chuyên trách.", "3", "cán bộ"),
    # a number with its own noun keeps it
    ("Huyện trồng 5 ha sen, 12 hộ tham gia.", "5", "ha"),
    ("Thành phố có 41 chợ và 12 siêu thị.", "41", "chợ"),
    ("Công an tỉnh đã lập 820 “Tổ tự quản an ninh trật tự” ở khu trọ.", "820", "tổ tự"),
    ('Phường ra mắt 45 "điểm sáng văn hóa" trong năm.', "45", "điểm sáng"),
]


@pytest.mark.parametrize(("sentence", "value_text", "unit"), SHARED_AND_QUOTED)
def test_records_units_shared_along_a_list_and_quoted(builder, sentence, value_text, unit):
    assert _draft(builder, sentence, value_text).unit.lower() == unit
