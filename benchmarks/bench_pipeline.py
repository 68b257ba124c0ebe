"""Throughput and memory of `vnextract run` against underthesea's word_tokenize (issue #6).

Builds a synthetic corpus from ``corpus/`` (each article: the header of a sample
article, then paragraphs of sentences drawn from all of them; fixed seed) and
measures, on that same text:

- ``vnextract run`` with 1 worker and with N workers (a fresh process each):
  wall time, characters and documents per second, peak memory;
- underthesea ``word_tokenize`` alone over the very sentences the entity tagger
  segments (the floor every underthesea pipeline pays), model load excluded, and
  vnextract's own segmenter (``wordseg.py``: same model, same words) on them;
- peak memory of ``vnextract run`` on a small and a large corpus (flat or not);
- start-up: ``vnextract run`` on one article;
- the same ratio with drift cancelled out: one process alternates, document by
  document, ``word_tokenize`` and the pipeline (``--skip-interleaved`` leaves it out).

Peak memory is ``ru_maxrss`` of RUSAGE_CHILDREN, read in a fresh intermediate
process per configuration: the largest resident size of any one process of that
run (the parent or one worker), i.e. memory *per worker*.

    .venv/bin/python benchmarks/bench_pipeline.py                     # 2,000 / 1,000 vs 4,000
    .venv/bin/python benchmarks/bench_pipeline.py --articles 100 --memory-sizes 50,200
    .venv/bin/python benchmarks/bench_pipeline.py --mode distinct     # text never seen (issue 15)
    .venv/bin/python benchmarks/bench_pipeline.py --mode distinct --quick   # about 3 minutes

Results go to ``benchmarks/results/pipeline.json``; a markdown table is printed.
Other programs running at the same time slow every figure: ``word_tokenize`` and
the one- and N-worker runs are measured ``--repeat`` times, alternately, and the
best of each is kept (all samples are in the JSON, with the load average before and after).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import subprocess
import sys
import tempfile
from pathlib import Path

import regex

from vnextract.ingest.decode import read_document
from vnextract.run.pool import default_workers

ROOT = Path(__file__).resolve().parents[1]
# a dateline: the last header line before the body (dd/mm/yyyy somewhere in a short line)
_DATELINE = regex.compile(r"\b\d{1,2}/\d{1,2}/\d{4}\b")
_SENTENCE_END = regex.compile(r"(?<=[.!?…])\s+(?=[\p{Lu}\d“\"])")

# measure peak RSS of one command: run it as our only child, then read RUSAGE_CHILDREN
_MEASURE = """
import json, resource, subprocess, sys, time
started = time.perf_counter()
done = subprocess.run(sys.argv[1:], capture_output=True, text=True)
seconds = time.perf_counter() - started
usage = resource.getrusage(resource.RUSAGE_CHILDREN)
print(json.dumps({"rc": done.returncode, "seconds": seconds, "peak_kb": usage.ru_maxrss,
                  "cpu_seconds": usage.ru_utime + usage.ru_stime,
                  "stdout": done.stdout[-2000:], "stderr": done.stderr[-2000:]}))
"""

# the floor: word_tokenize over the sentences the tagger would segment, timed after load
_FLOOR = """
import json, sys, time
from pathlib import Path
from underthesea import word_tokenize
from vnextract.ingest.furniture import find_furniture
from vnextract.ingest.metadata import extract_metadata
from vnextract.ingest.decode import read_document
from vnextract.segment.sentences import split_sentences

sentences, chars = [], 0
for path in sorted(Path(sys.argv[1]).iterdir()):
    text = read_document(path).text
    chars += len(text)
    furniture = find_furniture(text)
    meta = extract_metadata(text, furniture)
    skip = [*furniture, *(h for h in meta.header_spans if h.kind == "crawl_stamp")]
    for s in split_sentences(text, skip):
        if s.text.strip() and not any(f.start <= s.start and s.end <= f.end for f in skip):
            sentences.append(s.text)
word_tokenize("Khởi động mô hình.")  # model load is start-up, not throughput
started, cpu = time.perf_counter(), time.process_time()
for sentence in sentences:
    word_tokenize(sentence)
