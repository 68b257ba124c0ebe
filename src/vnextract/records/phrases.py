"""The words after a number: its unit (the counted noun, %, a currency) and the
noun phrase that runs up to the next figure or a stop."""

from __future__ import annotations

import regex

from vnextract.core.cache import ByRules
from vnextract.core.model import Quantity
from vnextract.records.cues import PUNCT_STOP, Cues, head, spaced, tail, words


def unit_of(cues: Cues, text: str, low: str, q: Quantity) -> tuple[str, int]:
    """The counted noun after ``q`` (or %, currency) and where it ends."""
    if q.percent:
        return "%", q.expr_end
    if q.currency:
        return q.currency, q.expr_end
    if q.unit_text:
        return q.unit_text.lower(), q.expr_end
    if q.per and text[q.end : q.expr_end].lstrip().startswith("/"):
        return "", q.expr_end  # '12/100.000 dân mắc bệnh': what follows the base is no noun
    rest = low[q.expr_end :]
    if m := cues.unit_head.match(rest):
        return spaced(m.group("unit")), q.expr_end + m.end()
    # an abbreviation in capitals is its own unit ('CSDL', 'CKS'); else up to two words
    found = words(text[q.expr_end : q.expr_end + 40])
    gap = text[q.expr_end : q.expr_end + found[0].start()].strip() if found else ""
    if gap in _OPEN_QUOTES and gap:
        return _quoted(text, q.expr_end + found[0].start())  # '1.560 "Tổ liên gia ..."'
    if not found or gap:
        return "", q.expr_end
    first = found[0]
    if cues.conjunction_head.fullmatch(first.group().lower()):
        return "", q.expr_end  # '2.764 và 2.518 hộ': the noun comes after the last one
    if first.group().isupper() or not first.group()[0].isalpha():
        return first.group().lower(), q.expr_end + first.end()
    if first.group()[0].isupper():
        return "", q.expr_end
    taken = [first]
    if len(found) > 1:
        second = found[1]
        gap = text[q.expr_end + first.end() : q.expr_end + second.start()]
        if (
            gap == " "
            and second.group().islower()
            and not stop_word(cues, second.group())
            # '2 con trở lên': a bound written after the number is no part of its noun
            and not cues.after_bound.match(low, q.expr_end + first.end())
        ):
            taken.append(second)
    end = q.expr_end + taken[-1].end()
    return " ".join(w.group().lower() for w in taken), end


_OPEN_QUOTES = frozenset("\"“«'‘")
_CLOSE_QUOTES = "\"”»'’"


def _quoted(text: str, start: int) -> tuple[str, int]:
    """The counted noun written in quotes after a number: its first two words (a quoted
    name is capitalised, so case says nothing here), and where the quotes end."""
    close = min(
        (i for i in (text.find(c, start, start + 80) for c in _CLOSE_QUOTES) if i >= 0), default=-1
    )
    if close < 0:
        return "", start
    inside = words(text[start:close])[:2]
    return " ".join(w.group().lower() for w in inside), close + 1


def unit_of_subject(cues: Cues, subject: str) -> str:
    """The counted noun a subject opens with ('số dự án ...' -> 'dự án'), or ''."""
    m = cues.subject_unit.match(cues.low(subject))
    return spaced(m.group("unit")) if m else ""


def bare_unit(cues: Cues, subject: str, lead: str, prior_unit: str) -> str:
    """The unit of a number with no noun after it: the counted noun its subject opens
    with ('... còn hiệu lực là 156', 'bệnh nhân điều trị tiểu đường: 4.149'), the one
    right before it ('điểm trung bình 5,12'), or in a list, the unit of the item before
    ('; môn Ngữ văn 7,24'); else ''."""
    if subject and (unit := unit_of_subject(cues, subject)):
        return unit
    if m := cues.unit_before.search(lead):
        return spaced(m.group("unit"))
    if prior_unit and cues.list_item.match(lead):
        return prior_unit
    return ""


def stop_word(cues: Cues, word: str) -> bool:
    """Whether ``word`` ends a noun phrase (a stop, preposition, copula or auxiliary)."""
    w = cues.low(word)
    return bool(
        cues.after_stop.fullmatch(w)
        or cues.preposition_head.match(w)
        or cues.copula_head.match(w)
        or cues.aux_any.fullmatch(w)
        or cues.conjunction_head.match(w)
    )


def _restates(item: str, following: str) -> bool:
    """Whether ``following`` opens with the whole of ``item`` and says more."""
    item, following = " ".join(item.split()), " ".join(following.split())
    return bool(item) and following.startswith(item + " ")


def _list_goes_on(cues: Cues, text: str, span: str, lspan: str, end: int, limit: int) -> int:
    """Where a list of short nouns separated by commas ends ('sở, ban, ngành'): the
    phrase's ``end``, or the comma where a clause or the next figure's topic starts."""
    pos = 0
    while True:
        comma = span.find(",", pos, end)
        if comma < 0:
            return end
        segment_words = words(span[pos:comma])
        rest = lspan[comma + 1 : end]
        # a clause starting after the comma ('..., đạt mật độ') is not part of the list
        starts_clause = bool(
            cues.copula_head.match(rest)
            or cues.estimate_head.match(rest)
            or cues.change_head.match(rest)
            or cues.aspect_head.match(rest)
        )
        # the words after the last comma run into the next figure: they are its topic
        # ('26.226 thuê bao, số thuê bao di động là 1.161.983', 'xây mới 304 căn, sửa
        # chữa 399 căn'); '... cấp huyện và 505 đơn vị' joins the next figure: the list
        # goes on; 'thành phố đã triển khai' is an item with its verb, not a topic
        tail_words = rest.rstrip()
        next_topic = (
            end == len(span)
            and limit < len(text)
            and "," not in rest
            and not cues.conjunction_tail.search(tail_words)
            and (
                (tail_count := len(words(tail_words))) <= 2
                # 'huyện, thị xã, thành phố đã lắp 1.200 camera': an item with the
                # list's verb after it, not the next figure's topic
                or (
                    tail_count <= cues.rules.max_next_topic_words
                    and not cues.aspect_word.search(tail_words)
                )
                or bool(cues.copula_tail.search(tail_words))
                # '600 thuê bao, thuê bao cố định 200': a part that restates the noun
                # before the comma and runs into the next figure is that figure's topic
                or _restates(lspan[pos:comma], tail_words)
            )
        )
        if len(segment_words) > 3 or starts_clause or next_topic:
            return comma
        pos = comma + 1


