"""Record assembly: sentences written for these tests -> unit, subject, bound and attributes."""

from decimal import Decimal

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


def build(builder, text, *, year=2024, target_paragraph=False):
    dates = find_dates(text)
    quantities = find_quantities(text, exclude=[(d.start, d.end) for d in dates])
    breaks = [i for i, ch in enumerate(text) if ch == ";"]
    ctx = SentenceContext(published_year=year, target_paragraph=target_paragraph)
    return builder.build(text, quantities, dates, breaks, ctx)


# (sentence, value_text, unit, words the subject must hold, attributes)
CASES = [
    (
        "Năm 2023, tổng số thuê bao di động ước đạt 3.120.000 thuê bao, bằng 104,5% kế hoạch.",
        "3.120.000",
        "thuê bao",
        ["thuê bao", "di động"],
        {"estimated": True, "plan_percent": Decimal("104.5")},
    ),
    (
        "Mật độ điện thoại di động đạt 92,3 máy/100 dân.",
        "92,3",
        "máy",
        ["mật độ"],
        {"per": "100 dân"},
    ),
    ("Toàn tỉnh có 5.230 trạm BTS của các nhà mạng.", "5.230", "trạm bts", ["trạm"], {}),
    (
        "Hệ thống đã tiếp nhận 245.800 hồ sơ trực tuyến.",
        "245.800",
        "hồ sơ",
        ["tiếp nhận", "hồ sơ"],
        {},
    ),
    ("Tỷ lệ hồ sơ giải quyết đúng hạn đạt 99,1%.", "99,1", "%", ["tỷ lệ", "đúng hạn"], {}),
    (
        "Đến nay, 100% xã đã có cán bộ chuyên trách chuyển đổi số.",
        "100",
        "%",
        ["xã", "chuyên trách"],
        {},
    ),
    (
        "Hỗ trợ trên 41.000 hộ kinh doanh mở tài khoản thanh toán.",
        "41.000",
        "hộ",
        ["hộ"],
        {"bound": ">"},
    ),
    (
        "Có gần 9.500 thành viên tổ công nghệ số.",
        "9.500",
        "thành viên",
        ["thành viên"],
        {"bound": "~"},
    ),
    ("Số cuộc tấn công mạng dưới 50 vụ.", "50", "vụ", ["tấn công"], {"bound": "<"}),
    # 'mỗi xã' is the base of the rate: at least 2 points per commune
    (
        "Mỗi xã có ít nhất 2 điểm phục vụ bưu chính.",
        "2",
        "điểm",
        ["điểm"],
        {"bound": ">=", "per": "xã"},
    ),
    # a trip is counted in two words: per 'chuyến biển', not 'chuyến'
    (
        "Mỗi tàu lưới vây đánh bắt được 35 tấn mỗi chuyến biển.",
        "35",
        "tấn",
        ["tàu lưới vây"],
        {"per": "chuyến biển"},
    ),
    (
        "Doanh thu bưu chính ước tính 820 tỷ đồng, tăng 9% so với cùng kỳ.",
        "820",
        "VND",
        ["doanh thu"],
        {"estimated": True, "change_percent": Decimal(9)},
    ),
    (
        "Số vụ lừa đảo là 120 vụ, giảm 15% so với năm 2023.",
        "120",
        "vụ",
        ["lừa đảo"],
        {"change_percent": Decimal(-15)},
    ),
    (
        "Kết nối chính thức 12/20 cơ sở dữ liệu chuyên ngành.",
        "12/20",
        "cơ sở",
        ["cơ sở dữ liệu"],
        {"total": Decimal(20)},
    ),
    (
        "Phấn đấu đến năm 2025 có 80% hộ gia đình dùng cáp quang.",
        "80",
        "%",
        ["hộ gia đình"],
        {"kind": "target"},
    ),
    ("Mục tiêu kinh tế số chiếm 25% GRDP của tỉnh.", "25", "%", ["kinh tế số"], {"kind": "target"}),
    (
        "Doanh nghiệp viễn thông tăng trưởng bình quân hằng năm khoảng 12%.",
        "12",
        "%",
        ["tăng trưởng"],
        {"bound": "~", "per": "năm"},
    ),
    (
        "Hỗ trợ cán bộ chuyên trách 500.000 đồng/tháng.",
        "500.000",
        "VND",
        ["chuyên trách"],
        {"per": "tháng"},
    ),
    (
        "Thu hút khoảng 30% doanh nghiệp nhỏ tham gia sàn.",
        "30",
        "%",
        ["doanh nghiệp"],
        {"bound": "~"},
    ),
    # 'ước đạt' links like 'đạt'; a comma right after the figure ends it
    (
        "Tỷ trọng kinh tế số trong GRDP ước đạt 18,2%, thuộc nhóm khá của vùng.",
        "18,2",
        "%",
        ["kinh tế số"],
        {"estimated": True},
    ),
    # a short parenthesis is part of the subject
    (
        "Chỉ số cải cách hành chính (PAR Index) của tỉnh đạt 86,5 điểm.",
        "86,5",
        "điểm",
        ["chỉ số", "cải cách"],
        {},
    ),
]


@pytest.mark.parametrize(("sentence", "value_text", "unit", "subject_words", "attrs"), CASES)
def test_records_reads_the_sentence(builder, sentence, value_text, unit, subject_words, attrs):
    drafts = build(builder, sentence).drafts
    match = [d for d in drafts if d.quantity.value_text == value_text]
    assert match, [d.quantity.value_text for d in drafts]
    d = match[0]
    assert d.unit.lower().startswith(unit.lower())
    for word in subject_words:
        assert word in d.subject.lower(), d.subject
    assert d.bound == attrs.get("bound", "=")
    assert d.estimated == attrs.get("estimated", False)
    assert d.kind == attrs.get("kind", "actual")
    assert d.plan_percent == attrs.get("plan_percent")
    assert d.change_percent == attrs.get("change_percent")
    assert (d.quantity.total) == attrs.get("total")
    assert d.per == attrs.get("per")


def test_records_share_of_plan_passes_over_density(builder):
    text = (
        "Thuê bao băng rộng ước đạt 410.000 thuê bao, đạt mật độ 38,5 thuê bao/100 dân, "
        "bằng 112% kế hoạch."
    )
    drafts = build(builder, text).drafts
    assert [d.quantity.value_text for d in drafts] == ["410.000", "38,5"]
    assert drafts[0].plan_percent == Decimal(112)
    assert drafts[1].plan_percent is None
    assert "mật độ" in drafts[1].subject and "băng rộng" in drafts[1].subject


