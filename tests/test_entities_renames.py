"""Ministries and departments renamed or merged in 2025 (``renamed`` in
``rules/entities/agencies.yml``): the article's date chooses the body an abbreviation
names, and every mention of an old body records its successor.

Sentences written for these tests; add new forms as rows of the tables.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from vnextract.core.errors import RuleError
from vnextract.core.model import Sentence
from vnextract.core.rules import load_rules, rules_dir
from vnextract.entities import tag_document
from vnextract.entities.gazetteer import ENTITY_RULE_FILES

OLD, NEW = "2024-11-20", "2025-05-06T09:30"
KHCN, TTTT = "Sở Khoa học và Công nghệ Quảng Trị", "Sở Thông tin và Truyền thông Quảng Trị"


@pytest.fixture(scope="module")
def nlp():
    import vnextract

    return vnextract.load()


def agencies(nlp, text: str, published: str | None) -> dict[str, tuple[str, str | None]]:
    sentences = [Sentence(0, 0, len(text), text, 0)]
    found, _ = tag_document(nlp, "t", text, sentences, "Quảng Trị", published=published)
    return {e.text: (e.canonical, e.successor) for e in found if e.label == "AGENCY"}


RENAMES = [
    # an abbreviation after the merger names the body in force
    ("Sở TT&TT tập huấn cho 40 xã.", "Sở TT&TT", NEW, (KHCN, None)),
    ("Bộ TT&TT gửi công văn.", "Bộ TT&TT", NEW, ("Bộ Khoa học và Công nghệ", None)),
    ("Sở KH&ĐT thẩm định dự án.", "Sở KH&ĐT", NEW, ("Sở Tài chính Quảng Trị", None)),
    ("Sở LĐ-TB&XH chi trả trợ cấp.", "Sở LĐ-TB&XH", NEW, ("Sở Nội vụ Quảng Trị", None)),
    (
        "Sở NN&PTNT kiểm tra đê.",
        "Sở NN&PTNT",
        NEW,
        ("Sở Nông nghiệp và Môi trường Quảng Trị", None),
    ),
    ("Bộ GTVT duyệt tuyến đường.", "Bộ GTVT", NEW, ("Bộ Xây dựng", None)),
    # before the merger, or with no date, the old body with its successor beside it
    ("Sở TT&TT tập huấn cho 40 xã.", "Sở TT&TT", OLD, (TTTT, KHCN)),
    ("Sở TT&TT tập huấn cho 40 xã.", "Sở TT&TT", None, (TTTT, KHCN)),
    (
        "Sở TN&MT đo đạc đất.",
        "Sở TN&MT",
        OLD,
        ("Sở Tài nguyên và Môi trường Quảng Trị", "Sở Nông nghiệp và Môi trường Quảng Trị"),
    ),
    # the old name written out stays the old body, whatever the date
    (
        "Sở Thông tin và Truyền thông bàn giao hồ sơ.",
        "Sở Thông tin và Truyền thông",
        NEW,
        (TTTT, KHCN),
    ),
    # a body that was not renamed has no successor
    (
        "Sở Y tế Quảng Trị khám cho 300 người.",
        "Sở Y tế Quảng Trị",
        NEW,
        ("Sở Y tế Quảng Trị", None),
    ),
    (
        "Sở Y tế Quảng Trị khám cho 300 người.",
        "Sở Y tế Quảng Trị",
        OLD,
        ("Sở Y tế Quảng Trị", None),
    ),
]


@pytest.mark.parametrize(("text", "mention", "published", "expected"), RENAMES)
def test_renames_by_article_date(nlp, text, mention, published, expected):
    assert agencies(nlp, text, published)[mention] == expected


def test_renames_article_definition_keeps_the_old_body(nlp):
    # the article spelt the abbreviation out itself: it means the old department
    text = "Sở Thông tin và Truyền thông (TT&TT) cho biết Sở TT&TT đã bàn giao."
    assert agencies(nlp, text, NEW)["Sở TT&TT"] == (TTTT, KHCN)


@pytest.mark.parametrize(
    ("entry", "needle"),
    [
        ("  - {old: Thông tin, successor: Tài chính, since: 2025-03-01}\n", "'Thông tin'"),
        ("  - {old: Y tế, successor: Tài chính, since: tháng ba}\n", "since"),
    ],
)
def test_renames_bad_entry_names_file_and_line(tmp_path: Path, entry, needle):
    folder = tmp_path / "rules"
    shutil.copytree(rules_dir(), folder)
    path = folder / "entities" / "agencies.yml"
    text = path.read_text(encoding="utf-8") + entry
    path.write_text(text, encoding="utf-8")
    with pytest.raises(RuleError) as err:
        load_rules(folder, files=ENTITY_RULE_FILES)
    assert f"rules/entities/agencies.yml:{len(text.splitlines())}:" in str(err.value)
    assert needle in str(err.value)
