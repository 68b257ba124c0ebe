"""The byline component: ``nlp(text)`` finds the names on an article's closing line as
PERSON, as :func:`vnextract.entities.tag_document` does, and never as officials.

Sentences written for these tests; add new forms as rows of the tables.
"""

from __future__ import annotations

import pytest

from vnextract.core.model import Sentence
from vnextract.entities import tag_document
from vnextract.nlp import ENTITY_COMPONENTS, blank

BYLINES = [
    ("Huyện trồng mới 120 ha rừng.\nĐức Minh, Thiên Thanh", {"Đức Minh", "Thiên Thanh"}),
    ("Huyện trồng mới 120 ha rừng.\nPHẠM QUỲNH ANH", {"Phạm Quỳnh Anh"}),
    ("Huyện trồng mới 120 ha rừng.\nHoàng Yến và Minh Tâm", {"Hoàng Yến", "Minh Tâm"}),
    # the writer's unit after the name, in brackets or after a dash
    ("Huyện trồng mới 120 ha rừng.\nThu Trang (Trung tâm Văn hóa tỉnh)", {"Thu Trang"}),
    ("Huyện trồng mới 120 ha rừng.\nBảo Ngọc - Phòng Tổng hợp", {"Bảo Ngọc"}),
    ("Huyện trồng mới 120 ha rừng.\nKhánh Vy (Phòng Quản lý thu)", {"Khánh Vy"}),
    ("Huyện trồng mới 120 ha rừng.\nBài, ảnh: Thanh Tâm", {"Thanh Tâm"}),
    ("Huyện trồng mới 120 ha rừng.\nTin, ảnh: Ngọc Lan", {"Ngọc Lan"}),
    ("Huyện trồng mới 120 ha rừng.\nTin và ảnh: Phú Quý", {"Phú Quý"}),
    # names and a photo credit joined by a dash on one line
    ("Huyện trồng mới 120 ha rừng.\nMai Hương - Ảnh: Quốc Bảo", {"Mai Hương", "Quốc Bảo"}),
    # a name of the Central Highlands opening with an apostrophe
    ("Huyện trồng mới 120 ha rừng.\nH'Lan - Bích Thủy", {"H'Lan", "Bích Thủy"}),
]
# the byline above the footer and related-news lines a page appends
LATER_LINES = (
    "Xã đã trồng mới 120 ha rừng phòng hộ trong năm nay.\n\nThu Hà - Minh Khang\n\n"
    "Tin liên quan\n- Trồng rừng ven biển\n"
    "Giấy phép số 12/GP-BTTTT ngày 3/4/2021."
)
NOT_BYLINES = [
    # places on the closing line; a name line that is not the last one
    ("Huyện trồng mới 120 ha rừng.\nHà Nội, Hải Phòng", "Hà Nội"),
    ("PHẠM QUỲNH ANH\nHuyện trồng mới 120 ha rừng.", "Phạm Quỳnh Anh"),
    # a unit alone is no byline
    ("Huyện trồng mới 120 ha rừng.\nPhòng Tổng hợp", "Phòng Tổng hợp"),
]


@pytest.fixture(scope="module")
def nlp():
    pipeline = blank()
    for name in ENTITY_COMPONENTS:
        pipeline.add_pipe(name)
    return pipeline


def _lines(text: str) -> list[Sentence]:
    out, pos = [], 0
    for i, line in enumerate(text.split("\n")):
        out.append(Sentence(i, pos, pos + len(line), line, i))
        pos += len(line) + 1
    return out


@pytest.mark.parametrize(("text", "names"), BYLINES)
def test_bylines_component_finds_the_closing_names(nlp, text, names):
    doc = nlp(text)
    assert names <= {e._.canonical for e in doc.ents if e.label_ == "PERSON"}
    assert names <= {e["canonical"] for e in doc._.entities if e["label"] == "PERSON"}
    assert not {o["name"] for o in doc._.officials} & names


@pytest.mark.parametrize(("text", "names"), BYLINES)
def test_bylines_component_same_as_tag_document(nlp, text, names):
    entities, officials = tag_document(nlp, "t", text, _lines(text), None)
    doc = nlp(text)
    tagged = {(e.char_start, e.char_end, e.label, e.canonical) for e in entities}
    assert tagged == {(e["start"], e["end"], e["label"], e["canonical"]) for e in doc._.entities}
    assert names <= {e.canonical for e in entities if e.label == "PERSON"}
    assert not officials


@pytest.mark.parametrize(("text", "name"), NOT_BYLINES)
def test_bylines_component_leaves_other_lines(nlp, text, name):
    doc = nlp(text)
    assert name not in {e._.canonical for e in doc.ents if e.label_ == "PERSON"}


CREDITS = [
    # a credit line after the article, a credit inside a sentence, two photographers
    ("Xã có 12 tổ công nghệ số.\n\nẢnh: Bảo Trâm\n\nTin liên quan", {"Bảo Trâm"}),
    ("Đoàn kiểm tra kho lúa (Ảnh: Quốc Tuấn) của xã.", {"Quốc Tuấn"}),
    ("Xã có 12 tổ công nghệ số.\nẢnh: Ngọc Hân, Văn Khải", {"Ngọc Hân", "Văn Khải"}),
    # a caption before the credit in one bracket, short or long
    (
        "Xã có 12 tổ công nghệ số.\n\n(Ảnh: Tổ công nghệ số xã Tân Hợp. Ảnh: Minh Châu)\n\nHết.",
        {"Minh Châu"},
    ),
    (
        "Xã có 12 tổ công nghệ số.\n\n(Ảnh: Thành viên tổ công nghệ số hướng dẫn người dân"
        " cài ứng dụng tại nhà văn hóa thôn Bản Chang. Ảnh: Quang Hưng)\n\nHết.",
        {"Quang Hưng"},
    ),
    # credits naming no person
    ("Xã có 12 tổ công nghệ số.\nẢnh: Internet", set()),
    ("Xã có 12 tổ công nghệ số.\nẢnh minh họa", set()),
    ("Xã có 12 tổ công nghệ số.\nẢnh: Sở Y tế Hà Nam", set()),
]


@pytest.mark.parametrize(("text", "names"), CREDITS)
def test_bylines_photo_credits_are_persons(text, names):
    import vnextract

    one = vnextract.extract_text(text)
    persons = one.entities[one.entities.label == "PERSON"]
    assert set(persons.canonical) == names
    assert all(text[s:e] == t for s, e, t in persons[["char_start", "char_end", "text"]].values)
    assert not set(one.officials.get("name", [])) & names


@pytest.mark.parametrize(
    "text",
    [
        "Huyện trồng mới 120 ha rừng.\nBảo Ngọc - Phòng Tổng hợp",
        "Huyện trồng mới 120 ha rừng.\nKhánh Vy (Phòng Quản lý thu)",
    ],
)
def test_bylines_writer_unit_is_no_agency(nlp, text):
    entities, _ = tag_document(nlp, "t", text, _lines(text), None)
    assert not [e for e in entities if e.label == "AGENCY"]


def test_bylines_above_footer_lines_are_found(nlp):
    found, _ = tag_document(nlp, "d", LATER_LINES, _lines(LATER_LINES), None)
    assert {"Thu Hà", "Minh Khang"} <= {e.canonical for e in found if e.label == "PERSON"}
