"""A figure's subject: from its topic, the noun counted after it, or the figure
before it; a part's owner, a raised total's thing and a section's domain."""

from __future__ import annotations

from collections.abc import Sequence

import regex

from vnextract.core.cache import ByRules
from vnextract.core.model import Quantity
from vnextract.core.patterns import alternation
from vnextract.records.cues import Cues, full, head, spaced, verb_tail, words
from vnextract.records.draft import Draft
from vnextract.records.phrases import unit_of_subject
from vnextract.records.purpose import purpose_subject
from vnextract.records.topic import verb_phrase


def _shape(q: Quantity) -> str:
    """The figure's shape, the first part of its rule name."""
    shape = "percent" if q.percent else "money" if q.currency else "ratio" if q.total else "count"
    if q.per and not q.percent and not q.currency:
        shape = "density"
    return shape


def _without_fillers(cues: Cues, low: str) -> str:
    """``low`` without the fillers at its end ('năm 2022 lên', '... xuống còn')."""
    while (m := cues.filler_tail.search(low)) and m.start() > 0:
        low = low[: m.start()]
    return low


def _names_nothing(cues: Cues, counted: str, topic: str) -> bool:
    """Whether the phrase after the number only measures ('12.400 tấn', '23,5 ha, chủ yếu
    ...') or restates the noun its topic names ('thuê bao di động có 476.900 thuê bao')."""
    low, ltopic = cues.low(counted).strip(), cues.low(topic)
    if cues.bare_measure.match(low):
        return True
    return len(words(low)) <= 2 and _whole_in(low, ltopic)


_LETTER = regex.compile(r"\p{L}")


def _whole_in(part: str, text: str) -> bool:
    """Whether ``part`` occurs in ``text`` with no letter right before or after it: what
    searching ``(?<!\\p{L})<part>(?!\\p{L})`` finds, without compiling a pattern per part."""
    start = text.find(part)
    while start >= 0:
        end = start + len(part)
        if not (start and _LETTER.match(text, start - 1)) and not _LETTER.match(text, end):
            return True
        start = text.find(part, start + 1)
    return False


_ACTORS = ByRules(
    lambda rules: regex.compile(rf"\s*(?:{alternation(rules.plan_actors, fold=str.lower)})\s*")
)


# a verb that changes the noun after the percentage, then its bound cues, ending the text
_CHANGED_AFTER = ByRules(
    lambda rules: (
        verb_tail(rules.changed_after_verbs, alternation([*rules.bound_cues, *rules.change.gap]))
        if rules.changed_after_verbs
        else None
    )
)
# a phrase after the percentage opening with one of these is a clause ('do giá xăng giảm')
_OPENS_CLAUSE = ByRules(lambda rules: head([*rules.clause_openers, *rules.prepositions]))


# a sum head naming nothing of its own ('với số tiền', 'trị giá')
_AMOUNT_HEAD = ByRules(lambda rules: full(rules.amount_heads))


_DOMAIN_LABEL = ByRules(lambda rules: head(rules.domain_labels))


_REPORTS = ByRules(
    lambda rules: regex.compile(
        rf"(?<!\p{{L}}){alternation(rules.report_verbs, fold=str.lower)}(?!\p{{L}})"
    )
)


def _group(cues: Cues, topic: str, counted: str) -> bool:
    """Whether ``topic`` names the group a bare counted noun belongs to ('... tự nguyện
    có 31.450 người', 'Ban Chấp hành gồm 75 đồng chí'): at most two counted words, a topic
    that is no mere actor ('tỉnh có')."""
    low = cues.low(topic)
    return (
        len(words(counted)) <= 2
        and not _ACTORS(cues.rules).fullmatch(low)
        # a clause of its own ('Khu di tích đã đón'), a source ('Theo Sở ...') or a speaker
        # ('... cho biết hợp tác xã') says who reports or acts, not which group
        and not cues.aux_any.search(low)
        and not cues.clause_opener.match(low)
        and not _REPORTS(cues.rules).search(low)
    )


def _owner(cues: Cues, topic: str) -> str:
    """Who holds a figure tied to it by a connector ('Khu du lịch Tràng An với 250.000
    lượt khách'): the topic, or, past a copula, the side of it with a name ('Thị trường
    lớn nhất là Đức', 'Singapore tiếp tục là nhà đầu tư lớn nhất'); '' for a clause with
    its own auxiliary ('Sở đã làm việc với 12 doanh nghiệp')."""
    low = cues.low(topic)
    copulas = list(cues.copula_any.finditer(low))
    if not copulas:
        return "" if cues.aux_any.search(low) else topic
    sides = (topic[copulas[-1].end() :], topic[: copulas[0].start()])
    side = next((s for s in sides if regex.search(r"(?<!\p{L})\p{Lu}", s)), "")
    while (m := cues.aux_tail.search(cues.low(side))) and m.start() > 0:
        side = side[: m.start()]  # 'Singapore tiếp tục'
    return side.strip(" ,")


