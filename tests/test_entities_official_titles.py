"""Officials with the titles of sub-departments, general departments, stations and
villages, the standing form ``Phó Giám đốc phụ trách``, titles in a row before one name,
and a title whose body starts inside it (``Trưởng Ban`` of ``Ban Chỉ đạo …``).

The title is the position alone (ANNOTATION.md §2). Sentences written for these tests;
add new forms as rows of the tables.
"""

from __future__ import annotations

import pytest

from entity_lines import tag_lines


@pytest.fixture(scope="module")
def nlp():
    import vnextract

    return vnextract.load()


def tagged(nlp, text: str, province: str | None = None):
    entities, officials = tag_lines(nlp, text, province)
    return entities, {(o.name, o.title, o.agency) for o in officials}


OFFICIALS = [
    (
        "Chi cục trưởng Chi cục Kiểm lâm Nguyễn Hữu Tài cho biết có 12 vụ cháy.",
        "Quảng Trị",
        ("Nguyễn Hữu Tài", "Chi cục trưởng", "Chi cục Kiểm lâm Quảng Trị"),
    ),
    (
        "Bà Hà Thị Lụa, Phó Chi cục trưởng Chi cục Thủy sản, báo cáo.",
        "Cà Mau",
        ("Hà Thị Lụa", "Phó Chi cục trưởng", "Chi cục Thủy sản Cà Mau"),
    ),
    (
        "Ông Phạm Quốc Khánh, Phó Tổng cục trưởng Tổng cục Hải quan, dự họp.",
        None,
        ("Phạm Quốc Khánh", "Phó Tổng cục trưởng", "Tổng cục Hải quan"),
    ),
    (
        "Phó Cục trưởng Cục Thuế tỉnh Đặng Văn Hùng phát biểu.",
        "Nam Định",
        ("Đặng Văn Hùng", "Phó Cục trưởng", "Cục Thuế tỉnh Nam Định"),
    ),
    (
        "Bà Lò Thị Xuân, Trạm trưởng Trạm y tế xã, cho biết.",
        None,
        ("Lò Thị Xuân", "Trạm trưởng", None),
    ),
    ("Ông Mùa A Sình, Trưởng bản Nậm Ún, kể lại.", None, ("Mùa A Sình", "Trưởng bản", None)),
    (
        "Bà Lê Thị Hoa, Phó Trưởng thôn Khe Mạ, cho biết.",
        None,
        ("Lê Thị Hoa", "Phó Trưởng thôn", None),
    ),
    (
        "Theo ông Hà Văn Kiên, Phó Giám đốc phụ trách Sở Y tế, tiến độ đạt yêu cầu.",
        "Sơn La",
        ("Hà Văn Kiên", "Phó Giám đốc phụ trách", "Sở Y tế Sơn La"),
    ),
    (
        "Tổng Biên tập Báo Nhân Dân Lê Quốc Minh phát biểu.",
        None,
        ("Lê Quốc Minh", "Tổng Biên tập", "Báo Nhân Dân"),
    ),
    # titles in a row before one name: each is that person's
    (
        "Phó Chủ tịch UBND tỉnh, Trưởng Ban An toàn giao thông tỉnh Trần Văn Phong chủ trì.",
        "Hà Tĩnh",
        ("Trần Văn Phong", "Phó Chủ tịch", "Ủy ban nhân dân tỉnh Hà Tĩnh"),
    ),
    (
        "Phó Chủ tịch UBND tỉnh, Trưởng Ban An toàn giao thông tỉnh Trần Văn Phong chủ trì.",
        "Hà Tĩnh",
        ("Trần Văn Phong", "Trưởng ban", "Ban An toàn giao thông tỉnh Hà Tĩnh"),
    ),
    # a signature: the title alone on its line, the name under it
    (
        "Số liệu tháng 8 năm 2024.\nKT. CỤC TRƯỞNG\nPHÓ CỤC TRƯỞNG\nLâm Văn Hậu",
        None,
        ("Lâm Văn Hậu", "Phó Cục trưởng", None),
    ),
    (
        "Số liệu tháng 8 năm 2024.\nGIÁM ĐỐC\nNguyễn Thị Hạnh",
        None,
        ("Nguyễn Thị Hạnh", "Giám đốc", None),
    ),
    # the body a title's last word starts is its agency
    (
        "Ông Lê Minh Hoan, Giám đốc Sở Y tế, Phó Trưởng Ban Chỉ đạo chuyển đổi số tỉnh, dự.",
        "Bình Phước",
        ("Lê Minh Hoan", "Phó Trưởng ban", "Ban Chỉ đạo chuyển đổi số tỉnh Bình Phước"),
    ),
    # a standing deputy head and the head of a working group
    (
        "Ông Vi Đức Thọ, Phó Trưởng ban Thường trực Ban Chỉ đạo phòng, chống thiên tai, dự họp.",
        None,
        ("Vi Đức Thọ", "Phó Trưởng ban Thường trực", None),
    ),
    (
        "Ông Lò Văn Khoa, Phó Chủ tịch UBND tỉnh, Tổ trưởng Tổ công tác Đề án 06, chủ trì.",
        "Điện Biên",
        ("Lò Văn Khoa", "Tổ trưởng", None),
    ),
    # the head of an event's organising board keeps the board in the title
    (
        "Bà Đinh Thị Hạnh, Phó Chủ tịch UBND tỉnh, Trưởng Ban Tổ chức hội chợ cho biết "
        "có 400 gian hàng.",
        "Gia Lai",
        ("Đinh Thị Hạnh", "Trưởng Ban Tổ chức", None),
    ),
]


