"""Start-up of one worker: what a pool worker does before its first article (issue 14).

Each sample runs in a fresh interpreter, as a spawned worker does, and times the import,
the place dataset (``vietnamadminunits``: read, then indexed) and the whole
``Extractor(entities=True)``. The best of ``--runs`` samples counts; all are printed.

    .venv/bin/python benchmarks/bench_startup.py [--runs 5]
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys

_SAMPLE = """
import json, time
t0 = time.perf_counter()
from vnextract.pipeline import Extractor
t1 = time.perf_counter()
from vnextract.entities.admin_units import admin_units
from vnextract.entities.admin_places import place_index
from vnextract.entities.gazetteer import entity_rules
rules = entity_rules()
t2 = time.perf_counter()
admin_units()
t3 = time.perf_counter()
place_index(rules)
t4 = time.perf_counter()
Extractor(entities=True)
t5 = time.perf_counter()
print(json.dumps({"import": t1 - t0, "entity rules": t2 - t1, "read dataset": t3 - t2,
                  "index places": t4 - t3, "rest of Extractor": t5 - t4, "total": t5 - t0}))
"""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    samples = []
    for _ in range(args.runs):
        out = subprocess.run(
            [sys.executable, "-c", _SAMPLE], capture_output=True, text=True, check=True
        )
        samples.append(json.loads(out.stdout.strip().splitlines()[-1]))
        print(" ".join(f"{k} {v:.2f}s" for k, v in samples[-1].items()))
    best = min(samples, key=lambda s: s["total"])
    print("best: " + " ".join(f"{k} {v:.2f}s" for k, v in best.items()))


if __name__ == "__main__":
    main()
