"""Tests for the digit tests (Benford first digit, last-digit uniformity) and the
digit facts they rest on. Figures are built here, not read from any corpus."""

from __future__ import annotations

import json
import math
import random

import pytest
from hypothesis import given
from hypothesis import strategies as st
from scipy.stats import chi2

from miner.extract.digits import (
    BENFORD,
    MIN_FIGURES,
    chi2_sf,
    chi2_sf_exact,
    digit_tests,
    first_digit,
    is_round,
    last_digit,
    verdict,
    written_number,
)
from miner.extract.figures import find_figures
from miner.models import Article, Figure


def fig(
    raw: str,
    value: float,
    unit: str = "人",
    qualifier: str = "exact",
    doc: str = "d1",
    unit_class: str | None = "people",
    subject: str | None = None,
) -> Figure:
    return Figure(doc, None, raw, value, unit, qualifier, subject, "", 0, len(raw), unit_class)


def the(text: str) -> Figure:
    [f] = find_figures(text)
    return f


# -- digit facts ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("21.6万元", ("21.6", "万")),
        ("1,200元", ("1200", "")),
        ("903，065，000元", ("903065000", "")),
        ("１２０个", ("120", "")),
        ("3.5亿元", ("3.5", "亿")),
        ("两次", None),
        ("百分之九十五", None),
    ],
)
def test_written_number(raw: str, expected: tuple[str, str] | None) -> None:
    assert written_number(raw) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("培训党员300名。", True),
        ("投资5000元。", True),
        ("投资30万元。", True),
        ("投资12万元。", True),
        ("建成三十个站点。", True),
        ("投资21.6万元。", False),
        ("走访2925人。", False),
        ("投资5232亿元。", False),
        ("建成十五个站点。", False),
        ("投资8元。", False),
    ],
)
def test_is_round(text: str, expected: bool) -> None:
    assert is_round(the(text)) is expected


def test_first_and_last_digit() -> None:
    assert first_digit(216000) == 2
    assert first_digit(0.35) == 3
    assert first_digit(0) is None
    assert last_digit(the("投资21.6万元。")) == 6
    assert last_digit(the("走访2920人。")) == 0
    assert last_digit(the("走访5人。")) is None  # one digit says nothing
    assert last_digit(the("走访三十人。")) is None  # Chinese numeral
    assert last_digit(the("增长0.35%。")) == 5


# -- statistics ----------------------------------------------------------------------


@pytest.mark.parametrize("df", [1, 2, 8, 9])
@pytest.mark.parametrize("x", [0.5, 3.84, 15.5, 40.0])
def test_chi2_sf_matches_scipy(x: float, df: int) -> None:
    assert chi2_sf(x, df) == pytest.approx(float(chi2.sf(x, df)), abs=1e-12)
    assert chi2_sf_exact(x, df) == pytest.approx(float(chi2.sf(x, df)), abs=1e-12)


@given(st.floats(min_value=0, max_value=1e4), st.sampled_from([8, 9]))
def test_chi2_sf_is_scipy_stats_to_the_last_bit(x: float, df: int) -> None:
    # digit_tests rounds p-values to 6 places: the same float, or a table could change
    assert chi2_sf(x, df) == float(chi2.sf(x, df))


def test_verdict_bands() -> None:
    assert verdict(0.5, 0.05) == "conforms"
    assert verdict(0.03, 0.05) == "marginal"
    assert verdict(0.001, 0.05) == "deviates"
    assert verdict(0.001, 0.01) == "marginal"  # large n: significant but small


# -- the table -----------------------------------------------------------------------


def benford_values(n: int, seed: int = 1) -> list[float]:
    """Values spread over four orders of magnitude, log-uniform: Benford by design."""
    rng = random.Random(seed)
    return [math.floor(10 ** rng.uniform(1, 5)) for _ in range(n)]


