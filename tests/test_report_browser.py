"""The review report in a real headless Chromium (Debian's ``chromium``, driven by Playwright).

Uses the output folder of ``test_report_build.make_output``. Skips, saying why, when
Playwright or the Chromium binary is missing. Screenshots go to the repo's ``output/``.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from test_report_build import CHART_DOCS, make_output
from vnextract.output.db.decisions import read_decisions
from vnextract.output.report import write_report
from vnextract.output.report.browser import LAUNCH_ARGS, find_chromium

CHROMIUM = find_chromium()
SHOTS = Path(__file__).resolve().parents[1] / "output"

sync_api = pytest.importorskip(
    "playwright.sync_api", reason="playwright not installed: pip install -e '.[dev]'"
)
if not Path(CHROMIUM).exists():
    pytest.skip(
        "Chromium not found: apt-get install chromium (or set VNEXTRACT_CHROMIUM)",
        allow_module_level=True,
    )


@pytest.fixture(scope="module")
def browser(tmp_path_factory: pytest.TempPathFactory) -> Iterator[object]:
    profile = tmp_path_factory.mktemp("chromium-profile")
    with sync_api.sync_playwright() as pw:
        # a persistent context gives the fresh --user-data-dir the flags above expect
        context = pw.chromium.launch_persistent_context(
            str(profile),
            executable_path=CHROMIUM,
            headless=True,
            args=LAUNCH_ARGS,
            accept_downloads=True,
            viewport={"width": 1280, "height": 720},
        )
        yield context
        context.close()


@pytest.fixture(scope="module")
def report(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = make_output(tmp_path_factory.mktemp("run") / "output")
    return write_report(out).parent


@pytest.fixture(scope="module")
def chart_report(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = make_output(tmp_path_factory.mktemp("charts") / "output", CHART_DOCS)
    return write_report(out).parent


@pytest.fixture()
def page(browser: object) -> Iterator[object]:
    """A page that records console errors, uncaught exceptions and any dialog."""
    pg = browser.new_page()
    problems: list[str] = []
    pg.on("console", lambda m: problems.append(m.text) if m.type == "error" else None)
    pg.on("pageerror", lambda e: problems.append(str(e)))

    def on_dialog(dialog: object) -> None:
        problems.append(f"dialog: {dialog.message}")
        dialog.dismiss()

    pg.on("dialog", on_dialog)
    pg.problems = problems
    yield pg
    pg.evaluate("localStorage.clear()")
    pg.close()


def _open(pg: object, path: Path) -> None:
    pg.goto(path.as_uri())
    pg.wait_for_function("document.documentElement.dataset.ready === '1'")


def _records(report: Path) -> list[dict]:
    lines = (report.parent / "records.jsonl").read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines]


def test_report_browser_every_record_highlighted_without_errors(report: Path, page) -> None:
    records = _records(report)
    seen = 0
    for doc_page in sorted((report / "docs").glob("*.html")):
        _open(page, doc_page)
        seen += page.locator("#text mark[data-record-id]").count()
    for name in ("index.html", "records.html", "charts.html"):
        _open(page, report / name)
    assert seen == len(records)
    assert page.problems == []


def test_report_browser_row_click_scrolls_to_highlight(report: Path, page) -> None:
    page.set_viewport_size({"width": 1100, "height": 330})
    _open(page, report / "docs" / "a01_nghe_an.html")
    target = next(r for r in _records(report) if r["value_text"] == "320 tỷ")
    mark = page.locator(f"#r-{target['record_id']}")

    def visible() -> bool:
        return page.evaluate(
            """id => { const m = document.getElementById('r-' + id).getBoundingClientRect();
                      const t = document.getElementById('text').getBoundingClientRect();
                      return m.top >= t.top && m.bottom <= t.bottom
                             && m.top >= 0 && m.bottom <= window.innerHeight; }""",
            target["record_id"],
        )

    assert not visible()  # the text pane starts at the top; the mark is below the fold
    page.locator(f'[data-row-id="{target["record_id"]}"] a.goto').click()
    page.wait_for_function(
        "id => document.getElementById('r-' + id).classList.contains('focus')",
        arg=target["record_id"],
    )
    assert visible()
    # a click on the highlight opens the record's fields
    page.set_viewport_size({"width": 1280, "height": 720})
    mark.click()
    assert "Doanh thu bưu chính" in page.locator("#popover").inner_text()
    SHOTS.mkdir(exist_ok=True)
    page.screenshot(path=str(SHOTS / "report_document.png"))
    assert page.problems == []


@pytest.mark.parametrize(
    ("filter_name", "value", "expected"),
    [
        ("province", "Hà Tĩnh", 4),
        ("flags", "conflict", 2),
        ("flags", "no_subject", 1),
        ("kind", "target", 1),
        ("unit", "%", 2),
    ],
)
def test_report_browser_filters_change_row_count(
    report: Path, page, filter_name: str, value: str, expected: int
) -> None:
    _open(page, report / "records.html")
    rows = page.locator("#all-records tbody tr")
    assert rows.count() == len(_records(report))
    page.select_option(f'select[data-filter="{filter_name}"]', value)
    assert rows.count() == expected
    assert page.locator("#match-count").get_attribute("data-count") == str(expected)
    assert page.problems == []


def test_report_browser_sort_by_value(report: Path, page) -> None:
    _open(page, report / "records.html")
    page.locator('th[data-sort="value"]').click()
    first = page.locator("#all-records tbody tr").first.locator("td").nth(1).inner_text()
    page.locator('th[data-sort="value"]').click()
    last = page.locator("#all-records tbody tr").first.locator("td").nth(1).inner_text()
    assert (first, last) == ("18/21", "320 tỷ")
    SHOTS.mkdir(exist_ok=True)
    page.screenshot(path=str(SHOTS / "report_records.png"), full_page=True)


def test_report_browser_article_markup_shown_as_text(report: Path, page) -> None:
    _open(page, report / "docs" / "b02_ha_tinh.html")
    text = page.locator("#text").inner_text()
    assert "<script>alert(1)</script>" in text
    assert "TT&amp;TT" in text
    assert "<b>kỹ năng số</b>" in text
    assert page.locator("#text script, #text b").count() == 0
    assert page.problems == []  # no alert() dialog fired


def test_report_browser_decisions_survive_reload_and_export(
    report: Path, page, tmp_path: Path
) -> None:
    _open(page, report / "docs" / "c03_ha_tinh.html")
    record = next(r for r in _records(report) if r["doc_id"] == "c03_ha_tinh")
    row = page.locator(f'[data-row-id="{record["record_id"]}"]')
    page.fill("#reviewer", "Lê Thị Hoa")
    page.locator("#reviewer").dispatch_event("change")
    row.locator(".note").fill("số liệu khác bài b02, đã kiểm tra")
    row.locator("button.no").click()
    page.reload()
    page.wait_for_function("document.documentElement.dataset.ready === '1'")
    assert "rejected" in (row.get_attribute("class") or "")
    assert page.locator(f"#r-{record['record_id']}.rejected").count() == 1

    with page.expect_download() as info:
        page.click("#export-csv")
    path = tmp_path / "decisions.csv"
    info.value.save_as(path)
    with path.open(encoding="utf-8", newline="") as handle:
        assert handle.readline().strip() == "record_id,doc_id,decision,note,reviewer,decided_at"
        handle.seek(0)
        rows = list(csv.DictReader(handle))
    assert [
        (r["record_id"], r["doc_id"], r["decision"], r["note"], r["reviewer"]) for r in rows
    ] == [
        (
            record["record_id"],
            "c03_ha_tinh",
            "rejected",
            "số liệu khác bài b02, đã kiểm tra",
            "Lê Thị Hoa",
        )
    ]
    assert rows[0]["decided_at"].endswith("Z") and "T" in rows[0]["decided_at"]
    # the exported file reads back with vnextract's own reader
    (back,) = read_decisions(path)
    assert (back.record_id, back.decision, back.reviewer) == (
        record["record_id"],
        "rejected",
        "Lê Thị Hoa",
    )

    with page.expect_download() as info:
        page.click("#export-json")
    info.value.save_as(tmp_path / "decisions.json")
    data = json.loads((tmp_path / "decisions.json").read_text(encoding="utf-8"))
    assert [d.decision for d in read_decisions(tmp_path / "decisions.json")] == ["rejected"]
    assert data[0]["decision"] == "rejected" and set(data[0]) == {
        "record_id",
        "doc_id",
        "decision",
        "note",
        "reviewer",
        "decided_at",
    }
    assert page.problems == []


def test_report_browser_review_notes_are_visible(report: Path, page) -> None:
    _open(page, report / "docs" / "a01_nghe_an.html")
    notes = page.locator("#text mark.note")
    assert notes.count() == 2
    styles = notes.evaluate_all(
        """marks => marks.map(m => { const s = getComputedStyle(m);
              return [s.textDecorationLine, s.textDecorationStyle, s.textDecorationColor,
                      s.borderBottomStyle]; })"""
    )
    for line, style, colour, border in styles:
        # an underline (or a border) that is drawn, in a colour that is not transparent
        assert ("underline" in line and style == "wavy") or border != "none", (line, border)
        assert colour not in ("rgba(0, 0, 0, 0)", "transparent")
    SHOTS.mkdir(exist_ok=True)
    page.locator("#text").screenshot(path=str(SHOTS / "report_notes.png"))
    assert page.problems == []


@pytest.mark.parametrize("which", ["report", "chart_report"])
def test_report_browser_chart_labels_inside_their_svg(which: str, page, request) -> None:
    _open(page, request.getfixturevalue(which) / "charts.html")
    outside = page.evaluate(
        """() => [...document.querySelectorAll("svg.chart")].flatMap(svg => {
             const box = svg.getBoundingClientRect();
             return [...svg.querySelectorAll("text")].filter(t => {
               const r = t.getBoundingClientRect();
               return r.left < box.left - 0.5 || r.right > box.right + 0.5
                   || r.top < box.top - 0.5 || r.bottom > box.bottom + 0.5;
             }).map(t => t.textContent); })"""
    )
    assert page.locator("svg.chart").count() >= 1
    assert outside == []  # each of these labels would be cut off at the chart's edge
    SHOTS.mkdir(exist_ok=True)
    page.screenshot(path=str(SHOTS / f"report_charts_{which}.png"), full_page=True)
    assert page.problems == []


def test_report_browser_records_table_shows_written_and_normalised_value(
    report: Path, page
) -> None:
    _open(page, report / "records.html")
    head = page.locator("#all-records thead th").all_inner_texts()
    rows = page.locator("#all-records tbody tr")
    cells = {}
    for i in range(rows.count()):
        row = dict(zip(head, rows.nth(i).locator("td").all_inner_texts(), strict=True))
        cells[row["Number"]] = row["Value"]
    assert cells["320 tỷ"] == "320.000.000.000"
    assert cells["1.245.000"] == "≥ 1.245.000 est."
    assert cells["18/21"] == "18 / 21"
    assert page.problems == []
