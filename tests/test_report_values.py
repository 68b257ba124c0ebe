"""Tests for vnextract.output.report.values: the normalised value the report's tables show."""

from __future__ import annotations

from typing import Any

import pytest

from vnextract.output.report.values import value_shown


@pytest.mark.parametrize(
    ("fields", "shown"),
    [
        ({"value": 2957000.0, "bound": "="}, "2.957.000"),
        ({"value": 4.67e12, "bound": "="}, "4.670.000.000.000"),
        ({"value": 81.62}, "81,62"),  # no bound: as "="
        ({"value": 200.0, "bound": ">"}, "> 200"),
        ({"value": 95.0, "bound": ">="}, "≥ 95"),
        ({"value": 3.0, "bound": "<="}, "≤ 3"),
        ({"value": 1500.0, "bound": "~"}, "≈ 1.500"),
        ({"value": 10.0, "value_max": 12.0, "bound": "="}, "10–12"),
        ({"value": 9.0, "total": 17.0, "bound": "="}, "9 / 17"),
        ({"value": -8.5, "bound": "="}, "-8,5"),
        ({"value": None}, ""),
    ],
)
def test_report_values_value_shown(fields: dict[str, Any], shown: str) -> None:
    assert value_shown(fields) == shown
