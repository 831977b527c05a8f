from __future__ import annotations

import numpy as np
import pytest

from miner.dedup.index import candidate_pairs

pytest.importorskip("dask.dataframe")

from miner.engine.dask_engine import shuffled_candidate_pairs


@pytest.mark.parametrize(("max_df", "min_shared"), [(5, 1), (50, 2), (3, 1)])
def test_the_shuffle_finds_the_local_pairs(max_df: int, min_shared: int) -> None:
    rng = np.random.default_rng(7)
    keys = [
        np.unique(rng.integers(0, 300, size=rng.integers(0, 25)).astype(np.uint64))
        for _ in range(120)
    ]
    want = candidate_pairs(keys, max_df=max_df, min_shared=min_shared)
    got = shuffled_candidate_pairs(keys, max_df=max_df, min_shared=min_shared, partitions=4)
    for w, g in zip(want, got, strict=True):
        assert g.dtype == np.int64
        assert np.array_equal(w, g)


def test_fewer_than_two_documents_give_no_pairs() -> None:
    got = shuffled_candidate_pairs([np.array([1], dtype=np.uint64)], max_df=5)
    assert [a.size for a in got] == [0, 0, 0]
