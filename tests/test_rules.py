"""The rule loader: no silent fallback, repeats named at both lines, sizes that make sense."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from vnextract.core.errors import RuleError
from vnextract.core.rules import load_rules, rules_dir

RULES = Path(__file__).resolve().parents[1] / "rules"


def test_rules_missing_env_folder_is_an_error(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("VNEXTRACT_RULES", str(tmp_path / "quy_tac"))
    with pytest.raises(RuleError, match=r"VNEXTRACT_RULES=.*quy_tac: no such folder"):
        rules_dir()


def _copy(tmp_path: Path) -> Path:
    folder = tmp_path / "rules"
    shutil.copytree(RULES, folder)
    return folder


def _line_of(path: Path, needle: str) -> int:
    lines = path.read_text(encoding="utf-8").splitlines()
    return next(n for n, line in enumerate(lines, start=1) if needle in line)


@pytest.mark.parametrize(
    ("name", "first", "second", "what"),
    [
        ("dates.yml", "id: date_iso ", "id: date_words ", "pattern"),
        ("indicators.yml", "id: telephone_density", "id: internet_density", "indicator"),
    ],
)
def test_rules_repeated_id_names_the_first_line(tmp_path, name, first, second, what) -> None:
    folder = _copy(tmp_path)
    path = folder / name
    first_line, repeat_line = _line_of(path, first), _line_of(path, second)
    path.write_text(path.read_text(encoding="utf-8").replace(second, first), encoding="utf-8")
    with pytest.raises(RuleError) as caught:
        load_rules(folder)
    [problem] = caught.value.problems
    ident = first.split(":")[1].strip()
    assert problem.startswith(f"rules/{name}:{repeat_line}: ")
    assert f"give each {what} its own id ('{ident}' is also on line {first_line})" in problem


@pytest.mark.parametrize(
    ("name", "key", "value"),
    [
        ("boilerplate.yml", "default_max_chars: 400", "default_max_chars: -5"),
        ("boilerplate.yml", "listed_headline_max_chars: 220", "listed_headline_max_chars: 0"),
        ("boilerplate.yml", "    max_chars: 80", "    max_chars: -80"),
    ],
)
def test_rules_negative_sizes_are_refused(tmp_path, name, key, value) -> None:
    folder = _copy(tmp_path)
    path = folder / name
    line = _line_of(path, key)
    path.write_text(path.read_text(encoding="utf-8").replace(key, value, 1), encoding="utf-8")
    with pytest.raises(RuleError) as caught:
        load_rules(folder)
    [problem] = caught.value.problems
    assert problem.startswith(f"rules/{name}:{line}: ")
    assert "greater than or equal to 1" in problem


@pytest.mark.parametrize(
    ("key", "where"),
    [
        ("  min_words: 5", "title.min_words"),
        ("  search_lines: 12", "title.search_lines"),
        ("  tail_lines: 4", "author.tail_lines"),
    ],
)
def test_rules_negative_metadata_sizes_are_refused(tmp_path, key, where) -> None:
    folder = _copy(tmp_path)
    path = folder / "metadata.yml"
    line = _line_of(path, key)
    bad = key.split(":")[0] + ": -3"
    path.write_text(path.read_text(encoding="utf-8").replace(key, bad, 1), encoding="utf-8")
    with pytest.raises(RuleError) as caught:
        load_rules(folder)
    [problem] = caught.value.problems
    assert problem.startswith(f"rules/metadata.yml:{line}: {where}: Input should be greater")


# every stage's default rules come from one parse of each file: counted in a fresh process
_COUNT_PARSES = """
import collections, json, sys
import vnextract.core.rules as R
seen = collections.Counter()
for fn in ("load_yaml_section", "load_jsonl_section"):
    real = getattr(R, fn)
    def counted(path, model, problems, name=None, _real=real):
        seen[name or path.name] += 1
        return _real(path, model, problems, name)
    setattr(R, fn, counted)
import vnextract
vnextract.extract_text(sys.argv[1], doc_id="a")
vnextract.extract([sys.argv[2]], workers=1)
print(json.dumps(seen))
"""


@pytest.mark.parametrize(
    "text",
    ["Ngày 3/2/2025, Sở Tài chính tỉnh Nghệ An cho biết thu ngân sách đạt 1.200 tỷ đồng."],
)
def test_rules_each_file_parsed_once_per_process(tmp_path: Path, text: str) -> None:
    import json
    import subprocess
    import sys

    article = tmp_path / "bai.txt"
    article.write_text(f"Thu ngân sách tăng\n\n{text}\n", encoding="utf-8")
    proc = subprocess.run(
        [sys.executable, "-c", _COUNT_PARSES, text, str(article)],
        capture_output=True,
        text=True,
        check=True,
    )
    seen = json.loads(proc.stdout.splitlines()[-1])
    assert set(seen) >= {"numbers.yml", "dates.yml", "wordseg.yml", "entities/patterns.jsonl"}
    assert {name: n for name, n in seen.items() if n != 1} == {}
