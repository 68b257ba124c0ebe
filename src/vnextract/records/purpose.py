"""A sum set aside for a purpose: 'tỉnh đã bố trí 50 tỷ đồng cho các nhiệm vụ chuyển đổi
số' names its money by what it is for, when the words before it only say who spends."""

from __future__ import annotations

import regex

from vnextract.core.cache import ByRules
from vnextract.core.patterns import NOTHING, alternation
from vnextract.records.cues import Cues, words
from vnextract.records.schema import RecordRules


def _patterns(rules: RecordRules) -> tuple[regex.Pattern, regex.Pattern, regex.Pattern] | None:
    """The spend verb ending a topic, the purpose opening the words after the sum (after
    an 'each' period: 'mỗi năm để ...') and a noun naming the sum at the topic's start;
    None without the rule words."""
    verbs = alternation(rules.spend_verbs, fold=str.lower)
    purposes = alternation(rules.purpose_words, fold=str.lower)
    if NOTHING in (verbs, purposes):
        return None
    each = alternation(rules.each_cues, fold=str.lower)
    sums = alternation(rules.sum_nouns, fold=str.lower)
    sources = alternation(rules.purpose_sources, fold=str.lower)
    return (
        regex.compile(rf"(?<!\p{{L}})(?P<verb>{verbs})\s*$"),
        regex.compile(
            # the source of the money may come first ('từ ngân sách dự phòng để ...')
            rf"\s*(?:{each}\s+\p{{L}}+\s+)?(?:{sources}\s+[^\d;.:()]{{1,60}}?\s+)?"
            rf"(?P<purpose>{purposes})\s+(?!{each}(?!\p{{L}}))"
        ),
        regex.compile(rf"\s*{sums}(?!\p{{L}})"),
    )


_PATTERNS = ByRules(_patterns)


def purpose_subject(cues: Cues, text: str, low: str, topic: str, unit_end: int) -> str:
    """'bố trí cho các nhiệm vụ chuyển đổi số': the spend verb ending ``topic`` and the
    purpose after the sum (ending at ``unit_end``), or '' when the topic names the sum
    itself ('kinh phí ...'), no purpose follows or the purpose holds a figure of its own
    ('hỗ trợ 50 triệu đồng cho 20 hộ')."""
    patterns = _PATTERNS(cues.rules)
    if patterns is None or not topic:
        return ""
    spend, opening, sums = patterns
    ltopic = cues.low(topic)
    verb = spend.search(ltopic)
    if verb is None or cues.heads.search(ltopic) or sums.match(ltopic):
        return ""
    m = opening.match(low, unit_end)
    if m is None:
        return ""
    phrase = _clause_part(text, m.end("purpose"))
    if not phrase or any(ch.isdigit() for ch in _YEAR.sub("", phrase)):
        return ""  # a figure of its own ('cho 20 hộ'); a year says when ('giai đoạn 2025-2030')
    return f"{topic[verb.start() :].strip()} {text[m.start('purpose') : m.end('purpose')]} {phrase}"


_END = regex.compile(r"[.;:()!?]|$")
_YEAR = regex.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")
# a short comma part closing the clause continues the purpose ('để duy trì, vận hành
# nền tảng.'); a longer one, or one the clause goes on after, is a clause of its own
_SHORT_TAIL_WORDS = 4


def _clause_part(text: str, start: int) -> str:
    """The words from ``start`` to the first comma, with a short comma part after it if
    that part ends the clause."""
    end = _END.search(text, start).start()
    clause = text[start:end]
    parts = clause.split(",")
    if len(parts) == 2 and 1 <= len(words(parts[1])) <= _SHORT_TAIL_WORDS:
        return clause.strip()
    return parts[0].strip()
