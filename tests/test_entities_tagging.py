"""Entity tagging on sentences written for these tests (not taken from ../shared/seeds).

New forms go into the tables below, one row per form; each row names what must be
found (label, canonical) or what must not.
"""

from __future__ import annotations

import pytest

from vnextract.core.model import Furniture, Sentence
from vnextract.entities import tag_document


@pytest.fixture(scope="module")
def nlp():
    import vnextract

    return vnextract.load()


def sentences_of(text: str) -> list[Sentence]:
    """One sentence per line, with document offsets."""
    out, pos = [], 0
    for i, line in enumerate(text.split("\n")):
        out.append(Sentence(i, pos, pos + len(line), line, i))
        pos += len(line) + 1
    return out


def tag(nlp, text: str, province: str | None = None, skip=()):
    return tag_document(nlp, "t", text, sentences_of(text), province, list(skip))


def found(nlp, text: str, province: str | None = None) -> set[tuple[str, str]]:
    entities, _ = tag(nlp, text, province)
    return {(e.label, e.canonical) for e in entities}


AGENCIES = [
    # department with the province written, and with the article's province
    ("Sở Tài chính Quảng Bình vừa công bố số liệu quý I.", None, "Sở Tài chính Quảng Bình"),
    ("Sở Y tế đã cấp phép cho hai bệnh viện.", "Gia Lai", "Sở Y tế Gia Lai"),
    ("Sở Y tế đã cấp phép cho hai bệnh viện.", None, "Sở Y tế"),
    # the abbreviation from the rules, old tone placement
    ("Sở TT&TT Thanh Hoá phối hợp với các huyện.", None, "Sở Thông tin và Truyền thông Thanh Hóa"),
    ("Sở KH&ĐT tham mưu cho tỉnh.", "Nam Định", "Sở Kế hoạch và Đầu tư Nam Định"),
    ("Văn bản gửi sở Giáo dục và đào tạo Cà Mau.", None, "Sở Giáo dục và Đào tạo Cà Mau"),
    # people's committees and councils
    ("UBND tỉnh đã phê duyệt đề xuất.", "Lào Cai", "Ủy ban nhân dân tỉnh Lào Cai"),
    ("UBND tỉnh đã phê duyệt đề xuất.", None, "Ủy ban nhân dân tỉnh"),
    ("Ủy ban nhân dân tỉnh Sơn La ban hành quy định.", "Lào Cai", "Ủy ban nhân dân tỉnh Sơn La"),
    ("Báo cáo trình HĐND tỉnh tại kỳ họp.", "Bắc Ninh", "Hội đồng nhân dân tỉnh Bắc Ninh"),
    ("UBND huyện Mường Tè tổ chức hội nghị.", "Lai Châu", "Ủy ban nhân dân huyện Mường Tè"),
    # party bodies
    ("Tỉnh ủy chỉ đạo các cấp triển khai.", "Phú Thọ", "Tỉnh ủy Phú Thọ"),
    ("Ban Thường vụ Tỉnh ủy họp phiên thường kỳ.", "Ninh Bình", "Ban Thường vụ Tỉnh ủy Ninh Bình"),
    (
        "Ban Chấp hành Đảng bộ tỉnh thông qua nghị quyết.",
        "Kon Tum",
        "Ban Chấp hành Đảng bộ tỉnh Kon Tum",
    ),
    # steering committee, police, ministries, central units
    (
        "Ban Chỉ đạo phát triển du lịch tỉnh họp sáng nay.",
        "Khánh Hòa",
        "Ban Chỉ đạo phát triển du lịch tỉnh Khánh Hòa",
    ),
    ("Công an tỉnh triệt phá đường dây lừa đảo.", "Long An", "Công an tỉnh Long An"),
    ("Bộ Công an đã cấp căn cước cho người dân.", None, "Bộ Công an"),
    ("Bộ TT&TT hướng dẫn các địa phương.", None, "Bộ Thông tin và Truyền thông"),
    ("Cục Viễn thông thống kê số thuê bao.", None, "Cục Viễn thông"),
    ("Văn phòng Chính phủ thông báo kết luận.", None, "Văn phòng Chính phủ"),
]


