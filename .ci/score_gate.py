#!/usr/bin/env python3
"""Fail CI when a set's scores fall below its bars (a ratchet: raise, never lower).

usage: score_gate.py SET OUT_DIR GOLD_DIR      (SET: seeds, dev, blind1 ... blind13)

The bars are what main reaches now, rounded down; raise them as the code improves.
"""

import json
import subprocess
import sys
from pathlib import Path

LABELS = ("DATE", "AGENCY", "PERSON", "LOCATION", "ORG", "LEGAL_DOC", "OFFICIAL")

# metric -> minimum; "entities" per label; "max_negative_hits" a maximum
GATES = {
    "seeds": {
        "value_f1": 0.98,
        "record_f1": 0.97,
        "subject_accuracy": 0.98,
        "attribute_accuracy": 1.0,
        "entities": dict.fromkeys(LABELS, 1.0),
        "max_negative_hits": 0,
    },
    # ../shared/dev: 20 real excerpts, scored as main reaches them
    "dev": {
        "value_f1": 0.98,
        "record_f1": 0.94,
        "subject_accuracy": 0.97,
        "attribute_accuracy": 0.99,
        "entities": {
            "DATE": 1.0,
            "AGENCY": 0.96,
            "PERSON": 0.95,
            "LOCATION": 0.95,
            "ORG": 1.0,
            "LEGAL_DOC": 1.0,
            "OFFICIAL": 1.0,
        },
        "max_negative_hits": 2,
    },
    # tests/eval: the blind sets, once scored untuned and since studied (development sets);
    # their gates keep what was learnt from them from being lost
    "blind1": {
        "value_f1": 1.0,
        "record_f1": 0.93,
        "subject_accuracy": 0.97,
        "attribute_accuracy": 0.96,
        "entities": {
            "DATE": 1.0,
            # 0.93 before the sixth session: an HTML footer is read now, and its owner line
            # ('Cơ quan của Đảng bộ tỉnh …') names an agency this set's gold leaves out
            "AGENCY": 0.93,
            "PERSON": 0.98,
            "LOCATION": 0.96,
            "ORG": 0.95,
            "LEGAL_DOC": 1.0,
            "OFFICIAL": 0.96,
        },
        "max_negative_hits": 0,
    },
    "blind2": {
        "value_f1": 0.99,
        "record_f1": 0.96,
        "subject_accuracy": 0.98,
        "attribute_accuracy": 0.98,
        "entities": {
            "DATE": 0.99,
            "AGENCY": 0.99,
            "PERSON": 0.96,
            "LOCATION": 0.97,
            "ORG": 1.0,
            # lowered from 1.0 in the sixth session: documents named in related headlines
            # are read now (blind5's and blind6's writers list them; blind2's did not)
            "LEGAL_DOC": 0.96,
            "OFFICIAL": 0.95,
        },
        "max_negative_hits": 2,
    },
    "blind3": {
        "value_f1": 1.0,
        "record_f1": 0.95,
        "subject_accuracy": 0.96,
        "attribute_accuracy": 0.98,
        "entities": {
            "DATE": 1.0,
            "AGENCY": 0.97,
            "PERSON": 0.99,
            "LOCATION": 0.97,
            "ORG": 1.0,
            # lowered from 1.0 in the sixth session: a masthead's licence is a LEGAL_DOC now
            # (blind4-6's writers list it; blind3's did not)
            "LEGAL_DOC": 0.95,
            "OFFICIAL": 1.0,
        },
        "max_negative_hits": 0,
    },
    "blind4": {
        "value_f1": 0.98,
        "record_f1": 0.93,
        "subject_accuracy": 0.96,
        "attribute_accuracy": 0.98,
        "entities": {
            "DATE": 1.0,
            "AGENCY": 0.89,
            "PERSON": 1.0,
            "LOCATION": 0.92,
            "ORG": 0.78,
            "LEGAL_DOC": 1.0,
            "OFFICIAL": 0.97,
        },
        "max_negative_hits": 4,
    },
    # scored once untuned at the start of the sixth session (record F1 0.854), then studied
    "blind5": {
        "value_f1": 0.97,
        "record_f1": 0.93,
        "subject_accuracy": 0.98,
        "attribute_accuracy": 0.97,
        "entities": {
            "DATE": 1.0,
            "AGENCY": 0.92,
            "PERSON": 0.98,
            "LOCATION": 0.91,
            "ORG": 0.89,
            "LEGAL_DOC": 1.0,
            "OFFICIAL": 0.98,
        },
        "max_negative_hits": 7,
    },
    # held back all of the sixth session, scored once untuned at its end (record F1 0.815),
    # studied in the seventh
    "blind6": {
        "value_f1": 0.98,
        "record_f1": 0.93,
        "subject_accuracy": 0.95,
        "attribute_accuracy": 0.98,
        "entities": {
            "DATE": 0.97,
            "AGENCY": 0.97,
            "PERSON": 0.97,
            "LOCATION": 0.95,
            "ORG": 0.85,
            "LEGAL_DOC": 0.98,
            "OFFICIAL": 0.97,
        },
        "max_negative_hits": 5,
    },
    # held back all of the seventh session, scored once untuned at its end (record F1 0.840);
    # not studied yet: these bars only keep main from falling below what it reached
    "blind7": {
        "value_f1": 0.99,
        "record_f1": 0.89,
        "subject_accuracy": 0.93,
        "attribute_accuracy": 0.96,
        "entities": {
            "DATE": 1.0,
            "AGENCY": 0.9,
            "PERSON": 1.0,
            "LOCATION": 0.95,
            "ORG": 0.93,
            "LEGAL_DOC": 0.86,
            "OFFICIAL": 1.0,
        },
        "max_negative_hits": 3,
    },
    # held back all of the seventh session, scored once untuned at its end (record F1 0.875);
    # not studied yet
    "blind8": {
        "value_f1": 0.98,
        "record_f1": 0.91,
        "subject_accuracy": 0.96,
        "attribute_accuracy": 0.96,
        "entities": {
            "DATE": 1.0,
            "AGENCY": 0.93,
            "PERSON": 1.0,
            # lowered in session 13 (0.88): its gold leaves "các huyện miền núi A, B" bare where
            # the other sets write "huyện A"
            "LOCATION": 0.86,
            "ORG": 0.8,
            "LEGAL_DOC": 0.74,
            "OFFICIAL": 0.98,
        },
        "max_negative_hits": 2,
    },
    # written in the ninth session, scored once untuned (record 0.836, blind10 0.809), then
    # studied
    "blind9": {
        "value_f1": 0.99,
        "record_f1": 0.92,
        "subject_accuracy": 0.94,
        "attribute_accuracy": 0.98,
        "entities": {
            "AGENCY": 0.97,
            "DATE": 1.0,
            "LEGAL_DOC": 1.0,
            "LOCATION": 0.89,
            "OFFICIAL": 0.96,
            "ORG": 0.93,
            "PERSON": 0.97,
        },
        "max_negative_hits": 1,
    },
    "blind10": {
        "value_f1": 0.98,
        "record_f1": 0.91,
        "subject_accuracy": 0.96,
        "attribute_accuracy": 0.96,
        "entities": {
            "AGENCY": 0.92,
            "DATE": 0.95,
            "LEGAL_DOC": 0.9,
            "LOCATION": 0.82,
            "OFFICIAL": 1.0,
            "ORG": 0.88,
            "PERSON": 1.0,
        },
        "max_negative_hits": 2,
    },
    # written in the eleventh session, scored once untuned (record 0.828), then studied
    "blind11": {
        "value_f1": 0.99,
        "record_f1": 0.9,
        "subject_accuracy": 0.93,
        "attribute_accuracy": 0.98,
        "entities": {
            # lowered in session 13 (0.83): a footer imprint's owner is an agency in eight sets'
            # gold, left out of this one's
            "AGENCY": 0.82,
            "DATE": 1.0,
            "LEGAL_DOC": 0.96,
            "LOCATION": 0.89,
            "OFFICIAL": 0.95,
            "ORG": 0.9,
            "PERSON": 1.0,
        },
        "max_negative_hits": 1,
    },
    # written at the end of the eleventh session, scored once untuned, studied in the twelfth
    "blind12": {
        "value_f1": 0.99,
        "record_f1": 0.93,
        "subject_accuracy": 0.96,
        "attribute_accuracy": 0.97,
        "entities": {
            "DATE": 1.0,
            "AGENCY": 0.95,
            "PERSON": 1.0,
            "LOCATION": 0.9,
            "ORG": 0.84,
            "LEGAL_DOC": 0.94,
            "OFFICIAL": 1.0,
        },
        "max_negative_hits": 0,
    },
    # written at the end of the twelfth session, scored once untuned, studied in the thirteenth
    "blind13": {
        "value_f1": 0.99,
        "record_f1": 0.94,
        "subject_accuracy": 0.95,
        "attribute_accuracy": 0.98,
        "entities": {
            "DATE": 1.0,
            "AGENCY": 0.98,
            "PERSON": 0.97,
            "LOCATION": 0.91,
            "ORG": 0.94,
            "LEGAL_DOC": 1.0,
            "OFFICIAL": 0.98,
        },
        "max_negative_hits": 0,
    },
}


