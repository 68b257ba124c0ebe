"""Places from the ``vietnamadminunits`` dataset: every province, district and commune.

Sentences written for these tests (not taken from ../shared); the place names are real
units of the dataset. New forms go into the tables, one row per form.
"""

from __future__ import annotations

import shutil

import pytest

from vnextract.core.model import Sentence
from vnextract.entities import tag_document
from vnextract.entities.admin_units import AdminDataError, admin_units, read_units


@pytest.fixture(scope="module")
def nlp():
    import vnextract

    return vnextract.load()


def locations(nlp, text: str, province: str | None) -> dict[str, str | None]:
    """canonical -> successor of the LOCATION entities of one sentence."""
    entities, _ = tag_document(nlp, "t", text, [Sentence(0, 0, len(text), text, 0)], province)
    return {e.canonical: e.successor for e in entities if e.label == "LOCATION"}


def test_admin_units_reads_every_unit_old_and_new():
    units = admin_units()
    count = {
        (level, current): sum(1 for u in units if u.level == level and u.current == current)
        for level in ("province", "district", "commune")
        for current in (False, True)
    }
    assert count[("province", False)] == 63
    assert count[("district", False)] == 696
    assert count[("commune", False)] >= 10_000
    assert count[("commune", True)] == 3321
    # every old commune knows the 2025 commune holding it
    assert all(u.successor for u in units if u.level == "commune" and not u.current)


def test_admin_units_names_carry_no_bracketed_kind():
    # the dataset writes 'Kỳ Anh (Huyện)' and 'Kỳ Anh (Thị xã)': the kind is its own field
    units = admin_units()
    assert not [u.name for u in units if u.name.endswith(")")]
    kinds = {u.kind for u in units if u.level == "district" and u.name == "Kỳ Anh"}
    assert kinds == {"huyện", "thị xã"}
    assert any(u.district == "Cai Lậy" for u in units if u.level == "commune")


def test_admin_units_missing_data_names_the_folder(tmp_path):
    with pytest.raises(AdminDataError, match=str(tmp_path)):
        read_units(tmp_path)


FOUND = [
    # a list of communes closed by their district in brackets; after "các" each item
    # is named with the list's unit word
    (
        "Năm nay các xã Mường Lý, Trung Lý và Tam Chung (Mường Lát) đã có sóng 4G.",
        "Thanh Hóa",
        {"xã Mường Lý", "xã Trung Lý", "xã Tam Chung", "Mường Lát"},
    ),
    # a list begun by a unit word: the next name is a district of the same province
    ("Huyện Lục Ngạn và Lục Nam đều vượt kế hoạch.", "Bắc Giang", {"huyện Lục Ngạn", "Lục Nam"}),
    ("Các huyện Bình Liêu, Đầm Hà và Hải Hà cùng ra quân.", None, {"huyện Đầm Hà", "huyện Hải Hà"}),
    # a district of the article's province, without its unit word
    ("Nhiều hộ dân ở Mường Tè đã có điện lưới.", "Lai Châu", {"Mường Tè"}),
    ("Người dân ở Đồng Hỷ phấn khởi.", "Thái Nguyên", {"Đồng Hỷ"}),
    # a person's name inside a place name is the place
    ("Trụ sở mới đặt tại phường Hoàng Văn Thụ.", None, {"phường Hoàng Văn Thụ"}),
    (
        "Lễ khánh thành ở phường Nguyễn Thị Minh Khai diễn ra sáng nay.",
        None,
        {"phường Nguyễn Thị Minh Khai"},
    ),
    # names written without the dataset's space
    ("Điểm bưu điện xã Gari (Tây Giang) mở cửa hằng ngày.", None, {"xã Gari", "Tây Giang"}),
    # units of the 2025 layout
    ("Khách đến phường Hội An Tây ngày càng đông.", None, {"phường Hội An Tây"}),
    ("Du khách tới đặc khu Phú Quốc tăng mạnh.", None, {"đặc khu Phú Quốc"}),
    # a village before its district in brackets
    ("Các điểm gồm: Bản Lác (huyện Mai Châu) và nơi khác.", None, {"Bản Lác", "huyện Mai Châu"}),
]


@pytest.mark.parametrize(("text", "province", "expected"), FOUND)
def test_entities_places_found(nlp, text, province, expected):
    assert expected <= set(locations(nlp, text, province))