def _before_next_item(cues: Cues, text: str, lspan: str, end: int, limit: int) -> int:
    """Where a phrase that runs into the next figure gives the words after its last
    conjunction to that figure ('... 6.417 trường hợp và không đội mũ bảo hiểm 3.980
    trường hợp': the last item's topic), when they are few and no clause of its own."""
    if end != len(lspan) or limit >= len(text):
        return end
    last = None
    for m in cues.conjunction_any.finditer(lspan, 0, end):
        last = m
    if last is None or not words(lspan[: last.start()]):
        return end
    tail_words = lspan[last.end() : end]
    count = len(words(tail_words))
    if 1 <= count <= cues.rules.max_next_topic_words and not cues.aspect_word.search(tail_words):
        return last.start()
    return end


_CHANGE_TO = ByRules(lambda rules: head(rules.change_to, rules.compounds))
_CHANGE_TO_TAIL = ByRules(lambda rules: tail(rules.change_to, rules.compounds))


def after_phrase(
    cues: Cues, text: str, low: str, start: int, limit: int, unit_end: int = -1
) -> tuple[str, int]:
    """The noun phrase from ``start`` up to ``limit`` (the next figure) or a stop.

    Args:
        unit_end: where the figure's unit ends: a measure unit alone or before a comma or
            a preposition ('12.450 ha, năng suất bình quân ...') names nothing, and the
            words after it belong to the next figure, so the phrase is the unit.
    Returns:
        The phrase ('' if a comma closes the figure) and where it ends in ``text``.
    """
    span = text[start:limit]
    lspan = low[start:limit]
    if unit_end > start and cues.bare_measure.match(lspan):
        return text[start:unit_end].strip(), unit_end
    if span.lstrip(" ").startswith(","):
        return "", start  # '24,6%, thuộc nhóm ...': a comma closes the figure
    stop = PUNCT_STOP.search(span)
    end = stop.start() if stop else len(span)
    s = cues.after_stop.search(lspan, 0, end)
    if s:
        end = s.start()
    end = _list_goes_on(cues, text, span, lspan, end, limit)
    end = _before_next_item(cues, text, lspan, end, limit)
    if span.rstrip().endswith("(") and (comma := span.rfind(",", 0, end)) > 0:
        end = comma  # '512 điểm 10, nhiều nhất ở môn Lịch sử (74 điểm)': the name is 74's
    found = words(span[:end])
    if len(found) > cues.rules.max_after_words:
        end = found[cues.rules.max_after_words - 1].end()
    # a phrase that ran into the next figure gives back that figure's cue words
    # ('... cảnh báo hơn 14.000': 'hơn' is the next figure's bound)
    while True:
        tail = lspan[:end].rstrip(" ,")
        m = (
            cues.bound_tail.search(tail)
            or cues.estimate_tail.search(tail)
            or cues.copula_tail.search(tail)
            or cues.conjunction_tail.search(tail)
            or _CHANGE_TO_TAIL(cues.rules).search(tail)  # '1.322 trạm lên 1.934 trạm'
        )
        if not m or m.start() == 0:
            break
        end = m.start()
    phrase = span[:end].strip(" ,")
    return phrase, start + end


def without_cue(text: str, phrase: str, start: int, cue: tuple[int, int]) -> str:
    """``phrase`` (found from ``start`` in ``text``) without the bound cue at ``cue``."""
    offset = text.find(phrase, start) if phrase else -1
    a, b = cue
    if offset < 0 or not (offset <= a and b <= offset + len(phrase)):
        return phrase
    cut = phrase[: a - offset] + " " + phrase[b - offset :]
    return " ".join(cut.split()).strip(" ,")


def counted_after(
    cues: Cues,
    text: str,
    low: str,
    q: Quantity,
    each: regex.Match | None,
    next_start: int,
    unit_end: int,
    after_cue: regex.Match | None,
) -> tuple[str, int, bool]:
    """What the words after ``q`` say it counts, where they end, and whether they are a
    noun phrase (not a preposition or conjunction opening the next clause)."""
    after, after_end = after_phrase(
        cues, text, low, q.expr_end, each.start() if each else next_start, unit_end
    )
    after_end = max(after_end, each.end()) if each else after_end
    if after_cue:
        after = without_cue(text, after, q.expr_end, after_cue.span("cue"))
    after_low = cues.low(after)
    # '... và đến năm 2025 kinh tế số chiếm': a conjunction starts the next clause
    noun_after = bool(after) and not (
        cues.preposition_head.match(after_low)
        or cues.conjunction_head.match(after_low)
        or _CHANGE_TO(cues.rules).match(after_low)  # 'từ 61,3% lên 80%': the change's end
    )
    if noun_after:
        return after, after_end, True
    bare = "" if q.percent or q.currency or q.per else text[q.expr_end : unit_end].strip()
    return bare, after_end, False