def main(name: str, out_dir: str, gold_dir: str) -> int:
    gate = GATES[name]
    scorer = Path(__file__).resolve().parents[2] / "shared" / "tools" / "score.py"
    raw = subprocess.run(
        [sys.executable, str(scorer), out_dir, gold_dir, "--json"],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    scores = json.loads(raw)
    failures = []
    for metric, bar in gate.items():
        if metric in ("entities", "max_negative_hits"):
            continue
        got = scores[metric]
        print(f"{name}: {metric:20s} {got:.3f} (bar {bar:.2f})")
        if got < bar:
            failures.append(f"{metric} {got:.3f} < {bar}")
    for label, bar in gate["entities"].items():
        got = scores["entities"].get(label, {}).get("f1", 0.0)
        print(f"{name}: entity {label:13s} {got:.3f} (bar {bar:.2f})")
        if got < bar:
            failures.append(f"entity {label} F1 {got:.3f} < {bar}")
    most = gate["max_negative_hits"]
    print(f"{name}: negative hits        {scores['negative_hits']} (max {most})")
    if scores["negative_hits"] > most:
        failures.append(f"negative hits {scores['negative_hits']} > {most}")
    for failure in failures:
        print(f"score gate {name}: FAILED {failure}")
    return 1 if failures else 0


if __name__ == "__main__":
    if len(sys.argv) != 4 or sys.argv[1] not in GATES:
        sys.exit(__doc__)
    sys.exit(main(*sys.argv[1:4]))
