"""Places from the dataset as the text writes them: hyphenated names (2025 wards, cities
joined from two towns), an abbreviated unit word with its full stop (``TP.``), a bare name
the article names elsewhere with its unit word, and lists opened after a plural unit word
and the words describing it (``các huyện vùng cao như A, B``).

Sentences written for these tests (none taken from ../shared or tests/eval); add rows.
"""

from __future__ import annotations

import pytest

from vnextract.core.model import Sentence
from vnextract.entities import tag_document


@pytest.fixture(scope="module")
def nlp():
    import vnextract

    return vnextract.load()


def places(nlp, text: str, province: str | None = None) -> set[str]:
    sentences = [Sentence(0, 0, len(text), text, 0)]
    entities, _ = tag_document(nlp, "t", text, sentences, province)
    return {e.canonical for e in entities if e.label == "LOCATION"}


PLACES = [
    # a hyphenated name is one place, however the hyphen is spaced
    (
        "Trụ sở đặt tại phường Lâm Viên - Đà Lạt, tỉnh Lâm Đồng.",
        None,
        {"phường Lâm Viên - Đà Lạt", "Lâm Đồng"},
    ),
    ("Nhà máy nằm ở TP. Phan Rang - Tháp Chàm.", None, {"thành phố Phan Rang - Tháp Chàm"}),
    ("Đoàn khảo sát thị xã Phan Rang-Tháp Chàm năm ấy.", None, {"thị xã Phan Rang-Tháp Chàm"}),
    # "TP." is the unit word "thành phố"
    ("Hội chợ mở tại TP. Hội An và TP.Tam Kỳ.", None, {"thành phố Hội An", "thành phố Tam Kỳ"}),
    # a bare name after "thành phố X" in the same article is that city, not the province
    (
        "Giá đất ở thành phố Tuy Hòa tăng; riêng tại Tuy Hòa có 3 dự án mới.",
        "Phú Yên",
        {"thành phố Tuy Hòa"},
    ),
    (
        "Thành phố Gia Nghĩa có 6 phường; đất ở Gia Nghĩa tăng giá.",
        "Đắk Nông",
        {"thành phố Gia Nghĩa"},
    ),
    # a list after a plural unit word and what describes it: each item has that unit word
    (
        "Hạ tầng số ở các huyện vùng sâu như Tu Mơ Rông, Ia H'Drai còn yếu.",
        "Kon Tum",
        {"huyện Tu Mơ Rông", "huyện Ia H'Drai"},
    ),
    (
        "Tỷ lệ ở các huyện vùng khó như Krông Pa, Ia Pa và Kông Chro đạt 96%.",
        "Gia Lai",
        {"huyện Krông Pa", "huyện Ia Pa", "huyện Kông Chro"},
    ),
    (
        "Những xã đặc biệt khó khăn gồm: Tà Xùa, Háng Đồng được hỗ trợ.",
        "Sơn La",
        {"xã Tà Xùa", "xã Háng Đồng"},
    ),
]


@pytest.mark.parametrize(("text", "province", "names"), PLACES)
def test_entities_place_names_as_written(nlp, text, province, names):
    assert places(nlp, text, province) == names


NOT_PLACES = [
    # a person's name after the list's words is no commune
    ("Những xã như Nguyễn Văn Trỗi vẫn còn khó khăn.", None, "xã Nguyễn Văn Trỗi"),
    # a hyphen between two places of a route does not join them into one
    ("Tuyến Hà Nội - Hải Phòng đông xe.", None, "Hà Nội - Hải Phòng"),
]


@pytest.mark.parametrize(("text", "province", "name"), NOT_PLACES)
def test_entities_place_names_not_a_place(nlp, text, province, name):
    assert name not in places(nlp, text, province)


