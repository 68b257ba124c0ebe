"""Tests for writing the report folder whole: a failed build leaves the last report intact."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from test_report_build import DOCS, make_output
from vnextract.output.report import ReportInputError, write_report
from vnextract.output.report import build as report_build
from vnextract.output.report.stage import sweep_dead, write_whole


def _pages(folder: Path) -> dict[str, bytes]:
    return {
        str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()
    }


def _hidden(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.startswith(".vnextract-"))


def test_report_stage_failed_rebuild_keeps_last_report(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = make_output(tmp_path / "output")
    write_report(out)
    before = _pages(out / "report")
    make_output(out, {k: v for k, v in DOCS.items() if k != "c03_ha_tinh"})

    real = report_build._write
    calls = []

    def fail_late(path: Path, *args: object, **kwargs: object) -> None:
        calls.append(path)
        if path.name == "charts.html":  # after every document page was written
            raise OSError(28, "No space left on device")
        real(path, *args, **kwargs)

    monkeypatch.setattr(report_build, "_write", fail_late)
    with pytest.raises(OSError, match="No space"):
        write_report(out)
    assert len(calls) > 2
    assert _pages(out / "report") == before
    assert _hidden(out) == []


def test_report_stage_rebuild_replaces_whole_folder(tmp_path: Path) -> None:
    out = make_output(tmp_path / "output")
    write_report(out)
    make_output(out, {k: v for k, v in DOCS.items() if k != "c03_ha_tinh"})
    index = write_report(out)
    assert index == out / "report" / "index.html"
    assert not (out / "report" / "docs" / "c03_ha_tinh.html").exists()
    assert (out / "report" / "docs" / "b02_ha_tinh.html").exists()
    assert _hidden(out) == []


def test_report_stage_outside_folder_written_whole(tmp_path: Path) -> None:
    out = make_output(tmp_path / "output")
    target = tmp_path / "pages" / "review"
    index = write_report(out, report_dir=target)
    assert index == target / "index.html"
    assert (target / "records.html").is_file()
    assert _hidden(target.parent) == []


@pytest.mark.parametrize("names", [["notes.txt"], ["docs/a.html"]])
def test_report_stage_refuses_folder_it_did_not_write(tmp_path: Path, names: list[str]) -> None:
    out = make_output(tmp_path / "output")
    mine = tmp_path / "mine"
    for name in names:
        (mine / name).parent.mkdir(parents=True, exist_ok=True)
        (mine / name).write_text("keep me", encoding="utf-8")
    with pytest.raises(ReportInputError, match=r"no index\.html"):
        write_report(out, report_dir=mine)
    assert all((mine / name).read_text(encoding="utf-8") == "keep me" for name in names)


def test_report_stage_empty_folder_is_used(tmp_path: Path) -> None:
    out = make_output(tmp_path / "output")
    (tmp_path / "empty").mkdir()
    assert write_report(out, report_dir=tmp_path / "empty").is_file()


def _dead_pid() -> int:
    child = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], check=True,
                           capture_output=True, text=True)  # fmt: skip
    return int(child.stdout)


def test_report_stage_sweep_restores_report_of_killed_builder(tmp_path: Path) -> None:
    target = tmp_path / "report"
    pid = _dead_pid()
    old = tmp_path / f".vnextract-old-report-{pid}-abc"
    (old / "report").mkdir(parents=True)
    (old / "report" / "index.html").write_text("last good", encoding="utf-8")
    stage = tmp_path / f".vnextract-report-report-{pid}-def"
    stage.mkdir()
    (stage / "index.html").write_text("half", encoding="utf-8")
    live = tmp_path / f".vnextract-report-report-{os.getpid()}-ghi"
    live.mkdir()

    removed = sweep_dead(target)
    assert (target / "index.html").read_text(encoding="utf-8") == "last good"
    assert sorted(p.name for p in removed) == sorted([old.name, stage.name])
    assert live.is_dir()  # a live builder's folder is left alone


def test_report_stage_write_whole_returns_path_in_target(tmp_path: Path) -> None:
    def build(folder: Path) -> Path:
        (folder / "sub").mkdir()
        (folder / "sub" / "page.html").write_text("x", encoding="utf-8")
        return folder / "sub" / "page.html"

    assert write_whole(tmp_path / "r", build) == tmp_path / "r" / "sub" / "page.html"