def test_records_share_of_plan_is_not_a_record(builder):
    result = build(builder, "Nộp ngân sách 95 tỷ đồng, bằng 101,3% so với kế hoạch giao.")
    assert [d.quantity.value_text for d in result.drafts] == ["95"]
    assert result.drafts[0].plan_percent == Decimal("101.3")


def test_records_unattached_share_of_plan_is_reported(builder):
    result = build(builder, "Ngành đã hoàn thành, bằng 103% kế hoạch năm.")
    assert result.drafts == []
    assert [q.value_text for q in result.unattached] == ["103"]


def test_records_clauses_split_enumerations(builder):
    text = "Cấp 1.200 chữ ký số cho cán bộ; 860 chữ ký số cho doanh nghiệp; 45 hộp thư công vụ."
    drafts = build(builder, text).drafts
    assert [d.quantity.value_text for d in drafts] == ["1.200", "860", "45"]
    assert "cán bộ" in drafts[0].subject and "doanh nghiệp" not in drafts[0].subject
    assert "doanh nghiệp" in drafts[1].subject


def test_records_target_paragraph_marks_every_figure(builder):
    drafts = build(builder, "Tập trung số hóa 90% hồ sơ cấp xã.", target_paragraph=True).drafts
    assert drafts[0].kind == "target"


def test_records_period_from_sentence_date(builder):
    drafts = build(builder, "Trong năm 2022, toàn tỉnh cấp 3.400 tài khoản định danh.").drafts
    assert drafts[0].period == "2022"


def test_records_next_figures_bound_is_not_swallowed(builder):
    text = "Đã chặn 3.120 trang giả mạo và cảnh báo hơn 9.400 lượt truy cập độc hại."
    drafts = build(builder, text).drafts
    assert [d.quantity.value_text for d in drafts] == ["3.120", "9.400"]
    assert "hơn" not in drafts[0].subject
    assert drafts[1].bound == ">"


@pytest.mark.parametrize(
    ("text", "value_text", "subject_words", "per"),
    [
        # a share of plan's phrase ends at its comma: the next topic is the next figure's
        (
            "Có 64.200 thuê bao, bằng 101% kế hoạch năm, mật độ đạt 58,1 thuê bao/100 dân.",
            "58,1",
            ["mật độ"],
            "100 dân",
        ),
        # a spaced dash inside a compound before the number is not a boundary
        (
            "Doanh thu công nghiệp điện tử - viễn thông trên địa bàn đạt 2.150 tỷ đồng.",
            "2.150",
            ["doanh thu"],
            None,
        ),
        # 'nâng cấp' is not the stop 'nâng tỷ lệ'
        (
            "Năm nay bố trí 18,5 tỷ đồng dành cho nâng cấp hạ tầng mạng của tỉnh.",
            "18,5",
            ["hạ tầng mạng"],
            None,
        ),
        # after a conjunction comes the next clause, not the counted noun
        (
            "Phấn đấu tỷ lệ dùng điện thoại thông minh đạt 85% và kinh tế số chiếm 18% GRDP.",
            "18",
            ["kinh tế số"],
            None,
        ),
        # a single word after a slash is the base of a rate
        ("Bán kính phục vụ bình quân 3,1 km/điểm.", "3,1", ["bán kính"], "điểm"),
        # the words between a figure and a far round base name what is counted
        (
            "Toàn tỉnh đạt 41 người tham gia bảo hiểm y tế/1.000 dân.",
            "41",
            ["bảo hiểm y tế"],
            "1.000 dân",
        ),
        # a far base must be round: '12 xã … /15 xã' is no rate
        ("Huyện có 12 xã đạt chuẩn nông thôn mới nâng cao/15 xã.", "12", ["xã"], None),
    ],
)
def test_records_subject_boundaries(builder, text, value_text, subject_words, per):
    drafts = {d.quantity.value_text: d for d in build(builder, text).drafts}
    d = drafts[value_text]
    for word in subject_words:
        assert word in d.subject.lower(), d.subject
    assert d.per == per


@pytest.mark.parametrize(
    ("text", "value_text", "kind"),
    [
        # a plan's title quoted before a finished action: the figure is a result
        (
            "Thực hiện đề án giai đoạn 2021-2025, định hướng đến năm 2030, toàn tỉnh đã "
            "thành lập 960 tổ công nghệ số.",
            "960",
            "actual",
        ),
        # the plan cue comes after the figure: the figure is a result
        ("Năm qua cấp 5.400 chữ ký số, phấn đấu duy trì trong năm tới.", "5.400", "actual"),
        # a figure after the plan cue, in the next clause too
        ("Tỉnh phấn đấu phủ sóng 98% thôn bản; lắp thêm 60 trạm 5G.", "60", "target"),
    ],
)
def test_records_kind_follows_the_plan_cue(builder, text, value_text, kind):
    drafts = {d.quantity.value_text: d for d in build(builder, text).drafts}
    assert drafts[value_text].kind == kind


def test_records_verb_phrase_starts_after_the_plan_cue(builder):
    drafts = build(builder, "Năm 2025 tỉnh phấn đấu phủ sóng di động đến 100% thôn, bản.").drafts
    assert drafts[0].subject.startswith("phủ sóng")


@pytest.mark.parametrize(
    ("text", "value_text", "subject_words", "kind"),
    [
        # a number opening a parenthesis is named by the phrase before it
        (
            "Tỷ lệ hộ có cáp quang FTTH (210.400 hộ/300.000 hộ) đạt 70,1%.",
            "210.400",
            ["cáp quang"],
            "actual",
        ),
        # 'Về X,' labels a section: the counted phrase after the number is the subject
        (
            "Về chính quyền số, hiện đã đạt 100% văn bản đi được ký số.",
            "100",
            ["văn bản"],
            "actual",
        ),
        # 'đến nay' marks a result even after a plan's title
        (
            "Theo kế hoạch đến năm 2025, tầm nhìn 2030, đến nay 95% cán bộ đã được tập huấn.",
            "95",
            ["cán bộ"],
            "actual",
        ),
    ],
)
def test_records_labels_parentheses_and_results(builder, text, value_text, subject_words, kind):
    drafts = {d.quantity.value_text: d for d in build(builder, text, year=2024).drafts}
    d = drafts[value_text]
    for word in subject_words:
        assert word in d.subject.lower(), d.subject
    assert d.kind == kind


