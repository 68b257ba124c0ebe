"""Command line: thin wrappers that parse flags and call library functions."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from . import __version__
from .errors import RuleError, VnextractError


def _cmd_run(args: argparse.Namespace) -> int:
    from .batch import run

    summary = run(
        args.paths,
        args.out,
        entities=not args.no_entities,
        progress=False if args.quiet else None,
        on_error=lambda msg: print(f"error: {msg}", file=sys.stderr),
    )
    print(summary.line())
    return 1 if summary.failed else 0


def _cmd_report(args: argparse.Namespace) -> int:
    from .report import write_report

    index = write_report(args.out_dir, report_dir=args.report_dir)
    print(f"report written: {index}")
    return 0


def build_parser() -> argparse.ArgumentParser:
    """The ``vnextract`` argument parser with every subcommand."""
    parser = argparse.ArgumentParser(
        prog="vnextract",
        description="Extract indicator records and entities from Vietnamese press releases.",
    )
    parser.add_argument("--version", action="version", version=f"vnextract {__version__}")
    sub = parser.add_subparsers(dest="command", required=True)

    run = sub.add_parser(
        "run",
        help="extract records and entities from articles",
        description="Read articles (files or folders of .txt/.html) and write documents.jsonl, "
        "records.jsonl, entities.jsonl, officials.jsonl and records.csv.",
        epilog="example: vnextract run corpus --out output",
    )
    run.add_argument("paths", nargs="+", help="article files or folders")
    run.add_argument("--out", required=True, help="output folder (created if missing)")
    run.add_argument("--no-entities", action="store_true", help="skip entity tagging (faster)")
    run.add_argument("--quiet", action="store_true", help="no progress bar")
    run.set_defaults(func=_cmd_run)

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
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the ``vnextract`` console script."""
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return args.func(args)
    except RuleError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    except VnextractError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("interrupted: no output file was changed", file=sys.stderr)
        return 130


if __name__ == "__main__":
    sys.exit(main())
