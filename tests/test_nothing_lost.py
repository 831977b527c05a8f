"""Nothing lost, end to end: articles, titles and removals cover every decoded source."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from miner.ingest import read_inputs
from miner.models import Page
from miner.pipeline import build_articles


def _pages(root: Path) -> list[Page]:
    return [p for p in read_inputs(root) if isinstance(p, Page)]


def _assert_covered(page: Page) -> None:
    articles, removals = build_articles(page)
    covered: set[int] = set()
    for a in articles:
        covered.update(a.offsets)
        if a.title_start is not None and a.title_end is not None:
            covered.update(range(a.title_start, a.title_end))
    for r in removals:
        covered.update(range(r.start, r.end))
    lost = "".join(ch for i, ch in enumerate(page.text) if i not in covered and not ch.isspace())
    assert lost == "", f"{page.source}: {lost[:80]}"


def test_demo_corpus_loses_nothing(corpus_dir: Path) -> None:
    for page in _pages(corpus_dir):
        _assert_covered(page)


def test_seed_pages_lose_nothing(seeds_dir: Path) -> None:
    pages = _pages(seeds_dir)
    if not pages:
        pytest.skip("no seed pages")
    for page in pages:
        _assert_covered(page)


_pieces = st.sampled_from(
    [
        "某镇2012年工作总结\n",
        "今年以来，全镇党员干部扎实开展创先争优活动，组织学习十二次，取得了明显成效。\n",
        "一、加强领导\n",
        "第1篇\n",
        "汇编第2篇\n",
        "(3篇)\n",
        "---------------------\n",
        "发布时间：2012-01-01 来源：网络\n",
        "推荐阅读：\n标题05-27\n",
        "##paidbegin##",
        "的`",
        "創(chuàng)",
        "黨員 424 名，",
        "\n\n",
        "推荐度：\n点击下载文档\n",
        "中共某镇委员会\n（2012年12月26日）\n",
    ]
)


@settings(max_examples=120, deadline=None)
@given(st.lists(_pieces | st.text(max_size=15), max_size=30).map("".join))
def test_build_articles_loses_nothing_on_any_text(text: str) -> None:
    _assert_covered(Page("p.txt", text, "utf-8"))