# (sentence, value_text, signed value, unit, words the subject must hold, change_percent)
STANDALONE_CHANGES = [
    ("Chỉ số giá nhóm nhà ở tháng 3/2024 tăng 0,62%.", "0,62", "0.62", "%", ["nhà ở"], None),
    ("Giá nhóm xăng dầu giảm 1,8% so với tháng trước.", "1,8", "-1.8", "%", ["xăng dầu"], None),
    (
        "So với cùng kỳ, lượng khách quốc tế tăng 27,4%.",
        "27,4",
        "27.4",
        "%",
        ["khách quốc tế"],
        None,
    ),
    ("Sản lượng lúa vụ đông xuân ước giảm 3,05%.", "3,05", "-3.05", "%", ["sản lượng lúa"], None),
    # a new subject after a comma: its change is a record of its own, not the figure's
    (
        "Doanh thu du lịch đạt 940 tỷ đồng, số lượt khách lưu trú tăng 11,6%.",
        "11,6",
        "11.6",
        "%",
        ["khách lưu trú"],
        None,
    ),
    # a change in a count with nothing before it to qualify
    ("Thuê bao cáp quang tăng 1.850 thuê bao.", "1.850", "1850", "thuê bao", ["cáp quang"], None),
    ("Hộ cận nghèo giảm: 412 hộ.", "412", "-412", "hộ", ["cận nghèo"], None),
    # month on month then year on year: the record is the year-on-year change
    (
        "Chỉ số giá vàng tăng 2,1% so với tháng trước và tăng 18,4% so với cùng kỳ năm trước.",
        "18,4",
        "18.4",
        "%",
        ["giá vàng"],
        None,
    ),
    # a bound cue or a comparison base between the verb and the number
    ("Kim ngạch nhập khẩu giảm gần 6% so với năm 2022.", "6", "-6", "%", ["nhập khẩu"], None),
    ("Số ca mắc sốt xuất huyết tăng hơn cùng kỳ 40%.", "40", "40", "%", ["sốt xuất huyết"], None),
]


@pytest.mark.parametrize(
    ("text", "value_text", "value", "unit", "subject_words", "change"), STANDALONE_CHANGES
)
def test_records_standalone_change_is_a_record(
    builder, text, value_text, value, unit, subject_words, change
):
    drafts = {d.quantity.value_text: d for d in build(builder, text).drafts}
    assert value_text in drafts, list(drafts)
    d = drafts[value_text]
    assert d.quantity.value == Decimal(value)
    assert d.unit == unit
    for word in subject_words:
        assert word in d.subject.lower(), d.subject
    assert d.change_percent == change
    assert d.plan_percent is None


# (sentence, the figure, plan_percent, change_percent, values that give no record)
QUALIFIERS = [
    # a disbursed amount is measured against its capital plan: a bare 'đạt X%' is its share
    (
        "Vốn ngân sách tỉnh giải ngân 1.240 tỷ đồng, đạt 58,4%; vốn Trung ương 602 tỷ đồng.",
        "1.240",
        "58.4",
        None,
        ["58,4"],
    ),
    (
        "Vốn ODA giải ngân 96,5 tỷ đồng, đạt 32,7%; vốn trái phiếu giải ngân 41 tỷ đồng, đạt 20%.",
        "41",
        "20",
        None,
        ["32,7", "20"],
    ),
    ("Đến nay, toàn tỉnh đã giải ngân 3.100 tỷ đồng, bằng 72%.", "3.100", "72", None, ["72"]),
    # with a base written after it, or with no disbursement in its clause, it is a figure
    ("Huyện đã giải ngân 900 tỷ đồng, đạt 65% tổng vốn.", "900", None, None, []),
    ("Vốn đã giải ngân 800 tỷ đồng; tỷ lệ hộ dùng nước sạch đạt 95%.", "800", None, None, []),
    ("Có 1.420 hộ được công nhận gia đình văn hóa, đạt 91,3%.", "1.420", None, None, []),
    # 'bằng X% so với cùng kỳ' is a change of X - 100
    ("Sản lượng cà phê đạt 12.400 tấn, bằng 91,5% so với cùng kỳ.", "12.400", None, "-8.5", []),
    # against the plan: 'tăng X%' is 100 + X, 'giảm X%' is 100 - X, 'vượt X%' is 100 + X
    ("Thu nội địa đạt 3.410 tỷ đồng, tăng 6,2% so với dự toán.", "3.410", "106.2", None, []),
    ("Chi thường xuyên 1.220 tỷ đồng, giảm 4% so với dự toán.", "1.220", "96", None, []),
    ("Tỉnh trồng mới 860 ha rừng, vượt 15% kế hoạch.", "860", "115", None, []),
    # the target ('mục tiêu') is a plan too; a plan word elsewhere makes no share of plan
    ("Tỉnh trồng 2.400 ha rừng, bằng 80% mục tiêu đề ra.", "2.400", "80", None, []),
    ("Xã có 1.150 hộ dùng nước sạch, đạt 92% so với mục tiêu.", "1.150", "92", None, []),
    ("Có 300 xã đạt chuẩn, chiếm 60% số xã; mục tiêu là 70%.", "300", None, None, []),
    # a bound cue between the verb and the qualifier
    ("Diện tích lúa đạt hơn 41.000 ha, đạt gần 98% kế hoạch.", "41.000", "98", None, ["98"]),
    (
        "Doanh thu đạt 5.300 tỷ đồng, tăng gần 12% so với cùng kỳ, đạt 61% kế hoạch năm.",
        "5.300",
        "61",
        "12",
        ["12", "61"],
    ),
    (
        "Lợi nhuận ngành đạt 7,2 nghìn tỷ đồng, tăng hơn 9% so với cùng kỳ năm 2023.",
        "7,2",
        None,
        "9",
        ["9"],
    ),
    # month on month and year on year: change_percent is the year-on-year one
    (
        "Tổng mức bán lẻ đạt 8.150 tỷ đồng, tăng 1,2% so với tháng trước "
        "và tăng 10,3% so với cùng kỳ.",
        "8.150",
        None,
        "10.3",
        ["1,2", "10,3"],
    ),
    # a bracketed comparison base is passed over: the change is the main figure's
    (
        "Doanh thu ước đạt: 1.240 tỷ đồng, tăng 3% so với tháng trước (Tháng 2/2024: 1.204 tỷ "
        "đồng) và giảm 4% so với cùng kỳ năm ngoái.",
        "1.240",
        None,
        "-4",
        ["3", "4"],
    ),
    # a second change against another base qualifies nothing new
    (
        "Xuất khẩu đạt 610 triệu USD, tăng 8% so với cùng kỳ, tăng 2% so với cùng kỳ năm 2019.",
        "610",
        None,
        "8",
        ["8", "2"],
    ),
    # the share of plan of a new subject after 'và' is a figure of its own
    (
        "Khối lượng thực hiện đạt 95 tỷ đồng, đạt 101% kế hoạch và giải ngân vốn đạt 88% kế hoạch.",
        "95",
        "101",
        None,
        ["101"],
    ),
]