@pytest.mark.parametrize(("text", "province", "official"), OFFICIALS)
def test_entities_official_titles_linked(nlp, text, province, official):
    assert official in tagged(nlp, text, province)[1]


NOT_OFFICIALS = [
    # the village a village head heads is a place, not a person
    ("Ông Mùa A Sình, Trưởng bản Nậm Ún, kể lại.", None, ("Nậm Ún", "Trưởng bản", None)),
    # a title line is a signature only for the line right under it
    (
        "Số liệu tháng 8.\nGIÁM ĐỐC\nđã ký\nNguyễn Thị Hạnh",
        None,
        ("Nguyễn Thị Hạnh", "Giám đốc", None),
    ),
    # a title already given to the name before it does not run on to the next name
    (
        "Ông Lê Văn Hùng, Giám đốc Sở Y tế, Phó Giám đốc Sở Tài chính Trần Văn Ba dự.",
        "Hà Nam",
        ("Trần Văn Ba", "Giám đốc", "Sở Y tế Hà Nam"),
    ),
]


@pytest.mark.parametrize(("text", "province", "official"), NOT_OFFICIALS)
def test_entities_official_titles_not_misread(nlp, text, province, official):
    assert official not in tagged(nlp, text, province)[1]


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("Ông Mùa A Sình, Trưởng bản Nậm Ún, kể lại.", "bản Nậm Ún"),
        ("Bà Lê Thị Hoa, Trưởng thôn Khe Mạ, cho biết.", "thôn Khe Mạ"),
    ],
)
def test_entities_official_titles_village_is_a_place(nlp, text, place):
    entities, _ = tagged(nlp, text)
    assert ("LOCATION", place) in {(e.label, e.canonical) for e in entities}


@pytest.mark.parametrize(
    ("text", "province", "agency"),
    [
        # the party committee a standing-committee member's title names is named there
        ("Ông Lò Văn Mừng, Ủy viên Ban Thường vụ Tỉnh ủy, dự họp.", "Yên Bái", "Tỉnh ủy Yên Bái"),
        ("Bà Hà Thị Nga, Ủy viên BTV Tỉnh ủy, phát biểu.", "Lào Cai", "Tỉnh ủy Lào Cai"),
    ],
)
def test_entities_official_titles_body_names_its_organisation(nlp, text, province, agency):
    entities, _ = tagged(nlp, text, province)
    assert ("AGENCY", agency) in {(e.label, e.canonical) for e in entities}
