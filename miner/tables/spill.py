"""Rows of one table kept on disk as they come, then sorted into one table.

The duplicate search finishes chunk by chunk, in the order of its verified pairs, and
its ``passages`` and ``duplicates`` tables are sorted by document ids at the end. Held
in memory until then, a corpus of near copies makes them grow with the corpus (about
1 MB of passage rows per MB of input, three times over while they were concatenated,
taken and combined), and they were the largest part of a large run's peak. Here each
chunk's rows go to an uncompressed Parquet file as they come; the sort reads the key columns
only, and the sorted table is then built one column at a time, so its peak is the
result plus one column, not three copies of the table.

The result is the table ``sort_indices`` and ``take`` of the concatenated chunks would
give (Arrow's sort is stable), one chunk per column, so its Parquet bytes are those of
the table built in memory.

A table of a large corpus is read back in parts (``sorted_parts``): DuckDB sorts the
files with a memory limit, spilling its runs to disk, and the sorted rows come out
``PART_ROWS`` at a time, so no step holds the whole table. Up to ``PART_ROWS`` rows
that is one part, the very table ``sorted`` gives.
"""

from __future__ import annotations

import contextlib
import shutil
import tempfile
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

from miner.tables.read import read_parquet

if TYPE_CHECKING:
    import duckdb

# Rows per part of a table read back by ``sorted_parts``: 131,072 passages are about
# 35 MB in memory, and a corpus under ~35 MB of near copies has fewer.
PART_ROWS = 1 << 17
# Rows of a table made as Python objects (the repeated claims' checks) that go to the
# store at once: 16,384 checks are ~7 MB as objects.
OBJECT_ROWS = 1 << 14
# What DuckDB may hold while it sorts or groups (it spills to the spill folder beyond
# that): a fixed share of the run's memory, whatever the corpus size. Its sort merges
# runs of this size, a block of each pinned at once: at 64 MB, 1.2M passages (about
# 300 MB of near copies) failed to pin a block; at 128 MB 4.8M sorted in +340 MB.
SORT_MEMORY = "128MB"
# The order rows were added in: the last sort key, so DuckDB's sort is stable too.
SEQ = "_spill_seq"