# only the 'to' word of a change (and a bound) between the figure before and this one
_CHANGE_END = ByRules(
    lambda rules: regex.compile(
        rf"[\s%]*{alternation(rules.change_to)}(?:\s+{alternation(rules.bound_cues)})?\s*"
    )
)


def _share_of_whole(
    cues: Cues, topic: str, counted: str, q: Quantity, last: str, before: str
) -> str:
    """The subject of a share of the whole named after it ('Agribank chiếm khoảng 38%
    thị phần', 'đạt 3.200 tỷ đồng, chiếm 41% tổng dư nợ'): who or what holds it, the
    joiner, the whole; '' when the figure is no such share."""
    if not (counted and q.percent and (topic or last)):
        return ""
    if not cues.share_tail.search(cues.bound_tail.sub("", before)):
        return ""
    return f"{topic or last} {cues.rules.share_joiner} {counted}"


def _of_last(cues: Cues, topic: str, q: Quantity, last: str, before: str) -> tuple[str, str] | None:
    """The subject and its source when the figure just before names it: the end of its
    change ('tăng từ 1.322 trạm lên 1.934 trạm'), or its sum after a bare sum head ('xử
    phạt 214 trường hợp với số tiền 4,6 tỷ đồng')."""
    if not last:
        return None
    if not topic and _CHANGE_END(cues.rules).fullmatch(before):
        return last, "change_end+last"
    if topic.strip() and q.currency and _AMOUNT_HEAD(cues.rules).match(cues.low(topic)):
        return f"{topic} {last}", "amount+last"
    return None


def choose_subject(
    cues: Cues,
    topic: str,
    link: str,
    counted: str,
    previous: str,
    q: Quantity,
    last: str = "",
    when: str = "",
    before: str = "",
) -> tuple[str, str]:
    """The subject of figure ``q`` and the rule that chose it.

    Args:
        topic: the phrase before the number; ``link`` the link word between them.
        counted: the noun phrase counted after it ('' if none).
        previous: the subject of the last figure with a topic of its own.
        last: the subject of the figure just before.
        when: a bracketed period standing alone for a comparison base.
        before: the lower-cased words between the figure before and the number.
    Returns:
        The subject and the rule, ``'<shape>.<source>'`` ('count.topic', ...).
    """
    shape = _shape(q)
    if counted and cues.time_only.fullmatch(_without_fillers(cues, cues.low(counted))):
        counted = ""  # 'tăng từ 68% năm 2022 lên ...': a period, not what was counted
    if topic and counted and cues.plan_frame.fullmatch(cues.low(topic)):
        # 'mục tiêu đến năm 2026 là đạt 500.000 lượt tải': the topic says a plan follows,
        # the noun after the number what it counts ('kế hoạch năm 2024 là 8,5 tỷ USD' keeps
        # its topic: nothing after names the sum)
        topic = ""
    if topic and cues.change_full.fullmatch(cues.low(topic)) and (last or previous):
        # '..., tăng từ 36,1%', 'tăng thêm 418 triệu USD': the change of the figure before
        return last or previous, f"{shape}.change+previous"
    if whole := _share_of_whole(cues, topic, counted, q, last, before):
        return whole, f"{shape}.share+whole"
    if not counted and q.percent and last and cues.share_opening.search(before):
        # 'trong đó 3.100 hồ sơ trực tuyến, chiếm 62%': the share of the figure just
        # before, a part with its own noun, not of the whole that part belongs to
        return last, f"{shape}.share+last"
    changed = _CHANGED_AFTER(cues.rules)
    if counted and q.percent and changed is not None and changed.search(before):
        # 'giúp giảm khoảng 28% lượng nước tưới': what fell is named after the number
        opens = _OPENS_CLAUSE(cues.rules).match(cues.low(counted))
        if not opens and not _names_nothing(cues, counted, topic):
            return counted, f"{shape}.changed+after"
    if topic and counted and _names_nothing(cues, counted, topic):
        return topic, f"{shape}.topic"
    if topic and cues.rate_head_full.fullmatch(cues.low(topic)) and (last or previous):
        # a bare head ('đạt tỷ lệ 28%') is the rate of the figure just before
        own = last if last and not cues.low(last).startswith(cues.low(topic)) else previous
        named = own or last
        if cues.low(named).startswith(cues.low(topic)):
            return named, f"{shape}.head+previous"  # it names the head already
        return f"{topic} {named}", f"{shape}.head+previous"
    if of_last := _of_last(cues, topic, q, last, before):
        return of_last[0], f"{shape}.{of_last[1]}"
    if topic and (link == "copula" or not counted):
        return topic, f"{shape}.topic"
    if topic and link == "existential" and cues.heads.search(cues.low(topic)):
        return topic, f"{shape}.topic"  # 'tổng số thuê bao cố định hiện có 160.000 thuê bao'
    owned = counted and link == "connector" and cues.owner_link.search(before)
    if owned and (owner := _owner(cues, topic)):
        # 'Đức với 3.200 lao động': the one named before the connector holds the figure
        return f"{counted} {cues.rules.owner_joiner} {owner}", f"{shape}.after+owner"
    if counted:
        if link == "existential" and topic and _group(cues, topic, counted):
            # 'bảo hiểm xã hội tự nguyện có 31.450 người': the topic names the group
            return f"{counted} {topic}", f"{shape}.after+group"
        if link in ("existential", "connector") or not topic:
            return counted, f"{shape}.after"
        verb = verb_phrase(cues, topic)
        return (f"{verb} {counted}" if verb else counted), f"{shape}.verb+after"
    if when and last:
        return f"{last} {when}", f"{shape}.previous+period"
    if previous or last:
        return previous or last, f"{shape}.previous"
    return "", f"{shape}.none"


