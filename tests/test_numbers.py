"""Number parsing: a table of written forms -> exact values (sentences written for these tests)."""

from decimal import Decimal

import pytest

from vnextract.numbers import find_quantities, parse_number

D = Decimal


@pytest.mark.parametrize(
    ("written", "value"),
    [
        ("2.957.000", D(2957000)),
        ("81,62", D("81.62")),
        ("1.620", D(1620)),
        ("11,496", D("11.496")),
        ("06", D(6)),
        ("04", D(4)),
        ("0,5", D("0.5")),
        ("1.234.567,89", D("1234567.89")),
        ("100", D(100)),
        ("1,234,567", D(1234567)),
        ("12.5", D("12.5")),
    ],
)
def test_numbers_parse_number(written, value):
    assert parse_number(written) == value


# (sentence, value_text, value, extras)
# extras: value_max, total, percent, currency, per, unit_text
POSITIVE = [
    ("Toàn tỉnh có 2.957.000 thuê bao di động.", "2.957.000", D(2957000), {}),
    ("Mật độ đạt 81,62 máy/100 dân.", "81,62", D("81.62"), {"per": "100 dân", "unit_text": "máy"}),
    ("Đã đăng hơn 1.620 tin, bài.", "1.620", D(1620), {}),
    ("Doanh thu đạt 4.670 tỷ đồng.", "4.670", D(4670) * 10**9, {"currency": "VND"}),
    ("Thu ngân sách 11,496 nghìn tỉ đồng.", "11,496", D("11496") * 10**9, {"currency": "VND"}),
    ("Có 1,2 triệu thuê bao băng rộng.", "1,2", D(1200000), {}),
    ("Huy động 3,5 nghìn tỷ đồng vốn.", "3,5", D("3.5") * 10**12, {"currency": "VND"}),
    ("Tổng vốn khoảng 250 triệu đồng.", "250", D(250000000), {"currency": "VND"}),
    ("Hỗ trợ 2 tỉ đồng cho xã.", "2", D(2000000000), {"currency": "VND"}),
    ("Kim ngạch đạt 5 ngàn tỷ đồng.", "5", D(5) * 10**12, {"currency": "VND"}),
    ("Giá trị 700 nghìn đồng mỗi bộ.", "700", D(700000), {"currency": "VND"}),
    ("Tỷ lệ đạt 98,72%.", "98,72", D("98.72"), {"percent": True}),
    ("Tăng 12 % so với cùng kỳ.", "12", D(12), {"percent": True}),
    ("Chiếm 35 phần trăm tổng số.", "35", D(35), {"percent": True}),
    ("Đạt 100% kế hoạch.", "100", D(100), {"percent": True}),
    ("Kết nối 9/17 hệ thống.", "9/17", D(9), {"total": D(17)}),
    ("Đủ 460/460 xã có điểm phục vụ.", "460/460", D(460), {"total": D(460)}),
    ("Có 15 / 20 sở bố trí cán bộ.", "15 / 20", D(15), {"total": D(20)}),
    (
        "Hộ có cáp quang (5.200 hộ/8.000 hộ).",
        "5.200",
        D(5200),
        {"total": D(8000), "unit_text": "hộ"},
    ),
    (
        "Tăng trưởng 15-20%/năm.",
        "15-20",
        D(15),
        {"value_max": D(20), "percent": True, "per": "năm"},
    ),
    ("Tăng trưởng 15 – 20% mỗi năm.", "15 – 20", D(15), {"value_max": D(20), "percent": True}),
    ("Mỗi xã có từ 3 đến 5 tổ.", "3 đến 5", D(3), {"value_max": D(5)}),
    ("Thù lao 700.000 đồng/tháng.", "700.000", D(700000), {"currency": "VND", "per": "tháng"}),
    ("Phí 25.000 đồng/người.", "25.000", D(25000), {"currency": "VND", "per": "người"}),
    (
        "Mật độ 64,34 thuê bao/100 dân.",
        "64,34",
        D("64.34"),
        {"per": "100 dân", "unit_text": "thuê bao"},
    ),
    (
        "Đạt 85.000 lượt truy cập/ngày.",
        "85.000",
        D(85000),
        {"per": "ngày", "unit_text": "lượt truy cập"},
    ),
    ("Biên chế 06 cán bộ.", "06", D(6), {}),
    ("Xử lý còn 15 phút mỗi hồ sơ.", "15", D(15), {}),
    ("Phát sóng 18 giờ mỗi ngày.", "18", D(18), {}),
    ("Giải quyết trong 3 ngày làm việc.", "3", D(3), {}),
    ("Tốc độ đạt 1.5% mỗi quý.", "1.5", D("1.5"), {"percent": True}),
    ("Có 1,234,567 lượt truy cập.", "1,234,567", D(1234567), {}),
    ("Có 50 CSDL chuyên ngành.", "50", D(50), {}),
    ("Tổng số 3.436.164 lượt văn bản.", "3.436.164", D(3436164), {}),
    ("Cấp 12.245 bộ chữ ký số.", "12.245", D(12245), {}),
    ("Có 72,6 tỷ USD kim ngạch.", "72,6", D("72.6") * 10**9, {"currency": "USD"}),
    ("Đạt 112,5 Mbps.", "112,5", D("112.5"), {}),
    ("Đầu tư 1.812 nghìn tỷ đồng.", "1.812", D(1812) * 10**12, {"currency": "VND"}),
    ("Số hộ: 4.233.", "4.233", D(4233), {}),
    ("Có 0 sự cố.", "0", D(0), {}),
    ("Tổng đài đã tiếp nhận 4.500 cuộc gọi.", "4.500", D(4500), {}),
]


