from __future__ import annotations

import random

from miner.dedup.clusters import UnionFind, clusters


def test_families_are_connected_components() -> None:
    rows = clusters([("a", "b"), ("c", "d"), ("b", "e")], {}, {"a": 5, "b": 9, "c": 1, "d": 2})
    fam = {r.doc_id: r.cluster_id for r in rows}
    assert fam == {"a": 1, "b": 1, "e": 1, "c": 2, "d": 2}
    assert {r.doc_id for r in rows if r.is_representative} == {"b", "d"}  # longest
    assert {r.size for r in rows if r.cluster_id == 1} == {3}


def test_representative_is_the_earliest_dated() -> None:
    rows = clusters([("a", "b"), ("b", "c")], {"c": "2011-03-01", "a": "2012-01-01"}, {"b": 99})
    assert [r.doc_id for r in rows if r.is_representative] == ["c"]


def test_order_of_pairs_does_not_matter() -> None:
    pairs = [(f"d{i}", f"d{j}") for i, j in [(1, 2), (3, 4), (2, 5), (6, 7), (7, 8), (9, 1)]]
    first = clusters(pairs, {}, {})
    for seed in range(5):
        shuffled = pairs[:]
        random.Random(seed).shuffle(shuffled)
        assert clusters([(b, a) for a, b in shuffled], {}, {}) == first


def test_union_find_roots_are_smallest() -> None:
    uf = UnionFind()
    uf.union("z", "m")
    uf.union("m", "a")
    assert uf.find("z") == "a"
    assert uf.groups() == [["a", "m", "z"]]
