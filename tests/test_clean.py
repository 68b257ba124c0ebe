"""Furniture marking: lines and stretches of page chrome, written for these tests."""

from __future__ import annotations

import pytest

from vnextract.core.rules import load_yaml_section
from vnextract.ingest.furniture import BoilerplateRules, find_furniture

# a line that is furniture as a whole: (line, kind)
WHOLE_LINES = [
    ("Tự động thoát sau: 90 giây", "login"),
    ("Phiên làm việc hết hạn sau 15 phút", "login"),
    ("Đang online: 42", "counter"),
    ("  • Đang truy cập: 1.024", "counter"),
    ("Hôm nay: 3.118", "counter"),
    ("Hôm qua: 2.907", "counter"),
    ("Đã truy cập: 12345678", "counter"),
    ("Tổng lượt truy cập: 4.556.120", "counter"),
    ("Trực tuyến: 8 Hôm nay: 311 Tháng này: 9.120", "counter"),
    ("Đang trực tuyến: 37 | Lượt truy cập: 2.004.118", "counter"),
    ("Số người truy cập: 1.204.556 | Hôm nay: 880", "counter"),
    ("Đang trực tuyến: 95 Tổng truy cập: 3.120.447", "counter"),
    ("Hôm nay: 120 | Tháng này: 4.500 | Tất cả: 98.761", "counter"),
    ("Lượt xem: 377", "counter"),
    ("Lượt truy cập bài viết: 2.315", "counter"),
    ("Lượt xem tin bài: 96", "counter"),
    ("Số lần xem: 814", "counter"),
    ("Đã xem: 5.310", "counter"),
    ("Báo Sông Lam. Giấy phép số 12/GP-BTTTT. Tổng Biên tập: Lê Văn Hải", "masthead"),
    (
        "Báo Núi Xanh. Giấy phép số 7/GP-BVHTTDL. Chịu trách nhiệm nội dung: Tổng Biên tập Hà Mai",
        "masthead",
    ),
    ("1.452 lượt xem", "counter"),
    ("  36 bình luận", "counter"),
    ("• Thống kê truy cập", "counter"),
    ("Liên kết website", "navigation"),
    ("Website liên kết:", "navigation"),
    ("Trang chủ » Tin tức » Chuyển đổi số", "navigation"),
    ("NewsDetailController", "navigation"),
    ("Quảng Bình đẩy mạnh thanh toán số - Ảnh 2", "image_marker"),
    ("Kon Tum ra mắt cổng dữ liệu – Hình 1", "image_marker"),
    ("ha7", "image_marker"),
    ("anh12", "image_marker"),
    ("IMG_2048", "image_marker"),
    ("DSC_0031.JPG", "image_marker"),
    ("Ảnh 3", "image_marker"),
    ("Ảnh minh họa", "image_credit"),
    ("Ảnh: Minh Châu", "image_credit"),
    ("Đường dây nóng: 0912 345 678", "contact"),
    ("Điện thoại: 0233 3852 111 - Fax: 0233 3852 112", "contact"),
    ("Email: bandoc@baotinh.vn", "contact"),
    ("Liên hệ: Sở TT&TT tỉnh Gia Lai, số 2 Trần Hưng Đạo. Điện thoại: 0269 3823 000", "contact"),
    (
        "Bạn đang đọc bài viết Kon Tum ra mắt cổng dữ liệu. Liên hệ quảng cáo: 0909 000 111",
        "reading_notice",
    ),
    ("Bạn đang xem bài viết: Gia Lai số hóa hồ sơ", "reading_notice"),
    ("Theo dõi Báo Gia Lai trên Google News", "follow"),
    ("Theo dõi chúng tôi trên", "follow"),
    ("Bạn đã không sử dụng Site, hãy đăng nhập lại để tiếp tục.", "login"),
    ("Đăng nhập | Đăng ký", "login"),
    ("Nhấn vào đây để tải văn bản", "login"),
    ("Chia sẻ", "share"),
    ("Chia sẻ Facebook Zalo In bài", "share"),
    ("In bài viết | Gửi email | Quay lại", "share"),
    ("Bình luận (0)", "share"),
    ("Tổng số điểm của bài viết là: 12 trong 3 đánh giá", "share"),
    ("© 2024 Cổng thông tin điện tử tỉnh Kon Tum", "copyright"),
    ("Copyright by Sở Thông tin và Truyền thông", "copyright"),
    ("Bản quyền thuộc về Báo Gia Lai", "copyright"),
    ("Ghi rõ nguồn khi phát hành lại thông tin từ website này", "copyright"),
    ("Chịu trách nhiệm nội dung: Ông Trần Văn B", "copyright"),
    ("Từ khóa: chuyển đổi số, thuê bao", "tags"),
    ("Tin liên quan", "related"),
    ("Cùng chuyên mục:", "related"),
    ("Các tin khác", "related"),
    ("Tin mới nhất", "related"),
    ("Những tin cũ hơn", "related"),
    ("Tin đã đăng:", "related"),
    ("Xem thêm: Gia Lai số hóa hồ sơ", "related"),
    ("Địa chỉ: Số 12 Lê Lợi, Phường 3, TP. Tuy Hòa, tỉnh Phú Yên", "address"),
    ("Trụ sở: 08 Nguyễn Huệ, phường 5, thành phố Vĩnh Long", "address"),
    ("Văn phòng đại diện: tầng 4, số 9 Trần Phú, Hà Nội", "address"),
    ("Trực tuyến: 37 - Tổng truy cập: 1.204.552", "counter"),
]

