"""Paragraph context: when a paragraph opening with a year states plans.

Sentences written for these tests: a dated meta line, then one paragraph.
"""

from __future__ import annotations

import pytest

from vnextract.pipeline import Extractor


@pytest.fixture(scope="module")
def extractor() -> Extractor:
    return Extractor(entities=False)


# (publication date, paragraph, value_text, kind)
PARAGRAPHS = [
    # of the year it is published in, 'thực hiện' / 'hoàn thành' report work done
    ("20/12/2024", "Năm 2024, Trung tâm thực hiện 940 vụ việc tư vấn pháp luật.", "940", "actual"),
    ("18/12/2024", "Năm 2024, ngành hoàn thành 37 công trình thủy lợi nhỏ.", "37", "actual"),
    ("28/11/2023", "Năm 2023, các xã triển khai 215 mô hình sinh kế.", "215", "actual"),
    # a plan verb proper makes the paragraph of that year a plan
    ("10/01/2024", "Năm 2024, ngành tập trung số hóa 90% hồ sơ đất đai.", "90", "target"),
    ("05/01/2024", "Năm 2024, tỉnh phấn đấu trồng mới 1.500 ha rừng.", "1.500", "target"),
    # of a later year, the verbs that also report work make a plan too
    ("20/12/2024", "Năm 2025, Trung tâm thực hiện 1.000 vụ tư vấn pháp luật.", "1.000", "target"),
    ("18/12/2024", "Năm 2025, ngành hoàn thành 40 công trình thủy lợi nhỏ.", "40", "target"),
]


@pytest.mark.parametrize(("published", "paragraph", "value_text", "kind"), PARAGRAPHS)
def test_paragraphs_year_opening_is_a_plan_only_with_a_plan_verb(
    extractor, published, paragraph, value_text, kind
):
    text = f"Thứ sáu, {published}\n\n{paragraph}\n"
    records = {r.value_text: r for r in extractor.process_text(text, "doc").records}
    assert records[value_text].kind == kind
