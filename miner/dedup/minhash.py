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

Permutations are ``a·x + b`` over 32-bit words (a odd), which numpy evaluates for a
batch of articles at once; the seed is fixed, so signatures are the same on every run.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

NUM_PERM = 126
BANDS = 42
ROWS = 3
SEED = 20_240_601
_MAX = np.uint32(0xFFFFFFFF)
# Elements (hashes × permutations) evaluated in one numpy block: bounds memory.
_BLOCK = 4_000_000


def _params(num_perm: int, seed: int) -> tuple[np.ndarray, np.ndarray]:
    rng = np.random.Generator(np.random.PCG64(seed))
    a = rng.integers(1, 2**32, size=num_perm, dtype=np.uint64).astype(np.uint32) | np.uint32(1)
    b = rng.integers(0, 2**32, size=num_perm, dtype=np.uint64).astype(np.uint32)
    return a, b


def _fold(hashes: np.ndarray) -> np.ndarray:
    """64-bit shingle hashes to 32-bit words (both halves count)."""
    h = np.asarray(hashes, dtype=np.uint64)
    return ((h >> np.uint64(32)) ^ (h & np.uint64(0xFFFFFFFF))).astype(np.uint32)


def signatures(
    shingles: Sequence[np.ndarray], num_perm: int = NUM_PERM, seed: int = SEED
) -> np.ndarray:
    """An ``(n, num_perm)`` uint32 matrix: row ``i`` is article ``i``'s MinHash signature.

    An article without shingles gets the all-maximum row, which no other row equals
    by chance. The fraction of equal columns of two rows estimates their Jaccard.

    Example:
        >>> from miner.dedup.shingles import shingle_hashes
        >>> one = shingle_hashes("我乡开展双创双争活动成效明显")
        >>> s = signatures([one, one.copy()])
        >>> bool((s[0] == s[1]).all())
        True
    """
    a, b = _params(num_perm, seed)
    out = np.full((len(shingles), num_perm), _MAX, dtype=np.uint32)
    sizes = np.array([len(s) for s in shingles], dtype=np.int64)
    # Batches of whole articles whose hashes × permutations fit one block.
    per = max(1, _BLOCK // max(1, num_perm))
    i = 0
    while i < len(shingles):
        j, total = i, 0
        while j < len(shingles) and (total + sizes[j] <= per or j == i):
            total += int(sizes[j])
            j += 1
        batch = [k for k in range(i, j) if sizes[k]]
        if batch:
            words = _fold(np.concatenate([shingles[k] for k in batch]))
            with np.errstate(over="ignore"):
                values = words[:, None] * a[None, :] + b[None, :]
            starts = np.r_[0, np.cumsum(sizes[batch])[:-1]]
            out[batch] = np.minimum.reduceat(values, starts, axis=0)
        i = j
    return out


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
