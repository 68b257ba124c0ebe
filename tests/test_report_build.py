"""Tests for vnextract.output.report.build: the pages written for a small output folder.

The output folder is written here from Python (``make_output``) with Vietnamese text we
wrote ourselves; the browser tests in ``test_report_browser.py`` reuse it. New cases go
into ``DOCS`` below.
"""

from __future__ import annotations

import hashlib
import itertools
import json
import re
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest

from vnextract.output.report import ReportInputError, write_report
from vnextract.output.report.build import page_name

A_TEXT = (
    "Nghệ An đẩy mạnh chuyển đổi số\n"
    "Ngày 12/02/2024, Sở Thông tin và Truyền thông tỉnh Nghệ An cho biết toàn tỉnh có "
    "1.245.000 thuê bao di động, đạt 105% kế hoạch năm.\n"
    "Tỷ lệ hồ sơ trực tuyến đạt 87,5%, tăng 12% so với cùng kỳ.\n"
    "Có 18/21 huyện đã triển khai hệ thống họp trực tuyến.\n"
    "Năm 2024, tỉnh phấn đấu 95% xã có điểm phục vụ bưu chính.\n"
    "Doanh thu bưu chính đạt 320 tỷ đồng, bằng 98% kế hoạch.\n"
    "Trong năm, có 3 đợt kiểm tra được tổ chức."
)
B_TEXT = (
    "Sở TT&amp;TT Hà Tĩnh: <script>alert(1)</script> đã cấp 4.300 chữ ký số cho cán bộ.\n"
    "Theo Kế hoạch số 25/KH-UBND, có 150 cán bộ được đào tạo <b>kỹ năng số</b>."
)
C_TEXT = "Năm 2023, Hà Tĩnh cấp 4.500 chữ ký số cho cán bộ, công chức."

# doc_id -> (document fields, records as (anchor, value_text, fields), entities, notes)
DOCS: dict[str, dict[str, Any]] = {
    "a01_nghe_an": {
        "doc": {"title": "Nghệ An đẩy mạnh chuyển đổi số", "published": "2024-02-12",
                "province": "Nghệ An", "text": A_TEXT},
        "records": [
            ("có 1.245.000 thuê", "1.245.000",
             {"value": 1245000, "unit": "thuê bao", "subject": "thuê bao di động",
              "bound": ">=", "estimated": True,
              "indicator_id": "mobile_subscribers", "period": "2023", "plan_percent": 105.0}),
            ("đạt 87,5%", "87,5",
             {"value": 87.5, "unit": "%", "subject": "Tỷ lệ hồ sơ trực tuyến",
              "indicator_id": "online_dossier_rate", "period": "2023", "change_percent": 12.0}),
            ("Có 18/21", "18/21",
             {"value": 18, "total": 21, "unit": "huyện",
              "subject": "huyện đã triển khai hệ thống họp trực tuyến"}),
            ("đấu 95%", "95", {"value": 95, "unit": "%", "subject": "", "kind": "target"}),
            ("đạt 320 tỷ", "320 tỷ",
             {"value": 320e9, "unit": "VND", "subject": "Doanh thu bưu chính",
              "indicator_id": "postal_revenue", "period": "2023"}),
        ],
        "entities": [
            ("Sở Thông tin và Truyền thông tỉnh Nghệ An", "AGENCY"),
            ("Nghệ An đẩy", "LOCATION", "Nghệ An"),
            ("tỉnh Nghệ An cho", "LOCATION", "tỉnh Nghệ An"),
            ("12/02/2024", "DATE"),
            # crosses the end of the first record's number + unit: both must still render
            ("biết toàn tỉnh có 1.245.000", "ORG"),
        ],
        "notes": [
            ("98%", "unattached_share_of_plan"),
            ("có 3 đợt", "number_without_record", "3"),
        ],
    },
    "b02_ha_tinh": {
        "doc": {"title": "Hà Tĩnh <script>alert(2)</script> cấp chữ ký số",
                "published": "2024-03-01", "province": "Hà Tĩnh", "text": B_TEXT},
        "records": [
            ("cấp 4.300", "4.300",
             {"value": 4300, "unit": "chữ ký số", "subject": "chữ ký số",
              "indicator_id": "digital_signatures", "period": "2023"}),
            # a false positive inside a LEGAL_DOC entity: still highlighted
            ("số 25/", "25", {"value": 25, "unit": "kh-ubnd", "subject": "Kế hoạch"}),
            ("có 150", "150",
             {"value": 150, "unit": "cán bộ", "subject": "cán bộ được đào tạo <b>kỹ năng số</b>"}),
        ],
        "entities": [
            ("Sở TT&amp;TT Hà Tĩnh", "AGENCY", "Sở Thông tin và Truyền thông Hà Tĩnh"),
            ("Kế hoạch số 25/KH-UBND", "LEGAL_DOC"),
        ],
        "notes": [],
    },
    "c03_ha_tinh": {
        "doc": {"title": "Hà Tĩnh cấp thêm chữ ký số", "published": "2024-01-15",
                "province": "Hà Tĩnh", "text": C_TEXT},
        "records": [
            ("cấp 4.500", "4.500",
             {"value": 4500, "unit": "chữ ký số", "subject": "chữ ký số",
              "indicator_id": "digital_signatures", "period": "2023"}),
        ],
        "entities": [("Năm 2023", "DATE", "2023"), ("Hà Tĩnh", "LOCATION")],
        "notes": [],
    },
}  # fmt: skip

