"""Run the pipeline in a pool of worker processes, one :class:`Extractor` per worker.

Start-up (imports, rule loading, the underthesea model, the spaCy pipeline) costs
seconds, so each worker builds its extractor once in the pool initializer and
keeps it for every document it is given. Results come back in input order through
a bounded window of in-flight documents: output is byte-identical to a one-worker
run, and memory holds at most ``window`` results whatever the corpus size.
"""

from __future__ import annotations

import multiprocessing
import os
import signal
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from pathlib import Path

from vnextract.core.rules import default_rules
from vnextract.output.files import DocumentLines, serialise

# documents in flight per worker: enough that a worker never waits for the next
# document while the parent writes, few enough that memory stays flat
IN_FLIGHT_PER_WORKER = 4

# the one extractor of this worker process, built by _init_worker
_EXTRACTOR = None


def default_workers() -> int:
    """The machine's cores (the CPUs this process may run on, where the OS says)."""
    if hasattr(os, "sched_getaffinity"):
        return max(1, len(os.sched_getaffinity(0)))
    return max(1, os.cpu_count() or 1)


def _init_worker(entities: bool, encoding: str | None = None) -> None:
    global _EXTRACTOR
    # Ctrl-C reaches the whole process group; only the parent handles it (it drops
    # the staged outputs and shuts the pool down), so workers must not die mid-write
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    from vnextract.pipeline import Extractor

    _EXTRACTOR = Extractor(entities=entities, encoding=encoding)


def _process(doc_id: str, path: str) -> DocumentLines:
    assert _EXTRACTOR is not None, "worker used before its initializer ran"
    # serialised here, in parallel: the parent, sharing the cores, only writes
    return serialise(_EXTRACTOR.process_file(path, doc_id))


def ordered(futures: Iterable[Future], window: int) -> Iterator:
    """Results of ``futures`` in the order given, with at most ``window`` outstanding.

    ``futures`` is consumed lazily, so submitting happens only as results are taken:
    this is what bounds memory. Works for concurrent.futures and dask futures alike.
    """
    pending: deque = deque()
    for future in futures:
        pending.append(future)
        if len(pending) >= window:
            yield pending.popleft().result()
    while pending:
        yield pending.popleft().result()


def _start_resource_tracker() -> None:
    """Start multiprocessing's resource tracker with SIGHUP ignored (kept across exec).

    It ignores SIGINT and SIGTERM itself but not SIGHUP: killed by a closed terminal, it
    is relaunched and prints a traceback for every semaphore the pool then releases.
    """
    import threading
    from multiprocessing import resource_tracker

    if threading.current_thread() is not threading.main_thread():
        resource_tracker.ensure_running()
        return
    previous = signal.signal(signal.SIGHUP, signal.SIG_IGN)
    try:
        resource_tracker.ensure_running()
    finally:
        signal.signal(signal.SIGHUP, previous)


def process_pool(
    inputs: Iterable[tuple[str, Path]],
    *,
    workers: int,
    entities: bool = True,
    encoding: str | None = None,
) -> Iterator[DocumentLines]:
    """Process ``inputs`` in ``workers`` processes; yield results in input order.

    Args:
        inputs: (doc_id, path) pairs, as from :func:`vnextract.run.inputs.list_inputs`.
        workers: number of worker processes (>= 1).
        entities: tag entities and officials too.
        encoding: decode every file with this encoding (None: detect each).
    Yields:
        One document's output lines per input, in the order of ``inputs``.
    Raises:
        Whatever a worker raised for a document (the same as a one-worker run);
        pending documents are cancelled and the pool is shut down first.
    """
    # spawn, not fork: workers start from a clean interpreter whatever threads
    # (progress bar, Dask client) the parent holds, the same on every platform
    context = multiprocessing.get_context("spawn")
    # a broken rule file fails here with its file and line, not as a worker dead at start
    default_rules()
    _start_resource_tracker()
    pool = ProcessPoolExecutor(
        max_workers=workers,
        mp_context=context,
        initializer=_init_worker,
        initargs=(entities, encoding),
    )
    try:
        submitted = (pool.submit(_process, doc_id, str(path)) for doc_id, path in inputs)
        yield from ordered(submitted, workers * IN_FLIGHT_PER_WORKER)
    finally:
        # reached on success, on error and on Ctrl-C (GeneratorExit/KeyboardInterrupt):
        # drop what is still queued; running documents finish in a fraction of a second
        pool.shutdown(wait=True, cancel_futures=True)
