"""Column names and types of every output table (the contract in docs/SCHEMA.md).

Types are fixed here rather than inferred, so that an empty table still has its
columns and every run writes the same Parquet schema byte for byte.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import fields
from typing import Any

import pandas as pd
import pyarrow as pa

S, INT, F, B = pa.string(), pa.int64(), pa.float64(), pa.bool_()

TABLES: dict[str, list[tuple[str, pa.DataType]]] = {
    "documents": [
        ("doc_id", S), ("source", S), ("part", INT), ("title", S), ("text", S), ("script", S),
        ("encoding", S), ("unit_name", S), ("unit_type", S), ("region", S), ("region_evidence", S), ("date", S),
        ("year", INT), ("genre", S), ("truncated", B), ("n_chars", INT), ("spliced", B), ("numbering_issue", S),
        ("bad_bytes", INT), ("garbled_chars", INT),
        ("garbled_at", S), ("redactions", INT),
        ("redactions_at", S), ("source_start", INT),
        ("source_end", INT),
        ("title_start", INT),
        ("title_end", INT),
        ("words", S),
    ],
    "sections": [
        ("doc_id", S), ("section_id", S), ("parent_id", S), ("depth", INT), ("marker", S),
        ("heading", S), ("role", S), ("start", INT), ("end", INT), ("kind", S),
        ("section_path", S),
    ],
    "figures": [
        ("doc_id", S), ("section_id", S), ("raw", S), ("value", F), ("unit", S),
        ("qualifier", S), ("subject", S), ("sentence", S), ("start", INT), ("end", INT),
        ("unit_class", S),
    ],
    "sentences": [
        ("doc_id", S), ("sent_id", S), ("section_id", S), ("start", INT), ("end", INT), ("text", S),
    ],
    "slogans": [
        ("doc_id", S), ("text", S), ("kind", S), ("start", INT), ("end", INT), ("norm", S),
    ],
    "duplicates": [
        ("doc_a", S), ("doc_b", S), ("kind", S), ("similarity", F), ("containment", F),
        ("coverage", F), ("swaps", S),
    ],
    "clusters": [("cluster_id", INT), ("doc_id", S), ("is_representative", B), ("size", INT)],
    "templates": [
        ("template_id", INT), ("text", S), ("articles", INT), ("groups", INT), ("doc_ids", S),
    ],
    "passages": [
        ("doc_a", S), ("doc_b", S), ("a_start", INT), ("a_end", INT), ("b_start", INT), ("b_end", INT),
        ("substitutions", S),
    ],
    "removals": [("source", S), ("rule", S), ("text", S), ("start", INT), ("end", INT)],
    "errors": [("source", S), ("stage", S), ("error", S)],
    "checks": [("check", S), ("doc_id", S), ("detail", S), ("figure_starts", S)],
    "units": [
        ("unit_name", S), ("unit_type", S), ("region", S), ("placeholder", B), ("articles", INT),
        ("doc_ids", S),
    ],
    "lexicon": [("word", S), ("articles", INT), ("kind", S)],
    "slogan_by_unit": [
        ("scope", S), ("group_name", S), ("norm", S), ("kind", S), ("mentions", INT),
        ("articles", INT), ("units", INT),
    ],
    "digit_tests": [
        ("scope", S), ("group_name", S), ("test", S), ("n", INT), ("chi2", F), ("p_value", F),
        ("mad", F), ("verdict", S), ("counts", S),
    ],
}  # fmt: skip


def arrow_schema(name: str) -> pa.Schema:
    return pa.schema([pa.field(col, typ) for col, typ in TABLES[name]])


def to_arrow(name: str, records: Iterable[Any]) -> pa.Table:
    """Records (dataclasses or dicts) to an Arrow table with exactly the table's columns.

    Built a column at a time from the records: a dict per record cost several
    times the record (a corpus-level table of 100,000 rows, ~100 MB at once).
    """
    cols = [c for c, _ in TABLES[name]]
    rows = records if isinstance(records, list) else list(records)
    data = {c: [_value(r, c) for r in rows] for c in cols}
    return pa.Table.from_pydict(data, schema=arrow_schema(name))


def _value(record: Any, column: str) -> Any:
    """A record's value of a column: its field, ``n_chars`` where it has one, else None."""
    if isinstance(record, dict):
        return record.get(column)
    if column in _field_names(type(record)):
        return getattr(record, column)  # shallow: no deep copies
    if column == "n_chars" and hasattr(record, "n_chars"):
        return record.n_chars
    return None


_FIELDS: dict[type, frozenset[str]] = {}


def _field_names(cls: type) -> frozenset[str]:
    names = _FIELDS.get(cls)
    if names is None:
        names = _FIELDS[cls] = frozenset(f.name for f in fields(cls))
    return names


def frame(name: str, records: Iterable[Any]) -> pd.DataFrame:
    """The records of one table as a pandas DataFrame with the table's columns."""
    return to_arrow(name, records).to_pandas()
