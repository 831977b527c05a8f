"""Candidate pairs from an inverted index: documents that share keys, and how many.

The keys are winnowing fingerprints (``miner.dedup.shingles.winnow``) or MinHash band
keys (``miner.dedup.minhash``); either way a key held by very many documents is a
stock phrase, a slogan or boilerplate, and would pair everything with everything, so
a key above ``max_df`` documents pairs its holders only with its first holder. Pairs are generated group by group with
numpy (one ``triu_indices`` per group size), never with a Python loop per key.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path

import numpy as np
import pyarrow as pa

from miner.dedup.stored import ArrayFile, runs, sizes_of
from miner.tables.spill import SpilledRows

# Reduce the pair list once it holds this many entries, so memory stays bounded by the
# number of distinct pairs rather than by the number of shared keys (8 MB of keys).
_REDUCE_AT = 1_000_000
# Keys sorted at once: 1M keys (at ~1,500 characters, 3,000 articles' fingerprints)
# take ~50 MB to sort and pair; larger corpora are indexed in that many shards, each
# read from the keys (a file at scale, ``miner.dedup.stored``) a run at a time.
_SHARD_KEYS = 1_000_000


def _reduce(keys: np.ndarray, counts: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    if not keys.size:
        return keys, counts
    order = np.argsort(keys, kind="stable")
    keys, counts = keys[order], counts[order]
    starts = np.flatnonzero(np.r_[True, keys[1:] != keys[:-1]])
    return keys[starts], np.add.reduceat(counts, starts)


# Keeps the pairs ``(i, j, shared)`` it is given a mask for (a filter of the caller's).
Where = Callable[[np.ndarray, np.ndarray, np.ndarray], np.ndarray]
_PAIRS = pa.schema([("pair", pa.int64()), ("n", pa.int64())])
_PAIR_BATCH = 1 << 20


def candidate_pairs(
    keys: Sequence[np.ndarray],
    *,
    max_df: int,
    min_shared: int = 1,
    shards: int | None = None,
    where: Where | None = None,
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Pairs ``(i, j)``, ``i < j``, of documents sharing at least ``min_shared`` keys.

    ``keys[i]`` holds document ``i``'s keys (unsigned integers), unique within the
    document. Returns the arrays ``i``, ``j`` and the number of keys each pair shares,
    sorted by ``(i, j)``, only the pairs ``where`` keeps when given. The index is
    built shard by shard (keys split by value), so its peak memory is a shard's, not
    the corpus's; ``shards`` defaults to one per ``_SHARD_KEYS`` keys.

    A pair's count is summed over the shards. Held in memory, the shards' counts
    grew with the corpus (a pair sharing keys of several shards counts in each: 5M
    entries at 80 MB of near copies); with the keys in a file (``ArrayFile``) they go
    to files beside it, and DuckDB sums them within its memory limit and gives the
    pairs back in order, a batch at a time, filtered by ``where`` as they come.

    Example:
        >>> k = [np.array([1, 2, 3], dtype=np.uint64), np.array([2, 3], dtype=np.uint64),
        ...      np.array([9], dtype=np.uint64)]
        >>> [a.tolist() for a in candidate_pairs(k, max_df=10)]
        [[0], [1], [2]]
    """
    n = len(keys)
    empty = np.empty(0, dtype=np.int64)
    if n < 2:
        return empty, empty, empty
    total = int(sizes_of(keys).sum())
    shards = shards or max(1, -(-total // _SHARD_KEYS))

    def counted() -> Iterator[tuple[np.ndarray, np.ndarray]]:
        for shard in range(shards):
            all_k, all_d = _shard_rows(keys, shard, shards)
            yield from _shard_pairs(all_k, all_d, n, max_df)
            del all_k, all_d

    if isinstance(keys, ArrayFile):
        return _summed_on_disk(counted(), keys.path.parent / "pairs", n, min_shared, where)
    held = list(counted())
    if not held:
        return empty, empty, empty
    acc_k, acc_c = _reduce(
        np.concatenate([k for k, _ in held]), np.concatenate([c for _, c in held])
    )
    keep = acc_c >= min_shared
    return _kept(acc_k[keep], acc_c[keep], n, where)


def _kept(
    pair: np.ndarray, shared: np.ndarray, n: int, where: Where | None
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    ii, jj = pair // n, pair % n
    if where is None:
        return ii, jj, shared
    keep = where(ii, jj, shared)
    return ii[keep], jj[keep], shared[keep]


def _summed_on_disk(
    counted: Iterable[tuple[np.ndarray, np.ndarray]],
    folder: Path,
    n: int,
    min_shared: int,
    where: Where | None,
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The pairs of the shards' ``counted`` arrays, summed by DuckDB from files of ``folder``."""
    rows = SpilledRows(_PAIRS, folder)
    got: list[tuple[np.ndarray, np.ndarray, np.ndarray]] = []
    try:
        for pair, count in counted:
            rows.add(pa.table({"pair": pair.astype(np.int64), "n": count.astype(np.int64)}))
        if rows.files:
            query = f"""
                SELECT pair, sum(n)::BIGINT FROM spilled GROUP BY pair
                HAVING sum(n) >= {int(min_shared)} ORDER BY pair
            """
            with rows.connect() as con:
                for batch in con.sql(query).to_arrow_reader(_PAIR_BATCH):
                    pair, shared = (c.to_numpy(zero_copy_only=False) for c in batch.columns)
                    got.append(_kept(pair.astype(np.int64), shared.astype(np.int64), n, where))
    finally:
        rows.close()
    if not got:
        empty = np.empty(0, dtype=np.int64)
        return empty, empty, empty
    ii, jj, shared = (np.concatenate(arrays) for arrays in zip(*got, strict=True))
    return ii, jj, shared


def _shard_rows(
    keys: Sequence[np.ndarray], shard: int, shards: int
) -> tuple[np.ndarray, np.ndarray]:
    """The (key, document) rows of one shard, documents ascending, keys in document order."""
    all_k: list[np.ndarray] = []
    all_d: list[np.ndarray] = []
    for first, sizes, values in runs(keys):
        docs = np.repeat(np.arange(first, first + sizes.size, dtype=np.int32), sizes)
        if shards > 1:
            mine = values % shards == shard
            values, docs = values[mine], docs[mine]
        all_k.append(values)
        all_d.append(docs)
    if not all_k:
        return np.empty(0, dtype=np.uint64), np.empty(0, dtype=np.int32)
    return np.concatenate(all_k), np.concatenate(all_d)


def _shard_pairs(
    all_k: np.ndarray, all_d: np.ndarray, n: int, max_df: int
) -> list[tuple[np.ndarray, np.ndarray]]:
    """(pair key ``i * n + j``, shared count) arrays for the rows of one shard."""
    # Documents are concatenated in order, so a stable sort by key alone keeps each
    # key's documents ascending; int32 ids halve the largest arrays of the search.
    order = np.argsort(all_k, kind="stable")
    all_k = all_k[order]
    all_d = all_d[order]
    del order
    new_key = np.r_[True, all_k[1:] != all_k[:-1]] if all_k.size else np.empty(0, bool)
    del all_k
    starts = np.flatnonzero(new_key)
    del new_key
    sizes = np.diff(np.r_[starts, all_d.size])
    chunks: list[np.ndarray] = []  # pair keys not yet counted
    pending = 0
    counted: list[tuple[np.ndarray, np.ndarray]] = []
    # A key held by more than max_df documents pairs each holder with the first one
    # only: a big copy family (every member holds the family's keys) still links up
    # through its first member, while a stock phrase costs O(df) pairs, not O(df²).
    common = sizes > max_df
    if common.any():
        firsts = np.repeat(all_d[starts[common]].astype(np.int64), sizes[common] - 1)
        rest = np.concatenate(
            [np.arange(s + 1, s + z) for s, z in zip(starts[common], sizes[common], strict=True)]
        )
        chunks.append(firsts * n + all_d[rest].astype(np.int64))
        pending += chunks[-1].size
    useful = (sizes > 1) & ~common
    starts, sizes = starts[useful], sizes[useful]
    for size in np.unique(sizes).tolist():
        group_starts = starts[sizes == size]
        first, second = np.triu_indices(size, 1)
        # Bound the block: groups × pairs-per-group entries at a time.
        step = max(1, _REDUCE_AT // max(1, first.size))
        for at in range(0, group_starts.size, step):
            members = all_d[group_starts[at : at + step, None] + np.arange(size)].astype(np.int64)
            chunks.append((members[:, first] * n + members[:, second]).ravel())
            pending += chunks[-1].size
            if pending >= _REDUCE_AT:
                counted.append(np.unique(np.concatenate(chunks), return_counts=True))
                chunks, pending = [], 0
    if chunks:
        counted.append(np.unique(np.concatenate(chunks), return_counts=True))
    return counted
