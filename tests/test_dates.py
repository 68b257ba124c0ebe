"""Date finding: a table of forms we wrote, negatives, offsets and rule errors.

New forms go in POSITIVE or NEGATIVE below, one row each; the vocabulary they
need goes in rules/dates.yml.
"""

from __future__ import annotations

import unicodedata
from itertools import pairwise
from pathlib import Path

import pytest

from vnextract.core.errors import RuleError
from vnextract.core.rules import load_rules, rules_dir
from vnextract.figures.dates import DateFinder, DateRules, find_dates

POSITIVE = [
    ("Hội nghị diễn ra sáng 04/01/2024 tại Hà Tĩnh.", [("04/01/2024", "2024-01-04", "day")]),
    ("Sở được thành lập ngày 11-3-2005.", [("11-3-2005", "2005-03-11", "day")]),
    ("Ngày 12/8/2004, tỉnh ban hành kế hoạch.", [("12/8/2004", "2004-08-12", "day")]),
    ("Thứ ba, 24/01/2023 09:10 (GMT+7)", [("24/01/2023", "2023-01-24", "day")]),
    ("Chủ nhật, 5/2/2023", [("5/2/2023", "2023-02-05", "day")]),
    ("Văn bản ký ngày 29/02/2024.", [("29/02/2024", "2024-02-29", "day")]),
    ("Lễ ra mắt tổ chức ngày 1.6.2022.", [("1.6.2022", "2022-06-01", "day")]),
    ("ngày 12 tháng 8 năm 2004", [("ngày 12 tháng 8 năm 2004", "2004-08-12", "day")]),
    ("Ngày 3 tháng 02, năm 2021", [("Ngày 3 tháng 02, năm 2021", "2021-02-03", "day")]),
    ("đến tháng 4 năm 2008 đơn vị đổi tên", [("tháng 4 năm 2008", "2008-04", "month")]),
    ("Số liệu tính đến tháng 11/2023.", [("tháng 11/2023", "2023-11", "month")]),
    ("Từ tháng 11-2023, mạng 5G phủ sóng.", [("tháng 11-2023", "2023-11", "month")]),
    ("trong THÁNG 7 / 2022", [("THÁNG 7 / 2022", "2022-07", "month")]),
    ("Năm 2022, doanh thu tăng mạnh.", [("Năm 2022", "2022", "year")]),
    ("NĂM 2019 là năm bản lề", [("NĂM 2019", "2019", "year")]),
    ("6 tháng đầu năm 2018 ước đạt", [("6 tháng đầu năm 2018", "2018-01/2018-06", "span")]),
    ("trong 3 tháng cuối năm 2023", [("3 tháng cuối năm 2023", "2023-10/2023-12", "span")]),
    ("Kết quả 9 tháng năm 2021", [("9 tháng năm 2021", "2021-01/2021-09", "span")]),
    ("nửa đầu năm 2020 có nhiều biến động", [("nửa đầu năm 2020", "2020-01/2020-06", "span")]),
    ("Trong quý I/2024, toàn tỉnh", [("quý I/2024", "2024-01/2024-03", "span")]),
    ("đến hết quý 3 năm 2024", [("quý 3 năm 2024", "2024-07/2024-09", "span")]),
    ("Quý IV-2023 có 12 doanh nghiệp mới", [("Quý IV-2023", "2023-10/2023-12", "span")]),
    ("Qúy II/2022 tăng 5%", [("Qúy II/2022", "2022-04/2022-06", "span")]),
    ("kế hoạch giai đoạn 2021-2025 của ngành", [("giai đoạn 2021-2025", "2021/2025", "span")]),
    ("chương trình giai đoạn 2022 – 2025", [("giai đoạn 2022 – 2025", "2022/2025", "span")]),
    ("Đại hội nhiệm kỳ 2020-2025", [("nhiệm kỳ 2020-2025", "2020/2025", "span")]),
    # a season across two years
    ("hạn mặn mùa khô 2022-2023 kéo dài", [("mùa khô 2022-2023", "2022/2023", "span")]),
    ("Mùa mưa 2021-2022 gây sạt lở", [("Mùa mưa 2021-2022", "2021/2022", "span")]),
    ("sản lượng niên vụ 2023-2024 tăng", [("niên vụ 2023-2024", "2023/2024", "span")]),
    ("quy hoạch thời kỳ 2021- 2030", [("thời kỳ 2021- 2030", "2021/2030", "span")]),
    ("Giai Đoạn 2016 -2020", [("Giai Đoạn 2016 -2020", "2016/2020", "span")]),
    (
        "giai đoạn từ năm 2021 đến năm 2025",
        [("giai đoạn từ năm 2021 đến năm 2025", "2021/2025", "span")],
    ),
    ("từ năm 2016 đến năm 2020", [("từ năm 2016 đến năm 2020", "2016/2020", "span")]),
    ("kế hoạch từ 2021 - 2025", [("từ 2021 - 2025", "2021/2025", "span")]),
    ("Cập nhật 2024-01-04T08:00", [("2024-01-04", "2024-01-04", "day")]),
    ("trong năm học 2023-2024", [("năm học 2023-2024", "2023/2024", "span")]),
    ("phấn đấu đến năm 2030 đạt mục tiêu", [("năm 2030", "2030", "year")]),
    ("định hướng tầm nhìn 2045;", [("2045", "2045", "year")]),
    ("So với thời điểm 2010, số trạm tăng gấp đôi", [("2010", "2010", "year")]),
    ("Từ 2020 đến nay, tỉnh đã số hóa", [("2020", "2020", "year")]),
    ("phải hoàn thành trước 2026.", [("2026", "2026", "year")]),
    ("tăng mạnh vào cuối 2022", [("2022", "2022", "year")]),
    (
        "(01-7-2006 - 01-7-2024)",
        [("01-7-2006", "2006-07-01", "day"), ("01-7-2024", "2024-07-01", "day")],
    ),
    ("trong năm 2023 và 2024", [("năm 2023", "2023", "year"), ("2024", "2024", "year")]),
    (
        "các năm 2019, 2020 và 2021",
        [("năm 2019", "2019", "year"), ("2020", "2020", "year"), ("2021", "2021", "year")],
    ),
    (
        "ngày 2/9/2023 và tháng 10/2023",
        [("2/9/2023", "2023-09-02", "day"), ("tháng 10/2023", "2023-10", "month")],
    ),
    # more than 12 months is not a part of the year, but the year still stands
    ("16 tháng đầu năm 2020", [("năm 2020", "2020", "year")]),
    # old-style tone placement in a cue word still matches
    ("niên khoá 2010-2014", [("niên khoá 2010-2014", "2010/2014", "span")]),
    # day ranges: the first day takes the month and year of the last
    ("Lễ hội kéo dài từ ngày 26-28/6/2022.", [("26-28/6/2022", "2022-06-26/2022-06-28", "span")]),
    ("Triển lãm mở cửa 3–5/11/2023", [("3–5/11/2023", "2023-11-03/2023-11-05", "span")]),
    ("Khóa học diễn ra 14 - 18/8/2021", [("14 - 18/8/2021", "2021-08-14/2021-08-18", "span")]),
    ("Giải chạy tổ chức 9-10.12.2023", [("9-10.12.2023", "2023-12-09/2023-12-10", "span")]),
    ("Hội thao từ 20 đến 22/5/2024", [("20 đến 22/5/2024", "2024-05-20/2024-05-22", "span")]),
    (
        "Tuần lễ văn hóa từ ngày 28/4 đến ngày 2/5/2024",
        [("28/4 đến ngày 2/5/2024", "2024-04-28/2024-05-02", "span")],
    ),
    ("Đợt cao điểm 30/6 - 15/7/2023", [("30/6 - 15/7/2023", "2023-06-30/2023-07-15", "span")]),
    (
        "Nghỉ Tết từ 29/12 - 02/01/2024",
        [("29/12 - 02/01/2024", "2023-12-29/2024-01-02", "span")],
    ),
    (
        "Đại hội họp từ ngày 10 đến 12 tháng 10 năm 2020",
        [("ngày 10 đến 12 tháng 10 năm 2020", "2020-10-10/2020-10-12", "span")],
    ),
    (
        "Hội nghị diễn ra 7-8 tháng 3 năm 2019 ở Vinh",
        [("7-8 tháng 3 năm 2019", "2019-03-07/2019-03-08", "span")],
    ),
    # mồng / mùng, and a day-month-year written in words without "ngày"
    ("Sáng mồng 2/9/2023, người dân đi dự lễ", [("2/9/2023", "2023-09-02", "day")]),
    (
        "Ngày mùng 5 tháng 3 năm 2021 trạm phát sóng khai trương",
        [("Ngày mùng 5 tháng 3 năm 2021", "2021-03-05", "day")],
    ),
    ("mồng 8 tháng 3 năm 2022", [("mồng 8 tháng 3 năm 2022", "2022-03-08", "day")]),
    ("Mùng 1 tháng 6, năm 2020", [("Mùng 1 tháng 6, năm 2020", "2020-06-01", "day")]),
    (
        "Sự kiện được tổ chức 12 tháng 10 năm 2017 tại Đà Nẵng",
        [("12 tháng 10 năm 2017", "2017-10-12", "day")],
    ),
    ("Hạn chót là 31 tháng 12 năm 2025.", [("31 tháng 12 năm 2025", "2025-12-31", "day")]),
    # quarters are month spans, whatever the mark between quarter and year
    ("Trong quý I/2023, ngành thuế thu 300 tỷ", [("quý I/2023", "2023-01/2023-03", "span")]),
    ("Quý III.2021 là quý khó khăn", [("Quý III.2021", "2021-07/2021-09", "span")]),
    ("Đến quý 4 năm 2018 toàn tỉnh có", [("quý 4 năm 2018", "2018-10/2018-12", "span")]),
    ("Số liệu quý 02/2021 cho thấy", [("quý 02/2021", "2021-04/2021-06", "span")]),
    ("kết quả quý hai năm 2023", [("quý hai năm 2023", "2023-04/2023-06", "span")]),
    ("Quý IV năm 2022 tăng mạnh", [("Quý IV năm 2022", "2022-10/2022-12", "span")]),
    ("trong quý 1-2024", [("quý 1-2024", "2024-01/2024-03", "span")]),
    # ranges of months
    ("Đợt thi đua 02-03/2024 đã kết thúc", [("02-03/2024", "2024-02/2024-03", "span")]),
    ("trong tháng 7-8/2023", [("tháng 7-8/2023", "2023-07/2023-08", "span")]),
    (
        "từ tháng 2 đến tháng 5 năm 2024",
        [("tháng 2 đến tháng 5 năm 2024", "2024-02/2024-05", "span")],
    ),
    ("Tháng 10 - tháng 12/2022", [("Tháng 10 - tháng 12/2022", "2022-10/2022-12", "span")]),
    ("mùa mưa tháng 9 – 11.2020", [("tháng 9 – 11.2020", "2020-09/2020-11", "span")]),
    # months written as words, and the "thg" abbreviation
    ("Trong tháng Chín năm 2023, lượng khách tăng", [("tháng Chín năm 2023", "2023-09", "month")]),
    ("Đến tháng mười hai năm 2022", [("tháng mười hai năm 2022", "2022-12", "month")]),
    ("vào tháng Mười Một năm 2019", [("tháng Mười Một năm 2019", "2019-11", "month")]),
    ("tháng Tư năm 2021", [("tháng Tư năm 2021", "2021-04", "month")]),
    ("tháng bảy năm 2018", [("tháng bảy năm 2018", "2018-07", "month")]),
    ("tháng Năm năm 2024", [("tháng Năm năm 2024", "2024-05", "month")]),
    ("Cập nhật thg 1/2024", [("thg 1/2024", "2024-01", "month")]),
    ("Thg 12 năm 2021", [("Thg 12 năm 2021", "2021-12", "month")]),
    ("vào tháng 3.2019", [("tháng 3.2019", "2019-03", "month")]),
    # two-digit years: after a day cue, or in a month after "tháng"
    ("Sáng 5/10/23, đoàn công tác đến xã", [("5/10/23", "2023-10-05", "day")]),
    ("Ngày 05-01-24 hệ thống chạy thử", [("05-01-24", "2024-01-05", "day")]),
    ("hôm 30.4.75 lịch sử", [("30.4.75", "1975-04-30", "day")]),
    ("Số liệu tháng 9/23 của cục", [("tháng 9/23", "2023-09", "month")]),
    # months without "tháng": after a cue word, or closing the clause
    ("Tính đến 11/2023, toàn tỉnh có", [("11/2023", "2023-11", "month")]),
    ("Tính đến hết 6/2024 có 300 hộ", [("6/2024", "2024-06", "month")]),
    ("vào cuối 3.2019 có 2.000 trạm", [("3.2019", "2019-03", "month")]),
    ("Từ 01/2022, dịch vụ được mở rộng", [("01/2022", "2022-01", "month")]),
    ("thực hiện trong 5/2023 và", [("5/2023", "2023-05", "month")]),
    ("Sau 7/2025 sẽ sáp nhập", [("7/2025", "2025-07", "month")]),
    ("(số liệu 10/2023)", [("10/2023", "2023-10", "month")]),
    ("Doanh thu kỳ báo cáo 12/2022: 40 tỷ", [("12/2022", "2022-12", "month")]),
    # counts of months are spans of the year; the year inside is no date of its own
    ("6 tháng đầu năm 2024 có 500 hộ", [("6 tháng đầu năm 2024", "2024-01/2024-06", "span")]),
    ("9 tháng năm 2023 đạt 80%", [("9 tháng năm 2023", "2023-01/2023-09", "span")]),
    ("Sáu tháng đầu năm 2022", [("Sáu tháng đầu năm 2022", "2022-01/2022-06", "span")]),
    ("chín tháng năm 2020", [("chín tháng năm 2020", "2020-01/2020-09", "span")]),
    ("11 tháng năm 2019", [("11 tháng năm 2019", "2019-01/2019-11", "span")]),
    ("06 tháng cuối năm 2025", [("06 tháng cuối năm 2025", "2025-07/2025-12", "span")]),
    ("4 THÁNG ĐẦU NĂM 2023", [("4 THÁNG ĐẦU NĂM 2023", "2023-01/2023-04", "span")]),
    # a winter season runs into the next year
    ("vụ đông xuân tháng 11-2/2024", [("tháng 11-2/2024", "2023-11/2024-02", "span")]),
    # no thirteenth month: only the year stands
    ("tháng mười ba năm 2023", [("năm 2023", "2023", "year")]),
    # two full dates joined stay two dates
    (
        "từ ngày 15/12/2022 đến ngày 14/3/2023",
        [("15/12/2022", "2022-12-15", "day"), ("14/3/2023", "2023-03-14", "day")],
    ),
]

