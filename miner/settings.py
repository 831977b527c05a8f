"""One options object for a run, so the CLI, the Python API and tests agree on defaults."""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from pathlib import Path


@dataclass(frozen=True, slots=True)
class DedupConfig:
    """Thresholds and search options of ``miner.dedup.dedup``.

    Attributes:
        shingle: characters per shingle. 5-grams separate copies (Jaccard 0.36–0.63 on
            seed 000) from same-campaign reports (≤ 0.02) by more than 15×; shorter
            ones raise the background, longer ones lower the copies
            (``../shared/notes/dedup.md`` §1).
        min_view: views shorter than this take part in exact matching only: a
            40-character notice shares 30% with anything of its campaign.
        candidates: ``winnow`` (an inverted index of winnowing fingerprints: every
            pair sharing a run of ``winnow_window + shingle - 1`` characters is a
            candidate) or ``lsh`` (MinHash band keys, the scale-out path).
        winnow_window: 8 keeps ~22% of the 5-grams and guarantees any shared run of
            12 normalised characters — about one clause — is seen.
        min_shared: fingerprints a pair must share to be verified; a 30% copy of a
            200-character article shares ~13.
        prefilter: a pair is verified only when the share of the smaller article's
            fingerprints found in the other reaches ``prefilter × partial_containment``;
            at 1/3 no verified pair was lost on ``../shared/corpus/real`` (the lowest
            verified pair had 0.148) and 94% of candidates were skipped.
        max_df: a key (fingerprint or band key) held by more articles than this pairs
            them only with its first holder, not each with each: a stock phrase in
            5,000 articles would otherwise make 12 million pairs; a copy family of any
            size still links through its first member.
        partial_containment: the smaller article's share of 5-grams found in the
            other, to be verified further. The generated evaluation
            (``miner.dedup.evaluate``) has copies with 30–39% of their text copied at
            containment 0.25–0.30 (swaps and changed figures break 5-grams) and hard
            negatives (same campaign, other unit) at ≤ 0.07; unrelated reports of one
            campaign stay ≤ 0.05 on seed 000.
        near_coverage: aligned passages covering this share of both articles make a
            near copy. Measured with crumb-free passages (``miner.dedup.align``): the
            seeds' near copy covers 0.938, the demo corpus's rewritten copy (names,
            campaign and figures swapped, one sentence added) 0.89; the seeds'
            partial copies (another report spliced in, paragraphs dropped) 0.77–0.81.
        partial_coverage: passages must cover this share of the smaller article.
            Reports that share only stock phrases reach passages covering 0.01–0.2
            (``../shared/corpus/real``); generated copies with 31–42% copied text
            come out at 0.25–0.30, since alignment loses a little at every edit. At
            0.25 the pairs added on the real sample are yearly NPC resolutions on the
            government work report and news items quoting the same speech: text reuse.
        template_min_groups: a sentence found in this many groups of otherwise
            different articles is a template (``miner.dedup.templates``).
        exclude_templates: drop pairs whose shared text is only template sentences.
    """

    shingle: int = 5
    min_view: int = 50
    candidates: str = "winnow"
    winnow_window: int = 8
    min_shared: int = 2
    prefilter: float = 1 / 3
    max_df: int = 50
    partial_containment: float = 0.20
    near_coverage: float = 0.85
    partial_coverage: float = 0.25
    template_min_groups: int = 4
    exclude_templates: bool = True

    def __post_init__(self) -> None:
        if self.candidates not in ("winnow", "lsh"):
            raise ValueError(f"candidates must be 'winnow' or 'lsh', not {self.candidates!r}")


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
        dedup: the duplicate search's thresholds and options (``DedupConfig``).
        report: write ``OUTPUT/report.html`` (summary, plots, checks, copied passages)
            after the tables; see ``miner/report/html.py``.
        max_file_mb: the largest document miner reads, in MB (10**6 bytes): a page,
            .docx or .pdf file (on disk or in an archive), or one JSONL/CSV record.
            Larger ones become ``errors`` rows without being read. A report is tens
            of KB; one line of 10 MB already takes about 20 s and 0.8 GB of memory,
            so the default keeps a stray dump from stalling a run.
        jobs: worker processes for the per-page stages; None uses every core. Output
            is the same whatever the number (``miner.engine``).
        parallel_min_bytes: inputs smaller than this run in-process whatever ``jobs``:
            a spawned worker takes 2–5 s to import miner and load its dictionaries,
            more than two cores save on a few megabytes.
        engine: ``local`` (a process pool on this machine) or ``dask`` (a
            dask.distributed cluster, see ``scheduler``).
        scheduler: address of a running Dask scheduler (``tcp://host:8786``); None
            starts a LocalCluster of ``jobs`` workers.
        cache: keep each page's results under ``cache_dir`` and reuse them when a page,
            the settings, miner's code and the footers it met are unchanged.
        cache_dir: where the cache lives; None means ``OUTPUT/.miner-cache``.
        partitioned: write every table as ``OUTPUT/NAME/part-NNNNN.parquet`` with
            DuckDB views over them; None decides by size (``partition_above_bytes``).
        partition_above_bytes: input size from which a run writes partitioned tables,
            so that no whole table has to be held in memory.
        batch_pages, batch_bytes: a unit of work sent to a worker ends at this many
            pages or bytes of text, whichever comes first (boundaries depend on the
            input only, never on ``jobs``).
        partition_batches: batches per output partition.
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
    dedup: DedupConfig = field(default_factory=DedupConfig)
    report: bool = True
    max_file_mb: float = 20.0

    jobs: int | None = None
    parallel_min_bytes: int = 4_000_000
    engine: str = "local"
    scheduler: str | None = None
    cache: bool = True
    cache_dir: Path | None = None
    partitioned: bool | None = None
    partition_above_bytes: int = 256_000_000
    batch_pages: int = 200
    batch_bytes: int = 2_000_000
    partition_batches: int = 16

    def __post_init__(self) -> None:
        if not 0 < self.max_file_mb < math.inf:
            raise ValueError(f"max_file_mb must be a number of MB above 0, not {self.max_file_mb}")
        if self.engine not in ("local", "dask"):
            raise ValueError(f"engine must be 'local' or 'dask', not {self.engine!r}")
        if self.jobs is not None and self.jobs < 1:
            raise ValueError(f"jobs must be at least 1, not {self.jobs}")

    @property
    def max_file_bytes(self) -> int:
        """``max_file_mb`` in bytes."""
        return int(self.max_file_mb * 1_000_000)
