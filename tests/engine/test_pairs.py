from __future__ import annotations

import numpy as np
import pytest

from miner.dedup.index import candidate_pairs
from miner.engine.pairs import sliced_candidate_pairs


def _keys(seed: int, docs: int = 150, space: int = 400) -> list[np.ndarray]:
    rng = np.random.default_rng(seed)
    return [
        np.unique(rng.integers(0, space, size=rng.integers(0, 30)).astype(np.uint64))
        for _ in range(docs)
    ]


@pytest.mark.parametrize("slices", [1, 2, 5, 13])
@pytest.mark.parametrize(("max_df", "min_shared"), [(6, 1), (60, 2), (3, 1)])
def test_slices_give_the_one_pass_pairs(slices: int, max_df: int, min_shared: int) -> None:
    keys = _keys(slices * 7 + max_df)
    want = candidate_pairs(keys, max_df=max_df, min_shared=min_shared)
    got = sliced_candidate_pairs(keys, max_df=max_df, min_shared=min_shared, slices=slices)
    for w, g in zip(want, got, strict=True):
        assert np.array_equal(w, g)


def test_large_keys_and_empty_documents() -> None:
    big = np.array([2**63 + 5, 2**64 - 1], dtype=np.uint64)
    keys = [big, np.empty(0, dtype=np.uint64), big.copy(), big[:1].copy()]
    got = sliced_candidate_pairs(keys, max_df=10, slices=3)
    assert [a.tolist() for a in got] == [[0, 0, 2], [2, 3, 3], [2, 1, 1]]
    assert [a.size for a in sliced_candidate_pairs(keys[:1], max_df=10)] == [0, 0, 0]