NEGATIVE = [
    "Sau 20 năm, đơn vị đã lớn mạnh.",
    "mất 2 năm để hoàn thành",
    "chặng đường 18 năm xây dựng và trưởng thành",
    "hệ thống vận hành 24/7",
    "thời gian xử lý 3-4 ngày",
    "đã kết nối 9/17 hệ thống",
    "460/460 xã có điểm phục vụ",
    "tăng 15-20% mỗi năm",
    "cập nhật lúc 15:22",
    "đăng lúc 17:46 (GMT+7)",
    "Quyết định số 115/2004/QĐ-UB của tỉnh",
    "theo Nghị quyết 09-NQ/TU",
    "Quyết định 81/2004/QĐ-UB-NV",
    "Đường dây nóng: 0917 681 188",
    "có 2.957.000 thuê bao",
    "đạt 81,62 máy/100 dân",
    "phiên bản 2.0 và 4.0",
    "trẻ em dưới 15 tuổi",
    "từ 2000 người dân",
    "ngày 31/02/2023",
    "tháng 13/2023",
    "quý V/2023",
    "năm 1850",
    "giai đoạn 2025-2021",
    "từ 2000 đến 3000 người",
    "khoảng 2023-2024",
    "mã số 12/3/2023/NĐ-CP",
    # a ratio whose total looks like a year is no month
    "Có 5/2000 hộ chưa có điện",
    "bản đồ tỷ lệ 1/2000 của xã",
    "Thông tư số 12/2023, hướng dẫn",
    "Nghị định 13/2023/NĐ-CP",
    # days or months without a year are no DATE
    "ngày 12/5",
    "tháng 10",
    "Trong tháng Chín, khách tăng",
    "Hội nghị diễn ra 25-26/12 tại Huế",
    "từ ngày 28/4 đến ngày 2/5",
    "mồng 2 tháng 9",
    "quý II",
    # not calendar values
    "ngày 32/1/2024",
    # a range that runs backwards is none
    "ngày 28-26/6/2022",
    "30/2/2024",
    "tháng 0/2023",
    "quý 5/2023",
    "quý 05/2023",
    "5/10/23 hồ sơ",
    "thg 13/2024",
    # counts of months that are durations, and numbers of months before a ratio
    "sau 3 tháng triển khai",
    "hai tháng qua",
    "đạt 12/20 chỉ tiêu",
    "cấp 120/2023 sổ",
    "lúc 14 giờ 30 phút",
]


