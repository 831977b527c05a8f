"""A partitioned run keeps its corpus-level structures on disk, whatever the corpus size.

Issue 10: the main process's peak must not grow with the corpus. These tests pin
the structures that used to: the duplicate search's index goes to files, and the
corpus-level tables (pairs, passages, repeated claims, slogan counts) reach the
store in parts of at most ``PART_ROWS`` rows, never built whole; with parts of
two rows the tables still hold the rows of a run in memory, in the same order.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pyarrow.parquet as pq
import pytest

import miner.engine.run as engine_run
from miner.dedup import templates
from miner.dedup.stored import ArrayFile, StoredIndex
from miner.extract import repeated
from miner.pipeline import run
from miner.settings import Settings
from miner.tables import spill

from .conftest import assert_same_tables


def test_corpus_level_tables_come_in_bounded_parts(
    tmp_path: Path, corpus_dir: Path, reference_run: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(spill, "PART_ROWS", 2)
    monkeypatch.setattr(spill, "OBJECT_ROWS", 2)
    # the repeated claims made two figures at a time, the template sentences sorted
    # in shards of two hashes
    monkeypatch.setattr(repeated, "_FIGURES", 2)
    monkeypatch.setattr(templates, "_SHARD_VALUES", 2)
    indexes: list[Any] = []
    start = engine_run.start_dedup

    def spy(*args: Any, **kw: Any) -> Any:
        indexes.append(kw["index"])
        return start(*args, **kw)

    monkeypatch.setattr(engine_run, "start_dedup", spy)
    out = tmp_path / "out"
    run(
        Settings(
            input=corpus_dir,
            output=out,
            partitioned=True,
            csv=False,
            duckdb=False,
            jobs=1,
            cache=False,
        )
    )
    assert_same_tables(out, reference_run)
    (index,) = indexes
    assert isinstance(index, StoredIndex) and isinstance(index.keys, ArrayFile)
    assert index.stored_sets() is not None  # the 5-gram sets read back, not recomputed
    for name in ("duplicates", "passages", "slogan_by_unit", "checks"):
        rows = [pq.ParquetFile(p).metadata.num_rows for p in sorted((out / name).glob("*.parquet"))]
        if name == "checks":  # the per-page parts first, then the repeated claims
            rows = rows[len(list((out / "documents").glob("*.parquet"))) :]
        assert len(rows) > 1 and max(rows) <= 2, name
    assert not (out / ".miner-staging").exists()  # the index and spilled rows are gone
