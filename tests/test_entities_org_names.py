"""Organisations named in full: company names over their capitalised and business words,
the provincial branches and units of banks and national companies, brands and platforms
by their form. Each row lists every ORG the sentence names, so a name cut short or run on
into the next word fails.

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


def orgs(nlp, text: str, province: str | None = None) -> set[str]:
    sentences = [Sentence(0, 0, len(text), text, 0)]
    entities, _ = tag_document(nlp, "t", text, sentences, province)
    return {e.canonical for e in entities if e.label == "ORG"}


COMPANIES = [
    # a proper name that starts with a family name and one more syllable is the company's
    ("Nhà máy của Công ty TNHH Gạch Phạm Lâm vừa mở rộng.", {"Công ty TNHH Gạch Phạm Lâm"}),
    ("Công ty Cổ phần Cấp nước Đồng Tâm nâng công suất.", {"Công ty Cổ phần Cấp nước Đồng Tâm"}),
    # a business line in lower-case words before the proper name
    ("Công ty Chế biến thủy sản Minh Phú xuất khẩu tôm.", {"Công ty Chế biến thủy sản Minh Phú"}),
    ("Công ty Lọc hóa dầu Nghi Sơn vận hành ổn định.", {"Công ty Lọc hóa dầu Nghi Sơn"}),
    # ... also after a later word of the name ('An ninh mạng', 'Trí tuệ nhân tạo')
    (
        "Công ty Cổ phần An ninh mạng Trường Phát tham gia diễn tập.",
        {"Công ty Cổ phần An ninh mạng Trường Phát"},
    ),
    (
        "Công ty TNHH Năng lượng Mặt trời xanh Tây Bắc khởi công.",
        {"Công ty TNHH Năng lượng Mặt trời xanh Tây Bắc"},
    ),
    # the name stops before the verb glued to its last syllable by the segmenter
    (
        "Đội của Công ty Cổ phần Công nghệ Sao Nam xếp thứ hai.",
        {"Công ty Cổ phần Công nghệ Sao Nam"},
    ),
    ("Công ty TNHH Điện tử Kim Bắc giành giải.", {"Công ty TNHH Điện tử Kim Bắc"}),
    ("Công ty TNHH Thương mại Dịch vụ An Khang đạt giải nhất.", None),
    # a person named after the company is not part of its name
    ("Giám đốc Công ty Điện lực Nam Định Trần Văn Hưng phát biểu.", {"Công ty Điện lực Nam Định"}),
    # a verb after a capitalised name, and a preposition, end it
    ("Công ty Viettel xây dựng Nhà máy mới ở Đông Anh.", {"Công ty Viettel"}),
    ("Công ty Thủy lợi Bắc Hà tại Hà Tĩnh tưới cho 900 ha.", {"Công ty Thủy lợi Bắc Hà"}),
]


@pytest.mark.parametrize(("text", "names"), COMPANIES)
def test_entities_org_names_company_in_full(nlp, text, names):
    found = orgs(nlp, text)
    if names is None:  # the whole name, whatever else the sentence names
        names = {"Công ty TNHH Thương mại Dịch vụ An Khang"}
        assert names <= found
    else:
        assert found == names


BRANCHES = [
    # a bank or a national company with a province is its branch there, named as written
    (
        "Khách hàng được Agribank Cà Mau và BIDV Nghệ An hỗ trợ.",
        None,
        {"Agribank Cà Mau", "BIDV Nghệ An"},
    ),
    ("Vietcombank Hà Tĩnh mở thêm hai phòng giao dịch.", None, {"Vietcombank Hà Tĩnh"}),
    ("Viettel cấp 3.000 chứng thư, MobiFone 1.250 chứng thư.", None, {"Viettel", "MobiFone"}),
    # a list after a company's name is not part of it
    (
        "Đại diện Tổng công ty Bưu điện Việt Nam, Viettel Quảng Bình cùng dự.",
        None,
        {"Tổng công ty Bưu điện Việt Nam", "Viettel Quảng Bình"},
    ),
    ("Bưu điện Việt Nam chuyển 2 triệu bưu gửi.", None, {"Tổng công ty Bưu điện Việt Nam"}),
    # the provincial post office is "Bưu điện tỉnh X", however the text shortens it
    ("Bưu điện Gia Lai: doanh thu tăng 12%.", None, {"Bưu điện tỉnh Gia Lai"}),
    ("Năm nay Bưu điện tỉnh đạt doanh thu cao.", "Hải Dương", {"Bưu điện tỉnh Hải Dương"}),
    ("Bưu điện Hà Nội phát 5 triệu bưu phẩm.", None, {"Bưu điện thành phố Hà Nội"}),
    ("Bưu điện huyện Thanh Hà hỗ trợ 300 hộ.", None, {"Bưu điện huyện Thanh Hà"}),
    # a commercial bank's provincial branch, its abbreviation in brackets left out
    (
        "Ngân hàng Nông nghiệp và Phát triển nông thôn (Agribank) chi nhánh tỉnh Cà Mau cho vay.",
        None,
        {"Ngân hàng Nông nghiệp và Phát triển nông thôn chi nhánh tỉnh Cà Mau"},
    ),
    (
        "Ngân hàng Chính sách xã hội chi nhánh tỉnh Trà Vinh giải ngân 90 tỷ đồng.",
        None,
        {"Ngân hàng Chính sách xã hội chi nhánh tỉnh Trà Vinh"},
    ),
    ("Ngân hàng Chính sách xã hội cho 1.200 hộ vay vốn.", None, {"Ngân hàng Chính sách xã hội"}),
    # the central bank's branch is an agency
    ("Ngân hàng Nhà nước chi nhánh tỉnh An Giang họp.", None, set()),
]


@pytest.mark.parametrize(("text", "province", "names"), BRANCHES)
def test_entities_org_names_branch(nlp, text, province, names):
    assert orgs(nlp, text, province) == names


BRANDS = [
    # a capital inside a Latin-script word is a brand's form, wherever it stands
    ("Học sinh xem bài giảng trên YouTube và TikTok mỗi tối.", {"YouTube", "TikTok"}),
    ("Công ty mua 20 ô tô điện VinFast VF8 cho cán bộ.", {"VinFast"}),
    ("Hội chợ có gian hàng của LinkedIn và PayPal.", {"LinkedIn", "PayPal"}),
    # names no form tells apart are listed in organisations.yml
    ("Nhiều hộ bán nông sản qua Facebook.", {"Facebook"}),
    ("Nhiều dòng máy như Samsung Galaxy A55 đã hỗ trợ 5G.", {"Samsung"}),
    (
        "Hàng được giao qua Giao Hàng Nhanh, J&T Express trong ngày.",
        {"Giao Hàng Nhanh", "J&T Express"},
    ),
    ("Công viên địa chất được UNESCO công nhận năm 2018.", {"UNESCO"}),
    # an app's name in letters and digits after what it is
    ("Thuê bao được xem phim miễn phí trên ứng dụng TV360.", {"TV360"}),
    # the platform's official account is the platform (Zalo OA is Zalo)
    ("Người dân gửi phản ánh qua Zalo OA của huyện.", {"Zalo"}),
    ("Tỉnh trả lời qua kênh Zalo Official Account mỗi tuần.", {"Zalo"}),
]


@pytest.mark.parametrize(("text", "names"), BRANDS)
def test_entities_org_names_brand(nlp, text, names):
    assert orgs(nlp, text) == names


NOT_BRANDS = [
    # abbreviations, standards, units, formulas, titles, the state's own apps, software
    "Chỉ số DTI tăng, GRDP đạt 6%, hệ thống đạt chuẩn ISO 9001.",
    "Nước được xử lý bằng NaCl và CaCO3 trước khi cấp.",
    "ThS. Lê Hoàng Yến trình bày, công suất đạt 20 MHz.",
    "Người dân cài VssID và dùng PowerPoint, JavaScript để học.",
    # a web address and an e-mail address are not the brand
    "Xem tại vinfastauto.com hoặc gửi thư tới hotro@YouTube.com.",
]


@pytest.mark.parametrize("text", NOT_BRANDS)
def test_entities_org_names_not_a_brand(nlp, text):
    assert orgs(nlp, text) == set()


HOSPITALS = [
    (
        "Bệnh viện Đa khoa tỉnh Lai Châu thực hiện 900 ca mổ.",
        None,
        {"Bệnh viện Đa khoa tỉnh Lai Châu"},
    ),
    # a bare "tỉnh" is the article's province; a district's hospital keeps its district
    (
        "Bệnh viện Đa khoa tỉnh tiếp nhận 300 ca, Bệnh viện Đa khoa huyện Văn Chấn 120 ca.",
        "Yên Bái",
        {"Bệnh viện Đa khoa tỉnh Yên Bái", "Bệnh viện Đa khoa huyện Văn Chấn"},
    ),
    (
        "Bệnh nhân được chuyển lên Bệnh viện Chợ Rẫy và Bệnh viện Trung ương Huế.",
        None,
        {"Bệnh viện Chợ Rẫy", "Bệnh viện Trung ương Huế"},
    ),
    # a name that ends with the article's province is not given it twice
    (
        "Bệnh viện Mắt Lạng Sơn khám cho 75 bệnh nhân.",
        "Lạng Sơn",
        {"Bệnh viện Mắt Lạng Sơn"},
    ),
    # hospitals of a level, not named
    ("Các bệnh viện tuyến tỉnh quá tải; Bệnh viện tuyến huyện thiếu bác sĩ.", None, set()),
]


@pytest.mark.parametrize(("text", "province", "names"), HOSPITALS)
def test_entities_org_names_hospital(nlp, text, province, names):
    assert orgs(nlp, text, province) == names


# the provincial press outlets merged in 2025 keep their full name
def test_entities_org_names_merged_press(nlp):
    text = "Theo Báo và Phát thanh, Truyền hình Lâm Đồng, tỉnh có 124 xã, phường."
    assert orgs(nlp, text) == {"Báo và Phát thanh, Truyền hình Lâm Đồng"}
