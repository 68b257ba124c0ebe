"""General entity forms: city-level bodies, party departments, regions, associations,
local units of national companies, bylines. Sentences written for these tests (not
taken from ../shared/seeds or the sample corpus)."""

from __future__ import annotations

import pytest

from entity_lines import tag_lines


@pytest.fixture(scope="module")
def nlp():
    import vnextract

    return vnextract.load()


def found(nlp, text: str, province: str | None = None) -> set[tuple[str, str]]:
    entities, _ = tag_lines(nlp, text, province)
    return {(e.label, e.canonical) for e in entities}


FOUND = [
    # a bare "UBND thành phố" / "Thành ủy" in an article about a centrally-run city
    (
        "Sáng nay, UBND thành phố đã họp với các doanh nghiệp.",
        "Hải Phòng",
        ("AGENCY", "Ủy ban nhân dân thành phố Hải Phòng"),
    ),
    (
        "Phó Chủ tịch UBND thành phố Nguyễn Thị Lan Anh dự lễ khai trương.",
        "Đà Nẵng",
        ("AGENCY", "Ủy ban nhân dân thành phố Đà Nẵng"),
    ),
    (
        "Phó Chủ tịch UBND thành phố Nguyễn Thị Lan Anh dự lễ khai trương.",
        "Đà Nẵng",
        ("PERSON", "Nguyễn Thị Lan Anh"),
    ),
    (
        "Thành ủy vừa ban hành nghị quyết về kinh tế số.",
        "Hải Phòng",
        ("AGENCY", "Thành ủy Hải Phòng"),
    ),
    # a bare council in such a city's article is the city's, never a province's
    (
        "HĐND đã thông qua 14 nghị quyết tại kỳ họp.",
        "Cần Thơ",
        ("AGENCY", "Hội đồng nhân dân thành phố Cần Thơ"),
    ),
    (
        "Văn phòng UBND vừa có văn bản gửi các sở.",
        "Đà Nẵng",
        ("AGENCY", "Văn phòng Ủy ban nhân dân thành phố Đà Nẵng"),
    ),
    (
        "HĐND đã thông qua 14 nghị quyết tại kỳ họp.",
        "Lạng Sơn",
        ("AGENCY", "Hội đồng nhân dân tỉnh Lạng Sơn"),
    ),
    (
        "Ban Tổ chức Thành ủy Cần Thơ đã góp ý dự thảo.",
        None,
        ("AGENCY", "Ban Tổ chức Thành ủy Cần Thơ"),
    ),
    # party committee departments
    (
        "Ban Dân vận Tỉnh ủy chủ trì buổi làm việc.",
        "Quảng Ngãi",
        ("AGENCY", "Ban Dân vận Tỉnh ủy Quảng Ngãi"),
    ),
    # a national body's provincial branch
    (
        "Cục Thống kê tỉnh vừa công bố số liệu quý I.",
        "Nam Định",
        ("AGENCY", "Cục Thống kê tỉnh Nam Định"),
    ),
    # central units joined by "và"
    ("Vụ Kế hoạch và Tài chính đã trình dự thảo.", None, ("AGENCY", "Vụ Kế hoạch và Tài chính")),
    (
        "Sở làm việc với Vụ Hợp tác và Kinh tế số (Bộ Tài chính) về đề án.",
        None,
        ("AGENCY", "Vụ Hợp tác và Kinh tế số"),
    ),
    # a centrally-run city after "thành phố" is the city itself; a provincial city keeps it
    ("Doanh thu bán lẻ của thành phố Hải Phòng tăng mạnh.", None, ("LOCATION", "Hải Phòng")),
    ("Hạ tầng của thành phố Vinh được nâng cấp.", None, ("LOCATION", "thành phố Vinh")),
    # regions
    ("Tốc độ tăng dẫn đầu vùng Tây Nguyên.", None, ("LOCATION", "Tây Nguyên")),
    (
        "Chỉ số này đứng thứ hai khu vực Duyên hải Nam Trung Bộ.",
        None,
        ("LOCATION", "Duyên hải Nam Trung Bộ"),
    ),
    # hyphenated names, more place types, places joined by "và"
    (
        "Du khách đến khu du lịch Tam Đảo - Tây Thiên ngày càng đông.",
        None,
        ("LOCATION", "Tam Đảo - Tây Thiên"),
    ),
    ("Trạm phát sóng mới phủ kín bán đảo Hòn Gốm.", None, ("LOCATION", "bán đảo Hòn Gốm")),
    ("Các xã ven hồ thủy điện Sơn La đã có sóng 4G.", None, ("LOCATION", "hồ thủy điện Sơn La")),
    ("Wi-Fi miễn phí có ở điểm du lịch Bà Nà và Cù Lao Chàm.", None, ("LOCATION", "Cù Lao Chàm")),
    # a person after a unit word is not a place
    ("Chủ tịch UBND huyện Trần Văn Hải kiểm tra công trình.", None, ("PERSON", "Trần Văn Hải")),
    # associations
    (
        "Hội Nhà báo tỉnh tổ chức giải báo chí lần thứ ba.",
        "Ninh Bình",
        ("ORG", "Hội Nhà báo tỉnh Ninh Bình"),
    ),
    (
        "Hiệp hội Du lịch tỉnh Khánh Hòa kiến nghị giảm phí.",
        None,
        ("ORG", "Hiệp hội Du lịch tỉnh Khánh Hòa"),
    ),
    ("Hội Tin học Việt Nam phối hợp tổ chức diễn đàn.", None, ("ORG", "Hội Tin học Việt Nam")),
    # provincial units of national companies
    ("Bưu điện tỉnh Gia Lai đã chuyển phát 20.000 hồ sơ.", None, ("ORG", "Bưu điện tỉnh Gia Lai")),
    ("Viễn thông Bắc Giang lắp thêm 40 trạm.", None, ("ORG", "Viễn thông Bắc Giang")),
    # company names with lower-case words before the place they serve
    (
        "Công ty TNHH MTV Xổ số kiến thiết Quảng Nam nộp ngân sách 90 tỷ đồng.",
        None,
        ("ORG", "Công ty TNHH MTV Xổ số kiến thiết Quảng Nam"),
    ),
    # e-commerce platforms, also where the segmenter glues the platform to "sàn"
    ("Nhiều hộ bán hàng qua Tiki và TikTok Shop.", None, ("ORG", "TikTok Shop")),
    ("Sản phẩm đã lên sàn Lazada từ tháng trước.", None, ("ORG", "Lazada")),
    # bylines and signature lines
    ("Tác giả: Hoài Nam", None, ("PERSON", "Hoài Nam")),
    ("Doanh thu tăng 5%.\nThanh Tùng", None, ("PERSON", "Thanh Tùng")),
    # family names added to the list
    ("Cấn Văn Lực trình bày tham luận.", None, ("PERSON", "Cấn Văn Lực")),
    ("Giàng A Dơ được bầu làm trưởng thôn.", None, ("PERSON", "Giàng A Dơ")),
]


