"""The articles' texts read back from the store by row, for the duplicate search.

A partitioned run never holds the corpus's texts: the search asks for a block of
rows at a time (``miner.dedup.texts``), and each part it needs is read once per
block, text column only, and only the asked rows become Python strings. The last
part read is kept (as Arrow data, not strings), since the search visits articles in
mostly ascending order.
"""

from __future__ import annotations

import bisect
import functools
import itertools
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from miner.engine.store import MemoryStore, PartitionedStore


class StoredTexts:
    """``documents.text`` of a store, by row (the order of its chunks)."""

    def __init__(self, store: MemoryStore | PartitionedStore, part_rows: Sequence[int]) -> None:
        self.store = store
        self.starts = [0, *itertools.accumulate(part_rows)]
        self._last: tuple[int, pa.ChunkedArray] | None = None

    def __len__(self) -> int:
        return self.starts[-1]

    def _column(self, part: int) -> pa.ChunkedArray:
        if self._last is None or self._last[0] != part:
            self._last = None  # let the previous part go before the next is read
            self._last = (part, self.store.part_column("documents", part, "text"))
        return self._last[1]

    def fetch(self, rows: Iterable[int]) -> dict[int, str]:
        by_part = _by_part(self.starts, rows)
        got: dict[int, str] = {}
        # the kept part first, then ascending: at most one more read for the next block
        kept = self._last[0] if self._last is not None else -1
        for part in sorted(by_part, key=lambda p: (p != kept, p)):
            wanted = by_part[part]
            local = pa.array([k - self.starts[part] for k in wanted], type=pa.int64())
            values = self._column(part).take(local).to_pylist()
            got.update(zip(wanted, values, strict=True))
        return got

    def close(self) -> None:
        self._last = None

    def portable(self) -> PartTexts | None:
        """These texts as a task on another process can read them (partitioned stores only)."""
        if not isinstance(self.store, PartitionedStore):
            return None
        paths = tuple(str(p) for p in self.store.parts("documents"))
        return PartTexts(paths, tuple(self.starts))


def _by_part(starts: Sequence[int], rows: Iterable[int]) -> dict[int, list[int]]:
    by_part: dict[int, list[int]] = defaultdict(list)
    for k in rows:
        if not 0 <= k < starts[-1]:
            raise IndexError(k)
        by_part[bisect.bisect_right(starts, k) - 1].append(k)
    return by_part


@dataclass(frozen=True, slots=True)
class PartTexts:
    """``documents.text`` of a partitioned store by row, opened where it is read.

    Sent to pool workers in place of the texts themselves: a task then carries row
    numbers, and the worker reads the parts' files, so this process neither reads
    nor pickles the texts the duplicate search's tasks need.
    """

    paths: tuple[str, ...]
    starts: tuple[int, ...]

    def __len__(self) -> int:
        return self.starts[-1]

    def fetch(self, rows: Iterable[int]) -> dict[int, str]:
        got: dict[int, str] = {}
        for part, wanted in sorted(_by_part(self.starts, rows).items()):
            path = self.paths[part]
            stat = Path(path).stat()
            local = pa.array([k - self.starts[part] for k in wanted], type=pa.int64())
            column = _text_column(path, stat.st_mtime_ns, stat.st_size)
            got.update(zip(wanted, column.take(local).to_pylist(), strict=True))
        return got


@functools.lru_cache(maxsize=2)
def _text_column(path: str, _mtime_ns: int, _size: int) -> pa.ChunkedArray:
    """A part's text column, kept for the next task (keyed by the file's version too)."""
    return pq.read_table(path, columns=["text"]).column(0)
