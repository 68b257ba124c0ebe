"""Province names, variants and the 2025 merger; sentences written for these tests."""

from __future__ import annotations

import datetime as dt

import pytest

from vnextract.core.rules import load_yaml_section
from vnextract.ingest.places import PlacesRules, canonical_province, default_places, find_provinces

AFTER = dt.date(2025, 7, 1)


def test_places_counts_before_and_after_merger():
    rules = default_places().rules
    assert len(rules.provinces) == 63
    assert len(rules.provinces_after) == 34
    assert rules.change_date == AFTER
    assert sum(len(p.formed_from) for p in rules.provinces_after) == 63


@pytest.mark.parametrize(
    ("name", "canonical"),
    [
        ("Thanh Hoá", "Thanh Hóa"),
        ("THANH HÓA", "Thanh Hóa"),
        ("Hoà Bình", "Hòa Bình"),
        ("Khánh Hoà", "Khánh Hòa"),
        ("TP.HCM", "Thành phố Hồ Chí Minh"),
        ("TP. Hồ Chí Minh", "Thành phố Hồ Chí Minh"),
        ("Tp. HCM", "Thành phố Hồ Chí Minh"),
        ("Huế", "Thừa Thiên Huế"),
        ("Thừa Thiên-Huế", "Thừa Thiên Huế"),
        ("Bà Rịa – Vũng Tàu", "Bà Rịa - Vũng Tàu"),
        ("Đăk Lăk", "Đắk Lắk"),
        ("Bắc Cạn", "Bắc Kạn"),
        ("Hồ Chí Minh", None),
        ("Vinh", None),
        ("Việt Nam", None),
    ],
)
def test_places_canonical_name(name, canonical):
    assert canonical_province(name) == canonical


@pytest.mark.parametrize(
    ("name", "after"),
    [
        ("Hà Giang", "Tuyên Quang"),
        ("Hoà Bình", "Phú Thọ"),
        ("Bình Dương", "Thành phố Hồ Chí Minh"),
        ("Thừa Thiên Huế", "Huế"),
        ("Kon Tum", "Quảng Ngãi"),
        ("Thanh Hóa", "Thanh Hóa"),
    ],
)
def test_places_canonical_after_merger(name, after):
    assert canonical_province(name, AFTER) == after
    assert canonical_province(name, dt.date(2025, 6, 30)) != after or name == after


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("Tỉnh Thanh Hoá có 27 huyện.", [("Thanh Hoá", "Thanh Hóa")]),
        (
            "Doanh nghiệp ở TP.HCM và Bình Dương",
            [("TP.HCM", "Thành phố Hồ Chí Minh"), ("Bình Dương", "Bình Dương")],
        ),
        ("Học tập tư tưởng Hồ Chí Minh", []),
        ("Vì hòa bình và hữu nghị", []),
        ("Hòa bình là khát vọng chung", []),
        ("Hội nghị tại Hoà Bình", [("Hoà Bình", "Hòa Bình")]),
        (
            "Bà Rịa-Vũng Tàu và Thừa Thiên Huế",
            [("Bà Rịa-Vũng Tàu", "Bà Rịa - Vũng Tàu"), ("Thừa Thiên Huế", "Thừa Thiên Huế")],
        ),
        ("KHÁNH HÒA ĐẨY MẠNH CHUYỂN ĐỔI SỐ", [("KHÁNH HÒA", "Khánh Hòa")]),
        ("Quảng Namsa", []),
    ],
)
def test_places_find_provinces(text, found):
    hits = find_provinces(text)
    assert [(text[s:e], c) for s, e, c in hits] == found


@pytest.mark.parametrize(
    ("yaml_text", "problem"),
    [
        (
            "change_date: 2025-07-01\nkinds: [tỉnh]\nprovinces:\n  - {name: A, kind: tỉnh, becomes: B}\n"  # noqa: E501
            "provinces_after:\n  - {name: C, kind: tỉnh, formed_from: [A]}\n",
            "not in provinces_after",
        ),
        (
            "change_date: 2025-07-01\nkinds: [tỉnh]\nprovinces:\n  - {name: A, kind: huyện, becomes: A}\n"  # noqa: E501
            "provinces_after:\n  - {name: A, kind: tỉnh, formed_from: [A]}\n",
            "is not one of kinds",
        ),
    ],
)
def test_places_rules_are_checked(tmp_path, yaml_text, problem):
    path = tmp_path / "places.yml"
    path.write_text(yaml_text, encoding="utf-8")
    problems: list[str] = []
    assert load_yaml_section(path, PlacesRules, problems) is None
    assert any(problem in p for p in problems), problems
