"""Time against document length, and memory on a repeated article (issue 11).

Builds, from the articles in ``corpus/`` (fixed seed):

- one document of about 2 MB and one of about 20 MB: whole articles, site furniture
  and all, one after another, every number redrawn so that no two copies are alike;
- one line of about 400 KB holding an article repeated on it, as some scrapers save
  pages (each sentence stands many times in the one paragraph);

and runs ``vnextract run FILE --workers 1`` on each in a fresh process, measuring wall
time and peak resident memory (and, on a one-article file, the start-up every run pays,
taken off both times for the ratio). The bars: the 20 MB document takes at most 12x the
time of the 2 MB one; the repeated article runs in under 500 MB.

    .venv/bin/python benchmarks/bench_scaling.py                 # entities on, as users run it
    .venv/bin/python benchmarks/bench_scaling.py --no-entities --sizes 1,10

Results go to ``benchmarks/results/scaling.json``; a markdown table is printed.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import sys
import tempfile
from pathlib import Path

import regex
from bench_pipeline import _measure

ROOT = Path(__file__).resolve().parents[1]
TIME_BAR = 12.0
MEMORY_BAR_MB = 500
_DIGITS = regex.compile(r"\d+")


def _articles() -> list[str]:
    return [p.read_text(encoding="utf-8") for p in sorted((ROOT / "corpus").glob("*.txt"))]


def build_document(path: Path, size: int, seed: int) -> int:
    """Whole sample articles, numbers redrawn, until ``size`` bytes; returns the size."""
    rng = random.Random(seed)
    articles = _articles()
    parts, total = [], 0
    while total < size:
        text = _DIGITS.sub(lambda m: str(rng.randint(1, 9999)), rng.choice(articles))
        parts.append(text)
        total += len(text.encode()) + 1
    path.write_text("\n".join(parts), encoding="utf-8")
    return path.stat().st_size


def build_repeated(path: Path, size: int) -> int:
    """One article's lines joined on one line and repeated on it until ``size`` bytes."""
    article = " ".join(line.strip() for line in _articles()[0].split("\n") if line.strip())
    copies = max(1, size // len(article.encode()))
    path.write_text(" ".join([article] * copies) + "\n", encoding="utf-8")
    return path.stat().st_size


def run_one(path: Path, out: Path, entities: bool) -> dict:
    exe = Path(sys.executable).with_name("vnextract")
    cmd = [str(exe), "run", str(path), "--out", str(out), "--workers", "1", "--quiet"]
    if not entities:
        cmd.append("--no-entities")
    m = _measure(cmd)
    if m["rc"] != 0:
        sys.exit(f"{path.name}: vnextract run failed ({m['rc']}): {m['stderr'][-500:]}")
    records = (out / "records.jsonl").stat().st_size
    return {
        "bytes": path.stat().st_size,
        "seconds": round(m["seconds"], 2),
        "cpu_seconds": round(m["cpu_seconds"], 2),
        "peak_mb": round(m["peak_kb"] / 1024),
        "records_jsonl_bytes": records,
    }


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--sizes", default="2,20", help="small,large document in MB (default 2,20)")
    ap.add_argument("--repeated-kb", type=int, default=400)
    ap.add_argument("--no-entities", action="store_true")
    ap.add_argument("--out", type=Path, default=ROOT / "benchmarks" / "results" / "scaling.json")
    args = ap.parse_args()
    small_mb, large_mb = (float(x) for x in args.sizes.split(","))
    entities = not args.no_entities
    load_before = os.getloadavg()
    with tempfile.TemporaryDirectory(prefix="bench-scaling-") as tmp:
        tmp = Path(tmp)
        results = {}
        for name, mb in (("small", small_mb), ("large", large_mb)):
            path = tmp / f"{name}.txt"
            build_document(path, int(mb * 1_000_000), seed=11)
            results[name] = run_one(path, tmp / f"out-{name}", entities)
        path = tmp / "repeated.txt"
        build_repeated(path, args.repeated_kb * 1000)
        results["repeated"] = run_one(path, tmp / "out-repeated", entities)
        # start-up (imports, rules, models) is paid once per run, whatever the size
        path = tmp / "startup.txt"
        build_document(path, 1, seed=11)
        results["startup"] = run_one(path, tmp / "out-startup", entities)
    small, large = results["small"], results["large"]
    size_ratio = large["bytes"] / small["bytes"]
    time_ratio = large["seconds"] / small["seconds"]
    start = results["startup"]["seconds"]
    # the bar is judged without start-up, which would otherwise flatter the ratio
    net_ratio = (large["seconds"] - start) / max(small["seconds"] - start, 1e-9)
    report = {
        "entities": entities,
        "machine": {"cpus": os.cpu_count(), "python": platform.python_version()},
        "load_average_before": [round(x, 2) for x in load_before],
        "load_average_after": [round(x, 2) for x in os.getloadavg()],
        **results,
        "size_ratio": round(size_ratio, 2),
        "time_ratio": round(time_ratio, 2),
        "time_ratio_without_startup": round(net_ratio, 2),
        "time_bar": TIME_BAR,
        "time_bar_met": net_ratio <= TIME_BAR,
        "memory_bar_mb": MEMORY_BAR_MB,
        "memory_bar_met": results["repeated"]["peak_mb"] < MEMORY_BAR_MB,
    }
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    print("| input | MB | seconds | peak MB | records.jsonl MB |")
    print("|---|---:|---:|---:|---:|")
    for name in ("startup", "small", "large", "repeated"):
        r = results[name]
        print(
            f"| {name} | {r['bytes'] / 1e6:.2f} | {r['seconds']:.1f} | {r['peak_mb']} "
            f"| {r['records_jsonl_bytes'] / 1e6:.1f} |"
        )
    print(
        f"time ratio {time_ratio:.2f} ({net_ratio:.2f} without start-up) for "
        f"{size_ratio:.2f}x the size (bar {TIME_BAR}x)"
    )
    return 0 if report["time_bar_met"] and report["memory_bar_met"] else 1


if __name__ == "__main__":
    raise SystemExit(main())
