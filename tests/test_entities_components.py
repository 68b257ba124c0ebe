"""The spaCy side: components on a blank pipeline, displacy, and rule-file errors."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from spacy import displacy

from vnextract.core.errors import RuleError
from vnextract.core.rules import rules_dir
from vnextract.entities.abbreviations import expansion_before
from vnextract.entities.gazetteer import entity_rules
from vnextract.nlp import ENTITY_COMPONENTS, blank


@pytest.fixture(scope="module")
def nlp():
    pipeline = blank()
    for name in ENTITY_COMPONENTS:
        pipeline.add_pipe(name)
    return pipeline


@pytest.mark.parametrize(
    ("text", "label", "canonical"),
    [
        ("Sở Ngoại vụ Lạng Sơn đón đoàn khách.", "AGENCY", "Sở Ngoại vụ Lạng Sơn"),
        ("Ông Mai Văn Chính phát biểu tại buổi lễ.", "PERSON", "Mai Văn Chính"),
    ],
)
def test_entities_components_on_blank_pipeline(nlp, text, label, canonical):
    doc = nlp(text)
    assert (label, canonical) in {(e.label_, e._.canonical) for e in doc.ents}
    assert doc.spans["vnextract_candidates"]


@pytest.mark.parametrize(
    "text", ["Giám đốc Sở Y tế Hà Nam Trần Văn Bình thăm bệnh viện huyện Lý Nhân."]
)
def test_entities_displacy_renders(nlp, text):
    html = displacy.render(nlp(text), style="ent", page=False)
    assert "Trần Văn Bình" in html and "PERSON" in html and "AGENCY" in html


@pytest.mark.parametrize(
    ("abbr", "text", "expected"),
    [
        ("TT&TT", "Sở Thông tin và Truyền thông ", "Thông tin và Truyền thông"),
        ("CĐS", "đẩy mạnh chuyển đổi số ", "chuyển đổi số"),
        ("CSDL", "kết nối Cơ sở dữ liệu ", "Cơ sở dữ liệu"),
        ("LGSP", "nền tảng tích hợp, chia sẻ dữ liệu ", None),
    ],
)
def test_entities_abbreviation_initials(abbr, text, expected):
    hit = expansion_before(text, len(text) - 1, abbr, {"và"})
    assert (hit[1] if hit else None) == expected


def copy_rules(tmp_path: Path) -> Path:
    folder = tmp_path / "rules"
    shutil.copytree(rules_dir(), folder)
    return folder


@pytest.mark.parametrize(
    ("file", "bad_line", "needle", "fix"),
    [
        # a misspelt key in a YAML gazetteer
        (
            "entities/titles.yml",
            "  - {title: Giám đốc, agnecy: Sở}\n",
            "agnecy",
            "remove or rename",
        ),
        # a JSONL pattern without its canonical template
        (
            "entities/patterns.jsonl",
            '{"id": "x", "label": "ORG", "pattern": "X"}\n',
            "canonical",
            "add the key",
        ),
        # an unknown placeholder in a pattern
        (
            "entities/patterns.jsonl",
            '{"id": "y", "label": "ORG", "pattern": "{NOPE}", "canonical": "{name}"}\n',
            "'y'",
            "known placeholder",
        ),
        # a requires literal in capitals would never be found in the lower-cased sentence
        (
            "entities/patterns.jsonl",
            '{"id": "r1", "label": "ORG", "pattern": "Báo X", "canonical": "X", '
            '"requires": ["Báo"]}\n',
            "requires",
            "lower case",
        ),
        # a requires word list that does not exist
        (
            "entities/patterns.jsonl",
            '{"id": "r2", "label": "ORG", "pattern": "Báo X", "canonical": "X", '
            '"requires": ["{NEWSPAPERS}"]}\n',
            "'r2'",
            "known word list",
        ),
        # a label nobody knows
        (
            "entities/patterns.jsonl",
            '{"id": "z", "label": "COMPANY", "pattern": "X", "canonical": "X"}\n',
            "label",
            "one of",
        ),
    ],
)
def test_entities_rule_file_error_names_file_line_and_fix(tmp_path, file, bad_line, needle, fix):
    folder = copy_rules(tmp_path)
    path = folder / file
    text = path.read_text(encoding="utf-8")
    if file.endswith(".yml"):
        anchor = "titles:\n"
        text = text.replace(anchor, anchor + bad_line, 1)
        line = text[: text.index(bad_line)].count("\n") + 1
    else:
        text = text + bad_line
        line = text.count("\n")
    path.write_text(text, encoding="utf-8")
    entity_rules.cache_clear()
    with pytest.raises(RuleError) as info:
        entity_rules(str(folder))
    problem = next(p for p in info.value.problems if needle in p)
    assert f":{line}:" in problem and Path(file).name in problem and fix in problem
