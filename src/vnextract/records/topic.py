"""The phrase before a number that names it (its topic), and the link word between
them (a copula, an existential, a connector): what tells a subject from a verb."""

from __future__ import annotations

from vnextract.core.cache import ByRules
from vnextract.records.cues import SHORT_PAREN, TOPIC_STOP, Cues, anywhere, words
from vnextract.records.levels import level_topic

# prepositions anywhere in a phrase (see :func:`verb_phrase`)
_PREPOSITIONS = ByRules(lambda rules: anywhere(rules.prepositions))
# rate heads anywhere: a connector after one in its comma part joins the rate's words
_RATE_HEADS = ByRules(lambda rules: anywhere(rules.rate_heads, rules.compounds))
# the phrases holding a connector that compare ('so với'), lower-cased once per rule set
_COMPARISONS = ByRules(lambda rules: tuple(x.lower() for x in rules.part_of_exceptions))
# phrases whose topic is kept (see :func:`topic`)
_TOPICS_MAX = 10_000


def comma_parts(seg: str) -> list[tuple[int, int]]:
    """The ``(start, end)`` of each comma-separated part of ``seg``."""
    parts, pos = [], 0
    comma = seg.find(",")
    while comma >= 0:
        parts.append((pos, comma))
        pos = comma + 1
        comma = seg.find(",", pos)
    parts.append((pos, len(seg)))
    return parts


def substantive(cues: Cues, piece: str) -> bool:
    """Whether ``piece`` names something: more than fillers, a copula or a section label."""
    low = cues.low(piece).strip(" ,")
    if cues.section_label.match(low):
        return False  # 'Về chính quyền số, ...' labels a section, it counts nothing
    low = cues.copula_head.sub("", low)
    low = cues.aux_tail.sub("", low)
    return bool(words(low)) and not cues.filler_full.fullmatch(low)


def trim(cues: Cues, phrase: str) -> str:
    """``phrase`` without fillers and copulas at its ends; '' if nothing else is left."""
    phrase = phrase.strip(" ,")
    for _ in range(6):
        low = cues.low(phrase)
        m = cues.filler_head.match(low) or cues.copula_head.match(low)
        if m and m.end() < len(low):
            phrase = phrase[m.end() :].strip(" ,")
            continue
        m = cues.filler_tail.search(low)
        if m and m.start() > 0:
            phrase = phrase[: m.start()].strip(" ,")
            continue
        break
    if cues.filler_full.fullmatch(cues.low(phrase)):
        return ""
    return phrase


def list_item(cues: Cues, seg: str, parts: list[tuple[int, int]], n: int) -> bool:
    """Whether the comma part before part ``n`` is a short noun of the same list."""
    a, b = parts[n - 1]
    piece = seg[a:b]
    low = cues.low(piece)
    following = seg[parts[n][0] : parts[n][1]].lstrip()
    return (
        1 <= len(words(piece)) <= 2
        and not any(ch.isdigit() for ch in piece)
        # the next item is in lower case, or an abbreviation ('BHXH, BHYT, BHTN')
        and (following[:1].islower() or following.split(" ", 1)[0].isupper())
        # 'thành phố, tăng bậc': a part opening with a verb is a clause, not a list item
        and not cues.change_head.match(cues.low(following))
        and not cues.copula_head.match(cues.low(following))
        and not cues.filler_full.fullmatch(low)
        and not cues.time_only.fullmatch(low)
        and substantive(cues, piece)
    )


def _same_head(cues: Cues, seg: str, parts: list[tuple[int, int]], n: int) -> bool:
    """Whether part ``n`` repeats a head the part before it holds, as an item of one list
    ('số tiền chậm đóng bảo hiểm xã hội, bảo hiểm y tế, bảo hiểm thất nghiệp')."""
    a, b = parts[n - 1]
    piece, following = cues.low(seg[a:b]), cues.low(seg[parts[n][0] : parts[n][1]])
    found = [w.group() for w in words(following)]
    if len(found) < 3 or any(ch.isdigit() for ch in piece) or len(words(piece)) > 8:
        return False
    if cues.clause_opener.match(piece):
        return False  # 'Trong cơ cấu dư nợ, dư nợ ngắn hạn ...': a frame, not an item
    head_words = " ".join(found[:2])
    return f" {head_words} " in f" {' '.join(w.group() for w in words(piece))} "


def _strip_links(cues: Cues, seg: str, lseg: str) -> tuple[str, str, str]:
    """``seg`` and its low copy without the cue words at their end, and the
    strongest link word found ('copula', 'existential', 'connector' or '')."""
    link = ""
    while True:
        stripped = False
        last = lseg.rstrip()[-1:]  # a tail cue, then only whitespace, ends the text
        for kind, pattern in cues.link_tails:
            ends = cues.link_tail_ends[kind]
            if ends is not None and last not in ends:
                continue
            m = pattern.search(lseg)
            if m and m.start() < len(lseg):
                if kind in ("copula", "existential", "connector") and not link:
                    link = kind
                # 'ước đạt' is an estimate cue ending in a copula: it links like 'đạt'
                if kind == "estimate" and not link and cues.copula_tail.search(m.group()):
                    link = "copula"
                seg, lseg = seg[: m.start()], lseg[: m.start()]
                seg, lseg = seg.rstrip(" ,"), lseg.rstrip(" ,")
                stripped = True
                break
        if not stripped:
            break
    return seg, lseg, link


