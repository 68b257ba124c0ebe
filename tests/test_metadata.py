"""Headline, dateline, author and province; every article here was written for these tests."""

from __future__ import annotations

import pytest

from vnextract.core.rules import load_yaml_section
from vnextract.ingest.furniture import find_furniture
from vnextract.ingest.metadata import MetadataRules, extract_metadata

TITLE = "Quảng Trị phủ sóng 4G đến 98% số thôn bản"
BODY = (
    "Năm 2023, tỉnh Quảng Trị có 1.250 trạm BTS, tăng 8% so với năm trước. "
    "Sở TT&TT Quảng Trị cho biết 100% xã đã có cáp quang."
)


def meta(text: str, html_title: str | None = None):
    return extract_metadata(text, find_furniture(text), html_title=html_title)


@pytest.mark.parametrize(
    ("dateline", "published"),
    [
        ("Thứ ba, 24/01/2023 17:46 (GMT+7)", "2023-01-24T17:46"),
        ("04/01/2024 16:30", "2024-01-04T16:30"),
        ("Thứ hai - 04/11/2024 15:22 109 0", "2024-11-04T15:22"),
        ("Cập nhật: 05/03/2024 08:15", "2024-03-05T08:15"),
        ("Ngày đăng: 5/3/2024", "2024-03-05"),
        ("Cập nhật lúc 10:30, 12/06/2023", "2023-06-12T10:30"),
        ("Thứ Sáu, 15/3/2024, 08:00 GMT+7", "2024-03-15T08:00"),
        ("Chủ nhật, 07-01-2024 - 21h05", "2024-01-07T21:05"),
        ("Thứ năm, ngày 14/03/2024 - 09:15", "2024-03-14T09:15"),
        ("12.09.2022", "2022-09-12"),
        ("Ngày 20 tháng 8 năm 2022", "2022-08-20"),
        ("2023-11-02T07:30:00+07:00", "2023-11-02T07:30"),
        ("T4, 01/02/2023 | 14:20", "2023-02-01T14:20"),
        ("Đăng lúc: 16:45 - 28/02/2024 | Lượt xem: 1.204", "2024-02-28T16:45"),
        ("Xuất bản ngày 03/10/2023", "2023-10-03"),
    ],
)
def test_metadata_dateline_forms(dateline, published):
    text = f"{TITLE}\n\n{dateline}\n{BODY}\n"
    m = meta(text)
    assert m.published == published
    assert m.title == TITLE
    start = text.index(dateline)
    assert (start, start + len(dateline), "dateline") in [
        (s.start, s.end, s.kind) for s in m.header_spans
    ]


@pytest.mark.parametrize(
    "line",
    [
        "Năm 2023, tỉnh có 1.250 trạm BTS ngày 04/01/2024.",
        "31/02/2024 16:30",
        "Số 6 – 04/7 Trần Phú",
        "9/17 hệ thống 2024",
    ],
    ids=["prose", "impossible-date", "address", "ratio"],
)
def test_metadata_not_a_dateline(line):
    assert meta(f"{TITLE}\n{line}\n{BODY}").published is None


@pytest.mark.parametrize(
    ("header", "published", "kinds"),
    [
        (
            "Thứ bảy, 22/06/2024 09:10 (GMT+7)\nThứ tư, 15/03/2023 10:05 (GMT+7)",
            "2023-03-15T10:05",
            ["crawl_stamp", "dateline"],
        ),
        (
            "22/06/2024 09:10\n\n18/01/2023 08:00\n",
            "2023-01-18T08:00",
            ["crawl_stamp", "dateline"],
        ),
        (
            "Ngày đăng: 10/05/2023\nCập nhật: 12/05/2023 16:00",
            "2023-05-10",
            ["dateline", "dateline"],
        ),
        (
            "01/08/2024 06:00\n01/08/2024 06:00\n20/07/2024 15:30",
            "2024-07-20T15:30",
            ["crawl_stamp", "crawl_stamp", "dateline"],
        ),
    ],
    ids=["crawl-then-real", "blank-between", "posted-then-updated", "two-stamps"],
)
def test_metadata_crawl_stamp_never_wins(header, published, kinds):
    text = f"{header}\n\n{TITLE}\n\n{BODY}\n"
    m = meta(text)
    assert m.published == published
    assert [s.kind for s in m.header_spans if s.kind != "title"] == kinds


def test_metadata_later_dateline_apart_is_ignored():
    text = f"{TITLE}\n03/04/2023\n{BODY}\n\n{BODY}\n15/09/2024\n"
    assert meta(text).published == "2023-04-03"


@pytest.mark.parametrize(
    ("text", "title"),
    [
        (f"Đang online: 12\nHôm nay: 40\n\n{TITLE}\n\n{BODY}", TITLE),
        (f"PageController\n\nKinh tế số\n\n{TITLE}\n\n12/05/2024 10:00\n{BODY}", TITLE),
        (f"22/06/2024 09:10\n18/01/2023 08:00\n\n{TITLE}\n\nTheo dõi Báo X trên\n\n{BODY}", TITLE),
        (
            f"Chuyên mục: Chính quyền số và dịch vụ công\n\n{TITLE}\n\n12/05/2024 10:00\n{BODY}",
            TITLE,
        ),
        (
            f"{BODY}",
            "Năm 2023, tỉnh Quảng Trị có 1.250 trạm BTS, tăng 8% so với năm trước. Sở TT&TT Quảng Trị cho biết 100% xã đã có cáp quang.",  # noqa: E501
        ),
        ("Tin ngắn\n\nMột hai", None),
    ],
    ids=[
        "after-counters",
        "before-dateline",
        "after-stamps",
        "section-above",
        "first-line",
        "none",
    ],
)
def test_metadata_title(text, title):
    m = meta(text)
    assert m.title == title
    if title:
        start = text.index(title)
        assert _header_span(m, "title") == (start, start + len(title))


