"""Write a run's output files atomically (see docs/OUTPUT.md).

Everything is written into a hidden staging folder inside the output folder and
moved into place only when the run finishes, so a crash, Ctrl-C, SIGTERM or a full
disk never leaves a half-written file: the previous outputs stay as they were.

A document's lines are made by :func:`serialise` where the document was processed
(in a worker process, when there are several) and only written here: strings
travel between processes faster than records do, and the process that writes,
which shares the cores with the workers, has little left to do.
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from operator import attrgetter
from pathlib import Path
from types import TracebackType

from vnextract.core.errors import Errors, OutputWriteError
from vnextract.core.model import DocumentResult, Entity, Official, Record
from vnextract.output.contract import RECORDS, SCHEMA_VERSION, columns
from vnextract.output.csvsafe import safe_row, text_columns
from vnextract.output.outset import STAGE_PREFIX, folder_lock, prepare_folder, publish, sweep_stages

CSV_BATCH = 5000  # records held before they are written to records.csv
FILES = ("documents.jsonl", "records.jsonl", "entities.jsonl", "officials.jsonl", "records.csv")
CSV_COLUMNS = list(RECORDS.csv)
# records.csv columns that hold numbers (or booleans): written as they are; every other
# column is text, and a text cell a spreadsheet would run as a formula is neutralised
CSV_NUMERIC = frozenset(c for c in CSV_COLUMNS if RECORDS.field(c).kind in {"int", "float", "bool"})
_CSV_TEXT_AT = text_columns(CSV_COLUMNS, CSV_NUMERIC)

# documents.jsonl fields that are not attributes of DocumentResult of the same name
_COMPUTED: dict[str, Callable[[DocumentResult], object]] = {
    "schema_version": lambda _: SCHEMA_VERSION,
    "n_records": lambda r: len(r.records),
    "n_entities": lambda r: len(r.entities),
    "n_officials": lambda r: len(r.officials),
}
_DOCUMENT_FIELDS = tuple(
    (name, _COMPUTED.get(name, attrgetter(name))) for name in columns("documents")
)
# the contract's table for each row type; its field order is the written order
_ROW_TABLE = {Record: "records", Entity: "entities", Official: "officials"}


def document_row(result: DocumentResult) -> dict:
    """The documents.jsonl line of one result, fields in contract order."""
    return {name: value(result) for name, value in _DOCUMENT_FIELDS}


@cache
def _field_names(cls: type) -> tuple[str, ...]:
    return tuple(columns(_ROW_TABLE[cls]))


def flat_row(obj: Record | Entity | Official) -> dict:
    """A record, entity or official as its JSONL row, fields in contract order.

    ``dataclasses.asdict`` would make a deep copy and took a third of the writer.
    """
    return {name: getattr(obj, name) for name in _field_names(type(obj))}


def _line(obj: dict) -> str:
    return json.dumps(obj, ensure_ascii=False) + "\n"


@dataclass(frozen=True)
class DocumentLines:
    """One document's output, serialised, and what the run summary counts of it."""

    doc_id: str
    status: str
    error: str | None
    characters: int
    records: int
    entities: int
    # output file -> this document's lines in it (records.csv aside)
    lines: dict[str, str]
    # this document's records.csv rows, values in CSV_COLUMNS order, formulas neutralised
    csv_rows: list[tuple]


def serialise(result: DocumentResult) -> DocumentLines:
    """The lines ``result`` adds to every output file."""
    rows = [flat_row(r) for r in result.records]
    lines = {
        "documents.jsonl": _line(document_row(result)),
        "records.jsonl": "".join(map(_line, rows)),
        "entities.jsonl": "".join(_line(flat_row(e)) for e in result.entities),
        "officials.jsonl": "".join(_line(flat_row(o)) for o in result.officials),
    }
    return DocumentLines(
        doc_id=result.doc_id,
        status=result.status,
        error=result.error,
        characters=len(result.text),
        records=len(result.records),
        entities=len(result.entities),
        lines=lines,
        csv_rows=[safe_row(tuple(row[c] for c in CSV_COLUMNS), _CSV_TEXT_AT) for row in rows],
    )


class OutputWriter:
    """Stream results into staging files; ``close()`` publishes them into ``out_dir`` as one set.

    Use as a context manager: on an exception nothing in ``out_dir`` changes. The folder
    is locked (:mod:`vnextract.output.outset`) from the start to the end, so a second run into
    it is refused; staging folders of killed runs are removed on the way in.

    Raises:
        VnextractError: ``out_dir`` is a file or cannot be created.
        OutputLockedError: another run is writing ``out_dir``.
        OutputWriteError: a write failed (disk full ...); the staged files are gone.
    """

    def __init__(self, out_dir: Path | str) -> None:
        self.out_dir = prepare_folder(out_dir)
        lock = folder_lock(self.out_dir)
        lock.__enter__()
        self._lock: contextlib.AbstractContextManager | None = lock
        self._handles: dict = {}
        self._stage: Path | None = None
        try:
            sweep_stages(self.out_dir)
            self._stage = Path(tempfile.mkdtemp(prefix=STAGE_PREFIX, dir=self.out_dir))
            for name in FILES:
                self._handles[name] = open(  # noqa: SIM115
                    self._stage / name, "w", encoding="utf-8", newline=""
                )
        except OSError as exc:
            self.abort()
            raise self._write_error(exc) from None
        self._rows: list[tuple] = []
        self._csv_header = True

    def _write_error(self, exc: OSError) -> OutputWriteError:
        reason = exc.strerror or str(exc)
        return OutputWriteError(Errors.E023.format(path=self.out_dir, reason=reason))

    def add(self, document: DocumentLines) -> None:
        """Append one document's lines to every output file."""
        try:
            for name, text in document.lines.items():
                if text:
                    self._handles[name].write(text)
            # rows go to pandas in batches: one DataFrame per document cost a tenth of a run
            self._rows.extend(document.csv_rows)
            if len(self._rows) >= CSV_BATCH:
                self._flush_csv()
        except OSError as exc:
            raise self._write_error(exc) from None

    def _flush_csv(self) -> None:
        if self._rows or self._csv_header:
            import pandas as pd  # here: worker processes import this module, not pandas

            frame = pd.DataFrame.from_records(self._rows, columns=CSV_COLUMNS)
            frame.to_csv(self._handles["records.csv"], index=False, header=self._csv_header)
            self._csv_header = False
            self._rows = []

    def close(self) -> None:
        """Flush, then move every staged file into place and the manifest last."""
        assert self._stage is not None
        try:
            self._flush_csv()
            for handle in self._handles.values():
                handle.flush()
                os.fsync(handle.fileno())
                handle.close()
            publish(self._stage, self.out_dir, FILES)
        except OSError as exc:
            raise self._write_error(exc) from None
        self._finish()

    def abort(self) -> None:
        """Drop the staged files; the output folder keeps its previous contents."""
        for handle in self._handles.values():
            # a full disk refuses the last buffered bytes: they are dropped anyway
            with contextlib.suppress(OSError):
                handle.close()
        self._finish()

    def _finish(self) -> None:
        if self._stage is not None:
            shutil.rmtree(self._stage, ignore_errors=True)
            self._stage = None
        if self._lock is not None:
            self._lock.__exit__(None, None, None)
            self._lock = None

    def __enter__(self) -> OutputWriter:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        if exc_type is not None:
            self.abort()
            return
        try:
            self.close()
        except BaseException:
            self.abort()
            raise
