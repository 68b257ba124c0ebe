"""Distinct text for the pipeline benchmark (issue 15): ``bench_pipeline.py --mode distinct``.

The recombined corpus of ``--mode repeated`` repeats its sentences (42,244 of them,
3,335 distinct in 2,000 articles), so the segmenter's caches answer most lookups. A
user's archive is new text every day. This mode measures on:

- **archive**: ``../shared/dev/articles``, ``../shared/seeds`` and ``corpus/``, every
  article once;
- **generated**: articles whose sentences are all distinct: clauses of ``corpus/``
  recombined, every figure and date redrawn, people's names redrawn from
  ``rules/entities/names.yml`` and places from the place dataset (same kind of unit),
  so that no sentence repeats while the vocabulary stays that of press releases;
- **recombined**: the ``--mode repeated`` corpus of the same size, for comparison.

On each, one process alternates document by document ``word_tokenize`` on the
document's sentences and the whole pipeline on the document (caches cold at the start,
start-up timed apart), in CPU seconds and wall seconds: a ratio that machine drift and
other programs' load affect alike on both sides. Each is repeated in fresh processes;
the median and the spread are reported. ``vnextract run`` with 1 and 2 workers on the
generated corpus gives CPU seconds per document (the pool's own overhead), wall time and
peak memory; start-up is a run on as many articles as workers (a run starts no more
workers than it has articles), taken off to give CPU seconds per document after start-up.
The memory check runs 1,000 and 4,000 generated articles.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import random
import statistics
import subprocess
import sys
from pathlib import Path

import regex
import yaml

ROOT = Path(__file__).resolve().parents[1]
ARCHIVE = [ROOT / "../shared/dev/articles", ROOT / "../shared/seeds", ROOT / "corpus"]

# a day/month(/year) date, a time, or a number with its separators (not one in a name
# such as 4G or TT&TT: the vocabulary stays that of the corpus)
_FIGURE = regex.compile(
    r"\b(?P<day>\d{1,2})/\d{1,2}(?P<year>/\d{4})?\b|\b(?P<hour>\d{1,2}):\d{2}\b"
    r"|(?<![\p{L}+])\d+(?:[.,]\d+)*(?!\p{L})"
)
_YEAR = regex.compile(r"^(?:19[89]\d|20[0-3]\d)$")
_CLAUSE_CUT = regex.compile(r"[,;]\s+")
_CAPITALISED = r"\p{Lu}\p{Ll}*"


class DistinctArticles:
    """Articles from ``sources`` ((header lines, body sentences) pairs) whose sentences
    never repeat: each sentence is one to three clauses of different source sentences,
    with figures, dates, names and places redrawn; a sentence already made is drawn again.
    """

    def __init__(self, sources: list[tuple[list[str], list[str]]], seed: int) -> None:
        from vnextract.entities.admin_units import admin_units

        self.rng = random.Random(seed)
        self.headers = [header for header, _ in sources]
        self.clauses = [
            c.strip().rstrip(".!?…")
            for _, body in sources
            for sentence in body
            for c in _CLAUSE_CUT.split(sentence)
            if len(c.split()) >= 3
        ]
        names = yaml.safe_load((ROOT / "rules/entities/names.yml").read_text(encoding="utf-8"))
        self.families = names["family_names"]
        self.middles = names["middle_names"]
        self._person = regex.compile(
            rf"\b(?:{'|'.join(map(regex.escape, self.families))})(?: {_CAPITALISED}){{1,3}}\b"
        )
        # unit word -> names of that kind ("huyện" -> [...]), as the dataset writes them
        self.places: dict[str, list[str]] = {}
        for unit in admin_units():
            if unit.kind:
                self.places.setdefault(unit.kind, []).append(unit.name)
        self.known = {kind: set(found) for kind, found in self.places.items()}
        kinds = sorted(self.places, key=len, reverse=True)
        self._place = regex.compile(
            rf"\b({'|'.join(map(regex.escape, kinds))}) ({_CAPITALISED}(?: {_CAPITALISED})*)"
        )
        self.made: set[str] = set()

    def _figures(self, text: str) -> str:
        rng = self.rng

        def redraw(m: regex.Match) -> str:
            if m["day"]:  # a date stays a date
                day = dt.date(2015, 1, 1) + dt.timedelta(days=rng.randrange(4000))
                return f"{day.day:02d}/{day.month:02d}" + (f"/{day.year}" if m["year"] else "")
            if m["hour"]:
                return f"{rng.randrange(6, 22):02d}:{rng.randrange(60):02d}"
            if _YEAR.match(m[0]):
                return str(rng.randint(2015, 2026))
            # the same shape (separators, number of digits), new digits; no leading zero
            digits = [str(rng.randrange(10)) for ch in m[0] if ch.isdigit()]
            digits[0] = str(rng.randint(1, 9))
            it = iter(digits)
            return "".join(next(it) if ch.isdigit() else ch for ch in m[0])

        return _FIGURE.sub(redraw, text)

    def _names(self, text: str) -> str:
        rng = self.rng

        def person(m: regex.Match) -> str:
            given = rng.sample(self.middles, rng.randint(1, 2))
            return " ".join([rng.choice(self.families), *given])

        def place(m: regex.Match) -> str:
            kind, name = m[1], m[2]
            if name not in self.known[kind]:
                return m[0]
            return f"{kind} {rng.choice(self.places[kind])}"

        return self._place.sub(place, self._person.sub(person, text))

    def _new(self, make) -> str:
        for _ in range(1000):
            text = make()
            if text not in self.made:
                self.made.add(text)
                return text
        raise RuntimeError("no new sentence in 1,000 draws: too few clauses to recombine")

    def sentence(self) -> str:
        def make() -> str:
            parts = self.rng.sample(self.clauses, self.rng.choice((1, 1, 2, 2, 3)))
            text = self._figures(self._names(", ".join(parts)))
            return text[:1].upper() + text[1:] + "."

        return self._new(make)

    def article(self) -> str:
        rng = self.rng
        lines = rng.choice(self.headers)  # [furniture..., title, dateline] or [title]
        # site furniture (counters, menus) repeats on a real site too; title and dateline not
        header = [self._figures(line) for line in lines[:-2]]
        header.append(self.sentence()[:-1])
        if len(lines) >= 2:
            header.append(self._new(lambda: self._figures(lines[-1])))
        paragraphs = [
            " ".join(self.sentence() for _ in range(rng.randint(1, 4)))
            for _ in range(rng.randint(5, 12))
        ]
        return "\n\n".join(["\n\n".join(header), *paragraphs]) + "\n"


def build_distinct(folder: Path, articles: int, seed: int) -> tuple[int, int]:
    """Write ``articles`` generated articles into ``folder``; (documents, characters).

    Raises RuntimeError if a sentence (or header line) would repeat.
    """
    from bench_pipeline import _source_articles

    gen = DistinctArticles(_source_articles(), seed)
    folder.mkdir(parents=True, exist_ok=True)
    chars = 0
    for i in range(articles):
        text = gen.article()
        (folder / f"{i:06d}.txt").write_text(text, encoding="utf-8")
        chars += len(text)
    return articles, chars


# one fresh process: start-up timed apart, then word_tokenize and the pipeline alternate
# document by document; CPU and wall seconds of each side
_INTERLEAVED = """
import json, sys, time
from pathlib import Path
t0, c0 = time.perf_counter(), time.process_time()
from underthesea import word_tokenize
from vnextract.ingest.decode import read_document
from vnextract.ingest.furniture import find_furniture
from vnextract.ingest.metadata import extract_metadata
from vnextract.pipeline import Extractor
from vnextract.segment.sentences import split_sentences
extractor = Extractor()
extractor.process_text("Start 1.", "warm-up")
word_tokenize("Start.")
startup = (time.perf_counter() - t0, time.process_time() - c0)
paths = [p for folder in sys.argv[1:] for p in sorted(Path(folder).iterdir()) if p.is_file()]
side = {"word_tokenize": [0.0, 0.0], "pipeline": [0.0, 0.0]}
chars = 0
seen, total = set(), 0
for path in paths:
    text = read_document(path).text
    chars += len(text)
    furniture = find_furniture(text)
    meta = extract_metadata(text, furniture)
    skip = [*furniture, *(h for h in meta.header_spans if h.kind == "crawl_stamp")]
    sentences = [s.text for s in split_sentences(text, skip) if s.text.strip()
                 and not any(f.start <= s.start and s.end <= f.end for f in skip)]
    total += len(sentences)
    seen.update(sentences)
    w, c = time.perf_counter(), time.process_time()
    for sentence in sentences:
        word_tokenize(sentence)
    side["word_tokenize"][0] += time.perf_counter() - w
    side["word_tokenize"][1] += time.process_time() - c
    w, c = time.perf_counter(), time.process_time()
    extractor.process_file(path)
    side["pipeline"][0] += time.perf_counter() - w
    side["pipeline"][1] += time.process_time() - c