@pytest.mark.parametrize(("text", "expected"), POSITIVE)
def test_dates_finds_forms(text: str, expected: list[tuple[str, str, str]]) -> None:
    found = [(m.text, m.iso, m.precision) for m in find_dates(text)]
    assert found == expected


@pytest.mark.parametrize("text", NEGATIVE)
def test_dates_ignores_non_dates(text: str) -> None:
    assert find_dates(text) == []


@pytest.mark.parametrize("text", [t for t, _ in POSITIVE])
def test_dates_offsets_index_the_text(text: str) -> None:
    mentions = find_dates(text)
    assert mentions
    for m in mentions:
        assert text[m.start : m.end] == m.text
    starts = [m.start for m in mentions]
    assert starts == sorted(starts)
    assert all(a.end <= b.start for a, b in pairwise(mentions))


@pytest.mark.parametrize(
    ("prefix", "text", "iso"),
    [
        ("Tin tức. ", "giai đoạn 2021-2025", "2021/2025"),
        ("Xin chào\n\n", "04/01/2024", "2024-01-04"),
        ("Ông Hoà nói: ", "năm 2022", "2022"),
    ],
)
def test_dates_offsets_shift_with_prefix(prefix: str, text: str, iso: str) -> None:
    (mention,) = find_dates(prefix + text)
    assert (mention.start, mention.end, mention.iso) == (len(prefix), len(prefix) + len(text), iso)


