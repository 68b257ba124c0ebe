"""The segmentation model read from its file scores and labels as underthesea's tagger does."""

import random
import struct
from pathlib import Path

import numpy as np
import pytest
from underthesea import word_tokenize
from underthesea_core import CRFModel

from test_segment_words import corpus_sentences
from vnextract.segment import scores as wordscores
from vnextract.segment import words as wordseg
from vnextract.segment.crfmodel import read_crfsuite, viterbi2
from vnextract.segment.words import WordSegmenter, check_scorer

MODEL = wordseg._model_dir() / "models.bin"


@pytest.fixture(scope="module")
def segmenter() -> WordSegmenter:
    return WordSegmenter()


def test_the_bundled_model_is_read_as_underthesea_core_reads_it():
    weights = read_crfsuite(MODEL)
    model = CRFModel.load(str(MODEL))
    assert weights.labels == ["B-W", "I-W"] == list(model.get_labels())
    assert len(weights.attributes) == model.num_attributes == weights.state.shape[0]
    assert weights.state_features == model.num_state_features()
    assert weights.transition_features == model.num_transition_features() == 4
    assert weights.attributes["T[-2]=BOS"] >= 0


@pytest.mark.parametrize(
    "damage, reason",
    [
        (lambda b: b[:100], "size"),
        (lambda b: b"xCRF" + b[4:], "header"),
        (lambda b: b[:48] + b"FEAX" + b[52:], "FEAT"),
        # the attribute table's offset points past the end of the file
        (lambda b: b[:36] + struct.pack("<I", len(b) + 10) + b[40:], "unpack"),
        # the first attribute record claims another id
        (None, "record"),
    ],
)
def test_a_damaged_model_file_is_refused(tmp_path: Path, damage, reason):
    data = MODEL.read_bytes()
    if damage is None:
        off_attrs = struct.unpack_from("<I", data, 36)[0]
        bwd = struct.unpack_from("<I", data, off_attrs + 20)[0]
        first = struct.unpack_from("<I", data, off_attrs + bwd)[0]
        data = bytearray(data)
        struct.pack_into("<i", data, off_attrs + first, 7)
        damaged = bytes(data)
    else:
        damaged = damage(data)
    path = tmp_path / "models.bin"
    path.write_bytes(damaged)
    with pytest.raises(ValueError, match=f"models.bin: .*{reason}"):
        read_crfsuite(path)


NO_MOVES = np.zeros((2, 2))


@pytest.mark.parametrize(
    "first, second, transitions, expected",
    [
        ([1.0], [0.0], NO_MOVES, [0]),
        ([0.0, 0.0, 3.0], [1.0, 2.0, 0.0], NO_MOVES, [1, 1, 0]),
        # a strong 0 -> 1 bonus outweighs the second token's own preference for 0
        ([1.0, 0.5], [0.0, 0.0], np.array([[0.0, 1.0], [0.0, 0.0]]), [0, 1]),
        # going 1 -> 1 costs: the path leaves label 1 even where 1 scores higher alone
        ([0.0, 0.9, 0.0], [1.0, 1.0, 1.0], np.array([[0.0, 0.0], [0.0, -0.5]]), [1, 0, 1]),
    ],
)
def test_viterbi_finds_the_best_path(first, second, transitions, expected):
    assert viterbi2(first, second, transitions, 1e-9) == expected


def test_viterbi_leaves_a_close_call_to_the_caller():
    # the last label is a tie
    assert viterbi2([0.0, 1.0], [0.0, 1.0], NO_MOVES, 1e-9) is None
    # on the path: label 0 at the end is reached equally well from 0 and from 1
    assert viterbi2([1.0, 5.0], [1.0, 0.0], NO_MOVES, 1e-9) is None
    # off the path: label 1's predecessors tie, but the path ends in 0 and comes from 0
    assert viterbi2([2.0, 5.0], [1.0, 0.0], np.array([[0.0, 0.0], [0.0, 1.0]]), 1e-9) == [0, 0]


