from __future__ import annotations

import subprocess
import sys

import numpy as np
from hypothesis import given
from hypothesis import strategies as st

from miner.dedup.shingles import shared_count, shingle_hashes, unique, winnow


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


@given(st.lists(st.integers(min_value=0, max_value=2**64 - 1), max_size=40), st.integers(1, 9))
def test_winnowing_keeps_the_hash_at_each_windows_leftmost_minimum(
    values: list[int], w: int
) -> None:
    hashes = np.array(values, dtype=np.uint64)
    if hashes.size <= w:
        expected = hashes[:0] if not hashes.size else hashes.min(keepdims=True)
    else:
        windows = np.lib.stride_tricks.sliding_window_view(hashes, w)
        expected = unique(hashes[np.argmin(windows, axis=1) + np.arange(windows.shape[0])])
    got = winnow(hashes, w)
    assert got.dtype == np.uint64
    assert got.tolist() == expected.tolist()
