"""Sanity checks for the held-out gold set in tests/gold/ against the articles in corpus/.

Each gold file describes one article (its visible text for HTML). The checks make sure
the gold can be trusted as a scorer: every cited sentence, number and date is really in
the article, the fields follow the gold format of ../shared/gold/, and every digit in
the article is accounted for (an indicator's value_text, or a listed negative).
"""

from __future__ import annotations

import json
import re
import unicodedata
from html import unescape
from html.parser import HTMLParser
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
GOLD_DIR = ROOT / "tests" / "gold"
CORPUS_DIR = ROOT / "corpus"
GOLD_FILES = sorted(GOLD_DIR.glob("*.json"))

INDICATOR_KEYS = {
    "value",
    "value_max",
    "unit",
    "value_text",
    "subject",
    "subject_keywords",
    "bound",
    "estimated",
    "total",
    "per",
    "plan_percent",
    "change_percent",
    "kind",
    "sentence_contains",
    "optional",
}
LABELS = {"AGENCY", "ORG", "PERSON", "LOCATION", "DATE", "LEGAL_DOC"}
BOUNDS = {"=", "~", ">", "<", ">=", "<="}
ISO_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?(/\d{4}(-\d{2}(-\d{2})?)?)?$")
SCALES = {1, 1e3, 1e6, 1e9, 1e12}
NEAR = 200  # characters around sentence_contains in which value_text may stand
# Old-style tone placement (Hoà, thuỷ) -> modern (Hòa, thủy): gold names are written the modern way.
OLD_TONES = {
    "oà": "òa",
    "oá": "óa",
    "oả": "ỏa",
    "oã": "õa",
    "oạ": "ọa",
    "oè": "òe",
    "oé": "óe",
    "oẻ": "ỏe",
    "oẽ": "õe",
    "oẹ": "ọe",
    "uỳ": "ùy",
    "uý": "úy",
    "uỷ": "ủy",
    "uỹ": "ũy",
    "uỵ": "ụy",
}


def fold_tones(text: str) -> str:
    for old, new in OLD_TONES.items():
        text = text.replace(old, new).replace(old.capitalize(), new.capitalize())
    return text


class _Visible(HTMLParser):
    """Visible text of an HTML page: no script/style, block elements start new lines."""

    SKIP = frozenset({"script", "style", "head", "title", "noscript", "template"})
    BLOCK = frozenset(
        {
            "p",
            "div",
            "br",
            "li",
            "ul",
            "ol",
            "nav",
            "header",
            "footer",
            "section",
            "article",
            "h1",
            "h2",
            "h3",
            "h4",
            "h5",
            "h6",
            "tr",
            "table",
            "figure",
            "figcaption",
            "main",
            "aside",
            "blockquote",
        }
    )

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skip = 0

    def handle_starttag(self, tag, attrs):
        if tag in self.SKIP:
            self.skip += 1
        elif tag in self.BLOCK:
            self.parts.append("\n")

    def handle_endtag(self, tag):
        if tag in self.SKIP:
            self.skip = max(0, self.skip - 1)
        elif tag in self.BLOCK:
            self.parts.append("\n")

    def handle_data(self, data):
        if not self.skip:
            self.parts.append(data)


def decode_article(path: Path) -> str:
    raw = path.read_bytes()
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    text = raw.decode("utf-8").replace("\r\n", "\n").replace("\r", "\n")
    if path.suffix.lower() in {".html", ".htm"}:
        parser = _Visible()
        parser.feed(text)
        parser.close()
        text = unescape("".join(parser.parts))
        text = re.sub(r"[ \t\xa0]+", " ", text)
        text = re.sub(r" *\n[ \n]*", "\n", text)
    return unicodedata.normalize("NFC", text)


def parse_vn_number(text: str) -> float:
    """The first number of a value_text, Vietnamese style (. thousands, , decimal)."""
    m = re.search(r"\d+(?:\.\d{3})*(?:,\d+)?", text)
    assert m, text
    return float(m.group(0).replace(".", "").replace(",", "."))


def token_spans(text: str, needle: str):
    """Occurrences of needle not glued to other digits (so '42' is not found in '142')."""
    start = 0
    while True:
        i = text.find(needle, start)
        if i < 0:
            return
        j = i + len(needle)
        before = text[max(0, i - 2) : i]
        after = text[j : j + 2]
        glued_before = bool(before) and (
            before[-1].isdigit()
            or (before[-1] in ".," and len(before) == 2 and before[0].isdigit())
        )
        glued_after = bool(after) and (
            after[0].isdigit() or (after[0] in ".," and len(after) == 2 and after[1].isdigit())
        )
        if not (needle[0].isdigit() and glued_before) and not (
            needle[-1].isdigit() and glued_after
        ):
            yield i, j
        start = i + 1


