"""The tokens every analysis counts: ``documents.words`` without function words and punctuation.

The run already segmented each article with its campaign lexicon (``documents.words``), so
双比双争 and 三会一课 are one token each; analyses split that column instead of segmenting
again, and a slogan is never cut into 双比 + 双争. What they leave out is the grammar: the
function words in ``miner/data/stopwords.txt`` (的, 了, 在, 我们 …), punctuation and symbols,
and bare numbers (figures have their own table). A frame without ``words`` (an older run, a
hand-made frame) is segmented here with the shipped user words.

Example:
    >>> content_tokens("我 镇 深入 开展 “ 双比双争 ” 活动 ， 投入 21.6 万元 。")
    ['镇', '深入', '开展', '双比双争', '活动', '投入', '万元']
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from functools import cache, lru_cache
from importlib import resources

import pandas as pd

# A token made only of digits, decimal points, separators and percent signs is a number.
_NUMBER = re.compile(r"[0-9０-９.,，．%％‰+\-]+")


@cache
def stopwords() -> frozenset[str]:
    """The shipped Chinese function words (``miner/data/stopwords.txt``)."""
    text = resources.files("miner.data").joinpath("stopwords.txt").read_text(encoding="utf-8")
    return frozenset(w.strip() for w in text.splitlines() if w.strip() and not w.startswith("#"))


def is_content(token: str, stop: frozenset[str] | None = None) -> bool:
    """True for a word worth counting: not a function word, punctuation, symbol or number."""
    if stop is None:
        return _is_content_default(token)
    return token not in stop and _has_content(token)


def _has_content(token: str) -> bool:
    if not token or _NUMBER.fullmatch(token):
        return False
    # Punctuation (P*), symbols (S*) and separators (Z*, white space) carry no content.
    return any(unicodedata.category(ch)[0] not in "PSZ" for ch in token)


@lru_cache(maxsize=1 << 18)
def _is_content_default(token: str) -> bool:
    # A corpus repeats a few tens of thousands of distinct tokens millions of times: deciding
    # each once made the report on 2,437 real articles 12 s faster.
    return token not in stopwords() and _has_content(token)


def content_tokens(words: str, stop: frozenset[str] | None = None) -> list[str]:
    """The content words of one ``documents.words`` string (tokens joined by single spaces)."""
    if stop is None:
        return [t for t in words.split(" ") if _is_content_default(t)]
    return [t for t in words.split(" ") if is_content(t, stop)]


def all_tokens(words: str) -> list[str]:
    """Every token of a ``words`` string, punctuation included (for reading contexts)."""
    return [t for t in words.split(" ") if t]


def words_column(documents: pd.DataFrame, lexicon: Iterable[str] = ()) -> pd.Series:
    """``documents.words``, or the text segmented here when the frame has no such column."""
    if "words" in documents.columns:
        return documents["words"].fillna("").astype(str)
    from miner.segment import segmenter

    seg = segmenter(lexicon)
    return documents["text"].fillna("").map(lambda t: " ".join(seg.words(str(t))))


def document_tokens(documents: pd.DataFrame, stop: frozenset[str] | None = None) -> list[list[str]]:
    """Content tokens of each document, in the frame's row order."""
    return [content_tokens(w, stop) for w in words_column(documents)]
