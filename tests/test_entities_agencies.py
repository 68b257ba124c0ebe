"""Agencies by form: party and council bodies written without a name, offices of a body,
the government, divisions and boards, departments written as one abbreviation.

Sentences written for these tests; add new forms as rows of the tables.
"""

from __future__ import annotations

import pytest

from entity_lines import tag_lines


@pytest.fixture(scope="module")
def nlp():
    import vnextract

    return vnextract.load()


def agencies(nlp, text: str, province: str | None = None) -> set[str]:
    entities, _ = tag_lines(nlp, text, province)
    return {e.canonical for e in entities if e.label == "AGENCY"}


AGENCIES = [
    # a district's party committee and council named without the district
    ("Đồng chí Nông Văn Tài, Bí thư Huyện ủy phát biểu.", None, "Huyện ủy"),
    ("Nghị quyết của HĐND huyện được thông qua.", None, "Hội đồng nhân dân huyện"),
    ("UBND xã giao chỉ tiêu cho từng thôn.", None, "Ủy ban nhân dân xã"),
    # standing committees, written out or abbreviated
    ("BTV Tỉnh ủy họp phiên cuối năm.", "Hà Nam", "Ban Thường vụ Tỉnh ủy Hà Nam"),
    ("Ban Thường vụ Huyện ủy Tân Kỳ thống nhất chủ trương.", None, "Ban Thường vụ Huyện ủy Tân Kỳ"),
    # offices of a body
    (
        "Văn phòng UBND tỉnh tiếp nhận văn bản.",
        "Hà Giang",
        "Văn phòng Ủy ban nhân dân tỉnh Hà Giang",
    ),
    ("Văn phòng Tỉnh ủy tổng hợp ý kiến.", "Cao Bằng", "Văn phòng Tỉnh ủy Cao Bằng"),
    ("Bộ Y tế giao Văn phòng Bộ tổng hợp.", None, "Văn phòng Bộ Y tế"),
    ("Văn phòng Bộ Tư pháp đôn đốc các vụ.", None, "Văn phòng Bộ Tư pháp"),
    # the government, and a country's government
    ("Chính phủ ban hành nghị định mới về thuế.", None, "Chính phủ"),
    ("Hiệp định giữa Chính phủ Việt Nam và Chính phủ Campuchia.", None, "Chính phủ Campuchia"),
    # divisions and boards
    (
        "Phòng Tài nguyên và Môi trường huyện kiểm tra.",
        None,
        "Phòng Tài nguyên và Môi trường huyện",
    ),
    ("Ông Lê Công, Trưởng phòng Nội vụ báo cáo.", None, "Phòng Nội vụ"),
    (
        "Ban Quản lý Khu kinh tế tỉnh cấp phép.",
        "Quảng Ninh",
        "Ban Quản lý Khu kinh tế tỉnh Quảng Ninh",
    ),
    # a department's abbreviation with a hyphen, and glued to its head letter
    ("Sở TT-TT tổ chức tập huấn.", "Gia Lai", "Sở Thông tin và Truyền thông Gia Lai"),
    ("Nguồn: STTTT", "Bắc Kạn", "Sở Thông tin và Truyền thông Bắc Kạn"),
    ("Nguồn: SGDĐT", "Bắc Kạn", "Sở Giáo dục và Đào tạo Bắc Kạn"),
    # the Party's national bodies, cited as the issuer of a resolution
    ("Tỉnh quán triệt Chỉ thị số 05-CT/TW của Bộ Chính trị.", "Bắc Kạn", "Bộ Chính trị"),
    ("Ban Bí thư yêu cầu các cấp ủy sơ kết 3 năm.", None, "Ban Bí thư"),
    # a province's branch of the State Bank, with its province or the article's
    (
        "Ngân hàng Nhà nước chi nhánh tỉnh Kiên Giang họp báo quý.",
        None,
        "Ngân hàng Nhà nước chi nhánh tỉnh Kiên Giang",
    ),
    (
        "Theo Ngân hàng Nhà nước chi nhánh tỉnh, dư nợ tăng 6%.",
        "Hậu Giang",
        "Ngân hàng Nhà nước chi nhánh tỉnh Hậu Giang",
    ),
    # a police division after its head's title, the 'phòng' in lower case; a comma inside
    # the field's name ('phòng, chống') does not end it
    (
        "Thiếu tá Vi Văn Nam, Phó Trưởng phòng An ninh mạng và phòng, chống tội phạm sử dụng "
        "công nghệ cao, cho biết đã gỡ 40 trang giả mạo.",
        "Lạng Sơn",
        "Phòng An ninh mạng và phòng, chống tội phạm sử dụng công nghệ cao",
    ),
    (
        "Ông Lò Văn Tiến, Trưởng phòng Cảnh sát giao thông Công an tỉnh Lai Châu, chủ trì.",
        None,
        "Phòng Cảnh sát giao thông Công an tỉnh Lai Châu",
    ),
    # a province's election committee and border guard, the province from the article
    ("Ủy ban bầu cử tỉnh công bố 9 người trúng cử.", "Cà Mau", "Ủy ban bầu cử tỉnh Cà Mau"),
    ("Bộ đội Biên phòng tỉnh tuần tra 24 đường mòn.", "Lào Cai", "Bộ đội Biên phòng tỉnh Lào Cai"),
    # the joint office of the delegation and the council, both bodies abbreviated
    (
        "Văn phòng Đoàn ĐBQH và HĐND tỉnh tiếp 52 lượt công dân.",
        "Kon Tum",
        "Văn phòng Đoàn đại biểu Quốc hội và Hội đồng nhân dân tỉnh Kon Tum",
    ),
    # a sub-department whose name holds four lower-case words, then its province
    (
        "Chi cục An toàn vệ sinh thực phẩm Nghệ An lấy 300 mẫu rau.",
        None,
        "Chi cục An toàn vệ sinh thực phẩm Nghệ An",
    ),
    # a centrally-run city's police named without the city
    (
        "Công an thành phố phối hợp kiểm tra 35 quán karaoke.",
        "Hải Phòng",
        "Công an thành phố Hải Phòng",
    ),
    # a customs branch named after the border gate it serves, the gate inside its name
    (
        "Chi cục Hải quan cửa khẩu quốc tế Cầu Treo thu 210 tỷ đồng.",
        None,
        "Chi cục Hải quan cửa khẩu quốc tế Cầu Treo",
    ),
    # a numbered team of a department
    ("Đội Quản lý thị trường số 7 thu giữ 900 chai rượu.", None, "Đội Quản lý thị trường số 7"),
]


