"""Sentence splitting: repeated sentences keep their own place, run-on text is cut.

The sentences are written for these tests (none comes from ../shared).
"""

from __future__ import annotations

import pytest

from vnextract.core.model import Furniture
from vnextract.segment.sentences import MAX_SENTENCE_CHARS, split_sentences

REPEATS = [
    (
        "Tỉnh có 10 trạm BTS mới. Huyện A có 20 trạm. Tỉnh có 10 trạm BTS mới. Huyện C có 30 trạm.",
        [
            "Tỉnh có 10 trạm BTS mới.",
            "Huyện A có 20 trạm.",
            "Tỉnh có 10 trạm BTS mới.",
            "Huyện C có 30 trạm.",
        ],
    ),
    (
        "Năm nay huyện lắp 45 camera. Năm nay huyện lắp 45 camera. Năm nay huyện lắp 45 camera.",
        ["Năm nay huyện lắp 45 camera."] * 3,
    ),
    (
        "Xã Tân Lập có 12 điểm wifi. Thôn Bắc có 7 điểm.  Xã Tân Lập có 12 điểm wifi.",
        ["Xã Tân Lập có 12 điểm wifi.", "Thôn Bắc có 7 điểm.", "Xã Tân Lập có 12 điểm wifi."],
    ),
    # a later sentence that also stands inside an earlier one
    (
        "Có 5 trạm. Huyện mới có 5 trạm. Có 5 trạm.",
        ["Có 5 trạm.", "Huyện mới có 5 trạm.", "Có 5 trạm."],
    ),
]


@pytest.mark.parametrize(("line", "expected"), REPEATS)
def test_segment_repeated_sentence_keeps_its_own_place(line, expected):
    text = f"Tiêu đề bài viết\n{line}\n"
    sentences = split_sentences(text)
    assert [s.text for s in sentences[1:]] == expected
    for s in sentences:
        assert text[s.start : s.end] == s.text
    starts = [s.start for s in sentences]
    assert starts == sorted(set(starts))


def test_segment_article_repeated_on_one_line_gives_each_sentence_once_per_copy():
    article = "Huyện Đông có 120 hộ dùng cáp quang. Xã Tây có 35 hộ. Toàn tỉnh đạt 98%."
    sentences = split_sentences(" ".join([article] * 24))
    assert len(sentences) == 3 * 24
    assert max(len(s.text) for s in sentences) == len("Huyện Đông có 120 hộ dùng cáp quang.")


def test_segment_repeated_sentence_inside_furniture_stays_out():
    line = "Xã Đông có 8 trạm. Xã Tây có 9 trạm. Xã Đông có 8 trạm."
    second = line.rindex("Xã Đông")
    skip = [Furniture(second, len(line), "caption")]
    kept = [s.text for s in split_sentences(line, skip)]
    assert kept == ["Xã Đông có 8 trạm.", "Xã Tây có 9 trạm."]


RUN_ON = [
    # (text, limit, where every piece but the last is cut: after a mark, before a space,
    # or anywhere when there is neither)
    ("thôn số 3 có 15 hộ dùng cáp quang; " * 400, 1000, ";"),
    ("thôn số 3 có 15 hộ dùng cáp quang, " * 400, 1000, ","),
    ("thôn số 3 có 15 hộ dùng cáp quang " * 400, 1000, " "),
    ("x" * 2500, 1000, ""),
    ("thôn số 3 có 15 hộ dùng cáp quang; " * 2000, MAX_SENTENCE_CHARS, ";"),
]


@pytest.mark.parametrize(("text", "limit", "cut"), RUN_ON)
def test_segment_run_on_text_is_cut_into_bounded_sentences(text, limit, cut):
    sentences = split_sentences(text, max_chars=limit)
    assert len(sentences) > 1
    assert all(0 < len(s.text) <= limit for s in sentences)
    for s in sentences[:-1]:
        if cut == " ":
            assert text[s.end] == " "  # between words
        elif cut:
            assert s.text.endswith(cut)
        else:
            assert len(s.text) == limit
    assert all(text[s.start : s.end] == s.text for s in sentences)
    assert {s.paragraph for s in sentences} == {0}
    # nothing is lost: the pieces hold every non-space character, in order
    assert "".join(s.text for s in sentences).replace(" ", "") == text.replace(" ", "")


def test_segment_sentences_under_the_limit_are_left_whole():
    line = "Tỉnh có 2.184 trạm BTS, trong đó 1.356 trạm 4G; riêng thành phố có 42 trạm 5G."
    assert [s.text for s in split_sentences(line, max_chars=len(line))] == [line]
