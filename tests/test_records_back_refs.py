"""A figure whose topic points back ('tỷ lệ này') is of what the figure it points to
measures: in its sentence, else in the one before. Sentences written for these tests."""

from __future__ import annotations

import pytest

from vnextract.core.rules import default_rules
from vnextract.core.textnorm import Folder
from vnextract.figures.dates import find_dates
from vnextract.figures.numbers import find_quantities
from vnextract.records.builder import RecordBuilder, SentenceContext


@pytest.fixture(scope="module")
def builder() -> RecordBuilder:
    rules = default_rules()
    return RecordBuilder(rules["records.yml"], Folder(rules["text.yml"]))


def build(builder: RecordBuilder, text: str, previous=()):
    dates = find_dates(text)
    quantities = find_quantities(text, exclude=[(d.start, d.end) for d in dates])
    breaks = [i for i, ch in enumerate(text) if ch == ";"]
    ctx = SentenceContext(published_year=2024)
    return builder.build(text, quantities, dates, breaks, ctx, previous=previous).drafts


# (sentence before or '', sentence, value_text, words the subject holds, words it lacks)
POINTING_BACK = [
    (
        "",
        "Năm 2024 có 72% hộ dân dùng nước sạch; đến năm 2026, tỷ lệ này đạt 85%.",
        "85",
        ["tỷ lệ", "nước sạch"],
        ["này"],
    ),
    (
        "Tỷ lệ tiêm chủng đầy đủ cho trẻ dưới 1 tuổi của tỉnh đạt 96,2%.",
        "Ở các xã vùng cao, tỷ lệ này chỉ đạt 88,5%.",
        "88,5",
        ["tiêm chủng"],
        ["này"],
    ),
    # a count points to a count of its noun, not to the rate between
    (
        "",
        "Toàn huyện có 412 giáo viên, đạt 91% định biên; con số này tăng so với năm trước.",
        "412",
        ["giáo viên"],
        [],
    ),
    # no figure of its shape before: the pointer stays
    ("", "Tỷ lệ này đạt 64%.", "64", ["tỷ lệ này"], []),
]


@pytest.mark.parametrize(("before", "text", "value_text", "held", "absent"), POINTING_BACK)
def test_back_reference_names_the_figure_pointed_to(
    builder, before, text, value_text, held, absent
):
    previous = build(builder, before) if before else ()
    drafts = {d.quantity.value_text: d for d in build(builder, text, previous)}
    subject = drafts[value_text].subject.lower()
    for word in held:
        assert word in subject, subject
    for word in absent:
        assert word not in subject, subject
