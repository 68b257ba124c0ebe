"""The Python API: strings or files in, pandas DataFrames out.

>>> import vnextract
>>> result = vnextract.extract_text("Toàn tỉnh có 1.250 trạm BTS, tăng 8% so với cùng kỳ.",
...                                 entities=False)
>>> result.records[["value", "value_exact", "unit", "change_percent"]].to_dict("records")
[{'value': 1250.0, 'value_exact': '1250', 'unit': 'trạm bts', 'change_percent': 8.0}]

The CLI is a thin layer over the same functions: :meth:`Extraction.to_dir` writes the
files ``vnextract run`` writes, :meth:`Extraction.to_sql` loads them as ``vnextract load``
does.
"""

from __future__ import annotations

import json
import tempfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from decimal import Decimal
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import pandas as pd

    from vnextract.output.files import DocumentLines

_TABLES = {
    "documents": "documents.jsonl",
    "records": "records.jsonl",
    "entities": "entities.jsonl",
    "officials": "officials.jsonl",
}


def _exact(value: float | None) -> str | None:
    """The shortest decimal that reads back as ``value``: the figure as it was parsed, for every
    value of up to 15 significant digits (a press release has no longer ones)."""
    if value is None:
        return None
    return format(Decimal(repr(value)).normalize(), "f")


@dataclass(frozen=True)
class Extraction:
    """What was extracted from some documents: one DataFrame per output table."""

    lines: tuple[DocumentLines, ...]

    def _rows(self, name: str) -> Iterator[dict]:
        for document in self.lines:
            for line in document.lines.get(_TABLES[name], "").splitlines():
                yield json.loads(line)

    def _frame(self, name: str) -> pd.DataFrame:
        import pandas as pd

        from vnextract.output.contract import columns

        # the contract's columns, so that an empty table still has them
        return pd.DataFrame(list(self._rows(name)), columns=columns(name))

    @cached_property
    def documents(self) -> pd.DataFrame:
        """One row per document (``documents.jsonl``), with ``status`` and ``error``."""
        return self._frame("documents")

    @cached_property
    def records(self) -> pd.DataFrame:
        """One row per indicator record; ``value_exact`` is the exact value as text."""
        frame = self._frame("records")
        frame.insert(frame.columns.get_loc("value") + 1, "value_exact", frame["value"].map(_exact))
        return frame

    @cached_property
    def entities(self) -> pd.DataFrame:
        """One row per entity mention."""
        return self._frame("entities")

    @cached_property
    def officials(self) -> pd.DataFrame:
        """One row per person-title(-agency) link."""
        return self._frame("officials")

    def to_dir(self, out_dir: Path | str) -> Path:
        """Write the output files ``vnextract run`` writes into ``out_dir``; returns it."""
        from vnextract.output.files import OutputWriter

        with OutputWriter(out_dir) as writer:
            for document in self.lines:
                writer.add(document)
        return Path(out_dir)

    def to_sql(self, url: str) -> object:
        """Load into a database (``sqlite:///file.db``, ``postgresql://...``), as
        ``vnextract load`` does; returns the loader's statistics."""
        from vnextract.output.db import load_output

        with tempfile.TemporaryDirectory(prefix="vnextract-") as tmp:
            return load_output(self.to_dir(Path(tmp) / "out"), url)


def extract_text(
    text: str,
    doc_id: str = "doc",
    *,
    entities: bool = True,
) -> Extraction:
    """Extract one article given as a string.

    Args:
        text: the article's text (plain text; decoded already).
        doc_id: the id its rows carry.
        entities: tag entities and officials too (slower).
    Returns:
        An :class:`Extraction` of the one document.
    """
    from vnextract.output.files import serialise

    result = _extractor(entities).process_text(text, doc_id)
    return Extraction((serialise(result),))


def extract(
    paths: Iterable[Path | str] | Path | str,
    *,
    workers: int | None = 1,
    entities: bool = True,
    encoding: str | None = None,
) -> Extraction:
    """Extract files or folders of articles, as ``vnextract run`` does, into memory.

    Args:
        paths: files or folders (walked recursively, sorted).
        workers: processes to extract with (None: one per core).
        entities: tag entities and officials too (slower).
        encoding: decode every file with this encoding instead of detecting each one's.
    Returns:
        An :class:`Extraction`; a bad file is a row of ``documents`` with status ``error``.
    """
    from vnextract.run.batch import document_lines

    if isinstance(paths, (str, Path)):
        paths = [paths]
    lines = document_lines(paths, workers=workers, entities=entities, encoding=encoding)
    return Extraction(tuple(lines))


_EXTRACTORS: dict[bool, object] = {}


def _extractor(entities: bool):
    # built once per process: loading the rules and the segmenter takes seconds
    from vnextract.pipeline import Extractor

    if entities not in _EXTRACTORS:
        _EXTRACTORS[entities] = Extractor(entities=entities)
    return _EXTRACTORS[entities]
