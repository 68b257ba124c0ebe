"""Organisations by form: the site's own name opening the article, producers and
cooperatives.

Sentences written for these tests; add new forms as rows of the tables.
"""

from __future__ import annotations

import pytest

from vnextract.core.model import Sentence
from vnextract.entities import tag_document


@pytest.fixture(scope="module")
def nlp():
    import vnextract

    return vnextract.load()


def orgs(nlp, text: str) -> set[str]:
    sentences = [Sentence(0, 0, len(text), text, 0)]
    entities, _ = tag_document(nlp, "t", text, sentences, None)
    return {e.canonical for e in entities if e.label == "ORG"}


ORGS = [
    ("(Tiền Phong) - Sáng nay, tỉnh khai mạc hội chợ.", {"Tiền Phong"}),
    ("(Nông nghiệp Việt Nam) – Giá lúa tăng nhẹ.", {"Nông nghiệp Việt Nam"}),
    ("Sản phẩm nước mắm của cơ sở Hồng Hải được công nhận OCOP.", {"Hồng Hải"}),
    ("HTX Nông nghiệp Tân Tiến liên kết với nông dân.", {"Hợp tác xã Nông nghiệp Tân Tiến"}),
    # a name that opens with a province's name is still a name
    ("Hợp tác xã Bến Tre Xanh có 80 thành viên.", {"Hợp tác xã Bến Tre Xanh"}),
    # a provincial paper's masthead in capitals, with or without "điện tử" / "online"
    ("BÁO THÁI NGUYÊN ĐIỆN TỬ", {"Báo Thái Nguyên"}),
    ("BÁO QUẢNG NINH", {"Báo Quảng Ninh"}),
    ("BÁO BẮC GIANG - Cơ quan của Đảng bộ tỉnh", {"Báo Bắc Giang"}),
    # the merged provincial press body (2025) in a footer, in capitals
    ("BÁO VÀ PHÁT THANH, TRUYỀN HÌNH ĐỒNG NAI", {"Báo và Phát thanh, Truyền hình Đồng Nai"}),
    (
        "BÁO VÀ PHÁT THANH - TRUYỀN HÌNH LÀO CAI - Tổng Biên tập: Lê Minh",
        {"Báo và Phát thanh, Truyền hình Lào Cai"},
    ),
    # a paper named otherwise than its province, and a news site's name
    ("BÁO SÔNG ĐÀ ĐIỆN TỬ - Cơ quan của Hội Nhà báo tỉnh", {"Báo Sông Đà Điện Tử"}),
    ("TÂY NGUYÊN ONLINE - Tin tức trong tỉnh", {"Tây Nguyên Online"}),
    ("Bản quyền thuộc Sông Hồng Ngày Mới.", {"Sông Hồng Ngày Mới"}),
    ("Theo trang Cửa Biển 24h, phiên chợ đông khách.", {"Cửa Biển 24h"}),
]


@pytest.mark.parametrize(("text", "names"), ORGS)
def test_entities_orgs_by_form(nlp, text, names):
    assert names <= orgs(nlp, text)


NOT_ORGS = [
    # an abbreviation or a web address opening the article is no name the scorer counts
    ("(BTV) - Tháng 10, tỉnh đạt kết quả tốt.", "BTV"),
    # a bracket later in the sentence
    ("Tỉnh có 3 xã (Tân Phú) - đạt chuẩn.", "Tân Phú"),
    # the database, not a producer
    ("Dữ liệu đưa vào cơ sở dữ liệu quốc gia.", "Dữ liệu"),
    # a report, not a paper; a paper named mid-sentence in lower case
    ("BÁO CÁO KẾT QUẢ THÁNG 10", "Báo Cáo"),
    ("Bà con đọc báo Quảng Ninh hằng ngày.", "Báo Quảng Ninh"),
    # cooperatives of a province, not one named after it
    ("Hợp tác xã Đắk Lắk đẩy mạnh bán hàng trực tuyến", "Hợp tác xã Đắk Lắk"),
    ("HTX Lâm Đồng liên kết tiêu thụ rau", "Hợp tác xã Lâm Đồng"),
    ("BÁO CÁO SƠ KẾT - Quý III năm 2025", "Báo Cáo Sơ Kết"),
    # mid-sentence in lower case it is no masthead
    (
        "Phóng viên báo và phát thanh, truyền hình Đồng Nai đưa tin.",
        "Báo và Phát thanh, Truyền hình Đồng Nai",
    ),
    # a menu's section, set apart by runs of spaces
    ("Trang chủ   Kinh tế   Đồng Tháp 24h", "Đồng Tháp 24h"),
]


@pytest.mark.parametrize(("text", "name"), NOT_ORGS)
def test_entities_orgs_not_an_org(nlp, text, name):
    assert name not in orgs(nlp, text)
