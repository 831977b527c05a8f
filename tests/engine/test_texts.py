from __future__ import annotations

import pickle
from pathlib import Path

import pytest

from miner.engine.store import MemoryStore, PartitionedStore
from miner.engine.texts import TEXTS_FILE, StoredTexts

from .conftest import documents_batch


@pytest.mark.parametrize("partitioned", [False, True])
def test_stored_texts_read_rows_across_parts(tmp_path: Path, partitioned: bool) -> None:
    store = PartitionedStore(tmp_path, partition_batches=2) if partitioned else MemoryStore()
    batches = [["a", "bb"], ["ccc"], [], ["dddd", "e", "ff"], ["g"]]
    for batch in batches:
        store.add_batch(documents_batch(batch))
    store.close_stream()
    part_rows = [chunk.num_rows for chunk in store.chunks("documents", ["doc_id"])]
    assert len(part_rows) == (3 if partitioned else 1)
    everything = [t for batch in batches for t in batch]
    texts = StoredTexts(store, part_rows)
    assert len(texts) == len(everything)
    assert texts.fetch([5, 0, 3, 2]) == {5: "ff", 0: "a", 3: "dddd", 2: "ccc"}
    assert texts.fetch(range(len(everything))) == dict(enumerate(everything))
    texts.close()
    assert texts.fetch([]) == {}
    with pytest.raises(IndexError):
        texts.fetch([len(everything)])


def test_portable_texts_read_the_parts_where_they_are_sent(tmp_path: Path) -> None:
    batches = [["a", "bb"], ["ccc"], ["dddd", "e", "ff"]]
    memory = MemoryStore()
    store = PartitionedStore(tmp_path, partition_batches=1)
    for batch in batches:
        store.add_batch(documents_batch(batch))
        memory.add_batch(documents_batch(batch))
    store.close_stream()
    memory.close_stream()
    assert StoredTexts(memory, [6]).portable() is None  # nothing a worker could open
    part_rows = [chunk.num_rows for chunk in store.chunks("documents", ["doc_id"])]
    portable = StoredTexts(store, part_rows).portable()
    assert portable is not None
    sent = pickle.loads(pickle.dumps(portable))  # what a worker gets: paths, not texts
    assert len(pickle.dumps(portable)) < 1000
    assert len(sent) == 6
    assert sent.fetch([5, 0, 3]) == {5: "ff", 0: "a", 3: "dddd"}
    with pytest.raises(IndexError):
        sent.fetch([6])


def test_partitioned_texts_are_read_from_one_uncompressed_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A part's Parquet column can only be read whole: fetching rows of several parts
    # block after block must not decompress the parts again.
    store = PartitionedStore(tmp_path, partition_batches=1)
    batches = [["a", "bb"], [], ["ccc", "dddd"]]
    for batch in batches:
        store.add_batch(documents_batch(batch))
    store.close_stream()
    part_rows = [chunk.num_rows for chunk in store.chunks("documents", ["doc_id"])]
    texts = StoredTexts(store, part_rows)
    assert (store.staging / TEXTS_FILE).is_file()

    def no_part_reads(*_: object) -> None:
        raise AssertionError("a part was read again")

    monkeypatch.setattr(store, "part_column", no_part_reads)
    for _ in range(3):
        assert texts.fetch([3, 0, 2]) == {3: "dddd", 0: "a", 2: "ccc"}
    texts.close()  # the file stays for the alignment that follows
    assert texts.fetch([1]) == {1: "bb"}
    store.write(tmp_path, csv=False, duckdb=False)
    assert not store.staging.exists()  # and goes with the staging folder
