from __future__ import annotations

from pathlib import Path

import duckdb
import pandas as pd

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
