"""Lists of places after a unit word, and a bare name the article names elsewhere with its
unit word (vnextract.entities.place_mentions, admin_places). Sentences written for this test."""

from __future__ import annotations

import pytest

import vnextract


def _places(text: str) -> set[str]:
    got = vnextract.extract_text(text).entities
    return set(got.query("label == 'LOCATION'")["canonical"])


LISTS = [
    # after "các", a number or "hai", every item of the list takes the unit word
    (
        "Nhà mạng lắp thêm trạm tại các huyện Yên Thế, Lục Ngạn và Sơn Động.",
        {"huyện Yên Thế", "huyện Lục Ngạn", "huyện Sơn Động"},
    ),
    (
        "Hai huyện Đại Từ và Phú Lương hoàn thành sớm kế hoạch.",
        {"huyện Đại Từ", "huyện Phú Lương"},
    ),
    (
        "Đường giao thông nối 3 xã Tân Lập, Tân Hợp và Đồng Tâm đã thông xe.",
        {"xã Tân Lập", "xã Tân Hợp", "xã Đồng Tâm"},
    ),
    # without one, the word is the first name's alone: the second is named as written
    ("Huyện Đại Từ và Phú Lương hoàn thành sớm kế hoạch.", {"huyện Đại Từ", "Phú Lương"}),
]


@pytest.mark.parametrize(("text", "places"), LISTS)
def test_entities_place_lists_unit_word_of_the_list(text, places):
    got = _places(text)
    assert places <= got, got
    if "Phú Lương" in places:
        assert "huyện Phú Lương" not in got


SAME_PLACE = [
    # named with its unit word once, the bare name after it is the same place
    (
        "Huyện Sơn Động có 17 xã. Năm nay, Sơn Động và Lục Nam (Bắc Giang) đều tăng thu.",
        {"huyện Sơn Động", "Lục Nam"},
        {"Sơn Động"},
    ),
    # a province's bare name stays the province beside its city of the same name
    (
        "Tỉnh Thái Bình và thành phố Thái Bình cùng tham dự.",
        {"Thái Bình", "thành phố Thái Bình"},
        set(),
    ),
]


@pytest.mark.parametrize(("text", "places", "absent"), SAME_PLACE)
def test_entities_place_lists_bare_name_takes_the_unit_word(text, places, absent):
    got = _places(text)
    assert places <= got, got
    assert not (absent & got), got
