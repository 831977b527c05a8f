"""miner.analysis.collocations: window counts and measures by hand."""

from __future__ import annotations

import math

import pandas as pd
import pytest

from miner.analysis.collocations import collocates
from miner.analysis.keyness import log_likelihood


def test_collocations_measures_by_hand() -> None:
    docs = pd.DataFrame({"words": ["甲 乙 节点 乙 丙", "乙 丁 丁"]})
    found = collocates(docs, "节点", window=1, min_count=1).set_index("collocate")
    assert found.index.tolist() == ["乙"]
    row = found.loc["乙"]
    # N = 8 tokens, W = 2 window slots, f(乙) = 3: E = 3 · 2 / 8 = 0.75
    assert row["observed"] == 2 and (row["left"], row["right"]) == (1, 1)
    assert row["expected"] == pytest.approx(0.75)
    assert row["mi"] == pytest.approx(math.log2(2 / 0.75))
    assert row["t_score"] == pytest.approx((2 - 0.75) / math.sqrt(2))
    assert row["g2"] == pytest.approx(log_likelihood(2, 1, 2, 6))


def test_collocations_window_stays_in_its_article() -> None:
    docs = pd.DataFrame({"words": ["甲 节点", "乙 丙"]})
    found = collocates(docs, "节点", window=3, min_count=1)
    assert found["collocate"].tolist() == ["甲"]
    assert collocates(docs, "没有", window=3).empty


def test_collocations_skip_function_words(docs: pd.DataFrame) -> None:
    found = collocates(docs, "双比双争", window=2, min_count=1)
    assert "的" not in set(found["collocate"]) and "“" not in set(found["collocate"])
    assert found.set_index("collocate").loc["活动", "observed"] == 2
