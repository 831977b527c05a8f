"""Character 5-grams as sorted arrays of 64-bit hashes, computed with numpy.

Sets of strings cost a Python object per 5-gram; a rolling polynomial hash over the
code points gives the same sets as ``uint64`` arrays in a few vectorised passes, and
``np.intersect1d`` counts shared 5-grams without Python loops. The hash is fixed
(no per-process salt), so candidates and ids are the same on every run.
"""

from __future__ import annotations

import numpy as np

_BASE = np.uint64(1_000_003)
_MIX1 = np.uint64(0xBF58476D1CE4E5B9)
_MIX2 = np.uint64(0x94D049BB133111EB)


def shingle_hashes(view: str, k: int = 5) -> np.ndarray:
    """Sorted unique hashes of the ``k``-character shingles of ``view``.

    Example:
        >>> len(shingle_hashes("双创双争活动双创双争"))  # 6 windows, 5 distinct 5-grams
        5
    """
    if len(view) < k:
        return np.empty(0, dtype=np.uint64)
    cps = np.frombuffer(view.encode("utf-32-le"), dtype=np.uint32).astype(np.uint64)
    n = len(cps) - k + 1
    h = np.zeros(n, dtype=np.uint64)
    with np.errstate(over="ignore"):
        for j in range(k):
            h = h * _BASE + cps[j : j + n]
        # splitmix64 finaliser: spreads the bits so that sampling by h % m is fair.
        h ^= h >> np.uint64(30)
        h *= _MIX1
        h ^= h >> np.uint64(27)
        h *= _MIX2
        h ^= h >> np.uint64(31)
    return np.unique(h)


def shared_count(a: np.ndarray, b: np.ndarray) -> int:
    """How many hashes two sorted unique arrays share."""
    return int(np.intersect1d(a, b, assume_unique=True).size)
