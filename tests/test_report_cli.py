"""Tests for `vnextract report OUT_DIR`: the thin CLI over write_report."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from test_report_build import make_output
from vnextract.cli import main


def test_report_cli_writes_report(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = make_output(tmp_path / "output")
    assert main(["report", str(out)]) == 0
    index = out / "report" / "index.html"
    assert str(index) in capsys.readouterr().out
    assert "a01_nghe_an" in index.read_text(encoding="utf-8")


def test_report_cli_report_dir_option(tmp_path: Path) -> None:
    out = make_output(tmp_path / "output")
    assert main(["report", str(out), "--report-dir", str(tmp_path / "xem")]) == 0
    assert (tmp_path / "xem" / "docs" / "b02_ha_tinh.html").is_file()


def test_report_cli_missing_folder_says_how_to_fix(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["report", str(tmp_path / "khong_co")]) == 2
    err = capsys.readouterr().err
    assert "no documents.jsonl" in err and "vnextract run" in err


def test_report_cli_help_has_example() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "vnextract.cli", "report", "--help"],
        capture_output=True,
        text=True,
        check=True,
    )
    assert "example: vnextract report output" in done.stdout
