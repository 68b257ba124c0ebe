"""Subjects by class of error seen on unseen text (issue 13, item 7): sentences written
for these tests, each case naming the words its subject must hold and must not."""

import pytest

from vnextract.core.rules import default_rules
from vnextract.core.textnorm import Folder
from vnextract.figures.dates import find_dates
from vnextract.figures.numbers import find_quantities
from vnextract.records.builder import RecordBuilder, SentenceContext


@pytest.fixture(scope="module")
def builder() -> RecordBuilder:
    rules = default_rules()
    return RecordBuilder(rules["records.yml"], Folder(rules["text.yml"]))


def subjects(builder: RecordBuilder, text: str) -> dict[str, str]:
    dates = find_dates(text)
    quantities = find_quantities(text, exclude=[(d.start, d.end) for d in dates])
    breaks = [i for i, ch in enumerate(text) if ch == ";"]
    result = builder.build(text, quantities, dates, breaks, SentenceContext(published_year=2024))
    return {d.quantity.value_text: d.subject.lower() for d in result.drafts}


def check(builder: RecordBuilder, text: str, value_text: str, held: list, absent: list) -> None:
    subject = subjects(builder, text)[value_text]
    for word in held:
        assert word in subject, subject
    for word in absent:
        assert word not in subject, subject


# a measure unit, or the noun the topic already names, says nothing about what was
# counted: the topic before the number is the subject (text, figure, held, absent)
MEASURES = [
    ("Sản lượng khai thác 12.400 tấn.", "12.400", ["sản lượng khai thác"], ["tấn"]),
    ("Tổng đàn bò hiện có 45.300 con, tăng 2% so với cùng kỳ.", "45.300", ["đàn bò"], []),
    ("Năng suất lúa bình quân khoảng 62 tạ trên 01 ha.", "62", ["năng suất lúa"], ["tạ"]),
    ("Diện tích rừng bị cháy khoảng 14 ha, chủ yếu là rừng thông.", "14", ["bị cháy"], ["chủ"]),
    ("Quãng đường cải tạo dài 17 km qua ba xã.", "17", ["quãng đường"], []),
    ("Thuê bao cáp quang có 210.000 thuê bao.", "210.000", ["cáp quang"], []),
    ("Hộ cận nghèo còn 4.100 hộ, giảm 300 hộ.", "4.100", ["cận nghèo"], []),
    # the words after the measure unit are the next figure's topic
    (
        "Diện tích trồng ngô khoảng 9.000 ha, năng suất bình quân 5,2 tấn/ha.",
        "5,2",
        ["năng suất"],
        [],
    ),
    # negatives: a counted noun that names the thing stays the subject
    ("Huyện có 20 xã đạt chuẩn nông thôn mới.", "20", ["xã đạt chuẩn"], []),
    ("Sở đã tiếp nhận 5.400 hồ sơ trực tuyến.", "5.400", ["hồ sơ trực tuyến"], []),
    ("Đã trồng mới 300 ha rừng phòng hộ.", "300", ["ha rừng phòng hộ"], []),
]


@pytest.mark.parametrize(("text", "value_text", "held", "absent"), MEASURES)
def test_subject_measure_unit_leaves_the_topic(builder, text, value_text, held, absent):
    check(builder, text, value_text, held, absent)


# 'còn N X': what remains is counted after the number, as after 'có'
REMAINS = [
    ("Năm 2024 huyện còn 37 thôn chưa có điện lưới.", "37", ["thôn chưa có điện"], ["năm"]),
    ("Tại hai xã vùng cao còn 86 hộ thiếu nước sinh hoạt.", "86", ["thiếu nước"], []),
    ("Tỷ lệ hộ nghèo giảm còn 2,1%.", "2,1", ["tỷ lệ hộ nghèo"], []),
]


@pytest.mark.parametrize(("text", "value_text", "held", "absent"), REMAINS)
def test_subject_what_remains_is_counted_after(builder, text, value_text, held, absent):
    check(builder, text, value_text, held, absent)


