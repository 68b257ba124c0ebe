"""The bounded memos of the per-line and per-sentence stages: a text read again gives
what it gave the first time, a caller changing what it got changes nothing later, and
the memo never outgrows its limit. Sentences written for these tests."""

from __future__ import annotations

import pytest

import vnextract.figures.dates as dates_module
import vnextract.ingest.furniture as furniture_module
import vnextract.records.placement as placement_module
from vnextract.core.rules import default_rules
from vnextract.figures.dates import DateFinder
from vnextract.ingest.furniture import _cleaner, default_boilerplate, find_furniture
from vnextract.pipeline import Extractor

SENTENCES = [
    "Ngày 12/3/2025, tỉnh tổ chức hội nghị tổng kết năm 2024.",
    "Quý II/2024 doanh thu đạt 1.250 tỷ đồng.",
    "Từ ngày 5-7/9/2023, đoàn công tác làm việc tại 25-26/12.",
]


def test_memo_dates_repeat_and_callers_cannot_change_them() -> None:
    finder = DateFinder(default_rules()["dates.yml"])
    first = [finder.find(s, yearless=True) for s in SENTENCES]
    for found in first:
        found.clear()  # a caller's change to its list
    again = [finder.find(s, yearless=True) for s in SENTENCES]
    fresh = DateFinder(default_rules()["dates.yml"])
    assert again == [fresh.find(s, yearless=True) for s in SENTENCES]
    assert any(again)
    # the year-less reading is kept apart from the dated one
    assert finder.find(SENTENCES[2]) != finder.find(SENTENCES[2], yearless=True)


def test_memo_dates_bounded(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(dates_module, "_MEMO_TEXTS", 2)
    finder = DateFinder(default_rules()["dates.yml"])
    for i in range(10):
        finder.find(f"Năm {2000 + i} có {i + 3} xã đạt chuẩn.")
        assert len(finder._memo) <= 2


FURNITURE_PAGE = "\n".join(
    [
        "Trang chủ » Tin tức » Kinh tế",
        "Tỉnh có 120 xã đạt chuẩn nông thôn mới (Ảnh: Minh Hà).",
        "Trang chủ » Tin tức » Kinh tế",
        "Bản quyền thuộc Cổng thông tin điện tử tỉnh.",
    ]
)


def test_memo_furniture_lines_read_again_give_the_same_spans() -> None:
    first = find_furniture(FURNITURE_PAGE)
    again = find_furniture(FURNITURE_PAGE)
    assert first == again
    # the repeated header line is furniture at both of its places
    header = len("Trang chủ » Tin tức » Kinh tế")
    starts = {f.start for f in first}
    assert 0 in starts and FURNITURE_PAGE.index("Trang chủ", header) in starts


def test_memo_furniture_bounded(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(furniture_module, "_MEMO_LINES", 3)
    cleaner = _cleaner(default_boilerplate())
    cleaner._memo.clear()
    find_furniture("\n".join(f"Dòng thứ {i} nói về {i * 7} hộ dân." for i in range(12)))
    assert len(cleaner._memo) <= 3


def test_memo_figures_same_records_when_sentences_recur(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(placement_module, "_MEMO_SENTENCES", 2)
    text = (
        "Năm 2024, toàn tỉnh có 1.250 hộ thoát nghèo. Doanh thu đạt 320 tỷ đồng. "
        "Năm 2024, toàn tỉnh có 1.250 hộ thoát nghèo."
    )
    extractor = Extractor(entities=False)
    once = extractor.process_text(text, "a").records
    twice = extractor.process_text(text, "a").records
    assert [r.value for r in once] == [r.value for r in twice] == [1250, 320e9, 1250]
    assert len(extractor.records._memo) <= 2
