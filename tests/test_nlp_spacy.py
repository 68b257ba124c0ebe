"""The pipeline as a spaCy user uses it: one Doc per text, serialisation, multiprocessing,
saving and loading in a fresh process, evaluation. Sentences written for these tests."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
import spacy
from spacy.tokens import Doc, DocBin
from spacy.training import Example
from spacy.util import DummyTokenizer

import vnextract
from vnextract.nlp import ENTITY_COMPONENTS, FIGURE_COMPONENT, blank
from vnextract.segment.tokenizer import UnderseaTokenizer, UndertheseaTokenizer

TEXT = (
    "Sở Khoa học và Công nghệ (KH&CN) tỉnh Hà Tĩnh cho biết, năm 2024 toàn tỉnh có "
    "1.250 trạm BTS.\n"
    "Giám đốc Sở KH&CN Lê Văn Toàn cho biết ngày 15/3/2024 sẽ khởi công 12 công trình."
)
TEXTS = [
    TEXT,
    "Ông Phan Quốc Bảo, Chủ tịch UBND huyện Kỳ Anh, dự lễ ra mắt ngày 02/9/2023.",
    "Bà Đỗ Thị Mai nói rằng 85% hộ dân đã dùng cáp quang.",
]


@pytest.fixture(scope="module")
def nlp():
    return vnextract.load()


def ents(doc: Doc) -> list[tuple[str, str, str | None]]:
    return [(e.text, e.label_, e._.canonical) for e in doc.ents]


def summary(doc: Doc) -> dict:
    """What a user reads off a tagged Doc."""
    return {
        "text": doc.text,
        "sents": [s.text for s in doc.sents] if len(doc) else [],
        "ents": ents(doc),
        "figures": [(s.text, s.kb_id_) for s in doc.spans.get("figures", [])],
        "dates": [(s.text, s.kb_id_) for s in doc.spans.get("dates", [])],
        # DocBin reads lists back as tuples
        "officials": list(doc._.officials or []),
        "abbreviations": list(doc._.abbreviations or []),
        "sentences": [list(s) for s in doc._.sentences or []],
    }


@pytest.mark.parametrize("text", ["", " ", "\n\n", "   \n  "])
def test_nlp_empty_or_blank_text_gives_an_empty_tagged_doc(nlp, text):
    doc = nlp(text)
    assert doc.text == text
    assert list(doc.ents) == [] and not doc._.officials


def test_nlp_one_doc_per_text_with_sentence_starts(nlp):
    doc = nlp(TEXT)
    assert doc.text == TEXT
    sents = [s.text.strip() for s in doc.sents]
    assert sents == [
        "Sở Khoa học và Công nghệ (KH&CN) tỉnh Hà Tĩnh cho biết, năm 2024 toàn tỉnh có "
        "1.250 trạm BTS.",
        "Giám đốc Sở KH&CN Lê Văn Toàn cho biết ngày 15/3/2024 sẽ khởi công 12 công trình.",
    ]
    assert [s[2] for s in doc._.sentences] == [0, 1]


@pytest.mark.parametrize(
    ("group", "expected"),
    [
        ("dates", [("năm 2024", "2024"), ("15/3/2024", "2024-03-15")]),
        ("figures", [("1.250", "1250"), ("12", "12")]),
    ],
)
def test_nlp_figures_and_dates_are_span_groups(nlp, group, expected):
    doc = nlp(TEXT)
    assert [(s.text, s.kb_id_) for s in doc.spans[group]] == expected


def test_nlp_dates_beside_entities_in_doc_ents(nlp):
    found = ents(nlp(TEXT))
    assert ("15/3/2024", "DATE", "2024-03-15") in found
    # a bare nlp(text) reads its province (Hà Tĩnh) from the text: the bare Sở is its
    assert ("Sở KH&CN", "AGENCY", "Sở Khoa học và Công nghệ Hà Tĩnh") in found
    assert ("Lê Văn Toàn", "PERSON", "Lê Văn Toàn") in found


def test_nlp_officials_and_abbreviations_are_plain_extensions(nlp):
    doc = nlp(TEXT)
    assert doc._.officials == [
        {
            "doc_id": "",
            "name": "Lê Văn Toàn",
            "title": "Giám đốc",
            "agency": "Sở Khoa học và Công nghệ Hà Tĩnh",
            "char_start": TEXT.index("Lê Văn Toàn"),
            "char_end": TEXT.index("Lê Văn Toàn") + len("Lê Văn Toàn"),
            "sentence_index": 1,
        }
    ]
    assert doc._.abbreviations == [
        {
            "abbr": "KH&CN",
            "expansion": "Khoa học và Công nghệ",
            "char_start": TEXT.index("(KH&CN)"),
        }
    ]


def test_nlp_doc_bytes_round_trip_keeps_everything(nlp):
    doc = nlp(TEXT)
    back = Doc(nlp.vocab).from_bytes(doc.to_bytes())
    assert summary(back) == summary(doc)


def test_nlp_docbin_with_user_data_round_trip(nlp):
    docs = list(nlp.pipe(TEXTS))
    stored = DocBin(store_user_data=True, docs=docs).to_bytes()
    back = list(DocBin().from_bytes(stored).get_docs(nlp.vocab))
    assert [summary(d) for d in back] == [summary(d) for d in docs]
    assert any(d._.officials for d in back) and any(d.spans["dates"] for d in back)


def test_nlp_pipe_in_two_processes_equals_one(nlp):
    serial = [summary(d) for d in nlp.pipe(TEXTS)]
    parallel = [summary(d) for d in nlp.pipe(TEXTS, n_process=2, batch_size=1)]
    assert parallel == serial


def test_nlp_tokenizer_pipe_and_class(nlp):
    tokenizer = nlp.tokenizer
    assert isinstance(tokenizer, UndertheseaTokenizer) and isinstance(tokenizer, DummyTokenizer)
    docs = list(tokenizer.pipe(TEXTS))
    assert [d.text for d in docs] == TEXTS
    assert [len(list(d.sents)) for d in docs] == [2, 1, 1]


@pytest.mark.parametrize(
    "name", ["vnextract.UndertheseaTokenizer.v1", "vnextract.UnderseaTokenizer.v1"]
)
def test_nlp_tokenizer_registered_under_new_and_old_name(name):
    nlp = spacy.blank("vi", config={"nlp": {"tokenizer": {"@tokenizers": name}}})
    assert isinstance(nlp.tokenizer, UndertheseaTokenizer)
    assert UnderseaTokenizer is UndertheseaTokenizer  # the old class name still imports


_FRESH = """
import json, sys
import spacy
assert not any(m.startswith("vnextract") for m in sys.modules)
nlp = spacy.load(sys.argv[1])
doc = nlp(sys.argv[2])
print(json.dumps({"pipe": nlp.pipe_names,
                  "ents": [[e.text, e.label_, e._.canonical] for e in doc.ents],
                  "officials": doc._.officials}, ensure_ascii=False))
