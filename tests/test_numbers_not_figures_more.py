"""More numbers that are no figures: clock-time ranges, ages, chainages, names, page furniture.

Sentences written for these tests (public services, traffic, fisheries, roads, population);
each class lists its negatives and the figures beside them that must stay.
"""

from __future__ import annotations

import pytest

from vnextract.figures.numbers import find_quantities

# (sentence, the value texts that must still be read); every other number is no figure
CLOCK_RANGES = [
    ("Thư viện mở cửa từ 19 giờ 30 đến 21 giờ các ngày cuối tuần.", ()),
    ("Bộ phận tiếp dân làm việc từ 7 giờ đến 17 giờ hằng ngày.", ()),
    ("Phố đi bộ hoạt động trong khung giờ từ 18 giờ đến 22 giờ.", ()),
    ("Tổng đài hỗ trợ từ 7 giờ 30 phút đến 16 giờ 30 phút.", ()),
    ("Xe tải bị cấm lưu thông từ 6 giờ tới 9 giờ sáng.", ()),
    ("Cổng thông tin bảo trì từ 22 giờ - 24 giờ thứ Bảy.", ()),
    # beside them: durations, changes of a duration and counts stay
    ("Thời gian xử lý hồ sơ giảm từ 8 giờ xuống 4 giờ.", ("8", "4")),
    ("Mỗi ca trực kéo dài từ 2 đến 4 giờ, có 12 cán bộ tham gia.", ("2 đến 4", "12")),
    ("Từ 7 giờ đến 17 giờ, lực lượng chức năng xử lý 45 trường hợp vi phạm.", ("45",)),
    ("Máy phát hoạt động 18 giờ/ngày trong mùa khô.", ("18",)),
    ("Thời gian chờ còn 3 giờ, giảm 2 giờ so với năm trước.", ("3", "2")),
]


@pytest.mark.parametrize(("sentence", "value_texts"), CLOCK_RANGES)
def test_numbers_clock_ranges_are_skipped(sentence, value_texts):
    read = tuple(q.value_text for q in find_quantities(sentence))
    assert read == value_texts


AGE_BANDS = [
    ("Thanh niên trong độ tuổi từ 18 đến 25 được gọi khám tuyển.", ()),
    ("Người lao động trong độ tuổi lao động từ 15 đến 60 tuổi được học nghề.", ()),
    ("Người cao tuổi trong độ tuổi từ 60 trở lên được tặng quà.", ()),
    ("Học sinh lứa tuổi từ 11 tuổi đến 14 tuổi tham gia hội thao.", ()),
    # beside them: the counts and shares of the band stay, and so do look-alikes
    ("Có 1.200 thanh niên trong độ tuổi từ 18 đến 27 đăng ký khám tuyển.", ("1.200",)),
    ("Nạn nhân ở độ tuổi từ 16 - 30 chiếm gần 41% số ca.", ("41",)),
    ("Trẻ lứa tuổi từ 3 tuổi đến 5 tuổi được đến trường là 9.800 em.", ("9.800",)),
    ("Nạn nhân trong độ tuổi này chiếm 34 - 40% tổng số.", ("34 - 40",)),
    ("Tỷ lệ dân số trong độ tuổi lao động đạt 68,5%.", ("68,5",)),
    ("Số người trong độ tuổi lao động tăng từ 500 đến 600 nghìn người.", ("500 đến 600",)),
]


@pytest.mark.parametrize(("sentence", "value_texts"), AGE_BANDS)
def test_numbers_age_bands_are_skipped(sentence, value_texts):
    read = tuple(q.value_text for q in find_quantities(sentence))
    assert read == value_texts


TRIP_LENGTHS = [
    ("Tàu cá thực hiện chuyến biển dài 20-25 ngày.", ()),
    ("Chuyến khảo sát kéo dài 10-12 ngày tại đảo.", ()),
    ("Sau 2 - 3 ngày, nước rút dần.", ()),
    # beside them: the catch, the passengers and other lengths stay
    ("Mỗi chuyến biển dài 15 ngày, thu về 8 tấn cá.", ("8",)),
    ("Chuyến bay dài khoảng 12 giờ đưa 280 công dân về nước.", ("280",)),
    ("Mỗi chuyến đi biển dài từ 20 ngày đến 25 ngày, mỗi tàu thu 12 tấn hải sản.", ("12",)),
    ("Tuyến đường dài 20-25 km được đầu tư 300 tỷ đồng.", ("20-25", "300")),
    ("Bình quân mỗi chuyến biển dài 18 ngày/chuyến.", ("18",)),
    ("Các chuyến biển đạt 25 tấn cá mỗi chuyến.", ("25",)),
]


