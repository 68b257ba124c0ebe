"""Numbers that name, grade, limit or quote something and so are no figures.

Sentences written for these tests (transport, energy, fisheries, disasters, water,
construction); each class has its negatives and the figures beside them that must stay.
"""

from __future__ import annotations

import pytest

from vnextract.figures.numbers import find_quantities

# numbers that must not be read as figures
NOT_FIGURES = [
    # a month, a day or a quarter after its word, even written like a group of thousands
    "Kế hoạch được ban hành trong tháng 11.2024 để triển khai.",
    "Báo cáo gửi trước ngày 15.",
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
    # moves in a ranking
    "Chỉ số cải cách hành chính của tỉnh tăng 7 bậc so với năm trước.",
    "Huyện tụt 3 hạng trên bảng xếp hạng năng lực cạnh tranh.",
    "Tỉnh vươn lên 11 bậc, xếp thứ 20 cả nước.",
    "Chỉ số hài lòng giảm 2 bậc trong năm qua.",
    # school grades, numbered wards and hamlets
    "Em Lò Thị Mai, học sinh lớp 9 ở xã vùng cao, đạt giải nhất.",
    "Học sinh lớp 12 bước vào kỳ thi tốt nghiệp.",
    "Chợ mới được xây tại phường 7 và phường An Hòa.",
    "Người dân Quận 10 tham gia ngày hội số.",
    "Mô hình được thí điểm ở ấp 4, xã Tân Thành.",
    # the kind of mark after a count of marks, a bracketed threshold, the fineness of gold
    "Số bài thi bị điểm liệt (từ 1,0 điểm trở xuống) đã được công bố.",
    "Hộ có diện tích nhỏ (từ 0,5 ha trở xuống) được hỗ trợ giống.",
    "Hộ có thu nhập thấp (từ 1,5 triệu đồng trở xuống) được hỗ trợ.",
    "Giá vàng nhẫn 9999 biến động mạnh trong tuần.",
    "Vàng SJC 99,99 được mua vào nhiều hơn.",
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
    # land parcels and map sheets named by their numbers
    "Hộ dân được cấp giấy chứng nhận cho thửa đất số 248, tờ bản đồ số 17.",
    "Vụ khiếu nại liên quan đến thửa số 56 tại xã Hòa Bình đã được giải quyết.",
    "Đoàn kiểm tra đo lại ranh giới tờ bản đồ 9 của phường.",
    # races and events named by their distance
    "Giải bơi cự ly 100 m dành cho học sinh tiểu học.",
    "Vận động viên tỉnh giành huy chương ở cự ly 5.000 m nam.",
    # programmes named by their number after a long name
    "Vốn được lồng ghép từ Chương trình mục tiêu quốc gia 1719 của huyện.",
    # time that passes before or during something
    "Sau 5 ngày thi đấu, đoàn chủ nhà dẫn đầu bảng tổng sắp.",
    "Sau khoảng 2 giờ, đám cháy được khống chế hoàn toàn.",
    "Hội chợ kéo dài 4 ngày tại quảng trường trung tâm.",
    "Mỗi lớp tập huấn kéo dài 3 ngày.",
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
    # grouped in thousands after a date word: a count, not a month or a day
    ("Đào tạo nghề dưới 3 tháng 12.460 người.", ("12.460",)),
    ("Bình quân mỗi ngày 36.000 lượt truy cập.", ("36.000",)),
    ("Cả năm 1.250.000 lượt khách đến tỉnh.", ("1.250.000",)),
    # a rate or an amount at a level is measured: "ở mức 2,3%", "lên mức 8.500 đồng"
    ("Tỷ lệ thất nghiệp ở mức 2,3%.", ("2,3",)),
    ("Nợ xấu được duy trì ở mức 1,9% tổng dư nợ.", ("1,9",)),
    ("Giá nước sạch tăng lên mức 8.500 đồng mỗi khối.", ("8.500",)),
    ("Mức hỗ trợ 2 triệu đồng mỗi hộ.", ("2",)),
    # beside the negatives above: counts of ranks, classes, wards and marks stay figures
    ("Tỉnh tăng 9 bậc, đạt 0,52 điểm.", ("0,52",)),
    ("Tỉnh có 14 bậc học được miễn học phí.", ("14",)),
    ("Trường mở 25 lớp cho 700 học viên.", ("25", "700")),
    ("Lớp 10 có 1.200 học sinh đăng ký.", ("1.200",)),
    ("Thành phố có 12 phường, 4 xã.", ("12", "4")),
    ("Mỗi phường 20 hộ được chọn làm mẫu.", ("20",)),
    ("Thí sinh đạt 96 điểm 10 và 320 điểm 9.", ("96", "320")),
    ("Giá vàng tăng 3,2% so với tháng trước.", ("3,2",)),
    ("Giá vàng miếng ở mức 8,1 triệu đồng/chỉ.", ("8,1",)),
    ("Có 230 hộ có thu nhập từ 10 triệu đồng trở lên.", ("230", "10")),
    # beside parcels, distances, programme names and elapsed times: counts and rates stay
    ("Xã đã đo đạc 1.250 thửa đất, lập 14 tờ bản đồ địa chính.", ("1.250", "14")),
    ("Giải chạy cự ly 21 km thu hút 4.500 vận động viên.", ("4.500",)),
    ("Chương trình mục tiêu quốc gia 1719 bố trí 320 tỷ đồng cho tỉnh.", ("320",)),
    ("Sau 3 ngày, đội kiểm tra đã xử lý 86 vi phạm.", ("86",)),
    ("Thời gian giải quyết bình quân 4 ngày/hồ sơ, sau đó trả kết quả qua bưu điện.", ("4",)),
    ("Thời gian cấp phép rút ngắn còn 5 ngày làm việc.", ("5",)),
]


@pytest.mark.parametrize(("sentence", "value_texts"), STILL_FIGURES)
def test_numbers_not_figures_keep_figures_beside(sentence, value_texts):
    read = tuple(q.value_text for q in find_quantities(sentence))
    assert read == value_texts