def _header_span(m, kind):
    spans = [(s.start, s.end) for s in m.header_spans if s.kind == kind]
    return spans[0] if spans else None


@pytest.mark.parametrize(
    ("html_title", "title"),
    [
        (TITLE, TITLE),
        (f"{TITLE} - Báo Quảng Trị điện tử", TITLE),
        ("Một tiêu đề không có trong trang", "Chuyên mục chuyển đổi số của tỉnh nhà"),
    ],
)
def test_metadata_title_prefers_matching_html_title(html_title, title):
    text = f"Chuyên mục chuyển đổi số của tỉnh nhà\n\n{TITLE}\n\n{BODY}"
    assert meta(text, html_title=html_title).title == title


@pytest.mark.parametrize(
    ("ending", "author"),
    [
        ("Tác giả: Trần Thị Mai", "Trần Thị Mai"),
        ("Bài và ảnh: Lê Văn Hùng", "Lê Văn Hùng"),
        ("Nguyễn Minh\n\nBạn đang đọc bài viết về Quảng Trị. Liên hệ: 0912 000 111", "Nguyễn Minh"),
        ("TS. Phan Thanh Long\n\nPhó Giám đốc Sở Thông tin và Truyền thông", "Phan Thanh Long"),
        ("Theo Báo Quảng Trị", "Báo Quảng Trị"),
        ("Hoài Thu (tổng hợp)", "Hoài Thu"),
        ("PV", "PV"),
        ("Nhóm PV", "Nhóm PV"),
        ("Đồng chí Lê Văn Hùng phát biểu tại hội nghị.", None),
        ("Toàn cảnh hội nghị", None),
        ("Quảng Trị", None),
        ("Theo báo cáo của Sở, tỉnh có 1.250 trạm BTS và 98% thôn có sóng 4G.", None),
    ],
)
def test_metadata_author(ending, author):
    text = f"{TITLE}\n\n{BODY}\n\n{ending}\n"
    assert meta(text).author == author


@pytest.mark.parametrize(
    ("text", "province"),
    [
        (
            f"{TITLE}\n\n{BODY}\nĐoàn công tác tỉnh Quảng Bình đến thăm và học tập kinh nghiệm.",
            "Quảng Trị",
        ),
        (
            "Thanh Hoá phát triển hạ tầng số mạnh mẽ\n\nTỉnh Thanh Hoá có 2,9 triệu thuê bao.",
            "Thanh Hóa",
        ),
        (
            "Hội nghị chuyển đổi số toàn ngành năm 2024\n\nSở TT&TT tổng kết công tác năm 2023 của tỉnh.",  # noqa: E501
            None,
        ),
        (
            "Hợp tác vùng về chuyển đổi số năm 2024\n\nĐại biểu Nghệ An và Hà Tĩnh cùng ký kết. Nghệ An và Hà Tĩnh sẽ chia sẻ dữ liệu.",  # noqa: E501
            None,
        ),
        (
            "Học tập và làm theo tư tưởng Hồ Chí Minh trong ngành\n\nCán bộ Sở học tập tư tưởng Hồ Chí Minh.",  # noqa: E501
            None,
        ),
        (
            "Khánh Hòa dẫn đầu về chỉ số chuyển đổi số\n\nKhánh Hoà có 300 trạm BTS; tỉnh Ninh Thuận có 150 trạm.",  # noqa: E501
            "Khánh Hòa",
        ),
    ],
    ids=[
        "one-province-other-mentioned",
        "old-tones",
        "no-province",
        "two-provinces-tie",
        "person-not-city",
        "title-weight",
    ],
)
def test_metadata_province(text, province):
    assert meta(text).province == province


def test_metadata_province_ignores_furniture():
    text = (
        f"{TITLE}\n\n{BODY}\n\nTin liên quan\nGia Lai có 500 trạm BTS\nGia Lai số hóa hồ sơ\n"
        "Gia Lai phủ sóng 5G\nGia Lai mở cổng dữ liệu\nGia Lai kết nối 20 hệ thống\n"
    )
    assert meta(text).province == "Quảng Trị"


def test_metadata_province_after_merger_uses_new_name():
    text = "Hà Giang chuyển đổi số vùng cao\n\n02/09/2025 08:00\nTỉnh Hà Giang có 200 trạm BTS."
    assert meta(text).province == "Tuyên Quang"


@pytest.mark.parametrize(
    ("yaml_text", "problem"),
    [
        ("dateline: {}\nauthor: {}\n", "Field required"),
        ("title: {min_words: many}\n", "valid integer"),
    ],
)
def test_metadata_rules_problems_are_reported(tmp_path, yaml_text, problem):
    path = tmp_path / "metadata.yml"
    path.write_text(yaml_text, encoding="utf-8")
    problems: list[str] = []
    assert load_yaml_section(path, MetadataRules, problems) is None
    assert any(problem in p for p in problems), problems
