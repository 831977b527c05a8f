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


def test_keys_held_by_too_many_documents_cost_no_clique() -> None:
    docs = [[1, 100 + i] for i in range(6)] + [[100, 200], [100, 200]]
    ii, jj, n = candidate_pairs(_keys(*docs), max_df=3)
    pairs = dict(zip(zip(ii.tolist(), jj.tolist(), strict=True), n.tolist(), strict=True))
    # key 1 is in six documents: each is paired with the first holder only (5, not 15)
    assert {p for p in pairs if p[0] < 6 and p[1] < 6} == {(0, k) for k in range(1, 6)}
    assert pairs[(6, 7)] == 2 and pairs[(0, 6)] == 1
    ii, jj, _ = candidate_pairs(_keys(*docs), max_df=3, min_shared=2)
    assert list(zip(ii.tolist(), jj.tolist(), strict=True)) == [(6, 7)]


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


def test_shards_give_the_same_pairs() -> None:
    rng = np.random.default_rng(7)
    docs = [rng.integers(0, 60, size=rng.integers(0, 15)).tolist() for _ in range(40)]
    whole = candidate_pairs(_keys(*docs), max_df=40, min_shared=1, shards=1)
    for shards in (2, 3, 7):
        parts = candidate_pairs(_keys(*docs), max_df=40, min_shared=1, shards=shards)
        assert all((a == b).all() for a, b in zip(whole, parts, strict=True))


def test_a_key_in_many_documents_links_them_to_its_first_holder() -> None:
    docs = [[1, 2] for _ in range(6)]
    ii, jj, n = candidate_pairs(_keys(*docs), max_df=3)
    # not the 15 pairs of a clique: five pairs with document 0, each sharing both keys
    assert list(zip(ii.tolist(), jj.tolist(), n.tolist(), strict=True)) == [
        (0, k, 2) for k in range(1, 6)
    ]
