"""The cue patterns of ``rules/records.yml``, compiled once per rule set.

Every pattern runs over a lower-cased, tone-folded copy of the sentence with the
same offsets (:meth:`Cues.low`), so a match's span is also the span in the
sentence. The shapes: ``tail`` (the words end the text), ``head`` (they open
it), ``anywhere`` (whole words inside it).
"""

from __future__ import annotations

from collections.abc import Iterable

import regex

from vnextract.core.patterns import Tail, guarded
from vnextract.core.textnorm import Folder
from vnextract.records.directives import directive_pattern
from vnextract.records.plan_frame import plan_frame_pattern
from vnextract.records.schema import RecordRules

PUNCT_STOP = regex.compile(r"[;()\[\]“”\"!?…]|(?<!\d):|:(?!\d)|\.(?!\w)|\s[-–]\s")
# before a number a spaced dash joins compounds ('công nghệ thông tin - điện tử')
TOPIC_STOP = regex.compile(r"[;()\[\]“”\"!?…]|(?<!\d):|:(?!\d)|\.(?!\w)")
NEVER = regex.compile(r"(?!)")
SHORT_PAREN = regex.compile(r"\([^()\n]{1,40}\)")
PARENS = regex.compile(r"\([^()]*\)?")
# a word may hold inner dots and slashes ('Postmart.vn', 'bán hàng/gian') but not end with one
WORD = regex.compile(r"[\p{L}\p{N}&](?:[\p{L}\p{N}&'-]|[./](?=[\p{L}\p{N}]))*")


def alternation(words: Iterable[str]) -> str:
    """A regex alternation of ``words``: lower-cased, longest first, escaped, any
    run of spaces matching any whitespace."""
    ordered = sorted(
        {" ".join(w.lower().split()) for w in words if w.strip()}, key=len, reverse=True
    )
    return "|".join(regex.escape(w).replace(r"\ ", r"\s+") for w in ordered)


def words(text: str) -> list[regex.Match]:
    """The words of ``text`` as matches (offsets into ``text``)."""
    return list(WORD.finditer(text))


def spaced(text: str) -> str:
    """``text`` with single spaces: a matched cue (already lower case) as its key."""
    return " ".join(text.split())


def _last_chars(words: Iterable[str]) -> frozenset[str] | None:
    """The last character of each of ``words`` as :func:`alternation` writes it; None
    for no words (an empty alternation matches anywhere)."""
    ends = frozenset(" ".join(w.lower().split())[-1] for w in words if w.strip())
    return ends or None


def tail(words: Iterable[str], compounds: Iterable[str] = ()) -> Tail:
    """One of ``words`` ending the text, after a non-letter or at its start."""
    words = list(words)
    pattern = regex.compile(rf"(?:^|(?<=[^\p{{L}}]))(?:{guarded(words, compounds)})\s*$")
    return Tail(pattern, words)


def head(words: Iterable[str], compounds: Iterable[str] = ()) -> regex.Pattern:
    """One of ``words`` opening the text, as a whole word."""
    return regex.compile(rf"^\s*(?:{guarded(words, compounds)})(?!\p{{L}})")


def anywhere(words: Iterable[str], compounds: Iterable[str] = ()) -> regex.Pattern:
    """One of ``words`` as a whole word anywhere in the text."""
    return regex.compile(rf"(?<!\p{{L}})(?:{guarded(words, compounds)})(?!\p{{L}})")


def full(words: Iterable[str]) -> regex.Pattern:
    """The text is one of ``words``, spaces around allowed."""
    return regex.compile(rf"^\s*(?:{alternation(words)})\s*$")


def verb_tail(words: Iterable[str], gap: str) -> regex.Pattern:
    """A verb of ``words``, then bound cues or a comparison base (``gap``), then the number."""
    return regex.compile(rf"(?:^|(?<=[^\p{{L}}]))(?:{alternation(words)})(?:\s+(?:{gap}))*[\s:]*$")


def _keys(cues: dict[str, str]) -> dict[str, str]:
    """Cue words as :func:`spaced` finds them in a lower-cased sentence."""
    return {" ".join(k.lower().split()): v for k, v in cues.items()}


