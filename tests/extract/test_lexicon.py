"""Slogan normal forms and the learned campaign lexicon (miner.extract.lexicon)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from miner.extract.lexicon import (
    campaign_lexicon,
    lexicon_rows,
    load_lexicon,
    normalise,
)
from miner.extract.slogans import find_slogans
from miner.models import Slogan


def test_quoted_and_bare_forms_normalise_alike() -> None:
    assert normalise("“双创双争”活动") == normalise("双创双争") == "双创双争"
    assert normalise("＂双创双争＂ 工作") == "双创双争"


def test_generic_head_kept_when_nothing_distinctive_remains() -> None:
    assert normalise("活动") == "活动"


def test_cited_document_keeps_its_full_title() -> None:
    assert normalise("实施方案", "cited_document") == "实施方案"
    assert normalise("关于开展“双创双争”活动", "cited_document") == "关于开展双创双争活动"


def test_find_slogans_fills_norm() -> None:
    found = find_slogans("深入开展“双创双争”活动，争做“五带头”党员。")
    assert {s.norm for s in found} >= {"双创双争", "五带头"}


def _s(doc: str, text: str, kind: str = "campaign") -> Slogan:
    return Slogan(doc, text, kind, 0, len(text))


def test_lexicon_needs_two_articles() -> None:
    slogans = [
        _s("a", "双创双争"),
        _s("b", "双创双争活动"),
        _s("a", "三会一课", "formulation"),
        _s("a", "三会一课", "formulation"),
        _s("b", "绿色学校", "honor"),
        _s("c", "绿色学校", "honor"),
    ]
    # once across a and b; 三会一课 only in a; honours are not campaign words
    assert campaign_lexicon(slogans) == ["双创双争"]


def test_lexicon_skips_phrases_a_segmenter_cannot_hold() -> None:
    long = "横向争一流，纵向争第一"
    slogans = [_s("a", long, "motto"), _s("b", long, "motto")]
    assert campaign_lexicon(slogans) == []


def test_lexicon_rows_and_load(tmp_path: Path) -> None:
    slogans = [_s("a", "双创双争"), _s("b", "“双创双争”活动")]
    assert lexicon_rows(slogans) == [{"word": "双创双争", "articles": 2, "kind": "campaign"}]
    pq.write_table(pa.table({"word": ["双创双争"]}), tmp_path / "lexicon.parquet")
    assert load_lexicon(tmp_path) == ["双创双争"]


def test_teach_segmenter_keeps_the_campaign_whole() -> None:
    # In a child process: the segmenter is per process and cannot forget a word.
    code = (
        "from miner.extract.lexicon import teach_segmenter\n"
        "from miner.segment import words\n"
        "before = words('深入开展双创双争活动')\n"
        "teach_segmenter(['双创双争'])\n"
        "print('双创双争' not in before, '双创双争' in words('深入开展双创双争活动'))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["True", "True"]
