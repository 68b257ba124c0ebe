"""A run over many documents: list inputs, process each, write outputs, summarise."""

from __future__ import annotations

import sys
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from .inputs import list_inputs
from .model import DocumentResult
from .write import OutputWriter


@dataclass(slots=True)
class RunSummary:
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
) -> RunSummary:
    """Extract every article under ``paths`` into ``out_dir``.

    Args:
        paths: files or folders (walked recursively, sorted).
        out_dir: the output folder; its files are replaced only when the run completes.
        entities: tag entities and officials too (slower).
        progress: show a progress bar (default: when stderr is a terminal).
        on_error: called with each failing document's one-line reason.
    Returns:
        Counts and timing of the run.
    """
    from .pipeline import Extractor

    started = time.perf_counter()
    inputs = list_inputs(paths)
    extractor = Extractor(entities=entities)
    summary = RunSummary()
    show = sys.stderr.isatty() if progress is None else progress
    items: Iterable[tuple[str, Path]] = inputs
    if show:
        from tqdm import tqdm

        items = tqdm(inputs, unit="doc", file=sys.stderr)
    with OutputWriter(out_dir) as writer:
        for doc_id, path in items:
            result: DocumentResult = extractor.process_file(path, doc_id)
            writer.add(result)
            _count(summary, result, on_error)
    summary.seconds = time.perf_counter() - started
    return summary


def _count(summary: RunSummary, result: DocumentResult, on_error) -> None:
    summary.documents += 1
    summary.characters += len(result.text)
    if result.status != "ok":
        summary.failed += 1
        summary.errors.append(result.error or result.doc_id)
        if on_error:
            on_error(result.error or result.doc_id)
    summary.records += len(result.records)
    summary.entities += len(result.entities)
