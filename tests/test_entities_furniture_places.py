"""Places and organisations on the page's furniture lines: the publisher's address and
masthead, related headlines. Articles written for this test."""

from __future__ import annotations

import pytest

import vnextract

BODY = (
    "Năm 2024, Sở Y tế đã tổ chức 45 lớp tập huấn cho cán bộ y tế cơ sở.\n\n"
    "Các lớp học được mở tại nhiều địa phương trong tỉnh.\n\n"
)

CASES = [
    # an address line: its ward and city are places, its street and house number are not
    (
        "Địa chỉ: Số 12 đường Lê Lai, phường Quang Trung, thành phố Thái Nguyên",
        {"phường Quang Trung", "thành phố Thái Nguyên"},
        {"đường Lê Lai", "Lê Lai"},
    ),
    (
        "Trụ sở: 27 Nguyễn Du, phường Trần Phú, TP. Hà Tĩnh",
        {"phường Trần Phú", "thành phố Hà Tĩnh"},
        {"Nguyễn Du"},
    ),
    # a related headline names a district
    (
        "Tin liên quan:\n- Hội thi tay nghề điều dưỡng tại huyện Đại Từ (12/05/2024)",
        {"huyện Đại Từ"},
        set(),
    ),
]


@pytest.mark.parametrize(("footer", "places", "not_places"), CASES)
def test_entities_furniture_places_read_on_footer_lines(footer, places, not_places):
    got = vnextract.extract_text(BODY + footer + "\nĐiện thoại: 0208 3855 123\n")
    locations = set(got.entities.query("label == 'LOCATION'")["canonical"])
    assert places <= locations, locations
    assert not (not_places & locations), locations
    # no figure is read on a furniture line: the body's 45 is the only record
    assert list(got.records["value_text"]) == ["45"]


@pytest.mark.parametrize(
    "footer", ["Lượt xem: 2.345", "Trang chủ » Tin tức » Huyện Đại Từ", "Điện thoại: 0208 3855 123"]
)
def test_entities_furniture_places_none_on_other_furniture(footer):
    got = vnextract.extract_text(BODY + footer + "\n")
    tail = len(BODY)
    assert all(got.entities["char_start"] < tail), got.entities


# a masthead or imprint under the article: (footer, agencies, officials as (name, title))
MASTHEADS = [
    # the paper's owner after a dash is an agency; the editor after it is an official
    (
        "BÁO BẮC KẠN - Cơ quan của Tỉnh ủy Bắc Kạn. Tổng Biên tập: Hà Minh Khoa",
        {"Tỉnh ủy Bắc Kạn"},
        {("Hà Minh Khoa", "Tổng Biên tập")},
    ),
    # the owner line under a related list still ends the list's headlines
    (
        "Tin cùng chuyên mục\n- Bắc Kạn khai trương bưu cục mới\n\n"
        "Báo Bắc Kạn điện tử - Cơ quan của Tỉnh ủy Bắc Kạn\n"
        "Giấy phép số 77/GP-BTTTT. Tổng Biên tập: Lường Thị Mai",
        {"Tỉnh ủy Bắc Kạn"},
        {("Lường Thị Mai", "Tổng Biên tập")},
    ),
    # a footer imprint: the party committee that owns the paper is an agency, the editor an
    # official
    (
        "Cơ quan chủ quản: Tỉnh ủy Bắc Kạn. Tổng Biên tập: Nông Văn Thạch",
        {"Tỉnh ủy Bắc Kạn"},
        {("Nông Văn Thạch", "Tổng Biên tập")},
    ),
    # any body that owns the portal is an agency the page names
    ("Cơ quan chủ quản: UBND tỉnh Bắc Kạn", {"Ủy ban nhân dân tỉnh Bắc Kạn"}, set()),
    (
        "Cơ quan chủ quản: Văn phòng UBND tỉnh Bắc Kạn",
        {"Văn phòng Ủy ban nhân dân tỉnh Bắc Kạn"},
        set(),
    ),
    # the ministry that issued the licence is named by it, on its own line or after a list
    (
        "Giấy phép số 51/GP-BTTTT ngày 02/6/2021 của Bộ Thông tin và Truyền thông",
        {"Bộ Thông tin và Truyền thông"},
        set(),
    ),
    (
        "Tin liên quan\n- Bắc Kạn phủ sóng 4G các thôn vùng cao\n\n"
        "Báo Bắc Kạn - Cơ quan của Tỉnh ủy Bắc Kạn\n"
        "Giấy phép hoạt động báo chí số 88/GP-BVHTTDL do Bộ Văn hóa, Thể thao và Du lịch cấp",
        {"Tỉnh ủy Bắc Kạn", "Bộ Văn hóa, Thể thao và Du lịch"},
        set(),
    ),
]


@pytest.mark.parametrize(("footer", "agencies", "officials"), MASTHEADS)
def test_entities_furniture_masthead_owner_and_editor(footer, agencies, officials):
    got = vnextract.extract_text(BODY + footer + "\nĐiện thoại: 0209 3870 111\n")
    tail = len(BODY)
    found = got.entities.query(f"label == 'AGENCY' and char_start >= {tail}")
    assert set(found["canonical"]) == agencies
    offs = got.officials.query(f"char_start >= {tail}")
    assert set(zip(offs["name"], offs["title"], strict=True)) == officials
    persons = got.entities.query(f"label == 'PERSON' and char_start >= {tail}")
    assert set(persons["canonical"]) == {name for name, _ in officials}
    # no figure is read on a furniture line: the body's 45 is the only record
    assert list(got.records["value_text"]) == ["45"]


@pytest.mark.parametrize(
    ("footer", "dates"),
    [
        (
            "Tin liên quan:\n- Bắc Kạn cấp 300 chữ ký số cho người dân (14/03/2024)\n"
            "- Hội nghị giao ban chuyển đổi số quý I (02/04/2024)",
            {"2024-03-14", "2024-04-02"},
        ),
        ("Tin cùng chuyên mục\n• Khai giảng lớp kỹ năng số tháng 9/2023", {"2023-09"}),
    ],
)
def test_entities_furniture_related_headline_dates(footer, dates):
    got = vnextract.extract_text(BODY + footer + "\n")
    tail = len(BODY)
    found = got.entities.query(f"label == 'DATE' and char_start >= {tail}")
    assert set(found["canonical"]) == dates
    # the headlines' figures are no records: the body's 45 is the only one
    assert list(got.records["value_text"]) == ["45"]
