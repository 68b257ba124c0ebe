"""Number parsing: a table of written forms -> exact values (sentences written for these tests)."""

from decimal import Decimal

import pytest

from vnextract.figures.numbers import find_quantities, number_finder, parse_number

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
    # school and health bases after a count
    ("Sĩ số bình quân 38 học sinh/lớp.", "38", D(38), {"per": "lớp", "unit_text": "học sinh"}),
    ("Định mức là 1,5 giáo viên/lớp.", "1,5", D("1.5"), {"per": "lớp", "unit_text": "giáo viên"}),
    ("Mỗi xã có 2 bác sĩ/trạm y tế.", "2", D(2), {"per": "trạm y tế", "unit_text": "bác sĩ"}),
    # per mille, glued or spaced
    ("Độ mặn đo được 28,4‰ tại cửa sông.", "28,4", D("28.4"), {"unit_text": "‰"}),
    # a base of several words after its number, and a bare base of two words
    (
        "Tỷ số giới tính 110,2 bé trai/100 bé gái.",
        "110,2",
        D("110.2"),
        {"per": "100 bé gái", "unit_text": "bé trai"},
    ),
    (
        "Tử vong 9,8 ca/100.000 trẻ đẻ sống.",
        "9,8",
        D("9.8"),
        {"per": "100.000 trẻ đẻ sống", "unit_text": "ca"},
    ),
    (
        "Tổng tỷ suất sinh 2,05 con/phụ nữ.",
        "2,05",
        D("2.05"),
        {"per": "phụ nữ", "unit_text": "con"},
    ),
    (
        "Có 9,1 bác sĩ/10.000 dân năm 2023.",
        "9,1",
        D("9.1"),
        {"per": "10.000 dân", "unit_text": "bác sĩ"},
    ),
    # a base of two words counted in people ('học sinh', 'hộ gia đình')
    (
        "Các trường miền núi mới có 0,6 máy chiếu/10 học sinh.",
        "0,6",
        D("0.6"),
        {"per": "10 học sinh", "unit_text": "máy chiếu"},
    ),
    (
        "Huyện có 3,4 giường lưu trú/100 hộ gia đình.",
        "3,4",
        D("3.4"),
        {"per": "100 hộ gia đình", "unit_text": "giường lưu trú"},
    ),
    # a round population base may stand after a long description of what is counted
    (
        "Bình quân có 87 người dùng ví điện tử thường xuyên/1.000 dân.",
        "87",
        D(87),
        {"per": "1.000 dân", "unit_text": "người dùng ví điện tử thường xuyên"},
    ),
    # a decimal percentage after a period word is no date
    ("Tăng trưởng GRDP cả năm 7,2% là khả thi.", "7,2", D("7.2"), {"percent": True}),
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


