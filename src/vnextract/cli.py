"""Command line: thin wrappers that parse flags and call library functions."""

from __future__ import annotations

import argparse
import signal
import sys
import threading
from collections.abc import Sequence
from pathlib import Path

from vnextract import __version__
from vnextract.core.errors import Interrupted, OutputWriteError, RuleError, VnextractError


def _positive_int(value: str) -> int:
    try:
        number = int(value)
    except ValueError:
        message = f"give a whole number of 1 or more, not {value!r}"
        raise argparse.ArgumentTypeError(message) from None
    if number < 1:
        raise argparse.ArgumentTypeError(f"must be 1 or more, not {number}")
    return number


def _encoding(value: str) -> str:
    from vnextract.ingest.legacy import default_legacy

    legacy = default_legacy()
    try:
        return legacy.codec_name(value)
    except LookupError:
        known = ", ".join(legacy.known())
        raise argparse.ArgumentTypeError(
            f"unknown encoding '{value}': give a Python codec name (cp1258, latin-1 ...) "
            f"or one of {known}"
        ) from None


def _cmd_run(args: argparse.Namespace) -> int:
    from vnextract.run.job import run_job

    job = run_job(
        args.paths,
        args.out,
        db=args.db,
        parquet=args.parquet,
        report=args.report,
        entities=not args.no_entities,
        progress=False if args.quiet else None,
        on_error=lambda msg: print(f"error: {msg}", file=sys.stderr),
        on_warning=lambda msg: print(f"warning: {msg}", file=sys.stderr),
        workers=args.workers,
        scheduler=args.scheduler,
        encoding=args.encoding,
    )
    for line in job.lines():
        print(line)
    return 1 if job.run.failed else 0


def _cmd_report(args: argparse.Namespace) -> int:
    from vnextract.output.report import write_report

    index = write_report(args.out_dir, report_dir=args.report_dir)
    print(f"report written: {index}")
    return 0


def _cmd_load(args: argparse.Namespace) -> int:
    from vnextract.output.db import default_url, load_decisions, load_output, write_parquet

    # no --db: the database sits in the output folder, wherever the command runs from
    args.db = args.db or default_url(args.out_dir)
    stats = load_output(args.out_dir, args.db)
    print(stats.line())
    if args.parquet:
        print(f"{len(write_parquet(args.out_dir))} Parquet files written in {args.out_dir}")
    if args.decisions:
        print(f"{load_decisions(args.decisions, args.db)} reviewer decisions loaded")
    return 0


def build_parser() -> argparse.ArgumentParser:
    """The ``vnextract`` argument parser with every subcommand."""
    parser = argparse.ArgumentParser(
        prog="vnextract",
        description="Extract indicator records and entities from Vietnamese press releases.",
    )
    parser.add_argument("--version", action="version", version=f"vnextract {__version__}")
    sub = parser.add_subparsers(dest="command", required=True)

    for add in (_add_run, _add_report, _add_load):
        add(sub)
    return parser


def _add_run(sub: argparse._SubParsersAction) -> None:
    run = sub.add_parser(
        "run",
        help="extract records and entities from articles",
        description="Read articles (files or folders of .txt/.html) and write documents.jsonl, "
        "records.jsonl, entities.jsonl, officials.jsonl and records.csv.",
        epilog="example: vnextract run corpus --out output --workers 2",
    )
    run.add_argument("paths", nargs="+", help="article files or folders")
    run.add_argument("--out", required=True, help="output folder (created if missing)")
    run.add_argument(
        "--no-entities",
        action="store_true",
        help="skip the entity tagger and officials (faster): entities.jsonl then holds only "
        "the DATE mentions that records need for their periods",
    )
    run.add_argument("--quiet", action="store_true", help="no progress bar")
    run.add_argument(
        "--db",
        metavar="URL",
        help="also load the output into this database (sqlite:///output/vnextract.db or "
        "postgresql://...), skipping articles unchanged since their last load",
    )
    run.add_argument("--parquet", action="store_true", help="also write Parquet files")
    run.add_argument("--report", action="store_true", help="also write the review report")
    run.add_argument(
        "--workers",
        type=_positive_int,
        default=None,
        metavar="N",
        help="worker processes (default: one per core; 1 runs in this process)",
    )
    run.add_argument(
        "--scheduler",
        default=None,
        metavar="ADDR|local",
        help="run on Dask: a scheduler address (tcp://HOST:8786) or 'local' for a "
        "local cluster of --workers processes",
    )
    run.add_argument(
        "--encoding",
        type=_encoding,
        default=None,
        metavar="NAME",
        help="decode every file as NAME (cp1258, tcvn3, vni, latin-1 ...) instead of "
        "detecting each file's encoding",
    )
    run.set_defaults(func=_cmd_run)


def _add_report(sub: argparse._SubParsersAction) -> None:
    report = sub.add_parser(
        "report",
        help="write the HTML review report for an output folder",
        description="Write a self-contained HTML review report (index, one page per document, "
        "all records, charts) for the folder `vnextract run` wrote. Open index.html in a "
        "browser; reviewer decisions export as CSV/JSON.",
        epilog="example: vnextract report output  (then open output/report/index.html)",
    )
    report.add_argument("out_dir", type=Path, help="output folder of `vnextract run`")
    report.add_argument(
        "--report-dir", type=Path, default=None, help="where to write (default: OUT_DIR/report)"
    )
    report.set_defaults(func=_cmd_report)


def _add_load(sub: argparse._SubParsersAction) -> None:
    load = sub.add_parser(
        "load",
        help="load an output folder into SQLite or PostgreSQL",
        description="Load the folder `vnextract run` wrote into a database (tables documents, "
        "sentences, records, entities, officials, runs, decisions; see docs/DATABASE.md). "
        "Loading again changes only documents that changed.",
        epilog="example: vnextract load output --db postgresql://me@localhost/stats "
        "--decisions decisions.csv",
    )
    load.add_argument("out_dir", type=Path, help="output folder of `vnextract run`")
    load.add_argument(
        "--db", default=None, help="database URL or SQLite file (default: OUT_DIR/vnextract.db)"
    )
    load.add_argument(
        "--decisions", type=Path, default=None, help="reviewer decisions (.csv/.json) to load too"
    )
    load.add_argument("--parquet", action="store_true", help="also write Parquet beside the JSONL")
    load.set_defaults(func=_cmd_load)


def _interrupt(signum: int, _frame: object) -> None:
    raise Interrupted(signum)


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the ``vnextract`` console script."""
    parser = build_parser()
    args = parser.parse_args(argv)
    # SIGTERM (kill, systemd, a batch scheduler) and SIGHUP (a closed terminal) clean up
    # like Ctrl-C: staged files dropped, workers stopped, previous outputs kept
    previous = {}
    if threading.current_thread() is threading.main_thread():
        previous = {s: signal.signal(s, _interrupt) for s in (signal.SIGTERM, signal.SIGHUP)}
    try:
        return args.func(args)
    except OutputWriteError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    except (RuleError, VnextractError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt as exc:
        signum = exc.signum if isinstance(exc, Interrupted) else signal.SIGINT
        name = signal.Signals(signum).name
        print(f"interrupted ({name}): no output file was changed", file=sys.stderr)
        return 128 + signum
    finally:
        for signum, handler in previous.items():
            signal.signal(signum, handler)


if __name__ == "__main__":
    sys.exit(main())