# a change from one level to another: both ends are the level of the topic before the
# verb; the period after the first end says when, not what
CHANGES_FROM_TO = [
    ("Tỷ lệ hộ dùng nước sạch tăng từ 68% năm 2022 lên 75%.", "68", ["nước sạch"], ["năm"]),
    ("Tỷ lệ hộ dùng nước sạch tăng từ 68% năm 2022 lên 75%.", "75", ["nước sạch"], ["lên"]),
    ("Tỷ lệ trẻ suy dinh dưỡng giảm từ 14% năm 2020 xuống 11%.", "14", ["suy dinh"], ["năm"]),
    ("Doanh thu du lịch đạt 900 tỷ đồng, tăng từ 700 tỷ đồng năm 2023.", "700", ["du lịch"], []),
    ("Có 9 doanh nghiệp điều chỉnh vốn, tăng thêm 52 tỷ đồng.", "52", ["doanh nghiệp"], []),
    # both ends with their counted noun: the end is the start's thing; no 'to' word is kept
    ("Số điểm wifi công cộng tăng từ 410 điểm lên 655 điểm.", "655", ["wifi công cộng"], []),
    ("Số điểm wifi công cộng tăng từ 410 điểm lên 655 điểm.", "410", ["wifi"], ["lên"]),
    ("Số hộ nghèo giảm từ 1.240 hộ xuống còn 860 hộ.", "860", ["hộ nghèo"], ["còn"]),
    (
        "Năm 2026 huyện phấn đấu nâng tỷ lệ trường đạt chuẩn từ 62% lên ít nhất 75%.",
        "62",
        ["trường đạt chuẩn"],
        ["lên"],
    ),
]


@pytest.mark.parametrize(("text", "value_text", "held", "absent"), CHANGES_FROM_TO)
def test_subject_change_from_to_keeps_the_topic(builder, text, value_text, held, absent):
    check(builder, text, value_text, held, absent)


# 'chiếm N% Y' after a figure: the share of that figure in the whole Y
SHARES = [
    (
        "Dư nợ tín dụng hộ sản xuất đạt 3.200 tỷ đồng, chiếm 41% tổng dư nợ.",
        "41",
        ["hộ sản xuất", "tổng dư nợ"],
        [],
    ),
    (
        "Số người có thẻ bảo hiểm y tế là 850.000 người, chiếm 92,5% dân số.",
        "92,5",
        ["bảo hiểm y tế", "dân số"],
        [],
    ),
    # ', tương đương X%' restates the count before it, not the rate before that
    (
        "Tỷ lệ kiên cố hóa trường lớp đạt 79%; có 214/380 trường đạt chuẩn, tương đương 56,3%.",
        "56,3",
        ["trường đạt chuẩn"],
        ["kiên cố"],
    ),
    # a holder named before the share verb keeps the whole named after the number
    (
        "Agribank chiếm khoảng 41% thị phần tín dụng nông nghiệp.",
        "41",
        ["agribank", "thị phần"],
        [],
    ),
    (
        "Huyện Trảng Bom chiếm trên 55% tổng đàn bò của tỉnh.",
        "55",
        ["trảng bom", "tổng đàn bò"],
        [],
    ),
    # negatives: a share with its own topic, and 'đạt' with nothing after it
    ("Kinh tế số chiếm 12% GRDP của tỉnh.", "12", ["kinh tế số"], []),
    ("Xã có 420 hộ được hỗ trợ, đạt 95%.", "95", ["hộ được hỗ trợ"], []),
]


@pytest.mark.parametrize(("text", "value_text", "held", "absent"), SHARES)
def test_subject_share_of_a_whole_names_the_part(builder, text, value_text, held, absent):
    check(builder, text, value_text, held, absent)