# real article lines that must stay untouched
CONTENT_LINES = [
    "Ảnh hưởng của bão số 3, 120 trạm BTS bị mất điện.",
    "Ảnh hưởng",
    "Số người dùng dịch vụ công online tăng 25% so với năm trước.",
    "Hôm nay, UBND tỉnh tổ chức hội nghị tổng kết năm 2023.",
    "Đã truy cập vào hệ thống 1.200 lượt trong tháng.",
    "Các đại biểu cắt băng khai trương trung tâm dữ liệu tỉnh Kon Tum.",
    "Đồng chí Trần Văn Bình phát biểu tại hội nghị",
    "Theo dõi thông tin trên mạng, Sở phát hiện 12 trang giả mạo.",
    "Theo dõi sát diễn biến dịch bệnh trên địa bàn tỉnh",
    "Tin mới nhất cho thấy 95% hồ sơ được giải quyết đúng hạn.",
    "Chia sẻ kinh nghiệm chuyển đổi số cấp xã",
    "Sở đã công bố đường dây nóng để người dân phản ánh về tin nhắn rác.",
    "Bản quyền tác giả được bảo hộ theo Luật Sở hữu trí tuệ.",
    "Hình 1: Sơ đồ kết nối 9 hệ thống thông tin của tỉnh",
    "Trang thông tin có 1.931 người theo dõi.",
    "Video clip của huyện đạt 250.000 lượt xem",
    "Ông Trần Văn An - Tổng biên tập Báo Sông Lam cho biết năm nay báo có 12 giải.",
    "Đã xem xét 42 hồ sơ đề nghị hỗ trợ.",
    "Đăng ký kinh doanh qua mạng đạt 100% hồ sơ.",
    "Thống kê truy cập cổng dịch vụ công cho thấy lượng người dùng tăng mạnh.",
    "Tổng kết công tác năm 2023",
    "Liên hệ với Sở để được hỗ trợ cài đặt chữ ký số.",
    "Điện thoại thông minh được 90% người dân sử dụng.",
    "Địa chỉ tiếp nhận hồ sơ của 12 xã được niêm yết công khai.",
    "Trụ sở mới của 3 phường được đưa vào sử dụng.",
    "Video giới thiệu du lịch tỉnh đạt 2,5 triệu lượt xem trên mạng xã hội.",
    "Số lượt truy cập cổng dịch vụ công tăng 40% so với năm trước.",
    "Đang trực tuyến có 58 cán bộ tham gia tập huấn từ các xã.",
    "Phóng sự | Clip về lễ hội đạt 1,2 triệu lượt xem trong một tuần.",
    "Sở hướng dẫn người dân gửi hồ sơ bản PDF dung lượng không quá 5 MB.",
    "Có 1.250 người dự hội nghị trực tuyến | phần hỏi đáp kéo dài 2 giờ.",
    "Bài viết nhận được 36 bình luận của bạn đọc trong ngày đầu.",
    "Dự thảo được đưa ra bình luận (14 ý kiến) tại hội thảo.",
    "Số lần xem xét lại: 3 hồ sơ được chấp thuận.",
    "Mỗi người được xem 2 lần miễn phí tại bảo tàng.",
]


