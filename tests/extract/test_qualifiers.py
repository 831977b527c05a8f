"""Tests for the bounds a qualified figure allows (what the checks compare)."""

from __future__ import annotations

import math

import pytest

from miner.extract.figures import find_figures
from miner.extract.qualifiers import APPROX_TOLERANCE, bounds


@pytest.mark.parametrize(
    ("text", "low", "high"),
    [
        ("党员298名。", 298, 298),
        ("约300人。", 300 * (1 - APPROX_TOLERANCE), 300 * (1 + APPROX_TOLERANCE)),
        ("30余人。", 30, 40),
        ("1300余人。", 1300, 1400),
        ("5万多元。", 50000, 60000),
        ("十余户。", 10, 20),
        ("超过500人。", 500, math.inf),
        ("不少于3次。", 3, math.inf),
        ("95%以上。", 95, math.inf),
        ("不足10人。", 0, 10),
        ("15人以下。", 0, 15),
        ("8-10人。", 8, math.inf),
    ],
)
def test_bounds(text: str, low: float, high: float) -> None:
    [f] = find_figures(text)
    assert bounds(f) == (pytest.approx(low), pytest.approx(high))