# coordinated heads: every item of the coordination stays in the subject
COORDINATED = [
    ("Dư nợ cho vay xuất khẩu, nhập khẩu đạt 5.100 tỷ đồng.", "5.100", ["xuất khẩu"], []),
    ("Số tiền nợ đọng BHXH, BHYT, BHTN là 12,4 tỷ đồng.", "12,4", ["nợ đọng", "bhxh"], []),
    # items repeating a head the first part holds ('bảo hiểm ...'), written in full
    (
        "Số tiền nợ đọng bảo hiểm xã hội, bảo hiểm y tế, bảo hiểm thất nghiệp là 96 tỷ đồng.",
        "96",
        ["nợ đọng", "bảo hiểm xã hội", "thất nghiệp"],
        [],
    ),
    # a frame before the list is no item of it
    (
        "Trong cơ cấu vốn vay, vốn vay ngắn hạn chiếm 46,2%.",
        "46,2",
        ["vốn vay ngắn hạn"],
        ["cơ cấu"],
    ),
    ("Kinh phí sửa chữa trường học, trạm y tế là 21 tỷ đồng.", "21", ["trường học"], []),
    ("Trong đó, ngành khai khoáng, luyện kim tăng 4,2%.", "4,2", ["khai khoáng"], ["trong"]),
    (
        "Bưu điện huyện đã chi trả trợ cấp ưu đãi, trợ cấp xã hội hằng tháng cho 9.300 người.",
        "9.300",
        ["ưu đãi", "trợ cấp xã hội"],
        ["bưu điện"],
    ),
    (
        "Tổng doanh thu bưu chính và doanh thu viễn thông quý I ước đạt 1.250 tỷ đồng.",
        "1.250",
        ["tổng doanh thu bưu chính"],
        [],
    ),
    (
        "Tổng mức bán buôn hàng hóa và doanh thu dịch vụ lưu trú ước đạt 3.100 tỷ đồng.",
        "3.100",
        ["bán buôn"],
        [],
    ),
    # negatives: a comma part saying where, when or whose word is no item
    ("Theo báo cáo, doanh thu đạt 500 tỷ đồng.", "500", ["doanh thu"], ["theo"]),
    ("Năm 2023, tỉnh đã hỗ trợ 800 hộ nghèo.", "800", ["hộ nghèo"], ["năm"]),
    ("Tại hội nghị, ông Hùng cho biết, doanh thu đạt 70 tỷ đồng.", "70", ["doanh thu"], ["ông"]),
    ("Sau hai tháng, các đội đã phát hiện 96 lỗi.", "96", ["lỗi"], ["tháng"]),
    ("Sở đã triển khai nhiều giải pháp, doanh thu đạt 70 tỷ đồng.", "70", ["doanh thu"], ["sở"]),
]


@pytest.mark.parametrize(("text", "value_text", "held", "absent"), COORDINATED)
def test_subject_coordination_keeps_every_item(builder, text, value_text, held, absent):
    check(builder, text, value_text, held, absent)


# 'mới' after a verb says the thing is new, and 'bằng' inside a noun is no comparison:
# neither cuts the subject (text, figure, held, absent)
COMPOUNDS = [
    ("Năm nay huyện trồng mới 640 ha cao su.", "640", ["trồng mới"], []),
    ("Trong đó, xây mới 85 căn, sửa chữa 40 căn.", "85", ["xây mới"], []),
    ("Số doanh nghiệp thành lập mới là 230 doanh nghiệp.", "230", ["thành lập mới"], []),
    ("Số người có việc làm mới đạt 6.200 người.", "6.200", ["việc làm mới"], []),
    ("Công tác giải phóng mặt bằng đạt 87% diện tích.", "87", ["mặt bằng"], []),
    ("Đã bàn giao 12 ha mặt bằng sạch cho chủ đầu tư.", "12", ["mặt bằng"], []),
    ("Có 31 nhãn hiệu được cấp văn bằng bảo hộ.", "31", ["văn bằng"], []),
    ("Diện tích lúa vùng đồng bằng đạt 41.000 ha.", "41.000", ["đồng bằng"], []),
    # 'hiện' (now) is a filler, but part of the verb in 'phát hiện', 'thực hiện'
    ("Các đoàn kiểm tra đã phát hiện 57 vi phạm.", "57", ["phát hiện"], []),
    ("Huyện đã thực hiện 45 cuộc kiểm tra.", "45", ["thực hiện"], []),
    # negatives: 'mới' before a verb is an auxiliary, 'bằng' before a figure compares
    ("Doanh thu mới đạt 45% kế hoạch năm.", "45", ["doanh thu"], ["mới"]),
    ("Số hộ được hỗ trợ bằng 120 hộ của năm trước.", "120", ["hộ được hỗ trợ"], ["bằng"]),
]


@pytest.mark.parametrize(("text", "value_text", "held", "absent"), COMPOUNDS)
def test_subject_compound_keeps_its_cue_word(builder, text, value_text, held, absent):
    check(builder, text, value_text, held, absent)


