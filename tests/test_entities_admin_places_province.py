"""A bare ``nlp(text)`` reads the article's province itself (vnextract.entities.admin_places).
Texts written for this test."""

from __future__ import annotations

import pytest


@pytest.fixture(scope="module")
def nlp():
    import vnextract

    return vnextract.load()


BARE = [
    # the province of the districts it names: the bare "Sở TT&TT" is that province's
    (
        "Sở TT&TT phối hợp với huyện Gia Bình triển khai 5G. Huyện Tiên Du đạt 100%.",
        "Bắc Ninh",
        "Sở Thông tin và Truyền thông Bắc Ninh",
    ),
    ("Tỉnh Lạng Sơn có 200 xã. UBND tỉnh Lạng Sơn giao chỉ tiêu.", "Lạng Sơn", None),
    # nothing to read it from
    ("Năm 2024, doanh thu bưu chính tăng 5%.", None, None),
]


@pytest.mark.parametrize(("text", "province", "agency"), BARE)
def test_entities_admin_places_province_of_a_bare_doc(nlp, text, province, agency):
    doc = nlp(text)
    assert doc._.province == province
    if agency:
        assert agency in {e._.canonical for e in doc.ents if e.label_ == "AGENCY"}


@pytest.mark.parametrize(
    ("doc_id", "given", "expected"), [("", "Cao Bằng", "Cao Bằng"), ("a01", None, None)]
)
def test_entities_admin_places_province_given_stands(nlp, doc_id, given, expected):
    # a province already set, or the extractor's Doc (an id, its metadata's None), stands
    doc = nlp.make_doc("Huyện Gia Bình triển khai 5G.")
    doc._.doc_id, doc._.province = doc_id, given
    for _, proc in nlp.pipeline:
        doc = proc(doc)
    assert doc._.province == expected
