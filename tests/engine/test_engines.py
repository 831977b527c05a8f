"""The same tables whatever runs the stages: one process, a pool, Dask, the cache, partitions."""

from __future__ import annotations

from pathlib import Path

import duckdb
import pyarrow.parquet as pq
import pytest

from miner.corpus import Corpus
from miner.pipeline import run
from miner.settings import Settings
from miner.tables import TABLES

from .conftest import assert_same_tables, load_table


def _run(src: Path, out: Path, **kw: object) -> None:
    # Small batches, so that even the demo corpus makes many tasks and partitions.
    options = {"batch_pages": 2, "partition_batches": 2, "parallel_min_bytes": 0, **kw}
    run(Settings(input=src, output=out, csv=False, duckdb=False, **options))  # type: ignore[arg-type]


def test_two_workers_equal_one(tmp_path: Path, corpus_dir: Path, reference_run: Path) -> None:
    _run(corpus_dir, tmp_path, jobs=2, cache=False)
    for name in TABLES:  # byte for byte
        assert (tmp_path / f"{name}.parquet").read_bytes() == (
            reference_run / f"{name}.parquet"
        ).read_bytes(), name


def test_two_workers_write_the_same_partitions_as_one(tmp_path: Path, corpus_dir: Path) -> None:
    # Partitioned, the pool's duplicate-search tasks read the texts from the parts
    # themselves (``PartTexts``) and find the templates on a worker.
    parts = {}
    for jobs in (1, 2):
        out = tmp_path / f"j{jobs}"
        _run(corpus_dir, out, jobs=jobs, cache=False, partitioned=True)
        parts[jobs] = {p.relative_to(out): p.read_bytes() for p in out.rglob("*.parquet")}
    assert parts[1] and parts[1].keys() == parts[2].keys()
    for name, data in parts[1].items():  # byte for byte
        assert parts[2][name] == data, name


def test_dask_local_cluster_equals_local(
    tmp_path: Path, corpus_dir: Path, reference_run: Path
) -> None:
    pytest.importorskip("dask.distributed")
    _run(corpus_dir, tmp_path, engine="dask", jobs=2, cache=False)
    assert_same_tables(tmp_path, reference_run)
    for name in TABLES:
        assert (tmp_path / f"{name}.parquet").read_bytes() == (
            reference_run / f"{name}.parquet"
        ).read_bytes(), name


def test_a_cached_rerun_equals_a_fresh_run(
    tmp_path: Path, corpus_dir: Path, reference_run: Path
) -> None:
    _run(corpus_dir, tmp_path, jobs=1)
    _run(corpus_dir, tmp_path, jobs=1)
    assert_same_tables(tmp_path, reference_run)


def test_partitioned_tables_hold_the_same_rows(
    tmp_path: Path, corpus_dir: Path, reference_run: Path
) -> None:
    out = tmp_path / "out"
    run(
        Settings(input=corpus_dir, output=out, partitioned=True, batch_pages=2, partition_batches=2)
    )
    assert_same_tables(out, reference_run)
    parts = sorted(p.name for p in (out / "documents").glob("part-*.parquet"))
    assert len(parts) > 1 and parts == sorted(p.name for p in (out / "sentences").glob("*.parquet"))
    assert (out / "documents-csv" / "part-00000.csv").exists()
    assert pq.read_table(out / "documents").equals(load_table(reference_run, "documents"))
    assert not (out / "documents.parquet").exists()
    con = duckdb.connect(str(out / "miner.duckdb"), read_only=True)
    for name in TABLES:
        (n,) = con.execute(f'SELECT count(*) FROM "{name}"').fetchone() or (None,)
        assert n == Corpus.from_output(reference_run).tables[name].num_rows, name
    con.close()
    assert Corpus.from_output(out).documents.equals(Corpus.from_output(reference_run).documents)
    # A later single-file run in the same folder replaces the parts.
    run(Settings(input=corpus_dir, output=out, csv=False, duckdb=False, jobs=1))
    assert (out / "documents.parquet").exists() and not (out / "documents").exists()
    assert not (out / "documents-csv").exists()