@pytest.mark.parametrize(("text", "value_text", "plan", "change", "not_records"), QUALIFIERS)
def test_records_qualifiers_are_normalised(builder, text, value_text, plan, change, not_records):
    drafts = {d.quantity.value_text: d for d in build(builder, text).drafts}
    d = drafts[value_text]
    assert d.plan_percent == (Decimal(plan) if plan else None)
    assert d.change_percent == (Decimal(change) if change else None)
    for v in not_records:
        assert v not in drafts, (v, list(drafts))


def test_records_share_of_a_new_subject_is_its_own_figure(builder):
    text = "Khối lượng đạt 95 tỷ đồng, đạt 101% kế hoạch và giải ngân vốn đạt 88% kế hoạch."
    drafts = {d.quantity.value_text: d for d in build(builder, text).drafts}
    assert "giải ngân" in drafts["88"].subject
    assert drafts["88"].unit == "%" and drafts["88"].plan_percent is None


# (sentence, value_text, words the subject must hold, words it must not hold)
SUBJECTS = [
    # a head before a list of short nouns names the whole list
    ("Nhóm rau, củ, quả tăng 2,4%.", "2,4", ["nhóm rau"], []),
    (
        "Giá trị sản xuất công nghiệp, xây dựng, dịch vụ đạt 9.800 tỷ đồng.",
        "9.800",
        ["giá trị sản xuất"],
        [],
    ),
    # a time phrase alone is no subject: a bracketed base is the last subject in its
    # period (ANNOTATION: 'its period in the subject')
    (
        "Kim ngạch xuất khẩu đạt 420 triệu USD (Tháng 1/2024: 395 triệu USD).",
        "395",
        ["kim ngạch", "tháng 1/2024"],
        [],
    ),
    # a colon between the topic and its number
    ("Bệnh nhân điều trị nội trú: 1.530 lượt.", "1.530", ["nội trú"], []),
    # 'lũy kế' says what the figure is: it stays
    ("Lũy kế thu ngân sách ước đạt 2.140 tỷ đồng.", "2.140", ["lũy kế", "thu ngân sách"], []),
    # a change after a comma starts a clause: it is not part of the counted noun
    ("Tạo việc làm cho 6.200 người, giảm 12% so với cùng kỳ.", "6.200", ["người"], ["giảm"]),
]


@pytest.mark.parametrize(("text", "value_text", "subject_words", "absent"), SUBJECTS)
def test_records_subject_names_what_was_counted(builder, text, value_text, subject_words, absent):
    drafts = {d.quantity.value_text: d for d in build(builder, text).drafts}
    subject = drafts[value_text].subject.lower()
    for word in subject_words:
        assert word in subject, subject
    for word in absent:
        assert word not in subject, subject


