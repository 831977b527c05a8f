"""miner.analysis.kwic: contexts in words, multi-token terms, sorting."""

from __future__ import annotations

import pandas as pd

from miner.analysis.kwic import concordance


def test_kwic_whole_token_contexts(docs: pd.DataFrame) -> None:
    hits = concordance(docs, "双比双争", width=2, sort=None)
    assert hits[["doc_id", "left", "match", "right"]].values.tolist() == [
        ["v1", "开展“", "双比双争", "”活动"],
        ["v2", "村民参加", "双比双争", "活动2012"],
    ]
    assert hits["unit_type"].tolist() == ["村", "村"]


def test_kwic_term_spanning_tokens() -> None:
    frame = pd.DataFrame({"doc_id": ["a"], "words": ["比 服务 、 比 实绩 ， 比 服务"]})
    hits = concordance(frame, "比服务", width=1, sort=None)
    assert hits["position"].tolist() == [0, 6]
    assert hits["right"].tolist() == ["、", ""]


def test_kwic_sorting() -> None:
    frame = pd.DataFrame({"doc_id": ["a"], "words": ["乙 词 丙 甲 词 乙"]})
    by_right = concordance(frame, "词", width=1, sort="right")["right"].tolist()
    assert by_right == sorted(by_right)
    by_left = concordance(frame, "词", width=1, sort="left")["left"].tolist()
    assert by_left == sorted(by_left)
    assert concordance(frame, "", width=1).empty