def _joined(cues: Cues, between: str) -> bool:
    """Whether ``between`` (the words before a head in its comma part) ends in a
    conjunction that joins the head to the noun phrase before it."""
    return "," not in between and bool(cues.conjunction_tail.search(between.rstrip()))


def _coordinated(cues: Cues, seg: str, parts: list[tuple[int, int]], n: int, link: str) -> bool:
    """Whether comma part ``n`` continues the noun phrase of the part before it, the
    first with words in the segment ('dư nợ cho vay nông nghiệp, nông thôn', 'đã chi trả lương hưu,
    trợ cấp xã hội cho'): that part names something, not when, where or who said it. A
    first part with its own verb ('Sở đã triển khai nhiều giải pháp, doanh thu đạt') is a
    clause of its own when the part after it is the subject of a copula or an 'có'."""
    # parts empty of words before the first ('trong đó, ngành ...' cut after 'trong đó')
    head_part = next((k for k, (a, b) in enumerate(parts) if words(seg[a:b])), len(parts))
    if n != head_part + 1:
        return False
    first, piece = seg[parts[n - 1][0] : parts[n - 1][1]], seg[parts[n][0] : parts[n][1]]
    lfirst, lpiece = cues.low(first).strip(), cues.low(piece).strip()
    return (
        substantive(cues, first)
        and not any(ch.isdigit() for ch in first)
        and not cues.time_only.fullmatch(lfirst)
        and not cues.clause_opener.match(lfirst)
        and not cues.report_tail.search(lfirst)
        and not (cues.aux_any.search(lfirst) and link in ("copula", "existential"))
        and not cues.aux_any.search(lpiece)
        and not cues.copula_head.match(lpiece)
        and not cues.change_head.match(lpiece)
        and 1 <= len(words(piece)) <= cues.rules.max_coordinated_words
    )


def _from_head(cues: Cues, seg: str, lseg: str, parts: list[tuple[int, int]]) -> str:
    """The phrase from the subject head that names the figure ('tổng số ...'), or ''."""
    heads = list(cues.heads.finditer(lseg))
    if not heads:
        return ""
    k = len(heads) - 1
    # 'tỷ lệ X trên tổng số Y': a head after a denominator word belongs to the
    # head before it
    while k > 0 and cues.denominator_tail.search(lseg[heads[k - 1].end() : heads[k].start()]):
        k -= 1
    # 'tổng doanh thu bưu chính và doanh thu viễn thông': a head after a conjunction is
    # the second item of a coordination that the head before it opens
    while k > 0 and _joined(cues, lseg[heads[k - 1].end() : heads[k].start()]):
        k -= 1
    h = heads[k]
    start = h.start()
    part = max(a for a, _ in parts if a <= start)
    if k == 0 and _joined(cues, lseg[part:start]):
        start = part  # 'tổng mức bán buôn hàng hóa và doanh thu ...': from the first item
    if p := cues.head_prefix_tail.search(lseg[:start]):
        start = p.start()  # 'lũy kế doanh thu'
    # a head counts only within the last two comma segments, or before a list of
    # short nouns ('nhóm may mặc, mũ nón, giày dép')
    later = [p for p in parts if p[0] > h.start()]
    # the last item may be joined by a conjunction ('điện, nước và vật liệu xây dựng')
    short = all(
        len(words(item)) <= 3 for a, b in later for item in cues.conjunction_any.split(lseg[a:b])
    )
    if len(parts) < 2 or h.start() >= parts[-2][0] or short:
        return seg[start:]
    return ""


def _last_substantive(cues: Cues, seg: str, parts: list[tuple[int, int]], link: str) -> str:
    """The last comma part that names something, with the list of short nouns before it."""
    for n in range(len(parts) - 1, -1, -1):
        piece = seg[parts[n][0] : parts[n][1]]
        if not cues.filler_full.fullmatch(cues.low(piece)) and substantive(cues, piece):
            # a list of short nouns before it names the same thing ('các sở, ban
            # ngành tiếp nhận')
            while n > 0 and (list_item(cues, seg, parts, n) or _same_head(cues, seg, parts, n)):
                n -= 1
            if _coordinated(cues, seg, parts, n, link):
                n -= 1
            return seg[parts[n][0] :]
    return ""


