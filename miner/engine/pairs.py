"""The duplicate search's candidate step in slices of the key space: bounded memory.

``miner.dedup.index.candidate_pairs`` sorts every (key, document) row of the corpus at
once; on 100 MB of text that is tens of millions of rows and several copies of them.
A key's pairs depend only on the documents holding that key, so the rows can be cut
by key (``key % slices``) and each slice counted alone: pair counts add up across
slices, and the ``max_df`` cut is per key, so the result is exactly the one-pass
result. The Dask engine does the same with a shuffle (``miner.engine.dask_engine``).
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from miner.dedup.index import candidate_pairs

ROWS_PER_SLICE = 4_000_000  # (key, document) rows counted at once: ~100 MB of work arrays
_EMPTY = np.empty(0, dtype=np.int64)


def rows_of(keys: Sequence[np.ndarray], first: int = 0) -> tuple[np.ndarray, np.ndarray]:
    """All ``(key, document)`` rows of documents ``first …`` as two flat arrays."""
    sizes = [len(k) for k in keys]
    flat = np.concatenate([np.asarray(k, dtype=np.uint64) for k in keys]) if keys else None
    docs = np.repeat(np.arange(first, first + len(keys), dtype=np.int64), sizes)
    return (flat if flat is not None else np.empty(0, dtype=np.uint64)), docs


def pairs_of_rows(
    keys: np.ndarray, docs: np.ndarray, n: int, max_df: int
) -> tuple[np.ndarray, np.ndarray]:
    """Pair ids (``i * n + j``) and shared-key counts of rows holding whole key groups."""
    if not keys.size:
        return _EMPTY, _EMPTY
    members = np.unique(docs)
    local = np.searchsorted(members, docs)
    order = np.argsort(local, kind="stable")
    bounds = np.searchsorted(local[order], np.arange(members.size + 1))
    ordered = keys[order]
    per_doc = [ordered[bounds[k] : bounds[k + 1]] for k in range(members.size)]
    ii, jj, shared = candidate_pairs(per_doc, max_df=max_df, min_shared=1)
    return members[ii] * n + members[jj], shared


def _sum_by_pair(pairs: np.ndarray, counts: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    if not pairs.size:
        return pairs, counts
    order = np.argsort(pairs, kind="stable")
    pairs, counts = pairs[order], counts[order]
    starts = np.flatnonzero(np.r_[True, pairs[1:] != pairs[:-1]])
    return pairs[starts], np.add.reduceat(counts, starts)


def sliced_candidate_pairs(
    keys: Sequence[np.ndarray], *, max_df: int, min_shared: int = 1, slices: int | None = None
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """``candidate_pairs`` computed one slice of the key space at a time (same arrays).

    Example:
        >>> k = [np.array([1, 2, 3], dtype=np.uint64), np.array([2, 3], dtype=np.uint64),
        ...      np.array([9], dtype=np.uint64)]
        >>> [a.tolist() for a in sliced_candidate_pairs(k, max_df=10, slices=3)]
        [[0], [1], [2]]
    """
    n = len(keys)
    if n < 2:
        return _EMPTY, _EMPTY, _EMPTY
    total = sum(len(k) for k in keys)
    count = slices or max(1, -(-total // ROWS_PER_SLICE))
    if count == 1:
        return candidate_pairs(keys, max_df=max_df, min_shared=min_shared)
    all_k, all_d = rows_of(keys)
    found_p: list[np.ndarray] = []
    found_c: list[np.ndarray] = []
    for s in range(count):
        mask = all_k % np.uint64(count) == np.uint64(s)
        pairs, shared = pairs_of_rows(all_k[mask], all_d[mask], n, max_df)
        found_p.append(pairs)
        found_c.append(shared)
    del all_k, all_d
    pairs, shared = _sum_by_pair(np.concatenate(found_p), np.concatenate(found_c))
    keep = shared >= min_shared
    pairs, shared = pairs[keep], shared[keep]
    return pairs // n, pairs % n, shared
