"""The whole daily job: extract, then load into a database, write Parquet and a report.

``vnextract run`` calls :func:`run_job`; each step is a library function of its own
(``batch.run``, ``db.load_output``, ``db.write_parquet``, ``report.write_report``).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from vnextract.output.outset import folder_lock, prepare_folder
from vnextract.run.batch import RunSummary, run
from vnextract.run.inputs import list_inputs


@dataclass(slots=True)
class JobSummary:
    run: RunSummary
    skipped: list[str] = field(default_factory=list)
    loaded: str | None = None  # the load's one-line summary
    parquet: list[Path] = field(default_factory=list)
    report: Path | None = None

    def lines(self) -> list[str]:
        """What the command prints, one line per step that ran."""
        out = [self.run.line()]
        if self.skipped:
            out.append(f"{len(self.skipped)} unchanged documents skipped (already in the database)")
        if self.loaded:
            out.append(self.loaded)
        if self.parquet:
            out.append(f"{len(self.parquet)} Parquet files written")
        if self.report:
            out.append(f"report written: {self.report}")
        return out


def run_job(
    paths: list[Path | str],
    out_dir: Path | str,
    *,
    db: str | None = None,
    parquet: bool = False,
    report: bool = False,
    on_warning: Callable[[str], None] | None = None,
    **run_options: Any,
) -> JobSummary:
    """Extract ``paths`` into ``out_dir`` and, if asked, load, export and report.

    Args:
        paths: article files or folders.
        out_dir: the output folder.
        db: database URL; documents whose bytes and rule files are unchanged since their
            last load are skipped, and the new output is loaded after the run.
        parquet: also write Parquet files beside the JSONL.
        report: also write the review report into ``out_dir/report``.
        on_warning: told of what listing the inputs skipped (unreadable folders ...).
        run_options: passed on to :func:`vnextract.run.batch.run` (workers, entities ...).
    Returns:
        What each step did.
    """
    inputs = list_inputs(paths, on_warning)  # a missing path stops here, nothing touched
    out = prepare_folder(out_dir)
    # one lock for the whole job: its JSONL, Parquet and report are one run's set
    with folder_lock(out):
        return _job(inputs, out, db, parquet, report, run_options)


def _job(
    inputs: list[tuple[str, Path]],
    out_dir: Path,
    db: str | None,
    parquet: bool,
    report: bool,
    run_options: dict[str, Any],
) -> JobSummary:
    skipped: list[str] = []
    todo = inputs
    digest = None
    if db is not None:
        from vnextract.core.rules import default_rules
        from vnextract.output.db import split_unchanged

        digest = default_rules().digest
        todo, skipped = split_unchanged(db, inputs, digest)
    # the listed files, in order: the same doc ids as listing the folders again
    targets: list[Path | str] = [path for _, path in todo]
    summary = JobSummary(run=run(targets, out_dir, **run_options), skipped=skipped)
    if db is not None:
        from vnextract.output.db import load_output

        summary.loaded = load_output(out_dir, db, rules_digest=digest).line()
    if parquet:
        from vnextract.output.db import write_parquet

        summary.parquet = write_parquet(out_dir)
    if report:
        from vnextract.output.report import write_report

        summary.report = write_report(out_dir)
    return summary
