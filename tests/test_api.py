"""The public API: what ``import miner`` offers is listed in ``__all__`` and works."""

from __future__ import annotations

from pathlib import Path

import miner


def test_all_names_exist() -> None:
    for name in miner.__all__:
        assert hasattr(miner, name), name


def test_run_from_python(tmp_path: Path, corpus_dir: Path) -> None:
    result = miner.run(miner.Settings(input=corpus_dir, output=tmp_path, csv=False, duckdb=False))
    assert result.articles >= 12 and result.errors == 0
    assert (tmp_path / "documents.parquet").exists()
