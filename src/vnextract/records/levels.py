"""A bare level after 'với' ('tỉnh hỗ trợ trồng rừng với mức 15 triệu đồng/ha'): the
level of what the clause does, named by the action before the connector."""

from __future__ import annotations

import regex

from vnextract.core.cache import ByRules
from vnextract.core.patterns import NOTHING, alternation
from vnextract.records.schema import RecordRules


def _patterns(rules: RecordRules) -> tuple[regex.Pattern, regex.Pattern] | None:
    """A whole level head ('mức') and a planning actor opening a phrase ('tỉnh'); None
    without level heads."""
    heads = alternation(rules.level_heads, fold=str.lower)
    if heads == NOTHING:
        return None
    actors = alternation(rules.plan_actors, fold=str.lower)
    aux = alternation(rules.auxiliaries, fold=str.lower)
    return (
        regex.compile(rf"\s*{heads}\s*"),
        regex.compile(rf"\s*(?:{actors}(?!\p{{L}}))?(?:\s*{aux}(?!\p{{L}}))*\s*"),
    )


_PATTERNS = ByRules(_patterns)


def level_topic(
    rules: RecordRules, aux: regex.Pattern, before: str, lbefore: str, level: str
) -> str:
    """'mức hỗ trợ trồng rừng gỗ lớn' for the level ``level`` after a connector whose
    comma part before it is ``before`` (``lbefore`` its low copy; ``aux`` finds the
    auxiliaries); '' when ``level`` is no bare level head or only who acts comes before."""
    patterns = _PATTERNS(rules)
    if patterns is None or not patterns[0].fullmatch(level.lower()):
        return ""
    cut = max(before.rfind(","), before.rfind(";")) + 1
    # the action starts after the last auxiliary ('các hộ được hỗ trợ'), else after who acts
    for m in aux.finditer(lbefore, cut):
        cut = m.end()
    action = before[patterns[1].match(lbefore, cut).end() :].strip()
    return f"{level.strip()} {action}" if action else ""
