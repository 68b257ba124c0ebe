"""Load and validate the rule files in ``rules/``: all language knowledge lives there.

Every YAML file has a pydantic schema owned by the stage that uses it; the
registry below names them as import strings so nothing is imported until rules
are loaded. ``load_rules`` reads every file, validates every one, and raises a
single :class:`RuleError` that lists each problem with file, line and fix.
"""

from __future__ import annotations

import hashlib
import importlib
import json
import os
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel, ValidationError

from vnextract.core.errors import Errors, RuleError

# rule file -> "module:Model" of its schema; JSONL files validate one object per line
RULE_FILES: dict[str, str] = {
    "text.yml": "vnextract.core.textnorm:TextRules",
    "numbers.yml": "vnextract.figures.number_rules:NumberRules",
    "records.yml": "vnextract.records.builder:RecordRules",
    "boilerplate.yml": "vnextract.ingest.furniture:BoilerplateRules",
    "metadata.yml": "vnextract.ingest.metadata_rules:MetadataRules",
    "places.yml": "vnextract.ingest.places:PlacesRules",
    "dates.yml": "vnextract.figures.dates:DateRules",
    "indicators.yml": "vnextract.records.catalogue:CatalogueRules",
    "wordseg.yml": "vnextract.segment.words:WordsegRules",
    "encodings.yml": "vnextract.ingest.legacy:EncodingRules",
    "entities/names.yml": "vnextract.entities.schema:NamesRules",
    "entities/titles.yml": "vnextract.entities.schema:TitlesRules",
    "entities/abbreviations.yml": "vnextract.entities.schema:AbbreviationsRules",
    "entities/agencies.yml": "vnextract.entities.schema:AgenciesRules",
    "entities/organisations.yml": "vnextract.entities.schema:OrganisationsRules",
    "entities/locations.yml": "vnextract.entities.schema:LocationsRules",
    "entities/countries.yml": "vnextract.entities.schema:CountriesRules",
    "entities/legal.yml": "vnextract.entities.schema:LegalRules",
    "entities/patterns.jsonl": "vnextract.entities.schema:EntityPattern",
}


def check_regex(value: str) -> str:
    """Pydantic validator body: the value compiles as a regular expression."""
    try:
        re.compile(value)
    except re.error as exc:
        raise ValueError(f"not a valid regular expression ({exc})") from None
    return value


def rules_dir() -> Path:
    """The folder holding the rule files: $VNEXTRACT_RULES, the source tree, or the wheel copy."""
    env = os.environ.get("VNEXTRACT_RULES")
    if env:
        # a folder named on purpose is never silently swapped for the built-in rules
        if not Path(env).is_dir():
            raise RuleError([Errors.E013.format(path=env)])
        return Path(env)
    package = Path(__file__).resolve().parents[1]  # src/vnextract
    candidates = [package.parents[1] / "rules", package / "_rules"]
    for path in candidates:
        if path.is_dir():
            return path
    raise RuleError([Errors.E012.format(path=candidates[0])])


class _LineLoader(yaml.SafeLoader):
    """SafeLoader that rejects duplicate keys and remembers where every node starts."""


def _construct_mapping(loader: _LineLoader, node: yaml.MappingNode, deep: bool = False) -> dict:
    seen: dict[Any, int] = {}
    for key_node, _ in node.value:
        key = loader.construct_object(key_node, deep=True)
        if key in seen:
            loader.duplicates.append((key, key_node.start_mark.line + 1, seen[key]))
        seen[key] = key_node.start_mark.line + 1
    return loader.construct_mapping(node, deep=deep)


_LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)


def _node_lines(node: yaml.Node, path: tuple = (), out: dict | None = None) -> dict[tuple, int]:
    """Map every key path (as pydantic reports it) to the 1-based line where it starts."""
    out = {} if out is None else out
    out[path] = node.start_mark.line + 1
    if isinstance(node, yaml.MappingNode):
        for key_node, value_node in node.value:
            key = key_node.value
            out[(*path, key)] = key_node.start_mark.line + 1
            _node_lines(value_node, (*path, key), out)
    elif isinstance(node, yaml.SequenceNode):
        for i, item in enumerate(node.value):
            _node_lines(item, (*path, i), out)
    return out


def _line_for(lines: dict[tuple, int], loc: tuple) -> int:
    # pydantic may add entries (e.g. a union member's name) below the last real key
    for n in range(len(loc), -1, -1):
        if loc[:n] in lines:
            return lines[loc[:n]]
    return 1


def _fix_for(error: dict) -> str:
    kind = error.get("type", "")
    if kind == "missing":
        return f"add the key '{error['loc'][-1]}'"
    if kind == "extra_forbidden":
        return f"remove or rename the key '{error['loc'][-1]}' (not one this file takes)"
    if kind.endswith("_type") or kind.endswith("_parsing"):
        return f"give a value of the right type ({error['msg'].lower()})"
    return error["msg"]


def repeat_error(kind: str, loc: tuple, value: object, message: str, first: tuple):
    """A validator's error for an entry repeating the one at ``first`` (a pydantic loc);
    ``message`` names it as ``{first}``, which the loader turns into that entry's line."""
    from pydantic_core import InitErrorDetails, PydanticCustomError

    context = {"first": f"entry {first[-2] + 1} of {first[0]}", "first_loc": first}
    return InitErrorDetails(type=PydanticCustomError(kind, message, context), loc=loc, input=value)