# (sentence, value_text, kind, estimated)
KINDS = [
    # a result measured against the plan set out is a result
    (
        "Có 28/30 chỉ tiêu đạt và vượt kế hoạch đề ra, đưa tăng trưởng kinh tế đạt 6,9%.",
        "6,9",
        "actual",
        False,
    ),
    (
        "Thu ngân sách đạt 640 tỷ đồng, vượt 8% so với dự toán, chi 590 tỷ đồng.",
        "590",
        "actual",
        False,
    ),
    # a count of a plan's items is a fact
    ("Nghị quyết đề ra 18 chỉ tiêu chủ yếu.", "18", "actual", False),
    # budget and capital plans are targets
    ("Dự toán thu ngân sách năm nay là 1.450 tỷ đồng.", "1.450", "target", False),
    ("Kế hoạch vốn đầu tư công được giao 870 tỷ đồng.", "870", "target", False),
    # 'dự kiến ... sẽ': an expected achievement is a target and an estimate
    ("Dự kiến cuối năm toàn tỉnh sẽ có 320 trạm 5G.", "320", "target", True),
    # a plain estimate stays a result
    ("Sản lượng lúa cả năm ước đạt 512.000 tấn.", "512.000", "actual", True),
    ("Kim ngạch xuất khẩu ước tính khoảng 1,8 tỷ USD.", "1,8", "actual", True),
    # 'dự kiến' / 'dự tính' speak of what is to come: a target and an estimate
    ("Tổng kinh phí dự kiến khoảng 45 tỷ đồng.", "45", "target", True),
    ("Lễ hội dự kiến đón khoảng 30.000 lượt khách.", "30.000", "target", True),
    ("Dự kiến trong tháng 12, huyện giải ngân thêm 60 tỷ đồng.", "60", "target", True),
    ("Công trình dự tính hoàn thành 12 km đường trong quý tới.", "12", "target", True),
    # a national target programme is a name, not a plan: its funds are results
    (
        "Vốn Chương trình mục tiêu quốc gia xây dựng nông thôn mới đã cấp 84,2 tỷ đồng.",
        "84,2",
        "actual",
        False,
    ),
    (
        "Trong đó, vốn các chương trình mục tiêu quốc gia 215 tỷ đồng, vốn sự nghiệp 40 tỷ đồng.",
        "215",
        "actual",
        False,
    ),
    # the word 'mục tiêu' alone still sets a target
    ("Mục tiêu năm tới có 90% hộ dùng nước sạch.", "90", "target", False),
    # 'sẽ' before a figure in its own words: what is to be done is a target
    ("Trong quý IV, Sở sẽ phối hợp với nhà mạng phủ sóng thêm 42 thôn.", "42", "target", False),
    ("Nhà mạng sẽ lắp đặt 75 trạm BTS tại các xã vùng cao.", "75", "target", False),
    ("Năm qua có 120 xã đạt chuẩn, năm tới sẽ có thêm 15 xã.", "120", "actual", False),
    ("Năm qua có 120 xã đạt chuẩn, năm tới sẽ có thêm 15 xã.", "15", "target", False),
    ("Huyện đã cấp 300 thẻ, các thẻ còn lại sẽ được phát trong tháng sau.", "300", "actual", False),
    ("Các dự án giải ngân chậm sẽ bị điều chuyển 45 tỷ đồng vốn.", "45", "target", False),
    # a figure joined to a planned one with no words of its own is planned too
    ("Đơn vị sẽ điều 60 xe cứu thương và 240 nhân viên y tế.", "240", "target", False),
    ("Huyện đã làm 12 km đường và 8 cây cầu.", "8", "actual", False),
    ("Tỉnh sẽ xây 30 trường học, đã sửa 14 trạm y tế.", "14", "actual", False),
    # an official's directive sets targets; the noun 'yêu cầu' counts requests, a fact
    (
        "Bà Lò Thị Hoa, Giám đốc Sở Y tế, yêu cầu các trạm y tế tiêm đủ cho 95% trẻ em.",
        "95",
        "target",
        False,
    ),
    (
        "Ông Vi Văn Sơn, Chủ tịch UBND huyện, đề nghị các xã hoàn thành 40 nhà đại đoàn kết.",
        "40",
        "target",
        False,
    ),
    ("Trung tâm tiếp nhận 412 yêu cầu, giải quyết 398 yêu cầu.", "398", "actual", False),
    ("Có 57 đề nghị hỗ trợ được gửi đến xã.", "57", "actual", False),
    # the directive needs no comma before it nor 'các' after it; a proposal is a plan too
    ("Phó Chủ tịch tỉnh yêu cầu thành lập 4 đoàn kiểm tra liên ngành.", "4", "target", False),
    ("Chủ tịch xã yêu cầu đến hết tháng 10, 100% hộ được gắn mã địa chỉ.", "100", "target", False),
    ("Sở đề nghị UBND tỉnh bổ sung 3,2 tỷ đồng cho trạm y tế.", "3,2", "target", False),
    ("Ban quản lý đề xuất xây thêm 2 nhà chờ xe buýt.", "2", "target", False),
    ("Doanh nghiệp cam kết tuyển 150 lao động địa phương.", "150", "target", False),
    # the noun: governed, owned, named in a body, counted or under way; delivered goods
    ("Theo đề nghị của Sở, tỉnh đã cấp 95 tỷ đồng.", "95", "actual", False),
    ("Dưới sự chỉ đạo của huyện, xã trồng 2.300 cây xanh.", "2.300", "actual", False),
    ("Ban Chỉ đạo tỉnh họp với 18 xã, phường.", "18", "actual", False),
    ("Trong số này, 312 cơ sở đạt yêu cầu, 27 cơ sở vi phạm.", "27", "actual", False),
    ("Quỹ đã nhận hồ sơ đề nghị hưởng của 640 người.", "640", "actual", False),
    ("Hợp tác xã đang đề nghị công nhận 3 sản phẩm OCOP.", "3", "actual", False),
    ("Bưu điện cho biết 9.400 bưu gửi được giao thành công trong tháng.", "9.400", "actual", False),
    # what must be reached for a goal is planned
    (
        "Để đạt mục tiêu cả năm, quý IV thu ngân sách phải tăng ít nhất 12,5%.",
        "12,5",
        "target",
        False,
    ),
    ("Mỗi xã cần đạt 30 hộ sử dụng thanh toán số trong tháng tới.", "30", "target", False),
    (
        "Quý III, chỉ số sản xuất công nghiệp đạt mục tiêu với mức tăng 9,1%.",
        "9,1",
        "actual",
        False,
    ),
]


@pytest.mark.parametrize(("text", "value_text", "kind", "estimated"), KINDS)
def test_records_kind_of_plans_and_results(builder, text, value_text, kind, estimated):
    drafts = {d.quantity.value_text: d for d in build(builder, text).drafts}
    assert drafts[value_text].kind == kind
    assert drafts[value_text].estimated == estimated


@pytest.mark.parametrize(
    ("text", "value_text", "bound"),
    [
        ("Phấn đấu có 06 xã trở lên đạt chuẩn nông thôn mới.", "06", ">="),
        ("Hộ có thu nhập 1,5 triệu đồng trở xuống được hỗ trợ.", "1,5", "<="),
        ("Tỷ lệ hộ nghèo không hơn 3%.", "3", "<="),
        ("Thời gian xử lý không quá 5 ngày làm việc.", "5", "<="),
        ("Mỗi lớp có không ít hơn 20 học sinh.", "20", ">="),
        ("Số ca mắc chưa tới 50 ca.", "50", "<"),
        ("Chi phí chưa đầy 2 tỷ đồng.", "2", "<"),
        ("Đạt hơn 300 hộ.", "300", ">"),
        # 'quanh' puts a figure about a level
        ("Giá lúa tẻ dao động quanh 7.900 đồng/kg.", "7.900", "~"),
        ("Lượng khách mỗi ngày xung quanh 2.000 lượt.", "2.000", "~"),
        ("Giá heo hơi đứng quanh mức 64.000 đồng/kg.", "64.000", "~"),
        ("Xã xây thêm 12 nhà quanh hồ chứa.", "12", "="),
        ("Huyện phấn đấu không để quá 4% diện tích cây trồng bị hạn.", "4", "<="),
        # a comparative adjective says by how much: no bound; 'nhiều hơn' still is one
        ("Giá cà phê cao hơn 5.000 đồng/kg so với tuần trước.", "5.000", "="),
        ("Vụ này thu hoạch sớm hơn 10 ngày so với mọi năm.", "10", "="),
        ("Năm nay có nhiều hơn 40 doanh nghiệp tham gia.", "40", ">"),
    ],
)
def test_records_bound_written_after_or_negated(builder, text, value_text, bound):
    drafts = [d for d in build(builder, text).drafts if d.quantity.value_text == value_text]
    assert [d.bound for d in drafts] == [bound]


@pytest.fixture(scope="module")
def extractor():
    from vnextract.pipeline import Extractor

    return Extractor(entities=False)


# (two sentences, the figure, plan_percent, change_percent, values that give no record)
BACK_REFERENCES = [
    (
        "Năm 2023, kim ngạch xuất khẩu thủy sản đạt 412 triệu USD. Con số này tăng 9,6% so "
        "với năm trước.",
        "412",
        None,
        "9.6",
        ["9,6"],
    ),
    (
        "Số khách du lịch đến tỉnh đạt 2,35 triệu lượt. Con số trên giảm 3% so với cùng kỳ.",
        "2,35",
        None,
        "-3",
        ["3"],
    ),
    (
        "Thu ngân sách đạt 5.120 tỷ đồng. Kết quả này bằng 108% dự toán năm.",
        "5.120",
        "108",
        None,
        ["108"],
    ),
    (
        "Toàn huyện có 1.240 hộ thoát nghèo. Mức này ước tăng 14% so với năm ngoái.",
        "1.240",
        None,
        "14",
        ["14"],
    ),
    # a change naming a new thing in the next sentence is a record of its own
    (
        "Doanh thu lữ hành đạt 640 tỷ đồng. Lượng khách quốc tế tăng 22%.",
        "640",
        None,
        None,
        [],
    ),
]


