"""What each article, or each group of articles, is about: TF-IDF keywords.

Every work report says 活动, 党员 and 工作; TF-IDF weighs a word by how often an article uses
it against how many articles use it at all, so what is left is the article's own subject
(秋粮收储, 安全生产, 水利). scikit-learn's ``TfidfVectorizer`` does the weighting; its
analyzer is replaced by the tokens of ``documents.words`` (``miner.analysis.tokens``), so the
campaign lexicon keeps slogans whole and function words never score.

Weights are scikit-learn's defaults: smooth idf, ln((1 + n) / (1 + df)) + 1, and rows scaled to
unit length. Ties are broken by the word, so the same input gives the same table.
"""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd
from scipy import sparse
from sklearn.feature_extraction.text import TfidfVectorizer

from miner.analysis.source import Source, group_labels, table
from miner.analysis.tokens import document_tokens


def _identity(tokens: list[str]) -> list[str]:
    """The analyzer: the tokens are already cut and filtered."""
    return tokens


def tfidf(
    token_lists: Sequence[list[str]], min_df: int = 1, max_terms: int | None = None
) -> tuple[sparse.csr_matrix, list[str]]:
    """Sparse TF-IDF matrix (rows = inputs) and its vocabulary, for lists of tokens.

    Sparse because a real corpus has tens of thousands of words: 2,400 articles as a dense
    matrix take most of a gigabyte. ``max_terms`` keeps the most frequent words only.
    """
    vectorizer = TfidfVectorizer(analyzer=_identity, min_df=min_df, max_features=max_terms)
    matrix = sparse.csr_matrix(vectorizer.fit_transform(list(token_lists)))
    return matrix, [str(t) for t in vectorizer.get_feature_names_out()]


def _top(
    matrix: sparse.csr_matrix, vocab: list[str], names: list[str], top: int
) -> list[tuple[str, int, str, float]]:
    rows = []
    for i, name in enumerate(names):
        row = matrix.getrow(i)
        order = sorted((-float(w), vocab[j]) for j, w in zip(row.indices, row.data, strict=True))
        for rank, (neg, term) in enumerate(order[:top], start=1):
            rows.append((name, rank, term, -neg))
    return rows


def per_article(source: Source, top: int = 10) -> pd.DataFrame:
    """The ``top`` TF-IDF keywords of every article.

    Returns:
        Columns ``doc_id``, ``rank`` (1 = highest weight), ``term``, ``tfidf``.

    Example:
        >>> docs = pd.DataFrame({"doc_id": ["a", "b"], "words": ["秋粮 秋粮 党员", "党员 水利"]})
        >>> per_article(docs, top=1)[["doc_id", "term"]].values.tolist()
        [['a', '秋粮'], ['b', '水利']]
    """
    docs = table(source, "documents")
    tokens = document_tokens(docs)
    if not any(tokens):
        return pd.DataFrame(columns=["doc_id", "rank", "term", "tfidf"])
    matrix, vocab = tfidf(tokens)
    names = [str(d) for d in docs["doc_id"]]
    return pd.DataFrame(
        _top(matrix, vocab, names, top), columns=["doc_id", "rank", "term", "tfidf"]
    )


def per_group(source: Source, by: str = "unit_type", top: int = 10) -> pd.DataFrame:
    """The ``top`` TF-IDF keywords of each group, its articles read as one text.

    Document frequency then counts groups, not articles: a word every unit type uses scores
    low, one only townships use scores high.

    Returns:
        Columns ``group``, ``rank``, ``term``, ``tfidf``.
    """
    docs = table(source, "documents")
    pooled: dict[str, list[str]] = {}
    for label, tokens in zip(group_labels(docs, by), document_tokens(docs), strict=True):
        pooled.setdefault(label, []).extend(tokens)
    names = sorted(pooled)
    if not any(pooled.values()):
        return pd.DataFrame(columns=["group", "rank", "term", "tfidf"])
    matrix, vocab = tfidf([pooled[n] for n in names])
    return pd.DataFrame(_top(matrix, vocab, names, top), columns=["group", "rank", "term", "tfidf"])
