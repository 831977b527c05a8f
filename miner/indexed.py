"""One way to index the column-backed sequences that stand in for lists of records.

Digests, verified pairs and article metadata are held as arrays or Arrow columns so that a
large run does not keep an object per row, yet their callers index and slice them as lists.
The list rules (negative indices, ``IndexError``, slices with steps) live here once; each
sequence says only how it builds one row and, where it can do better than row by row, a run
of rows.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TypeVar, overload

T = TypeVar("T")


class Indexed(Sequence[T]):
    """A ``Sequence`` whose subclasses give ``__len__``, ``_row`` and, optionally, ``_rows``."""

    def _row(self, i: int) -> T:
        """Row ``i``, with ``0 <= i < len(self)``."""
        raise NotImplementedError

    def _rows(self, k: slice) -> list[T]:
        """The rows of slice ``k``; row by row unless the subclass can take them at once."""
        return [self._row(i) for i in range(*k.indices(len(self)))]

    @overload
    def __getitem__(self, k: int) -> T: ...
    @overload
    def __getitem__(self, k: slice) -> list[T]: ...
    def __getitem__(self, k: int | slice) -> T | list[T]:
        if isinstance(k, slice):
            return self._rows(k)
        n = len(self)
        if not -n <= k < n:
            raise IndexError(k)
        return self._row(k % n)


__all__ = ["Indexed"]
