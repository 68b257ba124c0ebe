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
