"""Legacy encodings, stray bytes and HTML recognised by content.

Every sentence here was written for these tests. The TCVN3 and VNI samples are made by
an encoder written here from the published tables (independent of ``rules/encodings.yml``)
and checked against a few byte strings known from those encodings; Windows-1258 samples
are made as legacy editors wrote them, base letter plus combining tone byte.
"""

from __future__ import annotations

import codecs
import unicodedata
from pathlib import Path

import pytest

from legacy_samples import TONES, cp1258, tcvn3, vni
from vnextract.core.errors import DocumentError, RuleError
from vnextract.core.rules import load_rules
from vnextract.ingest.decode import read_document
from vnextract.ingest.legacy import default_legacy

ARTICLE = (
    "Năm 2024, huyện miền núi đã xây thêm 35 trạm phát sóng, đưa tỷ lệ phủ sóng lên 97,2% "
    "số bản.\n"
    "Sở Công Thương cho biết kim ngạch xuất khẩu quý I ước đạt 412 triệu USD, tăng 6,8% "
    "so với cùng kỳ.\n"
    "Người dân được hướng dẫn nộp hồ sơ trực tuyến qua cổng dịch vụ công của tỉnh.\n"
    "Đến cuối tháng 6, toàn tỉnh có khoảng 18.400 hộ nghèo, giảm gần một nghìn hộ.\n"
)
SHORT = "Xã vùng cao có thêm 12 trạm, phủ sóng đến từng thôn."


@pytest.mark.parametrize(
    ("text", "encode", "raw"),
    [
        ("Bảo Thắng", tcvn3, b"B\xb6o Th\xbeng"),
        ("đường", tcvn3, b"\xae\xad\xeang"),
        ("Xin chào các bạn", vni, "Xin chaøo caùc baïn".encode("cp1252")),
        ("Đức Lợi", vni, "Ñöùc Lôïi".encode("cp1252")),
        ("ẤP", vni, "AÁP".encode("cp1252")),
        ("tỉnh", cp1258, b"ti\xd2nh"),
    ],
    ids=["tcvn3", "tcvn3-horn", "vni", "vni-horn", "vni-capital", "cp1258"],
)
def test_read_encoders_match_known_bytes(text, encode, raw):
    assert encode(text) == raw


@pytest.mark.parametrize("table", ["tcvn3", "vni"])
def test_legacy_tables_agree_with_independent_encoder(table):
    legacy = default_legacy()
    encode = {"tcvn3": tcvn3, "vni": vni}[table]
    letters = "aăâeêioôơuưy"
    for base in letters:
        for tone in ("", *TONES):
            letter = unicodedata.normalize("NFC", base + tone)
            if table == "vni":
                for ch in (letter, letter.upper()):
                    assert legacy.decode(encode(ch), table) == ch
                    assert legacy.fonts[table].encode(ch) == encode(ch)
            else:
                assert legacy.decode(encode(letter), table) == letter
                assert legacy.fonts[table].encode(letter) == encode(letter)


@pytest.mark.parametrize(
    ("name", "raw", "encoding", "how"),
    [
        ("bai.txt", cp1258(ARTICLE), "cp1258", "detected"),
        ("bai.txt", tcvn3(ARTICLE), "tcvn3", "detected"),
        ("bai.txt", vni(ARTICLE), "vni", "detected"),
        ("ngan.txt", cp1258(SHORT), "cp1258", "detected"),
        ("ngan.txt", tcvn3(SHORT), "tcvn3", "detected"),
        ("ngan.txt", vni(SHORT), "vni", "detected"),
        ("nfd.txt", unicodedata.normalize("NFD", ARTICLE).encode(), "utf-8", "valid UTF-8"),
    ],
    ids=["cp1258", "tcvn3", "vni", "cp1258-short", "tcvn3-short", "vni-short", "utf8-nfd"],
)
def test_read_decodes_legacy_encodings(tmp_path, name, raw, encoding, how):
    path = tmp_path / name
    path.write_bytes(raw)
    doc = read_document(path)
    expected = ARTICLE if name != "ngan.txt" else SHORT
    assert doc.text == expected  # NFC: Windows-1258's combining tones are composed
    assert doc.encoding == encoding
    assert doc.decoding.startswith(how)
    assert doc.encoding_confidence >= 0.9
    assert doc.warnings == []


@pytest.mark.parametrize(
    ("forced", "raw", "text"),
    [
        ("cp1258", cp1258(SHORT), SHORT),
        ("windows-1258", cp1258(SHORT), SHORT),
        ("TCVN3", tcvn3(SHORT), SHORT),
        ("abc", tcvn3(SHORT), SHORT),
        ("vni-windows", vni(SHORT), SHORT),
        # forcing wins over detection, even where detection would choose otherwise
        ("latin-1", "Café".encode("latin-1"), "Café"),
    ],
)
def test_read_forced_encoding(tmp_path, forced, raw, text):
    path = tmp_path / "bai.txt"
    path.write_bytes(raw)
    doc = read_document(path, encoding=forced)
    assert doc.text == text
    assert doc.decoding == "forced (--encoding)"


