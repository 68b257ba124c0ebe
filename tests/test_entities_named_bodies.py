"""Agencies an article names with their place, or without it where the article says which:
a district's bodies written bare (``UBND huyện``), boards and committees with long names,
sub-departments (``Chi cục``), and a named body written bare where the article names it
with its province.

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


FOUND = [
    # a district's bodies written bare in an article about that district
    (
        "Huyện Tủa Chùa có 12 xã.\nNăm nay huyện Tủa Chùa làm 20 km đường.\n"
        "UBND huyện giao chỉ tiêu cho các xã.",
        "Điện Biên",
        "Ủy ban nhân dân huyện Tủa Chùa",
    ),
    (
        "Tại huyện Sìn Hồ, Bí thư Huyện ủy chủ trì cuộc họp.",
        "Lai Châu",
        "Huyện ủy Sìn Hồ",
    ),
    (
        "Người dân huyện Krông Pắc trồng cà phê.\nBan Chỉ đạo chuyển đổi số huyện họp quý.",
        "Đắk Lắk",
        "Ban Chỉ đạo chuyển đổi số huyện Krông Pắc",
    ),
    (
        "Ban Chỉ đạo giảm nghèo bền vững huyện Mù Cang Chải họp.",
        None,
        "Ban Chỉ đạo giảm nghèo bền vững huyện Mù Cang Chải",
    ),
    # boards and committees of the province, however long their name
    (
        "Ban An toàn giao thông tỉnh ra quân đầu năm.",
        "Nghệ An",
        "Ban An toàn giao thông tỉnh Nghệ An",
    ),
    (
        "Theo Ban Chỉ huy Phòng, chống thiên tai và Tìm kiếm cứu nạn tỉnh, mưa kéo dài.",
        "Quảng Ngãi",
        "Ban Chỉ huy Phòng, chống thiên tai và Tìm kiếm cứu nạn tỉnh Quảng Ngãi",
    ),
    (
        "Ban Chỉ huy PCTT&TKCN tỉnh lập 5 đoàn kiểm tra.",
        "Phú Yên",
        "Ban Chỉ huy Phòng, chống thiên tai và Tìm kiếm cứu nạn tỉnh Phú Yên",
    ),
    (
        "Ban Chỉ đạo phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số tỉnh "
        "giao 14 nhiệm vụ.",
        "Hậu Giang",
        "Ban Chỉ đạo phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số tỉnh "
        "Hậu Giang",
    ),
    # sub-departments, of the province or of a district
    ("Chi cục Kiểm lâm kiểm tra 40 cơ sở chế biến gỗ.", "Kon Tum", "Chi cục Kiểm lâm Kon Tum"),
    (
        "Chi cục Chăn nuôi và Thú y tiêm phòng cho đàn bò.",
        "Sơn La",
        "Chi cục Chăn nuôi và Thú y Sơn La",
    ),
    ("Chi cục Thống kê huyện Yên Thế công bố số liệu.", None, "Chi cục Thống kê huyện Yên Thế"),
    # national bodies
    ("Quốc hội thông qua luật sửa đổi.", None, "Quốc hội"),
    ("Ủy ban Thường vụ Quốc hội cho ý kiến.", None, "Ủy ban Thường vụ Quốc hội"),
    (
        "Nghị quyết Đại hội lần thứ XV của Đảng bộ tỉnh được cụ thể hóa.",
        "Gia Lai",
        "Đảng bộ tỉnh Gia Lai",
    ),
    # a department abbreviated with a comma, whole
    ("Giám đốc Sở VH,TT&DL báo cáo.", "Nam Định", "Sở Văn hóa, Thể thao và Du lịch Nam Định"),
    # a named body written bare after (or before) the article names it with its province
    (
        "Cục Thuế tỉnh Bắc Ninh thu 9.000 tỷ đồng.\nCục Thuế đề nghị các doanh nghiệp nộp sớm.",
        None,
        "Cục Thuế tỉnh Bắc Ninh",
    ),
    (
        "CỤC THỐNG KÊ TỈNH BẮC NINH\nTheo Cục Thống kê, CPI tăng 0,3%.",
        None,
        "Cục Thống kê tỉnh Bắc Ninh",
    ),
]


@pytest.mark.parametrize(("text", "province", "canonical"), FOUND)
def test_entities_named_bodies_found(nlp, text, province, canonical):
    assert canonical in agencies(nlp, text, province)


NOT_FOUND = [
    # a district body stays bare where the article names no district, or several
    ("Bí thư Huyện ủy phát biểu.", None, "Huyện ủy"),
    (
        "Huyện Mường Tè và huyện Phong Thổ giáp biên giới.\nUBND huyện phải báo cáo hằng tháng.",
        "Lai Châu",
        "Ủy ban nhân dân huyện",
    ),
    # the body stays bare where no placed one was named
    ("Cục Thuế đề nghị các doanh nghiệp nộp sớm.", None, "Cục Thuế"),
]


@pytest.mark.parametrize(("text", "province", "canonical"), NOT_FOUND)
def test_entities_named_bodies_left_bare(nlp, text, province, canonical):
    assert canonical in agencies(nlp, text, province)


WRONG = [
    # the two letters before a comma are not a department's name
    ("Giám đốc Sở VH,TT&DL báo cáo.", "Nam Định", "Sở VH Nam Định"),
    # a delegate's title names no agency; a congress is not the party organisation
    ("Đại biểu Quốc hội Hà Văn Lợi tiếp xúc cử tri.", None, "Quốc hội"),
    (
        "Nghị quyết Đại hội Đảng bộ tỉnh lần thứ XX đề ra 3 khâu đột phá.",
        "Gia Lai",
        "Đảng bộ tỉnh Gia Lai",
    ),
    # a person after a district party committee is not the district's name
    ("Bí thư Huyện ủy Đinh Văn Hải phát biểu.", None, "Huyện ủy Đinh Văn Hải"),
    ("Cục trưởng Cục Thuế Võ Văn Tài cho biết.", None, "Cục Thuế Võ Văn Tài"),
    # a leadership board is no board of the province
    ("Ban Giám đốc Sở Y tế tỉnh họp.", "Hà Nam", "Ban Giám đốc Sở Y tế tỉnh Hà Nam"),
    # the party committees of two districts: a bare body is neither
    ("Huyện ủy Mường Tè và huyện Phong Thổ.\nHuyện ủy đã họp.", None, "Huyện ủy Phong Thổ"),
]


@pytest.mark.parametrize(("text", "province", "canonical"), WRONG)
def test_entities_named_bodies_not_misread(nlp, text, province, canonical):
    assert canonical not in agencies(nlp, text, province)


# A sub-department's name stops before the sentence's verb, whatever the verb and
# whatever follows it; its own lower-case words before the verb stay in the name.
BEFORE_VERB = [
    ("Chi cục Kiểm lâm cho biết: rừng trồng mới tăng.", "Gia Lai", "Chi cục Kiểm lâm Gia Lai"),
    ("Chi cục Thủy sản thông báo, mùa cấm khai thác bắt đầu.", None, "Chi cục Thủy sản"),
    ("Chi cục Thú y khẳng định: dịch đã được khống chế.", "Nghệ An", "Chi cục Thú y Nghệ An"),
    ("Chi cục Thống kê nhấn mạnh, số liệu còn sơ bộ.", None, "Chi cục Thống kê"),
    ("Chi cục Kiểm lâm vừa phát hiện, bắt giữ hai xe gỗ.", None, "Chi cục Kiểm lâm"),
    (
        "Theo Chi cục Dân số - Kế hoạch hóa gia đình cho biết, tỷ số giới tính giảm.",
        "Bến Tre",
        "Chi cục Dân số - Kế hoạch hóa gia đình Bến Tre",
    ),
    (
        "Chi cục Dân số - Kế hoạch hóa gia đình tổ chức ba lớp tập huấn.",
        None,
        "Chi cục Dân số - Kế hoạch hóa gia đình",
    ),
    (
        "Chi cục Thủy lợi và phòng chống thiên tai đề nghị, các xã gia cố đê.",
        None,
        "Chi cục Thủy lợi và phòng chống thiên tai",
    ),
    ("Chi cục Bảo vệ môi trường kiểm tra, xử lý 9 cơ sở.", None, "Chi cục Bảo vệ môi trường"),
]


@pytest.mark.parametrize(("text", "province", "canonical"), BEFORE_VERB)
def test_entities_named_bodies_stop_before_verb(nlp, text, province, canonical):
    assert canonical in agencies(nlp, text, province)


VERB_IN_NAME = [
    ("Chi cục Kiểm lâm cho biết: rừng trồng mới tăng.", "Gia Lai", "cho biết"),
    ("Chi cục Thủy sản thông báo, mùa cấm khai thác bắt đầu.", None, "thông báo"),
    ("Chi cục Thú y khẳng định: dịch đã được khống chế.", None, "khẳng định"),
    ("Chi cục Thống kê nhấn mạnh, số liệu còn sơ bộ.", None, "nhấn mạnh"),
    ("Chi cục Kiểm lâm vừa phát hiện, bắt giữ hai xe gỗ.", None, "phát hiện"),
    ("Chi cục Bảo vệ môi trường kiểm tra, xử lý 9 cơ sở.", None, "kiểm tra"),
]


@pytest.mark.parametrize(("text", "province", "verb"), VERB_IN_NAME)
def test_entities_named_bodies_verb_not_in_name(nlp, text, province, verb):
    assert not any(verb in name for name in agencies(nlp, text, province))
