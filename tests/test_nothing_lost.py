"""Nothing lost, end to end: articles, titles and removals cover every decoded source.

And nothing out of place: on any text, every stage after ingest runs without an
exception and every span it records lies inside the text it indexes.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from miner.clean.boilerplate import learn as learn_footers
from miner.ingest import read_inputs
from miner.models import Page
from miner.pipeline import build_articles, process_page


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


_texts = st.lists(_pieces | st.text(max_size=15), max_size=30).map("".join)


@settings(max_examples=120, deadline=None)
@given(_texts)
def test_build_articles_loses_nothing_on_any_text(text: str) -> None:
    _assert_covered(Page("p.txt", text, "utf-8"))


@settings(max_examples=120, deadline=None)
@given(_texts)
def test_process_page_spans_stay_inside_their_text(text: str) -> None:
    """Clean, split, repair and extract on any text: no exception, every offset valid."""
    footers = learn_footers([text, text.replace("党", "团"), text + "\n结束"])
    result = process_page(Page("p.txt", text, "utf-8"), footers=footers)
    for r in result.removals:
        assert 0 <= r.start <= r.end <= len(text)
    articles = {a.doc_id: a for a in result.articles}
    assert len(articles) == len(result.articles)
    for a in result.articles:
        assert len(a.offsets) == len(a.text) == a.n_chars
        assert all(0 <= off < len(text) for off in a.offsets)
        assert 0 <= a.source_start <= a.source_end <= len(text)
        if a.title_start is not None and a.title_end is not None:
            assert 0 <= a.title_start <= a.title_end <= len(text)
    for sec in result.sections:
        body = articles[sec.doc_id].text
        assert 0 <= sec.start <= sec.end <= len(body)
        assert sec.marker in body[sec.start : sec.end]
    for f in result.figures:
        body = articles[f.doc_id].text
        assert body[f.start : f.end] == f.raw
        assert f.raw in f.sentence and f.sentence in body
    for slogan in result.slogans:
        assert articles[slogan.doc_id].text[slogan.start : slogan.end] == slogan.text
    for sent in result.sentences:
        assert articles[sent.doc_id].text[sent.start : sent.end] == sent.text
    starts = {(f.doc_id, f.start) for f in result.figures}
    for check in result.checks:
        assert all((check.doc_id, s) in starts for s in json.loads(check.figure_starts))
