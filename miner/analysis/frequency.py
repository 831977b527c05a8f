"""How often each word occurs, in how many articles, per group of articles.

Raw counts mislead when groups differ in size (ten 社区 reports against two 学校 reports), so
each count comes with its rate per 10,000 tokens of the group and the share of the group's
articles that use the word at all: a word one article repeats twenty times is not the group's
habit. Groups are any column of ``documents`` (unit_type, region, year, genre, or
``province``).

Example:
    >>> import pandas as pd
    >>> docs = pd.DataFrame({"doc_id": ["a", "b"], "unit_type": ["村", "村"],
    ...                      "words": ["党员 带头 党员", "党员 服务"]})
    >>> term_frequencies(docs, by="unit_type").head(1)[["group", "term", "count", "documents"]]
      group term  count  documents
    0     村   党员      3          2
"""

from __future__ import annotations

from collections import Counter

import pandas as pd

from miner.analysis.source import Source, group_labels, table
from miner.analysis.tokens import document_tokens

COLUMNS = ["group", "term", "count", "documents", "per_10k", "doc_share"]


def group_counts(source: Source, by: str | None = None) -> dict[str, Counter[str]]:
    """Token counts per group (``all`` when ``by`` is None), groups in sorted order."""
    docs = table(source, "documents")
    counts: dict[str, Counter[str]] = {}
    for group, tokens in zip(group_labels(docs, by), document_tokens(docs), strict=True):
        counts.setdefault(group, Counter()).update(tokens)
    return dict(sorted(counts.items()))


def term_frequencies(source: Source, by: str | None = None, min_count: int = 1) -> pd.DataFrame:
    """Term and document frequencies of every content word per group.

    Args:
        source: a Corpus, an output folder, a documents DataFrame or a dict of tables.
        by: the documents column to group by; None counts the whole corpus as ``all``.
        min_count: leave out terms seen fewer times in a group.

    Returns:
        One row per group and term: ``count`` (occurrences), ``documents`` (articles of the
        group using it), ``per_10k`` (occurrences per 10,000 tokens of the group) and
        ``doc_share`` (documents / articles in the group); most frequent first per group.
    """
    docs = table(source, "documents")
    labels = group_labels(docs, by)
    term_count: dict[str, Counter[str]] = {}
    doc_count: dict[str, Counter[str]] = {}
    n_docs: Counter[str] = Counter(labels)
    for group, tokens in zip(labels, document_tokens(docs), strict=True):
        term_count.setdefault(group, Counter()).update(tokens)
        doc_count.setdefault(group, Counter()).update(set(tokens))
    rows = []
    for group in sorted(term_count):
        total = sum(term_count[group].values())
        for term, n in term_count[group].items():
            if n >= min_count:
                in_docs = doc_count[group][term]
                rows.append((group, term, n, in_docs, n * 10_000 / total, in_docs / n_docs[group]))
    out = pd.DataFrame(rows, columns=COLUMNS)
    out = out.sort_values(["group", "count", "term"], ascending=[True, False, True])
    return out.reset_index(drop=True)


def frequency_table(source: Source, by: str, top: int = 20, value: str = "per_10k") -> pd.DataFrame:
    """The ``top`` terms of the corpus as rows, groups as columns: a table to read across.

    Args:
        value: which measure fills the cells: ``count``, ``documents``, ``per_10k`` or
            ``doc_share``.
    """
    overall = term_frequencies(source, by=None)
    terms = overall["term"].head(top).tolist()
    freq = term_frequencies(source, by=by)
    freq = freq[freq["term"].isin(terms)]
    wide = freq.pivot(index="term", columns="group", values=value).fillna(0)
    return wide.reindex(terms)