SITES = [
    # villages of the highlands and the south, with their word
    (
        "Mô hình thí điểm tại bản Hua Pết, xã Búng Lao và buôn Ea Sar, làng Kon Chơ.",
        None,
        {"bản Hua Pết", "xã Búng Lao", "buôn Ea Sar", "làng Kon Chơ"},
    ),
    ("Nghề dệt ở làng Vạn Phúc có 600 hộ.", None, {"làng Vạn Phúc"}),
    # capitalised, the word is part of a commune's or district's name (Bản Mù, Buôn Đôn)
    ("Xã Bản Mù và huyện Buôn Đôn có 40 thôn.", None, {"xã Bản Mù", "huyện Buôn Đôn"}),
    # industrial parks and zones, capitalised or not
    (
        "Khu công nghiệp Hòa Khánh đạt 90%, cụm công nghiệp Tân Mỹ đạt 60%.",
        None,
        {"khu công nghiệp Hòa Khánh", "cụm công nghiệp Tân Mỹ"},
    ),
    # the parks of a province are no park of that name: the province is the place
    ("Các khu công nghiệp Quảng Ngãi thu hút 900 triệu USD.", None, {"Quảng Ngãi"}),
    ("Khu công nghiệp Bình Định hút vốn FDI.", None, {"Bình Định"}),
    # a village elder's name is no village
    ("Già làng K'Brăk, 70 tuổi, ở xã Lát kể lại.", None, {"xã Lát"}),
    ("Già làng Ha Sin kể lại chuyện xưa.", None, set()),
    # a copy of a document is no village
    ("Xã đã ký 01 bản Cam kết và 2 bản Quyết định.", None, set()),
    # a currency and a disease named after a country or continent name no place
    ("Giá đô la Mỹ tăng 2%, dịch tả lợn châu Phi tái phát.", None, set()),
    ("Bệnh dịch tả heo châu Phi lan sang Lào; đồng đô la Úc giảm.", None, {"Lào"}),
    ("Giá cà phê ở châu Phi và Mỹ cùng tăng.", None, {"châu Phi", "Mỹ"}),
]


@pytest.mark.parametrize(("text", "province", "names"), SITES)
def test_entities_place_names_sites_and_not_places(nlp, text, province, names):
    assert places(nlp, text, province) == names


CAPITALS = [
    # a province in a heading in capitals, after its unit word (inside an agency's name,
    # as in "CỤC THỐNG KÊ TỈNH HÀ NAM", it is part of the AGENCY, as in mixed case)
    ("NÔNG DÂN TỈNH HÀ NAM THU HOẠCH LÚA", {"Hà Nam"}),
    ("CHI CỤC KIỂM LÂM TỈNH BẮC KẠN", {"Bắc Kạn"}),
    # capitals after the unit word that name no province
    ("TỈNH ỦY ĐÃ HỌP", set()),
    ("TỈNH TA ĐẠT KẾT QUẢ TỐT", set()),
]


@pytest.mark.parametrize(("text", "names"), CAPITALS)
def test_entities_place_names_province_in_capitals(nlp, text, names):
    assert places(nlp, text) == names


ADDRESSES = [
    # a house number and a street named like a province, in an address, is the street
    ("Địa chỉ: 26 Hà Nội, TP. Vinh | Điện thoại: 0238.3844.111", {"thành phố Vinh"}),
    ("Trụ sở: 8 Hải Phòng, phường Thạch Thang, Đà Nẵng.", {"phường Thạch Thang", "Đà Nẵng"}),
    # a province named in a sentence stays a place
    ("Đoàn công tác của Hà Nội đến thăm 26 hộ dân.", {"Hà Nội"}),
]


@pytest.mark.parametrize(("text", "names"), ADDRESSES)
def test_entities_place_names_street_in_address(nlp, text, names):
    assert places(nlp, text) == names


# A reserve is one place with its kind word, also second in a list; a kind of road after
# a street word is no street's name, a street's own name still is.
ROADS_AND_RESERVES = [
    ("Khu bảo tồn thiên nhiên Xuân Liên có voọc quý.", "khu bảo tồn thiên nhiên Xuân Liên"),
    (
        "Vườn quốc gia Cúc Phương và Khu bảo tồn thiên nhiên Pù Luông đón khách.",
        "khu bảo tồn thiên nhiên Pù Luông",
    ),
    ("Tàu tuần tra Khu bảo tồn biển Hòn Mun mỗi ngày.", "khu bảo tồn biển Hòn Mun"),
    ("Xe tải đi đường Vành đai 2 rồi rẽ vào đường Nguyễn Trãi.", "đường Nguyễn Trãi"),
    ("Phố Hàng Gai và đường Cao tốc Nội Bài - Lào Cai.", "phố Hàng Gai"),
]

NOT_PLACES = [
    ("Vườn quốc gia Cúc Phương và Khu bảo tồn thiên nhiên Pù Luông đón khách.", "khu"),
    ("Xe tải đi đường Vành đai 2 rồi rẽ vào đường Nguyễn Trãi.", "đường vành"),
    ("Dự án đường Vành đai 3 qua hai quận.", "đường vành"),
    ("Phố Hàng Gai và đường Cao tốc Nội Bài - Lào Cai.", "đường cao"),
    ("Thông xe đường Quốc lộ 1 đoạn tránh.", "đường quốc"),
]


@pytest.mark.parametrize(("text", "place"), ROADS_AND_RESERVES)
def test_entities_place_names_reserves_and_streets(nlp, text, place):
    assert place.lower() in {p.lower() for p in places(nlp, text)}


@pytest.mark.parametrize(("text", "word"), NOT_PLACES)
def test_entities_place_names_road_kind_and_unit_word_not_place(nlp, text, word):
    assert word not in {p.lower() for p in places(nlp, text)}
