"""The articles' texts read back from the store by row, for the duplicate search.

A partitioned run never holds the corpus's texts: the search asks for a block of
rows at a time (``miner.dedup.texts``). A part's texts are one zstd-compressed
Parquet column, which can only be read whole; the search visits rows of every part
in every block (copies lie anywhere in the corpus), so reading the parts for each
block decompressed the corpus's texts over and over (404 part reads on 60 MB of
synthetic near copies). The texts are therefore copied once, uncompressed, into an
Arrow IPC file in the store's staging folder (``TEXTS_FILE``, one record batch per
part), and each fetch maps that file and takes only the rows it asks for: the
system reads the pages of those rows, and nothing stays mapped between fetches,
so memory holds no more than before.
"""

from __future__ import annotations

import bisect
import itertools
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

import pyarrow as pa
import pyarrow.ipc

from miner.engine.store import MemoryStore, PartitionedStore

# The texts of a partitioned store, uncompressed, in its staging folder.
TEXTS_FILE = "texts.arrow"


class StoredTexts:
    """``documents.text`` of a store, by row (the order of its chunks)."""

    def __init__(self, store: MemoryStore | PartitionedStore, part_rows: Sequence[int]) -> None:
        self.store = store
        self.starts = [0, *itertools.accumulate(part_rows)]
        self._last: tuple[int, pa.ChunkedArray] | None = None
        self._file: Path | None = None
        if isinstance(store, PartitionedStore):
            self._file = write_texts_file(store, store.staging / TEXTS_FILE, len(part_rows))

    def __len__(self) -> int:
        return self.starts[-1]

    def _column(self, part: int) -> pa.ChunkedArray:
        if self._last is None or self._last[0] != part:
            self._last = None  # let the previous part go before the next is read
            self._last = (part, self.store.part_column("documents", part, "text"))
        return self._last[1]

    def fetch(self, rows: Iterable[int]) -> dict[int, str]:
        by_part = _by_part(self.starts, rows)
        if self._file is not None:
            return _fetch_mapped(self._file, self.starts, by_part)
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
        if self._file is None:
            return None
        return PartTexts(str(self._file), tuple(self.starts))


def write_texts_file(store: PartitionedStore, path: Path, parts: int) -> Path:
    """The ``text`` column of every ``documents`` part into one IPC file, a batch per part."""
    schema = pa.schema([("text", pa.string())])
    written = 0
    with pa.OSFile(str(path), "wb") as sink, pa.ipc.new_file(sink, schema) as writer:
        for table in store.chunks("documents", ["text"]):
            column = table.column(0).cast(pa.string()).combine_chunks()
            writer.write_batch(pa.record_batch([column], schema=schema))
            written += 1
            del table, column
    if written != parts:
        raise ValueError(f"{written} parts of documents for {parts} counted")
    return path


def _fetch_mapped(
    path: Path | str, starts: Sequence[int], by_part: dict[int, list[int]]
) -> dict[int, str]:
    """The texts of ``by_part``'s rows from a ``write_texts_file`` file, mapped for this call."""
    got: dict[int, str] = {}
    if not by_part:
        return got
    with pa.memory_map(str(path)) as source:
        reader = pa.ipc.open_file(source)
        for part, wanted in sorted(by_part.items()):
            local = pa.array([k - starts[part] for k in wanted], type=pa.int64())
            column = reader.get_batch(part).column(0)
            got.update(zip(wanted, column.take(local).to_pylist(), strict=True))
            del column
    return got


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
    numbers, and the worker maps the store's texts file (``write_texts_file``), so
    this process neither reads nor pickles the texts the duplicate search's tasks need.
    """

    path: str
    starts: tuple[int, ...]

    def __len__(self) -> int:
        return self.starts[-1]

    def fetch(self, rows: Iterable[int]) -> dict[int, str]:
        return _fetch_mapped(self.path, self.starts, _by_part(self.starts, rows))
