"""Listing a run's inputs: what a folder walk skips is said, one line each, never silently."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from vnextract.core.errors import VnextractError
from vnextract.run.inputs import list_inputs

SENTENCE = "Xã có 14 tổ công nghệ số cộng đồng.\n"


def _folder(root: Path) -> Path:
    (root / "a").mkdir(parents=True)
    (root / "a" / "bai_1.txt").write_text(SENTENCE, encoding="utf-8")
    (root / "bai_2.html").write_text(f"<p>{SENTENCE}</p>", encoding="utf-8")
    return root


def test_inputs_broken_symlink_is_a_warning(tmp_path: Path) -> None:
    root = _folder(tmp_path / "in")
    (root / "mat.txt").symlink_to(tmp_path / "da_xoa.txt")
    (root / "ghi_chu.md").symlink_to(tmp_path / "khong_co.md")  # not an article: no word
    warnings: list[str] = []
    found = list_inputs([root], warnings.append)
    assert [p.name for _, p in found] == ["bai_1.txt", "bai_2.html"]
    assert warnings == [
        f"{root / 'mat.txt'}: broken symbolic link (to {tmp_path / 'da_xoa.txt'}); skipped."
    ]


@pytest.mark.parametrize("name", ["corpuss", "bai_3.txt"])
def test_inputs_missing_path_is_an_error(tmp_path: Path, name: str) -> None:
    root = _folder(tmp_path / "in")
    with pytest.raises(VnextractError, match="no such file or folder"):
        list_inputs([root, tmp_path / name])


def test_inputs_same_files_as_a_recursive_glob(tmp_path: Path) -> None:
    root = _folder(tmp_path / "in")
    (root / "b" / "c").mkdir(parents=True)
    (root / "b" / "c" / "BAI.TXT").write_text(SENTENCE, encoding="utf-8")
    (root / "b" / "anh.png").write_bytes(b"\x89PNG")
    (root / "lien_ket").symlink_to(root / "a", target_is_directory=True)
    (root / "b" / "c" / "trang-chu").write_text(SENTENCE, encoding="utf-8")
    globbed = sorted(
        p
        for p in root.rglob("*")
        if p.is_file() and (p.suffix.lower() in {".txt", ".html", ".htm"} or not p.suffix)
    )
    assert [p for _, p in list_inputs([root])] == globbed


def test_inputs_page_saved_with_no_extension_is_an_article(tmp_path: Path) -> None:
    root = _folder(tmp_path / "in")
    (root / "tin-tuc-18452").write_text(f"<html><body><p>{SENTENCE}</p></body></html>")
    (root / ".DS_Store").write_bytes(b"\x00\x00")  # hidden: no article
    (root / "ghi_chu.md").write_text("ghi chú", encoding="utf-8")  # another extension
    names = [p.name for _, p in list_inputs([root])]
    assert names == ["bai_1.txt", "bai_2.html", "tin-tuc-18452"]


_LIST = (
    "import sys; from vnextract.run.inputs import list_inputs\n"
    "found = list_inputs([sys.argv[1]], lambda m: print('warning:', m))\n"
    "print(len(found))"
)


def _without_root_powers(cmd: list[str]) -> list[str]:
    """As root, run ``cmd`` without the capabilities that read any folder."""
    if os.geteuid() != 0:
        return cmd
    if shutil.which("setpriv") is None:
        pytest.skip("running as root without setpriv: every folder is readable")
    return ["setpriv", "--bounding-set", "-dac_override,-dac_read_search", *cmd]


def test_inputs_unreadable_folder_is_a_warning(tmp_path: Path) -> None:
    root = _folder(tmp_path / "in")
    (root / "a").chmod(0o000)
    try:
        done = subprocess.run(
            _without_root_powers([sys.executable, "-c", _LIST, str(root)]),
            capture_output=True,
            text=True,
        )
    finally:
        (root / "a").chmod(0o755)
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines() == [
        f"warning: {root / 'a'}: folder cannot be read (Permission denied); "
        "the articles in it were skipped.",
        "1",
    ]
