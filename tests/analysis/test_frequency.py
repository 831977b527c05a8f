"""miner.analysis.frequency on the hand-made frame: counts by hand."""

from __future__ import annotations

import pandas as pd
import pytest

from miner.analysis.frequency import frequency_table, group_counts, term_frequencies


def test_frequency_counts_by_group(docs: pd.DataFrame) -> None:
    freq = term_frequencies(docs, by="unit_type").set_index(["group", "term"])
    # 村: v1 has 我村 开展 双比双争 活动 村民 村民 党员 带头 (8; 的 and punctuation dropped),
    # v2 村民 参加 双比双争 活动 (4; the number 2012 and the date word 年 dropped): 12 tokens
    villager = freq.loc[("村", "村民")]
    assert villager["count"] == 3 and villager["documents"] == 2
    assert villager["per_10k"] == pytest.approx(3 * 10_000 / 12)
    assert villager["doc_share"] == 1.0
    assert freq.loc[("村", "党员"), "doc_share"] == 0.5
    assert ("村", "的") not in freq.index and ("村", "2012") not in freq.index
    assert freq.loc[("学校", "党员"), "count"] == 1


def test_frequency_whole_corpus_and_min_count(docs: pd.DataFrame) -> None:
    freq = term_frequencies(docs, min_count=2)
    assert set(freq["group"]) == {"all"}
    assert freq.iloc[0][["term", "count", "documents"]].tolist() == ["党员", 3, 3]
    assert (freq["count"] >= 2).all()


def test_frequency_group_counts_and_table(docs: pd.DataFrame) -> None:
    counts = group_counts(docs, by="unit_type")
    assert list(counts) == ["学校", "村", "部门"]
    assert counts["部门"] == {"机关": 1, "党员": 1, "承诺": 1}
    wide = frequency_table(docs, by="unit_type", top=2, value="count")
    assert wide.index.tolist() == ["党员", "村民"]
    assert wide.loc["村民"].tolist() == [0, 3, 0]