# -- issue 13: forms real articles write, read right ------------------------------------------
# (sentence, value_text, value, extras); extras as in POSITIVE, plus "bound"
MORE_FORMS = [
    # a verb ending in a document-part word is no document part ('quy tập', not 'tập 14')
    ("Năm nay đã quy tập 27 hài cốt liệt sĩ.", "27", D(27), {}),
    # a slash and a round population: a rate, not a share ('dân tộc' is no population)
    ("Mật độ thuê bao đạt 100/100 dân.", "100", D(100), {"per": "100 dân"}),
    ("Tỷ lệ mắc là 45,2/100.000 dân.", "45,2", D("45.2"), {"per": "100.000 dân"}),
    ("Có 9/10 huyện đạt chuẩn.", "9/10", D(9), {"total": D(10)}),
    ("Học sinh của trường thuộc 10/10 dân tộc trên địa bàn.", "10/10", D(10), {"total": D(10)}),
    ("Nhà máy phân loại 140 tấn rác mỗi ngày.", "140", D(140), {}),
    ("Xưởng may giày dép các loại 3.100 đôi mỗi tháng.", "3.100", D(3100), {}),
    ("Mỗi sinh viên học tập 12 học phần trong năm.", "12", D(12), {}),
    # letters and signs glued to the number
    ("Giá bán lẻ 140.000đ mỗi hộp.", "140.000", D(140000), {"currency": "VND"}),
    ("Vé vào cửa 50.000đ.", "50.000", D(50000), {"currency": "VND"}),
    ("Rau sạch bán 25.000đ/kg tại chợ.", "25.000", D(25000), {"currency": "VND", "per": "kg"}),
    ("Giá thịt 120.000đồng/kg.", "120.000", D(120000), {"currency": "VND", "per": "kg"}),
    ("Phí dịch vụ 30.000VNĐ mỗi lượt.", "30.000", D(30000), {"currency": "VND"}),
    ("Học phí 2.500.000₫ một kỳ.", "2.500.000", D(2500000), {"currency": "VND"}),
    ("Mỗi suất ăn 35.000 ₫.", "35.000", D(35000), {"currency": "VND"}),
    ("Căn hộ rộng 8,5m2 được bàn giao.", "8,5", D("8.5"), {"unit_text": "m2"}),
    ("Nhà văn hóa rộng 250m² đã xong.", "250", D(250), {"unit_text": "m²"}),
    ("Xe chạy tối đa 120km/h trên cao tốc.", "120", D(120), {"unit_text": "km", "per": "h"}),
    ("Tuyến đường dài 12km được nâng cấp.", "12", D(12), {"unit_text": "km"}),
    ("Mỗi hộ nhận 10kg gạo.", "10", D(10), {"unit_text": "kg"}),
    ("Trồng mới 35ha rừng.", "35", D(35), {"unit_text": "ha"}),
    ("Hồ chứa 1.200m3 nước.", "1.200", D(1200), {"unit_text": "m3"}),
    ("Điện mặt trời đạt 50MW công suất.", "50", D(50), {"unit_text": "MW"}),
    ("Băng thông 100Mbps cho trường học.", "100", D(100), {"unit_text": "Mbps"}),
    ("Vé xe buýt chỉ 7k một lượt.", "7k", D(7000), {"currency": "VND"}),
    ("Áo đồng phục giá 100k.", "100k", D(100000), {"currency": "VND"}),
    ("Thu nhập bình quân 1tr5 mỗi tuần.", "1tr5", D(1500000), {"currency": "VND"}),
    ("Phụ cấp 2tr mỗi tháng.", "2tr", D(2000000), {"currency": "VND"}),
    ("Giá thuê 3tr75 mỗi tháng.", "3tr75", D(3750000), {"currency": "VND"}),
    # a scale word typed without its space
    ("Lượng khách lưu trú ước 1,93triệu lượt.", "1,93", D(1930000), {}),
    ("Doanh thu cả năm đạt 47tỷ đồng.", "47", D(47 * 10**9), {"currency": "VND"}),
    ("Kho lạnh chứa 12nghìn tấn hàng.", "12", D(12000), {}),
    ("Giải ngân 6,5tỉ đồng cho dự án.", "6,5", D(6500000000), {"currency": "VND"}),
    ("Thu về 800triệu đồng từ phí.", "800", D(800000000), {"currency": "VND"}),
    ("Quỹ đạt 3ngàn tỷ đồng.", "3", D(3 * 10**12), {"currency": "VND"}),
    ("Kim ngạch đạt 1,2tỷ USD.", "1,2", D(1200000000), {"currency": "USD"}),
    # minus signs and 'âm'
    ("Tăng trưởng đạt -2,5% trong quý.", "-2,5", D("-2.5"), {"percent": True}),
    ("Chỉ số giá ở mức −0,3% so với tháng trước.", "−0,3", D("-0.3"), {"percent": True}),
    ("Tốc độ tăng (-1,2%) thấp hơn.", "-1,2", D("-1.2"), {"percent": True}),
    ("Lợi nhuận: -15 tỷ đồng.", "-15", D(-15) * 10**9, {"currency": "VND"}),
    ("Xuất khẩu tăng trưởng âm 4,1%.", "4,1", D("-4.1"), {"percent": True}),
    ("Nhiệt độ xuống âm 3 độ C.", "3", D(-3), {}),
    ("Chênh lệch thu chi âm 12 tỷ đồng.", "12", D(-12) * 10**9, {"currency": "VND"}),
    # thousands grouped by spaces
    ("Dân số tỉnh đạt 1 250 000 người.", "1 250 000", D(1250000), {}),
    ("Có 12 500 hộ được hỗ trợ.", "12 500", D(12500), {}),
    ("Tổng vốn 3 200 tỷ đồng.", "3 200", D(3200) * 10**9, {"currency": "VND"}),
    ("Kho chứa 2\u00a0400 tấn lúa.", "2\u00a0400", D(2400), {}),
    ("Dự trữ 4\u202f500 000 liều vắc xin.", "4\u202f500 000", D(4500000), {}),
    ("Có 1 000 000 lượt truy cập.", "1 000 000", D(1000000), {}),
    # scale words: vạn, runs that multiply, mixed numbers that add
    ("Đàn gia cầm có 5 vạn con.", "5", D(50000), {}),
    ("Thu hút 2,5 vạn lượt khách.", "2,5", D(25000), {}),
    ("Kinh tế số ước đạt 2,4 triệu tỷ đồng.", "2,4", D("2.4") * 10**15, {"currency": "VND"}),
    ("Tổng tài sản 1,5 triệu tỉ đồng.", "1,5", D("1.5") * 10**15, {"currency": "VND"}),
    ("Giải ngân 3 nghìn tỷ đồng.", "3", D(3) * 10**12, {"currency": "VND"}),
    ("Đàn lợn có 3 triệu 250 nghìn con.", "3 triệu 250 nghìn", D(3250000), {}),
    ("Thu 12 nghìn 300 tỷ đồng thuế.", "12 nghìn 300 tỷ", D(12300) * 10**9, {"currency": "VND"}),
    ("Chi 2 tỷ 500 triệu đồng sửa trường.", "2 tỷ 500 triệu", D(2500000000), {"currency": "VND"}),
    ("Quỹ có 1 triệu 200 nghìn đồng.", "1 triệu 200 nghìn", D(1200000), {"currency": "VND"}),
    ("Tổng số 4 nghìn 500 lượt.", "4 nghìn 500", D(4500), {}),
    ("Đàn trâu 3 triệu 250 con.", "3 triệu 250", D(3250000), {}),
    # currencies other than đồng, before or after the number
    ("Vốn FDI đạt 1,2 tỷ USD.", "1,2", D("1.2") * 10**9, {"currency": "USD"}),
    ("Kim ngạch xuất khẩu 850 triệu USD.", "850", D(850000000), {"currency": "USD"}),
    ("Giá trị hợp đồng 3 triệu đô la Mỹ.", "3", D(3000000), {"currency": "USD"}),
    ("Dự án được tài trợ 500.000 đô la.", "500.000", D(500000), {"currency": "USD"}),
    ("Giá vàng thế giới 2.300 $ mỗi ounce.", "2.300", D(2300), {"currency": "USD"}),
    ("Khoản vay trị giá $200 triệu.", "200", D(200000000), {"currency": "USD"}),
    ("Viện trợ US$ 15 triệu cho tỉnh.", "15", D(15000000), {"currency": "USD"}),
    ("Nhà tài trợ cam kết 20 triệu euro.", "20", D(20000000), {"currency": "EUR"}),
    ("Khoản viện trợ 4,5 triệu EUR.", "4,5", D(4500000), {"currency": "EUR"}),
    ("Học bổng trị giá €5.000 mỗi suất.", "5.000", D(5000), {"currency": "EUR"}),
    ("Vốn ODA 30 tỷ yên Nhật.", "30", D(30) * 10**9, {"currency": "JPY"}),
    ("Doanh thu 12 triệu nhân dân tệ.", "12", D(12000000), {"currency": "CNY"}),
    # an amount in tỷ with no currency word is in đồng when nothing counted follows
    (
        "Doanh thu bưu chính đạt 10,2 tỷ, vượt kế hoạch.",
        "10,2",
        D("10.2") * 10**9,
        {"currency": "VND"},
    ),
    (
        "Thu ngân sách 1.295,283 tỷ đạt kế hoạch.",
        "1.295,283",
        D("1295.283") * 10**9,
        {"currency": "VND"},
    ),
    ("Vốn đầu tư lên tới 45 tỷ.", "45", D(45) * 10**9, {"currency": "VND"}),
    ("Tổng chi 7 tỉ và còn dư.", "7", D(7) * 10**9, {"currency": "VND"}),
    ("Nộp ngân sách 120 nghìn tỷ, tăng mạnh.", "120", D(120) * 10**12, {"currency": "VND"}),
    ("Hệ thống xử lý 1,5 tỷ lượt truy cập.", "1,5", D("1.5") * 10**9, {}),
    ("Dân số thế giới 8 tỷ người.", "8", D(8) * 10**9, {}),
    # ranges of amounts and percentages
    (
        "Giá vé 1.000-2.000 đồng mỗi lượt.",
        "1.000-2.000",
        D(1000),
        {"value_max": D(2000), "currency": "VND"},
    ),
    (
        "Giá từ 1.000 đến 2.000 đồng.",
        "1.000 đến 2.000",
        D(1000),
        {"value_max": D(2000), "currency": "VND"},
    ),
    (
        "Hỗ trợ từ 1 triệu đến 2 triệu đồng.",
        "1",
        D(1000000),
        {"value_max": D(2000000), "currency": "VND"},
    ),
    (
        "Mức phạt 5 triệu - 10 triệu đồng.",
        "5",
        D(5000000),
        {"value_max": D(10000000), "currency": "VND"},
    ),
    (
        "Phí từ 5 triệu đồng đến 8 triệu đồng.",
        "5",
        D(5000000),
        {"value_max": D(8000000), "currency": "VND"},
    ),
    ("Vốn 1-2 tỷ đồng mỗi dự án.", "1-2", D(10**9), {"value_max": D(2 * 10**9), "currency": "VND"}),
    ("Lãi suất từ 6% đến 8%.", "6", D(6), {"value_max": D(8), "percent": True}),
    ("Tăng 10%-15% mỗi năm.", "10", D(10), {"value_max": D(15), "percent": True}),
    (
        "Giá 20.000–25.000đ/kg.",
        "20.000–25.000",
        D(20000),
        {"value_max": D(25000), "currency": "VND", "per": "kg"},
    ),
    (
        "Tiền công 200-300 nghìn đồng/ngày.",
        "200-300",
        D(200000),
        {"value_max": D(300000), "currency": "VND", "per": "ngày"},
    ),
    # bounds written after the number
    ("Có 06 xã trở lên đạt chuẩn.", "06", D(6), {"bound": ">="}),
    ("Hộ có từ 2 ha trở lên được vay.", "2", D(2), {"bound": ">="}),
    ("Doanh nghiệp có 10 lao động trở lên phải báo cáo.", "10", D(10), {"bound": ">="}),
    ("Che phủ rừng từ 46% trở lên.", "46", D(46), {"percent": True, "bound": ">="}),
    (
        "Hộ có thu nhập 2 triệu đồng trở xuống được miễn.",
        "2",
        D(2000000),
        {"currency": "VND", "bound": "<="},
    ),
    (
        "Khoản vay 50 triệu đồng đổ lại không cần thế chấp.",
        "50",
        D(50000000),
        {"currency": "VND", "bound": "<="},
    ),
    ("Gần 80% người từ 15 tuổi trở lên có tài khoản.", "80", D(80), {"percent": True}),
    # a first figure above the second: this period against the last
    ("Khám bệnh cho 87.096/75.250 lượt người.", "87.096/75.250", D(87096), {"total": D(75250)}),
    ("Điều trị 1.540/1.200 bệnh nhân.", "1.540/1.200", D(1540), {"total": D(1200)}),
    ("Đạt 12/20 tiêu chí.", "12/20", D(12), {"total": D(20)}),
    # numbers written in words
    ("Huyện có hai mươi mốt xã đạt chuẩn.", "hai mươi mốt", D(21), {}),
    ("Tỉnh có một trăm lẻ năm xã.", "một trăm lẻ năm", D(105), {}),
    ("Trường có một trăm linh tám giáo viên.", "một trăm linh tám", D(108), {}),
    ("Đã cấp một trăm thẻ bảo hiểm.", "một trăm", D(100), {}),
    ("Hỗ trợ ba tỷ đồng cho xã.", "ba tỷ", D(3 * 10**9), {"currency": "VND"}),
    ("Đạt năm mươi phần trăm kế hoạch.", "năm mươi", D(50), {"percent": True}),
    ("Giảm năm phần trăm chi phí.", "năm", D(5), {"percent": True}),
    ("Có mười lăm đội tình nguyện.", "mười lăm", D(15), {}),
    ("Đón ba mươi tư đoàn khách.", "ba mươi tư", D(34), {}),
    ("Có chín mươi chín hộ thoát nghèo.", "chín mươi chín", D(99), {}),
    ("Có hai mươi lăm điểm phát sóng.", "hai mươi lăm", D(25), {}),
    ("Hai trăm năm mươi hộ được cấp nước.", "Hai trăm năm mươi", D(250), {}),
    ("Thu hút hai nghìn lượt khách.", "hai nghìn", D(2000), {}),
    ("Cấp năm nghìn suất quà.", "năm nghìn", D(5000), {}),
    ("Đàn bò có mười hai nghìn con.", "mười hai nghìn", D(12000), {}),
    ("Hỗ trợ một triệu rưỡi mỗi hộ.", "một triệu rưỡi", D(1500000), {}),
    ("Có hai trăm rưỡi học sinh.", "hai trăm rưỡi", D(250), {}),
    (
        "Đầu tư hai tỷ năm trăm triệu đồng.",
        "hai tỷ năm trăm triệu",
        D(2500000000),
        {"currency": "VND"},
    ),
    ("Có ba chục hộ tham gia.", "ba chục", D(30), {}),
    ("Tổng thu bảy trăm triệu đồng.", "bảy trăm triệu", D(700000000), {"currency": "VND"}),
    ("Thu ba nghìn tỷ đồng.", "ba nghìn tỷ", D(3 * 10**12), {"currency": "VND"}),
    ("Chi hai đồng cho mỗi lượt.", "hai", D(2), {"currency": "VND"}),
    ("Hơn một trăm phần trăm dân số có bảo hiểm.", "một trăm", D(100), {"percent": True}),
]