def _shuffled(sentences: list[str], seed: int, count: int) -> list[str]:
    """Sentences of corpus syllables in new orders: n-grams the corpus never had."""
    rng = random.Random(seed)
    out = []
    for _ in range(count):
        words = " ".join(rng.sample(sentences, 3)).split()
        rng.shuffle(words)
        out.append(" ".join(words[: rng.randint(1, 40)]))
    return out


def test_the_scores_label_every_corpus_sentence_as_the_tagger_does(segmenter):
    sentences = corpus_sentences()
    checked = 0
    for sentence in [*sentences, *_shuffled(sentences, 6, 400)]:
        tokens = segmenter.tokens(sentence)
        if not tokens:
            continue
        labels = segmenter._scorer.labels(tokens)
        assert labels is not None, sentence  # no near tie in these
        assert labels == segmenter.tagger_labels(tokens), sentence
        checked += 1
    assert checked > 600


def test_a_near_tie_goes_to_underthesea_s_tagger(monkeypatch):
    segmenter = WordSegmenter()
    monkeypatch.setattr(wordscores, "MARGIN", 1e9)  # every call is too close
    sentences = corpus_sentences()[:20]
    for sentence in sentences:
        assert segmenter(sentence) == word_tokenize(sentence)
    assert segmenter.near_ties == len(sentences)


def test_an_unreadable_model_leaves_the_tagging_to_underthesea(monkeypatch):
    def refuse(path):
        raise ValueError("not readable")

    monkeypatch.setattr(wordseg, "read_crfsuite", refuse)
    segmenter = WordSegmenter()
    assert segmenter._scorer is None and segmenter._templates.known is None
    for sentence in corpus_sentences()[:10]:
        assert segmenter(sentence) == word_tokenize(sentence)


def test_the_start_up_check_notices_scores_that_disagree(segmenter):
    assert check_scorer(segmenter) is None
    altered = WordSegmenter()
    transitions = altered._scorer.weights.transitions
    transitions[0, 1] = transitions[1, 1] = -100.0  # never continue a word
    assert "labels differ" in check_scorer(altered)


def test_the_score_tables_stay_bounded():
    segmenter = WordSegmenter()
    segmenter._scorer = wordscores.WordScorer(
        segmenter._templates.plan, segmenter._templates.groups, segmenter._scorer.weights, 10
    )
    for i in range(100):
        segmenter(f"Xã số {i} có {i + 1000} hộ dân")
    for rows in segmenter._scorer.rows.values():
        # emptied when over the limit, then filled by at most one sentence's n-grams
        assert len(rows) <= 10 + 1 + 8


def test_a_very_long_sentence_is_scored_and_its_grid_not_kept(segmenter):
    sentence = " ".join(["Sở Y tế tỉnh Nghệ An"] * 120)  # 720 tokens
    assert segmenter(sentence) == word_tokenize(sentence)
    assert all(n <= wordscores._GRID_CACHE_TOKENS for n, _ in segmenter._scorer._grids)


# sentences written for these tests: new n-grams, a repeated one, digits, title case
BATCH_SENTENCES = [
    "Huyện Mường Tè đã lắp thêm 37 trạm phát sóng ở các bản vùng cao.",
    "Chợ nổi Cái Răng đón 4.200 lượt khách, khách khách quay lại mua trái cây.",
    "UBND xã Tà Xùa ký kết với Viettel Sơn La về phủ sóng 4G.",
]


@pytest.mark.parametrize("sentence", BATCH_SENTENCES)
def test_scores_new_ngrams_are_scored_in_one_batch_per_width(sentence):
    scorer = WordSegmenter()._scorer
    calls: dict[int, list[list[str]]] = {}
    for width, rows in scorer.rows.items():
        compute = rows.compute

        def counted(texts, width=width, compute=compute):
            calls.setdefault(width, []).append(list(texts))
            return compute(texts)

        rows.compute = counted
    tokens = WordSegmenter().tokens(sentence)
    scorer.labels(tokens)
    for width, batches in calls.items():
        grams = {" ".join(tokens[i : i + width]) for i in range(len(tokens) - width + 1)}
        assert len(batches) == 1 and sorted(batches[0]) == sorted(grams), width
    scorer.labels(tokens)  # nothing new the second time
    assert all(len(batches) == 1 for batches in calls.values())


