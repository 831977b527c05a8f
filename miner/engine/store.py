"""Where a run's rows wait for the corpus-level steps: in memory, or as Parquet parts.

A normal run keeps each table as Arrow batches in memory and writes one
``NAME.parquet`` per table, byte-identical to what a run has always written. A
large run writes each table as ``NAME/part-NNNNN.parquet`` as it goes: part ``k`` of
every per-page table holds the rows of the same inputs, memory holds one
partition's rows, and the corpus-level steps read back only the columns they need.
DuckDB then gets views over the parts instead of copies.
"""

from __future__ import annotations

import collections
import shutil
from collections.abc import Callable, Iterator, Mapping, Sequence
from pathlib import Path

import pyarrow as pa

from miner.engine.memory import release_memory
from miner.engine.rows import to_table
from miner.tables.read import read_parquet
from miner.tables.schema import TABLES, arrow_schema
from miner.tables.write import atomic_path, write_csv, write_parquet, write_tables

# The order tables have always been written in (and created in DuckDB).
ORDER = (
    "documents", "sections", "sentences", "figures", "slogans", "duplicates", "passages",
    "clusters", "templates", "removals", "errors", "checks", "digit_tests", "units",
    "lexicon", "slogan_by_unit",
)  # fmt: skip
PART = "part-{:05d}.parquet"
# ``set_column``'s function: the new column of each chunk, for the stream of chunks.
ColumnFn = Callable[[Iterator[pa.Table]], Iterator[pa.Array]]
CSV_SUFFIX = "-csv"  # OUT/NAME-csv/part-NNNNN.csv


def _concat(name: str, chunks: Sequence[pa.Table]) -> pa.Table:
    if not chunks:
        return to_table(name, [])
    # One chunk per column: the Parquet bytes then match a table built in one go.
    return pa.concat_tables(chunks).combine_chunks()


class MemoryStore:
    """Every table in memory; written as one file per table."""

    partitioned = False

    def __init__(self) -> None:
        self._chunks: dict[str, list[pa.Table]] = {name: [] for name in TABLES}

    def add_batch(self, tables: Mapping[str, pa.Table]) -> None:
        for name, table in tables.items():
            self._chunks[name].append(table)

    def close_stream(self) -> None:
        return None

    def chunks(self, name: str, columns: Sequence[str] | None = None) -> Iterator[pa.Table]:
        table = self.table(name)
        yield table.select(list(columns)) if columns is not None else table

    def table(self, name: str) -> pa.Table:
        table = _concat(name, self._chunks[name])
        self._chunks[name] = [table]
        return table

    def rows(self, name: str) -> int:
        return sum(t.num_rows for t in self._chunks[name])

    def part_column(self, name: str, part: int, column: str) -> pa.ChunkedArray:
        """One column of chunk ``part`` of ``chunks`` (there is one: the whole table)."""
        if part != 0:
            raise IndexError(part)
        return self.table(name).column(column)

    def set_column(self, name: str, column: str, fn: ColumnFn) -> None:
        """Replace ``column`` by what ``fn`` gives for each chunk (here one: the table).

        ``fn`` maps the stream of chunks to the stream of their new columns, so it can
        keep workers busy across chunks (``PartitionedStore.set_column``).
        """
        table = self.table(name)
        at = table.schema.get_field_index(column)
        (array,) = fn(iter([table]))
        self._chunks[name] = [table.set_column(at, table.schema.field(at), array)]

    def append(self, name: str, table: pa.Table) -> None:
        self._chunks[name].append(table)

    def tables(self) -> dict[str, pa.Table]:
        return {name: self.table(name) for name in ORDER}

    def write(self, out: Path, *, csv: bool, duckdb: bool) -> None:
        _drop_layout(out, partitioned=False)
        write_tables(self.tables(), out, csv=csv, duckdb=duckdb)


