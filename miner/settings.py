"""One options object for a run, so the CLI, the Python API and tests agree on defaults."""

from __future__ import annotations

import math
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
        text_field: the JSONL/JSON/CSV field holding each record's text; None picks the
            first of ``text``, ``content``, ``raw_content``, ``body``, ``正文``, ``内容``
            found in a file's first record.
        archive_max_total_bytes: uncompressed bytes one .zip may hold in all; reading
            stops there (a zip bomb expands far beyond any real corpus archive).
        archive_max_member_bytes: uncompressed bytes of one archive member read whole
            (page, .docx, .pdf); JSONL/CSV members are streamed and only count
            towards the total. ``max_file_mb`` applies to members too; the smaller
            limit wins.
        archive_max_ratio: uncompressed/compressed size above which a member (over
            1 MB) is refused; text compresses 3–10-fold, bombs 1000-fold.
        classifier: let the line classifier remove short edge lines the rules kept
            (rule ``classifier``); off by default, see ``miner/clean/classifier.py``.
        footers: learn the footer lines the corpus repeats under pages with different
            bodies (a first pass over the input) and remove them (rule
            ``repeated_footer``); see ``miner/clean/boilerplate.py``.
        max_file_mb: the largest document miner reads, in MB (10**6 bytes): a page,
            .docx or .pdf file (on disk or in an archive), or one JSONL/CSV record.
            Larger ones become ``errors`` rows without being read. A report is tens
            of KB; one line of 10 MB already takes about 20 s and 0.8 GB of memory,
            so the default keeps a stray dump from stalling a run.
    """

    input: Path = Path("corpus")
    output: Path = Path("outputs")
    csv: bool = True
    duckdb: bool = True
    progress: bool = False
    text_field: str | None = None
    archive_max_total_bytes: int = 1_000_000_000
    archive_max_member_bytes: int = 50_000_000
    archive_max_ratio: float = 100.0
    classifier: bool = False
    footers: bool = True
    max_file_mb: float = 20.0

    def __post_init__(self) -> None:
        if not 0 < self.max_file_mb < math.inf:
            raise ValueError(f"max_file_mb must be a number of MB above 0, not {self.max_file_mb}")

    @property
    def max_file_bytes(self) -> int:
        """``max_file_mb`` in bytes."""
        return int(self.max_file_mb * 1_000_000)
