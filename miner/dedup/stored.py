"""The first pass's index on disk, for runs whose corpus need not fit in memory.

``DedupIndex`` holds a NumPy array per article for its fingerprints and one for its
sentence hashes: about 1.5 KB an article, plus the candidate step's copies of them,
so a partitioned run's memory grew with the corpus through them alone. Here each
kind of array is written end to end to one file as the words step hands over its
batches, with the offsets where each article's values start; the steps that read
them ask for runs of articles (``runs``), a bounded number of values at a time, or
for one article (``ArrayFile[k]``). Nothing is mapped: a read is a ``pread`` into
memory the caller lets go, so no page of the files stays counted in the process.

An ``ArrayFile`` is a path, a dtype and its offsets: it pickles to a pool worker,
which reads the same file (the templates task).
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np

from miner.indexed import Indexed

if TYPE_CHECKING:
    from miner.dedup import DedupIndex

# Values read at once by ``runs``: 1M fingerprints are 8 MB.
RUN_VALUES = 1 << 20
_DIGEST = 16  # bytes of an article's exact-copy digest (``DedupIndex.exact``)


class ArrayFile(Indexed[np.ndarray]):
    """Arrays of one dtype, one per article, end to end in a file.

    Example:
        >>> import tempfile
        >>> with tempfile.TemporaryDirectory() as tmp:
        ...     arrays = ArrayFile(Path(tmp) / "a.bin", np.uint64)
        ...     arrays.extend([np.array([1, 2], np.uint64), np.array([], np.uint64)])
        ...     arrays.extend([np.array([3], np.uint64)])
        ...     got = [a.tolist() for a in arrays], arrays.sizes().tolist()
        >>> got
        ([[1, 2], [], [3]], [2, 0, 1])
    """

    def __init__(self, path: Path, dtype: type[np.generic]) -> None:
        self.path = path
        self.dtype = np.dtype(dtype)
        self.offsets = np.zeros(1, dtype=np.int64)
        path.write_bytes(b"")

    def extend(self, arrays: Sequence[np.ndarray]) -> None:
        """Append the arrays of the articles that follow."""
        if not arrays:
            return
        sizes = np.fromiter((a.size for a in arrays), dtype=np.int64, count=len(arrays))
        with self.path.open("ab") as sink:
            sink.write(np.concatenate(arrays).astype(self.dtype, copy=False).tobytes())
        self.offsets = np.concatenate([self.offsets, self.offsets[-1] + np.cumsum(sizes)])

    def __len__(self) -> int:
        return self.offsets.size - 1

    def _rows(self, k: slice) -> list[np.ndarray]:
        lo, hi, step = k.indices(len(self))
        if step != 1:
            return super()._rows(k)
        flat = self._read(int(self.offsets[lo]), int(self.offsets[hi]))
        return np.split(flat, (self.offsets[lo + 1 : hi] - self.offsets[lo]).tolist())

    def _row(self, i: int) -> np.ndarray:
        return self._read(int(self.offsets[i]), int(self.offsets[i + 1]))

    def take(self, rows: Iterable[int]) -> dict[int, np.ndarray]:
        """The arrays of ``rows``, read through one open file in file order.

        ``self[k]`` opens the file for each article: a block of a few thousand
        articles' 5-gram sets then cost more in ``open`` than in reading.
        """
        got: dict[int, np.ndarray] = {}
        wanted = sorted(dict.fromkeys(rows))
        if not wanted:
            return got
        size = self.dtype.itemsize
        with self.path.open("rb") as source:
            for k in wanted:
                if not 0 <= k < len(self):
                    raise IndexError(k)
                start, stop = int(self.offsets[k]), int(self.offsets[k + 1])
                data = os.pread(source.fileno(), (stop - start) * size, start * size)
                got[k] = np.frombuffer(data, dtype=self.dtype)
        return got

    def fetch(self, rows: Iterable[int]) -> dict[int, np.ndarray]:
        """``take``, under the name a ``miner.dedup.texts.RowCache`` reads its source by."""
        return self.take(rows)

    def _read(self, start: int, stop: int) -> np.ndarray:
        if stop <= start:
            return np.empty(0, dtype=self.dtype)
        size = self.dtype.itemsize
        return np.fromfile(self.path, dtype=self.dtype, count=stop - start, offset=start * size)

    def sizes(self) -> np.ndarray:
        """Each article's number of values."""
        return np.diff(self.offsets)

    def values(self) -> int:
        return int(self.offsets[-1])

    def runs(self, limit: int = RUN_VALUES) -> Iterator[tuple[int, np.ndarray, np.ndarray]]:
        """(first article, sizes, values) of consecutive articles, about ``limit`` values each."""
        n = len(self)
        first = 0
        while first < n:
            # the articles whose values end within ``limit`` of this run's start (one at least)
            last = int(np.searchsorted(self.offsets, self.offsets[first] + limit, side="right"))
            last = min(n, max(first + 1, last - 1))
            yield (
                first,
                np.diff(self.offsets[first : last + 1]),
                self._read(int(self.offsets[first]), int(self.offsets[last])),
            )
            first = last


