"""The record stage's parts, each on its own: cue patterns, qualifier roles, topics,
units and the phrase after a number, and the size of the modules that hold them.

The sentences are written for these tests; new cases go in the tables below.
"""

import ast
from decimal import Decimal
from pathlib import Path

import pytest

from vnextract.core.rules import default_rules
from vnextract.core.textnorm import Folder
from vnextract.figures.numbers import find_quantities
from vnextract.records.cues import Cues, alternation
from vnextract.records.phrases import after_phrase, unit_of
from vnextract.records.qualifiers import classify
from vnextract.records.topic import topic

SRC = Path(__file__).resolve().parents[1] / "src" / "vnextract"


@pytest.fixture(scope="module")
def cues() -> Cues:
    rules = default_rules()
    return Cues(rules["records.yml"], Folder(rules["text.yml"]))


def _figure(cues: Cues, text: str, value_text: str):
    """The sentence's low copy, the figure written ``value_text`` and where its
    phrase may start (the end of the figure before)."""
    quantities = find_quantities(text)
    i = next(k for k, q in enumerate(quantities) if q.value_text == value_text)
    left = quantities[i - 1].expr_end if i else 0
    return cues.low(text), quantities[i], left


@pytest.mark.parametrize(
    ("words", "pattern"),
    [
        (["a", "a b", "A  B"], r"a\s+b|a"),
        (["x.y", " ", "x"], r"x\.y|x"),
    ],
)
def test_cues_alternation_longest_first_escaped_spaced(words, pattern):
    assert alternation(words) == pattern


# (sentence, figure, role kind, value, basis)
ROLES = [
    ("Doanh thu của huyện đạt 45 tỷ đồng, tăng 9% so với cùng kỳ.", "45", "figure", None, ""),
    ("Doanh thu của huyện đạt 45 tỷ đồng, tăng 9% so với cùng kỳ.", "9", "change", "9", "yoy"),
    ("Huyện giải ngân đạt 97,5% kế hoạch vốn năm nay.", "97,5", "plan", "97.5", ""),
    ("Tỷ lệ xã có nhà văn hóa tăng 1,5 điểm phần trăm.", "1,5", "points", "1.5", ""),
    ("Sản lượng lúa gấp 1,2 lần cùng kỳ.", "1,2", "change", "20.0", "yoy"),
    ("Số ca mắc mới giảm 4% so với tháng trước.", "4", "change", "-4", "other"),
]


@pytest.mark.parametrize(("text", "figure", "kind", "value", "basis"), ROLES)
def test_qualifiers_classify_role(cues, text, figure, kind, value, basis):
    low, q, _ = _figure(cues, text, figure)
    role = classify(cues, low, q)
    assert (role.kind, role.basis) == (kind, basis)
    assert role.value == (Decimal(value) if value is not None else None)


# (sentence, figure, topic, link)
TOPICS = [
    ("Số hộ dân có điện lưới là 3.120 hộ.", "3.120", "Số hộ dân có điện lưới", "copula"),
    ("Doanh thu của huyện đạt 45 tỷ đồng.", "45", "Doanh thu của huyện", "copula"),
    ("Toàn huyện đã cấp 850 giấy chứng nhận.", "850", "Toàn huyện đã cấp", ""),
    (
        "Trong quý, tổng số thuê bao cố định có 2.400 thuê bao.",
        "2.400",
        "tổng số thuê bao cố định",
        "existential",
    ),
]


@pytest.mark.parametrize(("text", "figure", "expected", "link"), TOPICS)
def test_topic_names_the_figure(cues, text, figure, expected, link):
    low, q, left = _figure(cues, text, figure)
    assert topic(cues, text, low, left, q.start) == (expected, link)


# (sentence, figure, unit, phrase after the number)
AFTER = [
    (
        "Toàn huyện đã cấp 850 giấy chứng nhận cho các hộ.",
        "850",
        "giấy chứng nhận",
        "giấy chứng nhận cho các hộ",
    ),
    # a noun not in the units list: up to two words
    ("Toàn xã đã trồng 850 cây xanh ven đường.", "850", "cây xanh", "cây xanh ven đường"),
    ("Số hộ dân có điện lưới là 3.120 hộ.", "3.120", "hộ", "hộ"),
    ("Tỉnh có 12 CSDL chuyên ngành.", "12", "csdl", "CSDL chuyên ngành"),
    ("Tỷ lệ hồ sơ trực tuyến đạt 81%, cao nhất khu vực.", "81", "%", ""),
]


@pytest.mark.parametrize(("text", "figure", "unit", "after"), AFTER)
def test_phrases_unit_and_phrase_after(cues, text, figure, unit, after):
    low, q, _ = _figure(cues, text, figure)
    assert unit_of(cues, text, low, q)[0] == unit
    assert after_phrase(cues, text, low, q.expr_end, len(text))[0] == after


def _longest_function(tree: ast.AST) -> int:
    spans = [
        node.end_lineno - node.lineno + 1
        for node in ast.walk(tree)
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef)
    ]
    return max(spans, default=0)


@pytest.mark.parametrize(
    "path", [*sorted((SRC / "records").glob("*.py")), SRC / "pipeline.py"], ids=lambda p: p.name
)
def test_records_modules_small(path: Path):
    """The record stage reads as its parts: no module over 350 lines, no function over 80."""
    source = path.read_text(encoding="utf-8")
    assert len(source.splitlines()) <= 350
    assert _longest_function(ast.parse(source)) <= 80
