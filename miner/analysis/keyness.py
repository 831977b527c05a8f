"""Which words one group of articles uses more than another: keyness.

Significance and size are separate questions, so each word gets both. Dunning's
log-likelihood G² says how sure we can be that the two rates differ (3.84 ≈ p < 0.05,
6.63 ≈ p < 0.01, 15.13 ≈ p < 0.0001, one degree of freedom); with large corpora tiny
differences pass, so the effect size says how much: Hardie's log ratio (log₂ of the ratio of
relative frequencies: 1 means twice as frequent) and Gabrielatos & Marchi's %DIFF.

For a word seen ``a`` times in a target of ``c`` tokens and ``b`` times in a reference of
``d`` tokens (Rayson & Garside 2000)::

    E1 = c (a + b) / (c + d)      E2 = d (a + b) / (c + d)
    G² = 2 (a ln(a / E1) + b ln(b / E2))           (a term with a zero count is 0)

Example:
    >>> round(log_likelihood(10, 5, 1000, 1000), 4)  # E1 = E2 = 7.5
    1.699
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Collection, Mapping

import numpy as np
import pandas as pd
from scipy.stats import chi2

from miner.analysis.source import Source, group_labels, table
from miner.analysis.tokens import document_tokens

COLUMNS = [
    "term",
    "target_count",
    "reference_count",
    "target_per_10k",
    "reference_per_10k",
    "g2",
    "p_value",
    "log_ratio",
    "pct_diff",
    "direction",
]
ZERO = 0.5  # Hardie's correction: a zero count becomes 0.5 in the log ratio


def log_likelihood(a: float, b: float, c: float, d: float) -> float:
    """Dunning's G² for ``a`` of ``c`` tokens against ``b`` of ``d`` tokens."""
    e1 = c * (a + b) / (c + d)
    e2 = d * (a + b) / (c + d)
    g2 = 0.0
    if a > 0:
        g2 += a * math.log(a / e1)
    if b > 0:
        g2 += b * math.log(b / e2)
    return 2.0 * g2


def log_ratio(a: float, b: float, c: float, d: float) -> float:
    """log₂ of the target's relative frequency over the reference's (zeros → 0.5)."""
    return math.log2((max(a, ZERO) / c) / (max(b, ZERO) / d))


def percent_diff(a: float, b: float, c: float, d: float) -> float:
    """%DIFF: how much more frequent in the target, in percent; inf when the reference has none."""
    nf_target, nf_reference = a / c, b / d
    if nf_reference == 0:
        return math.inf if nf_target > 0 else 0.0
    return (nf_target - nf_reference) * 100.0 / nf_reference


def compare_counts(
    target: Mapping[str, int], reference: Mapping[str, int], min_count: int = 2
) -> pd.DataFrame:
    """Keyness of every word in two token counts; the most significant first.

    Args:
        target, reference: occurrences per word in each side.
        min_count: leave out words seen fewer times in both sides together.

    Returns:
        One row per word (``COLUMNS``); ``direction`` is ``target`` where the word is
        relatively more frequent in the target, else ``reference``.
    """
    c, d = sum(target.values()), sum(reference.values())
    terms = sorted(set(target) | set(reference)) if c and d else []
    a = np.array([target.get(t, 0) for t in terms], dtype=float)
    b = np.array([reference.get(t, 0) for t in terms], dtype=float)
    keep = a + b >= min_count
    terms = [t for t, k in zip(terms, keep, strict=True) if k]
    a, b = a[keep], b[keep]
    # The formulas of log_likelihood, log_ratio and percent_diff over whole columns at once:
    # a real corpus has tens of thousands of words.
    with np.errstate(divide="ignore", invalid="ignore"):
        e1, e2 = c * (a + b) / (c + d), d * (a + b) / (c + d)
        g2 = 2.0 * (
            np.where(a > 0, a * np.log(a / e1), 0.0) + np.where(b > 0, b * np.log(b / e2), 0.0)
        )
        nf_a, nf_b = a / c, b / d
        ratio = np.log2((np.maximum(a, ZERO) / c) / (np.maximum(b, ZERO) / d))
        diff = np.where(nf_b > 0, (nf_a - nf_b) * 100.0 / nf_b, np.where(nf_a > 0, math.inf, 0.0))
    out = pd.DataFrame(
        {
            "term": terms,
            "target_count": a.astype(int),
            "reference_count": b.astype(int),
            "target_per_10k": a * 10_000 / c if c else a,
            "reference_per_10k": b * 10_000 / d if d else b,
            "g2": g2,
            "p_value": chi2.sf(g2, 1),
            "log_ratio": ratio,
            "pct_diff": diff,
            "direction": np.where(nf_a >= nf_b, "target", "reference"),
        },
        columns=COLUMNS,
    )
    out = out.sort_values(["g2", "term"], ascending=[False, True], kind="mergesort")
    return out.reset_index(drop=True)


def compare(
    source: Source,
    by: str,
    target: str | Collection[str],
    reference: str | Collection[str] | None = None,
    min_count: int = 2,
) -> pd.DataFrame:
    """Keywords of one group of articles against another (or against all the rest).

    Args:
        source: a Corpus, an output folder, a documents DataFrame or a dict of tables.
        by: the documents column that defines the groups (unit_type, region, year, genre).
        target: the group, or several groups, whose words are key.
        reference: the group(s) to compare with; None means every other article.
        min_count: leave out words seen fewer times in both sides together.

    Example:
        >>> import pandas as pd
        >>> docs = pd.DataFrame({"unit_type": ["村", "学校"],
        ...                      "words": ["村民 村民 村民 党员", "学生 党员"]})
        >>> compare(docs, "unit_type", "村", min_count=1).iloc[0][["term", "direction"]].tolist()
        ['村民', 'target']
    """
    docs = table(source, "documents")
    labels = group_labels(docs, by)
    targets = _as_set(target)
    references = None if reference is None else _as_set(reference)
    ours: Counter[str] = Counter()
    theirs: Counter[str] = Counter()
    for label, tokens in zip(labels, document_tokens(docs), strict=True):
        if label in targets:
            ours.update(tokens)
        elif references is None or label in references:
            theirs.update(tokens)
    return compare_counts(ours, theirs, min_count=min_count)


def _as_set(groups: str | Collection[str]) -> set[str]:
    return {groups} if isinstance(groups, str) else {str(g) for g in groups}


def significant(frame: pd.DataFrame, g2: float = 3.84) -> pd.DataFrame:
    """Rows whose G² passes ``g2`` (3.84 ≈ p < 0.05); a filter for reading, not a test."""
    return frame[frame["g2"] >= g2].reset_index(drop=True)
