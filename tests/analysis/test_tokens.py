"""miner.analysis.tokens: what counts as a word to count."""

from __future__ import annotations

import pandas as pd
import pytest

from miner.analysis.tokens import content_tokens, is_content, stopwords, words_column


@pytest.mark.parametrize(
    ("token", "kept"),
    [
        ("双比双争", True),
        ("党员", True),
        ("的", False),  # function word
        ("我们", False),
        ("，", False),  # punctuation
        ("“", False),
        ("《", False),
        ("2012", False),  # bare number
        ("21.6", False),
        ("95%", False),
        ("万元", True),
        ("名", False),  # a measure word left behind by a dropped number
        ("户", True),  # households
        ("", False),
        ("AB岗", True),
    ],
)
def test_tokens_is_content(token: str, kept: bool) -> None:
    assert is_content(token) is kept


def test_tokens_stopwords_are_function_words_only() -> None:
    stop = stopwords()
    assert {"的", "了", "和", "在"} <= stop
    assert not {"活动", "党员", "群众", "工作"} & stop  # what researchers compare


def test_tokens_content_tokens_keep_lexicon_words_whole() -> None:
    assert content_tokens("深入 开展 “ 双比双争 ” 活动 。") == ["深入", "开展", "双比双争", "活动"]


def test_tokens_words_column_segments_when_missing() -> None:
    frame = pd.DataFrame({"text": ["投入资金21.6万元"]})
    assert words_column(frame).tolist() == ["投入 资金 21.6 万元"]
