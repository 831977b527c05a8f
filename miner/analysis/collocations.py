"""Which words keep company with a node word (双比双争, 党员, 群众) within a few words.

Windows run over the content tokens of each article (function words and punctuation are
gone, so a window of 5 spans about five meaningful words) and never cross from one article
into the next. Three measures, because each favours something else: MI (log₂ O/E) rewards
rare exclusive partners, the t-score frequent reliable ones, and log-likelihood G² (the
collocate inside the node's windows against outside them, as in ``miner.analysis.keyness``)
balances the two.

For a collocate seen ``O`` times in the node's windows, which hold ``W`` token slots in all,
in a corpus of ``N`` tokens where the collocate occurs ``f`` times::

    E = f W / N        MI = log₂(O / E)        t = (O − E) / √O
    G² = log_likelihood(O, f − O, W, N − W)

Example:
    >>> import pandas as pd
    >>> docs = pd.DataFrame({"words": ["甲 乙 节点 乙 丙"]})
    >>> collocates(docs, "节点", window=1, min_count=1)[["collocate", "observed", "left", "right"]]
      collocate  observed  left  right
    0         乙         2     1      1
"""

from __future__ import annotations

import math
from collections import Counter

import pandas as pd

from miner.analysis.keyness import log_likelihood
from miner.analysis.source import Source, table
from miner.analysis.tokens import document_tokens

COLUMNS = [
    "collocate",
    "observed",
    "expected",
    "left",
    "right",
    "collocate_freq",
    "mi",
    "t_score",
    "g2",
]


def collocates(
    source: Source, node: str, window: int = 5, min_count: int = 2, sort: str = "g2"
) -> pd.DataFrame:
    """Collocates of ``node`` within ``window`` content tokens on either side.

    Args:
        source: a Corpus, an output folder, a documents DataFrame or a dict of tables.
        node: the word to look around; a lexicon slogan is one token (双比双争).
        window: tokens on each side.
        min_count: leave out collocates seen fewer times near the node.
        sort: ``g2``, ``mi``, ``t_score`` or ``observed``: the measure to rank by.

    Returns:
        One row per collocate (``COLUMNS``), ``left``/``right`` counting on which side it
        stood; empty when the node does not occur.
    """
    docs = document_tokens(table(source, "documents"))
    freq: Counter[str] = Counter()
    left: Counter[str] = Counter()
    right: Counter[str] = Counter()
    slots = 0
    for tokens in docs:
        freq.update(tokens)
        for i, token in enumerate(tokens):
            if token != node:
                continue
            before = tokens[max(0, i - window) : i]
            after = tokens[i + 1 : i + 1 + window]
            slots += len(before) + len(after)
            left.update(t for t in before if t != node)
            right.update(t for t in after if t != node)
    total = sum(freq.values())
    rows = []
    for term in sorted(set(left) | set(right)):
        observed = left[term] + right[term]
        if observed < min_count:
            continue
        f = freq[term]
        expected = f * slots / total
        rows.append(
            (
                term,
                observed,
                expected,
                left[term],
                right[term],
                f,
                math.log2(observed / expected),
                (observed - expected) / math.sqrt(observed),
                # Overlapping windows of two close nodes can count one token twice.
                log_likelihood(observed, max(f - observed, 0), slots, total - slots),
            )
        )
    out = pd.DataFrame(rows, columns=COLUMNS)
    out = out.sort_values([sort, "collocate"], ascending=[False, True], kind="mergesort")
    return out.reset_index(drop=True)
