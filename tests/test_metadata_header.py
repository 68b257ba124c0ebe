"""The page's header: datelines that carry furniture, and the headline among mastheads,
menus and breadcrumbs. Every line here was written for these tests."""

from __future__ import annotations

import pytest

from vnextract.core.rules import load_yaml_section
from vnextract.ingest.furniture import find_furniture
from vnextract.ingest.metadata import MetadataRules, extract_metadata

TITLE = "Quảng Trị đưa 1.200 hồ sơ thủ tục hành chính lên môi trường số"
SAPO = (
    "(QT) - Sau nửa năm triển khai, phần lớn hồ sơ của người dân và doanh nghiệp "
    "trong tỉnh đã được tiếp nhận và trả kết quả trực tuyến."
)
BODY = (
    "Theo Sở Khoa học và Công nghệ Quảng Trị, 6 tháng đầu năm 2024 toàn tỉnh tiếp nhận "
    "1.200 hồ sơ trực tuyến, tăng 18% so với cùng kỳ năm trước."
)
MASTHEAD = "BÁO VÀ PHÁT THANH, TRUYỀN HÌNH QUẢNG TRỊ"
MENU = "Thời sự | Chính trị | Kinh tế | Xã hội | Văn hóa | Thể thao"
CRUMB = "Trang chủ / Kinh tế / Chuyển đổi số"
DATELINE = "Cập nhật: 03/02/2025 11:40 | Lượt xem: 1.288 | Cỡ chữ: A A A"


def meta(text: str, html_title: str | None = None):
    return extract_metadata(text, find_furniture(text), html_title=html_title)


FORMS = [
    (DATELINE, "2025-02-03T11:40"),
    ("21/03/2024 | 14:05 | Lượt xem: 907 | Cỡ chữ: A- A+", "2024-03-21T14:05"),
    ("Báo Quảng Trị | Thứ Năm, 06/06/2024", "2024-06-06"),
    ("Chủ Nhật, 09/03/2025, 18:22 Lượt xem: 640 Cỡ chữ A", "2025-03-09T18:22"),
    (
        "Cập nhật lúc 07:05, Thứ Bảy, 01/02/2025 (GMT+7)   Lượt xem: 3.004   Cỡ chữ: [-] [+]",
        "2025-02-01T07:05",
    ),
    ("02/12/2023 09:50 · Lượt xem: 12.410 · Cỡ chữ: A A A", "2023-12-02T09:50"),
    ("Ngày đăng: 14/08/2025 | Lượt xem: 95 | Cỡ chữ: A- A A+ | In | Gửi email", "2025-08-14"),
    ("Kinh tế - Xã hội | 30/09/2024 16:10 | 2.315 lượt xem", "2024-09-30T16:10"),
    ("Thứ Hai, 22/07/2024 | English | Sơ đồ trang", "2024-07-22"),
    ("Ngày đăng: 11/11/2024 | Lượt xem: 208 | Tải về (PDF, 1.024 KB)", "2024-11-11"),
    ("Cập nhật lúc 15:50 ngày 04/03/2025 | Lượt xem: 777 | A- A+", "2025-03-04T15:50"),
    ("Thứ sáu, 07/06/2024 - 08:15 | Số lượt xem: 321", "2024-06-07T08:15"),
    ("19/05/2024 10:00 | Cỡ chữ | Chia sẻ | Bình luận (7)", "2024-05-19T10:00"),
    ("Ngày xuất bản: 02/01/2025 | Lượt xem: 1.500 | [A-] [A] [A+]", "2025-01-02"),
    ("Ngày đăng: 03/10/2024 | Người đăng: Ban biên tập | Lượt xem: 88", "2024-10-03"),
    ("Thứ Tư, 11/09/2024, 06:30 (GMT+7)   |   Lượt đọc: 415", "2024-09-11T06:30"),
    ("Ngày 20/06/2024 | Lượt xem: 1.130 | In | Gửi bài", "2024-06-20"),
]


def _dateline_span(m):
    return [(s.start, s.end) for s in m.header_spans if s.kind == "dateline"]