seconds, cpu_seconds = time.perf_counter() - started, time.process_time() - cpu
# vnextract's own segmenter (same model, same words) on the same sentences, for the record
from vnextract.segment.words import load_segmenter
segment = load_segmenter()
started = time.perf_counter()
for sentence in sentences:
    segment(sentence)
print(json.dumps({"seconds": seconds, "characters": chars, "cpu_seconds": cpu_seconds,
                  "sentences": len(sentences),
                  "vnextract_segmenter_seconds": time.perf_counter() - started}))
"""


def _source_articles() -> list[tuple[list[str], list[str]]]:
    """(header lines, body sentences) of every sample article."""
    out = []
    for path in sorted((ROOT / "corpus").iterdir()):
        lines = [line for line in read_document(path).text.split("\n") if line.strip()]
        cut = next(
            (i for i, line in enumerate(lines) if len(line) < 80 and _DATELINE.search(line)), 1
        )
        body = [s for line in lines[cut + 1 :] for s in _SENTENCE_END.split(line.strip()) if s]
        out.append((lines[: cut + 1], body))
    return out


def build_corpus(folder: Path, articles: int, seed: int) -> tuple[int, int]:
    """Write ``articles`` synthetic articles into ``folder``; returns (documents, characters).

    The same seed gives the same articles, and the first k articles of a larger
    corpus are the k articles of a smaller one.
    """
    sources = _source_articles()
    pool = [s for _, body in sources for s in body]
    rng = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    chars = 0
    for i in range(articles):
        header, _ = rng.choice(sources)
        paragraphs = [
            " ".join(rng.choice(pool) for _ in range(rng.randint(1, 4)))
            for _ in range(rng.randint(5, 12))
        ]
        text = "\n\n".join(["\n\n".join(header), *paragraphs]) + "\n"
        (folder / f"{i:06d}.txt").write_text(text, encoding="utf-8")
        chars += len(text)
    return articles, chars


def _measure(cmd: list[str]) -> dict:
    done = subprocess.run(
        [sys.executable, "-c", _MEASURE, *cmd], capture_output=True, text=True, check=True
    )
    result = json.loads(done.stdout)
    if result["rc"] not in (0, 1):
        raise RuntimeError(f"{' '.join(cmd)} failed:\n{result['stderr']}")
    return result


def run_config(corpus: Path, workers: int, entities: bool, scheduler: str | None = None) -> dict:
    """`vnextract run` over ``corpus`` in a fresh process: seconds and peak memory."""
    with tempfile.TemporaryDirectory(prefix="bench-out-") as out:
        cmd = [sys.executable, "-m", "vnextract.cli", "run", str(corpus), "--out", out]
        cmd += ["--quiet", "--workers", str(workers)]
        if not entities:
            cmd.append("--no-entities")
        if scheduler:
            cmd += ["--scheduler", scheduler]
        m = _measure(cmd)
    return {
        "workers": workers,
        "scheduler": scheduler,
        "seconds": round(m["seconds"], 2),
        # all processes of the run together: shows how much of the wall time was ours
        "cpu_seconds": round(m["cpu_seconds"], 2),
        "peak_mb": round(m["peak_kb"] / 1024, 1),
        "summary": m["stdout"].strip().splitlines()[-1] if m["stdout"].strip() else "",
    }


# drift-proof: one process alternates, document by document, word_tokenize on the document's
# sentences and the whole pipeline on the document, so both see the same machine speed
_INTERLEAVED = """
import json, sys, time
from pathlib import Path
from underthesea import word_tokenize
from vnextract.ingest.furniture import find_furniture
from vnextract.ingest.metadata import extract_metadata
from vnextract.pipeline import Extractor
from vnextract.ingest.decode import read_document
from vnextract.segment.sentences import split_sentences