@pytest.mark.parametrize(("line", "kind"), WHOLE_LINES, ids=[w[0][:30] for w in WHOLE_LINES])
def test_clean_marks_whole_line(line, kind):
    text = f"Mở đầu bài viết có nội dung.\n{line}\nKết thúc bài viết."
    start = text.index(line)
    spans = find_furniture(text)
    assert [(s.start, s.end, s.kind) for s in spans] == [(start, start + len(line), kind)]


@pytest.mark.parametrize("line", CONTENT_LINES)
def test_clean_keeps_content_line(line):
    text = f"Đoạn văn đầu tiên của bài.\n\n{line}\n\nĐoạn văn cuối cùng của bài."
    assert find_furniture(text) == []


@pytest.mark.parametrize(
    ("line", "furniture", "kind"),
    [
        (
            "Mọi ý kiến xin gửi về. Thông tin phản ánh, liên hệ đường dây nóng: 0912 345 678 Hoặc email: toasoan@baotinh.vn",  # noqa: E501
            "Thông tin phản ánh, liên hệ đường dây nóng: 0912 345 678 Hoặc email: toasoan@baotinh.vn",  # noqa: E501
            "contact",
        ),
        (
            "Mọi phản ánh gửi hotline: 1900 1234 để được hỗ trợ.",
            "hotline: 1900 1234",
            "contact",
        ),
        (
            "Khách đăng nhập lại sau khi hết thời gian chờ: 90 giây để tiếp tục",
            "thời gian chờ: 90 giây",
            "login",
        ),
        (
            "Mọi thắc mắc xin gọi Điện thoại: 0269 3823 000 trong giờ hành chính.",
            "Điện thoại: 0269 3823 000",
            "contact",
        ),
        (
            "Lãnh đạo tỉnh thăm gian hàng chuyển đổi số (Ảnh: Thu Hà)",
            "(Ảnh: Thu Hà)",
            "image_credit",
        ),
        (
            "Ngày đăng: 12/03/2024 | Lượt xem: 1.234 | Cỡ chữ: A A A",
            "Lượt xem: 1.234",
            "counter",
        ),
        (
            "Cập nhật 09:40, 11/5/2025 | Lượt xem bài viết: 1.317 | In bài",
            "Lượt xem bài viết: 1.317",
            "counter",
        ),
        (
            "Cập nhật 08:15 thứ Hai, 14/10/2024 | Số lần xem: 1.506",
            "Số lần xem: 1.506",
            "counter",
        ),
        (
            "Đăng lúc 10:05, 02/11/2024 | Bình luận (12)",
            "Bình luận (12)",
            "counter",
        ),
        (
            "Cập nhật 08:15 ngày 02/7/2024 - lượt đọc: 517",
            "lượt đọc: 517",
            "counter",
        ),
        (
            "Chuyên mục Viễn thông | Lượt truy cập: 1.204.388 | Đang online: 57",
            "Lượt truy cập: 1.204.388 | Đang online: 57",
            "counter",
        ),
        (
            "Chuyên mục Xã hội số | Đang trực tuyến: 41 | Lượt truy cập: 905.112",
            "Đang trực tuyến: 41 | Lượt truy cập: 905.112",
            "counter",
        ),
        (
            "Tác giả: Minh Hà | Views: 2.208",
            "Views: 2.208",
            "counter",
        ),
        (
            "Kinh tế | 14/06/2024 10:20 | 2.517 lượt xem",
            "| 2.517 lượt xem",
            "counter",
        ),
        (
            "Thời sự • 03/09/2024 • 612 lượt đọc • In bài",
            "• 612 lượt đọc",
            "counter",
        ),
        (
            "Văn bản kèm theo: Tải về (PDF, 1,4 MB)",
            "Tải về (PDF, 1,4 MB)",
            "download",
        ),
        (
            "Báo cáo tổng kết năm (DOCX, 86 KB)",
            "(DOCX, 86 KB)",
            "download",
        ),
        # a licence on a contact line is the masthead's, read for its document
        (
            "Giấy phép số 218/GP-BTTTT ngày 09/5/2022 | Hòa Bình",
            "Giấy phép số 218/GP-BTTTT ngày 09/5/2022",
            "copyright",
        ),
    ],
    ids=[
        "hotline-email",
        "hotline",
        "login-wait",
        "phone",
        "photo-credit",
        "meta-views",
        "meta-views-of-article",
        "meta-times-viewed",
        "meta-comments",
        "meta-reads",
        "meta-two-counters",
        "meta-online-vi",
        "meta-views-en",
        "meta-views-after-bar",
        "meta-reads-after-dot",
        "download-size",
        "download-size-bare",
        "licence",
    ],
)
def test_clean_marks_inline_span(line, furniture, kind):
    text = f"Đầu bài.\n{line}\n"
    spans = find_furniture(text)
    start = text.index(furniture)
    assert [(s.start, s.end, s.kind) for s in spans] == [(start, start + len(furniture), kind)]


