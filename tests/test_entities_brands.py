"""Organisations, agencies and persons by form and context: Latin-script brands after
what names them (``ứng dụng``, ``sàn``, ``theo số liệu của``), press outlets, local
branches and mass organisations; the state bodies of a province or district; names of
the Central Highlands peoples (``H'Blơi``, ``Y-Moan``); a closing heading in capitals.

Sentences written for these tests (none taken from ../shared); add new forms as rows.
"""

from __future__ import annotations

import pytest

from entity_lines import tag_lines


@pytest.fixture(scope="module")
def nlp():
    import vnextract

    return vnextract.load()


def entities(nlp, text: str, province: str | None = None) -> set[tuple[str, str]]:
    """(label, canonical) of every entity, one sentence per line."""
    found, _ = tag_lines(nlp, text, province)
    assert all(text[e.char_start : e.char_end] == e.text for e in found)
    return {(e.label, e.canonical) for e in found}


def labelled(nlp, text: str, label: str, province: str | None = None) -> set[str]:
    return {c for lab, c in entities(nlp, text, province) if lab == label}


BRANDS = [
    # a Latin-script name after what it is: app, platform, network, page, channel, shop
    ("Xã lập nhóm trên ứng dụng Telegram để báo tin bão.", {"Telegram"}),
    ("Hợp tác xã bán chè trên sàn Tiktok và sàn thương mại điện tử Sendo.", {"Tiktok"}),
    ("Đoàn viên mở kênh YouTube giới thiệu món ăn quê.", {"YouTube"}),
    ("Bài được chia sẻ trên mạng xã hội Facebook và nền tảng Instagram.", {"Facebook"}),
    ("Bài được chia sẻ trên mạng xã hội Facebook và nền tảng Instagram.", {"Instagram"}),
    ("Tiểu thương nhận tiền qua ví điện tử ShopeePay.", {"ShopeePay"}),
    ("Khách đặt xe qua ứng dụng di động Gojek tăng mạnh.", {"Gojek"}),
    ("Trường dạy học trực tuyến bằng phần mềm Zoom.", {"Zoom"}),
    ("Du khách đặt phòng qua dịch vụ Agoda và Traveloka.", {"Agoda", "Traveloka"}),
    # a list after one cue: every Latin name of it
    ("Nông sản có mặt trên sàn Lazada, Amazon và Alibaba.", {"Amazon", "Alibaba"}),
    # two Latin words, and a name that is no Vietnamese syllable though it is short
    ("Người dân nghe nhạc qua ứng dụng Zing MP3.", {"Zing MP3"}),
    ("Tài xế chạy cho ứng dụng Grab kiếm thêm thu nhập.", {"Grab"}),
    # sources cited: a Latin name after "theo số liệu của ..." is the organisation
    ("Theo số liệu của Statista, người dùng tăng 12%.", {"Statista"}),
    ("Theo báo cáo của DataReportal, 78% dân số dùng mạng.", {"DataReportal"}),
]


@pytest.mark.parametrize(("text", "names"), BRANDS)
def test_entities_brands_latin_name_after_cue(nlp, text, names):
    assert names <= labelled(nlp, text, "ORG")


NOT_BRANDS = [
    # government apps and systems are no organisation (ANNOTATION.md: nor agencies)
    ("Công an xã hướng dẫn người dân cài ứng dụng VNeID.", "VNeID"),
    ("Người lao động tra cứu quá trình đóng qua ứng dụng VssID.", "VssID"),
    # technical words, not names
    ("Tỉnh phát triển dịch vụ Internet băng rộng đến từng thôn.", "Internet"),
    ("Xã đăng thông tin lên trang Fanpage của Đoàn xã.", "Fanpage"),
    ("Doanh nghiệp ứng dụng IoT trong nuôi tôm.", "IoT"),
    ("Nhân viên nhập số liệu bằng phần mềm Excel.", "Excel"),
    # abbreviations in capitals and Vietnamese words written without tone marks
    ("Tỉnh đẩy mạnh ứng dụng CNTT trong cải cách hành chính.", "CNTT"),
    ("Nhà mạng cung cấp dịch vụ Tin nhắn thương hiệu.", "Tin"),
    # a web address is no name
    ("Sản phẩm được đưa lên sàn Chogao.vn của huyện.", "Chogao"),
    # no cue before it
    ("Ông Telegram không phải là tên người Việt.", "Telegram"),
]


@pytest.mark.parametrize(("text", "name"), NOT_BRANDS)
def test_entities_brands_not_a_brand(nlp, text, name):
    got = entities(nlp, text)
    assert not any(c.startswith(name) for lab, c in got if lab == "ORG"), got