class Cues:
    """Compiled cue patterns for one rule set; attributes are named after their
    rule file key and shape (``copula_tail``: a copula ending the text)."""

    def __init__(self, rules: RecordRules, folder: Folder) -> None:
        self.rules = rules
        self.folder = folder
        # (phrase, its low copy) -> (topic, link): topic.topic's memo for this rule set
        self.topics: dict[tuple[str, str], tuple[str, str]] = {}
        self._links(rules)
        self._subjects(rules)
        self._qualifiers(rules)
        self._kinds(rules)

    def low(self, text: str) -> str:
        """``text`` lower-cased and tone-folded, if that keeps its offsets."""
        low = self.folder.tones(text).lower()
        return low if len(low) == len(text) else text.lower()

    def _links(self, rules: RecordRules) -> None:
        """The words between a topic and its number, and where phrases end."""
        cue = guarded(rules.bound_cues, rules.compounds)  # 'cao hơn' is no bound 'hơn'
        self.bound_tail = Tail(
            regex.compile(rf"(?:^|(?<=\P{{L}}))(?P<cue>{cue})\s*$"), rules.bound_cues
        )
        self.bounds = _keys(rules.bound_cues)
        self.estimate = anywhere(rules.estimate_cues)
        self.estimate_tail = tail(rules.estimate_cues)
        self.estimate_head = head(rules.estimate_cues)
        frames = alternation(rules.estimate_frames) or r"(?!)"
        self.estimate_frame = regex.compile(rf"(?<!\p{{L}})(?:{frames})(?!\p{{L}})[^,;:]{{0,40}},")
        self.conjunction_tail = tail(rules.conjunctions)
        self.conjunction_head = head(rules.conjunctions)
        self.conjunction_any = anywhere(rules.conjunctions)
        self.qualifier_end = anywhere(rules.qualifier_ends)
        self.copula_tail = tail(rules.copulas, rules.compounds)
        self.copula_head = head(rules.copulas, rules.compounds)
        self.copula_any = anywhere(rules.copulas, rules.compounds)
        self.existential_tail = tail(rules.existentials)
        self.aux_tail = tail(rules.auxiliaries, rules.compounds)
        self.aux_any = anywhere(rules.auxiliaries, rules.compounds)
        self.connector_any = anywhere(rules.connectors)
        self.connector_tail = Tail(
            regex.compile(rf"(?:{alternation(rules.connectors)})\s*$"), rules.connectors
        )
        self.filler_head = head(rules.fillers, rules.compounds)
        self.filler_tail = tail(rules.fillers, rules.compounds)
        self.filler_full = regex.compile(rf"^\s*(?:(?:{alternation(rules.fillers)})\s*[,]?\s*)*$")
        self.after_stop = anywhere(rules.after_stops, rules.compounds)
        self.preposition_head = head(rules.prepositions)
        # the cue words a topic ends in, in the order they are stripped
        self.link_tails = (
            ("bound", self.bound_tail),
            ("estimate", self.estimate_tail),
            ("copula", self.copula_tail),
            ("existential", self.existential_tail),
            ("connector", self.connector_tail),
            ("aux", self.aux_tail),
            ("filler", self.filler_tail),
        )
        # the last letter of each kind's words: a text ending otherwise needs no search
        self.link_tail_ends = {
            kind: _last_chars(words)
            for kind, words in (
                ("bound", rules.bound_cues),
                ("estimate", rules.estimate_cues),
                ("copula", rules.copulas),
                ("existential", rules.existentials),
                ("connector", rules.connectors),
                ("aux", rules.auxiliaries),
                ("filler", rules.fillers),
            )
        }

    def _subjects(self, rules: RecordRules) -> None:
        """What names a figure: subject heads, counted nouns, sections, back-references."""
        self.heads = anywhere(rules.subject_heads, rules.compounds)
        self.head_full = full(rules.subject_heads)
        self.rate_head_full = full(rules.rate_heads)
        self.unit_head = regex.compile(
            rf"^\s*(?P<unit>{alternation(rules.units)})(?![\p{{L}}\p{{N}}])"
        )
        leads = alternation(rules.unit_lead_words) or r"(?!)"
        self.unit_before = regex.compile(
            rf"(?<![\p{{L}}\p{{N}}])(?P<unit>{alternation(rules.units)})"
            rf"(?:\s+(?:{leads}))?\s*:?\s*$"
        )
        items = rules.max_list_item_words
        self.list_item = regex.compile(rf"^\s*[,;]\s*(?:\p{{L}}+\s*){{0,{items}}}:?\s*$")
        prefixes = alternation(rules.counted_prefixes)
        self.counted_prefix_head = head(rules.counted_prefixes)
        # a measure unit alone, or before a comma or a preposition: it names nothing
        measures = alternation(rules.measure_units) or r"(?!)"
        self.bare_measure = regex.compile(
            rf"^\s*(?:{measures})(?![\p{{L}}\p{{N}}])\s*(?:$|[,;]|(?:{alternation(rules.prepositions)})(?!\p{{L}}))"
        )
        self.share_tail = tail(rules.share_verbs) if rules.share_verbs else NEVER
        # 'Đức với 3.200 lao động': a connector right before the number (and its bound)
        # after the one who holds the figure; 'so với' compares
        self.owner_link = (
            regex.compile(
                rf"(?<!\p{{L}})(?:{guarded(rules.owner_connectors, rules.part_of_exceptions)})"
                rf"(?:\s+(?:{alternation(rules.bound_cues)}))*\s*$"
            )
            if rules.owner_connectors
            else NEVER
        )
        # ', chiếm khoảng 62%': a share verb opening its comma part, nothing named before it
        self.share_opening = (
            regex.compile(
                rf"(?:^|,)\s*(?:{alternation(rules.share_verbs)})"
                rf"(?:\s+(?:{alternation(rules.bound_cues)}))*\s*$"
            )
            if rules.share_verbs
            else NEVER
        )
        self.subject_unit = regex.compile(
            rf"^\s*(?:(?:{prefixes})\s+)?(?P<unit>{alternation(rules.units)})(?![\p{{L}}\p{{N}}])"
        )
        self.section_label = head(rules.section_labels)
        self.clause_opener = head(rules.clause_openers) if rules.clause_openers else NEVER
        self.report_tail = tail(rules.report_verbs) if rules.report_verbs else NEVER
        # 'Về lĩnh vực bưu chính, doanh thu ...': the section names the domain of its figures
        self.section_domain = regex.compile(
            rf"^\s*(?:{alternation(rules.section_labels)})\s+"
            rf"(?:(?:{alternation(rules.section_nouns)})\s+)?"
            r"(?P<domain>\p{L}+(?:\s+\p{L}+){0,3})\s*,"
        )
        self.section_noun = anywhere(rules.section_nouns)
        self.denominator_tail = tail(rules.denominators)
        # an exception ('so với', a comparison) is matched first, so it is no part-of 'với'
        exceptions = alternation(rules.part_of_exceptions)
        skip = f"{exceptions}|" if exceptions else ""
        self.part_of = regex.compile(
            rf"(?<!\p{{L}})(?:{skip}(?P<part>{alternation(rules.part_of_connectors)}))"
            r"(?!\p{L})"
        )
        self.raise_head = regex.compile(rf"^\s*(?P<cue>{alternation(rules.raise_cues)})(?!\p{{L}})")
        self.raises = _keys(rules.raise_cues)
        self.head_start = head([*rules.subject_heads, *rules.raise_cues.values()])
        self.head_prefix_tail = tail(rules.head_prefixes)
        self.back_ref = regex.compile(rf"^(?:{alternation(rules.back_references)})$")
        prefixes = alternation(rules.named_reference_prefixes) or r"(?!)"
        demonstratives = alternation(rules.named_reference_demonstratives) or r"(?!)"
        self.named_ref = regex.compile(
            rf"^(?:{prefixes})\s+(?P<noun>\p{{L}}.*?)(?:\s+(?:{demonstratives}))?$"
        )
        self.unit_classifier = head(rules.unit_classifiers) if rules.unit_classifiers else NEVER

    def _qualifiers(self, rules: RecordRules) -> None:
        """Shares of plan and changes: the verbs before them, the bases after them."""
        gap = alternation([*rules.bound_cues, *rules.change.gap])
        self.plan_lead = verb_tail(rules.plan.lead, gap)
        self.plan_over = verb_tail(rules.plan.over, gap)
        self.plan_cue = anywhere(rules.plan.cues)
        self.against_any = anywhere(rules.plan.against)
        self.plan_implied = anywhere(rules.plan.implied_by)
        self.plan_against = regex.compile(
            rf"^\W*(?:{alternation(rules.plan.against)})\s+(?:{alternation(rules.plan.cues)})"
            r"(?!\p{L})"
        )
        self.change_up = verb_tail(rules.change.up, gap)
        self.change_down = verb_tail(rules.change.down, gap)
        up, down = rules.change.comparative_up, rules.change.comparative_down
        self.comparative_up = verb_tail(up, gap) if up else NEVER
        self.comparative_down = verb_tail(down, gap) if down else NEVER
        self.change_ratio = verb_tail(rules.change.ratio, gap)
        listed = alternation([*rules.bound_cues, *rules.change.gap, *rules.change.respective])
        self.list_up = verb_tail(rules.change.up, listed)
        self.list_down = verb_tail(rules.change.down, listed)
        self.respective = anywhere(rules.change.respective)
        joins = alternation(rules.change.list_joins) or r"(?!)"
        self.list_join = regex.compile(rf"^[\s,]*(?:(?:{joins})(?!\p{{L}}))?\s*$")
        self.change_multiple = verb_tail(rules.change.multiple, gap)
        self.points_unit = regex.compile(
            rf"\s*(?:{alternation(rules.change.points)})(?![\p{{L}}\p{{N}}])"
        )
        self.times_unit = regex.compile(
            rf"\s*(?:{alternation(rules.change.times)})(?![\p{{L}}\p{{N}}])"
        )
        self.change_ref = anywhere(rules.change.reference)
        self.change_head = head([*rules.change.up, *rules.change.down])
        self.change_full = full([*rules.change.up, *rules.change.down])
        self.year_on_year = anywhere(rules.change.year_on_year)
        self.reference_head = head([*rules.change.reference, *rules.plan.against])
        # a figure written in several parts ('15.366/13.273', '1.295,283'): if one stands
        # unread before a change, the change qualifies it and is no figure of its own
        self.figure_like = regex.compile(r"(?<![\p{L}\p{N}])\d+(?:[.,/]\d+)+")

    def _kinds(self, rules: RecordRules) -> None:
        """Targets, periods, bounds written after the number and rate bases."""
        brk = alternation(rules.per_cue_breaks) if rules.per_cue_breaks else r"(?!)"
        self.per_cue = regex.compile(
            rf"(?<!\p{{L}})(?P<cue>{alternation(rules.per_cues)})(?!\p{{L}})"
            rf"(?P<rest>(?:(?!(?<!\p{{L}}){brk}(?!\p{{L}}))[^,;])*)$"
        )
        self.per_cues = _keys(rules.per_cues)
        self.target = anywhere(rules.target_cues)
        self.target_result = anywhere(rules.target_results)
        self.directive = directive_pattern(rules)
        self.future_marker = anywhere(rules.future_markers)
        self.sum_words = anywhere(rules.sum_words) if rules.sum_words else NEVER
        self.planned_estimate = anywhere(rules.planned_estimates)
        self.plan_item = regex.compile(rf"^\s*(?:{alternation(rules.plan_item_units)})$")
        time_word = alternation(rules.time_words)
        self.time_only = regex.compile(
            rf"\s*(?:(?:(?:{time_word})(?!\p{{L}})|[\divxlc]+(?:[/.-]\d+)*)[\s,]*)*"
        )
        self.plan_frame = plan_frame_pattern(rules, self.time_only.pattern)
        self.done = anywhere(rules.done_markers)
        # ', năm tới sẽ ...', ', đã ...': a clause of its own after a comma
        aspect = alternation(rules.aspect_markers)
        self.aspect_head = (
            regex.compile(rf"{self.time_only.pattern}(?:{aspect})(?!\p{{L}})")
            if rules.aspect_markers
            else NEVER
        )
        self.aspect_word = anywhere(rules.aspect_markers) if rules.aspect_markers else NEVER
        self.future = regex.compile(rf"(?:{alternation(rules.future_year_cues)})\s*$")
        self.after_bound = regex.compile(
            rf"\s*(?P<cue>{alternation(rules.after_bound_cues)})(?!\p{{L}})"
        )
        self.after_bounds = _keys(rules.after_bound_cues)
        self.per_base = tail(rules.per_bases)
        # 'mỗi' and its noun: a counted noun of the rule file, else the one word after it
        each = alternation(rules.each_cues) or r"(?!)"
        noun = rf"(?P<noun>(?:{alternation(rules.units)})(?![\p{{L}}\p{{N}}])|\p{{L}}+)"
        self.each_before = regex.compile(rf"(?<!\p{{L}})(?:{each})\s+{noun}[^,;:()]*$")
        self.each_after = regex.compile(rf"\s*(?:{each})\s+{noun}")
        self.per_base_after = regex.compile(
            rf"^\s*(?:\p{{L}}+\s+){{0,3}}?(?:{alternation(rules.per_bases)})\s*$"
        )