# One indicator over two periods in two provinces with long names and large values: the
# line chart's tick labels, legend and the heat map's turned column labels must all fit.
_REVENUE = "Năm {year}, doanh thu viễn thông của {where} đạt {n} tỷ đồng."
CHART_DOCS: dict[str, dict[str, Any]] = {
    f"{key}_{year}": {
        "doc": {"title": f"Doanh thu viễn thông {year}", "published": f"{year + 1}-01-10",
                "province": where, "text": _REVENUE.format(year=year, where=where, n=n)},
        "records": [(f"đạt {n} tỷ", f"{n} tỷ",
                     {"value": float(n.replace(".", "")) * 1e9, "unit": "VND",
                      "subject": "doanh thu viễn thông", "indicator_id": "telecom_revenue",
                      "period": str(year)})],
        "entities": [],
        "notes": [],
    }
    for key, where, year, n in (
        ("hcm", "Thành phố Hồ Chí Minh", 2022, "1.234.567"),
        ("hcm", "Thành phố Hồ Chí Minh", 2023, "1.345.678"),
        ("brvt", "Bà Rịa - Vũng Tàu", 2022, "456.789"),
        ("brvt", "Bà Rịa - Vũng Tàu", 2023, "512.300"),
    )
}  # fmt: skip


def _sentences(text: str) -> list[tuple[int, str]]:
    """One sentence per line: enough structure for the report, which only reads offsets."""
    out, pos = [], 0
    for line in text.split("\n"):
        out.append((pos, line))
        pos += len(line) + 1
    return out


def _locate(text: str, anchor: str, inner: str) -> tuple[int, int]:
    start = text.index(anchor) + anchor.index(inner)
    return start, start + len(inner)


def _sentence_of(text: str, offset: int) -> tuple[int, str]:
    sentences = _sentences(text)
    for index, (start, line) in enumerate(sentences):
        if start <= offset <= start + len(line):
            return index, line
    raise AssertionError(offset)


