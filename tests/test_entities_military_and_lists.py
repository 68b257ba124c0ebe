"""Military commands and their titles, lists of places after a described plural unit word,
a centrally-run city's unit word written once, kinds of place inside common nouns, and
cooperatives whose names hold a family name. Sentences written for these tests."""

from __future__ import annotations

import pytest

from entity_lines import tag_lines


@pytest.fixture(scope="module")
def nlp():
    import vnextract

    return vnextract.load()


def _canonicals(nlp, text: str, label: str, province: str | None = None) -> set[str]:
    entities, _ = tag_lines(nlp, text, province)
    return {e.canonical for e in entities if e.label == label}


MILITARY = [
    (
        "Bộ Chỉ huy Quân sự (CHQS) tỉnh đã tiếp nhận 420 tân binh.",
        "Nam Định",
        "Bộ Chỉ huy Quân sự tỉnh Nam Định",
    ),
    ("Lãnh đạo Bộ CHQS tỉnh Quảng Bình dự lễ.", None, "Bộ Chỉ huy Quân sự tỉnh Quảng Bình"),
    (
        "Ban CHQS huyện Thạch Hà phối hợp với các xã rà soát.",
        None,
        "Ban Chỉ huy Quân sự huyện Thạch Hà",
    ),
    (
        "Hội đồng nghĩa vụ quân sự huyện Cẩm Xuyên họp phiên thường kỳ.",
        None,
        "Hội đồng nghĩa vụ quân sự huyện Cẩm Xuyên",
    ),
    ("Tân binh được giao cho Quân khu 4 và Bộ đội Biên phòng tỉnh.", None, "Quân khu 4"),
    ("Đơn vị thuộc Quân khu IX tổ chức diễn tập.", None, "Quân khu IX"),
]


@pytest.mark.parametrize(("text", "province", "expected"), MILITARY)
def test_military_command_is_an_agency(nlp, text, province, expected):
    assert expected in _canonicals(nlp, text, "AGENCY", province)


def test_a_bare_local_body_is_the_district_the_article_names(nlp):
    text = (
        "Sáng 10/2, huyện Kỳ Anh tổ chức lễ giao quân. "
        "Hội đồng nghĩa vụ quân sự huyện đã khám tuyển 612 thanh niên."
    )
    assert "Hội đồng nghĩa vụ quân sự huyện Kỳ Anh" in _canonicals(nlp, text, "AGENCY")


def test_a_paper_named_by_a_military_region_is_press(nlp):
    text = "Báo Quân khu IV đăng loạt bài về tân binh."
    assert "Báo Quân khu IV" in _canonicals(nlp, text, "ORG")
    assert "Quân khu IV" not in _canonicals(nlp, text, "AGENCY")


@pytest.mark.parametrize(
    ("text", "title", "agency"),
    [
        (
            "Đại tá Trần Văn Lộc, Phó Chỉ huy trưởng Bộ CHQS tỉnh Nghệ An, phát biểu.",
            "Phó Chỉ huy trưởng",
            "Bộ Chỉ huy Quân sự tỉnh Nghệ An",
        ),
        (
            "Trung tá Hoàng Minh Đức, Chỉ huy trưởng Ban CHQS huyện Yên Thành, báo cáo.",
            "Chỉ huy trưởng",
            "Ban Chỉ huy Quân sự huyện Yên Thành",
        ),
        (
            "Thượng tá Lê Quang Hưng, Chính ủy Bộ CHQS tỉnh Hà Tĩnh, trao quà.",
            "Chính ủy",
            "Bộ Chỉ huy Quân sự tỉnh Hà Tĩnh",
        ),
    ],
)
def test_military_titles(nlp, text, title, agency):
    _, officials = tag_lines(nlp, text, None)
    assert (title, agency) in {(o.title, o.agency) for o in officials}


