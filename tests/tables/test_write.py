from __future__ import annotations

from pathlib import Path

import duckdb
import pandas as pd
import pyarrow as pa
import pytest

from miner.models import ErrorRecord
from miner.tables import TABLES, write_tables
from miner.tables.schema import to_arrow


def test_empty_tables_keep_their_columns(tmp_path: Path) -> None:
    tables = {name: to_arrow(name, []) for name in TABLES}
    write_tables(tables, tmp_path)
    for name, cols in TABLES.items():
        df = pd.read_parquet(tmp_path / f"{name}.parquet")
        assert list(df.columns) == [c for c, _ in cols]
        assert (tmp_path / f"{name}.csv").read_bytes().startswith(b"\xef\xbb\xbf")
    con = duckdb.connect(str(tmp_path / "miner.duckdb"), read_only=True)
    assert {r[0] for r in con.execute("SHOW TABLES").fetchall()} == set(TABLES)
    con.close()
    assert not list(tmp_path.glob(".*.tmp"))


def test_write_is_byte_identical(tmp_path: Path) -> None:
    rows = [ErrorRecord("a.txt", "read", "the file is empty")]
    for out in (tmp_path / "1", tmp_path / "2"):
        write_tables({"errors": to_arrow("errors", rows)}, out, duckdb=False)
    assert (tmp_path / "1/errors.parquet").read_bytes() == (
        tmp_path / "2/errors.parquet"
    ).read_bytes()
    assert "the file is empty" in (tmp_path / "1/errors.csv").read_text(encoding="utf-8-sig")


def _tables() -> dict[str, pa.Table]:
    return {"errors": to_arrow("errors", [ErrorRecord("a.txt", "read", "the file is empty")])}


def test_write_removes_what_killed_runs_left_and_nothing_else(tmp_path: Path) -> None:
    import os
    import subprocess
    import sys

    dead = subprocess.run(
        [sys.executable, "-c", "import os; print(os.getpid())"],
        capture_output=True,
        text=True,
        check=True,
    )
    dead_pid = int(dead.stdout)
    alive = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    try:
        left = {
            f".errors.parquet.{dead_pid}.ab12cd.tmp": True,  # a killed run's table
            f".miner.duckdb.{dead_pid}.x_y9z0.tmp.wal": True,  # and its DuckDB log
            f".documents.csv.{os.getpid()}.qq11rr.tmp": True,  # ours, from before this write
            f".errors.csv.{alive.pid}.zz99yy.tmp": False,  # a run still writing
            ".notes.tmp": False,  # not a name miner gives
            "keep.txt": False,
        }
        for name in left:
            (tmp_path / name).write_bytes(b"partial")
        write_tables(_tables(), tmp_path, duckdb=False)
        for name, removed in left.items():
            assert (tmp_path / name).exists() != removed, name
    finally:
        alive.kill()
        alive.wait()


def test_write_failure_keeps_the_previous_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import pyarrow.parquet as pq

    write_tables(_tables(), tmp_path, csv=False, duckdb=False)
    before = (tmp_path / "errors.parquet").read_bytes()

    def broken(table: pa.Table, where: Path, **kwargs: object) -> None:
        Path(where).write_bytes(b"PAR1 half a file")
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(pq, "write_table", broken)
    with pytest.raises(OSError):
        write_tables({"errors": to_arrow("errors", [])}, tmp_path, csv=False, duckdb=False)
    assert (tmp_path / "errors.parquet").read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == ["errors.parquet"]


def test_write_outputs_get_the_usual_permissions(tmp_path: Path) -> None:
    import os

    mask = os.umask(0o022)
    try:
        write_tables(_tables(), tmp_path)
    finally:
        os.umask(mask)
    assert {p.name: p.stat().st_mode & 0o777 for p in tmp_path.iterdir()} == {
        "errors.parquet": 0o644,
        "errors.csv": 0o644,
        "miner.duckdb": 0o644,
    }
