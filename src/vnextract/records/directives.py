"""The directive cue: an official's order or a body's proposal, whose figures are targets."""

from __future__ import annotations

import regex

from vnextract.core.patterns import NOTHING, alternation
from vnextract.records.schema import RecordRules


def directive_pattern(rules: RecordRules) -> regex.Pattern:
    """A directive verb of ``rules`` ('yêu cầu', 'đề nghị') used as a verb: not after a
    number or a word that makes it a noun ('tiếp nhận 320 yêu cầu', 'Ban Chỉ đạo'), nor
    before one ('theo đề nghị của Sở'). Runs on lower-cased text."""
    verbs = alternation(rules.directive_verbs, fold=str.lower)
    if verbs == NOTHING:
        return regex.compile(NOTHING)
    before = alternation(rules.directive_noun_before, fold=str.lower)
    after = alternation(rules.directive_noun_after, fold=str.lower)
    return regex.compile(
        rf"(?<!(?:\d|(?<!\p{{L}}){before})\s+)(?<!\p{{L}}){verbs}(?!\p{{L}})"
        rf"(?!\s+(?:\d|{after}(?!\p{{L}})))"
    )
