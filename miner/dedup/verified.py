"""Verified pairs held as arrays while they wait for their alignment.

A verified pair ``(i, j, shared, union, containment)`` as a Python tuple costs ~200
bytes with its numbers, and the search held every one of them from the
verification until the last alignment chunk was collected, through the corpus
checks of a large run: memory that grew with the corpus. Five arrays cost 40
bytes a pair; each block of candidates verified becomes arrays at once, and the
templates, the test beyond them and the alignment read them a chunk at a time.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

import numpy as np

from miner.indexed import Indexed

_STEP = 65_536  # pairs made tuples at once when iterated
# A verified pair: (i, j, shared 5-grams, their union, containment of the smaller).
Verified = tuple[int, int, int, int, float]


class VerifiedPairs(Indexed[Verified]):
    """Verified pairs in their order, as tuples when read.

    Example:
        >>> pairs = VerifiedPairs([(1, 2, 12, 80, 0.25), (0, 2, 30, 90, 0.5), (0, 1, 9, 70, 0.5)])
        >>> len(pairs), pairs[1], pairs[:1]
        (3, (0, 2, 30, 90, 0.5), [(1, 2, 12, 80, 0.25)])
        >>> [p[:2] for p in pairs.later_first()]
        [(0, 1), (0, 2), (1, 2)]
    """

    def __init__(self, pairs: Iterable[Verified]) -> None:
        rows = list(pairs)
        columns = list(zip(*rows, strict=True)) if rows else [()] * 5
        self._ints = [np.array(c, dtype=np.int64) for c in columns[:4]]
        self._cont = np.array(columns[4], dtype=np.float64)

    @classmethod
    def concat(cls, parts: Iterable[VerifiedPairs]) -> VerifiedPairs:
        """The pairs of ``parts`` one after the other (blocks verified in turn)."""
        out = cls(())
        some = list(parts)
        if some:
            out._ints = [np.concatenate([p._ints[c] for p in some]) for c in range(4)]
            out._cont = np.concatenate([p._cont for p in some])
        return out

    def later_first(self) -> VerifiedPairs:
        """The pairs ordered by their later article, then their first (``_later_first``)."""
        order = np.lexsort((self._ints[0], self._ints[1]))
        out = VerifiedPairs(())
        out._ints = [a[order] for a in self._ints]
        out._cont = self._cont[order]
        return out

    def shared(self) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """The arrays ``i``, ``j`` and shared 5-grams of every pair."""
        return self._ints[0], self._ints[1], self._ints[2]

    def __len__(self) -> int:
        return int(self._cont.size)

    def __iter__(self) -> Iterator[Verified]:
        for at in range(0, len(self), _STEP):
            yield from self[at : at + _STEP]

    def _rows(self, k: slice) -> list[Verified]:
        i, j, shared, union = (a[k].tolist() for a in self._ints)
        return list(zip(i, j, shared, union, self._cont[k].tolist(), strict=True))

    def _row(self, i: int) -> Verified:
        (row,) = self._rows(slice(i, i + 1))
        return row


__all__ = ["Verified", "VerifiedPairs"]