ORGS = [
    # press: a radio-television station written with its abbreviation
    ("Phóng viên Đài PT-TH Bạc Liêu ghi hình.", None, "Đài Phát thanh - Truyền hình Bạc Liêu"),
    # power corporations of a region
    (
        "Tổng công ty Điện lực miền Trung cấp điện ổn định.",
        None,
        "Tổng công ty Điện lực miền Trung",
    ),
    # the youth union and the front, at every level
    ("Đoàn Thanh niên xã ra quân dọn vệ sinh.", None, "Đoàn Thanh niên xã"),
    ("Đoàn Thanh niên huyện Tuy An phát động phong trào.", None, "Đoàn Thanh niên huyện Tuy An"),
    (
        "Đoàn TNCS Hồ Chí Minh tỉnh khen thưởng đoàn viên.",
        "Phú Yên",
        "Đoàn Thanh niên Cộng sản Hồ Chí Minh tỉnh Phú Yên",
    ),
    ("Huyện đoàn Đồng Xuân tổ chức trại hè.", None, "Huyện đoàn Đồng Xuân"),
    (
        "Ủy ban MTTQ tỉnh trao quà Tết.",
        "Phú Yên",
        "Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh Phú Yên",
    ),
    (
        "Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh Bình Định vận động ủng hộ.",
        None,
        "Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh Bình Định",
    ),
    ("Ủy ban MTTQ huyện Sơn Hòa giám sát.", None, "Ủy ban Mặt trận Tổ quốc Việt Nam huyện Sơn Hòa"),
    # mass organisations of a district or commune
    (
        "Hội Liên hiệp Phụ nữ huyện Tây Hòa ra mắt mô hình.",
        None,
        "Hội Liên hiệp Phụ nữ huyện Tây Hòa",
    ),
    ("Hội Nông dân xã tập huấn kỹ thuật.", None, "Hội Nông dân xã"),
    ("Hội LHPN huyện tổ chức hội thi.", None, "Hội Liên hiệp Phụ nữ huyện"),
]


@pytest.mark.parametrize(("text", "province", "canonical"), ORGS)
def test_entities_brands_orgs_by_form(nlp, text, province, canonical):
    assert canonical in labelled(nlp, text, "ORG", province)


NOT_ORGS = [
    # the youth union is no person, a portal no organisation
    ("Đoàn Thanh niên xã ra quân dọn vệ sinh.", "PERSON", "Đoàn Thanh"),
    ("Tin được đăng trên Cổng thông tin điện tử tỉnh.", "ORG", "Cổng thông tin điện tử"),
]


@pytest.mark.parametrize(("text", "label", "name"), NOT_ORGS)
def test_entities_brands_orgs_not(nlp, text, label, name):
    assert not any(c.startswith(name) for c in labelled(nlp, text, label))


AGENCIES = [
    # national committees and party bodies
    (
        "Ủy ban Quốc gia về chuyển đổi số ban hành kế hoạch.",
        None,
        "Ủy ban Quốc gia về chuyển đổi số",
    ),
    ("Ông là Chủ tịch Ủy ban Quốc gia về chuyển đổi số.", None, "Ủy ban Quốc gia về chuyển đổi số"),
    (
        "Ban Chấp hành Đảng bộ huyện Đồng Xuân họp phiên thường kỳ.",
        None,
        "Ban Chấp hành Đảng bộ huyện Đồng Xuân",
    ),
    ("Ủy ban Kiểm tra Tỉnh ủy thi hành kỷ luật.", "Phú Yên", "Ủy ban Kiểm tra Tỉnh ủy Phú Yên"),
    ("Ủy ban Kiểm tra Huyện ủy Tuy An họp.", None, "Ủy ban Kiểm tra Huyện ủy Tuy An"),
    (
        "Ban Tuyên giáo Huyện ủy Sơn Hòa biên soạn tài liệu.",
        None,
        "Ban Tuyên giáo Huyện ủy Sơn Hòa",
    ),
    # the segmenter glued a verb to the place: the place ends before it
    ("Huyện ủy Tuy An họp bàn kế hoạch.", None, "Huyện ủy Tuy An"),
    # state bodies of a province: with the province written, or the article's
    ("Kho bạc Nhà nước tỉnh Phú Yên kiểm soát chi.", None, "Kho bạc Nhà nước tỉnh Phú Yên"),
    ("Kho bạc Nhà nước tỉnh kiểm soát chi.", "Bình Định", "Kho bạc Nhà nước tỉnh Bình Định"),
    ("Kho bạc Nhà nước huyện Tuy An thu ngân sách.", None, "Kho bạc Nhà nước huyện Tuy An"),
    # named by the province with no level word
    ("Kho bạc Nhà nước Phú Yên đã kiểm soát 2.100 hồ sơ.", None, "Kho bạc Nhà nước Phú Yên"),
    ("Bảo hiểm xã hội Gia Lai đối thoại với doanh nghiệp.", None, "Bảo hiểm xã hội Gia Lai"),
    ("Bộ Chỉ huy Quân sự tỉnh diễn tập.", "Phú Yên", "Bộ Chỉ huy Quân sự tỉnh Phú Yên"),
    (
        "Bộ Chỉ huy Bộ đội Biên phòng tỉnh tuần tra.",
        "Kiên Giang",
        "Bộ Chỉ huy Bộ đội Biên phòng tỉnh Kiên Giang",
    ),
    ("Bảo hiểm xã hội tỉnh Phú Yên chi trả lương hưu.", None, "Bảo hiểm xã hội tỉnh Phú Yên"),
    ("BHXH tỉnh đã cấp thẻ cho học sinh.", "Phú Yên", "Bảo hiểm xã hội tỉnh Phú Yên"),
    ("BHXH huyện Tuy An đối thoại với doanh nghiệp.", None, "Bảo hiểm xã hội huyện Tuy An"),
    (
        "Cục Quản lý thị trường tỉnh kiểm tra hàng giả.",
        "Phú Yên",
        "Cục Quản lý thị trường tỉnh Phú Yên",
    ),
    ("Thanh tra tỉnh công bố kết luận.", "Phú Yên", "Thanh tra tỉnh Phú Yên"),
    ("Tòa án nhân dân tỉnh xét xử lưu động.", "Phú Yên", "Tòa án nhân dân tỉnh Phú Yên"),
    (
        "Viện Kiểm sát nhân dân huyện Sơn Hòa kiểm sát.",
        None,
        "Viện Kiểm sát nhân dân huyện Sơn Hòa",
    ),
    ("Đoàn ĐBQH tỉnh tiếp xúc cử tri.", "Phú Yên", "Đoàn đại biểu Quốc hội tỉnh Phú Yên"),
]


