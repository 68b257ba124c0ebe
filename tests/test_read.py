"""Reading and decoding article files; every text here was written for these tests."""

from __future__ import annotations

import codecs
import hashlib
import time
import unicodedata

import pytest

from vnextract.core.errors import DocumentError
from vnextract.ingest.decode import read_document
from vnextract.ingest.html import html_to_text

SENTENCE = "Năm 2023, tỉnh Quảng Trị có 1.250 trạm BTS, phủ sóng 98,5% số thôn."


@pytest.mark.parametrize(
    ("raw", "encoding"),
    [
        (SENTENCE.encode("utf-8"), "utf-8"),
        (codecs.BOM_UTF8 + SENTENCE.encode("utf-8"), "utf-8-sig"),
        (codecs.BOM_UTF16_LE + SENTENCE.encode("utf-16-le"), "utf-16-le"),
        (codecs.BOM_UTF16_BE + SENTENCE.encode("utf-16-be"), "utf-16-be"),
        (unicodedata.normalize("NFD", SENTENCE).encode("utf-8"), "utf-8"),
    ],
    ids=["utf8", "utf8-bom", "utf16le-bom", "utf16be-bom", "nfd"],
)
def test_read_decodes_to_nfc(tmp_path, raw, encoding):
    path = tmp_path / "bai.txt"
    path.write_bytes(raw)
    doc = read_document(path)
    assert doc.text == SENTENCE
    assert doc.encoding == encoding
    assert doc.sha256 == hashlib.sha256(raw).hexdigest()
    assert not doc.is_html


@pytest.mark.parametrize(
    ("raw", "text"),
    [
        (b"Dong 1\r\nDong 2\r\n", "Dong 1\nDong 2\n"),
        (b"Dong 1\rDong 2", "Dong 1\nDong 2"),
        (b"Dong 1\r\n\r\nDong 2\n", "Dong 1\n\nDong 2\n"),
    ],
    ids=["crlf", "cr", "mixed"],
)
def test_read_normalises_line_endings(tmp_path, raw, text):
    path = tmp_path / "bai.txt"
    path.write_bytes(raw)
    assert read_document(path).text == text


@pytest.mark.parametrize(
    ("raw", "message"),
    [
        (b"", "the file is empty"),
        (codecs.BOM_UTF8, "no text left"),
        (b"  \n\n ", "no text left"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)), "binary data"),
        (SENTENCE.encode("utf-16-le"), "NUL byte"),
        (bytes(range(128, 256)) * 4, "binary data"),
        (SENTENCE.encode("utf-8") + "ạ".encode()[:2], "truncated"),
        (codecs.BOM_UTF16_LE + "Sở".encode("utf-16-le") + b"\x00\xd8", "UTF-16"),
    ],
    ids=[
        "empty",
        "bom-only",
        "blank",
        "png",
        "utf16-no-bom",
        "high-bytes",
        "truncated-utf8",
        "utf16-lone-surrogate",
    ],
)
def test_read_refuses_undecodable(tmp_path, raw, message):
    path = tmp_path / "bai.txt"
    path.write_bytes(raw)
    with pytest.raises(DocumentError) as info:
        read_document(path)
    text = str(info.value)
    assert message in text
    assert str(path) in text
    assert "\n" not in text


@pytest.mark.parametrize(
    ("name", "message"),
    [("bai.pdf", "unsupported file type '.pdf'"), ("bai.2023", "unsupported file type '.2023'")],
)
def test_read_refuses_other_file_types(tmp_path, name, message):
    path = tmp_path / name
    path.write_text(SENTENCE, encoding="utf-8")
    with pytest.raises(DocumentError, match=message.replace("(", r"\(").replace(")", r"\)")):
        read_document(path)


def test_read_missing_file_is_a_document_error(tmp_path):
    with pytest.raises(DocumentError, match="cannot be read"):
        read_document(tmp_path / "khong_co.txt")


def test_read_large_single_line_file_quickly(tmp_path):
    line = ("Tỉnh có 2.957.000 thuê bao di động, tăng 3,2% so với cùng kỳ; " * 80_000).strip()
    raw = line.encode("utf-8")
    assert len(raw) > 5_000_000
    path = tmp_path / "dai.txt"
    path.write_bytes(raw)
    began = time.perf_counter()
    doc = read_document(path)
    assert time.perf_counter() - began < 5
    assert doc.text == line


PAGE = """<!DOCTYPE html>
<html><head><title>Quảng Trị phủ sóng 4G đến 98% thôn - Báo Tỉnh</title>
<style>p { color: red; }</style><script>var x = "<p>không phải bài</p>";</script></head>
<body>
<header>Trang chủ | Thời sự</header>
<nav><ul><li>Kinh tế</li><li>Xã hội</li></ul></nav>
<article>
<h1>Quảng Trị phủ sóng 4G đến 98% thôn</h1>
<p>Sở TT&amp;TT cho biết   tỉnh   có
 1.250 trạm BTS.<br>Tỷ lệ phủ sóng đạt 98,5&#37;.</p>
<!-- quảng cáo -->
<div>Doanh thu ước đạt 1.200 tỷ đ&#7891;ng&nbsp;năm 2023.</div>
<table><tr><td>Huyện</td><td>Số trạm</td></tr><tr><td>Gio Linh</td><td>120</td></tr></table>
</article>
<aside>Tin liên quan</aside><form><input name="q"></form>
<footer>© Báo Tỉnh</footer>
</body></html>"""


