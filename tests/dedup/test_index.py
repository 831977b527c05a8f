from __future__ import annotations

import itertools

import numpy as np

from miner.dedup.index import candidate_pairs


def _keys(*docs: list[int]) -> list[np.ndarray]:
    return [np.array(sorted(set(d)), dtype=np.uint64) for d in docs]


def test_pairs_count_shared_keys() -> None:
    ii, jj, n = candidate_pairs(_keys([1, 2, 3], [2, 3, 4], [3, 9], [7]), max_df=10)
    assert list(zip(ii.tolist(), jj.tolist(), n.tolist(), strict=True)) == [
        (0, 1, 2),
        (0, 2, 1),
        (1, 2, 1),
    ]


def test_keys_held_by_too_many_documents_are_skipped() -> None:
    docs = [[1, 100 + i] for i in range(6)] + [[100, 200], [100, 200]]
    ii, jj, _ = candidate_pairs(_keys(*docs), max_df=3)
    # key 1 is in six documents: stock text, never a reason to compare
    assert list(zip(ii.tolist(), jj.tolist(), strict=True)) == [(0, 6), (0, 7), (6, 7)]


def test_min_shared_and_brute_force_agree() -> None:
    rng = np.random.default_rng(3)
    docs = [rng.integers(0, 40, size=rng.integers(0, 12)).tolist() for _ in range(30)]
    ii, jj, n = candidate_pairs(_keys(*docs), max_df=30, min_shared=2)
    got = set(zip(ii.tolist(), jj.tolist(), n.tolist(), strict=True))
    want = set()
    for i, j in itertools.combinations(range(len(docs)), 2):
        shared = len(set(docs[i]) & set(docs[j]))
        if shared >= 2:
            want.add((i, j, shared))
    assert got == want


def test_no_documents() -> None:
    assert all(a.size == 0 for a in candidate_pairs([], max_df=5))
