"""The plan frame: a topic that names a plan, not what its figure counts."""

from __future__ import annotations

import regex

from vnextract.core.patterns import NOTHING, alternation
from vnextract.records.schema import RecordRules


def plan_frame_pattern(rules: RecordRules, time_phrase: str) -> regex.Pattern:
    """Matches a whole lower-cased topic that only frames a plan: who speaks ('ông A cho
    biết'), who plans ('tỉnh'), a plan word and when ('mục tiêu đến năm 2026', 'tỉnh phấn
    đấu cả năm 2025'). ``time_phrase`` matches a run of time words and numbers."""
    plans = alternation(rules.plan_frame_words, fold=str.lower)
    if plans == NOTHING:
        return regex.compile(NOTHING)
    speech = alternation(rules.report_verbs, fold=str.lower)
    actors = alternation(rules.plan_actors, fold=str.lower)
    aux = alternation(rules.auxiliaries, fold=str.lower)
    return regex.compile(
        rf"\s*(?:.*?(?<!\p{{L}}){speech}\s+)?(?:{actors}\s+)?(?:{aux}\s+)*"
        rf"{plans}(?!\p{{L}}){time_phrase}"
    )