# share buttons inside a longer line, or worded past what share_buttons lists:
# (line, the share span)
SHARE_SPANS = [
    ("Chia sẻ bài viết: Facebook | Zalo | Sao chép đường dẫn", None),
    ("Chia sẻ tin:  Zalo  Facebook  In trang", None),
    ("Chia sẻ: Facebook Zalo Telegram | Thích 57", None),
    (
        "Lượt đọc: 2.640 | Chia sẻ: Zalo - Facebook | Lên đầu trang",
        "Chia sẻ: Zalo - Facebook | Lên đầu trang",
    ),
    ("Chia sẻ: [Zalo] [Facebook]   Lượt xem: 918", "Chia sẻ: [Zalo] [Facebook]"),
    ("Tệp đính kèm: [DOCX]   Chia sẻ   Facebook   Zalo", "Chia sẻ   Facebook   Zalo"),
]


@pytest.mark.parametrize(("line", "share"), SHARE_SPANS, ids=[s[0][:30] for s in SHARE_SPANS])
def test_clean_marks_share_buttons_inside_line(line, share):
    share = share or line
    text = f"Đầu bài.\n{line}\nCuối bài."
    start = text.index(share)
    spans = find_furniture(text)
    assert (start, start + len(share), "share") in [(s.start, s.end, s.kind) for s in spans]


@pytest.mark.parametrize(
    "line",
    [
        "Hợp tác xã chia sẻ trên Facebook các đơn hàng nông sản mỗi tuần.",
        "Anh Tùng chia sẻ Zalo của tổ công nghệ số cho 40 hộ trong thôn.",
        "Nhiều bạn trẻ chia sẻ qua Facebook, Zalo những hình ảnh đẹp của quê hương.",
    ],
)
def test_clean_keeps_prose_about_sharing(line):
    text = f"Đoạn đầu.\n\n{line}\n\nĐoạn cuối."
    assert [s.kind for s in find_furniture(text)] == []


@pytest.mark.parametrize(
    ("line", "kind"),
    [
        ("BÁO CAO BẰNG - Cơ quan của Tỉnh ủy Cao Bằng", "masthead"),
        (
            "Cổng thông tin điện tử tỉnh Lai Châu – Cơ quan chủ quản: Văn phòng UBND tỉnh",
            "masthead",
        ),
        ("Cơ quan của Đảng bộ tỉnh Bắc Kạn", "masthead"),
        ("Giấy phép số 12/GP-BTTTT. Tổng Biên tập: Hoàng Thị Lan", "masthead"),
        ("BÁO CAO BẰNG - Tổng Biên tập: Nông Thị Hà", "masthead"),
    ],
)
def test_clean_marks_masthead_lines(line, kind):
    text = f"Đầu bài.\n{line}\nCuối bài."
    start = text.index(line)
    spans = find_furniture(text)
    assert [(s.start, s.end, s.kind) for s in spans] == [(start, start + len(line), kind)]