@pytest.mark.parametrize(("sentence", "value_text", "value", "extras"), MORE_FORMS)
def test_numbers_reads_real_forms(sentence, value_text, value, extras):
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
    assert q.bound == extras.get("bound")


# numbers that are not figures: identifiers, times, ranks, ages, ratings, list numbers,
# and words that only look like numbers
MORE_NON_FIGURES = [
    # a product's grade or size
    "Cá ngừ loại 1 được giá cao.",
    "Cà phê sàng 16 bán chạy nhất.",
    # a volume of a book; a section of a document
    "Nội dung in ở tập 3 của bộ sách.",
    "Xem trang 48 của báo cáo.",
    # phone numbers in every grouping
    "Liên hệ 0237 3 852 111 để được hỗ trợ.",
    "Liên hệ 0237.3852.111 trong giờ hành chính.",
    "Gọi (0237) 3852 111 khi cần.",
    "Gọi 0905.123.456 để đăng ký.",
    "Số máy bàn 0236 3822 456 luôn trực.",
    "Gọi số 0236-3822-456 ngay.",
    "Liên lạc 0912345678 để hỏi.",
    "Gọi +84 905 123 456 từ nước ngoài.",
    "Gọi +84.236.3822.456 để hỏi.",
    "Gọi 024 3822 1234 giờ hành chính.",
    "Hỗ trợ qua 1900 1234 cả ngày.",
    "Gọi 1800.1091 miễn phí.",
    "Tư vấn 1900 54 54 54 mọi lúc.",
    # names that carry a number
    "Thực hiện Chương trình 135 tại các xã.",
    "Triển khai Đề án 1719 ở miền núi.",
    "Triển khai Đề án 06 của Chính phủ.",
    "Theo Nghị định 13 về bảo vệ dữ liệu.",
    "Quán triệt Nghị quyết 57 của Bộ Chính trị.",
    "Thực hiện Chỉ thị 10 của tỉnh.",
    "Áp dụng Thông tư 01 của Bộ.",
    "Tiểu dự án 2 thuộc Dự án 4 được giao.",
    "Nâng cấp Quốc lộ 14 qua huyện.",
    "Bộ đội Quân khu 5 hỗ trợ dân.",
    "Gọi Tổng đài 1900 1234 để hỏi.",
    "Phản ánh qua đường dây nóng 1022.",
    "Theo Luật 24 về an ninh mạng.",
    # times of day
    "Hội nghị khai mạc lúc 14 giờ 30 phút.",
    "Buổi lễ bắt đầu lúc 8 giờ.",
    "Đoàn đến vào 9 giờ.",
    "Hạn chót 17 giờ ngày thứ sáu.",
    "Cuộc họp từ 8 giờ sáng.",
    "Sự cố xảy ra 22 giờ 15 phút.",
    "Khai mạc 7h30 tại hội trường.",
    "Bế mạc lúc 16 giờ 45.",
    # ranks
    "Tỉnh xếp thứ 12/63 cả nước.",
    "Đứng thứ 5 toàn quốc.",
    "Lọt top 10 địa phương dẫn đầu.",
    "Vào Top 50 doanh nghiệp tiêu biểu.",
    "Xếp hạng 20 về chỉ số cạnh tranh.",
    "Giành giải 3 cuộc thi.",
    # ages
    "Ông năm nay 55 tuổi.",
    "Trẻ em dưới 6 tuổi được miễn phí.",
    "Thanh niên độ tuổi 18-25 tham gia.",
    "Người từ 60 đến 80 tuổi được khám.",
    "Cụ bà ở tuổi 90 vẫn minh mẫn.",
    # star ratings
    "Khách sạn 5 sao mở cửa.",
    "Sản phẩm đạt 3 sao OCOP.",
    "Nhà hàng từ 3-4 sao phục vụ khách.",
    # lunar dates and years
    "Lễ hội diễn ra ngày 10/3 âm lịch.",
    "Rằm 15/8 (ÂL) có nhiều hoạt động.",
    "Chợ phiên họp mùng 5 hằng tháng.",
    "Tết Giáp Thìn 2024 đã qua.",
    "Ngày 15 tháng 8 âm lịch là Tết Trung thu.",
    # section and list numbers at a line start
    "1. Lĩnh vực bưu chính",
    "2) Về viễn thông",
    "1.2. Kết quả cụ thể",
    "(3) Về an toàn thông tin",
    "4/ Nhiệm vụ trọng tâm",
    "2.",
    # months without 'tháng' after a cue are the date stage's (tests/test_dates.py, pipeline)
    "Số liệu quý 02/2021 đã công bố.",
    # codes glued to letters stay codes
    "Mạng 5G phủ khắp huyện.",
    "Đại dịch COVID-19 qua đi.",
    "Lớp 10A1 đạt giải.",
    # words that look like numbers but count nothing
    "Một số xã còn khó khăn.",
    "Hai bên ký kết hợp tác.",
    "Thứ hai mươi chín của giải đấu.",
    "Trải qua hai mươi năm xây dựng.",
    "Mười năm qua tỉnh đổi mới.",
    "Hàng trăm người tham gia.",
    "Hàng nghìn lượt khách tới.",
    "Vài chục hộ còn nghèo.",
    "Ba mẹ đưa con đến trường.",
    "Năm nay tỉnh tổ chức lễ hội.",
    "Trong năm hai đơn vị được khen.",
    "Lần thứ ba đại hội thành công.",
    "Tháng mười hai có nhiều lễ hội.",
    "Mỗi người một việc.",
    "Năm học mới bắt đầu.",
]


@pytest.mark.parametrize("sentence", MORE_NON_FIGURES)
def test_numbers_skip_more_non_figures(sentence):
    assert find_quantities(sentence) == []


@pytest.mark.parametrize(
    ("written", "value"),
    [
        ("1 000 000", D(1000000)),
        ("12 500", D(12500)),
        ("2\u00a0400", D(2400)),
        ("1 250 000,5", D("1250000.5")),
    ],
)
def test_numbers_parse_space_grouped(written, value):
    assert parse_number(written) == value


@pytest.mark.parametrize(
    ("text", "holds"),
    [
        ("Có 25 xã.", True),
        ("Có hai mươi mốt xã.", True),
        ("Ban chỉ đạo họp thường kỳ.", False),
    ],
)
def test_numbers_may_hold_figure(text, holds):
    assert number_finder().may_hold_figure(text) is holds