@pytest.mark.parametrize(("text", "province", "canonical"), AGENCIES)
def test_entities_brands_agencies_by_form(nlp, text, province, canonical):
    assert canonical in labelled(nlp, text, "AGENCY", province)


NOT_AGENCIES = [
    # the activity and the insurance, in lower case, are no body
    ("Công tác thanh tra tỉnh được tăng cường.", "Thanh tra"),
    ("Người dân tham gia bảo hiểm xã hội tỉnh nhà.", "Bảo hiểm xã hội"),
    ("Tỉnh ủy viên được phân công theo dõi.", "Ủy ban Kiểm tra"),
]


@pytest.mark.parametrize(("text", "name"), NOT_AGENCIES)
def test_entities_brands_agencies_not(nlp, text, name):
    got = labelled(nlp, text, "AGENCY", "Phú Yên")
    assert not any(c.startswith(name) for c in got), got


PERSONS = [
    # names of the Central Highlands peoples: apostrophes and hyphens inside a syllable
    ("Ông Ksor H'Blơi trao quà cho bà con.", {"Ksor H'Blơi"}),
    ("Bà H'Yim Kđoh phát biểu tại hội nghị.", {"H'Yim Kđoh"}),
    ("Chị Nay H'Lan cùng chồng trồng cà phê.", {"Nay H'Lan"}),
    ("Già làng Y-Moan Êban kể chuyện xưa.", {"Y-Moan Êban"}),
    ("Ảnh: Rơ Châm H'Nhi", {"Rơ Châm H'Nhi"}),
    # Jrai family names no other list holds
    ("Đại diện xã, Siu Blơk cho biết vụ mùa bội thu.", {"Siu Blơk"}),
    ("Đến dự có Ksor Phước và nhiều người dân.", {"Ksor Phước"}),
    # a closing byline in capitals is still a name
    ("Tỉnh đạt 98% kế hoạch.\nĐÔNG HIẾU", {"Đông Hiếu"}),
]


@pytest.mark.parametrize(("text", "names"), PERSONS)
def test_entities_brands_persons_found(nlp, text, names):
    assert names <= labelled(nlp, text, "PERSON")


NOT_PERSONS = [
    # a closing heading in capitals is no byline
    ("Tỉnh đạt 98% kế hoạch.\nTIN LIÊN QUAN", "Tin Liên Quan"),
    ("Tỉnh đạt 98% kế hoạch.\nBÀI VIẾT LIÊN QUAN", "Bài Viết Liên Quan"),
    ("Tỉnh đạt 98% kế hoạch.\nKẾT QUẢ NỔI BẬT", "Kết Quả Nổi Bật"),
    ("Tỉnh đạt 98% kế hoạch.\nPHÁT TRIỂN KINH TẾ", "Phát Triển Kinh Tế"),
    ("Tỉnh đạt 98% kế hoạch.\nCHUYỂN ĐỔI SỐ", "Chuyển Đổi Số"),
    # the people's name spelt with an apostrophe is no person
    ("Đồng bào H'Mông Hà Giang đón Tết sớm.", "H'Mông Hà Giang"),
    # a word of address opening the sentence is no country
    ("Anh Đinh Văn Kriêng chăm sóc rừng.", "Anh"),
]


@pytest.mark.parametrize(("text", "name"), NOT_PERSONS)
def test_entities_brands_persons_not(nlp, text, name):
    got = entities(nlp, text)
    assert not any(c == name for _, c in got), got


WEB_ADDRESSES = [
    # the sentence splitter cuts a web address at its dot; the name before it is no brand
    "Năm 2024, hộ dân đưa 40 sản phẩm lên sàn Chogao.vn và 12 sản phẩm lên sàn Nongsan.vn.",
]


@pytest.mark.parametrize("text", WEB_ADDRESSES)
def test_entities_brands_web_address_not_a_brand(text):
    import vnextract

    got = vnextract.extract_text(text).entities
    assert not set(got[got.label == "ORG"].text), got
