#!/usr/bin/env python3
"""Fail CI when the dev-set scores fall below the bars (a ratchet: raise, never lower).

usage: score_gate.py OUT_DIR GOLD_DIR
"""

import json
import subprocess
import sys
from pathlib import Path

# metric -> minimum; entity labels are read from the scorer's "entities" block
BARS = {
    "value_f1": 0.95,
    "record_f1": 0.80,
    "subject_accuracy": 0.85,
    "attribute_accuracy": 0.90,
}
ENTITY_BARS = {
    label: 0.85
    for label in ("DATE", "AGENCY", "PERSON", "LOCATION", "ORG", "LEGAL_DOC", "OFFICIAL")
}
MAX_NEGATIVE_HITS = 0


def main(out_dir: str, gold_dir: str) -> int:
    scorer = Path(gold_dir).parent / "tools" / "score.py"
    raw = subprocess.run(
        [sys.executable, str(scorer), out_dir, gold_dir, "--json"],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    scores = json.loads(raw)
    failures = []
    for metric, bar in BARS.items():
        got = scores[metric]
        print(f"{metric:20s} {got:.3f} (bar {bar:.2f})")
        if got < bar:
            failures.append(f"{metric} {got:.3f} < {bar}")
    for label, bar in ENTITY_BARS.items():
        got = scores["entities"].get(label, {}).get("f1", 0.0)
        print(f"entity {label:13s} {got:.3f} (bar {bar:.2f})")
        if got < bar:
            failures.append(f"entity {label} F1 {got:.3f} < {bar}")
    print(f"negative hits        {scores['negative_hits']} (max {MAX_NEGATIVE_HITS})")
    if scores["negative_hits"] > MAX_NEGATIVE_HITS:
        failures.append(f"negative hits {scores['negative_hits']} > {MAX_NEGATIVE_HITS}")
    for failure in failures:
        print(f"score gate: FAILED {failure}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:3]))
