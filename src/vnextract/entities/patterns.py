"""Compile ``rules/entities/patterns.jsonl``: placeholders expanded, ``requires`` read.

Every bad pattern is reported (repeated id, unknown placeholder or word list, a regex
that does not compile) with its line, in one :class:`RuleError`.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import regex

from vnextract.core.errors import Errors, RuleError
from vnextract.entities.pattern_pieces import expand_pattern
from vnextract.entities.schema import EntityPattern


@dataclass
class CompiledPattern:
    rule: EntityPattern
    regex: regex.Pattern
    # lower-cased literals of which the sentence must contain one (None: always run)
    requires: tuple[str, ...] | None = None
    # a sentence holding none of the one-word literals and none of the first two words
    # (side by side) of the longer ones is skipped
    requires_words: frozenset[str] = frozenset()
    requires_pairs: frozenset[tuple[str, str]] = frozenset()
    # found in every sentence view the pattern matches in (None: no such test)
    precheck: regex.Pattern | None = None


_WORDS = regex.compile(r"\w+|[^\w\s]")


def literal_key(text: str) -> str:
    """How ``requires`` literals and sentences are compared: lower case, ``_`` read as a
    space, single spaces."""
    return " ".join(text.lower().replace("_", " ").split())


def literal_words(text: str) -> list[str]:
    """The words (letter and digit runs) and marks of ``text`` after :func:`literal_key`."""
    return _WORDS.findall(literal_key(text))


def _object_lines(path: Path) -> list[int]:
    """1-based line numbers of the JSON objects in a JSONL file (comments and blanks skipped)."""
    try:
        text = path.read_text(encoding="utf-8")
    except OSError:
        return []
    return [
        n
        for n, line in enumerate(text.splitlines(), start=1)
        if line.strip() and not line.lstrip().startswith("//")
    ]


class _UnknownList(LookupError):
    """A ``requires`` entry names no word list (a LookupError, not the KeyError of an
    unknown placeholder)."""


def _requires(rule: EntityPattern, word_lists: dict[str, list[str]]) -> tuple[str, ...] | None:
    """The pattern's ``requires`` as comparison literals, word lists expanded."""
    if rule.requires is None:
        return None
    literals: list[str] = []
    for item in rule.requires:
        if item.startswith("{") and item.endswith("}"):
            if item[1:-1] not in word_lists:
                raise _UnknownList(item[1:-1])
            literals += word_lists[item[1:-1]]
        else:
            literals.append(item)
    return tuple(dict.fromkeys(literal_key(x) for x in literals if x.strip()))


def _problem(line: int, what: str, fix: str) -> str:
    return Errors.E011.format(file=_NAME, line=line, what=what, fix=fix)


_NAME = "rules/entities/patterns.jsonl"


def _compile(
    rule: EntityPattern, placeholders: dict[str, str], word_lists: dict[str, list[str]]
) -> CompiledPattern:
    body = expand_pattern(rule.pattern, placeholders)
    # whole words only: no letter, digit or word-internal "_" just before the match
    full = rf"(?<![\p{{L}}\d_])(?:{body})(?![\p{{L}}\d])"
    requires = _requires(rule, word_lists)
    heads = [literal_words(x)[:2] for x in requires or ()]
    words = frozenset(h[0] for h in heads if len(h) == 1)
    pairs = frozenset((h[0], h[1]) for h in heads if len(h) == 2)
    precheck = rule.precheck and regex.compile(expand_pattern(rule.precheck, placeholders))
    return CompiledPattern(rule, regex.compile(full), requires, words, pairs, precheck or None)


def compile_patterns(
    rules: list[EntityPattern],
    path: Path,
    placeholders: dict[str, str],
    word_lists: dict[str, list[str]],
) -> list[CompiledPattern]:
    """The patterns of ``path`` compiled in order.

    Args:
        rules: the validated lines of ``path``.
        path: the JSONL file, read again only for its line numbers.
        placeholders: ``{NAME}`` -> regex.
        word_lists: the lists a ``requires`` entry may name.
    Raises:
        RuleError: listing every bad pattern with its line.
    """
    problems: list[str] = []
    compiled: list[CompiledPattern] = []
    lines = _object_lines(path)
    first_line: dict[str, int] = {}
    for n, rule in enumerate(rules):
        line = lines[n] if n < len(lines) else 0
        what = f"pattern '{rule.id}'"
        if rule.id in first_line:
            fix = Errors.E202.format(id=rule.id, first=first_line[rule.id])
            problems.append(_problem(line, what + " repeats an id", fix))
        first_line.setdefault(rule.id, line)
        try:
            compiled.append(_compile(rule, placeholders, word_lists))
        except KeyError as exc:
            fix = Errors.E200.format(name=exc.args[0], known=", ".join(sorted(placeholders)))
            problems.append(_problem(line, what + " has an unknown placeholder", fix))
        except _UnknownList as exc:
            fix = Errors.E203.format(name=exc.args[0], known=", ".join(sorted(word_lists)))
            problems.append(_problem(line, what + " requires an unknown word list", fix))
        except regex.error as exc:
            fix = Errors.E201.format(reason=exc)
            problems.append(_problem(line, what + " does not compile", fix))
    if problems:
        raise RuleError(problems)
    return compiled