@pytest.mark.parametrize(("text", "value_text", "plan", "change", "not_records"), BACK_REFERENCES)
def test_records_next_sentence_refers_back_to_its_figure(
    extractor, text, value_text, plan, change, not_records
):
    records = extractor.process_text(text, "doc").records
    by_text = {r.value_text: r for r in records}
    r = by_text[value_text]
    assert r.plan_percent == (float(plan) if plan else None)
    assert r.change_percent == (float(change) if change else None)
    for v in not_records:
        assert v not in by_text, (v, list(by_text))
    assert [r.char_start for r in records] == sorted(r.char_start for r in records)


def test_records_back_reference_reaches_only_the_sentence_before(extractor):
    text = (
        "Sản lượng điện thương phẩm đạt 1.920 triệu kWh.\n\nTình hình cung ứng ổn định.\n\n"
        "Con số này tăng 7% so với cùng kỳ."
    )
    by_text = {r.value_text: r for r in extractor.process_text(text, "doc").records}
    assert by_text["1.920"].change_percent is None


# a change after a figure the number finder did not read qualifies that figure: no record
UNREAD_FIGURES = [
    "Khám chữa bệnh: 12.450/10.980 lượt người, tăng 13,4% so với cùng kỳ.",
    "Điều trị nội trú 3.208/2.915 lượt, đạt 110,1% kế hoạch, tăng 10,1% so với cùng kỳ.",
]


@pytest.mark.parametrize("text", UNREAD_FIGURES)
def test_records_change_after_an_unread_figure_is_no_record(builder, text):
    result = build(builder, text)
    assert all(not d.standalone for d in result.drafts), [d.quantity for d in result.drafts]


# (sentence, value_text, bound, per, words the subject must not hold, values with no record)
RATES_AND_BOUNDS = [
    # a bound written after the number, or after its counted noun
    ("Phấn đấu độ che phủ rừng từ 43% trở lên.", "43", ">=", None, ["trở lên"], []),
    ("Mỗi huyện có 05 xã trở lên đạt chuẩn văn hóa.", "05", ">=", "huyện", ["trở lên"], []),
    ("Tỷ lệ hộ nghèo giảm xuống 2% trở xuống.", "2", "<=", None, ["trở xuống"], []),
    ("Có 120 hộ, trở lên là vùng đồi.", "120", "=", None, [], []),
    # 'bình quân đầu người' is a rate per person
    ("Thu nhập bình quân đầu người đạt 62,4 triệu đồng.", "62,4", "=", "người", [], []),
    ("GRDP đầu người ước đạt 3.150 USD.", "3.150", "=", "người", [], []),
    # a count of one after 'trên'/'mỗi' is the base of the next figure's rate
    (
        "Giá trị thu được trên 01 ha mặt nước nuôi trồng đạt 210 triệu đồng.",
        "210",
        "=",
        "ha",
        [],
        ["01"],
    ),
    ("Mỗi 1 km đường giao thông được đầu tư 4,5 tỷ đồng.", "4,5", "=", "km", [], ["1"]),
    # a count of one with nothing after it in its clause is a figure
    ("Toàn tỉnh có trên 1 triệu hộ dùng nước sạch.", "1", ">", None, [], []),
]


@pytest.mark.parametrize(
    ("text", "value_text", "bound", "per", "absent", "not_records"), RATES_AND_BOUNDS
)
def test_records_rates_and_bounds_written_around_the_number(
    builder, text, value_text, bound, per, absent, not_records
):
    drafts = {d.quantity.value_text: d for d in build(builder, text).drafts}
    d = drafts[value_text]
    assert d.bound == bound
    assert d.per == per

    for word in absent:
        assert word not in d.subject.lower(), d.subject
    for v in not_records:
        assert v not in drafts, (v, list(drafts))


