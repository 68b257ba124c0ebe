"""A record's highlight covers its whole written expression when the output says where it ends."""

import pytest

from vnextract.output.report.layout_doc import document_events

TEXT = "Doanh thu ước đạt 4.670 tỷ đồng, mật độ đạt 81,62 máy/100 dân."


def _marked(records: list[dict]) -> list[str]:
    out, depth, buf = [], 0, []
    for ev in document_events(TEXT, records, [], []):
        if ev.kind == "open" and ev.piece is not None and ev.piece.span.kind == "record":
            depth, buf = depth + 1, []
        elif ev.kind == "text" and depth:
            buf.append(ev.text)
        elif ev.kind == "close" and ev.piece is not None and ev.piece.span.kind == "record":
            depth -= 1
            out.append("".join(buf))
    return out


def _record(value_text: str, unit: str, expr: str | None) -> dict:
    start = TEXT.index(value_text)
    rec = {
        "record_id": value_text,
        "char_start": start,
        "char_end": start + len(value_text),
        "value_text": value_text,
        "unit": unit,
        "subject": "",
        "sentence": TEXT,
    }
    if expr is not None:
        rec["expr_char_end"] = TEXT.index(expr) + len(expr)
    return rec


@pytest.mark.parametrize(
    ("value_text", "unit", "expr", "marked"),
    [
        ("4.670", "VND", "4.670 tỷ đồng", "4.670 tỷ đồng"),
        ("81,62", "máy", "81,62 máy/100 dân", "81,62 máy/100 dân"),
        ("81,62", "máy", None, "81,62 máy"),  # older output: the searched unit only
    ],
)
def test_report_units_highlight_the_whole_expression(value_text, unit, expr, marked):
    assert _marked([_record(value_text, unit, expr)]) == [marked]
