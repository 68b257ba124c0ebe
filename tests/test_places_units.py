"""The article's province from the districts and communes it names, when it names no
province (vnextract.ingest.places.UnitProvinces, metadata). Texts written for this test."""

from __future__ import annotations

import pytest

from vnextract.ingest.metadata import extract_metadata
from vnextract.ingest.places import default_places

HEADLINE = "Hội nghị triển khai nhiệm vụ chuyển đổi số năm 2024 tại địa phương\n\n"

PROVINCE = [
    # a district alone, with its unit word
    ("Huyện Gia Bình đạt tỷ lệ hồ sơ trực tuyến cao nhất.", "Bắc Ninh"),
    # a district and a town of one province, in one sentence
    ("Huyện Phú Lương và thị trấn Sông Cầu cùng ra quân.", "Thái Nguyên"),
    # a province named once, and a district of it
    ("Đoàn công tác của tỉnh Lạng Sơn làm việc tại huyện Chi Lăng.", "Lạng Sơn"),
    # a province named often enough wins over a district elsewhere
    ("Cao Bằng tăng thu. Cao Bằng phủ sóng 4G. Đoàn đến huyện Gia Bình học tập.", "Cao Bằng"),
    # none: a commune name found in many provinces, a lower-case name, two provinces' units
    ("Người dân xã Tân Lập được hỗ trợ.", None),
    ("Sản phẩm của cơ sở trên địa bàn xã Thanh phước.", None),
    ("Huyện Gia Bình và huyện Phú Lương trao đổi kinh nghiệm.", None),
]


@pytest.mark.parametrize(("body", "province"), PROVINCE)
def test_places_units_article_province(body, province):
    assert extract_metadata(HEADLINE + body + "\n", []).province == province


FOUND = [
    ("Huyện Gia Bình và thị trấn Sông Cầu", ["Huyện Gia Bình", "thị trấn Sông Cầu"]),
    ("tại thành phố Tuyên Quang.", ["thành phố Tuyên Quang"]),
    ("Người dân xã Tân Lập", []),  # in many provinces
    ("ông Gia Bình phát biểu", []),  # no unit word
]


@pytest.mark.parametrize(("text", "names"), FOUND)
def test_places_units_find(text, names):
    assert [text[a:b] for a, b, _ in default_places().units_find(text)] == names