# (sentence, value_text, words the subject must hold, words it must not hold)
SHARED_SUBJECTS = [
    # a bare 'tỷ lệ' after a figure is the rate of that figure
    (
        "Toàn tỉnh có 8.240 hồ sơ nộp trực tuyến (đạt tỷ lệ 41,2%).",
        "41,2",
        ["tỷ lệ", "trực tuyến"],
        [],
    ),
    # a part after 'trong đó' / 'với' shares the owner of the whole
    (
        "Các phường, xã tiếp nhận 9.100 hồ sơ, trong đó 4.020 hồ sơ qua bưu chính.",
        "4.020",
        ["bưu chính", "phường"],
        [],
    ),
    (
        "Cấp huyện tiếp nhận 3.300 hồ sơ, với 1.210 hồ sơ trực tuyến (đạt tỷ lệ 36,7%).",
        "36,7",
        ["tỷ lệ", "trực tuyến", "cấp huyện"],
        [],
    ),
    # 'so với' is a comparison, not the part-of 'với': the next clause has its own owner
    (
        "Doanh nghiệp tuyển 700 người, giảm 5% so với cùng kỳ; hợp tác xã tuyển 90 người.",
        "90",
        ["hợp tác xã"],
        ["doanh nghiệp"],
    ),
    # a list of short nouns before the topic names the same thing
    (
        "Trong quý, các sở, ngành tỉnh xử lý 1.450 phản ánh.",
        "1.450",
        ["sở", "ngành"],
        ["quý"],
    ),
    # a part opening with a verb is a clause of its own, not an item of the list
    (
        "Chỉ số cải cách hành chính đạt 86,1 điểm, xếp thứ 9/63 tỉnh, thành phố, tăng 3,4 điểm.",
        "3,4",
        [],
        ["thành phố"],
    ),
    # a discourse connective or a time phrase before it is not part of it
    ("Tuy nhiên, sản lượng muối chỉ đạt 61.000 tấn.", "61.000", ["muối"], ["tuy nhiên"]),
    ("Bên cạnh đó, vốn tín dụng đạt 2.300 tỷ đồng.", "2.300", ["tín dụng"], ["bên cạnh"]),
    # 'tỷ lệ X trên tổng số Y': the subject starts at the first head
    (
        "Tỷ lệ hộ dùng nước sạch trên tổng số hộ nông thôn đạt 93,5%.",
        "93,5",
        ["tỷ lệ", "nước sạch"],
        [],
    ),
    # 'lũy kế' before a head belongs to it
    (
        "Lũy kế doanh thu dịch vụ logistics tính đến tháng 6 đạt 1.880 tỷ đồng.",
        "1.880",
        ["lũy kế", "doanh thu"],
        [],
    ),
    # a head before a list whose last item is joined by 'và'
    (
        "Nhóm giáo dục, y tế và dịch vụ văn hóa giảm 0,8%.",
        "0,8",
        ["nhóm giáo dục", "y tế"],
        [],
    ),
    # a topic with a head before 'hiện có' names what was counted
    (
        "Tổng số tàu cá đánh bắt xa bờ hiện có 1.306 chiếc.",
        "1.306",
        ["tàu cá", "xa bờ"],
        [],
    ),
    # 'nâng tổng số X lên N' after a change: the total of the thing that changed
    (
        "Số trạm sạc xe điện tăng 45 trạm, nâng tổng số trạm hiện có 310 trạm.",
        "310",
        ["tổng số", "sạc xe điện"],
        [],
    ),
    # words after the last comma that run into the next figure are its topic
    (
        "Trong đó, làm mới 120 cầu dân sinh, sửa chữa 86 cầu.",
        "120",
        ["cầu"],
        ["sửa chữa"],
    ),
    (
        "Gồm 4.100 giáo viên mầm non, số giáo viên tiểu học là 6.300 người.",
        "6.300",
        ["tiểu học"],
        [],
    ),
    # an item with its own verb before the next figure stays in the list
    (
        "Có 27/27 huyện, thị xã, thành phố đã lắp 1.200 camera giám sát.",
        "27/27",
        ["thị xã", "thành phố"],
        [],
    ),
    # a list that joins the next figure with 'và' goes on
    (
        "Cấp thiết bị cho 52 trường, điểm trường vùng cao và 17 trung tâm học tập.",
        "52",
        ["trường", "điểm trường"],
        [],
    ),
    # an aspect word after the comma ('sẽ', 'đã'), alone or after a time phrase, opens a
    # clause: no list item
    (
        "Huyện có 64 thôn phủ sóng 4G, năm sau sẽ phủ thêm 9 thôn.",
        "64",
        ["thôn"],
        ["sẽ", "năm sau"],
    ),
    (
        "Toàn tỉnh cấp 2.300 chữ ký số, đã kích hoạt 1.900 chữ ký.",
        "2.300",
        ["chữ ký số"],
        ["kích hoạt"],
    ),
]


@pytest.mark.parametrize(("text", "value_text", "subject_words", "absent"), SHARED_SUBJECTS)
def test_records_subject_shared_across_parts_and_lists(
    builder, text, value_text, subject_words, absent
):
    drafts = {d.quantity.value_text: d for d in build(builder, text).drafts}
    subject = drafts[value_text].subject.lower()
    for word in subject_words:
        assert word in subject, subject
    for word in absent:
        assert word not in subject, subject


# of two coordinated counts, the share of plan after them goes to the nearest (ANNOTATION)
def test_records_share_of_plan_after_two_counts_goes_to_the_nearest(builder):
    text = "Có 05 xã đạt chuẩn nông thôn mới và 03 xã đạt chuẩn nâng cao, đạt 110% kế hoạch."
    drafts = {d.quantity.value_text: d for d in build(builder, text).drafts}
    assert drafts["03"].plan_percent == Decimal(110)
    assert drafts["05"].plan_percent is None
    assert "110" not in drafts


# a 'trở lên' that is not next to the number bounds nothing and stays in the subject
@pytest.mark.parametrize(
    ("text", "value_text", "kept"),
    [
        ("Có 65% hộ từ hai thế hệ trở lên sống chung.", "65", "trở lên"),
        ("Khoảng 40% lao động có trình độ cao đẳng trở lên.", "40", "trở lên"),
    ],
)
def test_records_far_bound_cue_stays_in_the_subject(builder, text, value_text, kept):
    drafts = {d.quantity.value_text: d for d in build(builder, text).drafts}
    d = drafts[value_text]
    assert d.bound in ("=", "~")
    assert kept in d.subject, d.subject


# a bare count is counted in the noun its subject opens with; a counted noun after the
# number, a percent, money or a ratio keeps its own unit
UNITS_FROM_SUBJECT = [
    ("Số dự án đầu tư ngoài ngân sách còn hiệu lực là 84.", "84", "dự án"),
    ("Tổng số học sinh dự thi năm nay là 12.460.", "12.460", "học sinh"),
    ("Số lượng hợp tác xã đang hoạt động là 215.", "215", "hợp tác xã"),
    ("Bệnh nhân chạy thận nhân tạo: 310, bệnh nhân ung thư: 1.204.", "310", "bệnh nhân"),
    ("Bệnh nhân chạy thận nhân tạo: 310, bệnh nhân ung thư: 1.204.", "1.204", "bệnh nhân"),
    ("Doanh nghiệp thành lập mới trong quý là 148.", "148", "doanh nghiệp"),
    ("Số xã đạt chuẩn nông thôn mới nâng cao là 19.", "19", "xã"),
    ("Số dự án đã khởi công là 12 công trình.", "12", "công trình"),
    ("Số hộ dùng nước sạch đạt 96,4%.", "96,4", "%"),
    ("Số doanh nghiệp nộp thuế đúng hạn là 1.430/1.520.", "1.430/1.520", ""),
    ("Số vốn đã giải ngân là 640 tỷ đồng.", "640", "VND"),
    ("Chỉ số cải cách hành chính của tỉnh đạt 84,2.", "84,2", ""),
    ("Doanh thu dịch vụ lưu trú là 930.", "930", ""),
]


@pytest.mark.parametrize(("text", "value_text", "unit"), UNITS_FROM_SUBJECT)
def test_records_bare_count_takes_the_unit_its_subject_names(builder, text, value_text, unit):
    drafts = {d.quantity.value_text: d for d in build(builder, text).drafts}
    assert drafts[value_text].unit == unit, drafts[value_text]


