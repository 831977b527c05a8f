from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pyarrow as pa
import pytest

from miner.engine.store import MemoryStore, PartitionedStore

from .conftest import documents_batch


@pytest.mark.parametrize("partitioned", [False, True])
def test_set_column_gives_each_chunk_its_column_when_read_ahead(
    tmp_path: Path, partitioned: bool
) -> None:
    # The words pass reads the next part before the last one's column is back: a
    # function that reads every chunk first must still set each chunk's own column.
    store = PartitionedStore(tmp_path, partition_batches=1) if partitioned else MemoryStore()
    batches = [["a", "bb"], [], ["ccc"], ["dddd", "e"]]
    for batch in batches:
        store.add_batch(documents_batch(batch))
    store.close_stream()

    def upper(tables: Iterator[pa.Table]) -> Iterator[pa.Array]:
        read = list(tables)  # all ahead
        for table in read:
            yield pa.array([t.upper() for t in table.column("text").to_pylist()], pa.string())

    store.set_column("documents", "words", upper)
    words = [
        w for chunk in store.chunks("documents", ["words"]) for w in chunk.column(0).to_pylist()
    ]
    assert words == ["A", "BB", "CCC", "DDDD", "E"]
    if partitioned:  # the empty part stays a part
        assert [c.num_rows for c in store.chunks("documents", ["words"])] == [2, 0, 1, 2]


def test_set_column_refuses_a_function_that_skips_parts(tmp_path: Path) -> None:
    store = PartitionedStore(tmp_path, partition_batches=1)
    for batch in (["a"], ["b"]):
        store.add_batch(documents_batch(batch))
    store.close_stream()

    def first_only(tables: Iterator[pa.Table]) -> Iterator[pa.Array]:
        for table in tables:
            yield pa.array(table.column("text").to_pylist(), pa.string())
            return

    with pytest.raises(ValueError, match="1 parts"):
        store.set_column("documents", "words", first_only)