@pytest.mark.parametrize(("text", "province", "canonical"), AGENCIES)
def test_entities_agency_canonical(nlp, text, province, canonical):
    assert ("AGENCY", canonical) in found(nlp, text, province)


NOT_AGENCIES = [
    # roles, centres, generic plurals and the title "Tỉnh ủy viên"
    ("Thủ tướng Chính phủ tặng Bằng khen cho tập thể.", "Chính phủ"),
    ("Trung tâm Phục vụ hành chính công tiếp nhận hồ sơ.", "Trung tâm"),
    ("UBND các huyện, thị xã đã triển khai kế hoạch.", "Ủy ban nhân dân"),
    ("Ông là Tỉnh ủy viên nhiệm kỳ này.", "Tỉnh ủy"),
    ("Dữ liệu lưu ở cơ sở y tế tuyến xã.", "Sở"),
]


@pytest.mark.parametrize(("text", "word"), NOT_AGENCIES)
def test_entities_not_an_agency(nlp, text, word):
    agencies = {c for label, c in found(nlp, text, "Bình Định") if label == "AGENCY"}
    assert not any(c.startswith(word) for c in agencies), agencies


def test_entities_abbreviation_defined_mid_article(nlp):
    # the article defines its own abbreviation in the second sentence and uses it later
    text = (
        "Hội nghị diễn ra tại tỉnh.\n"
        "Sở Văn hóa và Thể thao (VHTT) chủ trì buổi lễ.\n"
        "Sau đó, Sở VHTT trao giải cho các đội."
    )
    entities, _ = tag(nlp, text, "Tây Ninh")
    last = [e for e in entities if e.sentence_index == 2 and e.label == "AGENCY"]
    assert [e.canonical for e in last] == ["Sở Văn hóa và Thể thao Tây Ninh"]


def test_entities_abbreviation_does_not_leak_between_articles(nlp):
    tag(nlp, "Ban Quản lý dự án (QLDA) họp.", "Tây Ninh")
    assert ("AGENCY", "Sở Quản lý dự án Tây Ninh") not in found(nlp, "Sở QLDA báo cáo.", "Tây Ninh")


LOCATIONS = [
    ("Trụ sở đặt tại số 12 Lê Lợi, phường Bến Nghé.", {"Lê Lợi", "phường Bến Nghé"}),
    ("Cửa hàng nằm trên đường Nguyễn Trãi, Quận 5.", {"đường Nguyễn Trãi", "quận 5"}),
    ("Đoàn khảo sát đến huyện Mường Tè và thị xã Sa Pa.", {"huyện Mường Tè", "thị xã Sa Pa"}),
    ("Hàng hóa được đưa từ TP.Hồ Chí Minh ra Hà Nội.", {"Thành phố Hồ Chí Minh", "Hà Nội"}),
    ("Lễ hội tổ chức ở chùa Hương và đền Hùng.", {"chùa Hương", "đền Hùng"}),
    ("Mít tinh tại Quảng trường Ba Đình rồi diễu hành.", {"quảng trường Ba Đình"}),
    ("Du khách ghé khu du lịch Tràng An rồi về tỉnh Ninh Bình.", {"Tràng An", "Ninh Bình"}),
    ("Sản phẩm được xuất khẩu từ Việt Nam sang Nhật Bản.", {"Việt Nam", "Nhật Bản"}),
    ("Các điểm gồm: Hồ Núi Cốc (huyện Đại Từ) và nhiều nơi khác.", {"hồ Núi Cốc", "huyện Đại Từ"}),
]


@pytest.mark.parametrize(("text", "places"), LOCATIONS)
def test_entities_locations(nlp, text, places):
    got = {c for label, c in found(nlp, text) if label == "LOCATION"}
    assert {p.lower() for p in places} <= {g.lower() for g in got}, got