def test_clean_masthead_keeps_related_list_open():
    text = (
        "Đoạn văn của bài.\n\nTin liên quan:\n- Cao Bằng khai trương bưu cục số\n\n"
        "BÁO CAO BẰNG - Cơ quan của Tỉnh ủy Cao Bằng\nSố 8 Hoàng Đình Giong, phường Hợp Giang\n"
    )
    kinds = [(text[s.start : s.end][:12], s.kind) for s in find_furniture(text)]
    assert kinds[-2:] == [("BÁO CAO BẰNG", "masthead"), ("Số 8 Hoàng Đ", "related")]


@pytest.mark.parametrize(
    "line",
    [
        "Cơ quan của tỉnh đã cử 12 cán bộ đi học tập kinh nghiệm ở nước ngoài.",
        "Sở Nội vụ là cơ quan của UBND tỉnh giúp quản lý về tổ chức bộ máy.",
    ],
)
def test_clean_keeps_prose_about_a_body(line):
    text = f"Đoạn đầu.\n\n{line}\n\nĐoạn cuối."
    assert find_furniture(text) == []


def test_clean_image_marker_keeps_caption():
    text = (
        "Kon Tum: Số hóa dữ liệu đất đai\n\n"
        "Kon Tum: Số hóa dữ liệu đất đai - Ảnh 1\n"
        "Ông Trần Văn Bình, Giám đốc Sở, kiểm tra hệ thống.\n"
    )
    spans = find_furniture(text)
    marker = "Kon Tum: Số hóa dữ liệu đất đai - Ảnh 1"
    assert [(text[s.start : s.end], s.kind) for s in spans] == [(marker, "image_marker")]


def test_clean_related_heading_takes_listed_headlines():
    text = (
        "Bài chính nói về 2.000 thuê bao.\n\n"
        "Tin liên quan\n"
        "Gia Lai số hóa 500 hồ sơ đất đai\n"
        "Kon Tum có 120 trạm BTS mới (12/03/2024)\n\n"
        "Tin mới\n"
        "Quảng Trị phủ sóng 4G toàn tỉnh\n"
    )
    marked = [text[s.start : s.end] for s in find_furniture(text)]
    assert marked == [
        "Tin liên quan",
        "Gia Lai số hóa 500 hồ sơ đất đai",
        "Kon Tum có 120 trạm BTS mới (12/03/2024)",
        "Tin mới",
        "Quảng Trị phủ sóng 4G toàn tỉnh",
    ]


def test_clean_related_list_stops_at_prose():
    text = (
        "Xem thêm\n"
        "Gia Lai số hóa 500 hồ sơ\n"
        "Sau hội nghị, các sở ngành sẽ triển khai kế hoạch cho năm 2024.\n"
        "Kon Tum có 120 trạm BTS mới\n"
    )
    marked = [text[s.start : s.end] for s in find_furniture(text)]
    assert marked == ["Xem thêm", "Gia Lai số hóa 500 hồ sơ"]


def test_clean_never_changes_text():
    text = "Đang online: 5\r\nHôm nay: 7\n\nNội dung."
    copy = str(text)
    spans = find_furniture(text)
    assert text == copy
    assert all(0 <= s.start < s.end <= len(text) for s in spans)


@pytest.mark.parametrize(
    ("yaml_text", "problem"),
    [
        (
            "patterns:\n  - id: a\n    kind: x\n    scope: line\n    pattern: '(abc'\n",
            "not a valid regular expression",
        ),
        ("patterns:\n  - id: a\n    kind: x\n    scope: page\n    pattern: 'a'\n", "scope"),
        (
            "patterns:\n  - id: a\n    kind: x\n    scope: line\n    pattern: 'a'\n  - id: a\n    kind: x\n    scope: line\n    pattern: 'b'\n",  # noqa: E501
            "used twice",
        ),
        ("patterns: []\nextra: 1\n", "extra"),
    ],
    ids=["bad-regex", "bad-scope", "duplicate-id", "unknown-key"],
)
def test_clean_rules_problems_are_reported(tmp_path, yaml_text, problem):
    path = tmp_path / "boilerplate.yml"
    path.write_text(yaml_text, encoding="utf-8")
    problems: list[str] = []
    assert load_yaml_section(path, BoilerplateRules, problems) is None
    assert any(problem in p and p.startswith("rules/boilerplate.yml:") for p in problems), problems