# a part after 'trong đó' names its own noun: neither its share nor the part after it
# takes the whole's subject (text, figure, held, absent)
PARTS = [
    (
        "Sở đã tiếp nhận 5.000 hồ sơ, trong đó 3.100 hồ sơ nộp trực tuyến, chiếm 62%.",
        "62",
        ["trực tuyến"],
        [],
    ),
    (
        "Toàn xã có 90 nhà văn hóa, trong đó có 40 nhà văn hóa được sửa chữa, chiếm khoảng 44%.",
        "44",
        ["sửa chữa"],
        [],
    ),
    (
        "Cả tỉnh có 800 thuê bao, trong đó thuê bao di động có 600 thuê bao, "
        "thuê bao cố định 200 thuê bao.",
        "600",
        ["di động"],
        ["cố định"],
    ),
    (
        "Cả tỉnh có 800 thuê bao, trong đó thuê bao di động có 600 thuê bao, "
        "thuê bao cố định 200 thuê bao.",
        "200",
        ["cố định"],
        [],
    ),
    # negatives: a share with nothing before it is the figure's own; a verb before the
    # part's number takes the noun after it; a list of short nouns stays one list
    ("Tỉnh có 5.000 hộ nghèo, chiếm 3%.", "3", ["hộ nghèo"], []),
    ("Doanh thu đạt 500 tỷ đồng, xuất khẩu chiếm 30%.", "30", ["xuất khẩu"], ["doanh thu"]),
    ("Sở đã tiếp nhận 5.400 hồ sơ, trong đó xử lý 3.000 hồ sơ.", "3.000", ["xử lý hồ sơ"], []),
    ("Tỉnh có 15 sở, ban, ngành đạt chuẩn.", "15", ["sở, ban, ngành"], []),
]


@pytest.mark.parametrize(("text", "value_text", "held", "absent"), PARTS)
def test_subject_part_names_its_own_noun(builder, text, value_text, held, absent):
    check(builder, text, value_text, held, absent)


# the words after a comma that run into the next figure are its topic, not an item of the
# list before: up to max_next_topic_words of them (text, figure, held, absent)
NEXT_TOPICS = [
    (
        "Đoàn kiểm tra phát hiện 312 vi phạm, xử phạt hành chính 45 cơ sở kinh doanh.",
        "312",
        ["vi phạm"],
        ["xử phạt"],
    ),
    (
        "Đoàn kiểm tra phát hiện 312 vi phạm, xử phạt hành chính 45 cơ sở kinh doanh.",
        "45",
        ["xử phạt hành chính", "cơ sở kinh doanh"],
        [],
    ),
    (
        "Năm 2024, bệnh viện khám cho 12.400 lượt người, điều trị nội trú cho 3.150 bệnh nhân.",
        "12.400",
        ["khám"],
        ["nội trú"],
    ),
    (
        "Năm 2024, bệnh viện khám cho 12.400 lượt người, điều trị nội trú cho 3.150 bệnh nhân.",
        "3.150",
        ["điều trị nội trú"],
        [],
    ),
    # negative: a list of short nouns before its figure's verb stays one list
    ("Huyện có 12 trường, trạm y tế, nhà văn hóa được nâng cấp.", "12", ["trạm y tế"], []),
]


@pytest.mark.parametrize(("text", "value_text", "held", "absent"), NEXT_TOPICS)
def test_subject_next_figure_takes_the_words_before_it(builder, text, value_text, held, absent):
    check(builder, text, value_text, held, absent)


# 'X với N Y': what is counted after the connector belongs to the one named before it
# (text, figure, held, absent)
OWNERS = [
    ("Thị trường lớn nhất là Đức với 3.200 lao động.", "3.200", ["đức", "lao động"], []),
    ("Singapore tiếp tục là nhà đầu tư lớn nhất với 88 dự án.", "88", ["singapore"], ["tục"]),
    ("Khu du lịch Tràng An với khoảng 250.000 lượt khách.", "250.000", ["tràng an"], []),
    ("Đội phản ứng nhanh của tỉnh với 30 thành viên.", "30", ["phản ứng nhanh"], []),
    # the share after it is that owner's share of the whole
    ("Thị trường lớn nhất là Đức với 3.200 lao động, chiếm 35% tổng số.", "35", ["đức"], []),
    # negatives: a clause with its own verb, a part of the figure before, a comparison
    ("Sở đã làm việc với 12 doanh nghiệp.", "12", ["doanh nghiệp"], ["sở"]),
    ("Toàn tỉnh có 11 đơn vị cung ứng với 225 điểm phục vụ.", "225", ["điểm phục vụ"], []),
    ("Giá trị sản xuất tăng 5% so với 120 tỷ đồng năm trước.", "120", [], ["của"]),
]