# a change in percentage points qualifies the rate before it but is no per cent change of it;
# a multiple against a comparison base is a change of (N - 1) x 100; with nothing before them
# in their clause both are figures as written
# (sentence, value_text of the figure, change_percent, values that are no record)
POINTS_AND_MULTIPLES = [
    (
        "Tỷ lệ lấp đầy khu công nghiệp đạt 71,4%, tăng 2,6 điểm phần trăm so với cùng kỳ.",
        "71,4",
        None,
        ["2,6"],
    ),
    (
        "Tỷ lệ trẻ suy dinh dưỡng còn 11,2%, giảm 0,7 điểm phần trăm so với năm trước.",
        "11,2",
        None,
        ["0,7"],
    ),
    (
        "Tỷ lệ lao động qua đào tạo đạt 68%, tăng 3 điểm % so với năm 2022.",
        "68",
        None,
        ["3"],
    ),
    (
        "Tỷ lệ thất nghiệp là 2,1%, giảm 0,3 điểm phần trăm, tăng 4% so với cùng kỳ.",
        "2,1",
        Decimal(4),
        ["0,3", "4"],
    ),
    (
        "Lượng khách quốc tế đạt 58.000 lượt, gấp 1,6 lần cùng kỳ năm trước.",
        "58.000",
        Decimal(60),
        ["1,6"],
    ),
    (
        "Sản lượng cá tra đạt 9.400 tấn, tăng gấp 2 lần so với cùng kỳ.",
        "9.400",
        Decimal(100),
        ["2"],
    ),
    (
        "Kim ngạch xuất khẩu rau quả đạt 36 triệu USD, cao gấp 2,5 lần so với năm trước.",
        "36",
        Decimal(150),
        ["2,5"],
    ),
    # a multiple of something that is no time base gives no change and no record
    ("Doanh thu đạt 5 tỷ đồng, gấp 3 lần mức bình quân của cả nước.", "5", None, ["3"]),
]


@pytest.mark.parametrize(("text", "value_text", "change", "not_records"), POINTS_AND_MULTIPLES)
def test_records_points_and_multiples_qualify_the_figure(
    builder, text, value_text, change, not_records
):
    drafts = {d.quantity.value_text: d for d in build(builder, text).drafts}
    assert drafts[value_text].change_percent == change
    for v in not_records:
        assert v not in drafts, (v, list(drafts))


# (sentence, value_text, value, unit)
POINTS_AND_MULTIPLES_ALONE = [
    (
        "Tỷ lệ hộ cận nghèo giảm 1,15 điểm phần trăm so với đầu năm.",
        "1,15",
        Decimal("-1.15"),
        "điểm phần trăm",
    ),
    (
        "Tỷ lệ dân số tham gia bảo hiểm y tế tăng 0,9 điểm phần trăm.",
        "0,9",
        Decimal("0.9"),
        "điểm phần trăm",
    ),
    ("Số ca mắc sốt xuất huyết gấp 3 lần cùng kỳ.", "3", Decimal(3), "lần"),
]


@pytest.mark.parametrize(("text", "value_text", "value", "unit"), POINTS_AND_MULTIPLES_ALONE)
def test_records_points_and_multiples_alone_are_figures(builder, text, value_text, value, unit):
    drafts = {d.quantity.value_text: d for d in build(builder, text).drafts}
    d = drafts[value_text]
    assert (d.quantity.value, d.unit, d.change_percent) == (value, unit, None)
    assert "gấp" not in d.subject and "giảm" not in d.subject, d.subject


# a bare rate head is the rate of the figure before it, a head that names a figure of its own
# is not; a section label's domain ('Về lĩnh vực bưu chính, ...') joins the subjects
# (sentence, value_text, words the subject must hold, words it must not hold)
HEADS_AND_SECTIONS = [
    (
        "Doanh thu dịch vụ lưu trú đạt 96 tỷ đồng, nộp ngân sách 4,2 tỷ đồng.",
        "4,2",
        ["nộp ngân sách"],
        ["lưu trú"],
    ),
    (
        "Sản lượng khai thác đạt 18.500 tấn, kim ngạch 41 triệu USD.",
        "41",
        ["kim ngạch"],
        ["khai thác"],
    ),
    ("Có 2.340 hồ sơ nộp qua bưu chính, đạt tỷ lệ 18,6%.", "18,6", ["tỷ lệ", "hồ sơ"], []),
    (
        "Về lĩnh vực xuất bản, doanh thu năm 2023 đạt 12,4 tỷ đồng, nộp ngân sách 310 triệu đồng.",
        "12,4",
        ["doanh thu", "xuất bản"],
        [],
    ),
    (
        "Về lĩnh vực xuất bản, doanh thu năm 2023 đạt 12,4 tỷ đồng, nộp ngân sách 310 triệu đồng.",
        "310",
        ["nộp ngân sách", "xuất bản"],
        ["doanh thu"],
    ),
    (
        "Về công tác báo chí, toàn tỉnh có 14 cơ quan báo chí.",
        "14",
        ["cơ quan báo chí"],
        ["công tác"],
    ),
    (
        "Trong lĩnh vực viễn thông, toàn tỉnh có 1.180 trạm BTS.",
        "1.180",
        ["trạm", "viễn thông"],
        [],
    ),
    # 'đối với' names its domain with no section noun
    (
        "Đối với tội phạm buôn lậu, lực lượng biên phòng đã bắt giữ 46 vụ với 58 đối tượng.",
        "46",
        ["vụ", "tội phạm buôn lậu"],
        [],
    ),
    (
        "Riêng đối với hồ sơ đất đai, các xã đã tiếp nhận 2.150 hồ sơ.",
        "2.150",
        ["hồ sơ", "đất đai"],
        [],
    ),
    # a label without its noun names no domain
    ("Về xã hội số, 118/126 xã có tổ công nghệ số.", "118/126", ["xã"], ["xã hội"]),
    # nor does a label past the sentence's start
    (
        "Tỉnh đã cấp 930 thẻ, đối với người cao tuổi, miễn phí hoàn toàn.",
        "930",
        ["thẻ"],
        ["người cao tuổi"],
    ),
    (
        "Doanh thu viễn thông đạt 58 tỷ đồng, về cơ bản ổn định.",
        "58",
        ["doanh thu viễn thông"],
        ["cơ bản"],
    ),
]


@pytest.mark.parametrize(("text", "value_text", "subject_words", "absent"), HEADS_AND_SECTIONS)
def test_records_heads_and_section_domains(builder, text, value_text, subject_words, absent):
    drafts = {d.quantity.value_text: d for d in build(builder, text).drafts}
    subject = drafts[value_text].subject.lower()
    for word in subject_words:
        assert word in subject, subject
    for word in absent:
        assert word not in subject, subject
