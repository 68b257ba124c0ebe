"""The bulk-feature word segmenter gives exactly underthesea's features, tags and words."""

from pathlib import Path

import pytest
from spacy.util import get_words_and_spaces
from spacy.vocab import Vocab
from underthesea import word_tokenize
from underthesea.pipeline.word_tokenize.regex_tokenize import tokenize

from vnextract.ingest.decode import read_document
from vnextract.ingest.furniture import find_furniture
from vnextract.segment import words as wordseg
from vnextract.segment.features import FeatureTemplates
from vnextract.segment.sentences import split_sentences
from vnextract.segment.tokenizer import (
    TEXT_KEY,
    WORD_SPANS_KEY,
    UndertheseaTokenizer,
    align_words,
    doc_cache,
    words_and_spaces,
)
from vnextract.segment.words import WordSegmenter, check, load_segmenter

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def segmenter() -> WordSegmenter:
    return WordSegmenter()


def corpus_sentences() -> list[str]:
    sentences = []
    for path in sorted((ROOT / "corpus").iterdir()):
        text = read_document(path).text
        sentences += [s.text for s in split_sentences(text, find_furniture(text)) if s.text.strip()]
    return sentences


def test_every_corpus_sentence_segments_as_word_tokenize_does(segmenter):
    sentences = corpus_sentences()
    assert len(sentences) > 200
    for sentence in sentences:
        tokens = segmenter.tokens(sentence)
        assert tokens == tokenize(sentence), sentence
        assert [list(f) for f in segmenter._templates.features(tokens)] == (
            segmenter.reference_features(tokens)
        ), sentence
        assert segmenter(sentence) == word_tokenize(sentence), sentence


def test_leaving_out_unknown_attributes_changes_no_tag(segmenter):
    assert segmenter._templates.known is not None  # read from the bundled model here
    for sentence in corpus_sentences()[:80]:
        tokens = segmenter.tokens(sentence)
        full = segmenter._templates.features(tokens)
        kept = segmenter._templates.model_features(tokens)
        known = segmenter._templates.known
        # exactly the known strings, in template order
        assert kept == [tuple(x for x in row if x in known) for row in full]
        assert segmenter._tagger.tag(kept) == segmenter._tagger.tag(full), sentence


def test_without_the_model_attributes_every_feature_is_passed_on(segmenter):
    templates = FeatureTemplates(
        [t[4].removesuffix("=BOS") for t in segmenter._templates.plan],
        segmenter._templates.dictionary,
    )
    tokens = segmenter.tokens("Sở Y tế tỉnh Nghệ An")
    assert templates.model_features(tokens) == segmenter._templates.features(tokens)


@pytest.mark.parametrize(
    "tokens",
    [
        ["Mưa"],
        ["Hà", "Nội"],
        ["Sở", "TT&TT", "tỉnh"],
        ["Có", "9/17", "xã", "đạt"],
        # Rust's i32 parse: signs allowed, the range is bounded, only ASCII digits
        ["+5", "-3", "2147483647", "2147483648", "-2147483648", "-2147483649", "٣", "05"],
        # title case: a digit or a sign is its own upper case; 'ǅ' is not
        ["1,5", "ǅa", "ĐẮK", "đắk", "x.Y", "(", "“Tăng", "i̇"],
        ["UBND", "TP.HCM", "ban", "hành", "Quyết", "định", "số", "1234/QĐ-UBND"],
    ],
)
def test_features_equal_underthesea_core_on_edge_tokens(segmenter, tokens):
    assert [list(f) for f in segmenter._templates.features(tokens)] == (
        segmenter.reference_features(tokens)
    )


@pytest.mark.parametrize(
    "text",
    ["", "   ", ".", "Thanh Hoá", "Ông NGUYỄN VĂN AN phát biểu", "Tăng 12,5% so với năm 2022."],
)
def test_short_and_odd_inputs_match_word_tokenize(segmenter, text):
    assert segmenter(text) == word_tokenize(text)


def test_the_start_up_check_passes_here(segmenter):
    assert check(segmenter) is None


def test_the_start_up_check_notices_a_different_template(segmenter):
    altered = WordSegmenter()
    # a template underthesea does not use gives other features: the check must say so
    altered._templates = FeatureTemplates(["T[0]", "T[-1].lower"], altered._templates.dictionary)
    problem = check(altered)
    assert problem is not None and "features differ" in problem


def test_the_start_up_check_notices_different_tokens(monkeypatch):
    altered = WordSegmenter()
    tokens = altered.tokens
    monkeypatch.setattr(altered, "tokens", lambda text: [t.lower() for t in tokens(text)])
    problem = check(altered)
    assert problem is not None and "tokens differ" in problem


def test_a_template_of_unknown_form_is_refused():
    with pytest.raises(ValueError, match="unsupported feature template"):
        FeatureTemplates(["T[0].reversed"], frozenset())
    with pytest.raises(ValueError, match="unsupported feature template"):
        FeatureTemplates(["T[1,-1]"], frozenset())


def test_load_falls_back_to_word_tokenize_when_the_check_fails(monkeypatch, caplog):
    load_segmenter.cache_clear()
    monkeypatch.setattr(wordseg, "check", lambda segmenter: "features differ on 'x'")
    try:
        with caplog.at_level("WARNING"):
            assert load_segmenter() is word_tokenize
        assert "word_tokenize" in caplog.text and "features differ" in caplog.text
    finally:
        load_segmenter.cache_clear()


