"""miner.analysis.copies: clusters of pairs and passages with their text."""

from __future__ import annotations

import pandas as pd

from miner.analysis.copies import aligned_passages, drop_copies, duplicate_clusters


def test_copies_clusters_join_chains() -> None:
    pairs = pd.DataFrame({"doc_a": ["b", "a"], "doc_b": ["c", "b"], "kind": ["exact", "near"]})
    docs = pd.DataFrame({"doc_id": ["a", "b", "c"], "title": ["甲", None, "丙"]})
    clusters = duplicate_clusters({"duplicates": pairs, "documents": docs})
    assert clusters["doc_id"].tolist() == ["a", "b", "c"]
    assert set(clusters["size"]) == {3} and set(clusters["kinds"]) == {"exact,near"}
    assert clusters["title"].isna().tolist() == [False, True, False]


def test_copies_passages_with_text() -> None:
    docs = pd.DataFrame(
        {"doc_id": ["a", "b"], "text": ["我乡共有党员52名。", "我社区共有党员52名。"]}
    )
    passages = pd.DataFrame(
        {
            "doc_a": ["a"],
            "doc_b": ["b"],
            "a_start": [0],
            "a_end": [10],
            "b_start": [0],
            "b_end": [11],
            "substitutions": ['[["我乡", "我社区"]]'],
        }
    )
    out = aligned_passages({"documents": docs, "passages": passages})
    assert out.loc[0, "a_text"] == "我乡共有党员52名。"
    assert out.loc[0, "b_text"] == "我社区共有党员52名。"
    assert out.loc[0, "pairs"] == [("我乡", "我社区")]


def test_copies_drop_copies_keeps_one_per_cluster() -> None:
    pairs = pd.DataFrame(
        {"doc_a": ["a", "b", "x"], "doc_b": ["b", "c", "y"], "kind": ["exact", "exact", "near"]}
    )
    docs = pd.DataFrame({"doc_id": ["a", "b", "c", "x", "y", "z"]})
    tables = {"duplicates": pairs, "documents": docs}
    assert drop_copies(tables)["doc_id"].tolist() == ["a", "x", "y", "z"]
    assert drop_copies(tables, kinds=("exact", "near"))["doc_id"].tolist() == ["a", "x", "z"]


def test_copies_clusters_kinds_stay_in_their_cluster() -> None:
    pairs = pd.DataFrame(
        {"doc_a": ["a", "x", "b"], "doc_b": ["b", "y", "c"], "kind": ["exact", "partial", "near"]}
    )
    docs = pd.DataFrame({"doc_id": ["a", "b", "c", "x", "y"]})
    clusters = duplicate_clusters({"duplicates": pairs, "documents": docs})
    kinds = dict(zip(clusters["doc_id"], clusters["kinds"], strict=True))
    assert kinds == {"a": "exact,near", "b": "exact,near", "c": "exact,near",
                     "x": "partial", "y": "partial"}  # fmt: skip
