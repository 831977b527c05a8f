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


def _spilled(tmp_path: Path, chunks: list[pa.Table]) -> SpilledRows:
    rows = SpilledRows(SCHEMA, tmp_path)
    for chunk in chunks:
        rows.add(chunk)
    return rows


def test_sorted_parts_are_the_sorted_table_cut_in_parts(tmp_path: Path) -> None:
    """Gathered part by part from the files by each row's place (tiny parts: several
    files feed every part), the rows are those of the sort of the whole table."""
    chunks = [
        pa.table({"a": ["x", "é", "b", None], "b": [2, 1, 1, 0], "c": ["1", None, "3", "n"]}),
        pa.table({"a": ["b", "x", "a", "é"], "b": [1, 1, 9, 1], "c": ["4", "5", "6", "7"]}),
        pa.table({"a": ["a", "b"], "b": [9, 0], "c": ["8", "9"]}),
    ]
    rows = _spilled(tmp_path, [c.cast(SCHEMA) for c in chunks])
    whole = rows.sorted(["a", "b"])
    parts = list(rows.sorted_parts(["a", "b"], part_rows=3))
    assert [p.num_rows for p in parts] == [3, 3, 3, 1]
    assert all(column.num_chunks == 1 for p in parts for column in p.columns)
    assert pa.concat_tables(parts).equals(whole)
    assert whole.column("a").to_pylist()[-1] is None  # nulls last, as DuckDB sorts
    (one,) = rows.sorted_parts(["a", "b"])
    assert one.equals(whole)
    rows.close()


def test_sorted_parts_leave_out_the_rows_of_given_keys(tmp_path: Path) -> None:
    chunks = [
        pa.table({"a": ["x", "b", "b"], "b": [2, 1, 5], "c": ["1", "2", "3"]}, schema=SCHEMA),
        pa.table({"a": ["b", "x"], "b": [1, 7], "c": ["4", "5"]}, schema=SCHEMA),
    ]
    rows = _spilled(tmp_path, chunks)
    # ("q", 1) is no row's key; ("b", 1) is two rows'
    without = pa.table({"a": ["b", "q"], "b": [1, 1]})
    got = pa.concat_tables(rows.sorted_parts(["a", "b"], without=without, part_rows=2))
    assert got.column("c").to_pylist() == ["3", "1", "5"]
    everything = pa.table({"a": ["b", "b", "x", "x"], "b": [1, 5, 2, 7]})
    (empty,) = rows.sorted_parts(["a", "b"], without=everything)
    assert empty.equals(SCHEMA.empty_table())
    rows.close()
