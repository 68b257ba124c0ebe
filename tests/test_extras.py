"""A feature whose optional packages are missing says which extra to install, in one line."""

from __future__ import annotations

import subprocess
import sys

import pytest

# run vnextract's CLI in a fresh interpreter in which one package cannot be imported
_BLOCKED = """
import sys
class Block:
    def find_spec(self, name, path=None, target=None):
        if name == {module!r} or name.startswith({module!r} + "."):
            raise ModuleNotFoundError(f"No module named {{name!r}}", name=name)
sys.meta_path.insert(0, Block())
from vnextract.cli import main
sys.exit(main({argv!r}))
"""


@pytest.mark.parametrize(
    ("module", "argv", "extra"),
    [
        ("sqlalchemy", ["load", "{out}"], "db"),
        ("psycopg", ["load", "{out}", "--db", "postgresql://u@localhost/x"], "postgres"),
        ("pyarrow", ["run", "{src}", "--out", "{out}", "--no-entities", "--parquet"], "parquet"),
        ("distributed", ["run", "{src}", "--out", "{out}", "--scheduler", "local"], "dask"),
    ],
)
def test_extras_missing_package_names_the_extra(tmp_path, module, argv, extra):
    src = tmp_path / "a.txt"
    src.write_text("Toàn huyện có 12 trạm y tế.\n", encoding="utf-8")
    out = tmp_path / "out"
    if argv[0] == "load":  # a finished run to load
        from vnextract.cli import main

        assert main(["run", str(src), "--out", str(out), "--no-entities", "--quiet"]) == 0
    argv = [a.format(src=src, out=out) for a in argv]
    proc = subprocess.run(
        [sys.executable, "-c", _BLOCKED.format(module=module, argv=argv)],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert proc.returncode != 0
    assert f"pip install 'vnextract[{extra}]'" in proc.stderr
    assert "Traceback" not in proc.stderr
