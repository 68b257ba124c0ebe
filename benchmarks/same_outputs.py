#!/usr/bin/env python3
"""Check that a change leaves every output file byte-identical.

usage: same_outputs.py snapshot DIR   run vnextract on seeds, ../shared/dev and corpus into DIR
       same_outputs.py compare A B    compare two snapshots file by file (exit 1 on a difference)

Used commit by commit during refactors: snapshot before, snapshot after, compare.
"""

from __future__ import annotations

import filecmp
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# relative to the checkout, so that snapshots of two checkouts name the same sources
SETS = {
    "seeds": Path("../shared/seeds"),
    "dev": Path("../shared/dev/articles"),
    "corpus": Path("corpus"),
}
# the run's own bookkeeping differs run to run by design
VOLATILE = {"manifest.json", ".lock"}


def snapshot(out: Path) -> None:
    exe = Path(sys.executable).with_name("vnextract")
    for name, src in SETS.items():
        if not (ROOT / src).exists():
            print(f"skip {name}: {src} not found")
            continue
        # exit 1 is a bad article reported per file (corpus has some on purpose)
        proc = subprocess.run(
            [
                str(exe),
                "run",
                str(src),
                "--out",
                str((out / name).resolve()),
                "--quiet",
                "--workers",
                "1",
            ],
            capture_output=True,
            text=True,
            cwd=ROOT,
        )
        if proc.returncode not in (0, 1):
            sys.exit(f"{name}: vnextract run failed ({proc.returncode}): {proc.stderr[-500:]}")


def compare(a: Path, b: Path) -> int:
    bad = 0
    files_a = {p.relative_to(a) for p in a.rglob("*") if p.is_file()}
    files_b = {p.relative_to(b) for p in b.rglob("*") if p.is_file()}
    for rel in sorted(files_a | files_b):
        if rel.name in VOLATILE:
            continue
        if rel not in files_a or rel not in files_b:
            print(f"only in {'A' if rel in files_a else 'B'}: {rel}")
            bad += 1
        elif not filecmp.cmp(a / rel, b / rel, shallow=False):
            print(f"differs: {rel}")
            bad += 1
    print("identical" if not bad else f"{bad} file(s) differ")
    return 1 if bad else 0


if __name__ == "__main__":
    if len(sys.argv) == 3 and sys.argv[1] == "snapshot":
        snapshot(Path(sys.argv[2]))
    elif len(sys.argv) == 4 and sys.argv[1] == "compare":
        sys.exit(compare(Path(sys.argv[2]), Path(sys.argv[3])))
    else:
        sys.exit(__doc__)
