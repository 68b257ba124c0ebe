"""vnextract's entity tagging against underthesea's ``ner`` on the same articles (issue #3).

Both taggers see the same sentences (vnextract's reader, furniture and sentence
splitter); underthesea's tags are mapped PER -> PERSON, ORG -> AGENCY,
LOC -> LOCATION, each B-/I- run becoming one mention named as written. Both are
scored with ``../shared/tools/score.py`` (entity F1 per label on distinct canonical
names) and timed (tagging only; reading and splitting are shared and not counted).

    .venv/bin/python benchmarks/bench_entities.py [SEEDS_DIR] [GOLD_DIR]
"""

from __future__ import annotations

import importlib.util
import json
import sys
import tempfile
import time
from pathlib import Path

SHARED = Path(__file__).resolve().parents[2] / "shared"
LABELS = ("AGENCY", "ORG", "PERSON", "LOCATION", "LEGAL_DOC", "OFFICIAL")
UNDERTHESEA_LABELS = {"PER": "PERSON", "ORG": "AGENCY", "LOC": "LOCATION"}


def load_scorer(path: Path):
    """The shared scorer as a module."""
    spec = importlib.util.spec_from_file_location("score", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def prepare(path: Path):
    """(doc_id, text, sentences, province, furniture) of one article, as the pipeline sees it."""
    from vnextract.clean import find_furniture
    from vnextract.metadata import extract_metadata
    from vnextract.read import read_document
    from vnextract.segment import split_sentences

    source = read_document(path)
    furniture = find_furniture(source.text)
    meta = extract_metadata(source.text, furniture)
    # as the pipeline does: furniture and crawl stamps are skipped, the headline is not
    skip = furniture + [h for h in meta.header_spans if h.kind == "crawl_stamp"]
    return path.stem, source.text, split_sentences(source.text, skip), meta.province, skip


def runs(tags: list[str]) -> list[tuple[int, int, str]]:
    """(first word, last word + 1, kind) of each B-/I- run in a list of IOB tags."""
    out: list[tuple[int, int, str]] = []
    for i, tag in enumerate(tags):
        kind = tag[2:] if tag != "O" else None
        if tag.startswith("I-") and out and out[-1][1] == i and out[-1][2] == kind:
            out[-1] = (out[-1][0], i + 1, kind)
        elif kind:
            out.append((i, i + 1, kind))
    return out


def underthesea_entities(doc_id: str, sentences) -> list[dict]:
    """underthesea ``ner`` mentions, B-/I- runs joined, offsets aligned to the text."""
    from underthesea import ner

    from vnextract.tokenizer import align_words

    out = []
    for s in sentences:
        rows = ner(s.text)
        spans = align_words(s.text, [r[0] for r in rows])
        if len(spans) != len(rows):  # a word that cannot be aligned: skip the sentence
            continue
        for first, last, kind in runs([r[-1] for r in rows]):
            if kind not in UNDERTHESEA_LABELS:
                continue
            start, end = spans[first][0], spans[last - 1][1]
            text = s.text[start:end]
            out.append(
                {
                    "doc_id": doc_id,
                    "label": UNDERTHESEA_LABELS[kind],
                    "text": text,
                    "canonical": text,
                    "char_start": s.start + start,
                    "char_end": s.start + end,
                    "sentence_index": s.index,
                }
            )
    return out


def write(folder: Path, entities: list[dict], officials: list[dict]) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for name, rows in (("entities.jsonl", entities), ("officials.jsonl", officials)):
        with open(folder / name, "w", encoding="utf-8") as f:
            f.writelines(json.dumps(r, ensure_ascii=False) + "\n" for r in rows)


def main(argv: list[str]) -> int:
    seeds = Path(argv[1]) if len(argv) > 1 else SHARED / "seeds"
    gold = Path(argv[2]) if len(argv) > 2 else SHARED / "gold"
    scorer = load_scorer(SHARED / "tools" / "score.py")
    docs = [prepare(p) for p in sorted(seeds.glob("*.txt"))]

    import vnextract
    from vnextract.entities import tag_document

    nlp = vnextract.load()
    t0 = time.perf_counter()
    ours_e, ours_o = [], []
    for doc_id, text, sentences, province, skip in docs:
        entities, officials = tag_document(nlp, doc_id, text, sentences, province, skip)
        ours_e += [_asdict(e) for e in entities]
        ours_o += [_asdict(o) for o in officials]
    ours_seconds = time.perf_counter() - t0

    import underthesea

    underthesea.ner("Khởi động.")  # load its model before timing
    t0 = time.perf_counter()
    theirs = [
        m for doc_id, _, sentences, _, _ in docs for m in underthesea_entities(doc_id, sentences)
    ]
    theirs_seconds = time.perf_counter() - t0

    with tempfile.TemporaryDirectory() as tmp:
        write(Path(tmp) / "ours", ours_e, ours_o)
        write(Path(tmp) / "theirs", theirs, [])
        ours = scorer.score(Path(tmp) / "ours", gold)["entities"]
        them = scorer.score(Path(tmp) / "theirs", gold)["entities"]

    print(f"{len(docs)} articles from {seeds}")
    print(f"{'label':<10} {'vnextract P/R/F1':>22}   {'underthesea ner P/R/F1':>24}")
    for label in LABELS:
        a, b = ours.get(label), them.get(label)
        left = f"{a['precision']:.2f}/{a['recall']:.2f}/{a['f1']:.2f}" if a else "-"
        mapped = b and label in UNDERTHESEA_LABELS.values()
        right = f"{b['precision']:.2f}/{b['recall']:.2f}/{b['f1']:.2f}" if mapped else "-"
        print(f"{label:<10} {left:>22}   {right:>24}")
    print(f"{'seconds':<10} {ours_seconds:>22.2f}   {theirs_seconds:>24.2f}")
    print(
        "why: underthesea's ner is a general news model that cuts names at its own word"
        " boundaries (Sở ... Thanh Hóa becomes one LOC), has no AGENCY/ORG split, no"
        " canonical names and no article context; vnextract reads name structure (family"
        " names, titles, unit words) from rules/, expands abbreviations the article defines,"
        " fills in the article's province and links officials to titles."
    )
    return 0


def _asdict(obj) -> dict:
    from dataclasses import asdict

    return asdict(obj)


if __name__ == "__main__":
    sys.exit(main(sys.argv))
