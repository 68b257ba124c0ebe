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
    # the slash is no rate: the per stays empty
    ("Toàn huyện có 24 xã, thị trấn với 8.300 hộ dân.", "8.300", "hộ", None),
    ("Đã kết nối 14/16 xã với mạng cáp quang.", "14/16", "xã", None),
    ("Hỗ trợ 150.000 đồng cho mỗi hộ nghèo trong dịp Tết.", "150.000", "VND", None),
]


@pytest.mark.parametrize(("sentence", "value_text", "unit", "per"), RATES)
def test_records_rates_chained_and_open_bases(builder, sentence, value_text, unit, per):
    match = [d for d in _drafts(builder, sentence) if d.quantity.value_text == value_text]
    assert match, [d.quantity.value_text for d in _drafts(builder, sentence)]
    d = match[0]
    got_unit = d.unit if d.unit == "VND" else d.unit.lower()
    assert (got_unit, d.per and d.per.lower()) == (unit, per)
