"""miner.analysis.keyness: G², log ratio and %DIFF against values worked out by hand."""

from __future__ import annotations

import math

import pandas as pd
import pytest

from miner.analysis.keyness import (
    compare,
    compare_counts,
    log_likelihood,
    log_ratio,
    percent_diff,
    significant,
)


def test_keyness_log_likelihood_worked_example() -> None:
    # 50 of 10,000 tokens against 20 of 20,000:
    # E1 = 10000 * 70 / 30000 = 23.333…, E2 = 20000 * 70 / 30000 = 46.666…
    # G² = 2 (50 ln(50 / 23.333) + 20 ln(20 / 46.667)) = 2 (38.10702 − 16.94596) = 42.3221
    assert log_likelihood(50, 20, 10_000, 20_000) == pytest.approx(42.3221, abs=1e-4)
    # equal rates: nothing to find
    assert log_likelihood(10, 20, 1000, 2000) == pytest.approx(0.0, abs=1e-12)
    # a zero count contributes nothing: 2 · 4 · ln(4 / 2) with E1 = 2
    assert log_likelihood(4, 0, 100, 100) == pytest.approx(8 * math.log(2))


def test_keyness_effect_sizes_worked_example() -> None:
    # relative frequencies 0.005 and 0.001: five times as frequent
    assert log_ratio(50, 20, 10_000, 20_000) == pytest.approx(math.log2(5))
    assert percent_diff(50, 20, 10_000, 20_000) == pytest.approx(400.0)
    assert percent_diff(0, 5, 100, 100) == pytest.approx(-100.0)
    assert percent_diff(3, 0, 100, 100) == math.inf
    # Hardie's correction: a zero count is read as 0.5
    assert log_ratio(4, 0, 100, 100) == pytest.approx(math.log2(4 / 0.5))


def test_keyness_compare_counts_orders_and_directions() -> None:
    frame = compare_counts(
        {"社区": 30, "活动": 10}, {"社区": 5, "活动": 40, "机关": 1}, min_count=2
    )
    assert frame["term"].tolist() == ["社区", "活动"]  # 机关 (1) is below min_count
    assert frame["direction"].tolist() == ["target", "reference"]
    assert frame["g2"].is_monotonic_decreasing
    row = frame.iloc[0]
    assert row["g2"] == pytest.approx(log_likelihood(30, 5, 40, 46))
    assert row["p_value"] < 0.001
    assert compare_counts({}, {"a": 3}).empty


def test_keyness_compare_groups(docs: pd.DataFrame) -> None:
    village = compare(docs, "unit_type", "村", min_count=1).set_index("term")
    # 村 has 12 tokens (see test_frequency), the rest 5 + 3: 村民 3 against 0
    assert village.loc["村民", "target_count"] == 3 and village.loc["村民", "reference_count"] == 0
    assert village.loc["村民", "g2"] == pytest.approx(log_likelihood(3, 0, 12, 8))
    assert village.loc["党员", "direction"] == "reference"
    school = compare(docs, "unit_type", ["学校"], reference="部门", min_count=1)
    assert set(school["target_count"].index) and "村民" not in set(school["term"])
    assert significant(village, g2=100).empty


def test_keyness_columns_match_the_formulas() -> None:
    target, reference = {"甲": 7, "乙": 0, "丙": 3}, {"甲": 2, "乙": 5, "丙": 3}
    frame = compare_counts(target, reference, min_count=1).set_index("term")
    c, d = 10, 10
    for term in target:
        a, b = target[term], reference[term]
        row = frame.loc[term]
        assert row["g2"] == pytest.approx(log_likelihood(a, b, c, d))
        assert row["log_ratio"] == pytest.approx(log_ratio(a, b, c, d))
        assert row["pct_diff"] == pytest.approx(percent_diff(a, b, c, d))
    assert frame.loc["乙", "direction"] == "reference" and frame.loc["丙", "g2"] == 0
