"""One options object for a run, so the CLI, the Python API and tests agree on defaults."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass(slots=True)
class Settings:
    """Options of a ``miner run``.

    Attributes:
        input: a file or folder of pages.
        output: the folder the tables are written to.
        csv: also write ``NAME.csv`` (UTF-8 with BOM) next to each Parquet file.
        duckdb: also write every table into ``OUTPUT/miner.duckdb``.
        progress: show a progress bar (the CLI turns it on for terminals).
    """

    input: Path = Path("corpus")
    output: Path = Path("outputs")
    csv: bool = True
    duckdb: bool = True
    progress: bool = False
