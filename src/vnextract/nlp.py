"""Every spaCy registration of vnextract, in one module; nothing runs at import time
beyond the registry decorators themselves.

Components (each takes ``rules_folder``: a rules folder other than the default):

==============================  =========================================================
``vnextract_abbreviations``     learns ``Long Name (ABBR)`` definitions for the article
``vnextract_entity_ruler``      runs ``rules/entities/patterns.jsonl``: candidate spans
``vnextract_admin_places``      adds the place dataset's provinces, districts, communes
``vnextract_entity_resolver``   picks candidates, names them canonically: ``doc.ents``
``vnextract_officials``         links people to titles and agencies
==============================  =========================================================
"""

from __future__ import annotations

from collections.abc import Callable

import spacy
from spacy.language import Language
from spacy.tokens import Span

from vnextract.segment.tokenizer import UnderseaTokenizer

ENTITY_COMPONENTS = (
    "vnextract_abbreviations",
    "vnextract_entity_ruler",
    "vnextract_admin_places",
    "vnextract_entity_resolver",
    "vnextract_officials",
)
_RULES_CONFIG = {"rules_folder": None}


@spacy.registry.tokenizers("vnextract.UnderseaTokenizer.v1")
def create_underthesea_tokenizer() -> Callable[[Language], UnderseaTokenizer]:
    """Tokenizer factory for configs.

    ``[nlp.tokenizer] @tokenizers = "vnextract.UnderseaTokenizer.v1"``
    """

    def make(nlp: Language) -> UnderseaTokenizer:
        return UnderseaTokenizer(nlp.vocab)

    return make


def _span_extensions() -> None:
    # canonical name of an entity span; set by the resolver
    if not Span.has_extension("canonical"):
        Span.set_extension("canonical", default=None)


@Language.factory(
    "vnextract_abbreviations",
    assigns=["doc.user_data"],
    default_config=_RULES_CONFIG,
)
def make_abbreviations(nlp: Language, name: str, rules_folder: str | None):
    """Learns the abbreviations an article defines (``Sở ... (TT&TT)``)."""
    from vnextract.entities.abbreviations import AbbreviationLearner

    return AbbreviationLearner(nlp, name, rules_folder)


@Language.factory(
    "vnextract_entity_ruler",
    assigns=["doc.spans"],
    default_config=_RULES_CONFIG,
)
def make_entity_ruler(nlp: Language, name: str, rules_folder: str | None):
    """Runs the entity patterns; candidates go to ``doc.spans["vnextract_candidates"]``."""
    from vnextract.entities.ruler import PatternRuler

    return PatternRuler(nlp, name, rules_folder)


@Language.factory(
    "vnextract_admin_places",
    assigns=["doc.user_data"],
    default_config=_RULES_CONFIG,
)
def make_admin_places(nlp: Language, name: str, rules_folder: str | None):
    """Adds LOCATION candidates from the ``vietnamadminunits`` dataset."""
    from vnextract.entities.admin_places import AdminPlaceFinder

    return AdminPlaceFinder(nlp, name, rules_folder)


@Language.factory(
    "vnextract_entity_resolver",
    assigns=["doc.ents", "span._.canonical"],
    requires=["doc.spans"],
    default_config=_RULES_CONFIG,
)
def make_entity_resolver(nlp: Language, name: str, rules_folder: str | None):
    """Chooses among the candidates and names each entity canonically."""
    from vnextract.entities.resolver import EntityResolver

    _span_extensions()
    return EntityResolver(nlp, name, rules_folder)


@Language.factory(
    "vnextract_officials",
    assigns=["doc.user_data"],
    requires=["doc.ents"],
    default_config=_RULES_CONFIG,
)
def make_officials(nlp: Language, name: str, rules_folder: str | None):
    """Links people to their titles and agencies."""
    from vnextract.entities.officials import OfficialLinker

    return OfficialLinker(nlp, name, rules_folder)


def blank() -> Language:
    """A blank Vietnamese pipeline whose tokenizer is underthesea's word segmenter."""
    config = {"nlp": {"tokenizer": {"@tokenizers": "vnextract.UnderseaTokenizer.v1"}}}
    return spacy.blank("vi", config=config)


def load(rules_folder: str | None = None) -> Language:
    """The full vnextract entity pipeline: ``blank()`` plus the entity components.

    Args:
        rules_folder: a rules folder other than the default one.
    Returns:
        A pipeline; ``nlp(text).ents`` are the entities, ``span._.canonical`` their names.
    """
    nlp = blank()
    for component in ENTITY_COMPONENTS:
        nlp.add_pipe(component, config={"rules_folder": rules_folder})
    return nlp
