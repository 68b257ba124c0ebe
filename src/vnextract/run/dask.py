"""Run the pipeline on a Dask cluster: whole documents per task, results in input order.

``scheduler`` is either ``"local"``, a LocalCluster of ``workers`` single-threaded
worker processes on this machine, or the address of a running ``dask scheduler``
(``tcp://HOST:8786``), whose workers need vnextract installed and the input paths,
as given, readable from their working folder: give absolute paths on a shared mount.

Each worker process builds one :class:`Extractor` the first time it is given a
document and keeps it for the rest of its life (a module-level cache: the
worker's Python process outlives the tasks), so start-up is paid once per worker.
The parent takes results back in input order through the same bounded window as
the process pool and writes them with the usual atomic OutputWriter, so the
output folder is the same as a one-process run's.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path

from vnextract.core.errors import Errors, VnextractError
from vnextract.core.extras import missing_extra
from vnextract.output.files import DocumentLines, serialise
from vnextract.run.pool import IN_FLIGHT_PER_WORKER, ordered

# per worker process: one extractor per ('entities', 'encoding') setting
_EXTRACTORS: dict[tuple[bool, str | None], object] = {}


def process_on_worker(
    doc_id: str, path: str, entities: bool, encoding: str | None = None
) -> DocumentLines:
    """Process one document with this worker process's extractor (built on first use);
    its output lines come back."""
    extractor = _EXTRACTORS.get((entities, encoding))
    if extractor is None:
        from vnextract.pipeline import Extractor

        extractor = Extractor(entities=entities, encoding=encoding)
        _EXTRACTORS[(entities, encoding)] = extractor
    return serialise(extractor.process_file(path, doc_id))


def _client(scheduler: str, workers: int):
    try:
        from dask.distributed import Client, LocalCluster
    except ImportError as exc:
        raise missing_extra(exc, "dask", "--scheduler (Dask)") from None

    if scheduler == "local":
        # one thread per worker process: the pipeline is pure Python and holds the GIL
        cluster = LocalCluster(
            n_workers=workers,
            threads_per_worker=1,
            processes=True,
            dashboard_address=None,
        )
        return Client(cluster), cluster
    try:
        return Client(scheduler), None
    except (OSError, TimeoutError, ValueError) as exc:
        # refused, timed out, unknown host or a malformed address: one line, no traceback
        reason = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        raise VnextractError(Errors.E042.format(address=scheduler, reason=reason)) from None


def dask_results(
    inputs: Iterable[tuple[str, Path]],
    *,
    scheduler: str,
    workers: int,
    entities: bool = True,
    encoding: str | None = None,
) -> Iterator[DocumentLines]:
    """Process ``inputs`` on a Dask cluster; yield results in input order.

    Args:
        inputs: (doc_id, path) pairs, as from :func:`vnextract.run.inputs.list_inputs`.
        scheduler: ``"local"`` or a scheduler address such as ``tcp://HOST:8786``.
        workers: worker processes of a local cluster (ignored for a remote one,
            whose size is read from the scheduler).
        entities: tag entities and officials too.
        encoding: decode every file with this encoding (None: detect each).
    Yields:
        One document's output lines per input, in the order of ``inputs``.
    """
    client, cluster = _client(scheduler, workers)
    try:
        slots = sum(w["nthreads"] for w in client.scheduler_info()["workers"].values())
        window = max(1, slots or workers) * IN_FLIGHT_PER_WORKER
        # the path goes as given, because it is the record's 'source'; pure=False:
        # the same path read twice (a re-run after an edit) must be processed again
        submitted = (
            client.submit(process_on_worker, doc_id, str(path), entities, encoding, pure=False)
            for doc_id, path in inputs
        )
        yield from ordered(submitted, window)
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
