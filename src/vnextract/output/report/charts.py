"""Chart geometry for the report's server-side SVG (the templates draw, this module measures).

Two pictures where a table says less: how many records each indicator has in each
province (a heat map), and how one indicator's values move across periods (a line
per province).
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from typing import Any

NONE_LABEL = "(none)"
# Colour-blind-safe palette (Okabe-Ito) for the province lines.
PALETTE = ("#0072b2", "#e69f00", "#009e73", "#cc79a7", "#d55e00", "#56b4e9")


FONT_PX = 11.0  # the charts' font size (report.css: svg.chart text)
# Width of one character at FONT_PX, generous: Vietnamese capitals and digits in Noto Sans
# or DejaVu Sans run to about 0.62 em. Margins are measured with it so no label is clipped.
CHAR_PX = 0.62 * FONT_PX
# column labels of the heat map are turned 55 degrees up to the right
_SIN, _COS = math.sin(math.radians(55)), math.cos(math.radians(55))


def text_width(text: str) -> float:
    """Width ``text`` takes at the charts' font size, estimated on the generous side."""
    return len(text) * CHAR_PX


def format_number(value: float | None) -> str:
    """Vietnamese notation: '.' groups thousands, ',' is the decimal mark."""
    if value is None:
        return ""
    if value == int(value) and abs(value) < 1e15:
        return f"{int(value):,}".replace(",", ".")
    text = f"{value:,.4f}".rstrip("0").rstrip(".")
    return text.replace(",", "\0").replace(".", ",").replace("\0", ".")


@dataclass(slots=True)
class HeatCell:
    x: float
    y: float
    count: int
    opacity: float
    row: str
    col: str


@dataclass(slots=True)
class HeatMap:
    width: float
    height: float
    cell: float
    left: float
    top: float
    rows: list[tuple[str, float]] = field(default_factory=list)  # label, y
    cols: list[tuple[str, float]] = field(default_factory=list)  # label, x
    cells: list[HeatCell] = field(default_factory=list)
    hidden_rows: int = 0
    hidden_cols: int = 0


def heat_map(records: list[dict[str, Any]], *, max_rows: int = 20, max_cols: int = 15) -> HeatMap:
    """Records per indicator (rows) and province (columns), the busiest first.

    Args:
        records: rows of ``records.jsonl``.
        max_rows: indicators shown; the rest are counted in ``hidden_rows``.
        max_cols: provinces shown; the rest are counted in ``hidden_cols``.
    """
    counts: Counter[tuple[str, str]] = Counter(
        (r.get("indicator_id") or NONE_LABEL, r.get("province") or NONE_LABEL) for r in records
    )
    row_totals: Counter[str] = Counter()
    col_totals: Counter[str] = Counter()
    for (row, col), n in counts.items():
        row_totals[row] += n
        col_totals[col] += n
    rows = [name for name, _ in row_totals.most_common(max_rows)]
    cols = [name for name, _ in col_totals.most_common(max_cols)]
    cell = 34.0
    left = max((text_width(name) for name in rows), default=0.0) + 16
    top = max((text_width(name) * _SIN for name in cols), default=0.0) + FONT_PX + 16
    # a turned label runs right past its column: the last ones may need room beyond the grid
    right = max(
        (left + (j + 0.5) * cell + text_width(name) * _COS + 8 for j, name in enumerate(cols)),
        default=0.0,
    )
    chart = HeatMap(
        width=max(left + cell * max(len(cols), 1) + 20, right),
        height=top + cell * max(len(rows), 1) + 20,
        cell=cell,
        left=left,
        top=top,
        hidden_rows=max(0, len(row_totals) - len(rows)),
        hidden_cols=max(0, len(col_totals) - len(cols)),
    )
    chart.rows = [(name, top + i * cell) for i, name in enumerate(rows)]
    chart.cols = [(name, left + j * cell) for j, name in enumerate(cols)]
    peak = max(counts.values(), default=1)
    for i, row in enumerate(rows):
        for j, col in enumerate(cols):
            n = counts.get((row, col), 0)
            if n:
                chart.cells.append(
                    HeatCell(
                        x=left + j * cell,
                        y=top + i * cell,
                        count=n,
                        # sqrt keeps small counts visible next to one busy cell
                        opacity=round(0.15 + 0.85 * math.sqrt(n / peak), 3),
                        row=row,
                        col=col,
                    )
                )
    return chart


