"""A run over many documents: list inputs, process each, write outputs, summarise.

Three engines give the same results in the same order, and the parent writes them
as they arrive (streaming: memory holds a bounded window of documents, never the
corpus): in this process (``workers=1``), a local process pool
(:mod:`vnextract.run.pool`) or a Dask cluster (:mod:`vnextract.run.dask`).
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import closing
from dataclasses import dataclass, field
from pathlib import Path

from vnextract.output.files import DocumentLines, OutputWriter, serialise
from vnextract.run.inputs import list_inputs
from vnextract.run.pool import default_workers


@dataclass(slots=True)
class RunSummary:
    """What a run did: counts, characters read, time taken and every error line."""

    documents: int = 0
    failed: int = 0
    records: int = 0
    entities: int = 0
    seconds: float = 0.0
    characters: int = 0
    errors: list[str] = field(default_factory=list)

    def line(self) -> str:
        """The one-line summary printed at the end of a run."""
        ok = self.documents - self.failed
        return (
            f"{ok} documents ok, {self.failed} failed, {self.records} records, "
            f"{self.entities} entities, {self.seconds:.1f} s"
        )


def run(
    paths: Iterable[Path | str],
    out_dir: Path | str,
    *,
    entities: bool = True,
    progress: bool | None = None,
    on_error: Callable[[str], None] | None = None,
    on_warning: Callable[[str], None] | None = None,
    workers: int | None = 1,
    scheduler: str | None = None,
    encoding: str | None = None,
) -> RunSummary:
    """Extract every article under ``paths`` into ``out_dir``.

    Args:
        paths: files or folders (walked recursively, sorted).
        out_dir: the output folder; its files are replaced only when the run completes.
        entities: tag entities and officials too (slower).
        progress: show a progress bar (default: when stderr is a terminal).
        on_error: called with each failing document's one-line reason.
        on_warning: called with each thing a folder walk skipped (unreadable folder,
            broken link), one line each.
        workers: processes to extract with; 1 runs in this process, None means one
            per core. With ``scheduler``, the size of a local Dask cluster.
        scheduler: ``"local"`` or a Dask scheduler address (``tcp://HOST:8786``) to
            run on Dask instead of a process pool.
        encoding: decode every file with this encoding instead of detecting each one's.
    Returns:
        Counts and timing of the run.
    Raises:
        VnextractError: a path does not exist, the output folder cannot be made or is
            in use by another run (before anything is written).
        OutputWriteError: the output could not be written; the folder is as it was.
    """
    started = time.perf_counter()
    inputs = list_inputs(paths, on_warning)
    if workers is None:
        workers = default_workers()
    if workers < 1:
        raise ValueError(f"workers must be at least 1, not {workers}")
    summary = RunSummary()
    show = sys.stderr.isatty() if progress is None else progress
    # the writer opens first: a bad output folder is reported before workers start.
    # closing() shuts the workers down before the writer drops its staged files, on
    # success, on a document's exception and on Ctrl-C alike
    with (
        OutputWriter(out_dir) as writer,
        closing(_results(inputs, entities, workers, scheduler, encoding)) as engine,
    ):
        results: Iterable[DocumentLines] = engine
        if show:
            from tqdm import tqdm

            results = tqdm(engine, total=len(inputs), unit="doc", file=sys.stderr)
        for result in results:
            writer.add(result)
            _count(summary, result, on_error)
    summary.seconds = time.perf_counter() - started
    return summary


def document_lines(
    paths: Iterable[Path | str],
    *,
    entities: bool = True,
    workers: int | None = 1,
    encoding: str | None = None,
    on_warning: Callable[[str], None] | None = None,
) -> Iterator[DocumentLines]:
    """Every article's output lines, in input order, without writing any file (the Python
    API's engine: :func:`vnextract.extract`). Options as for :func:`run`."""
    inputs = list_inputs(paths, on_warning)
    with closing(_results(inputs, entities, workers or default_workers(), None, encoding)) as it:
        yield from it


def _results(
    inputs: Sequence[tuple[str, Path]],
    entities: bool,
    workers: int,
    scheduler: str | None,
    encoding: str | None = None,
) -> Iterator[DocumentLines]:
    """Every input's output lines, in input order, from the engine the options ask for."""
    if scheduler is not None:
        from vnextract.run.dask import dask_results

        return dask_results(
            inputs, scheduler=scheduler, workers=workers, entities=entities, encoding=encoding
        )
    # a pool costs a few seconds of start-up per worker: not worth it for one document
    workers = min(workers, len(inputs))
    if workers > 1:
        from vnextract.run.pool import process_pool

        return process_pool(inputs, workers=workers, entities=entities, encoding=encoding)
    return _in_process(inputs, entities, encoding)


def _in_process(
    inputs: Iterable[tuple[str, Path]], entities: bool, encoding: str | None = None
) -> Iterator[DocumentLines]:
    from vnextract.pipeline import Extractor

    extractor = Extractor(entities=entities, encoding=encoding)
    for doc_id, path in inputs:
        yield serialise(extractor.process_file(path, doc_id))


def _count(summary: RunSummary, result: DocumentLines, on_error) -> None:
    summary.documents += 1
    summary.characters += result.characters
    if result.status != "ok":
        summary.failed += 1
        summary.errors.append(result.error or result.doc_id)
        if on_error:
            on_error(result.error or result.doc_id)
    summary.records += result.records
    summary.entities += result.entities