def test_load_uses_the_bulk_segmenter_when_it_matches():
    load_segmenter.cache_clear()
    assert isinstance(load_segmenter(), WordSegmenter)


def test_the_token_and_feature_caches_stay_bounded(monkeypatch):
    monkeypatch.setattr(wordseg, "_CACHE_LIMIT", 10)
    segmenter = WordSegmenter()  # its caches made under the small limit
    for i in range(100):
        tokens = segmenter.tokens(f"Xã số {i} có {i + 1000} hộ dân")
        segmenter.tagger_labels(tokens)  # the feature strings, as for a near tie
    # emptied when over the limit, then filled by at most one sentence's tokens
    assert 0 < len(segmenter._templates._single[True]) <= 10 + 1 + 8
    assert 0 < len(segmenter._chunks.cache) <= 10 + 1 + 8


# chunks whose tokens could depend on their neighbours: a token running on over a
# space (Th.S), `$` after the last chunk (TP. at the end), lookarounds at the edges
CHUNK_EDGE_TEXTS = [
    "Ông Th S. Nguyễn và ThS. Lê, Th.S Hà",
    "Học vị ThS hay Th s thì tùy Th",
    "Về TP. Huế rồi TP.",
    "Trang abc.vn/tin (mới) và a@b.vn, @x.vn nữa",
    "Vui :D :D\n:D",
    "Số 12-345-678 ngày 5/9/2023, 3x4 và 1.000,5",
    "Từ -> đến ==> v.v... rồi v.v",
    "Từ trái-phải, ra-vào-ra; ʺchữʺ và ʺ",
    "  UBND  tỉnh\n\tThanh Hoá  ",
]


@pytest.mark.parametrize("text", CHUNK_EDGE_TEXTS)
def test_tokens_equal_underthesea_at_chunk_edges(segmenter, text):
    assert segmenter.tokens(text) == tokenize(text)


def test_cached_chunks_give_the_same_tokens_in_other_company(segmenter):
    # every chunk met once in one text, then again next to other neighbours
    for text in CHUNK_EDGE_TEXTS:
        segmenter.tokens(text)
    for text in CHUNK_EDGE_TEXTS:
        for shuffled in (" ".join(reversed(text.split())), " ".join([*text.split()[1:], "Th"])):
            assert segmenter.tokens(shuffled) == tokenize(shuffled), shuffled


def test_another_token_pattern_is_run_over_the_whole_text(monkeypatch):
    import re

    from underthesea.pipeline.word_tokenize import regex_tokenize

    segmenter = WordSegmenter()
    # what underthesea does when word_tokenize is given fixed words
    other = re.compile(r"(?P<fixed_words>\bSở\ Y\ tế\b)|" + regex_tokenize.patterns.pattern, re.X)
    monkeypatch.setattr(regex_tokenize, "patterns", other)
    text = "Sở Y tế tỉnh Nghệ An"
    assert segmenter.tokens(text) == ["Sở Y tế", "tỉnh", "Nghệ", "An"]
    assert not segmenter._chunks.chunked


# -- the spaCy Doc built from those words --------------------------------------------

ODD_TEXTS = [
    "  Sở  Y tế\n\ttỉnh  ",
    "Thanh Hoá\u00a0có 5 xã",
    "x  \n  y",
    "Hà Nội, ngày 5/9/2023",
    "Ông NGUYỄN VĂN AN (Sở TT&TT) nói: “Đạt 81,62%”.",
]


def _spacy_words_and_spaces(text: str, spans: list[tuple[int, int]]):
    words, pos = [], 0
    for start, end in spans:
        words += text[pos:start].split()
        words.append(text[start:end])
        pos = end
    words += text[pos:].split()
    return get_words_and_spaces(words, text)


@pytest.mark.parametrize("text", ODD_TEXTS)
def test_doc_text_is_the_input_and_words_follow_the_segmenter(segmenter, text):
    # the whole text as one sentence, segmented as the pipeline segments a sentence
    doc = UndertheseaTokenizer(Vocab(), segmenter).from_sentences(text, [(0, len(text), 0)])
    assert doc.text == text
    # what the tokenizer leaves for the entity components is what the Doc itself says
    assert doc_cache(doc)[TEXT_KEY] == text
    assert doc_cache(doc)[WORD_SPANS_KEY] == {
        0: [(t.idx, t.idx + len(t.text)) for t in doc if " " in t.text]
    }
    spans = align_words(text, segmenter(text))
    assert (
        [t.text for t in doc],
        [bool(t.whitespace_) for t in doc],
    ) == words_and_spaces(text, spans)


def test_words_and_spaces_equal_spacys_own_on_the_corpus(segmenter):
    for text in [*corpus_sentences(), *ODD_TEXTS]:
        spans = align_words(text, segmenter(text))
        assert words_and_spaces(text, spans) == _spacy_words_and_spaces(text, spans), text


def test_rewritten_tone_marks_are_aligned_back_to_the_input(segmenter):
    text = "Tỉnh Thanh Hoá và Khánh Hoà"
    words = segmenter(text)
    assert "Thanh Hóa" in words  # underthesea moves the tone mark
    spans = align_words(text, words)
    assert [text[s:e] for s, e in spans][1] == "Thanh Hoá"