@pytest.mark.parametrize(("text", "value_text", "held", "absent"), OWNERS)
def test_subject_owner_before_connector(builder, text, value_text, held, absent):
    check(builder, text, value_text, held, absent)


# a topic that only frames a plan (who speaks, who plans, a plan word, when) names no
# figure: the noun after the number does; with nothing named after it, the topic stays
PLAN_FRAMES = [
    (
        "Mục tiêu đến năm 2027 là đạt 300.000 lượt tải ứng dụng.",
        "300.000",
        ["lượt tải"],
        ["mục tiêu"],
    ),
    (
        "Ông Lê Văn Hùng cho biết tỉnh phấn đấu cả năm 2026 đạt 12 triệu tấn hàng hóa qua cảng.",
        "12",
        ["hàng hóa"],
        ["phấn đấu", "cho biết"],
    ),
    (
        "Theo Sở Y tế, mục tiêu năm 2026 là 95% trạm y tế có bác sĩ.",
        "95",
        ["trạm y tế có bác sĩ"],
        ["mục tiêu"],
    ),
    (
        "Bà Hà cho biết ngành định hướng đến năm 2030 có 500 doanh nghiệp công nghệ số.",
        "500",
        ["doanh nghiệp công nghệ số"],
        ["định hướng"],
    ),
    # negatives: a plan word heading a named thing, or nothing counted after the number
    ("Kế hoạch năm 2026 là 9,2 tỷ USD.", "9,2", ["kế hoạch năm 2026"], []),
    (
        "Mục tiêu giảm nghèo năm 2026 là 1.200 hộ thoát nghèo.",
        "1.200",
        ["mục tiêu giảm nghèo"],
        [],
    ),
    ("Kim ngạch xuất khẩu phấn đấu đạt 700 triệu USD.", "700", ["kim ngạch xuất khẩu"], []),
]


@pytest.mark.parametrize(("text", "value_text", "held", "absent"), PLAN_FRAMES)
def test_subject_plan_frame_gives_way_to_the_counted_noun(builder, text, value_text, held, absent):
    check(builder, text, value_text, held, absent)


# a conjunction before a change verb opens the next clause: the counted phrase ends there
CLAUSE_CONJUNCTIONS = [
    (
        "Năm 2025 có 100% trường học có nhà vệ sinh đạt chuẩn và giảm tỷ lệ béo phì xuống 6%.",
        "100",
        ["nhà vệ sinh đạt chuẩn"],
        ["béo phì"],
    ),
    (
        "Năm 2025 có 100% trường học có nhà vệ sinh đạt chuẩn và giảm tỷ lệ béo phì xuống 6%.",
        "6",
        ["béo phì"],
        ["nhà vệ sinh"],
    ),
    (
        "Toàn tỉnh có 90 xã đạt chuẩn và nâng thu nhập lên 70 triệu đồng.",
        "90",
        ["xã đạt chuẩn"],
        ["thu nhập"],
    ),
    # negative: a programme named with the conjunction keeps its words
    ("Có 120 hộ được hỗ trợ xóa đói và giảm nghèo.", "120", ["giảm nghèo"], []),
]


@pytest.mark.parametrize(("text", "value_text", "held", "absent"), CLAUSE_CONJUNCTIONS)
def test_subject_conjunction_with_a_change_verb_ends_the_phrase(
    builder, text, value_text, held, absent
):
    check(builder, text, value_text, held, absent)


