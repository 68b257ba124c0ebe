"""Every spaCy registration of vnextract, in one module; nothing runs at import time
beyond the registry decorators themselves."""

from __future__ import annotations

from collections.abc import Callable

import spacy
from spacy.language import Language

from .tokenizer import UnderseaTokenizer


@spacy.registry.tokenizers("vnextract.UnderseaTokenizer.v1")
def create_underthesea_tokenizer() -> Callable[[Language], UnderseaTokenizer]:
    """Tokenizer factory for configs: ``[nlp.tokenizer] @tokenizers = "vnextract.UnderseaTokenizer.v1"``."""

    def make(nlp: Language) -> UnderseaTokenizer:
        return UnderseaTokenizer(nlp.vocab)

    return make


def blank() -> Language:
    """A blank Vietnamese pipeline whose tokenizer is underthesea's word segmenter."""
    config = {"nlp": {"tokenizer": {"@tokenizers": "vnextract.UnderseaTokenizer.v1"}}}
    return spacy.blank("vi", config=config)
