"""The place index's search for dataset names in a sentence: the same hits as trying every
run of up to five capitalised words, with each word folded once."""

from __future__ import annotations

from itertools import pairwise

import pytest

from vnextract.entities import admin_places
from vnextract.entities.admin_places import PlaceIndex, place_index
from vnextract.entities.gazetteer import entity_rules

# sentences written for this test: names in runs, joined by '_', spelt without the
# apostrophe or the hyphen, in capitals, beside capitalised words that are no place
OWN = [
    "Đoàn công tác về xã Tân Hiệp, huyện Hai Bà Trưng và Nam Từ Liêm.",
    "Bà Rịa Vũng Tàu, Cư Mgar và Ea H'leo cùng Ia H’Drai báo cáo.",
    "Ông Trần Văn Thời thăm Đồng Hỷ (Thái Nguyên) và Phan Rang Tháp Chàm.",
    "Hội_nghị Nam_Từ_Liêm ngày 3 TẠI HỒ CHÍ MINH, Công Ty Cổ Phần Hà Nội Xanh.",
    "Các Sở Ban Ngành Đoàn Thể Cùng Tham Gia Lễ Khai Mạc Tại Nhà Văn Hóa.",
    "Chương trình 135 ở Tr'Hy, Ch'ơm, M'Đrắk và Đắk R'Lấp.",
]


def _brute_hits(index: PlaceIndex, view: str) -> list[tuple[int, int, list]]:
    """Every start, the longest run first, each run looked up whole (the reference)."""
    tokens = [(m.start(), m.end()) for m in admin_places._TOKEN.finditer(view)]
    out, i = [], 0
    while i < len(tokens):
        found = None
        for n in range(min(5, len(tokens) - i), 0, -1):
            span = tokens[i : i + n]
            if any(b[0] - a[1] != 1 or view[a[1]] not in " _" for a, b in pairwise(span)):
                continue
            if not all(view[s].isupper() or view[s].isdigit() for s, _ in span):
                continue
            units = index.lookup(view[span[0][0] : span[-1][1]])
            if units:
                found = (n, units)
                break
        if found is None:
            i += 1
            continue
        hit = admin_places._Hit(tokens[i][0], tokens[i + found[0] - 1][1], found[1])
        index._unit_word(view, tokens, i, hit)  # narrows the units to the unit word's
        out.append((hit.start, hit.end, hit.units))
        i += found[0]
    return out


@pytest.fixture(scope="module")
def index() -> PlaceIndex:
    return place_index(entity_rules())


@pytest.mark.parametrize("text", OWN)
def test_entities_place_index_hits_as_every_run_looked_up(index, text):
    got = [(h.start, h.end, h.units) for h in index._hits(text)]
    assert got == _brute_hits(index, text)
    assert got  # every sentence holds at least one name


@pytest.mark.parametrize("text", OWN)
def test_entities_place_index_folds_each_word_once(index, monkeypatch, text):
    index._word_keys.clear()
    calls: list[str] = []
    name_key = PlaceIndex.name_key
    monkeypatch.setattr(
        PlaceIndex, "name_key", lambda self, t: calls.append(t) or name_key(self, t)
    )
    index._hits(text)
    # only single words are folded, each once: runs are keyed by joining them
    assert all(len(admin_places._TOKEN.findall(c)) == 1 for c in calls)
    assert len(calls) == len(set(calls))
