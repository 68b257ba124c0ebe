"""Date finding: a table of forms we wrote, negatives, offsets and rule errors.

New forms go in POSITIVE or NEGATIVE below, one row each; the vocabulary they
need goes in rules/dates.yml.
"""

from __future__ import annotations

import unicodedata
from itertools import pairwise
from pathlib import Path

import pytest

from vnextract.dates import DateFinder, DateRules, find_dates
from vnextract.errors import RuleError
from vnextract.rules import load_rules, rules_dir

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


_FILES = {"dates.yml": "vnextract.dates:DateRules"}


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
