"""Token agreement with ``jieba.cut`` (issue 7 aims at 99% or more)."""

from __future__ import annotations

from pathlib import Path

from miner.ingest import read_inputs
from miner.models import Page
from miner.segment.agreement import agreement, jieba_cut, miner_cut


def test_agreement_counts_and_groups_differences() -> None:
    a = agreement(
        ["五带头党员 好"],
        lambda t: ["五带头", "党员", " ", "好"],
        lambda t: ["五", "带头", "党员", " ", "好"],
    )
    assert (a.agreed, a.reference_tokens, a.tokens) == (2, 4, 3)
    assert a.differences == {(("五", "带头"), ("五带头",)): 1}


def test_agreement_with_jieba_on_the_seeds(seeds_dir: Path) -> None:
    texts = [p.text for p in read_inputs(seeds_dir) if isinstance(p, Page)]
    same_dictionary = agreement(texts, miner_cut, jieba_cut(user_words=True))
    assert same_dictionary.reference_tokens > 20_000
    assert same_dictionary.share >= 0.99
    stock = agreement(texts, miner_cut, jieba_cut(user_words=False))
    assert stock.share >= 0.98  # the user words join some of jieba's tokens on purpose
