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


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("abc", "argument --workers: give a whole number of 1 or more, not 'abc'"),
        ("2.5", "argument --workers: give a whole number of 1 or more, not '2.5'"),
        ("0", "argument --workers: must be 1 or more, not 0"),
    ],
)
def test_cli_workers_value_is_explained(capsys, value, message):
    with pytest.raises(SystemExit) as caught:
        build_parser().parse_args(["run", "corpus", "--out", "o", "--workers", value])
    assert caught.value.code == 2
    err = capsys.readouterr().err
    assert message in err and "_positive_int" not in err


def test_cli_no_entities_help_says_what_is_kept():
    help_text = " ".join(_commands()["run"].format_help().split())
    assert "--no-entities skip the entity tagger and officials (faster)" in help_text
    assert "only the DATE mentions" in help_text


def test_cli_no_entities_writes_only_dates(tmp_path):
    import json

    from vnextract.cli import main

    (tmp_path / "bai.txt").write_text(
        "Ngày 12/3/2024, Sở Thông tin và Truyền thông tỉnh Nghệ An có 40 cán bộ tập huấn.\n",
        encoding="utf-8",
    )
    out = tmp_path / "out"
    argv = ["run", str(tmp_path / "bai.txt"), "--out", str(out), "--quiet", "--workers", "1"]
    assert main([*argv, "--no-entities"]) == 0
    lines = (out / "entities.jsonl").read_text(encoding="utf-8").splitlines()
    assert {json.loads(line)["label"] for line in lines} == {"DATE"}
    assert (out / "officials.jsonl").read_text(encoding="utf-8") == ""


def test_cli_unreachable_scheduler_is_one_line(tmp_path):
    import os
    import socket
    import subprocess
    import sys

    (tmp_path / "bai.txt").write_text("Tỉnh có 9 bưu cục mới.\n", encoding="utf-8")
    with socket.socket() as sock:  # a port nobody listens on
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    env = {**os.environ, "DASK_DISTRIBUTED__COMM__TIMEOUTS__CONNECT": "2s"}
    cmd = [sys.executable, "-m", "vnextract.cli", "run", str(tmp_path / "bai.txt")]
    done = subprocess.run(
        [*cmd, "--out", str(tmp_path / "out"), "--scheduler", f"tcp://127.0.0.1:{port}"],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    assert done.returncode == 2, done.stderr
    errors = [line for line in done.stderr.splitlines() if line.startswith("error:")]
    assert errors and errors[0].startswith(
        f"error: cannot reach the Dask scheduler tcp://127.0.0.1:{port}: "
    )
    assert "Traceback" not in done.stderr
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == [".lock"]


def test_cli_broken_rule_file_is_named_with_two_workers(tmp_path):
    import os
    import shutil
    import subprocess
    import sys

    from vnextract.core.rules import rules_dir

    rules = tmp_path / "rules"
    shutil.copytree(rules_dir(), rules)
    path = rules / "boilerplate.yml"
    path.write_text(
        path.read_text(encoding="utf-8").replace("pattern: '", "pattern: '(?<=a+)", 1),
        encoding="utf-8",
    )
    for i in (1, 2):
        (tmp_path / f"bai{i}.txt").write_text("Tỉnh có 9 bưu cục mới.\n", encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "-m", "vnextract.cli", "run", str(tmp_path), "--out", str(tmp_path / "o")],
        capture_output=True,
        text=True,
        env={**os.environ, "VNEXTRACT_RULES": str(rules)},
        timeout=300,
    )
    assert done.returncode != 0
    assert "boilerplate.yml:" in done.stderr and "BrokenProcessPool" not in done.stderr