# a one-syllable country name that is the head of a common word ('Pháp luật', 'Ý kiến',
# 'Mỹ phẩm', 'Anh hùng') or a person's name after a kinship word ('Em Đức') is no place
# (sentence, the countries it names)
COUNTRY_WORDS = [
    ("Chuyên mục Pháp luật đăng 12 bài về an toàn giao thông.", set()),
    ("Ý kiến cử tri được tổng hợp gửi HĐND tỉnh.", set()),
    ("Mỹ phẩm nhập lậu bị thu giữ tại chợ.", set()),
    ("Anh hùng Lao động Trần Văn Tư dự lễ.", set()),
    ("Cô Nga cho biết lớp có 35 học sinh.", set()),
    ("Hàng dệt may xuất sang Pháp, Đức, Anh và Mỹ.", {"Pháp", "Đức", "Anh", "Mỹ"}),
    ("Đoàn doanh nghiệp Ý làm việc với tỉnh.", {"Ý"}),
]


@pytest.mark.parametrize(("text", "countries"), COUNTRY_WORDS)
def test_entities_country_names_and_common_words(nlp, text, countries):
    got = {c for label, c in found(nlp, text) if label == "LOCATION"}
    assert got == countries


PERSONS = [
    # a street named after a person is a place; the same name alone is a person
    ("Cửa hàng ở số 45 Trần Hưng Đạo bán sách.", "LOCATION", "Trần Hưng Đạo"),
    ("Tượng đài Trần Hưng Đạo được khánh thành.", "PERSON", "Trần Hưng Đạo"),
    # Hồ Chí Minh: the city after a unit word, the person in a phrase about his thought
    ("Học tập và làm theo tấm gương đạo đức Hồ Chí Minh.", "PERSON", "Hồ Chí Minh"),
    ("Hội chợ diễn ra tại thành phố Hồ Chí Minh.", "LOCATION", "thành phố Hồ Chí Minh"),
    # byline: a person, not an official
    ("Tác giả: Phan Thị Lụa", "PERSON", "Phan Thị Lụa"),
]


@pytest.mark.parametrize(("text", "label", "canonical"), PERSONS)
def test_entities_person_or_place(nlp, text, label, canonical):
    got = found(nlp, text)
    assert (label, canonical) in {(lab, c) for lab, c in got}, got
    other = "LOCATION" if label == "PERSON" else "PERSON"
    assert all(c.lower() != canonical.lower() for lab, c in got if lab == other)


ORGS = [
    ("Mạng Vinaphone và Mobifone phủ sóng toàn xã.", {"VinaPhone", "MobiFone"}),
    (
        "Tập đoàn Công nghiệp - Viễn thông Quân đội triển khai 5G.",
        {"Tập đoàn Công nghiệp - Viễn thông Quân đội"},
    ),
    ("Phóng viên Báo Lao Động điện tử có mặt tại hiện trường.", {"Báo Lao Động"}),
    ("Tạp chí Tài chính đăng bài phân tích.", {"Tạp chí Tài chính"}),
    ("Tỉnh Đoàn phát động chiến dịch tình nguyện hè.", {"Tỉnh Đoàn Quảng Trị"}),
]


@pytest.mark.parametrize(("text", "orgs"), ORGS)
def test_entities_organisations(nlp, text, orgs):
    got = {c for label, c in found(nlp, text, "Quảng Trị") if label == "ORG"}
    assert orgs <= got, got


def test_entities_product_named_after_company_is_not_the_company(nlp):
    assert ("ORG", "VNPT") not in found(nlp, "Các đơn vị dùng phần mềm VNPT-eOffice.")


