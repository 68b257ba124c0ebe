"""A local Dask cluster of two worker processes writes what one process writes.

Real cluster, real worker processes (no mocks): the sample ``corpus/`` goes
through ``--scheduler local --workers 2`` and every output file, records first,
must equal the one-process run's byte for byte.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from vnextract.output.files import FILES
from vnextract.run.batch import run

pytest.importorskip("dask.distributed")

CORPUS = Path(__file__).resolve().parents[1] / "corpus"


def _records(out: Path) -> list[dict]:
    with open(out / "records.jsonl", encoding="utf-8") as f:
        return [json.loads(line) for line in f]


@pytest.mark.parametrize("workers", [2])
def test_batch_dask_local_cluster_gives_single_process_records(
    tmp_path: Path, workers: int
) -> None:
    single, dask = tmp_path / "single", tmp_path / "dask"
    run([CORPUS], single, entities=False, progress=False, workers=1)
    summary = run(
        [CORPUS], dask, entities=False, progress=False, workers=workers, scheduler="local"
    )
    assert summary.documents == len(list(CORPUS.iterdir()))
    records = _records(dask)
    assert records and records == _records(single)
    for name in FILES:
        assert (dask / name).read_bytes() == (single / name).read_bytes(), name