class SpilledRows:
    """Tables of one schema appended to files in ``folder``, read back sorted.

    Example:
        >>> import pyarrow as pa, tempfile
        >>> with tempfile.TemporaryDirectory() as tmp:
        ...     rows = SpilledRows(pa.schema([("k", pa.string()), ("v", pa.int64())]), tmp)
        ...     rows.add(pa.table({"k": ["b", "a"], "v": [1, 2]}))
        ...     rows.add(pa.table({"k": ["a"], "v": [3]}))
        ...     got = rows.sorted(["k"])
        ...     rows.close()
        >>> got.to_pydict()
        {'k': ['a', 'a', 'b'], 'v': [2, 3, 1]}
    """

    def __init__(self, schema: pa.Schema, folder: str | Path | None = None) -> None:
        self.schema = schema
        if folder is not None:
            Path(folder).mkdir(parents=True, exist_ok=True)
        self.folder = Path(tempfile.mkdtemp(prefix="spill-", dir=folder))
        self.files: list[Path] = []
        self.counts: list[int] = []  # rows of each file
        self.rows = 0

    def add(self, table: pa.Table) -> None:
        """Write ``table``'s rows to a file of their own (nothing is kept in memory)."""
        if not table.num_rows:
            return
        path = self.folder / f"{len(self.files):06d}.parquet"
        seq = pa.array(range(self.rows, self.rows + table.num_rows), type=pa.int64())
        spilled = table.cast(self.schema).append_column(SEQ, seq)
        pq.write_table(spilled, path, compression="none", use_dictionary=False)
        self.files.append(path)
        self.counts.append(table.num_rows)
        self.rows += table.num_rows

    def _column(self, name: str) -> pa.Array:
        """One column of every file, in file order, as one array (one copy in memory)."""
        pieces: list[pa.Array] = []
        for path in self.files:
            pieces.extend(read_parquet(path, columns=[name]).column(0).chunks)
        return pa.concat_arrays(pieces)

    def sorted(self, keys: Sequence[str]) -> pa.Table:
        """Every row, sorted ascending by ``keys`` (stably), one chunk per column.

        A column is read into one array and taken from there: taking from many chunks
        would concatenate them first, one more copy of the largest column.
        """
        if not self.files:
            return self.schema.empty_table()
        order = pc.sort_indices(
            pa.table({k: self._column(k) for k in keys}),
            sort_keys=[(k, "ascending") for k in keys],
        )
        columns = []
        for field in self.schema:
            column = self._column(field.name)
            columns.append(column.take(order))
            del column
        return pa.Table.from_arrays(columns, schema=self.schema)

    def sorted_parts(
        self,
        keys: Sequence[str],
        *,
        without: pa.Table | None = None,
        part_rows: int | None = None,
    ) -> Iterator[pa.Table]:
        """``sorted(keys)`` as tables of ``part_rows`` (``PART_ROWS``) rows, one at least.

        ``without`` holds key values (some of the key columns) whose rows are left
        out. Each table has one chunk per column; with ``part_rows`` rows or fewer in
        all, the one table is ``sorted(keys)``'s, byte for byte once written.

        Only the keys are sorted, as integers (a string key by its rank among the
        column's distinct values, in code point order, as Arrow and DuckDB order
        strings): each row gets its place in the result. One pass over the files
        then deals each row to the file of its part, and each part is read back
        from its own file a column at a time and put in order. The sort costs a
        few integers a row; DuckDB, sorting whole rows, held up to its memory limit
        and as much again in Arrow batches around it, the largest peak of a large
        run (a corpus of near copies has a passage row per 300 bytes of input).
        """
        part_rows = part_rows or PART_ROWS
        if not self.files:
            yield self.schema.empty_table()
            return
        place = self._places(keys, without)
        kept = int(np.count_nonzero(place >= 0))
        if not kept:
            yield self.schema.empty_table()
            return
        parts = self._dealt(place, part_rows)
        try:
            for k, path in enumerate(parts):
                in_part = place // part_rows == k
                in_part &= place >= 0
                # the part's rows were dealt in file order: ``place`` in that order
                order = pa.array(np.argsort(place[in_part]))
                del in_part
                yield self._ordered(path, order)
                path.unlink()
        finally:
            for path in parts:
                path.unlink(missing_ok=True)

    def _places(self, keys: Sequence[str], without: pa.Table | None) -> np.ndarray:
        """Each row's place in the sorted result (file order), -1 for a row left out."""
        ranked: list[np.ndarray] = []
        values: dict[str, pa.Array] = {}
        for key in keys:
            rank, values[key] = _ranks(self._column(key))
            ranked.append(rank)
        # np.lexsort is stable and sorts by its last key first: rows equal on every
        # key keep the order they were added in (``SEQ``, DuckDB's last sort key)
        order = np.lexsort(ranked[::-1])
        keep = np.ones(order.size, dtype=bool)
        if without is not None and without.num_rows:
            names = without.column_names
            bases = [len(values[k]) + 1 for k in names]  # a rank is at most len (a null)
            left_out = _codes([_ranks(without.column(k), values[k])[0] for k in names], bases)
            rows = _codes([ranked[list(keys).index(k)] for k in names], bases)
            keep = ~np.isin(rows, left_out)
        del ranked
        place = np.full(order.size, -1, dtype=np.int64)
        kept = order[keep[order]]
        place[kept] = np.arange(kept.size, dtype=np.int64)
        return place

    def _dealt(self, place: np.ndarray, part_rows: int) -> list[Path]:
        """Every kept row in the file of its part (``place // part_rows``), in file order."""
        count = int(place.max()) // part_rows + 1
        paths = [self.folder / f"part-{k:06d}.parquet" for k in range(count)]
        writers = [
            pq.ParquetWriter(path, self.schema, compression="none", use_dictionary=False)
            for path in paths
        ]
        try:
            start = 0
            for path, rows in zip(self.files, self.counts, strict=True):
                local = place[start : start + rows]
                start += rows
                part = np.where(local >= 0, local // part_rows, -1)
                table = read_parquet(path, columns=self.schema.names)
                for k in np.unique(part[part >= 0]).tolist():
                    piece = table.take(pa.array(np.flatnonzero(part == k)))
                    writers[k].write_table(piece.cast(self.schema))
                del table
        finally:
            for writer in writers:
                writer.close()
        return paths

    def _ordered(self, path: Path, order: pa.Array) -> pa.Table:
        """The rows of a part's file taken in ``order``, a column at a time, one chunk each."""
        columns = []
        for name in self.schema.names:
            column = read_parquet(path, columns=[name]).column(0)
            columns.append(column.combine_chunks().take(order))
            del column
        return pa.Table.from_arrays(columns, schema=self.schema)

    @contextlib.contextmanager
    def connect(self) -> Iterator[duckdb.DuckDBPyConnection]:
        """A DuckDB connection that reads the rows as the view ``spilled`` (with ``SEQ``).

        DuckDB holds at most ``SORT_MEMORY`` and spills the rest of a sort or a
        grouping to this object's folder.
        """
        import duckdb

        con = duckdb.connect(
            config={
                "memory_limit": SORT_MEMORY,
                "temp_directory": str(self.folder / "duckdb"),
                "threads": 1,
            }
        )
        try:
            # DuckDB's own reader: an Arrow dataset's scan is not bounded by the limit
            con.read_parquet([str(p) for p in self.files]).create_view("spilled")
            yield con
        finally:
            con.close()

    def close(self) -> None:
        """Remove the files."""
        shutil.rmtree(self.folder, ignore_errors=True)
        self.files = []
        self.counts = []
        self.rows = 0


def _ranks(column: pa.Array, values: pa.Array | None = None) -> tuple[np.ndarray, pa.Array]:
    """Each value's rank in the ascending order of ``values`` (the column's distinct
    values when None), nulls last as DuckDB puts them, and the values ranked."""
    if values is None:
        distinct = pc.drop_null(pc.unique(column))
        values = distinct.take(pc.sort_indices(distinct))
    at = pc.index_in(column, value_set=values)
    rank = pc.fill_null(at, len(values)).to_numpy(zero_copy_only=False).astype(np.int64)
    return rank, values


def _codes(ranks: Sequence[np.ndarray], bases: Sequence[int]) -> np.ndarray:
    """One integer per row of rank columns, ranks of column k below ``bases[k]``."""
    code = np.zeros(ranks[0].size if ranks else 0, dtype=np.int64)
    span = 1
    for rank, base in zip(ranks, bases, strict=True):
        span *= base
        if span >= 1 << 62:
            raise OverflowError("too many distinct key values to combine")
        code = code * base + rank
    return code


def table_parts(
    batches: Iterable[pa.RecordBatch], schema: pa.Schema, part_rows: int | None = None
) -> Iterator[pa.Table]:
    """The rows of ``batches`` as tables of ``schema`` (columns renamed in order), one at least.

    Each table has ``part_rows`` (``PART_ROWS``) rows, the last one fewer, and one
    chunk per column: a table of up to ``part_rows`` rows gives the Parquet bytes of
    the same rows built in one go.
    """
    part_rows = part_rows or PART_ROWS
    held: list[pa.RecordBatch] = []
    count = 0
    given = False
    for batch in batches:
        while batch.num_rows:
            take = batch.slice(0, part_rows - count)
            held.append(take)
            count += take.num_rows
            batch = batch.slice(take.num_rows)
            if count == part_rows:
                part = _table(held, schema)
                held.clear()  # the batches, copied into the part: let them go first
                count, given = 0, True
                yield part
    if count or not given:
        part = _table(held, schema)
        held.clear()
        yield part


def _table(batches: list[pa.RecordBatch], schema: pa.Schema) -> pa.Table:
    if not batches:
        return schema.empty_table()
    table = pa.Table.from_batches(batches).rename_columns(schema.names).cast(schema)
    return table.combine_chunks()
