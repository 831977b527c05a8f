"""Key word in context: every use of a word, with the words around it, lined up to read.

A concordance is how a discourse researcher checks what a count means: does 双比双争 open a
report's first sentence, follow 深入开展, sit in a cited document's title? Contexts are
counted in words of ``documents.words`` (punctuation included, so they read as text) and
joined without spaces, as Chinese is written. A term the segmenter cut into several tokens
(比服务) is still found: the match is on consecutive tokens that spell it.
``miner.Corpus.kwic`` is the character-window version.

Example:
    >>> import pandas as pd
    >>> docs = pd.DataFrame({"doc_id": ["a"], "words": ["深入 开展 双比双争 活动 ， 取得 实效"]})
    >>> concordance(docs, "双比双争", width=2)[["left", "match", "right"]].values.tolist()
    [['深入开展', '双比双争', '活动，']]
"""

from __future__ import annotations

import pandas as pd

from miner.analysis.source import Source, table
from miner.analysis.tokens import all_tokens, words_column

COLUMNS = ["doc_id", "title", "unit_type", "position", "left", "match", "right"]


def concordance(
    source: Source, term: str, width: int = 8, sort: str | None = "right"
) -> pd.DataFrame:
    """Every occurrence of ``term`` with ``width`` tokens on each side.

    Args:
        source: a Corpus, an output folder, a documents DataFrame or a dict of tables.
        term: a word or phrase; matched against whole tokens, or runs of tokens spelling it.
        width: tokens of context on each side.
        sort: ``right`` (by what follows: shows the phrases the term opens), ``left`` (by
            what precedes, read backwards), or None for text order.

    Returns:
        One row per occurrence: ``position`` is the token index of the match in its article.
    """
    docs = table(source, "documents")
    rows = []
    if term:
        for i, words in enumerate(words_column(docs)):
            tokens = all_tokens(words)
            for start, end in _matches(tokens, term):
                rows.append(
                    (
                        _get(docs, i, "doc_id"),
                        _get(docs, i, "title"),
                        _get(docs, i, "unit_type"),
                        start,
                        "".join(tokens[max(0, start - width) : start]),
                        "".join(tokens[start:end]),
                        "".join(tokens[end : end + width]),
                    )
                )
    out = pd.DataFrame(rows, columns=COLUMNS)
    if sort == "right":
        out = out.sort_values(["right", "doc_id", "position"], kind="mergesort")
    elif sort == "left":
        key = out["left"].map(lambda s: s[::-1])
        out = out.assign(_k=key).sort_values(["_k", "doc_id", "position"], kind="mergesort")
        out = out.drop(columns="_k")
    return out.reset_index(drop=True)


def _matches(tokens: list[str], term: str) -> list[tuple[int, int]]:
    """Token spans [start, end) whose concatenation is ``term``, left to right, not overlapping."""
    spans: list[tuple[int, int]] = []
    i = 0
    while i < len(tokens):
        if term.startswith(tokens[i]):
            j, spelled = i, ""
            while j < len(tokens) and len(spelled) < len(term):
                spelled += tokens[j]
                j += 1
            if spelled == term:
                spans.append((i, j))
                i = j
                continue
        i += 1
    return spans


def _get(docs: pd.DataFrame, row: int, column: str) -> object:
    return docs[column].iloc[row] if column in docs.columns else None