def topic(cues: Cues, text: str, low: str, left: int, right: int) -> tuple[str, str]:
    """The phrase before a number that names it, and the link word found.

    Args:
        cues: the compiled cue patterns.
        text: the sentence; ``low`` its :meth:`Cues.low` copy.
        left: where the phrase may start (the end of the figure before).
        right: where the number (or a standalone change's verb) starts.
    Returns:
        The topic ('' if none) and its link: 'copula', 'existential', 'connector' or ''.
    """
    # a number opening a parenthesis ('FTTH (572.594 hộ/...)') is named before it, and
    # so is one after a colon ('ước đạt: 276 tỷ đồng', 'nội trú: 1.520 lượt')
    while right > left and text[right - 1] in " (:":
        right -= 1
    # the topic depends on the phrase alone, and phrases recur ('Doanh thu ước đạt'):
    # each is read once (bounded, so memory stays flat on an archive)
    key = (text[left:right], low[left:right])
    found = cues.topics.get(key)
    if found is None:
        if len(cues.topics) >= _TOPICS_MAX:
            cues.topics.clear()
        found = cues.topics[key] = _phrase_topic(cues, *key)
    return found


def _compares(cues: Cues, lseg: str, end: int) -> bool:
    """Whether the connector ending at ``end`` of ``lseg`` is part of a comparison."""
    return lseg.endswith(_COMPARISONS(cues.rules), 0, end)


def _phrase_topic(cues: Cues, seg: str, lseg: str) -> tuple[str, str]:
    """:func:`topic` of the phrase ``seg`` (its low copy ``lseg``)."""
    # strong boundaries: take what follows the last one
    cut = 0
    # a short closed parenthesis ('Chỉ số ... (DTI) của tỉnh') is part of the phrase
    for m in TOPIC_STOP.finditer(SHORT_PAREN.sub(lambda p: " " * len(p.group()), seg)):
        cut = m.end()
    before = cut
    for m in cues.connector_any.finditer(lseg, cut):
        if not cues.bound_tail.sub("", lseg[m.end() :]).strip():
            # a connector right before the number, or its bound ('với khoảng 250.000'):
            # handled as a link word
            continue
        part = max(cut, lseg.rfind(",", 0, m.start()) + 1)
        if not _compares(cues, lseg, m.end()) and _RATE_HEADS(cues.rules).search(
            lseg, part, m.start()
        ):
            continue  # 'Tỷ lệ điều trị thành công đối với bệnh nhân lao': one rate
        before, cut = cut, max(cut, m.end())
        connector = m
    # 'so với mức 111,2' compares: no level of an action
    compared = cut > before and _compares(cues, lseg, connector.end())
    if (
        cut > before
        and not compared
        and (
            level := level_topic(
                cues.rules,
                cues.aux_any,
                seg[before : connector.start()],
                lseg[before : connector.start()],
                cues.bound_tail.sub("", lseg[cut:]),
            )
        )
    ):
        return level, "connector"  # 'tỉnh hỗ trợ trồng rừng với mức 15 triệu đồng/ha'
    seg, lseg, link = _strip_links(cues, seg[cut:], lseg[cut:])
    # per-comma segments: the last substantive one, unless a subject head starts earlier
    parts = comma_parts(seg)
    chosen = _from_head(cues, seg, lseg, parts) or _last_substantive(cues, seg, parts, link)
    chosen = trim(cues, chosen)
    if cues.time_only.fullmatch(cues.low(chosen)):
        chosen = ""  # 'Tháng 4/2023', 'năm 2023', '9 tháng' say when, not what
    return chosen, link


def verb_phrase(cues: Cues, topic: str) -> str:
    """The action words right before a number ('đã tiếp nhận' -> 'tiếp nhận')."""
    if not topic:
        return ""
    low = cues.low(topic)
    last = None
    # the action starts after the last auxiliary or plan cue ('phấn đấu phủ sóng')
    for m in cues.aux_any.finditer(low):
        last = m
    for m in cues.target.finditer(low):
        if last is None or m.end() > last.end():
            last = m
    phrase = topic[last.end() :] if last else topic
    if (
        last
        and cues.low(last.group()).strip() in cues.rules.passive_auxiliaries
        and phrase.strip()
        and not words(_PREPOSITIONS(cues.rules).sub(" ", cues.low(phrase)))
    ):
        # 'giải quyết việc làm được cho 21.000 người': only a preposition after a passive
        # auxiliary, so the action is before it
        phrase = topic[: last.start()]
    found = words(phrase)
    if len(found) > cues.rules.max_verb_words:
        phrase = phrase[found[-cues.rules.max_verb_words].start() :]
    return phrase.strip(" ,")


def bracketed_period(cues: Cues, text: str, low: str, left: int, start: int) -> str:
    """The period that alone names a bracketed comparison base ('(Tháng 4/2023: 263
    tỷ đồng)', '(năm 2017 đạt 90,4%)'), else ''."""
    opening = text.rfind("(", left, start)
    if opening < 0:
        return ""
    seg = text[opening + 1 : start]
    lseg = low[opening + 1 : start].rstrip(" :")
    lseg = cues.copula_tail.sub("", cues.estimate_tail.sub("", lseg)).rstrip(" :")
    if not any(ch.isdigit() for ch in lseg) or not cues.time_only.fullmatch(lseg):
        return ""
    return seg[: len(lseg)].strip()
