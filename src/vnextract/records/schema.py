"""Schema of ``rules/records.yml``: the cue words the record stage reads sentences with."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

Bound = Literal["=", "~", ">", "<", ">=", "<="]


class _Plan(BaseModel):
    model_config = ConfigDict(extra="forbid")
    lead: list[str]
    over: list[str]
    against: list[str]
    cues: list[str]
    # a bare 'đạt X%' after an amount of these is a share of plan ('giải ngân 90 tỷ đồng, đạt 60%')
    implied_by: list[str] = []
    window_words: int = Field(ge=1, le=20)


class _Change(BaseModel):
    model_config = ConfigDict(extra="forbid")
    up: list[str]
    down: list[str]
    ratio: list[str]
    reference: list[str]
    year_on_year: list[str]
    gap: list[str]
    points: list[str]
    multiple: list[str]
    times: list[str]
    # a list of changes after a list of counts goes in order: 'lần lượt', and the list's joins
    respective: list[str] = []
    list_joins: list[str] = []
    # 'cao hơn 3,1‰ so với cùng kỳ': a rise or fall only with a time base after the number
    comparative_up: list[str] = []
    comparative_down: list[str] = []
    window_words: int = Field(ge=1, le=20)


class RecordRules(BaseModel):
    """Schema of ``rules/records.yml``."""

    model_config = ConfigDict(extra="forbid")
    estimate_cues: list[str]
    # an estimate cue with a time phrase that frames the sentence ('Ước đến cuối năm 2020, ...')
    estimate_frames: list[str] = []
    bound_cues: dict[str, Bound]
    copulas: list[str]
    existentials: list[str]
    connectors: list[str]
    auxiliaries: list[str]
    # an auxiliary of these with only a preposition after it ('... việc làm được cho 21.000
    # người') leaves the action before it
    passive_auxiliaries: list[str] = []
    # one word holding a copula, auxiliary or stop word ('trồng mới', 'mặt bằng')
    compounds: list[str] = []
    fillers: list[str]
    subject_heads: list[str]
    after_stops: list[str]
    prepositions: list[str]
    conjunctions: list[str]
    qualifier_ends: list[str]
    units: list[str]
    plan: _Plan
    change: _Change
    per_cues: dict[str, str]
    # 'trợ cấp hằng tháng cho 112.960 người': after one of these the figure counts who
    # receives, and the per cue before it is the thing given's
    per_cue_breaks: list[str] = []
    target_cues: list[str]
    target_results: list[str]
    directive_verbs: list[str] = []
    directive_noun_before: list[str] = []
    directive_noun_after: list[str] = []
    future_markers: list[str]
    # a bounded sum after a count with one of these between is the count's total
    sum_words: list[str] = []
    # a verb's aspect words: after a comma they start a clause, not a list item
    aspect_markers: list[str] = []
    # estimate cues that speak of what is to come: a figure after one is a target too
    planned_estimates: list[str] = []
    change_from: list[str] = []
    change_to: list[str] = []
    plan_item_units: list[str]
    time_words: list[str]
    done_markers: list[str]
    section_labels: list[str]
    domain_labels: list[str] = []
    plan_verbs: list[str]
    # plan verbs that also report work done: a plan only in a paragraph about a later year
    future_plan_verbs: list[str] = []
    future_year_cues: list[str]
    task_list_cues: list[str]
    ordinal_starts: list[str]
    head_prefixes: list[str]
    denominators: list[str]
    after_bound_cues: dict[str, Bound]
    per_bases: list[str]
    # the noun after one of these is the base of a rate ('mỗi hộ', 'mỗi điểm')
    each_cues: list[str] = []
    back_references: list[str]
    # a qualifier's subject that names an earlier figure by its noun ('Con số hồ sơ này')
    named_reference_prefixes: list[str] = []
    named_reference_demonstratives: list[str] = []
    unit_classifiers: list[str] = []
    raise_cues: dict[str, str]
    part_of_connectors: list[str]
    # phrases holding a connector that are no part-of ('so với' is a comparison)
    part_of_exceptions: list[str] = []
    counted_prefixes: list[str]
    measure_units: list[str] = []
    unit_lead_words: list[str] = []
    max_list_item_words: int = Field(default=4, ge=0, le=10)
    share_verbs: list[str] = []
    changed_after_verbs: list[str] = []
    share_joiner: str = ""
    owner_connectors: list[str] = []
    owner_joiner: str = ""
    clause_openers: list[str] = []
    report_verbs: list[str] = []
    # a topic of only a plan word, who plans and when names no figure ('mục tiêu đến năm 2026')
    plan_frame_words: list[str] = []
    # a sum after only who spends and one of these is named by its purpose ('bố trí ... cho')
    spend_verbs: list[str] = []
    purpose_words: list[str] = []
    sum_nouns: list[str] = []
    purpose_sources: list[str] = []
    plan_actors: list[str] = []
    # 'tỉnh hỗ trợ trồng rừng với mức 15 triệu đồng/ha': a bare level after a connector is
    # named by the action before it ('mức hỗ trợ trồng rừng')
    level_heads: list[str] = []
    max_coordinated_words: int = Field(default=8, ge=1, le=20)
    rate_heads: list[str]
    per_cues_of_the_thing: list[str] = []
    amount_heads: list[str] = []
    section_nouns: list[str]
    max_after_words: int = Field(ge=1, le=60)
    max_next_topic_words: int = Field(default=2, ge=0, le=30)
    max_verb_words: int = Field(ge=0, le=20)
