"""underthesea's word segmentation, computed faster: same tokens, same labels, same words.

``underthesea.word_tokenize`` spends most of its time turning every syllable into
43 feature strings (``T[-1].lower=thanh``) inside ``underthesea_core`` and handing
them to its CRF tagger one by one. :class:`WordSegmenter` uses underthesea's own
token pattern (run once per distinct chunk, :mod:`vnextract.segment.syllables`), feature
templates, dictionary and model, but scores each syllable from cached per-syllable
and per-n-gram sums of the model's weights (:mod:`vnextract.segment.scores`), so a
syllable seen before costs no string at all. Where two labellings come too close
to call, and wherever the model file cannot be read, underthesea's tagger labels
the sentence from the feature strings, built in bulk
(:class:`~vnextract.segment.features.FeatureTemplates`).

Identity is checked, not assumed: at start-up :func:`load_segmenter` compares
tokens, features, tags and scored labels step by step with underthesea's own on a
built-in set of sentences and falls back (with a warning) to the tagger, or to
``word_tokenize`` itself, if anything differs, e.g. after an underthesea upgrade
changes the model or its templates. The test suite compares the words on every
sentence of the corpus.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from functools import lru_cache
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field

from vnextract.segment.crfmodel import CRFWeights, read_crfsuite
from vnextract.segment.features import FeatureTemplates
from vnextract.segment.scores import WordScorer
from vnextract.segment.syllables import ChunkTokens

log = logging.getLogger(__name__)

# bounded so memory stays flat on an archive: the syllables of Vietnamese fit many times
_CACHE_LIMIT = 50_000


class WordsegRules(BaseModel):
    """Schema of ``rules/wordseg.yml``: the sentences of the start-up check."""

    model_config = ConfigDict(extra="forbid")
    check_sentences: list[str] = Field(min_length=1)


class WordSegmenter:
    """``word_tokenize(text)`` of underthesea, computed faster; same words out."""

    def __init__(self, model_dir: Path | None = None) -> None:
        import joblib
        from underthesea.models.fast_crf_sequence_tagger import FastCRFSequenceTagger
        from underthesea.pipeline.text_normalize.character_normalize import (
            normalize_characters_in_text,
        )
        from underthesea.pipeline.text_normalize.token_normalize import token_normalize
        from underthesea.pipeline.word_tokenize import regex_tokenize
        from underthesea_core import CRFFeaturizer, CRFModel, CRFTagger

        model_dir = model_dir or _model_dir()
        names = FastCRFSequenceTagger()  # the model's file names, nothing loaded
        # what FastCRFSequenceTagger.load does, with the dictionary read once, not twice
        templates = joblib.load(model_dir / names.path_features)
        dictionary = joblib.load(model_dir / names.path_dictionary)
        model = CRFModel.load(str(model_dir / names.path_model))
        self._tagger = CRFTagger.from_model(model)
        self._reference = CRFFeaturizer(templates, dictionary)
        weights = _weights(model_dir / names.path_model, model)
        known = frozenset(weights.attributes) if weights is not None else None
        self._templates = FeatureTemplates(templates, frozenset(dictionary), known, _CACHE_LIMIT)
        self._scorer: WordScorer | None = None
        if weights is not None and len(weights.labels) == 2:
            t = self._templates
            self._scorer = WordScorer(t.plan, t.groups, weights, _CACHE_LIMIT)
        self.near_ties = 0  # sentences the scorer left to underthesea's tagger
        self._regex_tokenize = regex_tokenize
        self._normalize_text = normalize_characters_in_text
        # token normalisation is a pure function of the token; words repeat endlessly
        self._normalize = lru_cache(maxsize=_CACHE_LIMIT)(token_normalize)
        self._chunks = ChunkTokens(regex_tokenize.patterns, self._normalize, _CACHE_LIMIT)

    def tokens(self, text: str) -> list[str]:
        """underthesea's regex tokens of ``text``, normalised as ``word_tokenize`` does."""
        text = self._normalize_text(text)
        # read each call: underthesea swaps the pattern when given fixed words
        pattern = self._regex_tokenize.patterns
        if pattern is not self._chunks.pattern:
            self._chunks = ChunkTokens(pattern, self._normalize, _CACHE_LIMIT)
        return self._chunks.tokens(text)

    def __call__(self, text: str) -> list[str]:
        """The words of ``text`` (multi-syllable words joined by a space)."""
        tokens = self.tokens(text)
        if not tokens:
            return []
        scorer = self._scorer
        return self._words(tokens, scorer.labels(tokens) if scorer is not None else None)

    def segment_all(self, texts: Sequence[str]) -> list[list[str]]:
        """The words of each of ``texts`` (an article's sentences), as calling the
        segmenter on each; their new syllables and n-grams are scored together."""
        tokens = [self.tokens(text) for text in texts]
        if self._scorer is None:
            return [self._words(t, None) if t else [] for t in tokens]
        self._scorer.prefetch(tokens)
        labelled = iter(self._scorer.labels_all([t for t in tokens if t]))
        return [self._words(t, next(labelled)) if t else [] for t in tokens]

    def _words(self, tokens: list[str], tags: list[str] | None) -> list[str]:
        """``tokens`` joined into words by ``tags``, the scorer's labels (None: the scorer
        left them to underthesea's tagger)."""
        if tags is None:
            if self._scorer is not None:
                self.near_ties += 1
            tags = self.tagger_labels(tokens)
        words: list[str] = []
        for tag, token in zip(tags, tokens, strict=True):
            if tag == "I-W" and words:
                words[-1] = words[-1] + " " + token
            else:
                words.append(token)
        return words

    def tagger_labels(self, tokens: list[str]) -> list[str]:
        """The labels underthesea's own tagger gives ``tokens`` (from the known features)."""
        return self._tagger.tag(self._templates.model_features(tokens))

    def reference_features(self, tokens: list[str]) -> list[list[str]]:
        """The features underthesea_core itself makes, for comparison."""
        return self._reference.process([[[t] for t in tokens]])[0]


