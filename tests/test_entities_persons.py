"""Persons no list holds: after a word of address or a title, on the closing byline line;
never a lunar year or a school named after someone.

Sentences written for these tests; add new forms as rows of the tables.
"""

from __future__ import annotations

import pytest

from entity_lines import tag_lines


@pytest.fixture(scope="module")
def nlp():
    import vnextract

    return vnextract.load()


def persons(nlp, text: str) -> set[str]:
    entities, _ = tag_lines(nlp, text)
    assert all(text[e.char_start : e.char_end] == e.text for e in entities)
    return {e.canonical for e in entities if e.label == "PERSON"}


PERSONS = [
    # family names no list holds, after a word of address or a title
    ("Ông Y Bhin Niê trao quà cho các hộ.", {"Y Bhin Niê"}),
    ("Chủ tịch Sầm Văn Bình chủ trì.", {"Sầm Văn Bình"}),
    # a double space before the name, a lower-case word glued to its end
    ("Thủ khoa là  Đoàn Minh Yến Nhi, học sinh lớp 12.", {"Đoàn Minh Yến Nhi"}),
    ("Giám đốc Đài Phát thanh tỉnh Đinh Đắc Vĩnh cùng dự.", {"Đinh Đắc Vĩnh"}),
    # the closing byline: several names, capitals, a joiner; a country inside a name
    ("Tỉnh đạt 98% kế hoạch.\nĐức Minh, Thiên Thanh", {"Đức Minh", "Thiên Thanh"}),
    ("Tỉnh đạt 98% kế hoạch.\nTRẦN THU HÀ", {"Trần Thu Hà"}),
    ("Tỉnh đạt 98% kế hoạch.\nHoàng Đức và Minh Anh", {"Hoàng Đức", "Minh Anh"}),
    # a name after the title and a body inside the title's own sentence
    ("Các đồng chí: Hồ Văn Thành - Phó Bí thư Huyện ủy dự.", {"Hồ Văn Thành"}),
    # a name the segmenter glued to the abbreviation before it
    ("Giám đốc Sở KH&CN Tôn Nữ Minh Châu cho biết.", {"Tôn Nữ Minh Châu"}),
    ("Phó Giám đốc Sở NN&PTNT Lê Quang Hiếu dự họp.", {"Lê Quang Hiếu"}),
    # a family name of the S'tiêng and M'nông
    ("Phó Chủ tịch UBND huyện Điểu Văn Khánh trao quà.", {"Điểu Văn Khánh"}),
]


@pytest.mark.parametrize(("text", "names"), PERSONS)
def test_entities_persons_found(nlp, text, names):
    assert names <= persons(nlp, text)


NOT_PERSONS = [
    # lunar years, though some stems are family names
    ("Tết Giáp Thìn, xuân Đinh Dậu và năm Quý Mão đều đông khách.", "Giáp Thìn"),
    ("Năm Nhâm Dần tỉnh đón nhiều khách.", "Nhâm Dần"),
    # schools named after people
    ("Em học trường THPT chuyên Lê Quý Đôn.", "Lê Quý Đôn"),
    ("Trường Nguyễn Du đạt tỷ lệ đỗ 100%.", "Nguyễn Du"),
    # a closing line naming places is no byline
    ("Tỉnh đạt 98% kế hoạch.\nHà Nội, Hải Phòng", "Hà Nội"),
    # a province glued to the abbreviation before it is no name
    ("Giám đốc PC Ninh Thuận Lê Văn Hải cho biết.", "Ninh Thuận"),
    # a heading that is not the last line
    ("TRẦN THU HÀ\nTỉnh đạt 98% kế hoạch.", "Trần Thu Hà"),
]


@pytest.mark.parametrize(("text", "name"), NOT_PERSONS)
def test_entities_persons_not_a_person(nlp, text, name):
    assert name not in persons(nlp, text)


# a place, a people or an app read as a bare family name and a syllable; the same
# syllables after a word of address, or on the byline, stay a person
PLACE_OR_PERSON = [
    ("Đoàn về huyện Đồng Văn. Tại Đồng Văn, bà con ra đón.", "Đồng Văn", False),
    ("Xã Đồng Châu có ba thôn. Năm nay Đồng Châu đạt chuẩn.", "Đồng Châu", False),
    ("Huyện Lý Nhân trồng chuối. Lý Nhân có nhiều làng nghề.", "Lý Nhân", False),
    ("Người Hà Nhì sống ở vùng cao biên giới.", "Hà Nhì", False),
    ("Người dân tải ứng dụng Hà Nam Smart để phản ánh.", "Hà Nam Smart", False),
    # three syllables that name a district, first a family name: no person
    ("Nông dân Cù Lao Dung thu hoạch 300 tấn hành tím.", "Cù Lao Dung", False),
    ("Ông Cù Văn Lâm là chủ hợp tác xã.", "Cù Văn Lâm", True),
    # a board named bare after a title: 'Ban' is no family name there
    ("Ông Tạ Văn Hưng, Trưởng ban Thường trực Ban Chỉ đạo phát biểu.", "Ban Chỉ", False),
    ("Bà Vũ Thị Thoa, Phó Trưởng ban Ban Tổ chức cho biết thêm.", "Ban Tổ", False),
    ("Ông Ban Văn Thắng là trưởng bản.", "Ban Văn Thắng", True),
    # after a byline cue a name is the writer's, though a commune is named so too
    ("Huyện trồng 50 ha quế.\nTin, ảnh: Kim Liên", "Kim Liên", True),
    ("Xã trồng 80 ha chè.\nBài và ảnh: Kim Liên", "Kim Liên", True),
    ("Ông Đồng Văn Minh dự họp.", "Đồng Văn Minh", True),
    ("Bà Lý Thị Nhân phát biểu.", "Lý Thị Nhân", True),
    ("Huyện đạt 97% kế hoạch.\nMinh Châu", "Minh Châu", True),
]


@pytest.mark.parametrize(("text", "name", "is_person"), PLACE_OR_PERSON)
def test_entities_persons_place_or_person(nlp, text, name, is_person):
    assert (name in persons(nlp, text)) is is_person