@pytest.mark.parametrize(("dateline", "published"), FORMS)
def test_header_dateline_below_headline(dateline, published):
    text = f"{MASTHEAD}\n{MENU}\n{CRUMB}\n\n{TITLE}\n\n{dateline}\n\n{SAPO}\n\n{BODY}\n"
    m = meta(text)
    assert m.published == published
    assert m.title == TITLE
    start = text.index(dateline)
    assert (start, start + len(dateline)) in _dateline_span(m)


@pytest.mark.parametrize(("dateline", "published"), FORMS)
def test_header_dateline_above_headline(dateline, published):
    site = "Sở Khoa học và Công nghệ tỉnh Quảng Trị"
    text = f"{site}\n{CRUMB}\n{dateline}\n{TITLE}\n{BODY}\n"
    m = meta(text)
    assert m.published == published
    assert m.title == TITLE


@pytest.mark.parametrize(
    "line",
    [
        "Ngày 15/7/2024, Sở Khoa học và Công nghệ tổ chức hội nghị sơ kết công tác",
        "Cập nhật: 05/03/2024 08:15 theo báo cáo của Sở Tài chính tỉnh",
        "Hà Nội | 12/05/2024 khai mạc hội chợ hàng Việt Nam tại tỉnh",
        "Sáng 26/12/2024, tỉnh tổng kết công tác năm | Lượt xem: 10",
        "Lượt xem: 1.204 | Cỡ chữ: A A A | In trang",
        "Báo Quảng Trị | 31/02/2024 | Lượt xem: 10",
        "Từ 08:00 ngày 14/10 đến 17:00 ngày 16/10/2025, tỉnh diễn tập an toàn thông tin",
    ],
    ids=[
        "prose",
        "label-then-prose",
        "name-then-prose",
        "prose-with-counter",
        "no-date",
        "impossible-date",
        "prose-with-times",
    ],
)
def test_header_prose_with_a_date_is_no_dateline(line):
    m = meta(f"{MASTHEAD}\n{TITLE}\n{line}\n{BODY}\n")
    assert m.published is None
    assert m.title == TITLE


def test_header_dateline_with_furniture_below_the_body_is_not_read():
    text = f"{TITLE}\n\n{BODY}\n\n{BODY}\n\nNgày đăng: 14/08/2025 | Lượt xem: 95 | In\n"
    assert meta(text).published is None


def test_header_masthead_date_then_article_date():
    # the masthead shows the day of the visit; the article's own dateline is earlier
    text = f"{MASTHEAD}\nThứ 4, Ngày 05/02/2025 -\n{CRUMB}\n{TITLE}\n{DATELINE}\n{BODY}\n"
    m = meta(text)
    assert m.published == "2025-02-03T11:40"
    assert m.title == TITLE
    kinds = [s.kind for s in m.header_spans if s.kind != "title"]
    assert kinds == ["crawl_stamp", "dateline"]


def test_header_same_day_prefers_the_stamp_with_its_time():
    text = f"{MASTHEAD}\nThứ Hai, 03/02/2025\n{TITLE}\n{DATELINE}\n{BODY}\n"
    assert meta(text).published == "2025-02-03T11:40"