extractor = Extractor()
extractor.process_text("Khởi động.", "warm-up")
word_tokenize("Khởi động mô hình.")
floor = pipeline = 0.0
for path in sorted(Path(sys.argv[1]).iterdir()):
    text = read_document(path).text
    furniture = find_furniture(text)
    meta = extract_metadata(text, furniture)
    skip = [*furniture, *(h for h in meta.header_spans if h.kind == "crawl_stamp")]
    sentences = [s.text for s in split_sentences(text, skip)
                 if s.text.strip() and not any(f.start <= s.start and s.end <= f.end for f in skip)]
    started = time.perf_counter()
    for sentence in sentences:
        word_tokenize(sentence)
    floor += time.perf_counter() - started
    started = time.perf_counter()
    extractor.process_file(path)
    pipeline += time.perf_counter() - started
print(json.dumps({"word_tokenize_seconds": floor, "pipeline_seconds": pipeline}))
"""


def interleaved(corpus: Path) -> dict:
    """word_tokenize and the pipeline (one worker, start-up and writing left out),
    alternated per document in one process."""
    done = subprocess.run(
        [sys.executable, "-c", _INTERLEAVED, str(corpus)],
        capture_output=True,
        text=True,
        check=True,
    )
    r = json.loads(done.stdout)
    return {
        "word_tokenize_seconds": round(r["word_tokenize_seconds"], 2),
        "pipeline_seconds": round(r["pipeline_seconds"], 2),
        "ratio": round(r["word_tokenize_seconds"] / r["pipeline_seconds"], 3),
    }


def floor(corpus: Path) -> dict:
    """word_tokenize alone on the tagger's sentences of ``corpus``."""
    done = subprocess.run(
        [sys.executable, "-c", _FLOOR, str(corpus)], capture_output=True, text=True, check=True
    )
    return json.loads(done.stdout)


