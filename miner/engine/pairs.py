"""(key, document) rows for the Dask engine's shuffle of the candidate step.

A key's pairs depend only on the documents holding that key, so rows can be shuffled
by key and each partition counted alone: pair counts add up across partitions, and
the ``max_df`` rule is per key, so the result is exactly ``candidate_pairs``'s (which
shards the key space the same way on one machine, ``miner.dedup.index``).
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