def test_read_forced_unknown_encoding_is_refused(tmp_path):
    path = tmp_path / "bai.txt"
    path.write_bytes(b"abc")
    with pytest.raises(DocumentError, match=r"unknown encoding 'klingon'.*tcvn3"):
        read_document(path, encoding="klingon")


def test_read_forced_codec_records_bad_bytes(tmp_path):
    path = tmp_path / "bai.txt"
    path.write_bytes(b"Tin ngan \xff\xfe cuoi")
    doc = read_document(path, encoding="utf-8")
    assert doc.text == "Tin ngan \ufffd\ufffd cuoi"
    assert doc.warnings == [
        "2 byte(s) not valid utf-8 replaced by U+FFFD: 0xFF at offset 9, 0xFE at offset 10"
    ]


def _page(charset_tag: str, body: str) -> str:
    return (
        f"<html><head>{charset_tag}<title>Tin tỉnh</title></head><body><p>{body}</p></body></html>"
    )


@pytest.mark.parametrize(
    ("tag", "encode", "encoding"),
    [
        ('<meta charset="windows-1258">', cp1258, "cp1258"),
        ("<META CHARSET=WINDOWS-1258>", cp1258, "cp1258"),
        (
            '<meta http-equiv="Content-Type" content="text/html; charset=windows-1258">',
            cp1258,
            "cp1258",
        ),
        ('<meta charset="tcvn3">', tcvn3, "tcvn3"),
        # a VNI page that claims Windows-1252 (its font did the rest): detection wins
        ('<meta charset="windows-1252">', vni, "vni"),
    ],
    ids=["meta-charset", "uppercase", "http-equiv", "font-name", "wrong-declaration"],
)
def test_read_html_declared_charset(tmp_path, tag, encode, encoding):
    path = tmp_path / "trang.html"
    path.write_bytes(encode(_page(tag, SHORT)))
    doc = read_document(path)
    assert doc.is_html
    assert doc.text == SHORT
    assert doc.html_title == "Tin tỉnh"
    assert doc.encoding == encoding
    if encoding != "vni":
        assert doc.decoding.startswith("declared in the page")
    else:
        assert doc.decoding.startswith("detected") and "windows-1252 ignored" in doc.decoding


def test_read_declared_charset_needs_no_guess_on_ambiguous_text(tmp_path):
    # two words only: the declaration decides, and the note says so
    path = tmp_path / "trang.htm"
    path.write_bytes(cp1258(_page('<meta charset="windows-1258">', "Tỉnh ủy")))
    doc = read_document(path)
    assert (doc.text, doc.encoding) == ("Tỉnh ủy", "cp1258")


PAGE_BODY = "Huyện có 1.250 trạm BTS."
SCRIPTED = (
    "<head><title>Tin huyện - Cổng thông tin</title>"
    "<script>var luot = 'Lượt xem: 5.000';</script><style>p{color:red}</style></head>"
    f"<body><h1>Tin huyện</h1><p>{PAGE_BODY}</p></body>"
)


@pytest.mark.parametrize(
    ("name", "raw"),
    [
        ("bai.txt", f"<!DOCTYPE html>\n<html>{SCRIPTED}</html>".encode()),
        ("bai", f"<!doctype html><html>{SCRIPTED}</html>".encode()),
        (
            "bai.txt",
            f"<HTML>{SCRIPTED.upper().replace(PAGE_BODY.upper(), PAGE_BODY)}</HTML>".replace(
                "TIN HUYỆN", "Tin huyện"
            ).encode(),
        ),
        ("bai.txt", codecs.BOM_UTF8 + f"\n  <html>{SCRIPTED}</html>".encode()),
        ("bai.txt", f"<!-- luu tu trinh duyet -->\n<html>{SCRIPTED}</html>".encode()),
        (
            "bai.txt",
            (
                '<?xml version="1.0" encoding="utf-8"?>\n'
                '<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Strict//EN" '
                '"http://www.w3.org/TR/xhtml1/DTD/xhtml1-strict.dtd">\n'
                f'<html xmlns="http://www.w3.org/1999/xhtml">{SCRIPTED}</html>'
            ).encode(),
        ),
        ("bai.htm", f"<html>{SCRIPTED}</html>".encode("utf-16")),
        ("bai.txt", f"<head>{SCRIPTED[6:]}".encode()),
    ],
    ids=[
        "txt",
        "no-extension",
        "uppercase-tags",
        "bom",
        "comment-first",
        "xhtml",
        "utf16",
        "fragment",
    ],
)
def test_read_html_recognised_by_content(tmp_path, name, raw):
    path = tmp_path / name
    path.write_bytes(raw)
    doc = read_document(path)
    assert doc.is_html
    assert doc.html_title == "Tin huyện"
    assert doc.text == f"Tin huyện\n\n{PAGE_BODY}"
    assert "5.000" not in doc.text and "color" not in doc.text