@pytest.mark.parametrize(("sentence", "value_texts"), TRIP_LENGTHS)
def test_numbers_trip_lengths_are_skipped(sentence, value_texts):
    read = tuple(q.value_text for q in find_quantities(sentence))
    assert read == value_texts


CHAINAGES = [
    ("Vụ sạt lở tại Km 47 + 300 làm ách tắc giao thông.", ()),
    ("Trạm cân đặt tại Km 102+650 tỉnh lộ.", ()),
    # beside them: what was built or counted there stays, and so do lengths in km
    ("Điểm đen tại Km 235+400 quốc lộ 1 đã được lắp 12 cột đèn tín hiệu.", ("12",)),
    ("Đoạn từ Km12+500 đến Km18+200 dài 5,7 km được thảm nhựa.", ("5,7",)),
    ("Tuyến đường dài 50 km, trong đó 12 km qua khu dân cư.", ("50", "12")),
    ("Đoạn tuyến dài 3,2 km + 800 m đường gom được đầu tư 45 tỷ đồng.", ("3,2", "800", "45")),
]


@pytest.mark.parametrize(("sentence", "value_texts"), CHAINAGES)
def test_numbers_chainages_are_skipped(sentence, value_texts):
    read = tuple(q.value_text for q in find_quantities(sentence))
    assert read == value_texts


STANDARD_TIERS = [
    ("Trung tâm dữ liệu mới đạt chuẩn Tier 3.", ()),
    ("Hạ tầng máy chủ được thiết kế theo TIER 4 của Uptime Institute.", ()),
    # beside them: capacities and amounts stay
    ("Kho lưu trữ 640 TB đạt tiêu chuẩn Tier 3, vốn đầu tư 75 tỷ đồng.", ("640", "75")),
    ("Tỉnh có 3 trung tâm dữ liệu đạt chuẩn quốc tế.", ("3",)),
]


@pytest.mark.parametrize(("sentence", "value_texts"), STANDARD_TIERS)
def test_numbers_standard_tiers_are_skipped(sentence, value_texts):
    read = tuple(q.value_text for q in find_quantities(sentence))
    assert read == value_texts


ROAD_NAMES = [
    ("Thành phố đẩy nhanh giải phóng mặt bằng đường Vành đai 4.", ()),
    ("Nút giao với vành đai 2 được thông xe.", ()),
    # beside them: the road's length, cost and households stay
    ("Dự án đường Vành đai 3 có tổng vốn 85.000 tỷ đồng.", ("85.000",)),
    ("Đường Vành đai 4 dài 112 km, qua 3 tỉnh.", ("112", "3")),
    ("Đã bàn giao mặt bằng cho vành đai 2 với 460 hộ dân.", ("460",)),
]


@pytest.mark.parametrize(("sentence", "value_texts"), ROAD_NAMES)
def test_numbers_road_names_are_skipped(sentence, value_texts):
    read = tuple(q.value_text for q in find_quantities(sentence))
    assert read == value_texts


# clock hours after 'lúc' / 'đến', match scores, numbered items, quoted programme titles
# and marks named after their verb; amounts beside them stay
NAMES_AND_TIMES = [
    ("Lúc 15 giờ ngày 3/4, độ mặn tại cửa sông đo được 9,2‰.", ("9,2",)),
    ("Buổi cấp căn cước kéo dài đến 21 giờ, phục vụ 340 người.", ("340",)),
    ("Dữ liệu được lưu trữ lên đến 48 giờ trên máy chủ.", ("48",)),
    ("Đội huyện Đức Thọ thắng 3-1 trong trận bán kết.", ()),
    ("Hai đội hòa 0 - 0 trước 2.500 khán giả.", ("2.500",)),
    ("Tiêu chí số 17 về môi trường là khó nhất với 9 xã.", ("9",)),
    ("Bến số 5 và số 6 đón 112 lượt tàu.", ("112",)),
    ("Bão số 4 làm 37 ngôi nhà tốc mái.", ("37",)),
    ("Tổng số 560 hộ được hỗ trợ, con số 560 tăng so với năm trước.", ("560", "560")),
    ('Đề án "Phát triển 1.000 mô hình kinh tế tập thể" được triển khai ở 45 xã.', ("45",)),
    ("Có 1.126 bài thi đạt điểm 10 ở môn Lịch sử.", ("1.126",)),
]


