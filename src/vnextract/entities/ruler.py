"""Component ``vnextract_entity_ruler``: run every pattern of ``rules/entities/patterns.jsonl``.

Matches go to ``doc._.candidates`` (plain dicts, exact character offsets into the Doc)
and, for inspection, to ``doc.spans["vnextract_candidates"]``; the resolver chooses
among them.
"""

from __future__ import annotations

from itertools import pairwise

from spacy.language import Language
from spacy.tokens import Doc

from vnextract.entities.context import Candidate, sentence_view, sentences
from vnextract.entities.gazetteer import EntityRules, entity_rules, literal_words
from vnextract.entities.persist import SavesEntityRules

SPAN_KEY = "vnextract_candidates"


def find_candidates(view: str, rules: EntityRules, *, prefilter: bool = True) -> list[Candidate]:
    """Every match of every pattern in ``view`` (see :meth:`EntityRules.view`).

    Args:
        view: the pattern view of the text (same length as the text).
        rules: the compiled entity rules.
        prefilter: skip the patterns none of whose ``requires`` literals can be in the
            sentence because not even its first word (one-word literals) or its first
            two words side by side (longer ones) are: two set tests per pattern instead
            of a scan.
    Returns:
        Candidates in pattern order; overlaps are left for the resolver.
    """
    found: list[Candidate] = []
    present: set[str] | None = None
    pairs: set[tuple[str, str]] = set()
    for compiled in rules.patterns:
        if prefilter and compiled.requires is not None:
            if present is None:
                words = literal_words(view)
                present, pairs = set(words), set(pairwise(words))
            if present.isdisjoint(compiled.requires_words) and pairs.isdisjoint(
                compiled.requires_pairs
            ):
                continue
        rule = compiled.rule
        for m in compiled.regex.finditer(view):
            if m.end() <= m.start():
                continue
            groups = {k: v for k, v in m.groupdict().items()}
            found.append(Candidate(m.start(), m.end(), rule.label, rule.id, rule.priority, groups))
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