@pytest.mark.parametrize(("text", "province", "canonical"), AGENCIES)
def test_entities_agencies_forms(nlp, text, province, canonical):
    assert canonical in agencies(nlp, text, province)


NOT_AGENCIES = [
    # e-government and the Prime Minister's title are no body
    ("Tỉnh đẩy mạnh xây dựng Chính phủ điện tử.", "Chính phủ"),
    ("Thủ tướng Chính phủ biểu dương tập thể.", "Chính phủ"),
    # a title, not the committee
    ("Ông là Huyện ủy viên khóa mới.", "Huyện ủy"),
    # "phòng" in lower case is a room, "Phòng" before a verb is no division
    ("Cán bộ ngồi trong phòng họp lớn.", "Phòng"),
    # generic plurals
    ("UBND các xã, phường rà soát danh sách.", "Ủy ban nhân dân"),
    # the State Bank's branch is not the State Bank itself
    ("Ngân hàng Nhà nước chi nhánh tỉnh giải ngân 40 tỷ đồng.", "Ngân hàng Nhà nước Việt Nam"),
]


@pytest.mark.parametrize(("text", "word"), NOT_AGENCIES)
def test_entities_agencies_not_an_agency(nlp, text, word):
    got = agencies(nlp, text, "Bình Định")
    assert not any(c.startswith(word) for c in got), got


@pytest.mark.parametrize(
    ("text", "province"),
    [("Công an thành phố phối hợp kiểm tra 35 quán karaoke.", "Nghệ An")],
)
def test_entities_agencies_bare_city_police_needs_a_city(nlp, text, province):
    # in a province's article a bare 'Công an thành phố' is a town's police, unnamed
    assert not any(a.startswith("Công an") for a in agencies(nlp, text, province))