@pytest.mark.parametrize(("text", "province", "entity"), FOUND)
def test_entities_forms_found(nlp, text, province, entity):
    assert entity in found(nlp, text, province)


NOT_FOUND = [
    # "UBND thành phố" in a province's article is some provincial city: not named
    ("UBND thành phố đã phê duyệt đề án.", "Nghệ An", "AGENCY", "thành phố"),
    ("Phó Chủ tịch UBND thành phố Nguyễn Thị Lan Anh dự lễ.", "Đà Nẵng", "AGENCY", "Lan Anh"),
    # directions are not regions
    ("Gió mùa thổi theo hướng tây bắc.", None, "LOCATION", "Tây Bắc"),
    # meetings and councils are no associations
    ("Hội nghị tỉnh về chuyển đổi số diễn ra hôm qua.", None, "ORG", "Hội"),
    ("Hội đồng nhân dân tỉnh thông qua nghị quyết.", "Bến Tre", "ORG", "Hội"),
    # a post-office network is not a provincial unit
    ("Tỉnh có 120 điểm Bưu điện văn hóa xã.", None, "ORG", "Bưu điện"),
    # a company name stops before the words that follow it
    ("Công ty Viettel tại Hà Nội đã lắp 30 trạm.", None, "ORG", "tại"),
    # a named day is no place
    (
        "Hưởng ứng Ngày Sách và Văn hóa đọc Việt Nam, thư viện mở cửa miễn phí.",
        None,
        "LOCATION",
        "Việt Nam",
    ),
    # a province alone on its line stays a place
    ("Doanh thu tăng 5%.\nBắc Giang", None, "PERSON", "Bắc Giang"),
]


@pytest.mark.parametrize(("text", "province", "label", "part"), NOT_FOUND)
def test_entities_forms_not_found(nlp, text, province, label, part):
    assert not any(lab == label and part in name for lab, name in found(nlp, text, province))
