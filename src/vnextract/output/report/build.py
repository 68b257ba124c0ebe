"""Build the self-contained HTML review report for one output folder.

Pages: ``index.html`` (every document), ``records.html`` (every record, sortable and
filterable), ``charts.html`` (server-side SVG) and ``docs/<doc>.html`` (one per
document). CSS and JS ship in the package and are inlined into each page, so the report
opens from the file system with no network.
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter, defaultdict
from functools import lru_cache
from pathlib import Path
from typing import Any
from urllib.parse import quote

from jinja2 import Environment, FileSystemLoader, StrictUndefined
from markupsafe import Markup

from vnextract.core.errors import Errors
from vnextract.output.outset import add_companions, folder_lock
from vnextract.output.report.charts import format_number, heat_map, period_charts
from vnextract.output.report.flags import FLAG_LABEL, FLAG_TEXT, Flags, Look, compute_flags
from vnextract.output.report.layout_doc import document_events, sentence_start
from vnextract.output.report.load import OutputFolder, ReportInputError, read_output
from vnextract.output.report.stage import write_whole
from vnextract.output.report.values import value_shown

_HERE = Path(__file__).parent
_UNSAFE = re.compile(r"[^A-Za-z0-9._-]")
# Fields shown when a highlight is clicked, in this order.
_RECORD_FIELDS = (
    "value_text", "value", "value_max", "unit", "subject", "indicator_id", "bound",
    "estimated", "kind", "total", "per", "plan_percent", "change_percent", "period",
    "province", "agency", "rule", "record_id",
)  # fmt: skip


@lru_cache(maxsize=1)
def _environment() -> Environment:
    """One Jinja environment; autoescape always on (templates end in .html.j2)."""
    env = Environment(
        loader=FileSystemLoader(_HERE / "templates"),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["num"] = format_number
    env.globals["css"] = Markup((_HERE / "static" / "report.css").read_text(encoding="utf-8"))
    # Package file, not article text: safe to inline raw; "</script" would end the tag early.
    js = (_HERE / "static" / "report.js").read_text(encoding="utf-8")
    assert "</script" not in js.lower()
    env.globals["js"] = Markup(js)
    return env


def page_name(doc_id: str) -> str:
    """File name of a document's page: the doc_id where safe, else a cleaned one plus hash."""
    safe = _UNSAFE.sub("_", doc_id)
    if safe != doc_id or not safe:
        safe = f"{safe}-{hashlib.sha1(doc_id.encode('utf-8')).hexdigest()[:8]}"
    return f"{safe}.html"


def _sentence_parts(text: str, rec: dict[str, Any]) -> tuple[str, str, str]:
    """The source sentence cut around the number, so the table can emphasise it."""
    sentence = rec.get("sentence") or ""
    start = sentence_start(text, sentence, rec["char_start"])
    if start is None:
        return sentence, "", ""
    a = rec["char_start"] - start
    b = min(len(sentence), rec["char_end"] - start)
    return sentence[:a], sentence[a:b], sentence[b:]


def _record_row(rec: dict[str, Any], text: str, flags: Flags, href: str) -> dict[str, Any]:
    pre, num, post = _sentence_parts(text, rec)
    row = {key: rec.get(key) for key in _RECORD_FIELDS}
    row.update(
        doc_id=rec["doc_id"],
        href=f"{href}#r-{quote(rec['record_id'])}",
        flags=[f.kind for f in flags.for_record(rec["record_id"])],
        flag_text=[f.text for f in flags.for_record(rec["record_id"])],
        flag_label=[f.label for f in flags.for_record(rec["record_id"])],
        sentence=[pre, num, post],
        value_shown=value_shown(rec),
        estimated=bool(rec.get("estimated")),
    )
    return row


def _write(path: Path, template: str, **context: Any) -> None:
    html = _environment().get_template(template).render(**context)
    path.write_text(html, encoding="utf-8")


def _report_key(out_dir: Path) -> str:
    """Key of this report's decisions in localStorage: one per output folder."""
    return hashlib.sha1(str(out_dir.resolve()).encode("utf-8")).hexdigest()[:12]


def _select_options(rows: list[dict[str, Any]]) -> dict[str, list[str]]:
    options: dict[str, set[str]] = defaultdict(set)
    for row in rows:
        for key in ("province", "indicator_id", "unit", "kind"):
            options[key].add(row[key] if row[key] is not None else "")
        options["flag"].update(row["flags"])
    return {key: sorted(values) for key, values in options.items()}