def _weights(model_file: Path, model) -> CRFWeights | None:
    """The model's weights, read from its file, if they agree with underthesea's own
    reading of it (``model``: its ``CRFModel``); else None and the tagger does it all."""
    try:
        weights = read_crfsuite(model_file)
    except (OSError, ValueError, UnicodeDecodeError) as exc:
        log.debug("model weights not read: %s", exc)
        return None
    counts = (weights.state_features, weights.transition_features)
    agrees = (
        len(weights.attributes) == model.num_attributes
        and weights.labels == list(model.get_labels())
        and counts == (model.num_state_features(), model.num_transition_features())
    )
    if not agrees:
        log.debug("model weights of %s differ from underthesea_core's reading", model_file)
        return None
    return weights


def _model_dir() -> Path:
    """The folder of underthesea's bundled word segmentation model."""
    import underthesea.pipeline.word_tokenize as package

    folders = sorted(
        p.parent
        for p in (Path(package.__file__).parent / "models").glob("*/models.bin")
        if (p.parent / "features.bin").exists() and (p.parent / "dictionary.bin").exists()
    )
    if len(folders) != 1:
        raise FileNotFoundError(f"expected one word segmentation model, found {len(folders)}")
    return folders[0]


def check_sentences() -> list[str]:
    """The sentences of ``rules/wordseg.yml`` (a problem there is reported as a RuleError)."""
    from vnextract.core.rules import RULE_FILES, load_rules

    return load_rules(files={"wordseg.yml": RULE_FILES["wordseg.yml"]})[
        "wordseg.yml"
    ].check_sentences


def check(segmenter: WordSegmenter, sentences: Sequence[str] | None = None) -> str | None:
    """Why ``segmenter`` would differ from ``word_tokenize`` on ``sentences``, or None.

    ``word_tokenize`` joins the tags of underthesea_core's features of underthesea's
    tokens; the segmenter joins, the same way, the tags of its own (known) features of
    its own tokens. Each step is compared, without loading underthesea's model twice.
    """
    from underthesea.pipeline.word_tokenize.regex_tokenize import tokenize

    templates = segmenter._templates
    for sentence in check_sentences() if sentences is None else sentences:
        tokens = segmenter.tokens(sentence)
        if tokens != tokenize(sentence):
            return f"tokens differ on {sentence!r}"
        features = templates.features(tokens)
        if [list(f) for f in features] != segmenter.reference_features(tokens):
            return f"features differ on {sentence!r}"
        tag = segmenter._tagger.tag
        if tag(templates.model_features(tokens)) != tag(features):
            return f"tags differ on {sentence!r} once unknown attributes are left out"
    return None


def check_scorer(segmenter: WordSegmenter, sentences: Sequence[str] | None = None) -> str | None:
    """Why the segmenter's own scoring (:mod:`vnextract.segment.scores`) would label
    ``sentences`` otherwise than underthesea's tagger, or None."""
    scorer = segmenter._scorer
    for sentence in check_sentences() if sentences is None else sentences:
        tokens = segmenter.tokens(sentence)
        if scorer is None or not tokens:
            continue
        labels = scorer.labels(tokens)
        if labels is not None and labels != segmenter.tagger_labels(tokens):
            return f"labels differ on {sentence!r}"
    return None


@lru_cache(maxsize=1)
def load_segmenter() -> Callable[[str], list[str]]:
    """The word segmenter to use: :class:`WordSegmenter` if it matches underthesea here,
    else underthesea's ``word_tokenize`` itself."""
    from underthesea import word_tokenize

    try:
        segmenter = WordSegmenter()
        problem = check(segmenter)
    except (ImportError, OSError, ValueError, AttributeError) as exc:
        problem = f"{type(exc).__name__}: {exc}"
    if problem is not None:
        log.warning("using underthesea's word_tokenize (slower): %s", problem)
        return word_tokenize
    problem = check_scorer(segmenter)
    if problem is not None:
        log.warning("tagging with underthesea's tagger (slower): %s", problem)
        segmenter._scorer = None
    return segmenter