"""


def _fresh_load(path, text: str) -> dict:
    done = subprocess.run(
        [sys.executable, "-c", _FRESH, str(path), text], capture_output=True, text=True
    )
    assert done.returncode == 0, done.stderr[-2000:]
    return json.loads(done.stdout)


def test_nlp_saved_pipeline_loads_in_a_fresh_process(nlp, tmp_path):
    nlp.to_disk(tmp_path / "saved")
    # each component holding rules saved the rule files it reads
    for name in ENTITY_COMPONENTS:
        assert (tmp_path / "saved" / name / "rules" / "entities" / "patterns.jsonl").is_file()
    assert (tmp_path / "saved" / FIGURE_COMPONENT / "rules" / "dates.yml").is_file()
    loaded = _fresh_load(tmp_path / "saved", TEXT)
    assert loaded["pipe"] == nlp.pipe_names
    assert loaded["ents"] == [list(e) for e in ents(nlp(TEXT))]
    assert loaded["officials"] == nlp(TEXT)._.officials


def test_nlp_saved_pipeline_reads_its_saved_rules(nlp, tmp_path):
    saved = tmp_path / "saved"
    nlp.to_disk(saved)
    text = "Sở KH&CN Hà Tĩnh ký kết với Trường Đại học Vinh."
    for name in ENTITY_COMPONENTS:
        path = saved / name / "rules" / "entities" / "abbreviations.yml"
        rules = path.read_text(encoding="utf-8")
        edited = rules.replace("KH&CN: Khoa học và Công nghệ", "KH&CN: Khoa học, Công nghệ mới")
        assert edited != rules
        path.write_text(edited, encoding="utf-8")
    agencies = [e for e in _fresh_load(saved, text)["ents"] if e[1] == "AGENCY"]
    assert agencies == [["Sở KH&CN Hà Tĩnh", "AGENCY", "Sở Khoa học, Công nghệ mới Hà Tĩnh"]]


def test_nlp_evaluate_reports_entity_scores_per_label(nlp):
    doc = nlp(TEXT)
    gold = [(e.start_char, e.end_char, e.label_) for e in doc.ents]
    agency = next(i for i, g in enumerate(gold) if g[2] == "AGENCY")
    del gold[agency]  # one agency the annotator did not mark: a false positive
    example = Example.from_dict(nlp.make_doc(TEXT), {"entities": gold})
    scores = nlp.evaluate([example])
    per_type = scores["ents_per_type"]
    n_agencies = sum(e.label_ == "AGENCY" for e in doc.ents)
    assert per_type["AGENCY"]["p"] == pytest.approx((n_agencies - 1) / n_agencies)
    assert per_type["AGENCY"]["r"] == 1.0
    assert per_type["PERSON"] == {"p": 1.0, "r": 1.0, "f": 1.0}
    assert per_type["DATE"]["f"] == 1.0
    assert 0 < scores["ents_f"] < 1


def test_nlp_blank_pipeline_takes_the_components_one_by_one():
    pipeline = blank()
    for name in (FIGURE_COMPONENT, *ENTITY_COMPONENTS):
        pipeline.add_pipe(name)
    assert ("Năm 2023", "DATE", "2023") in ents(pipeline("Năm 2023, huyện có 40 xã."))


def test_nlp_definition_names_only_the_sentences_after_it(nlp):
    # one Doc, read sentence by sentence: what the article defines on its second line
    # does not rename the first line's agency, and does name the third's
    text = (
        "Sở XD&QH Hà Tĩnh tổ chức hội thi.\n"
        "Sở Xây dựng và Quy hoạch (XD&QH) phối hợp với huyện.\n"
        "Sở XD&QH Hà Tĩnh khen thưởng."
    )
    agencies = [(e.text, e._.canonical) for e in nlp(text).ents if e.label_ == "AGENCY"]
    assert agencies[0] == ("Sở XD&QH Hà Tĩnh", "Sở XD&QH Hà Tĩnh")
    assert agencies[-1] == ("Sở XD&QH Hà Tĩnh", "Sở Xây dựng và Quy hoạch Hà Tĩnh")
