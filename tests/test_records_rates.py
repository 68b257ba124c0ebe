"""Rates written after a slash: chained bases ('đồng/người/tháng') and bases beyond time and
people ('đồng/kWh', 'bác sĩ/vạn dân', 'ngày/phản ánh').

Sentences written for these tests (welfare, energy, health, farming, public services).
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


def _drafts(builder: RecordBuilder, sentence: str) -> list:
    dates = find_dates(sentence)
    quantities = find_quantities(sentence, exclude=[(d.start, d.end) for d in dates])
    ctx = SentenceContext(published_year=2024, target_paragraph=False)
    return builder.build(sentence, quantities, dates, [], ctx).drafts


# (sentence, value_text, unit, per)
RATES = [
    ("Người cao tuổi được trợ cấp 360.000 đồng/người/tháng.", "360.000", "VND", "người/tháng"),
    ("Học viên được hỗ trợ tiền ăn 50.000 đồng/người/ngày.", "50.000", "VND", "người/ngày"),
    ("Năng suất lúa bình quân đạt 61,5 tạ/ha/vụ.", "61,5", "tạ", "ha/vụ"),
    ("Mô hình cá - lúa cho lãi 95 triệu đồng/ha/năm.", "95", "VND", "ha/năm"),
    ("Sản lượng nấm đạt 4,2 tấn/ha/năm ở vùng chuyên canh.", "4,2", "tấn", "ha/năm"),
    ("Giá bán lẻ điện bình quân là 2.103,5 đồng/kWh.", "2.103,5", "VND", "kwh"),
    ("Vàng miếng được mua vào ở mức 8,35 triệu đồng/chỉ.", "8,35", "VND", "chỉ"),
    ("Toàn tỉnh có 1.120 bác sĩ, bình quân 9,6 bác sĩ/vạn dân.", "9,6", "bác sĩ", "vạn dân"),
    ("Bệnh viện tuyến huyện đạt 28,4 giường bệnh/vạn dân.", "28,4", "giường bệnh", "vạn dân"),
    ("Thời gian trả lời bình quân còn 2,8 ngày/phản ánh.", "2,8", "ngày", "phản ánh"),
    ("Số lần mất điện bình quân là 3,1 lần/khách hàng.", "3,1", "lần", "khách hàng"),
    ("Cả tỉnh có 1,12 tài khoản/người trưởng thành.", "1,12", "tài khoản", "người trưởng thành"),
    ("Khách lưu trú chi tiêu 1,2 triệu đồng/lượt khách.", "1,2", "VND", "lượt khách"),
    # a price's base no list holds: one or two words closed by punctuation or a stop, or
    # an abbreviation; a listed base that more words follow stays the listed one
    (
        "Mỗi gia đình chính sách được tặng quà 400.000 đồng/suất, trao tận nhà.",
        "400.000",
        "VND",
        "suất",
    ),
    ("Quỹ hỗ trợ sửa chữa với mức 40 triệu đồng/nhà.", "40", "VND", "nhà"),
    ("Vốn đối ứng bình quân 520 triệu đồng/dự án trong năm.", "520", "VND", "dự án"),
    ("Doanh thu bình quân đạt 2,7 tỷ đồng/HTX; lãi ròng tăng.", "2,7", "VND", "htx"),
    (
        "Tiền công thu hoạch chè là 350.000 đồng/ngày công, cao hơn năm trước.",
        "350.000",
        "VND",
        "ngày công",
    ),
    ("Cây giống được bán với giá 8.000 đồng/cây cho các hộ.", "8.000", "VND", "cây"),
    ("Chi phí xét nghiệm khoảng 1,1 triệu đồng/liều.", "1,1", "VND", "liều"),
    ("Giá lợn hơi còn 52.000 đồng/kg lợn hơi xuất chuồng.", "52.000", "VND", "kg"),
    ("Mức hỗ trợ 50 triệu đồng/căn xây mới và 25 triệu đồng/căn sửa chữa.", "50", "VND", "căn"),
    # a word opening a stop ends the base ('đối với', 'so với')
    ("Giá thu mua 45.000-52.000 đồng/kg đối với cà phê nhân.", "45.000-52.000", "VND", "kg"),
    ("Giá lúa cao hơn 700 đồng/kg so với vụ trước.", "700", "VND", "kg"),
    ("Phí dịch vụ 25.000 đồng/lượt so với 30.000 đồng năm trước.", "25.000", "VND", "lượt"),
    # three words or no close: no base is read; a slash between nouns is no rate
    ("Chi phí 20.000 đồng/lượt khám sức khỏe định kỳ tại trạm.", "20.000", "VND", "lượt"),
    ("Giá vé 30.000 đồng/người lớn tuổi ưu tiên vào cửa.", "30.000", "VND", "người"),
    ("Tỉnh có 96 xã/phường đạt chuẩn nông thôn mới.", "96", "xã", None),
    # the slash is no rate: the per stays empty
    ("Toàn huyện có 24 xã, thị trấn với 8.300 hộ dân.", "8.300", "hộ", None),
    ("Đã kết nối 14/16 xã với mạng cáp quang.", "14/16", "xã", None),
    # 'mỗi X' after the amount or before it in its comma segment is the base too
    ("Hỗ trợ 150.000 đồng cho mỗi hộ nghèo trong dịp Tết.", "150.000", "VND", "hộ"),
    ("Trạm y tế bố trí 2 nhân viên mỗi ca trực.", "2", "nhân viên", "ca"),
    ("Bình quân 4.200 người mỗi điểm tiêm chủng.", "4.200", "người", "điểm"),
    ("Kinh phí bình quân 45 triệu đồng mỗi công trình.", "45", "VND", "công trình"),
    ("Mỗi hộ tái định cư được hỗ trợ 80 triệu đồng.", "80", "VND", "hộ"),
    ("Mỗi trung tâm y tế được bố trí 3 bác sĩ.", "3", "bác sĩ", "trung tâm"),
    ("Mỗi hộ gia đình có ít nhất 01 người biết sơ cứu.", "01", "người", "hộ gia đình"),
    ("Bưu điện chi trả lương hưu cho 12.600 người mỗi tháng.", "12.600", "người", "tháng"),
    ("Năng suất cá đạt 18 tấn trên 01 ha mặt nước.", "18", "tấn", "ha"),
    ("Năng suất khoảng 900 kg trên 1 ha lúa tôm.", "900", "kg", "ha"),
    # a slash base wins; a 'mỗi' behind a comma or in another clause is no base of the figure
    ("Mỗi tổ viên được hỗ trợ 150.000 đồng/người/tháng.", "150.000", "VND", "người/tháng"),
    ("Mỗi năm, tỉnh tổ chức hội chợ; năm nay thu hút 320 gian hàng.", "320", "gian hàng", None),
    ("Mỗi thôn, tổ dân phố đã có 01 tổ công nghệ số.", "01", "tổ", None),
    ("Tỉnh có 150 trạm, trên 1 triệu hộ dùng nước sạch.", "1", "hộ", None),
]


@pytest.mark.parametrize(("sentence", "value_text", "unit", "per"), RATES)
def test_records_rates_chained_and_open_bases(builder, sentence, value_text, unit, per):
    match = [d for d in _drafts(builder, sentence) if d.quantity.value_text == value_text]
    assert match, [d.quantity.value_text for d in _drafts(builder, sentence)]
    d = match[0]
    got_unit = d.unit if d.unit == "VND" else d.unit.lower()
    assert (got_unit, d.per and d.per.lower()) == (unit, per)


# a change 'bình quân' / 'trung bình' a year is the figure, signed, with its base
# (sentence, value_text, value, value_max, per, kind)
AVERAGE_CHANGES = [
    ("Phấn đấu tỷ lệ hộ nghèo giảm bình quân 2-3%/năm.", "2-3", -2, -3, "năm", "target"),
    ("Giá trị sản xuất nông nghiệp tăng bình quân 4,5%/năm.", "4,5", 4.5, None, "năm", "actual"),
    ("Tổng sản phẩm trên địa bàn tăng trung bình 7%/năm.", "7", 7, None, "năm", "actual"),
    # the verb opens the subject: the figure after it is as written
    ("Giảm tỷ lệ hộ nghèo bình quân 1-1,5%/năm.", "1-1,5", 1, 1.5, "năm", "actual"),
]


@pytest.mark.parametrize(
    ("sentence", "value_text", "value", "value_max", "per", "kind"), AVERAGE_CHANGES
)
def test_records_rates_average_change_a_year(
    builder, sentence, value_text, value, value_max, per, kind
):
    (d,) = [d for d in _drafts(builder, sentence) if d.quantity.value_text == value_text]
    q = d.quantity
    assert (float(q.value), q.value_max and float(q.value_max)) == (value, value_max)
    assert (d.per, d.kind) == (per, kind)


# a per cue before the number gives its base, unless the number counts who receives what
# the cue measures ('trợ cấp hằng tháng cho 8.400 người')
PER_CUES = [
    ("Mỗi tháng Trung tâm tiếp nhận khoảng 2.300 cuộc gọi.", "2.300", "tháng"),
    ("Hằng năm huyện trồng mới 150 ha rừng.", "150", "năm"),
    ("Thu nhập bình quân đầu người đạt 58 triệu đồng.", "58", "người"),
    # per capita is part of what is measured: it holds across its comma part
    (
        "Thu nhập bình quân đầu người của đồng bào vùng cao năm 2024 ước đạt 41 triệu đồng.",
        "41",
        "người",
    ),
    ("GRDP bình quân đầu người đến năm 2030 đạt khoảng 7.200 USD.", "7.200", "người"),
    # a far 'hằng năm' does not
    ("Hằng năm, đoàn viên thanh niên toàn huyện tham gia trồng 12.000 cây xanh.", "12.000", None),
    ("Xã chi trả trợ cấp hằng tháng cho 8.400 người.", "8.400", None),
    ("Quỹ cấp học bổng hằng năm tới 320 sinh viên nghèo.", "320", None),
    ("Hằng tháng, bưu điện chi trả lương hưu cho 12.600 người.", "12.600", None),
]


@pytest.mark.parametrize(("sentence", "value_text", "per"), PER_CUES)
def test_records_rates_per_cue_not_for_recipients(builder, sentence, value_text, per):
    drafts = {d.quantity.value_text: d for d in _drafts(builder, sentence)}
    assert drafts[value_text].per == per
