"""The same tasks on a dask.distributed cluster, and the duplicate search's banding as a shuffle.

Per-batch tasks are submitted with ``client.submit`` and collected in input order,
as the local pool does, so the tables equal the local engine's. Workers read no
files: the client reads and batches the pages and ships their text, so workers
need miner installed but not the input folder.

The candidate step of the duplicate search (``miner.dedup.index.candidate_pairs``)
is a group-by on keys — winnowing fingerprints or MinHash band keys. Here the
``(key, document)`` rows become a Dask DataFrame shuffled on the key, so all rows of
one key meet in one partition wherever they came from; each partition counts its
pairs, and a group-by on the pair sums the counts. Keys are unique per document and
each key's group is whole in one partition, so the counts, the ``max_df`` cut and
the ``min_shared`` filter are exactly the local ones.
"""

from __future__ import annotations

import itertools
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import Any, TypeVar

import numpy as np
import pandas as pd

from miner.engine.pairs import pairs_of_rows, rows_of
from miner.engine.workers import PairFinder

T = TypeVar("T")
R = TypeVar("R")

# (key, document) rows per input partition of the shuffle.
_ROWS_PER_PARTITION = 2_000_000


class DaskEngine:
    """Tasks on a running scheduler (``address``) or on a LocalCluster of ``jobs`` workers."""

    def __init__(self, address: str | None, jobs: int, window: int | None = None) -> None:
        from dask.distributed import Client, LocalCluster

        self._cluster = None
        if address is None:
            self._cluster = LocalCluster(
                n_workers=jobs,
                threads_per_worker=1,
                processes=True,
                dashboard_address=None,
                silence_logs=40,
            )
            self.client = Client(self._cluster)
        else:
            self.client = Client(address)
        self.jobs = max(1, len(self.client.scheduler_info().get("workers", {})) or jobs)
        self.window = window or 2 * self.jobs

    def map_ordered(self, fn: Callable[..., R], items: Iterable[T], *args: Any) -> Iterator[R]:
        pending: deque[Any] = deque()
        for item in items:
            pending.append(self.client.submit(fn, item, *args, pure=False))
            if len(pending) >= self.window:
                yield pending.popleft().result()
        while pending:
            yield pending.popleft().result()

    def pair_finder(self) -> PairFinder | None:
        def find(
            keys: Sequence[np.ndarray], *, max_df: int, min_shared: int = 1
        ) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
            return shuffled_candidate_pairs(keys, max_df=max_df, min_shared=min_shared)

        return find

    def aside(self, fn: Callable[..., R], *args: Any) -> Callable[[], R]:
        """Here, on the client: the shuffle inside the duplicate search needs the client."""
        return lambda: fn(*args)

    def close(self) -> None:
        self.client.close()
        if self._cluster is not None:
            self._cluster.close()


def _key_rows(keys: Sequence[np.ndarray], first: int) -> pd.DataFrame:
    """The ``(key, document)`` rows of documents ``first …``, one row per key."""
    flat, docs = rows_of(keys, first)
    return pd.DataFrame({"key": flat, "doc": docs})


def _partition_pairs(rows: pd.DataFrame, n: int, max_df: int) -> pd.DataFrame:
    """Pairs and shared-key counts of the key groups in one shuffled partition."""
    pairs, shared = pairs_of_rows(rows["key"].to_numpy(), rows["doc"].to_numpy(), n, max_df)
    return pd.DataFrame({"pair": pairs, "shared": shared})


def shuffled_candidate_pairs(
    keys: Sequence[np.ndarray], *, max_df: int, min_shared: int = 1, partitions: int | None = None
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """``candidate_pairs`` as a Dask shuffle on the key (same arrays, same order).

    Runs on the current Dask client (the engine's); without one, Dask's local
    scheduler.
    """
    import dask
    import dask.dataframe as dd

    n = len(keys)
    empty = np.empty(0, dtype=np.int64)
    if n < 2:
        return empty, empty, empty
    total = sum(len(k) for k in keys)
    step = max(1, n * _ROWS_PER_PARTITION // max(1, total))
    bounds = [*range(0, n, step), n]
    parts = [
        dask.delayed(_key_rows)(list(keys[lo:hi]), lo) for lo, hi in itertools.pairwise(bounds)
    ]
    meta = pd.DataFrame({"key": np.empty(0, np.uint64), "doc": np.empty(0, np.int64)})
    frame = dd.from_delayed(parts, meta=meta, verify_meta=False)
    count = partitions or max(2, len(parts))
    shuffled = frame.shuffle("key", npartitions=count)
    pair_meta = pd.DataFrame({"pair": np.empty(0, np.int64), "shared": np.empty(0, np.int64)})
    pairs = shuffled.map_partitions(_partition_pairs, n, max_df, meta=pair_meta)
    summed = pairs.groupby("pair")["shared"].sum().compute()
    summed = summed[summed >= min_shared].sort_index()
    flat = summed.index.to_numpy(dtype=np.int64)
    return flat // n, flat % n, summed.to_numpy(dtype=np.int64)