def make_output(out_dir: Path, docs: dict[str, dict[str, Any]] = DOCS) -> Path:
    """Write documents/records/entities/officials.jsonl per OUTPUT.md; return out_dir."""
    out_dir.mkdir(parents=True, exist_ok=True)
    documents, records, entities, officials = [], [], [], []
    for doc_id, spec in docs.items():
        text = spec["doc"]["text"]
        notes = []
        for anchor, kind, *inner in spec["notes"]:
            start, end = _locate(text, anchor, inner[0] if inner else anchor)
            index, _ = _sentence_of(text, start)
            notes.append({"kind": kind, "text": text[start:end], "char_start": start,
                          "char_end": end, "sentence_index": index})  # fmt: skip
        documents.append(
            {
                "doc_id": doc_id,
                "source": f"corpus/{doc_id}.txt",
                "sha256": hashlib.sha256(text.encode()).hexdigest(),
                "status": "ok",
                "error": None,
                **spec["doc"],
                "review_notes": notes,
            }
        )
        for anchor, value_text, fields in spec["records"]:
            start, end = _locate(text, anchor, value_text)
            index, sentence = _sentence_of(text, start)
            rid = hashlib.sha1(f"{doc_id}:{start}:{end}".encode()).hexdigest()[:16]
            rec = {"record_id": rid, "doc_id": doc_id, "sentence_index": index,
                   "sentence": sentence, "char_start": start, "char_end": end,
                   "value_max": None, "value_text": value_text, "per": None, "total": None,
                   "indicator_id": None, "bound": "=", "estimated": False, "kind": "actual",
                   "plan_percent": None, "change_percent": None, "period": None,
                   "province": spec["doc"]["province"], "agency": None, "rule": "test"}  # fmt: skip
            rec.update(fields)
            assert text[start:end] == value_text
            records.append(rec)
        for anchor, label, *canonical in spec["entities"]:
            surface = canonical[0] if canonical and canonical[0] in anchor else anchor
            start, end = _locate(text, anchor, surface)
            entities.append(
                {
                    "doc_id": doc_id,
                    "label": label,
                    "text": text[start:end],
                    "canonical": canonical[0] if canonical else text[start:end],
                    "char_start": start,
                    "char_end": end,
                    "sentence_index": _sentence_of(text, start)[0],
                }
            )
    documents.append(
        {
            "doc_id": "d04_loi",
            "source": "corpus/d04_loi.pdf",
            "sha256": "0" * 64,
            "title": None,
            "published": None,
            "province": None,
            "text": "",
            "status": "error",
            "error": "corpus/d04_loi.pdf: binary data, not text (PDF).",
        }
    )
    officials.append({"doc_id": "a01_nghe_an", "name": "Trần Văn Minh", "title": "Giám đốc",
                      "agency": "Sở Thông tin và Truyền thông Nghệ An", "char_start": 0,
                      "char_end": 0, "sentence_index": None})  # fmt: skip
    for name, rows in (("documents", documents), ("records", records),
                       ("entities", entities), ("officials", officials)):  # fmt: skip
        with (out_dir / f"{name}.jsonl").open("w", encoding="utf-8") as handle:
            for row in rows:
                handle.write(json.dumps(row, ensure_ascii=False) + "\n")
    return out_dir


