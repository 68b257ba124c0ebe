"""docs/OUTPUT.md's field tables, written from the output contract.

``python -m vnextract.output.contract_doc docs/OUTPUT.md`` rewrites them;
``tests/test_contract.py`` fails when they disagree with the contract.
"""

from __future__ import annotations

import sys
from pathlib import Path

from vnextract.output.contract import TABLES, Table


def markdown(table: Table) -> str:
    """The table's fields as the Markdown table docs/OUTPUT.md shows."""
    lines = ["| field | type | meaning |", "|---|---|---|"]
    for field in table.fields:
        kind = {"list[note]": "list of objects"}.get(field.kind, field.kind)
        kind = kind + " or null" if field.nullable else kind
        lines.append(f"| `{field.name}` | {kind} | {field.description} |")
    return "\n".join(lines)


def render_doc(text: str) -> str:
    """``text`` (docs/OUTPUT.md) with each contract block rewritten from the tables.

    A block lies between ``<!-- contract:NAME -->`` and ``<!-- /contract:NAME -->``.
    """
    for table in TABLES.values():
        start, end = f"<!-- contract:{table.name} -->", f"<!-- /contract:{table.name} -->"
        if start not in text:
            continue
        head, rest = text.split(start, 1)
        _, tail = rest.split(end, 1)
        text = f"{head}{start}\n{markdown(table)}\n{end}{tail}"
    return text


def main(argv: list[str] | None = None) -> int:
    """Rewrite the field tables of docs/OUTPUT.md (given path) from the contract."""
    args = sys.argv[1:] if argv is None else argv
    path = Path(args[0] if args else "docs/OUTPUT.md")
    text = path.read_text(encoding="utf-8")
    path.write_text(render_doc(text), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
