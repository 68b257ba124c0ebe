"""Every spaCy registration of vnextract, in one module; nothing runs at import time
beyond the registry decorators themselves. The registrations are also entry points
(``pyproject.toml``), so ``spacy.load`` of a saved pipeline finds them in a process that
never imported vnextract.

Components (each takes ``rules_folder``: a rules folder other than the default; each
saves its rule files with ``nlp.to_disk`` and reads them back from there):

==============================  =========================================================
``vnextract_figures``           figures and dates: ``doc.spans["figures"]``,
                                ``doc.spans["dates"]``, DATE in ``doc.ents``
``vnextract_abbreviations``     learns ``Long Name (ABBR)`` definitions for the article
``vnextract_entity_ruler``      runs ``rules/entities/patterns.jsonl``: candidate spans
``vnextract_admin_places``      adds the place dataset's provinces, districts, communes;
                                a bare ``nlp(text)``'s ``doc._.province`` from its text
``vnextract_entity_resolver``   picks candidates, names them canonically: ``doc.ents``,
                                ``span._.canonical``; its ``score`` gives P/R/F per label
``vnextract_officials``         links people to titles and agencies: ``doc._.officials``
``vnextract_bylines``           the names on the closing line (a byline) as PERSON
==============================  =========================================================
"""

from __future__ import annotations

from collections.abc import Callable

import spacy
from spacy.language import Language

from vnextract.segment.tokenizer import UndertheseaTokenizer

ENTITY_COMPONENTS = (
    "vnextract_abbreviations",
    "vnextract_entity_ruler",
    "vnextract_admin_places",
    "vnextract_entity_resolver",
    "vnextract_officials",
    "vnextract_bylines",
)
FIGURE_COMPONENT = "vnextract_figures"
TOKENIZER = "vnextract.UndertheseaTokenizer.v1"
_RULES_CONFIG = {"rules_folder": None}


@spacy.registry.tokenizers(TOKENIZER)
def create_underthesea_tokenizer() -> Callable[[Language], UndertheseaTokenizer]:
    """Tokenizer factory for configs.

    ``[nlp.tokenizer] @tokenizers = "vnextract.UndertheseaTokenizer.v1"``
    """

    def make(nlp: Language) -> UndertheseaTokenizer:
        return UndertheseaTokenizer(nlp.vocab)

    return make


# the name configs saved before the class was spelt like its factory still give
spacy.registry.tokenizers.register(
    "vnextract.UnderseaTokenizer.v1", func=create_underthesea_tokenizer
)


def _extensions() -> None:
    from vnextract.entities.context import register_extensions

    register_extensions()


@Language.factory(
    FIGURE_COMPONENT,
    assigns=["doc.spans", "doc.ents"],
    default_config=_RULES_CONFIG,
)
def make_figures(nlp: Language, name: str, rules_folder: str | None):
    """Finds figures and dates, sentence by sentence."""
    from vnextract.figures.spans import FigureFinder

    _extensions()
    return FigureFinder(nlp, name, rules_folder)


@Language.factory(
    "vnextract_abbreviations",
    assigns=["doc._.abbreviations"],
    default_config=_RULES_CONFIG,
)
def make_abbreviations(nlp: Language, name: str, rules_folder: str | None):
    """Learns the abbreviations an article defines (``Sở ... (TT&TT)``)."""
    from vnextract.entities.abbreviations import AbbreviationLearner

    _extensions()
    return AbbreviationLearner(nlp, name, rules_folder)


@Language.factory(
    "vnextract_entity_ruler",
    assigns=["doc.spans", "doc._.candidates"],
    default_config=_RULES_CONFIG,
)
def make_entity_ruler(nlp: Language, name: str, rules_folder: str | None):
    """Runs the entity patterns; candidates go to ``doc.spans["vnextract_candidates"]``."""
    from vnextract.entities.ruler import PatternRuler

    _extensions()
    return PatternRuler(nlp, name, rules_folder)


@Language.factory(
    "vnextract_admin_places",
    assigns=["doc._.candidates", "doc._.province"],
    default_config=_RULES_CONFIG,
)
def make_admin_places(nlp: Language, name: str, rules_folder: str | None):
    """Adds LOCATION candidates from the ``vietnamadminunits`` dataset."""
    from vnextract.entities.admin_places import AdminPlaceFinder

    return AdminPlaceFinder(nlp, name, rules_folder)


@Language.factory(
    "vnextract_entity_resolver",
    assigns=["doc.ents", "doc._.entities", "doc._.remembered", "span._.canonical"],
    requires=["doc.spans"],
    default_config=_RULES_CONFIG,
    default_score_weights={"ents_f": 1.0, "ents_p": 0.0, "ents_r": 0.0, "ents_per_type": None},
)
def make_entity_resolver(nlp: Language, name: str, rules_folder: str | None):
    """Chooses among the candidates and names each entity canonically."""
    from vnextract.entities.resolver import EntityResolver

    _extensions()
    return EntityResolver(nlp, name, rules_folder)


@Language.factory(
    "vnextract_officials",
    assigns=["doc._.officials", "doc._.pending"],
    requires=["doc.ents"],
    default_config=_RULES_CONFIG,
)
def make_officials(nlp: Language, name: str, rules_folder: str | None):
    """Links people to their titles and agencies."""
    from vnextract.entities.officials import OfficialLinker

    _extensions()
    return OfficialLinker(nlp, name, rules_folder)


@Language.factory(
    "vnextract_bylines",
    assigns=["doc.ents", "doc._.entities", "span._.canonical"],
    requires=["doc.ents"],
    default_config=_RULES_CONFIG,
)
def make_bylines(nlp: Language, name: str, rules_folder: str | None):
    """Adds the names of the article's closing line (its byline) as PERSON entities."""
    from vnextract.entities.bylines import BylineFinder

    _extensions()
    return BylineFinder(nlp, name, rules_folder)


def blank() -> Language:
    """A blank Vietnamese pipeline whose tokenizer is underthesea's word segmenter."""
    return spacy.blank("vi", config={"nlp": {"tokenizer": {"@tokenizers": TOKENIZER}}})


def load(rules_folder: str | None = None, *, figures: bool = True) -> Language:
    """The full vnextract pipeline: ``blank()`` plus the figure and entity components.

    Args:
        rules_folder: a rules folder other than the default one.
        figures: add ``vnextract_figures`` first (the extractor finds figures and dates
            itself, and leaves it out).
    Returns:
        A pipeline; ``nlp(text).ents`` are the entities, ``span._.canonical`` their names,
        ``doc._.officials`` the officials.
    """
    nlp = blank()
    for component in (FIGURE_COMPONENT,) * figures + ENTITY_COMPONENTS:
        nlp.add_pipe(component, config={"rules_folder": rules_folder})
    return nlp