@pytest.mark.parametrize(
    ("text", "title"),
    [
        (f"{MASTHEAD}\n{MENU}\n{TITLE}\n{DATELINE}\n{BODY}", TITLE),
        (f"CỔNG THÔNG TIN ĐIỆN TỬ TỈNH QUẢNG TRỊ\n{DATELINE}\n{TITLE}\n{BODY}", TITLE),
        (f"Báo Quảng Trị điện tử\n{MENU}\n{CRUMB}\n{TITLE}\n{BODY}", TITLE),
        (f"Sở Khoa học và Công nghệ tỉnh Quảng Trị\n{DATELINE}\n{TITLE}\n{BODY}", TITLE),
        (f"Báo và Phát thanh, Truyền hình Quảng Trị\n{DATELINE}\n{TITLE}\n{SAPO}", TITLE),
        (f"{MENU}\n\n{TITLE}\n\n{BODY}", TITLE),
        (f"Thời sự   Kinh tế   Xã hội   Văn hóa   Thể thao\n{TITLE}\n{BODY}", TITLE),
        (f"Báo Quảng Trị Online > Xã hội > Chuyển đổi số\n{DATELINE}\n{TITLE}\n{BODY}", TITLE),
        (f"Trang chủ > Tin tức - Sự kiện > Hoạt động\n\n{TITLE}\n\n{BODY}", TITLE),
        (f"Cỡ chữ: A- A A+ | In bài | Chia sẻ bài viết\n{TITLE}\n{DATELINE}\n{BODY}", TITLE),
        (f"{MASTHEAD}\n{DATELINE}\n{TITLE}\n{SAPO}\n{BODY}", TITLE),
        (
            f"Trang chủ / Tin tức\n{DATELINE}\nQUẢNG TRỊ DIỄN TẬP AN TOÀN THÔNG TIN NĂM 2025\n"
            f"{BODY}",
            "QUẢNG TRỊ DIỄN TẬP AN TOÀN THÔNG TIN NĂM 2025",
        ),
        (
            f"CỤC THỐNG KÊ TỈNH QUẢNG TRỊ\n{DATELINE}\n"
            "TÌNH HÌNH KINH TẾ - XÃ HỘI THÁNG 8 NĂM 2024\n"
            f"(Trích báo cáo số 12/BC-CTK của Cục Thống kê tỉnh Quảng Trị)\n"
            f"1. Sản xuất công nghiệp và xây dựng\n{BODY}",
            "TÌNH HÌNH KINH TẾ - XÃ HỘI THÁNG 8 NĂM 2024",
        ),
        (
            f"{MASTHEAD}\n{DATELINE}\nSở Khoa học và Công nghệ Quảng Trị tổng kết công tác năm 2024"
            f"\n{BODY}",
            "Sở Khoa học và Công nghệ Quảng Trị tổng kết công tác năm 2024",
        ),
    ],
    ids=[
        "caps-masthead-and-menu",
        "caps-portal-then-dateline",
        "site-name",
        "agency-name-before-dateline",
        "paper-name-before-dateline",
        "bar-menu",
        "spaced-menu",
        "site-breadcrumb",
        "home-breadcrumb",
        "font-size-bar",
        "sapo-after-headline",
        "caps-headline-alone",
        "caps-report-headline-over-note-and-section",
        "agency-headline-is-no-site-name",
    ],
)
def test_header_headline(text, title):
    m = meta(text)
    assert m.title == title
    start = text.index(title)
    assert (start, start + len(title), "title") in [
        (s.start, s.end, s.kind) for s in m.header_spans
    ]


def test_header_prose_is_not_taken_over_a_headline():
    text = f"{MASTHEAD}\n{CRUMB}\n{TITLE}\n{SAPO}\n{BODY}\n"
    assert meta(text).title == TITLE
    text = f"{DATELINE}\n{TITLE}\n{SAPO}\n{BODY}\n"
    assert meta(text).title == TITLE


@pytest.mark.parametrize("field", ["menu", "breadcrumb", "site_head", "outline"])
def test_header_title_rules_are_checked(tmp_path, field):
    path = tmp_path / "metadata.yml"
    path.write_text(
        f"title:\n  min_words: 5\n  {field}: '(unclosed'\n"
        "dateline: {label: a, weekday: b, day_word: c, time: '(?P<H>1)(?P<M>2)', zone: z,"
        " textual_date: '(?P<td>1)(?P<tm>2)(?P<ty>3)', trailing: t}\n"
        "author: {label: a, source: b, compiled_suffix: c, byline: d, honorific: e}\n",
        encoding="utf-8",
    )
    problems: list[str] = []
    assert load_yaml_section(path, MetadataRules, problems) is None
    assert any(
        f"metadata.yml:3: title.{field}" in p and "regular expression" in p for p in problems
    ), problems


def test_header_dateline_rules_are_checked(tmp_path):
    path = tmp_path / "metadata.yml"
    path.write_text(
        "dateline: {label: a, weekday: b, day_word: c, time: '(?P<H>1)(?P<M>2)', zone: z,"
        " textual_date: '(?P<td>1)(?P<tm>2)(?P<ty>3)', trailing: t,\n"
        "  furniture: '[unclosed'}\n"
        "author: {label: a, source: b, compiled_suffix: c, byline: d, honorific: e}\n",
        encoding="utf-8",
    )
    problems: list[str] = []
    assert load_yaml_section(path, MetadataRules, problems) is None
    assert any("furniture" in p and "regular expression" in p for p in problems), problems