def test_htmltext_visible_text_and_title():
    text, title = html_to_text(PAGE)
    assert title == "Quảng Trị phủ sóng 4G đến 98% thôn"
    assert text.split("\n\n") == [
        "Quảng Trị phủ sóng 4G đến 98% thôn",
        "Sở TT&TT cho biết tỉnh có 1.250 trạm BTS.",
        "Tỷ lệ phủ sóng đạt 98,5%.",
        "Doanh thu ước đạt 1.200 tỷ đồng năm 2023.",
        "Huyện Số trạm",
        "Gio Linh 120",
        # the aside and the footer are visible text; the furniture rules know their lines
        "Tin liên quan",
        "© Báo Tỉnh",
    ]


@pytest.mark.parametrize(
    ("html", "title"),
    [
        ("<title>Tin tỉnh</title><p>Một hai ba</p>", "Tin tỉnh"),
        ("<h1>Tiêu đề bài</h1><p>Một hai ba</p>", "Tiêu đề bài"),
        ("<title>Trang - Báo</title><h1>Khác hẳn</h1>", "Trang - Báo"),
        ("<p>Không có tiêu đề</p>", None),
    ],
)
def test_htmltext_title_sources(html, title):
    assert html_to_text(html)[1] == title


@pytest.mark.parametrize(
    ("html", "text"),
    [
        ("<p>a<script>b</script>c</p>", "ac"),
        ("<nav><nav>x</nav>y</nav><p>z</p>", "z"),
        ("<p>Một<br/>Hai</p>", "Một\n\nHai"),
        ("<ul><li>Một</li><li>Hai</li></ul>", "Một\n\nHai"),
        ("<p>&lt;b&gt; &quot;x&quot; &#7871;</p>", '<b> "x" ế'),
        ("<p>  \n </p><p>Có chữ</p>", "Có chữ"),
        # links glued or one per line, with no list markup, are one line each
        ("<div><a>Tin một</a><a>Tin hai</a></div>", "Tin một\n\nTin hai"),
        (
            "<div><b>Tin khác</b>\n<a>Xã A có 12 hộ</a>\n<a>Xã B</a></div>",
            "Tin khác\n\nXã A có 12 hộ\n\nXã B",
        ),
        # links side by side on one line, or inside prose, stay on it
        ("<p>Chia sẻ: <a>Facebook</a> <a>Zalo</a></p>", "Chia sẻ: Facebook Zalo"),
        ("<p>Xem <a>tại đây</a> và <a>đây</a>.</p>", "Xem tại đây và đây."),
        ("<p><b>Quảng Trị</b> - Sáng nay</p>", "Quảng Trị - Sáng nay"),
    ],
    ids=[
        "script",
        "nested-skip",
        "br",
        "list",
        "entities",
        "empty-block",
        "glued-links",
        "links-per-line",
        "links-one-line",
        "links-in-prose",
        "bold-lead",
    ],
)
def test_htmltext_blocks(html, text):
    assert html_to_text(html)[0] == text


def test_read_html_stores_visible_text(tmp_path):
    path = tmp_path / "bai.html"
    raw = PAGE.encode("utf-8")
    path.write_bytes(raw)
    doc = read_document(path)
    assert doc.is_html
    assert doc.html_title == "Quảng Trị phủ sóng 4G đến 98% thôn"
    assert "var x" not in doc.text and "Kinh tế" not in doc.text
    assert doc.sha256 == hashlib.sha256(raw).hexdigest()


def test_read_html_without_text_is_refused(tmp_path):
    path = tmp_path / "rong.htm"
    path.write_text("<html><script>1</script><nav>Menu</nav></html>", encoding="utf-8")
    with pytest.raises(DocumentError, match="no visible text"):
        read_document(path)


def test_htmltext_aside_related_list_is_read_as_furniture():
    import vnextract

    page = (
        "<html><body><article><h1>Lạng Sơn số hóa hồ sơ</h1>"
        "<p>Năm 2024, tỉnh số hóa 120.000 hồ sơ hộ tịch.</p></article>"
        "<aside><h3>Tin cùng chuyên mục</h3><ul>"
        "<li>Cấp 500 chữ ký số cho người dân vùng Đồng bằng sông Cửu Long (03/06/2024)</li>"
        "</ul></aside></body></html>"
    )
    text, _ = html_to_text(page)
    got = vnextract.extract_text(text)
    tail = text.index("Tin cùng")
    found = got.entities.query(f"char_start >= {tail}")
    assert set(zip(found["label"], found["canonical"], strict=True)) == {
        ("DATE", "2024-06-03"),
        ("LOCATION", "Đồng bằng sông Cửu Long"),
    }
    # the listed headline's 500 is no record
    assert list(got.records["value_text"]) == ["120.000"]
