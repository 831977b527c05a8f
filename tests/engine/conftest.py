"""Helpers for the engine tests: compare two runs' tables, whatever their layout."""

from __future__ import annotations

from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from miner.engine.rows import to_table
from miner.engine.store import read_partitioned
from miner.tables import TABLES


def load_table(out: Path, name: str) -> pa.Table:
    if (out / f"{name}.parquet").exists():
        return pq.read_table(out / f"{name}.parquet")
    return read_partitioned(out / name)


def assert_same_tables(a: Path, b: Path) -> None:
    """Every table of two output folders holds the same rows in the same order."""
    for name in TABLES:
        ta, tb = load_table(a, name), load_table(b, name)
        assert ta.num_rows == tb.num_rows, name
        assert ta.equals(tb), name


def documents_batch(texts: list[str]) -> dict[str, pa.Table]:
    """A batch of ``documents`` rows, one per text, the other columns empty."""
    columns = [c for c, _ in TABLES["documents"]]
    rows = []
    for text in texts:
        values = {c: None for c in columns}
        values.update(doc_id=f"id-{text}", source="s", part=1, text=text, n_chars=len(text))
        rows.append(tuple(values[c] for c in columns))
    return {"documents": to_table("documents", rows)}


@pytest.fixture(scope="session")
def reference_run(tmp_path_factory: pytest.TempPathFactory, corpus_dir: Path) -> Path:
    """The demo corpus in this process, one batch at a time, no cache: the reference."""
    from miner.pipeline import run
    from miner.settings import Settings

    out = tmp_path_factory.mktemp("reference")
    run(Settings(input=corpus_dir, output=out, csv=False, duckdb=False, jobs=1, cache=False))
    return out