def named_later(
    cues: Cues,
    text: str,
    low: str,
    q: Quantity,
    topic: str,
    unit: tuple[str, int],
    subject: str,
    rule: str,
) -> tuple[str, str, str]:
    """The subject, rule and unit of ``q`` once the words after its unit (``(unit, where
    it ends)``) are read: a sum's purpose, or a rate's counted words."""
    name, unit_end = unit
    if q.currency and (purposed := purpose_subject(cues, text, low, topic, unit_end)):
        return purposed, f"{rule}+purpose", name  # 'bố trí 50 tỷ đồng cho ...'
    if q.per and not subject and len(name.split()) > 2:
        # '132 người tham gia bảo hiểm xã hội/1.000 dân': the words before the base
        # name what is counted; their head is the unit
        return name, f"{rule}+rate_words", unit_of_subject(cues, name) or name.split()[0]
    return subject, rule, name


def is_part(cues: Cues, low: str, prior: Draft, q: Quantity, unit: str) -> bool:
    """Whether ``q`` is a part of the figure before it: a part-of connector between
    them and the same counted noun."""
    if unit in ("", "%") or unit != prior.unit or prior.standalone:
        return False
    between = low[prior.quantity.expr_end : q.start]
    if ";" in between:
        return False
    return any(m.group("part") for m in cues.part_of.finditer(between))


def raised(cues: Cues, low: str, last: str) -> str:
    """'..., nâng tổng số thuê bao hiện có 160.471 thuê bao': the total of the thing
    the last figure changed, when the topic names nothing more than its noun."""
    m = cues.raise_head.match(low)
    if not m or not last:
        return ""
    rest = cues.existential_tail.sub("", cues.aux_tail.sub("", low[m.end() :])).strip()
    if len(words(rest)) > 2:
        return ""  # 'nâng tổng số xã đạt chuẩn lên ...' names what it counts itself
    base = last[h.end() :].strip() if (h := cues.head_start.match(cues.low(last))) else last
    return f"{cues.raises[spaced(m.group('cue'))]} {base}"


def add_section_domain(cues: Cues, text: str, low: str, drafts: Sequence[Draft]) -> None:
    """Add the domain a section label opens the sentence with to the subjects of its
    figures that do not name it, in place."""
    m = cues.section_domain.match(low)
    # only a label with its noun ('Về lĩnh vực ...', 'Về công tác ...') or one that always
    # names a domain ('Đối với ...'): 'Về xã hội số, ...' may open a sentence about communes
    if m and (
        cues.section_noun.search(low, 0, m.start("domain")) or _DOMAIN_LABEL(cues.rules).match(low)
    ):
        domain = text[m.start("domain") : m.end("domain")]
        for d in drafts:
            if d.subject and cues.low(domain) not in cues.low(d.subject):
                d.subject, d.rule = f"{d.subject} {domain}", f"{d.rule}+section"