def test_digit_tests_conforming_and_rigged() -> None:
    arts = [
        Article("a", "a.txt", 1, None, "", unit_type="乡镇", unit_name="东镇"),
        Article("b", "b.txt", 1, None, "", unit_type="乡镇", unit_name="西镇"),
    ]
    honest = [fig(f"{v}人", v, doc="a", subject=str(i)) for i, v in enumerate(benford_values(600))]
    # Invented figures: first digits spread evenly, every one ending in 0 or 5.
    rigged = [
        fig(f"{d}{k}{e}0人", d * 1000 + k * 100 + e * 10, doc="b", subject=str(i))
        for i, (d, k, e) in enumerate(
            (d, k, e) for d in range(1, 10) for k in range(10) for e in (0, 5)
        )
    ]
    rows = {(r.scope, r.group_name, r.test): r for r in digit_tests(arts, honest + rigged)}
    assert rows[("unit_name", "东镇", "first_digit_benford")].verdict == "conforms"
    assert rows[("unit_name", "东镇", "last_digit_uniform")].verdict == "conforms"
    assert rows[("unit_name", "西镇", "first_digit_benford")].verdict == "deviates"
    assert rows[("unit_name", "西镇", "last_digit_uniform")].verdict == "deviates"
    corpus = rows[("corpus", "all", "first_digit_benford")]
    assert corpus.n == 600 + 180
    assert sum(json.loads(corpus.counts)) == corpus.n
    assert len(json.loads(rows[("corpus", "all", "last_digit_uniform")].counts)) == 10
    assert ("unit_type", "乡镇", "first_digit_benford") in rows
    scopes = [r.scope for r in digit_tests(arts, honest + rigged)]
    assert scopes == sorted(scopes, key=["corpus", "unit_type", "unit_name"].index)


def test_digit_tests_need_enough_figures() -> None:
    arts = [Article("a", "a.txt", 1, None, "")]
    few = [fig(f"{v}人", v, subject=str(i)) for i, v in enumerate(benford_values(MIN_FIGURES - 1))]
    assert digit_tests(arts, few) == []
    enough = [fig(f"{v}人", v, subject=str(i)) for i, v in enumerate(benford_values(MIN_FIGURES))]
    assert [r.test for r in digit_tests(arts, enough)] == [
        "first_digit_benford",
        "last_digit_uniform",
    ]


def test_digit_tests_leave_out_unsuitable_figures() -> None:
    arts = [Article("a", "a.txt", 1, None, "")]
    values = benford_values(MIN_FIGURES)
    rates = [
        fig(f"{v % 100}%", v % 100, "%", unit_class="rate", subject=str(i))
        for i, v in enumerate(values)
    ]
    durations = [
        fig(f"{v}天", v, "天", unit_class="time", subject=str(i)) for i, v in enumerate(values)
    ]
    assert digit_tests(arts, rates + durations) == []
    # Approximate figures keep their first digit but not their last one.
    approx = [fig(f"{v}人", v, qualifier="approx", subject=str(i)) for i, v in enumerate(values)]
    assert [r.test for r in digit_tests(arts, approx)] == ["first_digit_benford"]
    # A claim stated twice in one article counts once.
    twice = [fig(f"{v}人", v, subject="党员") for v in values[:20]] * 2
    assert digit_tests(arts, twice) == []


def test_benford_expectations_sum_to_one() -> None:
    assert sum(BENFORD) == pytest.approx(1.0)


def test_digit_tests_grouped_by_document_give_the_same_rows() -> None:
    arts = [
        Article("a", "a.txt", 1, None, "", unit_type="乡镇", unit_name="东镇"),
        Article("b", "b.txt", 1, None, "", unit_type="乡镇", unit_name="西镇"),
    ]
    values = benford_values(200)
    figures = [fig(f"{v}人", v, doc="a") for v in values] + [
        fig(f"{v}人", v, doc="b", subject="党员") for v in values[:80]
    ]
    assert digit_tests(arts, figures, grouped=True) == digit_tests(arts, figures)
    assert digit_tests(arts, figures)
    with pytest.raises(ValueError, match="not grouped"):
        digit_tests(arts, figures[:5] + figures[-5:] + figures[5:10], grouped=True)
