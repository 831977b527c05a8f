"""Tables: records to DataFrames with fixed column types, written as Parquet, CSV and DuckDB."""

from __future__ import annotations

from miner.tables.schema import TABLES, frame
from miner.tables.write import write_tables

__all__ = ["TABLES", "frame", "write_tables"]