NOT_FOUND = [
    # a person who shares a commune's name
    ("Ông Lê Lợi phát biểu tại hội nghị.", None, {"Lê Lợi"}),
    ("Ông Trần Văn Thời được khen thưởng.", "Cà Mau", {"Trần Văn Thời"}),
    # a district of another province, without its unit word
    ("Đoàn công tác về Tiên Yên khảo sát.", "Cà Mau", {"Tiên Yên"}),
    # a school named after a person or its district
    ("Học sinh trường Lý Tự Trọng (huyện Tiên Yên) đạt giải nhất.", None, {"Lý Tự Trọng"}),
    ("Học sinh trường Võ Thị Sáu (huyện Tiên Yên) đạt giải nhì.", None, {"Võ Thị Sáu"}),
    (
        "Trường THPT Tiên Yên (huyện Tiên Yên) đạt giải.",
        "Quảng Ninh",
        {"Tiên Yên", "THPT Tiên Yên", "Trường THPT Tiên Yên"},
    ),
]


@pytest.mark.parametrize(("text", "province", "absent"), NOT_FOUND)
def test_entities_places_not_found(nlp, text, province, absent):
    assert not absent & set(locations(nlp, text, province))


SCHOOLS = [
    # a school named after a person, before its place in brackets: neither person nor place
    "Học sinh trường Võ Thị Sáu (huyện Tiên Yên) đạt giải nhì.",
    "Em là học sinh trường THPT Lê Quý Đôn (thành phố Hạ Long).",
]


@pytest.mark.parametrize("text", SCHOOLS)
def test_entities_places_school_names_are_no_person(nlp, text):
    entities, _ = tag_document(nlp, "t", text, [Sentence(0, 0, len(text), text, 0)], None)
    assert not [e for e in entities if e.label == "PERSON"]


SUCCESSORS = [
    # an old district: the new province; an old commune: the new commune and province
    ("Đoàn công tác về huyện Bình Liêu.", None, "huyện Bình Liêu", "Quảng Ninh"),
    ("Huyện Lục Ngạn có nhiều vải thiều.", None, "huyện Lục Ngạn", "Bắc Ninh"),
    (
        "Chợ phiên ở thị trấn Tiên Yên họp sớm.",
        None,
        "thị trấn Tiên Yên",
        "xã Tiên Yên, Quảng Ninh",
    ),
    # an old province named by the province patterns
    ("Tỉnh Bắc Giang xuất khẩu vải thiều.", None, "Bắc Giang", "Bắc Ninh"),
    # a unit of the 2025 layout is in force: no successor
    ("Khách đến phường Hội An Tây ngày càng đông.", None, "phường Hội An Tây", None),
]


@pytest.mark.parametrize(("text", "province", "canonical", "successor"), SUCCESSORS)
def test_entities_places_successor(nlp, text, province, canonical, successor):
    assert locations(nlp, text, province)[canonical] == successor


WORLD = [
    ("Hàng dệt may xuất sang châu Âu và Đông Nam Á tăng mạnh.", {"châu Âu", "Đông Nam Á"}),
    ("Thụy Điển và Ai Cập cử đoàn sang làm việc.", {"Thụy Điển", "Ai Cập"}),
    ("Châu Phi là thị trường mới của hạt điều.", {"Châu Phi"}),
    # a region written in lower case mid-sentence is the region's canonical name
    (
        "Tỉnh dẫn đầu khu vực đồng bằng sông Cửu Long về số hợp tác xã.",
        {"Đồng bằng sông Cửu Long"},
    ),
    ("Lúa vụ xuân ở đồng bằng sông Hồng được mùa.", {"Đồng bằng sông Hồng"}),
    # a border gate keeps its word, as a port or a market does
    ("Mỗi ngày cửa khẩu Chi Ma thông quan 300 xe.", {"cửa khẩu Chi Ma"}),
    ("Khách qua Cửa khẩu quốc tế Lao Bảo tăng 9%.", {"cửa khẩu quốc tế Lao Bảo"}),
]


@pytest.mark.parametrize(("text", "expected"), WORLD)
def test_entities_places_countries_continents_regions(nlp, text, expected):
    assert expected <= set(locations(nlp, text, None))


def test_entities_places_bad_countries_file_names_file_and_line(tmp_path):
    from vnextract.core.errors import RuleError
    from vnextract.core.rules import rules_dir
    from vnextract.entities.gazetteer import entity_rules

    shutil.copytree(rules_dir(), tmp_path / "rules")
    (tmp_path / "rules/entities/countries.yml").write_text(
        "countries: [Lào, Lào]\n", encoding="utf-8"
    )
    with pytest.raises(RuleError, match=r"entities/countries\.yml:1"):
        entity_rules(str(tmp_path / "rules"))
