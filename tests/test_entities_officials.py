"""Officials: a person tied to a title and, where the text says it, an agency.

Sentences written for these tests; add new forms as rows of the tables.
"""

from __future__ import annotations

import pytest

from entity_lines import tag_lines


@pytest.fixture(scope="module")
def nlp():
    import vnextract

    return vnextract.load()


def officials_of(nlp, text: str, province: str | None = None) -> set[tuple[str, str, str | None]]:
    _, officials = tag_lines(nlp, text, province)
    assert all(text[o.char_start : o.char_end] == o.name for o in officials)
    return {(o.name, o.title, o.agency) for o in officials}


OFFICIALS = [
    # name, then title and agency
    (
        "Ông Trần Quốc Toản, Giám đốc Sở Y tế Hà Nam cho biết thêm.",
        None,
        {("Trần Quốc Toản", "Giám đốc", "Sở Y tế Hà Nam")},
    ),
    (
        "Đồng chí Vũ Thị Hằng, Phó Chủ tịch UBND tỉnh dự buổi lễ.",
        "Hưng Yên",
        {("Vũ Thị Hằng", "Phó Chủ tịch", "Ủy ban nhân dân tỉnh Hưng Yên")},
    ),
    # title, agency, then the name
    (
        "Giám đốc Sở Nội vụ Phạm Minh Đức trình bày báo cáo.",
        "Sóc Trăng",
        {("Phạm Minh Đức", "Giám đốc", "Sở Nội vụ Sóc Trăng")},
    ),
    (
        "Thứ trưởng Y tế Đỗ Xuân Tuyên kiểm tra công tác phòng dịch.",
        None,
        {("Đỗ Xuân Tuyên", "Thứ trưởng", "Bộ Y tế")},
    ),
    # two titles after one name: two links, the party title implying its committee
    (
        "Đồng chí Hồ Văn Mười – Tỉnh ủy viên, Phó Giám đốc Sở Tài chính chủ trì.",
        "Đắk Nông",
        {
            ("Hồ Văn Mười", "Tỉnh ủy viên", "Tỉnh ủy Đắk Nông"),
            ("Hồ Văn Mười", "Phó Giám đốc", "Sở Tài chính Đắk Nông"),
        },
    ),
    # two officials in one sentence
    (
        "Bà Ngô Thị Lan, Giám đốc Sở Tư pháp và ông Đinh Văn Hải, Chủ tịch UBND tỉnh cùng dự.",
        "Yên Bái",
        {
            ("Ngô Thị Lan", "Giám đốc", "Sở Tư pháp Yên Bái"),
            ("Đinh Văn Hải", "Chủ tịch", "Ủy ban nhân dân tỉnh Yên Bái"),
        },
    ),
    # academic prefix dropped from the name; a signature on two lines
    (
        "Sở Xây dựng Bình Thuận tổng kết năm.\nTS. Lương Công Danh\n"
        "Giám đốc Sở Xây dựng Bình Thuận",
        None,
        {("Lương Công Danh", "Giám đốc", "Sở Xây dựng Bình Thuận")},
    ),
    # a bare "Sở" after a title: the department the article is about
    (
        "Sở Công Thương Tiền Giang họp.\nÔng Lâm Văn Tâm, Phó Giám đốc Sở phát biểu.",
        None,
        {("Lâm Văn Tâm", "Phó Giám đốc", "Sở Công Thương Tiền Giang")},
    ),
    # the district's name stops where the person's name begins
    (
        "Chủ tịch UBND huyện Kỳ Sơn Lò Văn Sáu dự lễ.",
        None,
        {("Lò Văn Sáu", "Chủ tịch", "Ủy ban nhân dân huyện Kỳ Sơn")},
    ),
    # titles are positions alone; a body inside the committee stays in the title, the
    # committee is the agency; one official per title
    (
        "Đồng chí Lò Văn Hưng - Ủy viên BTV Tỉnh ủy, Phó Chủ tịch Thường trực HĐND tỉnh dự.",
        "Sơn La",
        {
            ("Lò Văn Hưng", "Ủy viên Ban Thường vụ", "Tỉnh ủy Sơn La"),
            ("Lò Văn Hưng", "Phó Chủ tịch Thường trực", "Hội đồng nhân dân tỉnh Sơn La"),
        },
    ),
    (
        "Bà Trịnh Thị Nga - Bí thư Huyện ủy, Chủ tịch UBND huyện; ông Hà Văn Long - "
        "Phó Bí thư thường trực Huyện ủy cùng dự.",
        None,
        {
            ("Trịnh Thị Nga", "Bí thư", "Huyện ủy"),
            ("Trịnh Thị Nga", "Chủ tịch", "Ủy ban nhân dân huyện"),
            ("Hà Văn Long", "Phó Bí thư Thường trực", "Huyện ủy"),
        },
    ),
    (
        "Ông Hoàng Minh Tú, Phó Bí thư Tỉnh ủy, Chủ tịch UBND tỉnh kết luận.",
        "Lạng Sơn",
        {
            ("Hoàng Minh Tú", "Phó Bí thư", "Tỉnh ủy Lạng Sơn"),
            ("Hoàng Minh Tú", "Chủ tịch", "Ủy ban nhân dân tỉnh Lạng Sơn"),
        },
    ),
    # title and agency before the name, with a comma or a dash between
    (
        "Thứ trưởng Bộ Công Thương, Đặng Hoàng An khẳng định.",
        None,
        {("Đặng Hoàng An", "Thứ trưởng", "Bộ Công Thương")},
    ),
    (
        "Phó Chủ tịch UBND tỉnh – Lê Văn Sỹ thăm hỏi các hộ dân.",
        "Cà Mau",
        {("Lê Văn Sỹ", "Phó Chủ tịch", "Ủy ban nhân dân tỉnh Cà Mau")},
    ),
    # acting titles
    (
        "Quyền Chủ tịch UBND tỉnh Phạm Anh Tuấn ký quyết định.",
        "Bình Định",
        {("Phạm Anh Tuấn", "Quyền Chủ tịch", "Ủy ban nhân dân tỉnh Bình Định")},
    ),
    # company titles: the company is the agency
    (
        "Tổng Giám đốc Tập đoàn Hòa Phát Nguyễn Việt Thắng cho biết.",
        None,
        {("Nguyễn Việt Thắng", "Tổng Giám đốc", "Tập đoàn Hòa Phát")},
    ),
    (
        "Chủ tịch HĐQT Công ty cổ phần Sữa Việt Nam, bà Mai Kiều Liên phát biểu.",
        None,
        {("Mai Kiều Liên", "Chủ tịch Hội đồng quản trị", "Công ty cổ phần Sữa Việt Nam")},
    ),
    (
        "Phó Tổng giám đốc Đài Truyền hình Việt Nam Lê Ngọc Quang dự lễ.",
        None,
        {("Lê Ngọc Quang", "Phó Tổng Giám đốc", "Đài Truyền hình Việt Nam")},
    ),
    # a title with its division, then the body the division belongs to
    (
        "Ông Phùng Văn Khải, Trưởng phòng Nội vụ, UBND huyện Ba Vì báo cáo.",
        None,
        {("Phùng Văn Khải", "Trưởng phòng", "Phòng Nội vụ")},
    ),
    # a title with no agency written and none implied
    (
        "Ông Huỳnh Tấn Phát, Tổng Biên tập, trả lời phỏng vấn.",
        None,
        {("Huỳnh Tấn Phát", "Tổng Biên tập", None)},
    ),
]


@pytest.mark.parametrize(("text", "province", "expected"), OFFICIALS)
def test_entities_officials_forms(nlp, text, province, expected):
    assert officials_of(nlp, text, province) == expected


NO_OFFICIALS = [
    # a title with no name
    "Đồng chí Phó Chủ tịch UBND tỉnh đề nghị các sở tiếp tục cố gắng.",
    "Bộ máy gồm Giám đốc, 02 Phó Giám đốc và 10 chuyên viên.",
    # a byline is a person, never an official
    "Tác giả: Đặng Thùy Trâm\nGiám đốc Sở Y tế",
    # a name alone on its line, and the next line is not a title line
    "Nguyễn Hoàng Anh\nBạn đang đọc bài viết về chuyển đổi số.",
]


@pytest.mark.parametrize("text", NO_OFFICIALS)
def test_entities_officials_none(nlp, text):
    assert officials_of(nlp, text, "Hà Nam") == set()