@pytest.mark.parametrize(
    ("text", "iso"),
    [
        ("Trong năm 2023 và", "2023"),
        ("giai đoạn 2021-2025", "2021/2025"),
        ("quý I/2024", "2024-01/2024-03"),
        ("tháng Tư", None),
    ],
)
def test_dates_decomposed_text_keeps_offsets(text: str, iso: str | None) -> None:
    nfd = unicodedata.normalize("NFD", text)
    found = find_dates(nfd)
    assert [m.iso for m in found] == ([iso] if iso else [])
    for m in found:
        assert nfd[m.start : m.end] == m.text


def _write_rules(tmp_path: Path, dates_yml: str) -> Path:
    (tmp_path / "text.yml").write_text(
        (rules_dir() / "text.yml").read_text(encoding="utf-8"), encoding="utf-8"
    )
    (tmp_path / "dates.yml").write_text(dates_yml, encoding="utf-8")
    return tmp_path


_FILES = {"dates.yml": "vnextract.figures.dates:DateRules"}


@pytest.mark.parametrize(
    ("dates_yml", "line", "needle"),
    [
        ("words: {}\npatterns:\n  - id: a\n    pattern: '{nowhere}\\d'\n", 4, "{nowhere}"),
        ("words: {}\npatterns:\n  - id: a\n    pattern: '(\\d'\n", 4, "regular expression"),
        ("words: {}\npatterns:\n  - id: a\n    pattern: '(?P<zz>\\d)'\n", 4, "zz"),
        (
            "words: {}\npatterns:\n  - id: a\n    pattern: 'x'\n  - id: a\n    pattern: 'y'\n",
            5,
            "its own id",
        ),
        ("words: {}\npatterns: []\ncolour: red\n", 3, "colour"),
        (
            "words: {}\npatterns:\n  - id: a\n    pattern: '\\d'\n    requires: [nowhere]\n",
            5,
            "requires",
        ),
        (
            "words: {}\nparts: {A: '{B}', B: '{A}'}\npatterns:\n  - id: a\n    pattern: '{A}'\n",
            5,
            "loop",
        ),
    ],
)
def test_dates_rule_errors_name_the_line(
    tmp_path: Path, dates_yml: str, line: int, needle: str
) -> None:
    folder = _write_rules(tmp_path, dates_yml)
    with pytest.raises(RuleError) as info:
        load_rules(folder, files=_FILES)
    (problem,) = info.value.problems
    assert problem.startswith(f"rules/dates.yml:{line}:")
    assert needle in problem