@pytest.mark.parametrize("sentence", BATCH_SENTENCES)
def test_scores_rows_are_the_sums_of_the_feature_strings_weights(segmenter, sentence):
    """Each row adds, in template order, the weights of the strings underthesea would make
    (``T[0].lower=khách``): the same floating-point sums as one string at a time."""
    scorer, templates = segmenter._scorer, segmenter._templates
    weights = scorer.weights
    tokens = segmenter.tokens(sentence)
    scorer.labels(tokens)
    for width, rows in scorer.rows.items():
        for i in range(len(tokens) - width + 1):
            text = " ".join(tokens[i : i + width])
            expected = np.zeros_like(rows.table[0])
            for _, index, first, *_ in (p for p in templates.plan if p[0] == width):
                prefix, _, function = templates.groups[width][index]
                attribute = weights.attributes.get(prefix + function(text))
                if attribute is not None:
                    expected[scorer.offsets[width].index(first)] += weights.state[attribute]
            assert np.array_equal(rows.table[rows[text]], expected), text


def test_segment_all_gives_each_sentence_s_words_and_scores(segmenter):
    """An article's sentences segmented together: the words and the very same score
    arrays as one sentence at a time, the new n-grams scored in one batch per width."""
    alone = WordSegmenter()
    together = WordSegmenter()
    calls: dict[int, int] = {}
    for width, rows in together._scorer.rows.items():
        compute = rows.compute

        def counted(texts, width=width, compute=compute):
            calls[width] = calls.get(width, 0) + 1
            return compute(texts)

        rows.compute = counted
    assert together.segment_all(BATCH_SENTENCES) == [alone(s) for s in BATCH_SENTENCES]
    assert calls and all(n == 1 for n in calls.values())
    for sentence in BATCH_SENTENCES:
        tokens = alone.tokens(sentence)
        assert np.array_equal(together._scorer.scores(tokens), alone._scorer.scores(tokens))


def test_segment_all_does_not_prefetch_past_the_table_limit():
    segmenter = WordSegmenter()
    segmenter._scorer = wordscores.WordScorer(
        segmenter._templates.plan, segmenter._templates.groups, segmenter._scorer.weights, 10
    )
    sentences = [f"Xã số {i} có {i + 1000} hộ dân" for i in range(30)]
    assert segmenter.segment_all(sentences) == [word_tokenize(s) for s in sentences]
    for rows in segmenter._scorer.rows.values():
        assert len(rows) <= 10 + 1 + 8


def test_scores_all_gives_each_sentence_s_scores(segmenter):
    token_lists = [segmenter.tokens(s) for s in BATCH_SENTENCES]
    together = segmenter._scorer.scores_all(token_lists)
    assert len(together) == len(token_lists)
    for tokens, scores in zip(token_lists, together, strict=True):
        assert np.array_equal(scores, segmenter._scorer.scores(tokens))


def test_scores_all_falls_back_when_the_table_is_emptied_part_way():
    segmenter = WordSegmenter()
    scorer = wordscores.WordScorer(
        segmenter._templates.plan, segmenter._templates.groups, segmenter._scorer.weights, 10
    )
    token_lists = [segmenter.tokens(f"Xã số {i} có {i + 1000} hộ dân") for i in range(5)]
    emptied = {w: rows.emptied for w, rows in scorer.rows.items()}
    together = scorer.scores_all(token_lists)
    assert any(rows.emptied > emptied[w] for w, rows in scorer.rows.items())
    for tokens, scores in zip(token_lists, together, strict=True):
        assert np.array_equal(scores, segmenter._scorer.scores(tokens))
