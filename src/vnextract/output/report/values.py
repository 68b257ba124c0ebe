"""A record's normalised value as the report's tables show it, beside the number as written.

``320 tỷ`` is written; ``320.000.000.000`` is what a database receives. A reviewer checks
one against the other, so the tables show both, with the bound (``hơn`` → ``>``) in
front, the upper end of a range, the denominator of a ratio, and whether it is an estimate.
"""

from __future__ import annotations

from typing import Any

from vnextract.output.report.charts import format_number

# OUTPUT.md's bounds, as a reader writes them; "=" needs no sign
BOUND_SIGN = {"=": "", "~": "≈", ">": ">", "<": "<", ">=": "≥", "<=": "≤"}


def value_shown(rec: dict[str, Any]) -> str:
    """``≥ 1.200``, ``10–12``, ``18 / 21``: the normalised value in Vietnamese notation.

    >>> value_shown({"value": 320e9, "bound": "="})
    '320.000.000.000'
    >>> value_shown({"value": 10, "value_max": 12.5, "bound": ">"})
    '> 10–12,5'
    """
    value = rec.get("value")
    if value is None:
        return ""
    text = format_number(float(value))
    if rec.get("value_max") is not None:
        text += "–" + format_number(float(rec["value_max"]))
    if rec.get("total") is not None:
        text += " / " + format_number(float(rec["total"]))
    bound = rec.get("bound") or "="
    sign = BOUND_SIGN.get(bound, bound)
    return f"{sign} {text}" if sign else text
