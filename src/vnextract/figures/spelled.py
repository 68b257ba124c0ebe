"""Read numbers written in words: 'hai mươi mốt' -> 21, 'một trăm linh năm' -> 105,
'ba tỷ' -> 3000000000, 'một triệu rưỡi' -> 1500000.

A small state machine over the words of ``rules/numbers.yml`` (section ``spelled`` and the
scale words). It only says what a run of number words is worth and whether it is built like
a numeral (two words or more); :mod:`vnextract.figures.numbers` decides from the words around it
whether it is a figure.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal

import regex
from pydantic import BaseModel, ConfigDict

from vnextract.core.patterns import alternation


class SpelledRules(BaseModel):
    """Schema of the ``spelled`` section of ``rules/numbers.yml``."""

    model_config = ConfigDict(extra="forbid")
    digits: dict[str, int]
    after_tens: dict[str, int]
    ten: list[str]
    tens: list[str]
    hundred: list[str]
    zero_tens: list[str]
    half: list[str]


@dataclass(frozen=True, slots=True)
class Spelled:
    """One numeral written in words; offsets into the searched text."""

    start: int
    end: int
    value: Decimal
    words: int  # how many words it has: one word alone is never taken as a figure by itself
    last_scale: str | None  # its last word when that is a scale word ('tỷ' in 'ba tỷ')


# states in which the words read so far make a whole numeral
_COMPLETE = frozenset({"digit", "ten", "tens", "unit", "hundred", "scale", "half"})


class SpelledNumbers:
    """Compiled reader for one rule set."""

    def __init__(self, rules: SpelledRules, scales: dict[str, Decimal]) -> None:
        low = str.lower
        self._digits = {low(k): Decimal(v) for k, v in rules.digits.items()}
        self._after_tens = {low(k): Decimal(v) for k, v in rules.after_tens.items()}
        self._ten = {low(w) for w in rules.ten}
        self._tens = {low(w) for w in rules.tens}
        self._hundred = {low(w) for w in rules.hundred}
        self._zero = {low(w) for w in rules.zero_tens}
        self._half = {low(w) for w in rules.half}
        self._scales = {low(k): v for k, v in scales.items() if " " not in k}
        words = [
            *self._digits,
            *self._after_tens,
            *self._ten,
            *self._tens,
            *self._hundred,
            *self._zero,
            *self._half,
            *self._scales,
        ]
        self._starts = set(self._digits) | self._ten
        word = alternation(words)
        edge = r"[\p{L}\p{N}]"
        self.run = regex.compile(rf"(?<!{edge}){word}(?:[ \t\u00a0]+{word})*(?!{edge})", regex.I)
        self._token = regex.compile(r"\S+")

    def find(self, text: str) -> Iterator[Spelled]:
        """Every numeral written in words in ``text``, left to right, longest first."""
        for m in self.run.finditer(text):
            tokens = [
                (t.group().lower(), m.start() + t.start(), m.start() + t.end())
                for t in self._token.finditer(m.group())
            ]
            i = 0
            while i < len(tokens):
                parsed = (
                    self._parse([t[0] for t in tokens], i) if tokens[i][0] in self._starts else None
                )
                if parsed is None:
                    i += 1
                    continue
                value, j, last_scale = parsed
                yield Spelled(tokens[i][1], tokens[j - 1][2], value, j - i, last_scale)
                i = j

    def _parse(self, words: list[str], i: int) -> tuple[Decimal, int, str | None] | None:
        """The longest whole numeral starting at ``words[i]``: value, end index, last scale."""
        state = "start"
        total = current = pending = Decimal(0)
        last_scale: Decimal | None = None
        best = None
        k = i
        while k < len(words):
            w = words[k]
            step = self._step(state, w, pending)
            if step is None:
                break
            state = step
            if w in self._scales and state == "scale":
                factor = self._scales[w]
                if words[k - 1] in self._scales and k > i:
                    total *= factor  # 'nghìn tỷ': a run of scales multiplies
                    last_scale = (last_scale or Decimal(1)) * factor
                else:
                    group = current + pending
                    if last_scale is None or factor < last_scale:
                        if last_scale is not None and group * factor >= last_scale:
                            break
                        total += group * factor
                    else:
                        if group >= last_scale:
                            break
                        total = (total + group) * factor  # '12 nghìn 300 tỷ'
                    last_scale = factor
                current = pending = Decimal(0)
            elif state == "digit" or state in ("after_scale", "after_hundred"):
                pending = self._digits[w]
            elif state == "ten":
                current += 10
            elif state == "tens":
                current += pending * 10
                pending = Decimal(0)
            elif state == "unit":
                current += self._after_tens.get(w, self._digits.get(w, Decimal(0)))
            elif state == "hundred":
                current += pending * 100
                pending = Decimal(0)
            elif state == "half":
                if words[k - 1] in self._hundred:
                    current += 50
                else:
                    total += (last_scale or Decimal(0)) / 2
            k += 1
            if state in _COMPLETE:
                ends_scale = words[k - 1] if words[k - 1] in self._scales else None
                best = (total + current + pending, k, ends_scale)
        return best

    def _step(self, state: str, w: str, pending: Decimal) -> str | None:
        """The next state after word ``w``, or None where ``w`` cannot go on the numeral."""
        if w in self._scales:
            ok = state in ("digit", "ten", "tens", "unit", "hundred", "scale")
            return "scale" if ok else None
        if state == "start":
            if w in self._ten:
                return "ten"
            return "digit" if w in self._digits else None
        if state in ("digit", "after_scale", "after_hundred"):
            if w in self._tens:
                return "tens"
            if w in self._hundred and state != "after_hundred":
                return "hundred"
            return None
        if state in ("ten", "tens"):
            # five after a tens word is 'lăm': 'mười năm' is ten years, not fifteen
            return "unit" if w in self._after_tens else None
        if state == "hundred":
            if w in self._zero:
                return "zero"
            if w in self._ten:
                return "ten"
            if w in self._half:
                return "half"
            return "after_hundred" if w in self._digits else None
        if state == "zero":
            return "unit" if w in self._digits else None
        if state == "scale":
            if w in self._half:
                return "half"
            if w in self._ten:
                return "ten"
            if w in self._zero:
                return "zero"
            return "after_scale" if w in self._digits else None
        return None
