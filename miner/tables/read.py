"""Parquet files read back by a run: on this thread, one column chunk at a time.

``pq.read_table`` by default decodes on Arrow's thread pool and pre-buffers the
byte ranges of every column chunk it reads. A run reads its parts and spill files
again and again from one thread of its own, and those buffers cost it memory,
not time: 131,072 passages (33 MB) read a column at a time from a file of 131 row
groups took 130 MB more RSS by default, 50–70 MB this way (measured), the same
rows either way.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq


def read_parquet(path: Path | str, columns: Sequence[str] | None = None) -> pa.Table:
    """``pq.read_table(path, columns)``, without threads or pre-buffering."""
    cols = list(columns) if columns is not None else None
    return pq.read_table(path, columns=cols, use_threads=False, pre_buffer=False)


__all__ = ["read_parquet"]
