"""MinHash signatures and LSH band keys: the scale-out path for candidate search.

Winnowing finds every pair sharing a passage but its index holds ~20% of all
5-grams; MinHash keeps ``num_perm`` numbers per article whatever its length, so its
band keys can be shuffled between machines (Dask) or kept for millions of articles.
Copies of work reports sit at Jaccard 0.36–0.63 (``../shared/notes/dedup.md``), far
below the 0.7–0.85 that web-scale deduplicators tune for, so the default banding is
many short bands: 42 bands × 3 rows of 126 permutations put the 50% point of the
S-curve near Jaccard 0.25 (P = 1 − (1 − J³)⁴²: J=0.3 → 0.68, J=0.36 → 0.87,
J=0.5 → 0.995). Candidates are verified exactly afterwards, so a false candidate only
costs time.

Signatures use one-permutation hashing with rotation densification (one hash per
shingle, ``num_perm`` bins), which numpy evaluates for a batch of articles in one pass;
the seed is fixed, so signatures are the same on every run.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from miner.dedup.shingles import splitmix64

NUM_PERM = 126
BANDS = 42
ROWS = 3
SEED = 20_240_601
_MAX = np.uint32(0xFFFFFFFF)
_ROTATE = np.uint32(0x9E3779B9)  # added per bin of distance when an empty bin borrows


def _mix(h: np.ndarray, seed: int) -> np.ndarray:
    """splitmix64 of the shingle hashes salted with ``seed``: one fresh hash per shingle."""
    return splitmix64(h.astype(np.uint64) ^ np.uint64(seed * 0x9E3779B97F4A7C15 % 2**64))


def fold32(hashes: np.ndarray) -> np.ndarray:
    """64-bit shingle hashes to 32-bit words (both halves count)."""
    h = np.asarray(hashes, dtype=np.uint64)
    return ((h >> np.uint64(32)) ^ (h & np.uint64(0xFFFFFFFF))).astype(np.uint32)


def _densify(sig: np.ndarray) -> None:
    """Fill empty bins from the next filled bin to the right, offset by the distance.

    Rotation densification (Shrivastava and Li, 2014): two articles with the same
    shingles fill the same bins the same way, so agreement still estimates Jaccard
    for short articles that leave bins empty.
    """
    k = sig.shape[1]
    for row in np.flatnonzero((sig == _MAX).any(axis=1) & (sig != _MAX).any(axis=1)):
        filled = np.flatnonzero(sig[row] != _MAX)
        empty = np.flatnonzero(sig[row] == _MAX)
        nxt = np.searchsorted(filled, empty) % filled.size
        dist = (filled[nxt] - empty) % k
        with np.errstate(over="ignore"):
            sig[row, empty] = sig[row, filled[nxt]] + dist.astype(np.uint32) * _ROTATE


def signatures(
    shingles: Sequence[np.ndarray], num_perm: int = NUM_PERM, seed: int = SEED
) -> np.ndarray:
    """An ``(n, num_perm)`` uint32 matrix: row ``i`` is article ``i``'s MinHash signature.

    One-permutation hashing (Li, Owen and Zhang, 2012): each shingle is hashed once;
    the high bits pick one of ``num_perm`` bins, the low bits are its value, and each
    bin keeps its minimum. That is one pass over the shingles instead of
    ``num_perm``, with the same estimate: the share of equal bins of two rows
    estimates the Jaccard of their shingle sets. An article without shingles gets the
    all-maximum row, which no other row equals by chance.

    Example:
        >>> from miner.dedup.shingles import shingle_hashes
        >>> one = shingle_hashes("我乡开展双创双争活动成效明显")
        >>> s = signatures([one, one.copy()])
        >>> bool((s[0] == s[1]).all())
        True
    """
    n = len(shingles)
    out = np.full(n * num_perm, _MAX, dtype=np.uint32)
    sizes = np.array([len(s) for s in shingles], dtype=np.int64)
    if not n or not sizes.sum():
        return out.reshape(n, num_perm)
    for first in range(0, n, _BATCH):
        part = slice(first, min(n, first + _BATCH))
        counts = sizes[part]
        if not counts.sum():
            continue
        mixed = _mix(np.concatenate(list(shingles[part])), seed)
        with np.errstate(over="ignore"):
            bins = ((mixed >> np.uint64(32)) * np.uint64(num_perm)) >> np.uint64(32)
        values = (mixed & np.uint64(0xFFFFFFFF)).astype(np.uint32)
        owner = np.repeat(np.arange(first, part.stop, dtype=np.int64), counts)
        np.minimum.at(out, owner * num_perm + bins.astype(np.int64), values)
    sig = out.reshape(n, num_perm)
    _densify(sig)
    return sig


_BATCH = 4096  # articles hashed at once


def band_keys(sigs: np.ndarray, bands: int = BANDS, rows: int = ROWS) -> list[np.ndarray]:
    """Per article, one 64-bit key per band (the band's index mixed in).

    Two articles share a key exactly when one of their bands is equal, so
    ``miner.dedup.index.candidate_pairs`` turns the keys into LSH candidates.
    """
    n = sigs.shape[0]
    used = sigs[:, : bands * rows].astype(np.uint64).reshape(n, bands, rows)
    mult = np.array([0x9E3779B97F4A7C15, 0xC2B2AE3D27D4EB4F, 0x165667B19E3779F9], np.uint64)
    with np.errstate(over="ignore"):
        keys = np.zeros((n, bands), dtype=np.uint64)
        for r in range(rows):
            keys = (keys ^ used[:, :, r]) * mult[r % 3]
        keys ^= np.arange(bands, dtype=np.uint64)[None, :] * np.uint64(0xFF51AFD7ED558CCD)
        keys ^= keys >> np.uint64(29)
    empty = (sigs == _MAX).all(axis=1)
    return [np.empty(0, dtype=np.uint64) if empty[i] else np.unique(keys[i]) for i in range(n)]