@pytest.mark.parametrize(("sentence", "value_texts"), NAMES_AND_TIMES)
def test_numbers_clock_scores_names_are_skipped(sentence, value_texts):
    read = tuple(q.value_text for q in find_quantities(sentence))
    assert read == value_texts


# time windows that set a condition, lines named by their number, 'cả N tiêu chí', nouns
# that open with 'đồng'; the measured times, rates and amounts beside them stay
WINDOWS_LINES_AND_NOUNS = [
    ("Cơ sở phải báo cáo trong vòng 48 giờ kể từ khi phát hiện gia cầm chết.", ()),
    ("Vùng dịch được dỡ bỏ khi qua 28 ngày không có ca bệnh mới.", ()),
    ("Sau 5 ngày ra quân, đoàn kiểm tra phát hiện 23 cơ sở vi phạm.", ("23",)),
    ("Mỗi buổi 60 phút, lớp có 25 học viên.", ("25",)),
    ("Thời gian giải quyết bình quân còn 2,5 ngày/hồ sơ.", ("2,5",)),
    ("Thời gian chờ khám giảm còn 40 phút.", ("40",)),
    ("Khi có hỏa hoạn, người dân gọi ngay số 114 hoặc báo công an xã.", ()),
    ("Ông Tám sống ở tổ dân phố số 7, phường Nam Lý.", ()),
    ("Tổng đài 1900 6868 (nhánh số 2) tiếp nhận 1.240 cuộc gọi.", ("1.240",)),
    ("Năm 2024, tai nạn giao thông giảm cả 3 tiêu chí.", ()),
    ("Xã đạt 19/19 tiêu chí nông thôn mới.", ("19/19",)),
    ("Ban Chấp hành khóa mới gồm 53 đồng chí.", ("53",)),
    ("Đoàn thăm hỏi 320 đồng bào bị ảnh hưởng lũ.", ("320",)),
    ("Giá lúa tăng thêm 300 đồng/kg.", ("300",)),
    ("Tỷ lệ tội phạm ở mức 2,7 vụ/10.000 dân.", ("2,7",)),
    ("Dịch vụ công đạt mức 4 trên cổng quốc gia.", ()),
]


@pytest.mark.parametrize(("sentence", "value_texts"), WINDOWS_LINES_AND_NOUNS)
def test_numbers_windows_lines_and_nouns(sentence, value_texts):
    read = tuple(q.value_text for q in find_quantities(sentence))
    assert read == value_texts


def test_numbers_dong_noun_is_no_currency():
    (comrades,) = find_quantities("Đại hội bầu 53 đồng chí vào Ban Chấp hành.")
    (price,) = find_quantities("Giá bán 45.000 đồng một kg.")
    assert comrades.currency is None and price.currency == "VND"


# a chain of three or more dashed numbers names a goal; a text message's short code is a line
CHAINS_AND_SHORT_CODES = [
    ("Thành phố hướng tới mục tiêu 95-95-95 trong phòng, chống HIV.", ()),
    ("Tỉnh đạt mục tiêu 90 - 90 - 90 sớm hai năm.", ()),
    ("Khách hàng soạn tin theo cú pháp gửi 8088 để tra cứu.", ()),
    ("Người dân nhắn tin đến 5757 hoặc gọi đường dây nóng.", ()),
    ("Hãy gửi tới đầu số 1405, miễn phí cước.", ()),
    # beside them: a two-ended range, a count sent to and a dated number stay
    ("Mỗi tổ có 15-20 hộ tham gia.", ("15-20",)),
    ("Hội đã gửi đến 1.200 hộ nghèo quà Tết.", ("1.200",)),
    ("Xã gửi 350 hồ sơ lên huyện.", ("350",)),
    ("Tỷ lệ đạt 95% - 92% - 90% ở ba nhóm.", ("95", "92", "90")),
]


@pytest.mark.parametrize(("sentence", "value_texts"), CHAINS_AND_SHORT_CODES)
def test_numbers_chains_and_short_codes_are_skipped(sentence, value_texts):
    read = tuple(q.value_text for q in find_quantities(sentence))
    assert read == value_texts
