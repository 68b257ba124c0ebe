"""underthesea's syllable tokens, found once per distinct whitespace-delimited chunk.

``word_tokenize`` runs one large pattern (``regex_tokenize.patterns``) over every
sentence. Sentences are made of the same chunks again and again, and for the
pattern analysed here a chunk's tokens do not depend on the text around it (see
:class:`ChunkTokens`), so each distinct chunk is tokenised once and remembered.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable

# SHA-256 of "flags:pattern" of the underthesea token pattern ChunkTokens was checked on
_TOKEN_PATTERN_SHA256 = "887ec4c794b741c15932b79a419337dbb8b1a25949949fc98d2dcf536be46868"
_NON_SPACE = re.compile(r"\S+")


class ChunkTokens:
    """The tokens of underthesea's pattern, found once per whitespace-delimited chunk.

    For the pattern analysed (:data:`_TOKEN_PATTERN_SHA256`) a chunk's tokens do not
    depend on the text around it, unless the chunk is the text's last or ends in "Th":

    - whitespace is matched only by the ``.`` of its ``Th.S`` and ``Th.s``
      alternatives, so only there may a token run on past a chunk's end;
    - the lookarounds and anchors met at a chunk's edges (``(?<!@)``, ``(?<=\\b)``,
      ``\\b``, ``(?=\\s)``, ``(?=$)``, ``(?!$)``) see whitespace there, or the text's
      start, which they treat alike; only ``$`` tells the last chunk from the others;
    - no match starts on whitespace and every other character starts one, so the
      pattern's scan restarts at every chunk.

    Any other pattern (an underthesea upgrade, fixed words) runs over the whole text.
    """

    def __init__(self, pattern: re.Pattern, normalize: Callable[[str], str], limit: int) -> None:
        self.pattern = pattern
        self.normalize = normalize
        self.limit = limit
        text = f"{pattern.flags}:{pattern.pattern}".encode()
        self.chunked = hashlib.sha256(text).hexdigest() == _TOKEN_PATTERN_SHA256
        self.cache: dict[str, tuple[str, ...]] = {}

    def tokens(self, text: str) -> list[str]:
        """The normalised tokens of ``text``, as ``pattern.finditer(text)`` finds them."""
        normalize = self.normalize
        if not self.chunked:
            return [normalize(m[0]) for m in self.pattern.finditer(text)]
        cache = self.cache
        if len(cache) > self.limit:
            cache.clear()
        out: list[str] = []
        pos = 0  # where the last token ended
        chunks = list(_NON_SPACE.finditer(text))
        last = len(chunks) - 1
        for i, c in enumerate(chunks):
            start, end = c.span()
            if end <= pos:
                continue  # inside a token that ran on past whitespace
            chunk = c[0]
            fresh = start >= pos and i != last and not chunk.endswith("Th")
            if fresh and (cached := cache.get(chunk)) is not None:
                out.extend(cached)
                pos = end
                continue
            found = []
            for m in self.pattern.finditer(text, max(start, pos)):
                found.append(normalize(m[0]))
                pos = m.end()
                if pos >= end:
                    break
            out.extend(found)
            if fresh and pos == end:
                cache[chunk] = tuple(found)
        return out
