"""The `requires` prefilter of the entity patterns only saves time: it never loses a match."""

import dataclasses
from pathlib import Path

import pytest

from vnextract.entities.context import sentence_view
from vnextract.entities.gazetteer import entity_rules
from vnextract.entities.ruler import find_candidates
from vnextract.ingest.decode import read_document
from vnextract.ingest.furniture import find_furniture
from vnextract.nlp import load
from vnextract.segment.sentences import split_sentences

ROOT = Path(__file__).resolve().parents[1]

# sentences written for this test: every prefiltered pattern has something to find,
# in capitals, with old tone marks, with words joined by '_' as the view joins them
OWN = [
    "Bộ trưởng Bộ Thông tin và Truyền thông làm việc với UBND tỉnh Quảng Trị.",
    "Kim ngạch đạt 2 tỷ đô la Mỹ, tương đương 300 tỷ yên Nhật Bản, và 5 triệu Euro.",
    "ỦY BAN NHÂN DÂN THÀNH PHỐ HẢI PHÒNG và Hội đồng nhân dân huyện Nam Đàn họp.",
    "Đoàn đến chợ Bến Thành, khu du lịch Tràng An và đền Hùng, cầu Long Biên.",
    "Trụ sở đặt tại số 6 Trần Huy Liệu, đường Lê Lợi, TP. Vinh (tỉnh Nghệ An).",
    "Theo Quyết định số 1234/QĐ-UBND và Nghị quyết 09-NQ/TU, Hàn Quốc hợp tác.",
    "Tỉnh đoàn Nghệ An phối hợp Hội Nông dân tỉnh tổ chức Hội nghị Sơ kết.",
    "TS. Nguyễn Văn An, ông Lê Minh Hoàng và bà Trần Thị Thu Hà cùng dự.",
    "Vùng Đông Nam Bộ và Tây Nguyên có Trung tâm Điều hành thông minh.",
    "Bộ_trưởng Bộ Công_an chủ_trì; xã Kim Sơn, huyện Hữu Lũng (Lạng Sơn).",
    "Ban Thường vụ Tỉnh ủy Hà Tĩnh, Ban Chỉ đạo chuyển đổi số tỉnh và Công an tỉnh họp.",
    "Tập đoàn Bưu chính Viễn thông Việt Nam, Báo Nhân Dân, Cục Viễn thông cùng tham dự.",
    "Huyện ủy Nam Đàn, Thành ủy Vinh, Trường Đại học Vinh và Hiệp hội Phần mềm Việt Nam.",
    "Ban Tuyên giáo Tỉnh ủy, Viettel Nghệ An và Công ty cổ phần Sách Nghệ An ký kết.",
    # a unit glued to its name: no literal word can stand for "TP" here
    "Người dân TPVinh và TPHCM đón Tết.",
    "Dân TPHuế vui.",
    # the patterns with a precheck instead: whole-line shapes, a prefix glued to a name
    "TIN LIÊN QUAN",
    "  KẾT QUẢ NỔI BẬT 2024: ",
    "Nguyễn Văn An",
    " Trần Thị Hà ",
    "Thành phố Vinh, TP.Hà Tĩnh, Tp Huế và thành_phố Đà Nẵng đón khách.",
    "Bà H'Hen Niê và ông Y Moan Byă thăm STTTT cùng SNN&PTNT.",
]


def sentences() -> list[str]:
    out = list(OWN)
    for path in sorted((ROOT / "corpus").iterdir()):
        text = read_document(path).text
        out += [s.text for s in split_sentences(text, find_furniture(text)) if s.text.strip()]
    return out


@pytest.fixture(scope="module")
def rules():
    return entity_rules()


def test_some_patterns_are_prefiltered(rules):
    assert sum(p.requires is not None for p in rules.patterns) >= 10


@pytest.mark.parametrize("words", [False, True])
def test_prefilter_keeps_every_candidate(rules, words):
    nlp = load()
    checked = 0
    for sentence in sentences():
        # words=True: the ruler's own view, spaces inside segmented words shown as '_'
        doc = nlp.tokenizer.from_sentences(sentence, [(0, len(sentence), 0)])
        view = sentence_view(doc, 0, len(sentence), rules, words=words)
        fast = find_candidates(view, rules)
        full = find_candidates(view, rules, prefilter=False)
        assert fast == full, sentence
        checked += len(full)
    assert checked > 300


def test_a_sentence_without_the_literal_skips_the_pattern(rules):
    view = rules.view("Hôm nay trời đẹp, mọi người đi chơi.")
    assert not find_candidates(view, rules)
    pattern = next(p for p in rules.patterns if p.rule.id == "location.place_before_unit")
    assert pattern.requires == ("(",)


class _Spy:
    """A compiled pattern that notes every text it is run on."""

    def __init__(self, pattern, seen: list[str]) -> None:
        self.pattern, self.seen = pattern, seen

    def finditer(self, text: str):
        self.seen.append(text)
        return self.pattern.finditer(text)


def test_a_two_word_literal_needs_both_words_side_by_side(rules):
    pattern = next(p for p in rules.patterns if p.rule.id == "agency.police_province")
    assert pattern.requires_pairs == {("công", "an")} and not pattern.requires_words
    seen: list[str] = []
    only = dataclasses.replace(
        rules, patterns=[dataclasses.replace(pattern, regex=_Spy(pattern.regex, seen))]
    )
    side_by_side = rules.view("Công nhân được CÔNG AN tỉnh Nghệ An hướng dẫn.")
    apart = rules.view("Công nhân an tâm vì công việc ổn định.")
    assert [c.rule_id for c in find_candidates(side_by_side, only)] == ["agency.police_province"]
    assert find_candidates(apart, only) == []
    assert seen == [side_by_side]


def test_precheck_is_found_wherever_its_pattern_matches(rules):
    """A precheck only saves time: every sentence view a pattern matches in holds it."""
    nlp = load()
    prechecked = [p for p in rules.patterns if p.precheck is not None]
    assert len(prechecked) >= 5
    matched = dict.fromkeys((p.rule.id for p in prechecked), 0)
    for sentence in sentences():
        doc = nlp.tokenizer.from_sentences(sentence, [(0, len(sentence), 0)])
        for words in (False, True):
            view = sentence_view(doc, 0, len(sentence), rules, words=words)
            for p in prechecked:
                if p.regex.search(view):
                    assert p.precheck.search(view), (p.rule.id, view)
                    matched[p.rule.id] += 1
    assert all(matched.values()), matched