print(json.dumps({"documents": len(paths), "characters": chars, "sentences": total,
                  "distinct_sentences": len(seen), "startup": startup, "side": side}))
"""


def interleaved(folders: list[Path], repeat: int) -> dict:
    """:data:`_INTERLEAVED` ``repeat`` times in fresh processes: per-run figures, the
    median ratio and its spread."""
    runs = []
    for _ in range(max(1, repeat)):
        load = os.getloadavg()[0]
        done = subprocess.run(
            [sys.executable, "-c", _INTERLEAVED, *map(str, folders)],
            capture_output=True,
            text=True,
            check=True,
        )
        r = json.loads(done.stdout)
        r["load_before"] = round(load, 2)
        runs.append(r)
    first = runs[0]
    out = {k: first[k] for k in ("documents", "characters", "sentences", "distinct_sentences")}
    for name, column in (("wall", 0), ("cpu", 1)):
        ratios = [r["side"]["word_tokenize"][column] / r["side"]["pipeline"][column] for r in runs]
        out[f"ratio_{name}"] = {
            "median": round(statistics.median(ratios), 3),
            "min": round(min(ratios), 3),
            "max": round(max(ratios), 3),
            "runs": [round(x, 3) for x in ratios],
        }
    for who in ("word_tokenize", "pipeline"):
        cpu = statistics.median(r["side"][who][1] for r in runs)
        wall = statistics.median(r["side"][who][0] for r in runs)
        out[who] = {
            "cpu_seconds": round(cpu, 2),
            "wall_seconds": round(wall, 2),
            "chars_per_cpu_s": round(first["characters"] / cpu),
            "cpu_s_per_1000_articles": round(1000 * cpu / first["documents"], 2),
        }
    out["startup"] = {
        "wall_seconds": round(statistics.median(r["startup"][0] for r in runs), 2),
        "cpu_seconds": round(statistics.median(r["startup"][1] for r in runs), 2),
    }
    out["load_before"] = [r["load_before"] for r in runs]
    return out


def run(args, tmp: Path) -> dict:
    """The distinct-text mode's measurements (see the module docstring)."""
    from bench_pipeline import build_corpus, run_config

    results: dict = {"sets": {}}
    archive = [f for f in ARCHIVE if f.is_dir()]
    missing = [str(f) for f in ARCHIVE if not f.is_dir()]
    if missing:
        print(f"archive: not found, left out: {', '.join(missing)}", file=sys.stderr)
    generated, recombined = tmp / "generated", tmp / "recombined"
    docs, chars = build_distinct(generated, args.articles, args.seed)
    build_corpus(recombined, args.articles, args.seed)
    print(f"generated: {docs} articles, {chars:,} characters", file=sys.stderr)
    for name, folders in (
        ("archive", archive),
        ("generated", [generated]),
        ("recombined", [recombined]),
    ):
        results["sets"][name] = interleaved(folders, args.repeat)
        print(name, json.dumps(results["sets"][name]["ratio_cpu"]), file=sys.stderr)

    workers = {}
    for n in (1, args.workers):
        # n articles, so that n workers start (a run uses no more workers than articles):
        # the start-up of the parent and of every worker, plus n articles' work
        first = tmp / f"startup{n}"
        build_distinct(first, n, args.seed + 1)
        startup = run_config(first, n, entities=True)
        full = run_config(generated, n, entities=True)
        full["cpu_s_per_document"] = round(full["cpu_seconds"] / docs, 4)
        full["cpu_s_per_document_after_startup"] = round(
            (full["cpu_seconds"] - startup["cpu_seconds"]) / (docs - n), 4
        )
        full["startup"] = startup
        workers[str(n)] = full
    one_w, n_w = workers["1"], workers[str(args.workers)]
    results["workers"] = workers
    results["workers_cpu_per_document_ratio"] = round(
        n_w["cpu_s_per_document"] / one_w["cpu_s_per_document"], 3
    )
    results["workers_cpu_per_document_ratio_after_startup"] = round(
        n_w["cpu_s_per_document_after_startup"] / one_w["cpu_s_per_document_after_startup"], 3
    )
    if not args.skip_memory:
        small, large = (int(n) for n in args.memory_sizes.split(","))
        memory = {}
        for n in (small, large):
            folder = tmp / f"mem{n}"
            build_distinct(folder, n, args.seed)
            memory[str(n)] = run_config(folder, args.workers, entities=True)
        results["memory"] = memory
    return results