def _rates(row: dict, documents: int, characters: int) -> dict:
    row["chars_per_s"] = round(characters / row["seconds"])
    row["docs_per_s"] = round(documents / row["seconds"], 2)
    return row


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--mode",
        choices=("repeated", "distinct"),
        default="repeated",
        help="repeated: sentences of corpus/ recombined (they repeat); distinct: the archive "
        "(dev, seeds, corpus) once and generated articles whose sentences never repeat, "
        "interleaved with word_tokenize (see distinct.py)",
    )
    parser.add_argument(
        "--quick",
        action="store_true",
        help="100 articles, 2 repeats, no memory check: a first look in under 3 minutes",
    )
    parser.add_argument("--articles", type=int, default=2000, help="throughput corpus size")
    parser.add_argument(
        "--memory-sizes", default="1000,4000", help="small,large corpus for the memory check"
    )
    parser.add_argument("--workers", type=int, default=default_workers(), help="N of the N run")
    parser.add_argument("--seed", type=int, default=6)
    parser.add_argument(
        "--repeat",
        type=int,
        default=3,
        help="measure word_tokenize, the one-worker and the N-worker run this many times, "
        "alternately, and keep the best of each (a shared machine's noise only slows a run)",
    )
    parser.add_argument("--no-entities", action="store_true", help="measure without entities")
    parser.add_argument("--skip-memory", action="store_true", help="skip the memory check")
    parser.add_argument(
        "--skip-interleaved", action="store_true", help="skip the per-document interleaved ratio"
    )
    parser.add_argument("--dask", action="store_true", help="also time --scheduler local")
    parser.add_argument(
        "--out",
        type=Path,
        help="results file (default benchmarks/results/pipeline.json, pipeline_distinct.json "
        "for --mode distinct, with _quick before .json for --quick)",
    )
    parser.add_argument(
        "--from-json", type=Path, help="recompute the figures and table of a results file"
    )
    args = parser.parse_args(argv)
    if args.quick:
        args.articles, args.repeat, args.skip_memory = 100, 2, True
    if args.out is None:
        name = "pipeline" + ("_distinct" if args.mode == "distinct" else "")
        args.out = ROOT / "benchmarks/results" / f"{name}{'_quick' if args.quick else ''}.json"
    if args.mode == "distinct":
        return _distinct(args)
    if args.from_json:
        results = json.loads(args.from_json.read_text(encoding="utf-8"))
        results["bars"] = _bars(results)
        args.from_json.write_text(
            json.dumps(results, indent=2, ensure_ascii=False) + "\n", encoding="utf-8"
        )
        print(table(results))
        return 0
    entities = not args.no_entities
    small, large = (int(n) for n in args.memory_sizes.split(","))

    results: dict = {
        "machine": _machine(),
        "settings": {**vars(args), "out": str(args.out), "entities": entities},
    }
    with tempfile.TemporaryDirectory(prefix="bench-corpus-") as tmp:
        corpus = Path(tmp) / "corpus"
        docs, chars = build_corpus(corpus, args.articles, args.seed)
        results["corpus"] = {"documents": docs, "characters": chars}
        print(f"corpus: {docs} articles, {chars:,} characters", file=sys.stderr)

        one = Path(tmp) / "one"
        build_corpus(one, 1, args.seed)
        results["startup"] = run_config(one, 1, entities)

        floors, ones, manys = [], [], []
        for _ in range(max(1, args.repeat)):
            floors.append(floor(corpus))
            ones.append(run_config(corpus, 1, entities))
            manys.append(run_config(corpus, args.workers, entities))
        fl = min(floors, key=lambda f: f["seconds"])
        results["word_tokenize"] = _rates(
            {
                "seconds": round(fl["seconds"], 2),
                "cpu_seconds": round(fl["cpu_seconds"], 2),
                "sentences": fl["sentences"],
                "samples": [round(f["seconds"], 2) for f in floors],
            },
            docs,
            chars,
        )
        results["vnextract_segmenter"] = _rates(
            {"seconds": round(min(f["vnextract_segmenter_seconds"] for f in floors), 2)},
            docs,
            chars,
        )
        runs = []
        for samples in (ones, manys):
            best = min(samples, key=lambda r: r["seconds"])
            best["samples"] = [r["seconds"] for r in samples]
            runs.append(best)
        if args.dask:
            runs.append(run_config(corpus, args.workers, entities, scheduler="local"))
        results["runs"] = [_rates(r, docs, chars) for r in runs]
        print(json.dumps(results["runs"], indent=1), file=sys.stderr)

        if not args.skip_interleaved:
            results["interleaved"] = interleaved(corpus)

        if not args.skip_memory:
            memory = {}
            for n in (small, large):
                folder = Path(tmp) / f"mem{n}"
                build_corpus(folder, n, args.seed)
                memory[str(n)] = run_config(folder, args.workers, entities)
            results["memory"] = memory
    results["machine"]["load_after"] = os.getloadavg()
    results["bars"] = _bars(results)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(results, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    print(table(results))
    return 0


def _machine() -> dict:
    """What the figures were measured on, and how busy it was when the run started."""
    return {
        "cpus": os.cpu_count(),
        "usable_cpus": default_workers(),
        "python": platform.python_version(),
        "load_before": os.getloadavg(),
    }


def _distinct(args: argparse.Namespace) -> int:
    import distinct

    if args.from_json:
        print(distinct.table(json.loads(args.from_json.read_text(encoding="utf-8"))))
        return 0
    results: dict = {
        "machine": _machine(),
        "settings": {**vars(args), "out": str(args.out), "from_json": None},
    }
    with tempfile.TemporaryDirectory(prefix="bench-distinct-") as tmp:
        results.update(distinct.run(args, Path(tmp)))
    results["machine"]["load_after"] = os.getloadavg()
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(results, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    print(distinct.table(results))
    return 0


def _bars(r: dict) -> dict:
    """The done-when figures of issue #6."""
    one, many = r["runs"][0], r["runs"][1]
    bars = {
        "one_worker_vs_word_tokenize": round(
            one["chars_per_s"] / r["word_tokenize"]["chars_per_s"], 2
        ),
        # the same, start-up (imports, rules, models: paid once per worker) left out
        "one_worker_vs_word_tokenize_after_startup": round(
            r["word_tokenize"]["seconds"] / (one["seconds"] - r["startup"]["seconds"]), 2
        ),
        "one_worker_vs_word_tokenize_from_cpu": round(
            r["word_tokenize"]["cpu_seconds"] / (one["cpu_seconds"] - r["startup"]["cpu_seconds"]),
            2,
        ),
        "n_workers_vs_one": round(many["chars_per_s"] / one["chars_per_s"], 2),
        # what N free cores would give, from CPU time (other programs slow the wall clock):
        # the N-worker run's CPU spread evenly over N cores, against one worker's CPU
        "n_workers_vs_one_from_cpu": round(
            many["workers"] * one["cpu_seconds"] / many["cpu_seconds"], 2
        ),
        "peak_mb_per_worker": max(one["peak_mb"], many["peak_mb"]),
    }
    if "memory" in r:
        small, large = (r["memory"][k]["peak_mb"] for k in r["memory"])
        bars["memory_growth_small_to_large"] = round(large / small - 1, 3)
    return bars


def table(r: dict) -> str:
    """A short markdown table of the results."""
    c = r["corpus"]
    lines = [
        f"Corpus: {c['documents']:,} synthetic articles, {c['characters']:,} characters "
        f"(entities {'on' if r['settings']['entities'] else 'off'}; "
        f"{r['machine']['usable_cpus']} cores; load average before "
        f"{r['machine']['load_before'][0]:.1f}).",
        "",
        "| configuration | seconds | CPU seconds | chars/s | docs/s | peak MB per process |",
        "|---|---:|---:|---:|---:|---:|",
    ]
    w = r["word_tokenize"]
    lines.append(
        f"| underthesea word_tokenize alone | {w['seconds']} | {w['cpu_seconds']} "
        f"| {w['chars_per_s']:,} | {w['docs_per_s']} | |"
    )
    if "vnextract_segmenter" in r:
        v = r["vnextract_segmenter"]
        lines.append(
            f"| vnextract's segmenter alone (same words) | {v['seconds']} | | "
            f"{v['chars_per_s']:,} | {v['docs_per_s']} | |"
        )
    for run in r["runs"]:
        name = f"vnextract run, {run['workers']} worker(s)"
        if run["scheduler"]:
            name += f", Dask {run['scheduler']}"
        lines.append(
            f"| {name} | {run['seconds']} | {run['cpu_seconds']} | {run['chars_per_s']:,} "
            f"| {run['docs_per_s']} | {run['peak_mb']} |"
        )
    s = r["startup"]
    lines.append(
        f"| start-up (one article, 1 worker) | {s['seconds']} | {s['cpu_seconds']} | | "
        f"| {s['peak_mb']} |"
    )
    for n, m in r.get("memory", {}).items():
        lines.append(
            f"| memory: {int(n):,} articles, {m['workers']} workers | {m['seconds']} "
            f"| {m['cpu_seconds']} | | | {m['peak_mb']} |"
        )
    b = r["bars"]
    if "interleaved" in r:
        i = r["interleaved"]
        lines += [
            "",
            f"Interleaved per document in one process (same machine speed for both): "
            f"word_tokenize {i['word_tokenize_seconds']} s, pipeline {i['pipeline_seconds']} s, "
            f"one worker / word_tokenize {i['ratio']}x (start-up and writing left out).",
        ]
    lines += [
        "",
        f"One worker / word_tokenize: {b['one_worker_vs_word_tokenize']}x (bar 0.7; "
        f"{b['one_worker_vs_word_tokenize_after_startup']}x with start-up left out, "
        f"{b['one_worker_vs_word_tokenize_from_cpu']}x in CPU time); "
        f"N workers / one: {b['n_workers_vs_one']}x (bar 1.7; "
        f"{b['n_workers_vs_one_from_cpu']}x from CPU time); "
        f"peak per process {b['peak_mb_per_worker']} MB (bar 500)"
        + (
            f"; memory growth small to large corpus {b['memory_growth_small_to_large']:+.1%} "
            "(bar 10%)."
            if "memory_growth_small_to_large" in b
            else "."
        ),
    ]
    return "\n".join(lines)


if __name__ == "__main__":
    sys.exit(main())