DESCRIBED_LISTS = [
    # a plural unit word, then a description in lower case, then the list
    (
        "Tỉnh hỗ trợ thêm cho các huyện miền núi Mường Lát, Quan Sơn và Lang Chánh.",
        "Thanh Hóa",
        {"huyện Mường Lát", "huyện Quan Sơn", "huyện Lang Chánh"},
    ),
    (
        "Hai huyện biên giới Kỳ Sơn, Tương Dương được ưu tiên vốn.",
        "Nghệ An",
        {"huyện Kỳ Sơn", "huyện Tương Dương"},
    ),
    # a listed name read like a person's ('Vũ Quang') is the province's district
    (
        "Mưa lớn gây ngập tại các huyện Hương Khê, Vũ Quang và Can Lộc.",
        "Hà Tĩnh",
        {"huyện Hương Khê", "huyện Vũ Quang", "huyện Can Lộc"},
    ),
    # a district sharing its name with a town: the dataset's bracketed kind is dropped
    (
        "Dịch sốt xuất huyết tăng ở các huyện Cẩm Xuyên, Kỳ Anh và thị xã Hồng Lĩnh.",
        "Hà Tĩnh",
        {"huyện Cẩm Xuyên", "huyện Kỳ Anh", "thị xã Hồng Lĩnh"},
    ),
    (
        "Lúa ở huyện Cai Lậy và thị xã Cai Lậy bị nhiễm mặn.",
        "Tiền Giang",
        {"huyện Cai Lậy", "thị xã Cai Lậy"},
    ),
]


@pytest.mark.parametrize(("text", "province", "places"), DESCRIBED_LISTS)
def test_described_list_takes_the_unit_word(nlp, text, province, places):
    got = _canonicals(nlp, text, "LOCATION", province)
    assert places <= got, got


@pytest.mark.parametrize(
    ("text", "absent", "present"),
    [
        ("Các xã miền núi Quan Sơn thiếu giáo viên.", "núi Quan Sơn", None),
        ("Đường lên vùng núi Tây Bắc đã thông.", "núi Tây Bắc", None),
        # a real mountain or lake keeps its kind
        ("Du khách leo núi Bà Đen và thăm hồ Thác Bà.", None, "núi Bà Đen"),
        ("Mùa này, vùng hồ Thác Bà đón nhiều du khách.", None, "hồ Thác Bà"),
    ],
)
def test_kind_of_place_inside_a_common_noun(nlp, text, absent, present):
    got = _canonicals(nlp, text, "LOCATION")
    if absent:
        assert absent not in got, got
    if present:
        assert present in got, got


@pytest.mark.parametrize(
    ("text", "province", "expected", "wrong"),
    [
        (
            "Theo UBND TP.HCM, thành phố đã cấp 1.200 giấy phép.",
            None,
            "Ủy ban nhân dân Thành phố Hồ Chí Minh",
            "Ủy ban nhân dân tỉnh Thành phố Hồ Chí Minh",
        ),
        (
            "UBND Thành phố Hồ Chí Minh vừa ban hành kế hoạch.",
            "Thành phố Hồ Chí Minh",
            "Ủy ban nhân dân Thành phố Hồ Chí Minh",
            "Ủy ban nhân dân thành phố Thành phố Hồ Chí Minh",
        ),
        (
            "UBND Đà Nẵng đã phê duyệt đề án.",
            None,
            "Ủy ban nhân dân thành phố Đà Nẵng",
            "Ủy ban nhân dân tỉnh Đà Nẵng",
        ),
        # a province keeps its word
        (
            "UBND Hà Tĩnh đã phê duyệt đề án.",
            None,
            "Ủy ban nhân dân tỉnh Hà Tĩnh",
            "Ủy ban nhân dân thành phố Hà Tĩnh",
        ),
    ],
)
def test_city_unit_word_written_once(nlp, text, province, expected, wrong):
    got = _canonicals(nlp, text, "AGENCY", province)
    assert expected in got, got
    assert wrong not in got


