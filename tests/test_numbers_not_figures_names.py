"""Numbers that name or place something rather than measure it: polling units, named teams,
border markers, flood alert levels, rank groups, prior convictions, numbered wards, clock
times before a deadline and times counted from an event.

Sentences written for these tests (elections, market control, border posts, floods, crime,
agriculture); each row lists the value texts that must still be read.
"""

from __future__ import annotations

import pytest

from vnextract.figures.numbers import find_quantities

CASES = [
    # a polling unit is named by its number; the share of votes stays
    ("Ông Lê Văn Hùng trúng cử tại đơn vị bầu cử số 4 với 78,2% số phiếu bầu.", ("78,2",)),
    ("Bà Trần Thị Mai trúng cử ở đơn vị số 9 với 81% số phiếu.", ("81",)),
    # a named unit with words between its head and its number
    ("Đội Cảnh sát giao thông số 5 phối hợp kiểm tra 230 phương tiện.", ("230",)),
    ("Trường Tiểu học số 2 thị trấn có 640 học sinh.", ("640",)),
    ("Trạm Y tế số 3 tiếp nhận 1.150 lượt khám.", ("1.150",)),
    # a bare 'số' after a count word is an amount
    ("Tổng số 120 hộ được hỗ trợ xây nhà.", ("120",)),
    ("Con số 2.400 tỷ đồng cho thấy nỗ lực của ngành.", ("2.400",)),
    # border markers
    ("Tại khu vực mốc 215 trên tuyến biên giới, lực lượng chức năng bắt giữ 3 đối tượng.", ("3",)),
    ("Tổ tuần tra phát hiện 2 đối tượng gần cột mốc số 47.", ("2",)),
    # flood alert levels: the height over the level stays
    ("Mực nước sông Gianh lên mức 3,1 m, trên báo động 2 là 0,4 m.", ("3,1", "0,4")),
    ("Nước sông Bồ dưới mức báo động 1 khoảng 0,2 m.", ("0,2",)),
    # a level written with decimals is measured, a whole 'mức 4' names a service level
    ("Hồ chứa đã tích nước lên mức 212,5 m.", ("212,5",)),
    ("Dịch vụ công đạt mức 4 trên cổng quốc gia.", ()),
    # a group of leaders named by its size
    ("Tỉnh có 4/7 chỉ số nằm trong nhóm 10 địa phương cao nhất.", ("4/7",)),
    ("Địa phương lọt tốp 5 cả nước về cải cách hành chính.", ()),
    # prior convictions describe a suspect
    ("Đối tượng có 3 tiền án về tội trộm cắp tài sản.", ()),
    ("Trong 14 đối tượng bị bắt, 6 đối tượng có 1 tiền sự.", ("14", "6")),
    ("Hai đối tượng cầm đầu đều có 2 tiền án, 1 tiền sự.", ()),
    # a clock time before a deadline; a duration 'trong 14 giờ' stays
    ("Đến trước 16 giờ, các khu vực bỏ phiếu đã hoàn thành.", ()),
    ("Lực lượng cứu hộ làm việc liên tục trong 14 giờ.", ("14",)),
    # time counted from an event says when, not how much
    ("Thanh long được thu hoạch khoảng 30-35 ngày sau khi ra hoa.", ()),
    ("Mũi nhắc lại được tiêm 2 tuần kể từ mũi đầu tiên.", ()),
    ("Thời gian giải quyết hồ sơ rút xuống còn 3 ngày.", ("3",)),
    # a ward or commune whose name ends in a number
    ("Tỉnh đầu tư 80 máy chủ tại phường Sông Công 2.", ("80",)),
    ("Xã Tân Phú 1 có 96% hộ dùng nước sạch.", ("96",)),
    ("Trụ sở mới đặt tại phường Bạc Liêu 3, phục vụ 18.400 hộ dân.", ("18.400",)),
    ("Phường 7 có 1.200 hộ kinh doanh.", ("1.200",)),
    # a crop variety names itself with a number; a place and an amount do not
    ("Thương lái mua lúa tươi IR 50404 với giá 5.700 đồng/kg.", ("5.700",)),
    ("Nông dân gieo sạ giống lúa Đài Thơm 8 trên 1.200 ha.", ("1.200",)),
    ("Xã thử nghiệm giống ngô NK 7328 và nếp IR 4625 trên 35 ha.", ("35",)),
    ("Vụ này lúa Long An 500 ha bị nhiễm rầy.", ("500",)),
    ("Sản lượng lúa Sóc Trăng 2,1 triệu tấn.", ("2,1",)),
    # the weather of a date line; a temperature in prose is measured
    ("Thứ Hai, 03/03/2025 | Hà Nội 21°C | Đăng nhập", ()),
    ("Cập nhật 07:15 | Thành phố Huế: 24-29°C", ()),
    ("Quảng Trị 33 °C", ()),
    ("Nắng nóng ở Lào Cai lên tới 38°C trong ba ngày.", ("38",)),
    # an address on a named street, and the like counts of a share bar
    ("Trụ sở: Số 15 đường Lý Thường Kiệt, có 42 phòng làm việc.", ("42",)),
    ("Văn phòng đặt tại số 08 phố Hàng Bài, tiếp 30 lượt khách.", ("30",)),
    ("Số 3 đường dây nóng nhận 45 phản ánh.", ("3", "45")),
    ("Chia sẻ   Thích 215   Bình luận", ()),
    ("Facebook Zalo | Thích 57", ()),
    ("Like 19 | Chia sẻ | In bài", ()),
]


@pytest.mark.parametrize(("sentence", "value_texts"), CASES)
def test_numbers_that_name_or_place_are_no_figures(
    sentence: str, value_texts: tuple[str, ...]
) -> None:
    read = tuple(q.value_text for q in find_quantities(sentence))
    assert read == value_texts