def _nice_ticks(top: float, count: int = 5) -> list[float]:
    """Round tick values from 0 to at least ``top``."""
    if top <= 0:
        return [0.0, 1.0]
    raw = top / count
    magnitude = 10 ** math.floor(math.log10(raw))
    step = next(m * magnitude for m in (1, 2, 2.5, 5, 10) if m * magnitude >= raw)
    return [step * i for i in range(count + 2) if step * (i - 1) < top]


@dataclass(slots=True)
class Line:
    label: str
    colour: str
    points: list[tuple[float, float, str, str]]  # x, y, period, value text

    @property
    def path(self) -> str:
        """SVG polyline points attribute."""
        return " ".join(f"{x:.1f},{y:.1f}" for x, y, _, _ in self.points)


@dataclass(slots=True)
class LineChart:
    indicator: str
    unit: str
    width: float
    height: float
    left: float
    top: float
    bottom: float
    right: float
    xticks: list[tuple[str, float]] = field(default_factory=list)
    yticks: list[tuple[str, float]] = field(default_factory=list)
    lines: list[Line] = field(default_factory=list)
    legend_x: float = 0.0  # where the legend (one entry per line, named) starts
    legend_title: str = "Province"
    x_title: str = "Period"


def period_charts(
    records: list[dict[str, Any]], *, how_many: int = 2, max_lines: int = len(PALETTE)
) -> list[LineChart]:
    """Values of the indicators reported for the most periods, one line per province.

    Only ``actual`` records with an indicator, a period and a province are drawn; where
    one province has several values for a period the largest is drawn (conflicts are
    flagged elsewhere; the chart shows the spread, not a verdict).
    """
    by_indicator: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for rec in records:
        if rec.get("kind", "actual") != "actual":
            continue
        if rec.get("indicator_id") and rec.get("period") and rec.get("province"):
            by_indicator[rec["indicator_id"]].append(rec)
    ranked = sorted(
        by_indicator.items(),
        key=lambda kv: (-len({r["period"] for r in kv[1]}), -len(kv[1]), kv[0]),
    )
    charts: list[LineChart] = []
    for indicator, recs in ranked[:how_many]:
        periods = sorted({r["period"] for r in recs})
        if len(periods) < 2:
            continue
        province_counts = Counter(r["province"] for r in recs)
        provinces = [p for p, _ in province_counts.most_common(max_lines)]
        best: dict[tuple[str, str], float] = {}
        for r in recs:
            if r["province"] in provinces and r.get("value") is not None:
                key = (r["province"], r["period"])
                best[key] = max(best.get(key, float("-inf")), float(r["value"]))
        units = Counter(r.get("unit") or "" for r in recs)
        unit = units.most_common(1)[0][0]
        ticks = _nice_ticks(max(best.values(), default=1.0))
        labels = [format_number(t) for t in ticks]
        drawn = [p for p in provinces if any((p, q) in best for q in periods)]
        # margins from the labels they hold: tick values on the left, the legend on the right
        plot_w, plot_h = 480.0, 250.0
        left = max(max(text_width(t) for t in labels) + 16, text_width(periods[0]) / 2 + 8)
        top, bottom = 34.0, 50.0
        legend_x = left + plot_w + max(24.0, text_width(periods[-1]) / 2 + 12)
        legend_w = 28 + max([text_width(p) for p in drawn] + [text_width("Province")])
        width, height = legend_x + legend_w + 12, top + plot_h + bottom
        ymax = ticks[-1] or 1.0
        step = plot_w / max(len(periods) - 1, 1)
        xs = {p: left + i * step for i, p in enumerate(periods)}
        chart = LineChart(
            indicator=indicator,
            unit=unit,
            width=width,
            height=height,
            left=left,
            top=top,
            bottom=top + plot_h,
            right=left + plot_w,
            xticks=[(p, xs[p]) for p in periods],
            yticks=[
                (label, top + plot_h * (1 - t / ymax))
                for label, t in zip(labels, ticks, strict=True)
            ],
            legend_x=legend_x,
        )
        for k, province in enumerate(provinces):
            points = [
                (
                    xs[p],
                    top + plot_h * (1 - best[(province, p)] / ymax),
                    p,
                    format_number(best[(province, p)]),
                )
                for p in periods
                if (province, p) in best
            ]
            if points:
                chart.lines.append(Line(province, PALETTE[k % len(PALETTE)], points))
        charts.append(chart)
    return charts