@pytest.mark.parametrize(
    ("text", "org", "not_person"),
    [
        (
            "Ông Lê Văn Tám, Giám đốc Hợp tác xã Trái cây Đồng Xanh, cho biết giá tăng.",
            "Hợp tác xã Trái cây Đồng Xanh",
            "Đồng Xanh",
        ),
        (
            "Sản phẩm của HTX Nông nghiệp Đào Viên đạt chuẩn 3 sao.",
            "Hợp tác xã Nông nghiệp Đào Viên",
            "Đào Viên",
        ),
    ],
)
def test_cooperative_name_holding_a_family_name(nlp, text, org, not_person):
    assert org in _canonicals(nlp, text, "ORG")
    assert not_person not in _canonicals(nlp, text, "PERSON")


def test_cooperative_name_stops_before_its_director(nlp):
    text = "Giám đốc HTX Thành Công Nguyễn Văn Bình cho biết giá tăng."
    assert "Hợp tác xã Thành Công" in _canonicals(nlp, text, "ORG")
    assert "Nguyễn Văn Bình" in _canonicals(nlp, text, "PERSON")


def test_bare_local_body_takes_the_unit_named_later_in_its_sentence(nlp):
    # two districts named before: the bare body waits for its own sentence's
    text = (
        "Các huyện Mường Lát, Quan Sơn được hỗ trợ thêm.\n"
        "Ông Hà Văn Thiêm, Bí thư Huyện ủy, Chủ tịch HĐND huyện Mường Lát, cho biết."
    )
    assert "Huyện ủy Mường Lát" in _canonicals(nlp, text, "AGENCY", "Thanh Hóa")
    _, officials = tag_lines(nlp, text, "Thanh Hóa")
    assert ("Bí thư", "Huyện ủy Mường Lát") in {(o.title, o.agency) for o in officials}


@pytest.mark.parametrize(
    ("text", "country"),
    [
        ("Du khách tham quan khu đền tháp Mỹ Sơn vào dịp cuối tuần.", None),
        ("Đoàn công tác làm việc tại phường Mỹ Đình.", None),
        ("Hàng xuất sang Mỹ, Nhật Bản và Hàn Quốc tăng mạnh.", "Mỹ"),
        ("Sản phẩm đã có mặt tại Nhật Bản từ năm ngoái.", "Nhật Bản"),
    ],
)
def test_country_name_inside_a_longer_name(nlp, text, country):
    got = _canonicals(nlp, text, "LOCATION")
    if country:
        assert country in got, got
    else:
        assert "Mỹ" not in got, got


@pytest.mark.parametrize(
    ("text", "title"),
    [
        ("Ông Lê Văn Sơn, Quyền Chi cục trưởng Chi cục Kiểm lâm, nói.", "Quyền Chi cục trưởng"),
        ("Bà Trần Thị Hoa, Quyền Hiệu trưởng nhà trường, phát biểu.", "Quyền Hiệu trưởng"),
        ("Ông Phạm Minh Tú, Quyền Giám đốc Sở Y tế, cho biết.", "Quyền Giám đốc"),
    ],
)
def test_acting_form_of_any_title(nlp, text, title):
    _, officials = tag_lines(nlp, text, "Quảng Trị")
    assert title in {o.title for o in officials}


def test_police_division_names_its_province(nlp):
    text = "Theo Phòng Cảnh sát giao thông Công an tỉnh, quý III xảy ra 42 vụ."
    got = _canonicals(nlp, text, "AGENCY", "Đồng Nai")
    assert "Phòng Cảnh sát giao thông Công an tỉnh Đồng Nai" in got, got


def test_bare_local_mass_organisation_takes_the_article_unit(nlp):
    text = (
        "Sáng 13/2, tại huyện Thạch Hà, lễ giao quân diễn ra.\n"
        "Hội Cựu chiến binh huyện trao 150 suất quà."
    )
    assert "Hội Cựu chiến binh huyện Thạch Hà" in _canonicals(nlp, text, "ORG", "Hà Tĩnh")
