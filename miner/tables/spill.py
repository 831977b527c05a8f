"""Rows of one table kept on disk as they come, then sorted into one table.

The duplicate search finishes chunk by chunk, in the order of its verified pairs, and
its ``passages`` and ``duplicates`` tables are sorted by document ids at the end. Held
in memory until then, a corpus of near copies makes them grow with the corpus (about
1 MB of passage rows per MB of input, three times over while they were concatenated,
taken and combined), and they were the largest part of a large run's peak. Here each
chunk's rows go to an Arrow IPC file as they come; the sort reads the key columns
only, and the sorted table is then built one column at a time, so its peak is the
result plus one column, not three copies of the table.

The result is the table ``sort_indices`` and ``take`` of the concatenated chunks would
give (Arrow's sort is stable), one chunk per column, so its Parquet bytes are those of
the table built in memory.
"""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Sequence
from pathlib import Path

import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.ipc as ipc


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
        self.rows = 0

    def add(self, table: pa.Table) -> None:
        """Write ``table``'s rows to a file of their own (nothing is kept in memory)."""
        if not table.num_rows:
            return
        path = self.folder / f"{len(self.files):06d}.arrow"
        with pa.OSFile(str(path), "wb") as sink, ipc.new_file(sink, self.schema) as writer:
            writer.write_table(table.cast(self.schema))
        self.files.append(path)
        self.rows += table.num_rows

    def _column(self, name: str) -> pa.Array:
        """One column of every file, in file order, as one array (one copy in memory)."""
        pieces: list[pa.Array] = []
        for path in self.files:
            with pa.OSFile(str(path)) as source:
                pieces.extend(ipc.open_file(source).read_all().column(name).chunks)
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

    def close(self) -> None:
        """Remove the files."""
        shutil.rmtree(self.folder, ignore_errors=True)
        self.files = []
        self.rows = 0