class _ArticleText(HTMLParser):
    """Collect the article's text and its marks, as a browser's textContent would."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.depth = 0
        self.parts: list[str] = []
        self.marks: list[dict[str, str | None]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if self.depth:
            self.depth += 1
            if tag == "mark":
                self.marks.append(dict(attrs))
            else:
                raise AssertionError(f"unexpected <{tag}> inside the article text")
        elif tag == "article":
            self.depth = 1

    def handle_endtag(self, tag: str) -> None:
        if self.depth:
            self.depth -= 1

    def handle_data(self, data: str) -> None:
        if self.depth:
            self.parts.append(data)


def _article(page: Path) -> _ArticleText:
    parser = _ArticleText()
    parser.feed(page.read_text(encoding="utf-8"))
    return parser


def _rows(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


@pytest.fixture()
def report(tmp_path: Path) -> tuple[Path, Path]:
    out = make_output(tmp_path / "output")
    return out, write_report(out)


def test_report_build_writes_every_page(report: tuple[Path, Path]) -> None:
    out, index = report
    assert index == out / "report" / "index.html"
    for name in ("index.html", "records.html", "charts.html"):
        assert (out / "report" / name).is_file()
    doc_ids = [d["doc_id"] for d in _rows(out / "documents.jsonl")]
    assert sorted(p.name for p in (out / "report" / "docs").iterdir()) == sorted(
        page_name(d) for d in doc_ids
    )


@pytest.mark.parametrize("doc_id", ["a01_nghe_an", "b02_ha_tinh", "c03_ha_tinh"])
def test_report_build_text_kept_and_every_record_marked(
    report: tuple[Path, Path], doc_id: str
) -> None:
    out, _ = report
    article = _article(out / "report" / "docs" / page_name(doc_id))
    text = next(d["text"] for d in _rows(out / "documents.jsonl") if d["doc_id"] == doc_id)
    # the page shows the stored text exactly: no character added, lost or unescaped
    assert "".join(article.parts) == text
    want = sorted(r["record_id"] for r in _rows(out / "records.jsonl") if r["doc_id"] == doc_id)
    got = sorted(m["data-record-id"] for m in article.marks if m.get("data-record-id"))
    assert got == want
    labels = sorted(m["data-label"] for m in article.marks if m.get("data-label"))
    want_labels = sorted(e["label"] for e in _rows(out / "entities.jsonl") if e["doc_id"] == doc_id)
    # crossing entities may be cut into pieces, so each label shows up at least once
    assert set(labels) == set(want_labels)


@pytest.mark.parametrize(
    "page",
    ["docs/b02_ha_tinh.html", "records.html", "index.html"],
)
def test_report_build_article_markup_is_text(report: tuple[Path, Path], page: str) -> None:
    out, _ = report
    html = (out / "report" / page).read_text(encoding="utf-8")
    assert "<script>alert(" not in html
    assert "<b>kỹ năng số</b>" not in html
    # only the report's own script tags (inline JS, JSON data) are there
    assert len(re.findall(r"<script[ >]", html)) == html.count("</script>")


def test_report_build_entity_reference_shown_literally(report: tuple[Path, Path]) -> None:
    out, _ = report
    html = (out / "report" / "docs" / "b02_ha_tinh.html").read_text(encoding="utf-8")
    assert "TT&amp;amp;TT" in html  # the article's "&amp;" is five characters, shown as such
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html


def test_report_build_index_lists_error_with_reason(report: tuple[Path, Path]) -> None:
    out, _ = report
    html = (out / "report" / "index.html").read_text(encoding="utf-8")
    errors = html[html.index('id="errors"') : html.index("</section>")]
    assert "d04_loi" in errors and "binary data, not text (PDF)." in errors


@pytest.mark.parametrize(
    ("files", "expected"),
    [
        ({}, "no documents.jsonl here"),
        ({"documents.jsonl": '{"doc_id": "x"}\n[1, 2]\n'}, "documents.jsonl:2: not a JSON object"),
        (
            {"documents.jsonl": '{"doc_id": "x"}\n{"doc_id": \n'},
            "documents.jsonl:2: not valid JSON",
        ),
        # every problem is listed, not only the first
        ({"documents.jsonl": '[1]\n{"doc_id": \n'}, "documents.jsonl:2: not valid JSON"),
        (
            {"documents.jsonl": '{"doc_id": "x"}\n', "records.jsonl": '{"doc_id": "x"}\n'},
            "records.jsonl:1: field 'record_id' is missing",
        ),
    ],
)
def test_report_build_bad_output_folder_says_how_to_fix(
    tmp_path: Path, files: dict[str, str], expected: str
) -> None:
    for name, content in files.items():
        (tmp_path / name).write_text(content, encoding="utf-8")
    with pytest.raises(ReportInputError) as info:
        write_report(tmp_path)
    assert expected in str(info.value)
    assert "vnextract run" in str(info.value)  # the fix


def test_report_build_report_dir_is_a_file(tmp_path: Path) -> None:
    out = make_output(tmp_path / "output")
    (tmp_path / "taken").write_text("x", encoding="utf-8")
    with pytest.raises(ReportInputError, match="is a file"):
        write_report(out, report_dir=tmp_path / "taken")


def test_report_build_rebuild_drops_pages_of_gone_documents(tmp_path: Path) -> None:
    out = make_output(tmp_path / "output")
    write_report(out)
    make_output(out, {k: v for k, v in DOCS.items() if k != "c03_ha_tinh"})
    write_report(out)
    assert not (out / "report" / "docs" / "c03_ha_tinh.html").exists()
    assert (out / "report" / "docs" / "b02_ha_tinh.html").exists()


@pytest.mark.parametrize(
    ("doc_id", "expected"),
    [("a01_nghe_an", "a01_nghe_an.html"), ("bài viết #1", None), ("../x", None)],
)
def test_report_build_page_name_is_file_safe(doc_id: str, expected: str | None) -> None:
    name = page_name(doc_id)
    if expected:
        assert name == expected
    assert re.fullmatch(r"[A-Za-z0-9._-]+\.html", name) and "/" not in name
    assert name != page_name(doc_id + "x")


class _Tables(HTMLParser):
    """Cell texts of every table with an id: ``tables[id]`` is a list of rows of cells."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tables: dict[str, list[list[str]]] = {}
        self._table: str | None = None
        self._cell: list[str] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "table" and dict(attrs).get("id"):
            self._table = dict(attrs)["id"]
            self.tables[self._table] = []
        elif self._table and tag == "tr":
            self.tables[self._table].append([])
        elif self._table and tag in ("td", "th"):
            self._cell = []

    def handle_endtag(self, tag: str) -> None:
        if tag in ("td", "th") and self._cell is not None and self._table:
            self.tables[self._table][-1].append(" ".join("".join(self._cell).split()))
            self._cell = None
        elif tag == "table":
            self._table = None

    def handle_data(self, data: str) -> None:
        if self._cell is not None:
            self._cell.append(data)


