"""Verified pairs held as arrays while they wait for their alignment.

A verified pair ``(i, j, shared, union, containment)`` as a Python tuple costs ~200
bytes with its numbers, and the search held every one of them from the
verification until the last alignment chunk was collected, through the corpus
checks of a large run: memory that grew with the corpus. Five arrays cost 40
bytes a pair; the alignment takes them a chunk of tuples at a time.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import overload

import numpy as np

# A verified pair: (i, j, shared 5-grams, their union, containment of the smaller).
Verified = tuple[int, int, int, int, float]


class VerifiedPairs(Sequence[Verified]):
    """Verified pairs in their order, as tuples when read.

    Example:
        >>> pairs = VerifiedPairs([(0, 2, 30, 90, 0.5), (1, 2, 12, 80, 0.25)])
        >>> len(pairs), pairs[1], pairs[:1]
        (2, (1, 2, 12, 80, 0.25), [(0, 2, 30, 90, 0.5)])
    """

    def __init__(self, pairs: Iterable[Verified]) -> None:
        rows = list(pairs)
        columns = list(zip(*rows, strict=True)) if rows else [()] * 5
        self._ints = [np.array(c, dtype=np.int64) for c in columns[:4]]
        self._cont = np.array(columns[4], dtype=np.float64)

    def __len__(self) -> int:
        return int(self._cont.size)

    @overload
    def __getitem__(self, k: int) -> Verified: ...
    @overload
    def __getitem__(self, k: slice) -> list[Verified]: ...
    def __getitem__(self, k: int | slice) -> Verified | list[Verified]:
        if isinstance(k, slice):
            i, j, shared, union = (a[k].tolist() for a in self._ints)
            return list(zip(i, j, shared, union, self._cont[k].tolist(), strict=True))
        if not -len(self) <= k < len(self):
            raise IndexError(k)
        (row,) = self[k % len(self) : k % len(self) + 1]
        return row


def compact(pairs: Sequence[Verified]) -> VerifiedPairs:
    """``pairs`` as arrays (the list can then go)."""
    return pairs if isinstance(pairs, VerifiedPairs) else VerifiedPairs(pairs)


__all__ = ["Verified", "VerifiedPairs", "compact"]