# a sum after only who spends and the verb is named by its purpose; a topic naming the
# sum itself, a per base or a purpose with a figure of its own keep the old reading
PURPOSES = [
    ("Huyện đã bố trí 12 tỷ đồng cho các dự án nước sạch.", "12", ["bố trí", "nước sạch"], []),
    ("Thành phố dành 3 tỷ đồng mỗi năm để bảo trì, nâng cấp camera.", "3", ["bảo trì"], []),
    (
        "Hội Chữ thập đỏ đã chi 850 triệu đồng để sửa chữa nhà cho hộ nghèo.",
        "850",
        ["sửa chữa nhà"],
        [],
    ),
    (
        "Ngân hàng Chính sách xã hội giải ngân 410 tỷ đồng nhằm hỗ trợ tạo việc làm.",
        "410",
        ["tạo việc làm"],
        [],
    ),
    ("Xã đã trích 600 triệu đồng từ quỹ phòng, chống thiên tai để sửa đê.", "600", ["sửa đê"], []),
    ("Tỉnh bố trí 45 tỷ đồng từ nguồn ngân sách để mua thiết bị.", "45", ["mua thiết bị"], []),
    (
        "Thành phố bố trí 60 tỷ đồng cho quỹ khởi nghiệp giai đoạn 2026-2030.",
        "60",
        ["quỹ khởi nghiệp"],
        [],
    ),
    # negatives
    ("Huyện đã chi 5 tỷ đồng từ năm 2021 đến nay.", "5", ["huyện đã chi"], []),
    ("Kinh phí đầu tư 95 tỷ đồng để xây dựng trường học.", "95", ["kinh phí đầu tư"], []),
    ("Xã hỗ trợ 5 triệu đồng cho mỗi hộ bị thiệt hại.", "5", ["xã hỗ trợ"], ["cho mỗi"]),
    ("Tỉnh hỗ trợ 40 triệu đồng cho 16 hộ khó khăn.", "40", ["tỉnh hỗ trợ"], ["hộ khó khăn"]),
    ("Doanh thu đạt 120 tỷ đồng cho cả năm.", "120", ["doanh thu"], []),
]


@pytest.mark.parametrize(("text", "value_text", "held", "absent"), PURPOSES)
def test_subject_sum_named_by_its_purpose(builder, text, value_text, held, absent):
    check(builder, text, value_text, held, absent)


# a bare level after 'với' is named by the action before it, without who acts
LEVELS = [
    (
        "Huyện hỗ trợ làm nhà chống lũ với mức 40 triệu đồng/căn.",
        "40",
        ["mức hỗ trợ làm nhà chống lũ"],
        ["huyện"],
    ),
    ("Các hộ nghèo được vay vốn với mức 100 triệu đồng/hộ.", "100", ["mức vay vốn"], ["hộ nghèo"]),
    # negatives: a comparison, or a connector with a thing counted
    (
        "Tỷ lệ hộ nghèo còn 2,1%, giảm so với mức 3,4% năm trước.",
        "3,4",
        [],
        ["mức giảm", "so mức"],
    ),
    ("Khu du lịch Bà Nà với 250.000 lượt khách.", "250.000", ["lượt khách"], ["mức"]),
]


@pytest.mark.parametrize(("text", "value_text", "held", "absent"), LEVELS)
def test_subject_level_named_by_the_action(builder, text, value_text, held, absent):
    check(builder, text, value_text, held, absent)


# the words after a list's last conjunction that run into its last figure are that
# figure's topic ('... 610 trường hợp và chở quá số người 95 trường hợp'), when few
LAST_ITEMS = [
    (
        "Lỗi vi phạm gồm chạy quá tốc độ 1.240 trường hợp và chở quá số người 95 trường hợp.",
        "95",
        ["chở quá số người"],
        [],
    ),
    (
        "Lỗi vi phạm gồm chạy quá tốc độ 1.240 trường hợp và chở quá số người 95 trường hợp.",
        "1.240",
        ["tốc độ"],
        ["chở quá"],
    ),
    ("Sở tiếp nhận 820 hồ sơ và trả kết quả 790 hồ sơ.", "790", ["trả kết quả"], []),
    ("Sở tiếp nhận 820 hồ sơ và trả kết quả 790 hồ sơ.", "820", ["tiếp nhận"], ["trả kết quả"]),
    # negative: the last figure of the sentence keeps what follows its conjunction
    ("Tỉnh có 3.500 cán bộ, công chức và người lao động.", "3.500", ["người lao động"], []),
]