@pytest.mark.parametrize(
    ("text", "expected"),
    [("tuần 12 của 2024", ["2024"]), ("tuần 2024", [])],
)
def test_dates_rules_drive_the_finder(text: str, expected: list[str]) -> None:
    # a cue word added in the rules is all it takes; nothing in the code knows it
    rules = DateRules.model_validate(
        {
            "words": {"cue": ["của"]},
            "parts": {"Y": r"(?P<y>\d{4})"},
            "patterns": [{"id": "after_cue", "pattern": r"(?<={cue}\s+){Y}"}],
        }
    )
    assert [m.iso for m in DateFinder(rules).find(text)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Hội nghị diễn ra 25-26/12 tại Huế", [("25-26/12", "--12-25/--12-26")]),
        ("từ ngày 28/4 đến ngày 2/5", [("28/4 đến ngày 2/5", "--04-28/--05-02")]),
        ("đợt 1: 3 – 5/9, đợt 2", [("3 – 5/9", "--09-03/--09-05")]),
        ("hai ngày 29-29/2 là", []),
        ("ngày 28-30/2 là", []),
        ("Chiều 12/5 và 14-15/5/2024", [("14-15/5/2024", "2024-05-14/2024-05-15")]),
    ],
)
def test_dates_yearless_mentions_only_on_request(
    text: str, expected: list[tuple[str, str]]
) -> None:
    found = find_dates(text, yearless=True)
    assert [(m.text, m.iso) for m in found] == expected
    assert [m.text for m in find_dates(text)] == [t for t, iso in expected if iso[0] != "-"]