class PartitionedStore:
    """Tables as Parquet parts under a staging folder, moved into OUT at the end."""

    partitioned = True

    def __init__(self, out: Path, partition_batches: int) -> None:
        out.mkdir(parents=True, exist_ok=True)
        self.out = out
        self.staging = out / ".miner-staging"
        if self.staging.exists():
            shutil.rmtree(self.staging)  # left by a run that died
        self.staging.mkdir()
        self.partition_batches = partition_batches
        self._buffer: dict[str, list[pa.Table]] = {name: [] for name in TABLES}
        self._batches = 0
        self._parts = 0
        self._rows: dict[str, int] = dict.fromkeys(TABLES, 0)

    def _folder(self, name: str) -> Path:
        folder = self.staging / name
        folder.mkdir(exist_ok=True)
        return folder

    def _write(self, name: str, index: int, table: pa.Table) -> None:
        write_parquet(table, self._folder(name) / PART.format(index))

    def add_batch(self, tables: Mapping[str, pa.Table]) -> None:
        for name, table in tables.items():
            self._buffer[name].append(table)
            self._rows[name] += table.num_rows
        self._batches += 1
        if self._batches >= self.partition_batches:
            self._flush()

    def _flush(self) -> None:
        names = [n for n, chunks in self._buffer.items() if chunks]
        for name in names:
            self._write(name, self._parts, _concat(name, self._buffer[name]))
            self._buffer[name] = []
        self._parts += 1
        self._batches = 0
        release_memory()  # the part's rows, now on disk

    def close_stream(self) -> None:
        if self._batches or not self._parts:
            self._flush()

    def parts(self, name: str) -> list[Path]:
        return sorted(self._folder(name).glob("part-*.parquet"))

    def chunks(self, name: str, columns: Sequence[str] | None = None) -> Iterator[pa.Table]:
        cols = list(columns) if columns is not None else None
        for path in self.parts(name):
            yield read_parquet(path, columns=cols)

    def rows(self, name: str) -> int:
        return self._rows[name]

    def part_column(self, name: str, part: int, column: str) -> pa.ChunkedArray:
        """One column of part ``part`` (the ``part``-th chunk of ``chunks``)."""
        return read_parquet(self.parts(name)[part], columns=[column]).column(0)

    def set_column(self, name: str, column: str, fn: ColumnFn) -> None:
        """Replace ``column`` part by part by what ``fn`` gives for each part in turn.

        Parts are read as ``fn`` asks for them and written as their columns come, so
        ``fn`` may read ahead into the next part (work for idle workers while this
        part's last tasks finish); the parts read and not yet written are held.
        """
        held: collections.deque[tuple[Path, pa.Table]] = collections.deque()
        paths = self.parts(name)

        def tables() -> Iterator[pa.Table]:
            for path in paths:
                table = read_parquet(path)
                held.append((path, table))
                yield table
                del table

        written = 0
        for array in fn(tables()):
            path, table = held.popleft()
            at = table.schema.get_field_index(column)
            write_parquet(table.set_column(at, table.schema.field(at), array), path)
            written += 1
            del table
            release_memory()
        if written != len(paths):
            raise ValueError(f"{len(paths) - written} parts of {name} got no {column} column")

    def append(self, name: str, table: pa.Table) -> None:
        """A table computed at the end (duplicates, corpus checks …) as one more part."""
        index = len(self.parts(name))
        self._write(name, index, table)
        self._rows[name] += table.num_rows

    def tables(self) -> dict[str, pa.Table]:
        """Nothing is held whole: read the parts from OUT (``miner.Corpus.from_output``)."""
        return {}

    def write(self, out: Path, *, csv: bool, duckdb: bool) -> None:
        for name in ORDER:
            if not self.parts(name):
                self._write(name, 0, arrow_schema(name).empty_table())
            if csv:  # beside the parts, not among them: a folder of parts is a dataset
                folder = self.staging / f"{name}{CSV_SUFFIX}"
                folder.mkdir(exist_ok=True)
                for path in self.parts(name):
                    write_csv(read_parquet(path), folder / path.with_suffix(".csv").name)
                    release_memory()
        _drop_layout(out, partitioned=True)
        for name in ORDER:
            for sub in (name, f"{name}{CSV_SUFFIX}"):
                target = out / sub
                if target.exists():
                    shutil.rmtree(target)
                if (self.staging / sub).exists():
                    (self.staging / sub).replace(target)
        shutil.rmtree(self.staging)
        if duckdb:
            write_views(out)


def _drop_layout(out: Path, *, partitioned: bool) -> None:
    """Remove the other layout's files, so a folder never holds both."""
    for name in TABLES:
        if partitioned:
            for suffix in (".parquet", ".csv"):
                (out / f"{name}{suffix}").unlink(missing_ok=True)
        else:
            for folder in (out / name, out / f"{name}{CSV_SUFFIX}"):
                if folder.is_dir() and any(folder.glob("part-*")):
                    shutil.rmtree(folder)


def write_views(out: Path) -> Path:
    """``OUT/miner.duckdb`` with one view per table over its parts (absolute paths)."""
    import duckdb

    path = out / "miner.duckdb"
    with atomic_path(path) as tmp:
        tmp.unlink()  # duckdb refuses to open an empty non-database file
        con = duckdb.connect(str(tmp))
        try:
            for name in ORDER:
                glob = (out / name).resolve() / "part-*.parquet"
                literal = str(glob).replace("'", "''")
                con.execute(f"CREATE VIEW \"{name}\" AS SELECT * FROM read_parquet('{literal}')")
        finally:
            con.close()
        wal = tmp.with_name(tmp.name + ".wal")
        if wal.exists():
            wal.unlink()
    return path


def read_partitioned(folder: Path) -> pa.Table:
    """One table from its parts, in part order."""
    parts = sorted(folder.glob("part-*.parquet"))
    return pa.concat_tables([read_parquet(p) for p in parts]) if parts else pa.table({})