def _table(page: Path, table_id: str) -> list[dict[str, str]]:
    """Rows of a table as {header: cell text}."""
    parser = _Tables()
    parser.feed(page.read_text(encoding="utf-8"))
    head, *rows = parser.tables[table_id]
    return [dict(zip(head, row, strict=True)) for row in rows]


def test_report_build_index_need_a_look_total_is_the_column_sum(
    report: tuple[Path, Path],
) -> None:
    _, index = report
    html = index.read_text(encoding="utf-8")
    column = [int(row["Need a look"]) for row in _table(index, "documents")]
    total = re.search(r'id="need-look" data-count="(\d+)"[^>]*>(\d+) need a look<', html)
    assert total, "the index header gives no 'need a look' total"
    assert int(total[1]) == int(total[2]) == sum(column)
    # 2 flagged records + 2 review notes in a01, one conflict each in b02 and c03
    assert column == [4, 1, 1, 0]
    assert "(4 flagged records, 2 numbers to check)" in html


@pytest.mark.parametrize(
    ("number", "value"),
    [
        ("1.245.000", "≥ 1.245.000 est."),  # bound and estimate from the record
        ("87,5", "87,5"),
        ("18/21", "18 / 21"),  # a ratio shows its denominator
        ("320 tỷ", "320.000.000.000"),  # the scale word applied
    ],
)
def test_report_build_document_table_shows_written_and_normalised_value(
    report: tuple[Path, Path], number: str, value: str
) -> None:
    out, _ = report
    rows = _table(out / "report" / "docs" / "a01_nghe_an.html", "doc-records")
    row = next(r for r in rows if r["Number"] == number)
    assert row["Value"] == value


class _Svg(HTMLParser):
    """Every element inside the charts' <svg>, with its attributes, text and enclosing <g>."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.elements: list[dict[str, Any]] = []
        self._open: list[dict[str, Any]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        group = next((e for e in reversed(self._open) if e["tag"] == "g"), None)
        element = {"tag": tag, "attrs": dict(attrs), "text": "", "group": group}
        self.elements.append(element)
        self._open.append(element)

    def handle_endtag(self, tag: str) -> None:
        while self._open and self._open.pop()["tag"] != tag:
            pass

    def handle_data(self, data: str) -> None:
        if self._open:
            self._open[-1]["text"] += data


def test_report_build_chart_legend_names_every_series(tmp_path: Path) -> None:
    out = make_output(tmp_path / "output", CHART_DOCS)
    write_report(out)
    parser = _Svg()
    parser.feed((out / "report" / "charts.html").read_text(encoding="utf-8"))
    svg = parser.elements
    series = {e["attrs"]["stroke"] for e in svg if e["tag"] == "polyline"}
    # what each colour stands for, read from the points' tooltips ("Province 2023: value")
    drawn = {
        e["attrs"]["fill"]: title["text"].rsplit(" ", 2)[0]
        for e, title in itertools.pairwise(svg)
        if e["tag"] == "circle" and title["tag"] == "title"
    }
    legend: dict[str, str] = {}
    for e in svg:
        group = e["group"]
        if e["tag"] == "text" and group and "legend-item" in group["attrs"].get("class", ""):
            swatch = next(s for s in svg if s["group"] is group and s["tag"] == "line")
            legend[swatch["attrs"]["stroke"]] = e["text"]
    assert len(series) == 2
    assert legend == {colour: drawn[colour] for colour in series}
    assert set(legend.values()) == {"Thành phố Hồ Chí Minh", "Bà Rịa - Vũng Tàu"}
    titles = {e["text"] for e in svg if "legend-title" in e["attrs"].get("class", "")}
    assert titles == {"Province"}