@pytest.mark.parametrize(("text", "value_text", "held", "absent"), LAST_ITEMS)
def test_subject_last_item_after_a_conjunction(builder, text, value_text, held, absent):
    check(builder, text, value_text, held, absent)


# after a passive auxiliary a preposition alone is no action: the action comes before it
PASSIVE_PREPOSITIONS = [
    ("Năm 2025, huyện tạo việc làm được cho 4.300 lao động.", "4.300", ["tạo việc làm"], []),
    ("Trạm y tế khám bệnh được cho 9.800 lượt người.", "9.800", ["khám bệnh"], []),
    # negatives: an active verb 'cho', and an action after the auxiliary
    ("Quỹ đã cho 52 hợp tác xã vay vốn.", "52", ["cho"], []),
    ("Các xã đã được cấp 120 máy tính.", "120", ["cấp"], ["các xã"]),
]


@pytest.mark.parametrize(("text", "value_text", "held", "absent"), PASSIVE_PREPOSITIONS)
def test_subject_passive_preposition_keeps_the_action(builder, text, value_text, held, absent):
    check(builder, text, value_text, held, absent)


# 'địa chỉ số' holds no head 'chỉ số'; a connector after a rate head in its comma part
# joins the rate's words; 'X có N người': X names the group unless it only says who has them
HEADS_AND_GROUPS = [
    (
        "Tại phường An Hòa, tỷ lệ hộ có địa chỉ số đạt 72,4%.",
        "72,4",
        ["tỷ lệ hộ có địa chỉ số"],
        [],
    ),
    ("Chỉ số hài lòng của người dân đạt 86,2%.", "86,2", ["chỉ số hài lòng"], []),
    (
        "Tỷ lệ tiêm chủng đầy đủ đối với trẻ dưới 1 tuổi đạt 97,3%.",
        "97,3",
        ["tỷ lệ tiêm chủng đầy đủ đối với trẻ"],
        [],
    ),
    ("Khu di tích với 185.000 lượt khách.", "185.000", ["lượt khách"], []),
    ("Trong đó bảo hiểm y tế hộ gia đình có 41.200 người.", "41.200", ["người", "hộ gia đình"], []),
    ("Ban Thường vụ Huyện ủy gồm 13 đồng chí.", "13", ["đồng chí", "ban thường vụ"], []),
    # who acts, reports or says is no group
    ("Theo Sở Y tế, toàn tỉnh hiện có 36 trạm y tế.", "36", ["trạm y tế"], ["theo sở"]),
    ("Bảo tàng đã đón 9.300 lượt khách.", "9.300", ["lượt khách"], ["bảo tàng"]),
    ("Toàn tỉnh có 148 xã.", "148", ["xã"], ["toàn tỉnh"]),
    ("Tỉnh có 12 bệnh viện.", "12", ["bệnh viện"], ["tỉnh"]),
]


@pytest.mark.parametrize(("text", "value_text", "held", "absent"), HEADS_AND_GROUPS)
def test_subject_heads_connectors_and_groups(builder, text, value_text, held, absent):
    check(builder, text, value_text, held, absent)


# a bare 'mức' is the level of the figure before it; a comparison still cuts at 'so với'
BARE_LEVELS = [
    (
        "Huyện chi 3 tỷ đồng hỗ trợ sửa nhà, mức 20 triệu đồng/căn.",
        "20",
        ["mức", "hỗ trợ sửa nhà"],
        [],
    ),
    (
        "Mức giá thu mua vẫn thấp hơn so với mức kỷ lục 132.000 đồng/kg của tháng trước.",
        "132.000",
        ["mức kỷ lục"],
        ["thấp hơn"],
    ),
]


@pytest.mark.parametrize(("text", "value_text", "held", "absent"), BARE_LEVELS)
def test_subject_bare_level_of_the_figure_before(builder, text, value_text, held, absent):
    check(builder, text, value_text, held, absent)


