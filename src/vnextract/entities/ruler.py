"""Component ``vnextract_entity_ruler``: run every pattern of ``rules/entities/patterns.jsonl``.

Matches go to ``doc._.candidates`` (plain dicts, exact character offsets into the Doc)
and, for inspection, to ``doc.spans["vnextract_candidates"]``; the resolver chooses
among them.
"""

from __future__ import annotations

from itertools import pairwise

from spacy.language import Language
from spacy.tokens import Doc

from vnextract.core.cache import ByRules
from vnextract.entities.context import Candidate, sentence_view, sentences
from vnextract.entities.gazetteer import EntityRules, entity_rules, literal_words
from vnextract.entities.patterns import CompiledPattern
from vnextract.entities.persist import SavesEntityRules

SPAN_KEY = "vnextract_candidates"


def _triggers(patterns: list[CompiledPattern]) -> tuple[dict, dict, frozenset[int]]:
    """Which prefiltered patterns (by position) each literal word and word pair enables,
    and the patterns that run on every sentence (no ``requires``)."""
    by_word: dict[str, list[int]] = {}
    by_pair: dict[tuple[str, str], list[int]] = {}
    for i, compiled in enumerate(patterns):
        if compiled.requires is not None:
            for word in compiled.requires_words:
                by_word.setdefault(word, []).append(i)
            for pair in compiled.requires_pairs:
                by_pair.setdefault(pair, []).append(i)
    always = frozenset(i for i, c in enumerate(patterns) if c.requires is None)
    return by_word, by_pair, always


_TRIGGERS = ByRules(_triggers)


def find_candidates(view: str, rules: EntityRules, *, prefilter: bool = True) -> list[Candidate]:
    """Every match of every pattern in ``view`` (see :meth:`EntityRules.view`).

    Args:
        view: the pattern view of the text (same length as the text).
        rules: the compiled entity rules.
        prefilter: skip the patterns none of whose ``requires`` literals can be in the
            sentence because not even its first word (one-word literals) or its first
            two words side by side (longer ones) are: the sentence's words are looked
            up once, instead of a scan per pattern; and those whose ``precheck`` is
            not found in ``view``.
    Returns:
        Candidates in pattern order; overlaps are left for the resolver.
    """
    found: list[Candidate] = []
    patterns = rules.patterns
    order: range | list[int] = range(len(patterns))
    if prefilter:
        by_word, by_pair, always = _TRIGGERS(patterns)
        words = literal_words(view)
        enabled = set(always)
        # the dictionaries' keys met in C: only the few words that enable a pattern loop
        for word in by_word.keys() & set(words):
            enabled.update(by_word[word])
        for pair in by_pair.keys() & set(pairwise(words)):
            enabled.update(by_pair[pair])
        order = sorted(enabled)  # pattern order, as without the prefilter
    for i in order:
        compiled = patterns[i]
        if prefilter and compiled.precheck is not None and not compiled.precheck.search(view):
            continue
        rule = compiled.rule
        for m in compiled.regex.finditer(view):
            if m.end() <= m.start():
                continue
            found.append(
                Candidate(m.start(), m.end(), rule.label, rule.id, rule.priority, m.groupdict())
            )
    return found


class PatternRuler(SavesEntityRules):
    """Runs the entity patterns over each Doc."""

    def __init__(self, nlp: Language, name: str, rules_folder: str | None = None) -> None:
        self.name = name
        self.rules = entity_rules(rules_folder)

    def __call__(self, doc: Doc) -> Doc:
        """Attach the candidates of ``doc``, sentence by sentence; returns the same Doc."""
        found: list[dict] = []
        spans = []
        for start, end, _ in sentences(doc):
            view = sentence_view(doc, start, end, self.rules, words=True)
            for c in find_candidates(view, self.rules):
                c.start, c.end = start + c.start, start + c.end
                found.append(c.as_dict())
                span = doc.char_span(c.start, c.end, label=c.label, alignment_mode="expand")
                if span is not None:
                    spans.append(span)
        doc._.candidates = found
        doc.spans[SPAN_KEY] = spans
        return doc
