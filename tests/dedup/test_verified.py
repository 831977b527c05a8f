"""Verified pairs held as arrays (miner.dedup.verified) read back as the tuples they were."""

from __future__ import annotations

import pickle
import random

from miner.dedup.verified import VerifiedPairs


def _pairs(seed: int, n: int) -> list[tuple[int, int, int, int, float]]:
    rng = random.Random(seed)
    pairs = {(rng.randrange(500), rng.randrange(500, 900)) for _ in range(n)}
    return [(i, j, rng.randrange(9999), rng.randrange(9999), rng.random()) for i, j in pairs]


def test_pairs_read_back_exactly_in_blocks_and_in_order() -> None:
    pairs = _pairs(0, 300)
    blocks = [VerifiedPairs(pairs[at : at + 70]) for at in range(0, len(pairs), 70)]
    held = VerifiedPairs.concat([*blocks, VerifiedPairs([])])
    assert list(held) == pairs and held[5] == pairs[5] and held[-1] == pairs[-1]
    assert held[10:20] == pairs[10:20]
    assert list(held.later_first()) == sorted(pairs, key=lambda t: (t[1], t[0]))
    ii, jj, shared = held.shared()
    assert list(zip(ii.tolist(), jj.tolist(), shared.tolist(), strict=True)) == [
        t[:3] for t in pairs
    ]
    assert list(pickle.loads(pickle.dumps(held))) == pairs  # as a pool task gets them


def test_no_pair() -> None:
    none = VerifiedPairs.concat([])
    assert len(none) == 0 and list(none) == [] and list(none.later_first()) == []
