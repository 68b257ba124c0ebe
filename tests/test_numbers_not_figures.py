"""Numbers that name, grade, limit or quote something and so are no figures.

Sentences written for these tests (transport, energy, fisheries, disasters, water,
construction); each class has its negatives and the figures beside them that must stay.
"""

from __future__ import annotations

import pytest

from vnextract.figures.numbers import find_quantities

# numbers that must not be read as figures
NOT_FIGURES = [
    # phases and rounds named by their number
    "Dự án đường vành đai (giai đoạn 1) đã thông xe.",
    "Đợt 2 của chiến dịch bắt đầu từ tuần sau.",
    "Phân kỳ 3 của khu công nghiệp đang được san lấp.",
    "Sinh viên thi học kỳ 1 tại giảng đường mới.",
    # things named by their number
    "Bão số 4 đổ bộ vào đất liền.",
    "Cơn bão số 2 gây mưa lớn ở miền núi.",
    "Áp thấp nhiệt đới số 1 suy yếu dần.",
    "Gói thầu số 7 chậm tiến độ.",
    "Xe buýt tuyến số 12 chạy thêm chuyến.",
    "Chủ đầu tư chọn phương án số 2.",
    "Tổ máy số 3 của nhà máy thủy điện phát điện trở lại.",
    "Hồ sơ nộp theo mẫu số 05 ban hành kèm thông tư.",
    "Thực hiện theo phương châm 4 tại chỗ.",
    # shift slogans and quoted mottos
    "Nhà thầu thi công 3 ca, 4 kíp để kịp thông xe.",
    "Công trường làm việc 3 ca 4 kíp suốt mùa khô.",
    "Huyện quán triệt phương châm “4 tại chỗ” trong phòng chống lụt bão.",
    'Xã thực hiện "3 không" trong quản lý rác thải.',
    "Đơn vị duy trì trực 24/24 giờ tại các chốt.",
    "Lực lượng cứu hộ trực 24/24h trong mùa mưa.",
    "Tổng đài hoạt động 24/7 phục vụ khách hàng.",
    # a class of things set by a size
    "Tàu cá có chiều dài từ 15 m trở lên phải lắp thiết bị giám sát.",
    "Mọi tàu từ 12 mét trở lên được cấp phép khai thác xa bờ.",
    "Xe tải từ 10 tấn trở lên không được đi vào nội thành.",
    "Tàu có công suất từ 90 CV trở lên được hỗ trợ nhiên liệu.",
    "Xe ô tô từ 9 chỗ trở xuống chịu mức phí thấp nhất.",
    # limits on a duration
    "Tàu mất tín hiệu quá 6 giờ sẽ bị xử lý.",
    "Xe dừng đỗ quá 5 phút tại điểm cấm sẽ bị phạt.",
    "Hàng hóa lưu kho quá 30 ngày phải kê khai lại.",
    # voltage levels name a class of line or substation
    "Dự án trạm biến áp 110 kV được đóng điện.",
    "Đường dây 500kV mạch 3 đi qua tỉnh.",
    "Lưới điện 22 KV ở vùng núi được cải tạo.",
    # grades
    "Cá ngừ loại 1 được thu mua tại cảng.",
    "Công nhân bậc 3 được nâng lương.",
    "Gạo loại II bán chạy trong dịp Tết.",
    # technical standards
    "Nước sạch đạt quy chuẩn QCVN 01-1:2018/BYT.",
    "Sản phẩm đạt tiêu chuẩn TCVN 5502:2003.",
    "Doanh nghiệp được cấp chứng nhận ISO 9001:2015.",
    "Xi măng theo tiêu chuẩn TCVN 2682.",
    # a level named by its number
    "Hồ sơ được xử lý ở mức 3 trên cổng dịch vụ công.",
    "Dịch vụ đạt mức 4 toàn trình.",
]


@pytest.mark.parametrize("sentence", NOT_FIGURES)
def test_numbers_not_figures_are_skipped(sentence):
    assert find_quantities(sentence) == []


# figures beside those forms, or in look-alike forms, that must still be read
STILL_FIGURES = [
    ("Giai đoạn 2021-2025, tỉnh đầu tư 500 tỷ đồng cho giao thông.", ("500",)),
    ("Đợt 2 hỗ trợ 300 hộ bị ảnh hưởng.", ("300",)),
    ("Bão số 4 làm hư hỏng 1.250 ngôi nhà.", ("1.250",)),
    ("Toàn tỉnh có tổng số 120 tàu cá.", ("120",)),
    ("Con số 2.400 tỷ đồng vượt dự báo.", ("2.400",)),
    ("Trong số 86 xã, nhiều xã đã có nước sạch.", ("86",)),
    ("Thi công 3 ca mỗi ngày trên 14 km đường.", ("3", "14")),
    ("Đã xây dựng 24 trạm cứu hộ.", ("24",)),
    ("Toàn tỉnh có 846 tàu có chiều dài từ 15 m trở lên.", ("846",)),
    ("Phấn đấu đạt từ 120 huy chương trở lên.", ("120",)),
    ("Tỷ lệ che phủ rừng đạt từ 45% trở lên.", ("45",)),
    ("Có 12 xã trở lên đạt chuẩn.", ("12",)),
    ("Thời gian xử lý bình quân còn 6 giờ.", ("6",)),
    ("Hồ sơ được giải quyết không quá 3 ngày làm việc.", ("3",)),
    ("Có quá 30% hộ dân chưa có nước sạch.", ("30",)),
    ("Xây mới 35 km đường dây 110 kV.", ("35",)),
    ("Phân bón các loại đạt 5.000 tấn.", ("5.000",)),
    ("Thu gom và phân loại 12 tấn rác mỗi ngày.", ("12",)),
    ("Tổng công suất đạt 250 MW.", ("250",)),
    ("Có 4 tàu được hỗ trợ tại chỗ.", ("4",)),
    # a rate or an amount at a level is measured: "ở mức 2,3%", "lên mức 8.500 đồng"
    ("Tỷ lệ thất nghiệp ở mức 2,3%.", ("2,3",)),
    ("Nợ xấu được duy trì ở mức 1,9% tổng dư nợ.", ("1,9",)),
    ("Giá nước sạch tăng lên mức 8.500 đồng mỗi khối.", ("8.500",)),
    ("Mức hỗ trợ 2 triệu đồng mỗi hộ.", ("2",)),
]


@pytest.mark.parametrize(("sentence", "value_texts"), STILL_FIGURES)
def test_numbers_not_figures_keep_figures_beside(sentence, value_texts):
    read = tuple(q.value_text for q in find_quantities(sentence))
    assert read == value_texts
