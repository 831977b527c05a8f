"""miner.analysis.keywords: TF-IDF weights worked out by hand."""

from __future__ import annotations

import math

import pandas as pd
import pytest

from miner.analysis.keywords import per_article, per_group


def test_keywords_tfidf_by_hand() -> None:
    docs = pd.DataFrame({"doc_id": ["a", "b"], "words": ["秋粮 秋粮 党员", "党员 水利"]})
    top = per_article(docs, top=2)
    # smooth idf: 秋粮 ln(3/2) + 1, 党员 ln(3/3) + 1 = 1; a's vector (2 · 1.405, 1), unit length
    idf = math.log(3 / 2) + 1
    norm = math.hypot(2 * idf, 1)
    a = top[top["doc_id"] == "a"]
    assert a["term"].tolist() == ["秋粮", "党员"]
    assert a["tfidf"].tolist() == pytest.approx([2 * idf / norm, 1 / norm])
    assert a["rank"].tolist() == [1, 2]


def test_keywords_slogans_stay_whole(docs: pd.DataFrame) -> None:
    top = per_article(docs, top=20)
    assert "双比双争" in set(top["term"]) and "双比" not in set(top["term"])
    assert not {"的", "，", "2012"} & set(top["term"])


def test_keywords_per_group(docs: pd.DataFrame) -> None:
    groups = per_group(docs, by="unit_type", top=1)
    assert groups["group"].tolist() == ["学校", "村", "部门"]
    assert groups.set_index("group").loc["村", "term"] == "村民"  # three times, only in 村
    assert per_article(pd.DataFrame({"doc_id": ["x"], "words": ["的 。"]})).empty
