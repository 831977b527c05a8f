"""Nothing lost, end to end: articles, titles and removals cover every decoded source."""

from __future__ import annotations

from pathlib import Path

import pytest

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
