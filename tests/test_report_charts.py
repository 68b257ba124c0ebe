"""Tests for vnextract.output.report.charts: what the SVG charts count and where points go."""

from __future__ import annotations

from typing import Any

import pytest

from vnextract.output.report.charts import format_number, heat_map, period_charts


def _rec(indicator: str | None, province: str | None, period: str | None = None,
         value: float = 1.0, kind: str = "actual") -> dict[str, Any]:  # fmt: skip
    return {"indicator_id": indicator, "province": province, "period": period,
            "value": value, "unit": "trạm", "kind": kind}  # fmt: skip


@pytest.mark.parametrize(
    ("value", "text"),
    [(2957000, "2.957.000"), (81.62, "81,62"), (0.5, "0,5"), (None, ""), (1234.5, "1.234,5")],
)
def test_report_charts_format_number_vietnamese(value: float | None, text: str) -> None:
    assert format_number(value) == text


def test_report_charts_heat_map_counts_and_hides_the_rest() -> None:
    records = [_rec("bts", "Sơn La")] * 3 + [_rec("bts", "Điện Biên"), _rec(None, "Sơn La")]
    chart = heat_map(records, max_rows=1, max_cols=5)
    assert [name for name, _ in chart.rows] == ["bts"]
    assert {(c.row, c.col): c.count for c in chart.cells} == {
        ("bts", "Sơn La"): 3,
        ("bts", "Điện Biên"): 1,
    }
    assert chart.hidden_rows == 1
    assert max(c.opacity for c in chart.cells) == 1.0


def test_report_charts_period_chart_one_line_per_province() -> None:
    records = [
        _rec("bts", "Sơn La", "2021", 100),
        _rec("bts", "Sơn La", "2022", 150),
        _rec("bts", "Sơn La", "2023", 200),
        _rec("bts", "Lai Châu", "2023", 80),
        _rec("bts", "Sơn La", "2024", 900, kind="target"),  # targets are not drawn
        _rec("other", "Sơn La", "2023", 5),  # one period only: no chart
    ]
    charts = period_charts(records)
    assert [c.indicator for c in charts] == ["bts"]
    (chart,) = charts
    assert [label for label, _ in chart.xticks] == ["2021", "2022", "2023"]
    lines = {line.label: line for line in chart.lines}
    son_la = [y for _, y, _, _ in lines["Sơn La"].points]
    assert son_la == sorted(son_la, reverse=True)  # rising values go up the screen
    assert all(chart.top <= y <= chart.bottom for y in son_la)
    assert [p[2] for p in lines["Lai Châu"].points] == ["2023"]
