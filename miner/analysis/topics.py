"""Topics: groups of words that travel together, and how much of each article they fill.

Non-negative matrix factorisation (scikit-learn's ``NMF``) of the TF-IDF matrix: every article
becomes a mix of a few topics, every topic a weighted list of words. NMF rather than LDA
because work reports are short and few, where NMF's topics are steadier and read more
cleanly. A fixed ``random_state`` and the deterministic NNDSVDa start make the same corpus give
the same topics, so a notebook's prose keeps matching its output.

Words in fewer than ``min_df`` articles are left out: a topic made of one article's words is
that article, not a theme.

On a large corpus ``max_articles`` fits on a seeded sample (``sample``): NMF's time grows
with the articles, while a few thousand near-copies add no theme a thousand of them lack.
"""

from __future__ import annotations

import hashlib
import warnings
from collections.abc import Iterable
from dataclasses import dataclass

import numpy as np
import pandas as pd
from sklearn.decomposition import NMF
from sklearn.exceptions import ConvergenceWarning

from miner.analysis.keywords import tfidf
from miner.analysis.source import Source, table
from miner.analysis.tokens import document_tokens

DENSE_CELLS = 10_000_000


@dataclass(frozen=True)
class Topics:
    """The result of ``fit``: top words per topic and topic weights per article."""

    terms: pd.DataFrame  # topic, rank, term, weight
    documents: pd.DataFrame  # doc_id, title, topic, weight (each article's weights sum to 1)

    def labels(self, words: int = 3) -> dict[int, str]:
        """A short name per topic from its first words: ``0: 秋粮·收储·场镇``."""
        head = self.terms[self.terms["rank"] <= words]
        return {
            int(t): f"{t}: " + "·".join(g.sort_values("rank")["term"])
            for t, g in head.groupby("topic")
        }

    def matrix(self) -> pd.DataFrame:
        """Articles as rows, topics as columns, weights in the cells (for a heatmap)."""
        return self.documents.pivot(index="doc_id", columns="topic", values="weight")


def sample(doc_ids: Iterable[object], n: int, seed: int = 0) -> set[str]:
    """A deterministic sample of at most ``n`` doc ids: those with the smallest seeded hash.

    Hashing each id (rather than drawing from a random generator over the row order) picks
    the same articles whatever order the rows come in, and an article picked in a corpus is
    picked again in any larger corpus it belongs to unless a newcomer hashes lower.

    Example:
        >>> sorted(sample(["a", "b", "c", "d"], 2)) == sorted(sample(["d", "c", "b", "a"], 2))
        True
    """
    ids = {str(d) for d in doc_ids}
    if len(ids) <= n:
        return ids
    key = str(seed).encode()

    def rank(doc: str) -> tuple[bytes, str]:
        return hashlib.blake2b(doc.encode(), digest_size=8, key=key).digest(), doc

    return set(sorted(ids, key=rank)[:n])


def fit(
    source: Source,
    n_topics: int = 5,
    top: int = 8,
    min_df: int = 2,
    random_state: int = 0,
    max_terms: int | None = None,
    max_articles: int | None = None,
) -> Topics:
    """Fit ``n_topics`` NMF topics on the articles' TF-IDF.

    Args:
        source: a Corpus, an output folder, a documents DataFrame or a dict of tables.
        n_topics: how many topics; at most the number of articles and of words kept.
        top: words listed per topic.
        min_df: keep words found in at least this many articles.
        random_state: the seed; the same seed and input give the same topics.
        max_terms: fit on the most frequent words only (None: every word in ``min_df``
            articles). On 2,437 real articles a cap of 5,000 words saved no time (8.5 s
            against 8.8 s, sparse either way) and changed two of five topics.
        max_articles: past this many articles, fit on ``sample(…, max_articles,
            random_state)`` of them (rows kept in their order); None: every article.
    """
    docs = table(source, "documents")
    if max_articles is not None and len(docs) > max_articles:
        picked = sample(docs["doc_id"], max_articles, random_state)
        docs = docs[docs["doc_id"].astype(str).isin(picked)]
    tokens = document_tokens(docs)
    ids = [str(d) for d in docs["doc_id"]]
    titles = docs["title"].tolist() if "title" in docs.columns else [None] * len(ids)
    empty = Topics(
        pd.DataFrame(columns=["topic", "rank", "term", "weight"]),
        pd.DataFrame(columns=["doc_id", "title", "topic", "weight"]),
    )
    if sum(1 for t in tokens if t) < 2:
        return empty
    try:
        matrix, vocab = tfidf(tokens, min_df=min_df, max_terms=max_terms)
    except ValueError:  # no word reaches min_df
        return empty
    k = max(1, min(n_topics, matrix.shape[0], matrix.shape[1]))
    model = NMF(n_components=k, init="nndsvda", random_state=random_state, max_iter=500)
    with warnings.catch_warnings():
        # A tiny corpus may stop at max_iter; its topics are still usable for reading.
        warnings.simplefilter("ignore", ConvergenceWarning)
        # Dense up to 10 million cells (80 MB): on sparse input a near-perfect fit makes
        # scikit-learn take the square root of a rounding error below zero.
        data = matrix.toarray() if matrix.shape[0] * matrix.shape[1] <= DENSE_CELLS else matrix
        weights = model.fit_transform(data)
    term_rows = []
    for t, component in enumerate(model.components_):
        order = sorted((-w, vocab[j]) for j, w in enumerate(component) if w > 0)
        for rank, (neg, term) in enumerate(order[:top], start=1):
            term_rows.append((t, rank, term, -neg))
    sums = weights.sum(axis=1, keepdims=True)
    shares = np.divide(weights, sums, out=np.zeros_like(weights), where=sums > 0)
    doc_rows = [
        (doc, title, t, float(shares[i, t]))
        for i, (doc, title) in enumerate(zip(ids, titles, strict=True))
        for t in range(k)
    ]
    return Topics(
        pd.DataFrame(term_rows, columns=["topic", "rank", "term", "weight"]),
        pd.DataFrame(doc_rows, columns=["doc_id", "title", "topic", "weight"]),
    )
