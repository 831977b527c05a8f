from __future__ import annotations

import subprocess
import sys

import numpy as np

from miner.dedup.shingles import shared_count, shingle_hashes


def test_hashes_match_the_string_sets() -> None:
    a, b = "我镇开展双比双争活动成效明显", "我街道开展双比双争活动成效明显"
    ha, hb = shingle_hashes(a), shingle_hashes(b)
    sa = {a[i : i + 5] for i in range(len(a) - 4)}
    sb = {b[i : i + 5] for i in range(len(b) - 4)}
    assert ha.size == len(sa) and hb.size == len(sb)
    assert shared_count(ha, hb) == len(sa & sb)
    assert np.all(ha[:-1] < ha[1:])  # sorted and unique


def test_hashes_do_not_depend_on_the_process() -> None:
    code = "from miner.dedup.shingles import shingle_hashes; print(shingle_hashes('创先争优活动总结').tolist())"
    runs = {
        subprocess.run(
            [sys.executable, "-c", code], capture_output=True, text=True, check=True
        ).stdout
        for _ in range(2)
    }
    assert len(runs) == 1
    assert shingle_hashes("短").size == 0


def test_without_is_setdiff() -> None:
    from miner.dedup.shingles import without

    rng = np.random.default_rng(7)
    for _ in range(200):
        a = np.unique(rng.integers(0, 60, rng.integers(0, 40)).astype(np.uint64))
        b = np.unique(rng.integers(0, 60, rng.integers(0, 40)).astype(np.uint64))
        assert without(a, b).tolist() == np.setdiff1d(a, b, assume_unique=True).tolist()
