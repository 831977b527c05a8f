from __future__ import annotations

from pathlib import Path

import pyarrow as pa
import pyarrow.compute as pc

from miner.tables.spill import SpilledRows

SCHEMA = pa.schema([("a", pa.string()), ("b", pa.int64()), ("c", pa.string())])


def test_sorted_rows_are_the_sort_of_the_concatenated_tables(tmp_path: Path) -> None:
    chunks = [
        pa.table({"a": ["x", "é", "b"], "b": [2, 1, 1], "c": ["1", None, "3"]}, schema=SCHEMA),
        pa.table({"a": [], "b": [], "c": []}, schema=SCHEMA),
        pa.table({"a": ["b", "x", "a"], "b": [1, 1, 9], "c": ["4", "5", "6"]}, schema=SCHEMA),
    ]
    rows = SpilledRows(SCHEMA, tmp_path)
    for chunk in chunks:
        rows.add(chunk)
    assert rows.rows == 6 and len(rows.files) == 2  # an empty table writes no file
    keys = [("a", "ascending"), ("b", "ascending")]
    whole = pa.concat_tables(chunks)
    expected = whole.take(pc.sort_indices(whole, sort_keys=keys)).combine_chunks()
    got = rows.sorted(["a", "b"])
    assert got.equals(expected)
    assert got.column("c").to_pylist() == ["6", "3", "4", "5", "1", None]  # stable: b, then x
    assert all(column.num_chunks == 1 for column in got.columns)
    rows.close()
    assert not any(tmp_path.iterdir())


def test_nothing_added_sorts_to_an_empty_table(tmp_path: Path) -> None:
    rows = SpilledRows(SCHEMA, tmp_path)
    assert rows.sorted(["a"]).equals(SCHEMA.empty_table())
    rows.close()