LEGAL = [
    ("Thực hiện Quyết định số 1234/QĐ-UBND ngày 3/4/2023 của tỉnh.", "Quyết định số 1234/QĐ-UBND"),
    ("Theo Nghị định 13/2023/NĐ-CP về bảo vệ dữ liệu.", "Nghị định 13/2023/NĐ-CP"),
    ("Triển khai Chỉ thị số 05-CT/TU của Tỉnh ủy.", "Chỉ thị số 05-CT/TU"),
    ("Kế hoạch số 77/KH-UBND được ban hành.", "Kế hoạch số 77/KH-UBND"),
    ("Căn cứ Thông tư số 03/2024/TT-BTTTT.", "Thông tư số 03/2024/TT-BTTTT"),
    # named by a bare number, the type capitalised
    ("Sau hai năm thực hiện Nghị quyết 15 của Huyện ủy, 9 xã đạt chuẩn.", "Nghị quyết 15"),
    ("Các xã triển khai Chỉ thị số 22 của Ban Thường vụ.", "Chỉ thị số 22"),
    ("Quyết định số 5 được thông qua.", "Quyết định số 5"),
    (
        "Số xã đạt chuẩn tăng gấp đôi so với trước khi có Chỉ thị 15, trong đó có 8 xã.",
        "Chỉ thị 15",
    ),
    # a law cited with its title before the number
    ("Xã thực hiện Luật Trồng trọt số 31/2018/QH14 từ đầu năm.", "Luật Trồng trọt số 31/2018/QH14"),
    (
        "Theo Bộ luật Lao động số 45/2019/QH14, tuổi nghỉ hưu tăng dần.",
        "Bộ luật Lao động số 45/2019/QH14",
    ),
    (
        "Tỉnh phổ biến Luật Phòng, chống ma túy số 73/2021/QH14 tới các thôn.",
        "Luật Phòng, chống ma túy số 73/2021/QH14",
    ),
    (
        "Pháp lệnh Ưu đãi người có công với cách mạng số 02/2020/UBTVQH14 được áp dụng.",
        "Pháp lệnh Ưu đãi người có công với cách mạng số 02/2020/UBTVQH14",
    ),
]


@pytest.mark.parametrize(("text", "canonical"), LEGAL)
def test_entities_legal_documents(nlp, text, canonical):
    assert ("LEGAL_DOC", canonical) in found(nlp, text)


@pytest.mark.parametrize(
    "text",
    [
        "Kế hoạch năm 2024 đạt 95%.",
        "Nghị quyết 2024 của HĐND tỉnh được thông qua.",  # a year, not a number
        "Chương trình 135 hỗ trợ 40 xã.",  # a programme named by its number
        "Huyện có nghị quyết 12 điểm về nông thôn mới.",  # lower case: a count
        "Quyết định 30% vốn cho xã nghèo.",
        "Nghị quyết 2,5 tỷ đồng cho giao thông nông thôn.",  # a decimal, not a number
        "Luật Đất đai năm 2024 giúp số 12 hộ được cấp sổ.",  # a title, then no document number
        "Luật Nhà ở sửa đổi số lượng dự án nhà xã hội.",  # no number after the title
    ],
)
def test_entities_no_legal_document_without_a_number(nlp, text):
    assert not any(label == "LEGAL_DOC" for label, _ in found(nlp, text))


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [("Sở Nội vụ Hà Giang tuyển dụng.", 0, 18), ("Ông Lý Văn Sáu phát biểu.", 4, 14)],
)
def test_entities_offsets_point_into_the_document(nlp, text, start, end):
    doc_text = "Dòng đầu.\n" + text
    entities, _ = tag(nlp, doc_text)
    spans = {(e.char_start, e.char_end) for e in entities}
    assert (10 + start, 10 + end) in spans
    assert all(doc_text[e.char_start : e.char_end] == e.text for e in entities)


def test_entities_skip_furniture(nlp):
    text = "Liên hệ: Sở Y tế Hà Nam\nSở Y tế Hà Nam họp."
    entities, _ = tag(nlp, text, skip=[Furniture(0, 23, "contact")])
    assert [e.sentence_index for e in entities] == [1]