def runs(
    arrays: Sequence[np.ndarray], limit: int = RUN_VALUES
) -> Iterator[tuple[int, np.ndarray, np.ndarray]]:
    """``ArrayFile.runs`` of any sequence of arrays (in memory: one run of all)."""
    if isinstance(arrays, ArrayFile):
        yield from arrays.runs(limit)
    elif len(arrays):
        sizes = np.fromiter((len(a) for a in arrays), dtype=np.int64, count=len(arrays))
        yield 0, sizes, np.concatenate([np.asarray(a) for a in arrays])


def sizes_of(arrays: Sequence[np.ndarray]) -> np.ndarray:
    """The number of values of each array, without reading a file's values."""
    if isinstance(arrays, ArrayFile):
        return arrays.sizes()
    return np.fromiter((len(a) for a in arrays), dtype=np.int64, count=len(arrays))


class Digests(Indexed[bytes]):
    """Each article's exact-copy digest (b"" for an empty view), 17 bytes an article."""

    def __init__(self) -> None:
        self._data = bytearray()

    def extend(self, digests: Sequence[bytes]) -> None:
        for d in digests:
            if d and len(d) != _DIGEST:
                raise ValueError(f"a digest of {len(d)} bytes")
            self._data += (b"\x01" + d) if d else bytes(_DIGEST + 1)

    def __len__(self) -> int:
        return len(self._data) // (_DIGEST + 1)

    def _row(self, i: int) -> bytes:
        at = i * (_DIGEST + 1)
        return bytes(self._data[at + 1 : at + 1 + _DIGEST]) if self._data[at] else b""


class StoredIndex:
    """A ``DedupIndex`` whose arrays wait in files of ``folder`` (same fields, same order)."""

    def __init__(self, folder: Path) -> None:
        folder.mkdir(parents=True, exist_ok=True)
        self.exact = Digests()
        self.keys = ArrayFile(folder / "keys.u64", np.uint64)
        self.units = ArrayFile(folder / "units.u64", np.uint64)
        # Each article's full 5-gram set, when the first pass kept them
        # (``index_articles(..., sets=True)``): the verification, the templates and
        # the test beyond them read an article's set several times, and a read
        # here is a ``pread`` where recomputing it meant its text, view and hashes.
        self.sets = ArrayFile(folder / "sets.u64", np.uint64)

    def extend(self, other: DedupIndex) -> None:
        """Append the index of the articles that follow."""
        self.exact.extend(other.exact)
        self.keys.extend(other.keys)
        self.units.extend(other.units)
        if other.sets:
            self.sets.extend(other.sets)

    def stored_sets(self) -> ArrayFile | None:
        """The 5-gram sets, when every article's was kept."""
        return self.sets if len(self.sets) == len(self.exact) and len(self.sets) else None


__all__ = ["ArrayFile", "Digests", "StoredIndex", "runs", "sizes_of"]
