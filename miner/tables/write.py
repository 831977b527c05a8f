"""Write tables atomically: Parquet, CSV with BOM, and one DuckDB file.

Every file is written under a temporary name in the output folder and renamed
into place, so a run that dies leaves the previous complete outputs, never half
a file. Parquet is written without timestamps so the same input gives the same
bytes.

A temporary name carries the writer's process id (``.documents.parquet.4242.x1y2.tmp``),
so the next run into the folder can tell the leftovers of a killed run (their
process is gone) from the files of a run still writing, and removes only the former.
"""

from __future__ import annotations

import contextlib
import os
import re
import tempfile
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.csv as pacsv
import pyarrow.parquet as pq

_TEMP = re.compile(r"^\..+\.(?P<pid>\d+)\.[^.]+\.tmp(?:\.wal)?$")


@contextlib.contextmanager
def atomic_path(path: Path) -> Iterator[Path]:
    """A temporary path beside ``path`` that replaces it when the block succeeds."""
    prefix = f".{path.name}.{os.getpid()}."
    fd, tmp = tempfile.mkstemp(prefix=prefix, suffix=".tmp", dir=path.parent)
    os.close(fd)
    tmp_path = Path(tmp)
    try:
        yield tmp_path
        # mkstemp makes the file private (0600); outputs get the usual permissions.
        tmp_path.chmod(0o666 & ~_umask())
        tmp_path.replace(path)
    finally:
        if tmp_path.exists():
            tmp_path.unlink()


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def write_parquet(table: pa.Table, path: Path) -> None:
    with atomic_path(path) as tmp:
        pq.write_table(table, tmp, compression="zstd", write_statistics=True)


def write_text(text: str, path: Path) -> None:
    """A UTF-8 text file (an HTML page), written atomically."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with atomic_path(path) as tmp:
        tmp.write_text(text, encoding="utf-8")


def write_csv(table: pa.Table, path: Path) -> None:
    """UTF-8 with a BOM, so spreadsheet programs open Chinese correctly."""
    with atomic_path(path) as tmp, tmp.open("wb") as fh:
        fh.write("\ufeff".encode())
        pacsv.write_csv(table, fh)


def load_tables(con: Any, tables: Mapping[str, pa.Table]) -> None:
    """Create (or replace) one DuckDB table per Arrow table on an open connection."""
    for name, table in tables.items():
        con.register("_incoming", table)
        con.execute(f'CREATE OR REPLACE TABLE "{name}" AS SELECT * FROM _incoming')
        con.unregister("_incoming")


def write_duckdb(tables: Mapping[str, pa.Table], path: Path) -> None:
    import duckdb

    with atomic_path(path) as tmp:
        tmp.unlink()  # duckdb refuses to open an empty non-database file
        con = duckdb.connect(str(tmp))
        try:
            load_tables(con, tables)
        finally:
            con.close()
        wal = tmp.with_name(tmp.name + ".wal")
        if wal.exists():
            wal.unlink()


def _alive(pid: int) -> bool:
    """Whether another process with this id runs (our own id counts as gone, see below)."""
    if pid == os.getpid():
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # another user's process
    return True


def remove_stale_temps(out: Path) -> list[Path]:
    """Delete the temporary files that killed runs left in ``out``; returns them.

    Called before this process writes anything there, so a temporary file with our
    own process id is a leftover too: in a container every run may have the same id.
    """
    removed: list[Path] = []
    for path in out.glob(".*.tmp*"):
        m = _TEMP.match(path.name)
        if m and not _alive(int(m["pid"])):
            with contextlib.suppress(FileNotFoundError):
                path.unlink()
            removed.append(path)
    return sorted(removed)


def write_tables(
    tables: Mapping[str, pa.Table], out: Path, *, csv: bool = True, duckdb: bool = True
) -> list[Path]:
    """Write every table; returns the paths written."""
    out.mkdir(parents=True, exist_ok=True)
    remove_stale_temps(out)
    written: list[Path] = []
    for name, table in tables.items():
        write_parquet(table, out / f"{name}.parquet")
        written.append(out / f"{name}.parquet")
        if csv:
            write_csv(table, out / f"{name}.csv")
            written.append(out / f"{name}.csv")
    if duckdb:
        write_duckdb(tables, out / "miner.duckdb")
        written.append(out / "miner.duckdb")
    return written