def _by_doc(rows: list[dict[str, Any]]) -> dict[str, list[dict[str, Any]]]:
    grouped: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for row in rows:
        grouped[row["doc_id"]].append(row)
    return grouped


def _write_documents(
    data: OutputFolder, docs_dir: Path, flags: Flags, key: str
) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """One page per document; the index rows and all record rows."""
    records_by_doc = _by_doc(data.records)
    entities_by_doc = _by_doc(data.entities)
    officials_by_doc = _by_doc(data.officials)
    index_rows: list[dict[str, Any]] = []
    all_rows: list[dict[str, Any]] = []
    for doc in data.documents:
        doc_id = doc["doc_id"]
        text = doc.get("text") or ""
        name = page_name(doc_id)
        recs = sorted(records_by_doc.get(doc_id, []), key=lambda r: r["char_start"])
        ents = entities_by_doc.get(doc_id, [])
        notes = flags.notes_by_doc.get(doc_id, [])
        rows = [_record_row(r, text, flags, name) for r in recs]
        all_rows.extend(_record_row(r, text, flags, f"docs/{name}") for r in recs)
        _write(
            docs_dir / name,
            "document.html.j2",
            doc=doc,
            events=document_events(text, recs, ents, notes),
            rows=rows,
            notes=notes,
            officials=officials_by_doc.get(doc_id, []),
            labels=Counter(e["label"] for e in ents),
            flag_text=FLAG_TEXT,
            report_key=key,
            root="../",
        )
        index_rows.append(
            {
                "doc": doc,
                "href": f"docs/{quote(name)}",
                "records": len(recs),
                "entities": len(ents),
                "look": flags.look(doc_id, [r["record_id"] for r in recs]),
            }
        )
    return index_rows, all_rows


def build_report(data: OutputFolder, report_dir: Path) -> Path:
    """Write every page for already-read output into ``report_dir``; return index.html."""
    docs_dir = report_dir / "docs"
    docs_dir.mkdir(parents=True, exist_ok=True)
    flags = compute_flags(data.documents, data.records)
    key = _report_key(data.path)

    index_rows, all_rows = _write_documents(data, docs_dir, flags, key)
    errors = [row for row in index_rows if row["doc"].get("status") != "ok"]
    _write(
        report_dir / "records.html",
        "records.html.j2",
        rows=all_rows,
        options=_select_options(all_rows),
        flag_text=FLAG_TEXT,
        flag_label=FLAG_LABEL,
        report_key=key,
        root="",
    )
    _write(
        report_dir / "charts.html",
        "charts.html.j2",
        heat=heat_map(data.records),
        lines=period_charts(data.records),
        report_key=key,
        root="",
    )
    index = report_dir / "index.html"
    _write(
        index,
        "index.html.j2",
        rows=index_rows,
        errors=errors,
        total_records=len(data.records),
        # the sum of the "Need a look" column, so the two can never disagree
        total_look=sum((row["look"] for row in index_rows), Look()),
        out_dir=str(data.path),
        report_key=key,
        root="",
    )
    return index


def write_report(out_dir: Path, *, report_dir: Path | None = None) -> Path:
    """Write the HTML review report for a ``vnextract run`` output folder.

    Args:
        out_dir: the folder holding ``documents.jsonl`` and friends (OUTPUT.md).
        report_dir: where to write the pages; defaults to ``out_dir / "report"``.

    Returns:
        The path of the index page, ready to open in a browser.

    Raises:
        ReportInputError: the output folder is missing or malformed, or ``report_dir``
            is a file; the message says how to fix it.
    """
    out_dir = Path(out_dir)
    report_dir = Path(report_dir) if report_dir is not None else out_dir / "report"
    if report_dir.exists() and not report_dir.is_dir():
        raise ReportInputError(Errors.E403.format(path=report_dir))
    taken = report_dir.is_dir() and any(report_dir.iterdir())
    if taken and not (report_dir / "index.html").is_file():  # the pages replace it whole
        raise ReportInputError(Errors.E404.format(path=report_dir))
    inside = report_dir.resolve().parent == out_dir.resolve()
    if not inside or not (out_dir / "documents.jsonl").is_file():
        data = read_output(out_dir)
        return write_whole(report_dir, lambda stage: build_report(data, stage))
    # inside the output folder the report is part of its set: no run may publish meanwhile
    with folder_lock(out_dir):
        data = read_output(out_dir)
        index = write_whole(report_dir, lambda stage: build_report(data, stage))
        add_companions(out_dir, report=report_dir)
    return index