@pytest.mark.parametrize(
    ("pivot", "text", "iso"),
    [
        (70, "ngày 1/2/69", "2069-02-01"),
        (70, "ngày 1/2/70", "1970-02-01"),
        (50, "ngày 1/2/69", "1969-02-01"),
    ],
)
def test_dates_two_digit_year_pivot_is_a_rule(pivot: int, text: str, iso: str) -> None:
    rules = load_rules(files={"dates.yml": "vnextract.figures.dates:DateRules"})["dates.yml"]
    rules = rules.model_copy(update={"two_digit_year_pivot": pivot})
    assert [m.iso for m in DateFinder(rules).find(text)] == [iso]


@pytest.fixture(scope="module")
def extractor():
    from vnextract.pipeline import Extractor

    return Extractor(entities=False)


@pytest.mark.parametrize(
    ("text", "figures", "dates", "period"),
    [
        # a month without "tháng" is the period, not a figure
        (
            "Tính đến 11/2023, toàn tỉnh có 300 hộ dùng điện mặt trời.",
            ["300"],
            ["2023-11"],
            "2023-11",
        ),
        ("Đến cuối 3.2019, huyện có 2.000 trạm.", ["2.000"], ["2019-03"], "2019-03"),
        ("Cập nhật thg 1/2024 có 15 xã đạt chuẩn.", ["15"], ["2024-01"], "2024-01"),
        ("Từ 11/2023 đến nay đã triển khai 12 mô hình.", ["12"], ["2023-11"], "2023-11"),
        # a yearless day range is neither a figure nor a DATE
        ("Hội nghị diễn ra 25-26/12 tại Huế với 300 đại biểu.", ["300"], [], None),
        # quarters and counts of months give the period as a span of months
        (
            "Trong quý 02/2021 có 30 dự án được cấp phép.",
            ["30"],
            ["2021-04/2021-06"],
            "2021-04/2021-06",
        ),
        (
            "Sáu tháng đầu năm 2024 có 500 hộ thoát nghèo.",
            ["500"],
            ["2024-01/2024-06"],
            "2024-01/2024-06",
        ),
        ("Trong tháng Chín năm 2023 có 200 hồ sơ.", ["200"], ["2023-09"], "2023-09"),
        ("Từ tháng 02-03/2024 có 200 hồ sơ.", ["200"], ["2024-02/2024-03"], "2024-02/2024-03"),
        # a ratio whose total looks like a year stays a figure
        ("Có 5/2000 hộ chưa có điện lưới.", ["5/2000"], [], None),
    ],
)
def test_dates_in_pipeline_keep_figures_and_periods(
    extractor, text: str, figures: list[str], dates: list[str], period: str | None
) -> None:
    result = extractor.process_text(text, "t")
    assert [r.value_text for r in result.records] == figures
    assert [e.canonical for e in result.entities if e.label == "DATE"] == dates
    assert result.records[0].period == period


@pytest.mark.parametrize(
    ("text", "expected"),
    [("báo cáo của 2024", ["2024"]), ("báo cáo 2024", [])],
)
def test_dates_requires_gates_a_pattern(text: str, expected: list[str]) -> None:
    rules = DateRules.model_validate(
        {
            "words": {"cue": ["của"]},
            "patterns": [{"id": "any_year", "pattern": r"(?P<y>\d{4})", "requires": ["cue"]}],
        }
    )
    assert [m.iso for m in DateFinder(rules).find(text)] == expected
