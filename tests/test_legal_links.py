"""Legal documents get the issuing date and issuer their sentence gives (sentences written here)."""

import pytest

from vnextract.pipeline import Extractor


@pytest.fixture(scope="module")
def extractor() -> Extractor:
    return Extractor(entities=True)


@pytest.mark.parametrize(
    ("text", "doc", "issued", "issuer"),
    [
        (
            "Tỉnh đã triển khai Kế hoạch số 212/KH-UBND ngày 14/3/2023 của UBND tỉnh Quảng Trị "
            "về chuyển đổi số.",
            "Kế hoạch số 212/KH-UBND",
            "2023-03-14",
            "Ủy ban nhân dân tỉnh Quảng Trị",
        ),
        (
            "Ngày 02/6/2021, UBND tỉnh Quảng Trị ban hành Quyết định số 1450/QĐ-UBND về đề án.",
            "Quyết định số 1450/QĐ-UBND",
            None,
            "Ủy ban nhân dân tỉnh Quảng Trị",
        ),
        (
            "Thực hiện Nghị quyết số 07-NQ/TU ngày 20/10/2021 về chuyển đổi số.",
            "Nghị quyết số 07-NQ/TU",
            "2021-10-20",
            None,
        ),
        (
            "Các sở đã quán triệt Chỉ thị số 05-CT/TU trong toàn ngành.",
            "Chỉ thị số 05-CT/TU",
            None,
            None,
        ),
    ],
)
def test_legal_links_date_and_issuer(extractor, text, doc, issued, issuer):
    result = extractor.process_text(text, "x")
    docs = [e for e in result.entities if e.label == "LEGAL_DOC"]
    assert [e.text for e in docs] == [doc]
    assert docs[0].issued == issued
    assert docs[0].issuer == issuer


# (footer lines after an article, the licence, its DATE entity or None)
MASTHEADS = [
    (
        "ĐT: 0218 3852 471. Giấy phép số 218/GP-BTTTT ngày 09/5/2022",
        "Giấy phép số 218/GP-BTTTT",
        "2022-05-09",
    ),
    (
        "Tổng Biên tập: Lò Văn Hưởng | Giấy phép số 64/GP-BTTTT",
        "Giấy phép số 64/GP-BTTTT",
        None,
    ),
    (
        "Giấy phép hoạt động báo điện tử số 301/GP-BVHTTDL ngày 20/6/2025",
        "Giấy phép hoạt động báo điện tử số 301/GP-BVHTTDL",
        "2025-06-20",
    ),
]


@pytest.mark.parametrize(("footer", "licence", "issued"), MASTHEADS)
def test_legal_masthead_licence_is_a_document(extractor, footer, licence, issued):
    text = (
        "Hòa Bình có 1.240 trạm BTS.\n\nSở Khoa học và Công nghệ cho biết thêm 60 trạm mới.\n\n"
        f"{footer}\n"
    )
    result = extractor.process_text(text, "d")
    docs = [e for e in result.entities if e.label == "LEGAL_DOC"]
    assert [(e.text, e.issued) for e in docs] == [(licence, issued)]
    footer_start = text.index(footer)
    dates = [
        e.canonical for e in result.entities if e.label == "DATE" and e.char_start >= footer_start
    ]
    assert dates == ([issued] if issued else [])
    # the licence's numbers are no figures
    assert all(r.char_start < footer_start for r in result.records)
