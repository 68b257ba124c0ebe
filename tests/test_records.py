"""Record assembly: sentences written for these tests -> unit, subject, bound and attributes."""

from decimal import Decimal

import pytest

from vnextract.dates import find_dates
from vnextract.numbers import find_quantities
from vnextract.records import RecordBuilder, SentenceContext
from vnextract.rules import default_rules
from vnextract.textnorm import Folder


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
    ("Mỗi xã có ít nhất 2 điểm phục vụ bưu chính.", "2", "điểm", ["điểm"], {"bound": ">="}),
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
    ],
)
def test_records_bound_written_after_or_negated(builder, text, value_text, bound):
    drafts = [d for d in build(builder, text).drafts if d.quantity.value_text == value_text]
    assert [d.bound for d in drafts] == [bound]
