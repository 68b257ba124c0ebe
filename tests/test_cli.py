"""Every command has help, an example, and a line in the README."""

import argparse
from pathlib import Path

import pytest

from vnextract.cli import build_parser

README = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")


def _commands() -> dict[str, argparse.ArgumentParser]:
    parser = build_parser()
    action = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    return dict(action.choices)


@pytest.mark.parametrize("name", sorted(_commands()))
def test_cli_command_has_help_example_and_docs(name):
    sub = _commands()[name]
    assert sub.description
    assert sub.epilog and "example: vnextract " + name in sub.epilog
    assert f"vnextract {name}" in README


@pytest.mark.parametrize("name", ["run", "report", "load"])
def test_cli_expected_commands_exist(name):
    assert name in _commands()
