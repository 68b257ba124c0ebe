"""Entity tagging once the shared spaCy vocabulary is full (sentences written for these tests).

Past ``VOCAB_KEPT`` lexemes each article is tagged inside a spaCy memory zone: its new
words are dropped afterwards, and what is found must not change.
"""

from __future__ import annotations

import pytest

import vnextract.entities as entities_stage
from vnextract.core.model import Sentence
from vnextract.entities import tag_document

ARTICLES = [
    "Sở Thông tin và Truyền thông Hậu Giang cấp 14 giấy phép.\n"
    "Ông Lâm Văn Khởi, Giám đốc Sở, chủ trì buổi làm việc tại xã Vĩnh Viễn.",
    "UBND tỉnh Kon Tum ban hành Quyết định số 215/QĐ-UBND ngày 3/4/2024.\n"
    "Bà Y Thị Blưm phát biểu tại thành phố Kon Tum.",
    "Tập đoàn Bưu chính Viễn thông Việt Nam (VNPT) lắp 60 trạm mới ở huyện Mường Nhé.",
]


def sentences_of(text: str) -> list[Sentence]:
    out, pos = [], 0
    for i, line in enumerate(text.split("\n")):
        out.append(Sentence(i, pos, pos + len(line), line, i))
        pos += len(line) + 1
    return out


def tagged(nlp, text: str) -> tuple[list, list]:
    found, officials = tag_document(nlp, "t", text, sentences_of(text), "Hậu Giang")
    return found, officials


@pytest.mark.parametrize("text", ARTICLES)
def test_entities_memory_zone_same_results(text: str, monkeypatch) -> None:
    import vnextract

    plain, zoned = vnextract.load(), vnextract.load()
    expected = tagged(plain, text)
    assert expected[0], "the article must hold entities for the comparison to mean anything"
    assert len(plain.vocab.strings) > 0  # outside a zone the words are kept
    monkeypatch.setattr(entities_stage, "VOCAB_KEPT", 0)
    before = len(zoned.vocab.strings)
    assert tagged(zoned, text) == expected
    assert len(zoned.vocab.strings) == before  # the article's words were not kept
    assert tagged(zoned, text) == expected  # and the next article is tagged as well