@pytest.mark.parametrize(
    ("name", "text"),
    [
        ("bai.txt", "Bài viết dùng thẻ <b> để in đậm tên xã.\nTỉnh có 3 <i>huyện</i> mới."),
        ("bai.txt", "Giá trị 3 < 5 và 7 > 2 trong báo cáo."),
        ("bai", "Tiêu đề: <html> là thẻ mở đầu của một trang web."),
        ("bai.html", "Tin ngắn không có thẻ nào.\n\nĐoạn thứ hai."),
    ],
    ids=["mentions-b", "comparisons", "mentions-html-later", "html-name-no-markup"],
)
def test_read_plain_text_that_mentions_tags_stays_text(tmp_path, name, text):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    doc = read_document(path)
    assert not doc.is_html
    assert doc.text == text


HEAD, TAIL = ARTICLE[:30], ARTICLE[30:]  # the cut falls after "huyện miền"
AT = len(HEAD.encode())


@pytest.mark.parametrize(
    ("bad", "warning"),
    [
        (b"\xff", f"1 byte(s) not valid UTF-8 replaced by U+FFFD: 0xFF at offset {AT}"),
        (b"\x00", f"1 NUL byte(s) replaced by U+FFFD: offset {AT}"),
        (b"\xc3", f"1 byte(s) not valid UTF-8 replaced by U+FFFD: 0xC3 at offset {AT}"),
    ],
    ids=["stray-byte", "stray-nul", "lone-lead-byte"],
)
def test_read_stray_byte_in_utf8_is_a_warning(tmp_path, bad, warning):
    path = tmp_path / "bai.txt"
    path.write_bytes(HEAD.encode() + bad + TAIL.encode())
    doc = read_document(path)
    assert doc.text == HEAD + "\ufffd" + TAIL
    assert doc.encoding == "utf-8"
    assert doc.warnings == [warning]


@pytest.mark.parametrize(
    ("raw", "message"),
    [
        ("Привет, это не вьетнамский текст вообще".encode("cp1251"), "byte 0: 0xCF"),
        (ARTICLE.encode()[:40] + b"\x00\x00\x00\x00" + ARTICLE.encode()[40:], "NUL byte"),
        (ARTICLE.encode() + b"\xff\xfe\xfd\xfc", "UTF-8 with 4 bad bytes (first at offset"),
        (b"Bai viet \xff\xfe\xfd\xfc\xfb", "no legacy encoding reads as Vietnamese"),
    ],
    ids=["cyrillic", "many-nuls", "many-bad-bytes", "no-fit"],
)
def test_read_undecodable_names_what_was_tried(tmp_path, raw, message):
    path = tmp_path / "bai.txt"
    path.write_bytes(raw)
    with pytest.raises(DocumentError) as info:
        read_document(path)
    assert message in str(info.value)
    assert "\n" not in str(info.value)
    assert "Windows-1258 / Latin-1" not in str(info.value)


RULES = Path(__file__).resolve().parents[1] / "rules" / "encodings.yml"
_FILES = {"encodings.yml": "vnextract.ingest.legacy:EncodingRules"}


@pytest.mark.parametrize(
    ("old", "new", "needle"),
    [
        ('"B8": á', '"B8X": á', "not bytes in hex"),
        ('"B5": à', '"B5": á', "letter 'á' is given twice"),
        ('"61 F9": á', '"61 F9": ab', "not one letter"),
        ("fallback: cp1252", "fallback: cp9999", "not a codec Python knows"),
        ("min_syllable_share: 0.6", "min_syllable_share: 1.5", "less than or equal to 1"),
        ("max_stray_bytes: 3", "max_stray_bytes: -1", "greater than or equal to 0"),
        ('yê: ["", qu]', 'yê: ["", zz]', "not among the onsets"),
    ],
    ids=["hex", "twice", "letter", "codec", "share", "negative", "onset"],
)
def test_legacy_rule_errors_name_the_line(tmp_path, old, new, needle):
    text = RULES.read_text(encoding="utf-8")
    assert old in text  # the first occurrence is changed
    line = text[: text.index(old)].count("\n") + 1
    (tmp_path / "encodings.yml").write_text(text.replace(old, new, 1), encoding="utf-8")
    with pytest.raises(RuleError) as info:
        load_rules(tmp_path, files=_FILES)
    (problem,) = info.value.problems
    assert needle in problem
    if needle not in ("letter 'á' is given twice", "not among the onsets"):
        assert problem.startswith(f"rules/encodings.yml:{line}:")
    else:
        # a check across entries names the table it is in, and the entries
        assert problem.startswith("rules/encodings.yml:")
