"""Paragraph context for record assembly: the period a paragraph opens with, and
whether it states plans (a year not before publication with a plan verb, or an item
of a task list announced by a paragraph ending in ':')."""

from __future__ import annotations

from dataclasses import dataclass

import regex

from vnextract.core.model import DateMention, Sentence
from vnextract.core.textnorm import Folder
from vnextract.records.schema import RecordRules


@dataclass(slots=True)
class ParagraphContext:
    target: bool = False
    period: str | None = None


def _words(words: list[str]) -> regex.Pattern:
    return regex.compile(
        r"(?<!\p{L})(?:" + "|".join(regex.escape(w) for w in words) + r")(?!\p{L})"
    )


class ParagraphReader:
    """Compiled cues of ``rules/records.yml`` for paragraph contexts."""

    def __init__(self, rules: RecordRules, folder: Folder) -> None:
        self.key = folder.key
        self._plan_verbs = _words(rules.plan_verbs)
        self._future_plan_verbs = _words([*rules.plan_verbs, *rules.future_plan_verbs])
        self._task_cues = _words(rules.task_list_cues)
        self._ordinals = tuple(folder.key(w) for w in rules.ordinal_starts)

    def contexts(
        self, sentences: list[Sentence], dates: dict[int, list[DateMention]], year: int | None
    ) -> dict[int, ParagraphContext]:
        """Per paragraph number: its period and whether its figures are targets.

        Args:
            sentences: the document's sentences.
            dates: each sentence's dates (offsets into the sentence).
            year: the publication year, if known.
        """
        by_para: dict[int, list[Sentence]] = {}
        for s in sentences:
            by_para.setdefault(s.paragraph, []).append(s)
        out: dict[int, ParagraphContext] = {}
        in_task_list = False
        for number in sorted(by_para):
            sents = by_para[number]
            first = sents[0]
            first_low = self.key(first.text)
            para = ParagraphContext()
            opening = [d for d in dates[first.index] if d.start <= 12 and d.precision != "day"]
            if opening:
                para.period = opening[0].iso
                y = opening[0].iso[:4]
                if year is not None and y.isdigit() and int(y) >= year:
                    # of the year it is published in, a report may tell what was done
                    verbs = self._future_plan_verbs if int(y) > year else self._plan_verbs
                    para.target = bool(verbs.search(first_low))
            if in_task_list and first_low.startswith(self._ordinals):
                para.target = True
            elif in_task_list:
                in_task_list = False
            last_low = self.key(sents[-1].text)
            if last_low.rstrip().endswith(":") and self._task_cues.search(last_low):
                in_task_list = True
            out[number] = para
        return out