def table(r: dict) -> str:
    """A markdown table of the distinct-text results."""
    lines = [
        f"Distinct text ({r['machine']['usable_cpus']} cores; load average "
        f"{r['machine']['load_before'][0]:.1f} before, {r['machine']['load_after'][0]:.1f} "
        f"after). Interleaved per document in one process, median of {r['settings']['repeat']} "
        "fresh processes (spread min-max), start-up apart:",
        "",
        "| text | articles | chars | distinct sentences | word_tokenize chars/CPU-s "
        "| vnextract chars/CPU-s | word_tokenize CPU-s /1,000 art. | vnextract CPU-s /1,000 art. "
        "| vnextract / word_tokenize (CPU) | (wall) | start-up s |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for name, s in r["sets"].items():
        rc, rw = s["ratio_cpu"], s["ratio_wall"]
        lines.append(
            f"| {name} | {s['documents']:,} | {s['characters']:,} "
            f"| {s['distinct_sentences']:,} / {s['sentences']:,} "
            f"| {s['word_tokenize']['chars_per_cpu_s']:,} | {s['pipeline']['chars_per_cpu_s']:,} "
            f"| {s['word_tokenize']['cpu_s_per_1000_articles']} "
            f"| {s['pipeline']['cpu_s_per_1000_articles']} "
            f"| {rc['median']}x ({rc['min']}-{rc['max']}) "
            f"| {rw['median']}x ({rw['min']}-{rw['max']}) "
            f"| {s['startup']['cpu_seconds']} |"
        )
    lines += [
        "",
        "`vnextract run` on the generated articles (fresh process each; CPU of all processes):",
        "",
        "| workers | wall s | CPU s | CPU s per document | same, start-up taken off "
        "| peak MB per process |",
        "|---:|---:|---:|---:|---:|---:|",
    ]
    for n, w in r["workers"].items():
        lines.append(
            f"| {n} | {w['seconds']} | {w['cpu_seconds']} | {w['cpu_s_per_document']} "
            f"| {w['cpu_s_per_document_after_startup']} | {w['peak_mb']} |"
        )
    lines += [
        "",
        f"CPU per document, {max(r['workers'], key=int)} workers / 1: "
        f"{r['workers_cpu_per_document_ratio']}x "
        f"({r['workers_cpu_per_document_ratio_after_startup']}x with start-up taken off; "
        "bar 1.15).",
    ]
    if "memory" in r:
        m = r["memory"]
        lines.append(
            "Peak MB per process, "
            + ", ".join(f"{int(n):,} articles: {v['peak_mb']}" for n, v in m.items())
            + " (bar 500, flat)."
        )
    return "\n".join(lines)