CHANGED_AFTER = [
    # a verb that changes what is named after the percentage: that noun is the subject
    (
        "Hệ thống cảm biến giúp giảm khoảng 25% lượng phân bón cho mỗi vụ lúa.",
        "25",
        ["lượng phân bón"],
        ["hệ thống"],
    ),
    ("Dây chuyền mới tiết kiệm 18% chi phí điện năng.", "18", ["chi phí điện"], ["dây chuyền"]),
    (
        "Phần mềm một cửa đã rút ngắn 40% thời gian giải quyết hồ sơ đất đai.",
        "40",
        ["thời gian giải quyết"],
        ["phần mềm"],
    ),
    # a cause or a comparison after the number names nothing: the topic stays
    ("Nhóm nhà ở giảm 0,7% do giá điện sinh hoạt điều chỉnh.", "0,7", ["nhóm nhà ở"], ["giá điện"]),
    ("Doanh thu du lịch tăng 12% so với cùng kỳ.", "12", ["doanh thu du lịch"], []),
]


@pytest.mark.parametrize(("text", "value_text", "held", "absent"), CHANGED_AFTER)
def test_subject_changed_noun_after_the_percentage(builder, text, value_text, held, absent):
    check(builder, text, value_text, held, absent)


AMOUNT_OF_LAST = [
    # a bare sum head after a figure prices that figure: its subject joins the head
    (
        "Đoàn liên ngành xử phạt 23 cơ sở kinh doanh với tổng số tiền 142 triệu đồng.",
        "142",
        ["tổng số tiền", "xử phạt", "cơ sở"],
        [],
    ),
    (
        "Chi nhánh ngân hàng cho 1.260 hộ nghèo vay vốn với số tiền 58,4 tỷ đồng.",
        "58,4",
        ["số tiền", "vay vốn"],
        [],
    ),
    (
        "Xuất khẩu gạo 10 tháng đạt 41.500 tấn, trị giá 27,3 triệu USD.",
        "27,3",
        ["trị giá", "xuất khẩu gạo"],
        [],
    ),
    # a sum head with words of its own keeps its topic
    (
        "Tổng số tiền hỗ trợ khắc phục thiên tai là 16 tỷ đồng.",
        "16",
        ["tổng số tiền hỗ trợ"],
        [],
    ),
]


BRACKETED_AFTER_NAMES = [
    # a figure in brackets after a name is that name's: the figure before stops at the comma
    (
        "Tỉnh có 940 lao động xuất cảnh, đông nhất là thị trường Nhật Bản (512 lao động).",
        "512",
        ["nhật bản"],
        [],
    ),
    (
        "Tỉnh có 940 lao động xuất cảnh, đông nhất là thị trường Nhật Bản (512 lao động).",
        "940",
        ["lao động"],
        ["nhật bản"],
    ),
    (
        "Có 230 bài thi đạt điểm 10, tập trung ở môn Lịch sử (140 bài), Địa lý (62 bài).",
        "140",
        ["lịch sử"],
        [],
    ),
]


COLONS = [
    # a colon inside a standard's code ('QCVN 01-1:2018/BYT') stops no phrase
    (
        "Tỷ lệ hộ dùng nước sạch đạt chuẩn QCVN 01-1:2018/BYT là 71,4%.",
        "71,4",
        ["nước sạch", "qcvn 01-1:2018/byt"],
        [],
    ),
    ("Có 37 doanh nghiệp đạt chứng nhận ISO 9001:2015.", "37", ["iso 9001:2015"], []),
    # a colon after a heading still does ('Năm 2024: ...')
    ("Năm 2025: tiếp nhận 5.100 hồ sơ trực tuyến.", "5.100", ["hồ sơ"], ["năm 2025"]),
]


BARE_MEASURES = [
    # a figure named only by its measure unit is of what the figure before it names
    (
        "Ranh mặn 4 g/l đã lấn sâu khoảng 55-60 km vào sông Cổ Chiên.",
        "55-60",
        ["ranh mặn", "lấn sâu"],
        [],
    ),
    # a count whose noun is its subject keeps it
    ("Huyện có 3 xã và 412 hộ tham gia.", "412", ["hộ"], []),
]


# a subject named by what stands around the figure: the figure before it, a name before its
# bracket, a code holding a colon
NAMED_AROUND = [*AMOUNT_OF_LAST, *BRACKETED_AFTER_NAMES, *COLONS, *BARE_MEASURES]


@pytest.mark.parametrize(("text", "value_text", "held", "absent"), NAMED_AROUND)
def test_subject_named_by_what_stands_around(builder, text, value_text, held, absent):
    check(builder, text, value_text, held, absent)