@pytest.fixture(scope="module", params=GOLD_FILES, ids=lambda p: p.stem)
def case(request):
    gold = json.loads(request.param.read_text(encoding="utf-8"))
    article = CORPUS_DIR / gold["doc"]
    assert article.exists(), f"{request.param.name}: article {gold['doc']} not in corpus/"
    return request.param, gold, decode_article(article)


def test_gold_files_exist():
    assert len(GOLD_FILES) >= 8


def test_gold_top_level_fields(case):
    path, gold, _ = case
    assert set(gold) == {
        "doc",
        "province",
        "published",
        "indicators",
        "negatives",
        "entities",
        "officials",
    }
    assert Path(gold["doc"]).stem == path.stem
    assert gold["published"] is None or ISO_DATE.match(gold["published"])
    assert set(gold["entities"]) == LABELS
    assert all(isinstance(n, str) and n for n in gold["negatives"])
    assert len(set(gold["negatives"])) == len(gold["negatives"]), "duplicate negatives"
    for label, names in gold["entities"].items():
        keys = [json.dumps(n, ensure_ascii=False) for n in names]
        assert len(set(keys)) == len(keys), f"duplicate {label} entity"
    for off in gold["officials"]:
        assert set(off) == {"name", "title", "agency"}
        assert off["name"] in gold["entities"]["PERSON"]
        assert off["agency"] is None or off["agency"] in gold["entities"]["AGENCY"]


def test_gold_indicator_fields(case):
    _, gold, _ = case
    assert gold["indicators"], "no indicators"
    for ind in gold["indicators"]:
        assert set(ind) == INDICATOR_KEYS, ind["value_text"]
        assert isinstance(ind["value"], (int, float))
        assert ind["bound"] in BOUNDS
        assert ind["kind"] in {"actual", "target"}
        assert isinstance(ind["estimated"], bool) and isinstance(ind["optional"], bool)
        assert (ind["unit"] and ind["unit"] == ind["unit"].lower()) or ind["unit"] == "VND"
        assert 1 <= len(ind["subject_keywords"]) <= 3
        for kw in ind["subject_keywords"]:
            assert kw.lower() in ind["subject"].lower(), (kw, ind["subject"])
        first = parse_vn_number(ind["value_text"])  # scale words (triệu, tỷ ...) multiply it
        assert any(abs(ind["value"] - first * s) <= 1e-9 * max(1, ind["value"]) for s in SCALES), (
            ind["value_text"]
        )
        if "/" in ind["value_text"]:
            assert ind["total"] == parse_vn_number(ind["value_text"].split("/", 1)[1])
        if ind["value_max"] is not None:
            assert ind["value_max"] > ind["value"]


def test_gold_sentences_and_values_in_text(case):
    _, gold, text = case
    for ind in gold["indicators"]:
        sc = ind["sentence_contains"]
        assert sc in text, f"sentence_contains not in text: {sc!r}"
        vt = ind["value_text"]
        if vt in sc:
            continue
        i = text.find(sc)
        window = text[max(0, i - NEAR) : i + len(sc) + NEAR]
        assert vt in window, f"value_text {vt!r} not near {sc!r}"


def test_gold_negatives_are_not_indicators(case):
    _, gold, text = case
    value_texts = {ind["value_text"] for ind in gold["indicators"]}
    for neg in gold["negatives"]:
        assert neg in text, f"negative not in text: {neg!r}"
        assert neg not in value_texts, f"negative {neg!r} is also an indicator's value_text"


def test_gold_entities_in_text(case):
    _, gold, text = case
    for date_text, iso in gold["entities"]["DATE"]:
        assert date_text in text, f"DATE not in text: {date_text!r}"
        assert ISO_DATE.match(iso), iso
    folded = fold_tones(text)
    for name in gold["entities"]["PERSON"]:
        assert fold_tones(name) in folded, f"PERSON not in text: {name!r}"
    for doc in gold["entities"]["LEGAL_DOC"]:
        number = doc.split(" số ")[-1].split()[-1]
        assert number in text, f"LEGAL_DOC number not in text: {number!r}"


def test_gold_covers_every_digit(case):
    """Every digit of the article belongs to an indicator (value_text, per) or a negative."""
    _, gold, text = case
    covered = bytearray(len(text))
    needles = {ind["value_text"] for ind in gold["indicators"]} | set(gold["negatives"])
    needles |= {ind["per"] for ind in gold["indicators"] if ind["per"]}  # the 100 of "/100 dân"
    for needle in needles:
        for i, j in token_spans(text, needle):
            covered[i:j] = b"\x01" * (j - i)
    missing = []
    for m in re.finditer(r"\d+(?:[.,/:-]\d+)*", text):
        if not all(covered[m.start() : m.end()]):
            missing.append(f"{m.group(0)!r} in {text[max(0, m.start() - 30) : m.end() + 20]!r}")
    assert not missing, "numbers neither indicator nor negative:\n" + "\n".join(missing)
