"""The package stays readable: small modules, short functions, a short top level.

Limits from issue 12: no module over 350 lines, no function over 80 lines, at most 8
modules at the top of the package (the rest live in the pipeline's folders).
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "src" / "vnextract"
MAX_MODULE_LINES = 350
MAX_FUNCTION_LINES = 80
MAX_TOP_MODULES = 8
# Folders not yet held to the limits; remove an entry once it fits.
EXEMPT: tuple[str, ...] = ()


def _modules() -> list[Path]:
    return sorted(p for p in PACKAGE.rglob("*.py") if p.relative_to(PACKAGE).parts[0] not in EXEMPT)


def _long_functions(path: Path, root: Path = PACKAGE) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
            lines = node.end_lineno - node.lineno + 1
            if lines > MAX_FUNCTION_LINES:
                found.append(f"{path.relative_to(root)}:{node.lineno} {node.name} ({lines})")
    return found


def _top_modules(package: Path) -> list[str]:
    return sorted(p.name for p in package.glob("*.py"))


def test_layout_modules_are_small() -> None:
    long = [
        f"{p.relative_to(PACKAGE)} ({n})"
        for p in _modules()
        if (n := len(p.read_text(encoding="utf-8").splitlines())) > MAX_MODULE_LINES
    ]
    assert not long, f"modules over {MAX_MODULE_LINES} lines, split them by idea: {long}"


def test_layout_functions_are_short() -> None:
    long = [f for p in _modules() for f in _long_functions(p)]
    assert not long, f"functions over {MAX_FUNCTION_LINES} lines, split them: {long}"


def test_layout_top_level_is_short() -> None:
    top = _top_modules(PACKAGE)
    assert len(top) <= MAX_TOP_MODULES, f"{len(top)} modules at the top: {top}"


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("def f():\n" + "    x = 1\n" * 79, []),
        ("def f():\n" + "    x = 1\n" * 80, ["probe.py:1 f (81)"]),
        ("class C:\n    def m(self):\n" + "        x = 1\n" * 90, ["probe.py:2 m (91)"]),
    ],
)
def test_layout_long_function_check(tmp_path: Path, source: str, expected: list[str]) -> None:
    # the checker itself: a function one line over the limit is caught, one at it is not
    probe = tmp_path / "probe.py"
    probe.write_text(source, encoding="utf-8")
    assert _long_functions(probe, root=tmp_path) == expected