def _problems_from(name: str, exc: ValidationError, lines: dict[tuple, int], base: int = 0):
    for err in exc.errors():
        ctx = err.get("ctx") or {}
        if "first_loc" in ctx and lines:
            first = f"on line {_line_for(lines, tuple(ctx['first_loc']))}"
            err["msg"] = err["msg"].replace(ctx["first"], first)
        loc = tuple(err["loc"])
        where = ".".join(str(p) for p in loc) or "(top level)"
        # JSONL: the line of the object; YAML: the line of the offending key
        line = base or _line_for(lines, loc)
        what = f"{where}: {err['msg']}"
        yield Errors.E011.format(file=name, line=line, what=what, fix=_fix_for(err))


def _schema(spec: str) -> type[BaseModel]:
    module, _, attr = spec.partition(":")
    return getattr(importlib.import_module(module), attr)


def _display(path: Path, name: str | None) -> str:
    return f"rules/{name}" if name else f"rules/{path.name}"


def load_yaml_section(
    path: Path, model: type[BaseModel], problems: list[str], name: str | None = None
) -> BaseModel | None:
    """Read one YAML rule file and validate it; problems are appended, not raised.

    ``name`` is the file's path inside the rules folder, used in messages.
    """
    name = _display(path, name)
    try:
        raw = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        problems.append(Errors.E011.format(file=name, line=1, what=str(exc), fix="save as UTF-8"))
        return None
    loader = _LineLoader(raw)
    loader.duplicates = []
    try:
        node = loader.get_single_node()
        data = loader.construct_document(node) if node is not None else {}
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 1 if mark else 1
        what = f"not valid YAML ({getattr(exc, 'problem', exc)})"
        fix = "correct the syntax"
        problems.append(Errors.E011.format(file=name, line=line, what=what, fix=fix))
        return None
    finally:
        loader.dispose()
    for key, line, first in loader.duplicates:
        what = f"duplicate key '{key}' (first at line {first})"
        problems.append(Errors.E011.format(file=name, line=line, what=what, fix="keep one of them"))
    lines = _node_lines(node) if node is not None else {}
    try:
        return model.model_validate(data or {})
    except ValidationError as exc:
        problems.extend(_problems_from(name, exc, lines))
        return None


def load_jsonl_section(
    path: Path, model: type[BaseModel], problems: list[str], name: str | None = None
) -> list[BaseModel]:
    """Read a JSONL rule file (one object per line), validating every line."""
    name = _display(path, name)
    items: list[BaseModel] = []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip() or line.lstrip().startswith("//"):
            continue
        try:
            items.append(model.model_validate(json.loads(line)))
        except json.JSONDecodeError as exc:
            what = f"not valid JSON ({exc.msg} at column {exc.colno})"
            fix = "correct the line"
            problems.append(Errors.E011.format(file=name, line=n, what=what, fix=fix))
        except ValidationError as exc:
            problems.extend(_problems_from(name, exc, {}, base=n))
    return items


# validated sections by (schema, file name, hash of the file's bytes): each rule file is
# parsed once per process, however many stages load it (whole set or their own files)
_PARSED: dict[tuple[str, str, str], Any] = {}


def _parsed_section(path: Path, spec: str, name: str, problems: list[str]) -> Any:
    try:
        digest = hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError:
        digest = None  # the loader below reports it
    key = (spec, name, digest or "")
    if digest is not None and key in _PARSED:
        return _PARSED[key]
    found = len(problems)
    model = _schema(spec)
    if name.endswith(".jsonl"):
        section = load_jsonl_section(path, model, problems, name)
    else:
        section = load_yaml_section(path, model, problems, name)
    if digest is not None and len(problems) == found:
        _PARSED[key] = section
    return section


@dataclass
class Rules:
    """All validated rule sections, by file name, plus a hash of the rule files' bytes."""

    folder: Path
    sections: dict[str, Any] = field(default_factory=dict)
    digest: str = ""

    def __getitem__(self, name: str) -> Any:
        return self.sections[name]


def _digest(folder: Path) -> str:
    h = hashlib.sha256()
    for path in sorted(folder.rglob("*")):
        if path.is_file() and path.suffix in {".yml", ".yaml", ".jsonl"}:
            h.update(path.relative_to(folder).as_posix().encode())
            h.update(path.read_bytes())
    return h.hexdigest()


def load_rules(folder: Path | str | None = None, files: dict[str, str] | None = None) -> Rules:
    """Load and validate every registered rule file; raise one RuleError listing all problems.

    Args:
        folder: the rules folder (default: :func:`rules_dir`).
        files: rule file name -> "module:Model" (default: :data:`RULE_FILES`).
    Returns:
        The validated sections, ``rules["numbers.yml"]`` and so on.
    """
    folder = Path(folder) if folder is not None else rules_dir()
    files = RULE_FILES if files is None else files
    problems: list[str] = []
    rules = Rules(folder=folder)
    for name, spec in files.items():
        path = folder / name
        if not path.is_file():
            what, fix = "file missing", "restore it from version control"
            problems.append(Errors.E011.format(file=f"rules/{name}", line=0, what=what, fix=fix))
            continue
        rules.sections[name] = _parsed_section(path, spec, name, problems)
    if problems:
        raise RuleError(problems)
    rules.digest = _digest(folder)
    return rules


@lru_cache(maxsize=4)
def default_rules() -> Rules:
    """The rules from :func:`rules_dir`, loaded once per process."""
    return load_rules()


def section(name: str) -> Any:
    """One validated section of the default rules, e.g. ``section("numbers.yml")``."""
    return default_rules()[name]
