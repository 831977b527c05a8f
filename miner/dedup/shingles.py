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


def window_hashes(view: str, k: int = 5) -> np.ndarray:
    """The hash of every ``k``-character window of ``view``, in text order.

    Example:
        >>> window_hashes("双创双争活动双创双争").size  # 10 characters, 6 windows
        6
    """
    if len(view) < k:
        return np.empty(0, dtype=np.uint64)
    cps = np.frombuffer(view.encode("utf-32-le"), dtype=np.uint32).astype(np.uint64)
    n = len(cps) - k + 1
    h = np.zeros(n, dtype=np.uint64)
    with np.errstate(over="ignore"):
        for j in range(k):
            h = h * _BASE + cps[j : j + n]
    # spread the bits, so that sampling by h % m and binning by high bits are fair
    return splitmix64(h)


def splitmix64(h: np.ndarray) -> np.ndarray:
    """The splitmix64 finaliser over a uint64 array (a new array)."""
    with np.errstate(over="ignore"):
        x = h ^ (h >> np.uint64(30))
        x *= _MIX1
        x ^= x >> np.uint64(27)
        x *= _MIX2
        x ^= x >> np.uint64(31)
    return x


def unique(a: np.ndarray) -> np.ndarray:
    """Sorted unique values; sorting beats numpy's hash-based unique on short arrays."""
    if a.size < 2:
        return a.copy()
    s = np.sort(a)
    return s[np.r_[True, s[1:] != s[:-1]]]


def shingle_hashes(view: str, k: int = 5) -> np.ndarray:
    """Sorted unique hashes of the ``k``-character shingles of ``view``.

    Example:
        >>> len(shingle_hashes("创先争优创先争优创先"))  # 6 windows, 4 distinct 5-grams
        4
    """
    return unique(window_hashes(view, k))


def winnow(hashes: np.ndarray, w: int) -> np.ndarray:
    """Winnowing fingerprints (Schleimer, Wilkerson and Aiken 2003), sorted and unique.

    The minimum of every ``w`` consecutive window hashes is kept, so two texts that
    share any run of ``w + k - 1`` characters share a fingerprint, whatever else they
    hold; about ``2 / (w + 1)`` of the hashes are kept. Ties take the leftmost
    minimum, the same in every text, which keeps the guarantee.

    Example:
        >>> h = window_hashes("我乡开展双创双争活动成效明显群众满意")
        >>> bool(np.isin(winnow(h, 4), h).all())
        True
    """
    if hashes.size <= w:
        return hashes.min(keepdims=True) if hashes.size else hashes
    # Only the picked values are kept, and the hash at a window's leftmost minimum is
    # that window's minimum: ``w - 1`` element-wise minima of shifted slices give them,
    # twice as fast as an argmin over a sliding window view.
    n = hashes.size - w + 1
    minima = hashes[:n].copy()
    for j in range(1, w):
        np.minimum(minima, hashes[j : j + n], out=minima)
    return unique(minima)


def shared_count(a: np.ndarray, b: np.ndarray) -> int:
    """How many hashes two sorted unique arrays share."""
    if a.size > b.size:
        a, b = b, a
    if not a.size:
        return 0
    at = np.searchsorted(b, a)
    at[at == b.size] = 0
    return int(np.count_nonzero(b[at] == a))


def without(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """The values of sorted unique ``a`` that are not in sorted unique ``b``.

    ``np.setdiff1d`` sorts both arrays again; a binary search of ``a`` in ``b`` does not.

    Example:
        >>> without(np.array([1, 3, 5, 7], dtype=np.uint64), np.array([3, 7, 9], dtype=np.uint64)).tolist()
        [1, 5]
    """
    if not a.size or not b.size:
        return a
    at = np.searchsorted(b, a)
    at[at == b.size] = 0
    return a[b[at] != a]
