"""miner.analysis.source: a Corpus, a folder, a frame or a dict of frames all work."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

import miner
from miner.analysis.source import corpus, group_labels, table


def test_source_frame_is_documents_only(docs: pd.DataFrame) -> None:
    assert table(docs, "documents") is docs
    with pytest.raises(TypeError, match="slogans"):
        table(docs, "slogans")


def test_source_dict_and_missing_table(docs: pd.DataFrame) -> None:
    assert table({"documents": docs}, "documents") is docs
    with pytest.raises(KeyError, match="sections"):
        table({"documents": docs}, "sections")


def test_source_folder_and_corpus(tmp_path: Path) -> None:
    src = tmp_path / "in"
    src.mkdir()
    (src / "a.txt").write_text("白果村工作总结\n我村深入开展活动，党员52名。\n", encoding="utf-8")
    out = tmp_path / "out"
    miner.run(miner.Settings(input=src, output=out, csv=False, duckdb=False, report=False))
    from_folder = table(out, "documents")
    from_corpus = table(corpus(out), "documents")
    assert from_folder.equals(from_corpus) and len(from_folder) == 1
    assert corpus(from_folder).documents["doc_id"].tolist() == from_folder["doc_id"].tolist()


def test_source_group_labels(docs: pd.DataFrame) -> None:
    assert group_labels(docs, "year").tolist() == ["2012", "2013", "2012", "unknown"]
    assert group_labels(docs, "genre").tolist() == ["总结", "计划", "总结", "unknown"]
    assert set(group_labels(docs, None)) == {"all"}
    with pytest.raises(KeyError, match="no column"):
        group_labels(docs, "colour")


def test_source_group_labels_province() -> None:
    frame = pd.DataFrame({"region": ["四川省巴中市南江县", None]})
    assert group_labels(frame, "province").tolist() == ["四川省", "unknown"]