@pytest.mark.parametrize(("sentence", "value_text", "value", "extras"), POSITIVE)
def test_numbers_find_forms(sentence, value_text, value, extras):
    found = find_quantities(sentence)
    assert [q.value_text for q in found] == [value_text]
    q = found[0]
    assert q.value == value
    assert sentence[q.start : q.end] == value_text
    assert q.value_max == extras.get("value_max")
    assert q.total == extras.get("total")
    assert q.percent == extras.get("percent", False)
    assert q.currency == extras.get("currency")
    assert q.per == extras.get("per")
    assert q.unit_text == extras.get("unit_text")


def test_numbers_exact_decimal_has_no_float_artefacts():
    q = find_quantities("Doanh thu ước đạt 4.670 tỷ đồng.")[0]
    assert str(q.value) == "4670000000000"
    q = find_quantities("Tỷ lệ 0,1%.")[0]
    assert str(q.value) == "0.1"


NEGATIVE = [
    "Quyết định số 115/2004/QĐ-UB của tỉnh.",
    "Thực hiện Nghị quyết số 09-NQ/TU.",
    "Theo Kế hoạch số 586/KH-UBND.",
    "Văn bản 81/2004/QĐ-UB-NV đã ban hành.",
    "Chỉ thị 23-CT/TU được quán triệt.",
    "Đường dây nóng: 0917 681 188.",
    "Gọi 0912.345.678 để được hỗ trợ.",
    "Liên hệ (0238) 3844 555.",
    "Gửi thư về hotro@sotttt.vn nhé.",
    "Truy cập https://dichvucong.gov.vn/p1 để nộp.",
    "Xem tại www.baolaocai.vn mỗi ngày.",
    "Kiến trúc phiên bản 2.0 đã cập nhật.",
    "Cách mạng công nghiệp 4.0 đang diễn ra.",
    "Phủ sóng 3G, 4G và thử nghiệm 5G.",
    "Chuyển sang địa chỉ IPv6 hoàn toàn.",
    "Dịch vụ công mức độ 3 và mức độ 4.",
    "Hồ sơ trực tuyến mức độ 3-4 tăng.",
    "Hệ thống cấp độ 3 được phê duyệt.",
    "Đại hội lần thứ 19 thành công.",
    "Xem Ảnh 2 bên dưới.",
    "Trải qua 18 năm xây dựng.",
    "Sau 2 năm triển khai đề án.",
    "Người từ 15 tuổi trở lên.",
    "Bảo đảm vận hành 24/7 liên tục.",
    "Cập nhật lúc 15:22 hôm nay.",
    "Giờ GMT+7 tại Hà Nội.",
    "Họp ngày 12/8 tại tỉnh.",
    "Ký ngày 05/11/2004 tại Vinh.",
    "Thành lập 11-3-2005.",
    "Giai đoạn 2021-2025 đạt kết quả.",
    "Từ 2021 – 2030 và năm 2050.",
    "Trụ sở Số 6 – Trần Huy Liệu.",
    "Tổng đài 1022 đã tiếp nhận phản ánh.",
    "Tổng đài thông tin dịch vụ công 1022 hoạt động cả ngày.",
    "Gọi đường dây nóng 1900 để được giải đáp.",
    "Đặt tại tầng 9 tòa nhà.",
    "Khu vực ha1 ảnh.",
    "Chủng virus COVID-19 đã qua.",
]


@pytest.mark.parametrize("sentence", NEGATIVE)
def test_numbers_skip_non_figures(sentence):
    assert find_quantities(sentence) == []


def test_numbers_exclude_spans_are_respected():
    text = "Năm 2023 có 140 nhiệm vụ."
    assert [q.value_text for q in find_quantities(text, exclude=[(12, 15)])] == []


def test_numbers_two_figures_keep_order_and_offsets():
    text = "Có 22.889 hộ và 66 sản phẩm OCOP; 38 sản phẩm khác."
    found = find_quantities(text)
    assert [q.value_text for q in found] == ["22.889", "66", "38"]
    assert all(text[q.start : q.end] == q.value_text for q in found)
