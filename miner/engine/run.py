"""A whole run over batches: the order of ``miner.pipeline.run``, at any scale.

0. footers: a first pass over every page (``learn_footers``), in this process,
   while the workers start;
1–5. per page: batches of pages to workers, results back in input order; cached
   pages are not processed again;
5b. words: the campaign lexicon from the slogans, then ``documents.words`` by batches;
6. duplicates (the candidate step on the engine: a shuffle under Dask) and the
   checks that need the whole corpus;
7. the aggregate tables, and every table written (one file each, or partitioned).
"""

from __future__ import annotations

import collections
import itertools
import logging
import time
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

import numpy as np
import pyarrow as pa

from miner.clean.boilerplate import Boilerplate
from miner.clean.boilerplate import learn as learn_footers
from miner.dedup import DedupIndex, DedupResult, start_dedup
from miner.dedup.stored import StoredIndex
from miner.engine.aggregates import (
    META_COLUMNS,
    NO_TEXT,
    add,
    add_aggregates,
    add_checks,
    stored_records,
)
from miner.engine.batching import Cached, Fresh, Item, batches
from miner.engine.cache import PageCache, fingerprint, page_key
from miner.engine.memory import peak_rss_mb, release_memory, rss_mb
from miner.engine.rows import ArticleRows
from miner.engine.store import MemoryStore, PartitionedStore
from miner.engine.tasks import (
    article_pass,
    footer_counts,
    forget_segmenters,
    process_items,
    warm_up,
)
from miner.engine.texts import PartTexts, StoredTexts
from miner.engine.workers import Engine, InProcess, ProcessPool, default_jobs
from miner.extract.lexicon import lexicon_rows
from miner.ingest import Skipped, read_inputs
from miner.ingest.errors import is_internal
from miner.ingest.files import iter_files
from miner.models import ErrorRecord, Page
from miner.pipeline import RunResult
from miner.settings import Settings
from miner.tables.schema import to_arrow

log = logging.getLogger(__name__)


class _Clock:
    """Wall and CPU seconds of this process per phase, logged at DEBUG.

    A pool run is only as fast as the work this process does while the workers
    wait: the CPU column shows how much of each phase is this process's own.
    """

    def __init__(self) -> None:
        self._wall = time.perf_counter()
        self._cpu = time.process_time()

    def lap(self, phase: str) -> None:
        wall, cpu = time.perf_counter(), time.process_time()
        log.debug(
            "phase %-10s wall %7.2f s  cpu %7.2f s  rss %5d MB  peak %5d MB",
            phase,
            wall - self._wall,
            cpu - self._cpu,
            rss_mb(),
            peak_rss_mb(),
        )
        self._wall, self._cpu = wall, cpu


Store = MemoryStore | PartitionedStore


def input_bytes(root: Path) -> int:
    """Bytes of every file below ``root`` (what decides parallelism and layout)."""
    total = 0
    for path, _ in iter_files(root) if root.exists() else ():
        try:
            total += path.stat().st_size
        except OSError:
            continue
    return total


def open_engine(settings: Settings, size: int) -> Engine:
    """The engine a run uses: Dask when asked, a pool for large inputs, else this process."""
    jobs = settings.jobs or default_jobs()
    if settings.engine == "dask":
        from miner.engine.dask_engine import DaskEngine

        return DaskEngine(settings.scheduler, jobs)
    if jobs > 1 and size >= settings.parallel_min_bytes:
        return ProcessPool(jobs)
    return InProcess()


def _items(
    settings: Settings,
    res: RunResult,
    cache: PageCache | None,
    fp: bytes,
    footers: frozenset[str],
    progress: Callable[[Iterable[Any]], Iterable[Any]] | None,
) -> Iterator[list[Item]]:
    """Batches of work in input order; counts inputs, bytes and skipped files on the way."""
    inputs: Iterable[Any] = read_inputs(settings.input, settings)
    if progress is not None:
        inputs = progress(inputs)

    def items() -> Iterator[Item]:
        for item in inputs:
            if isinstance(item, Skipped):
                res.skipped[item.suffix] += 1
                continue
            res.inputs += 1
            if isinstance(item, ErrorRecord):
                yield item
                continue
            assert isinstance(item, Page)
            res.bytes_read += item.n_bytes
            yield Fresh(item, page_key(item, fp) if cache is not None else b"")

    for batch in batches(items(), settings.batch_pages, settings.batch_bytes):
        if cache is not None:
            fresh = [it for it in batch if isinstance(it, Fresh)]
            found = cache.lookup([it.key for it in fresh], footers)
            res.cached += len(found)
            batch = [
                Cached(found[it.key], it.page.n_bytes)
                if isinstance(it, Fresh) and it.key in found
                else it
                for it in batch
            ]
        yield batch


def _footers(settings: Settings, engine: Engine) -> frozenset[str]:
    """Footer lines the corpus repeats under different pages (``miner.clean.boilerplate``).

    Read here, in this process, while the workers start; on a pool the workers,
    once started, count the pages' tail lines (most of the pass), in groups merged
    in page order: the same lines as one pass over the pages.
    """
    pages = read_inputs(settings.input, settings)
    texts = (p.text for p in pages if isinstance(p, Page))
    if isinstance(engine, InProcess):
        return learn_footers(texts)
    seen = Boilerplate()
    groups = _groups(texts, settings.batch_bytes)
    for counts in engine.map_ordered(footer_counts, groups):
        seen.update(counts)
    return seen.lines()


def _groups(texts: Iterable[str], batch_bytes: int) -> Iterator[list[str]]:
    """Consecutive texts of about ``batch_bytes`` (UTF-8, counted as 3 bytes a character)."""
    group: list[str] = []
    size = 0
    for text in texts:
        if group and size + len(text) * 3 > batch_bytes:
            yield group
            group, size = [], 0
        group.append(text)
        size += len(text) * 3
    if group:
        yield group


def _words(
    store: Store, engine: Engine, lexicon: list[str], settings: Settings
) -> DedupIndex | StoredIndex:
    """``documents.words`` with the run's lexicon, batch by batch on the engine.

    The same tasks compute the duplicate search's first pass, which also reads every
    article once; its index comes back in article order (to files in the staging
    folder when the store is partitioned: ``miner.dedup.stored``). One ordered map
    runs over the groups of every part, so workers go on with the next part's groups
    while a part's last ones finish and this process writes it.
    """
    index: DedupIndex | StoredIndex = (
        StoredIndex(store.staging / "index")
        if isinstance(store, PartitionedStore)
        else DedupIndex()
    )

    def columns(tables: Iterator[pa.Table]) -> Iterator[pa.Array]:
        sizes: collections.deque[int] = collections.deque()  # groups per part read so far

        def groups() -> Iterator[list[str]]:
            for table in tables:
                some = list(_groups(table.column("text").to_pylist(), settings.batch_bytes))
                sizes.append(len(some))
                yield from some

        out: list[str] = []
        done = 0  # groups back of the first part not yet given
        # An index on disk keeps the 5-gram sets too, read back by the search's steps
        # when they run in this process; on a pool or a cluster its tasks compute
        # the sets where they run, and shipping them back would only cost.
        sets = isinstance(index, StoredIndex) and isinstance(engine, InProcess)
        results = engine.map_ordered(article_pass, groups(), lexicon, settings.dedup, sets)
        for result in itertools.chain(results, [None]):
            # the parts complete before this result (empty parts included), and at
            # the end every part left
            while sizes and done == sizes[0]:
                sizes.popleft()
                yield pa.array(out, type=pa.string())
                out, done = [], 0
            if result is None:
                break
            words, part = result
            out.extend(words)
            if part is not None:
                index.extend(part)
            done += 1

    store.set_column("documents", "words", columns)
    forget_segmenters()  # in this process; workers keep theirs until the pool closes
    return index


def _metadata(store: Store) -> tuple[ArticleRows, np.ndarray, list[int]]:
    """Every article without its text (``text`` is empty), the texts' lengths, rows per part.

    The texts are most of an article in memory; the steps that need them read them
    from the store when they need them (``StoredTexts``, ``miner.engine.aggregates``).
    The rest is held as columns, not objects (``ArticleRows``).
    """
    chunks: list[pa.Table] = []
    lengths: list[np.ndarray] = []
    part_rows: list[int] = []
    for chunk in store.chunks("documents", [*META_COLUMNS, "n_chars"]):
        chunks.append(chunk.select(list(META_COLUMNS)))
        lengths.append(chunk.column("n_chars").to_numpy())
        part_rows.append(chunk.num_rows)
    table = pa.concat_tables(chunks).combine_chunks()
    return ArticleRows(table, NO_TEXT), np.concatenate(lengths), part_rows


def _dedup_tables(found: DedupResult) -> dict[str, pa.Table]:
    """The tables of the duplicate search not already in the store (``DedupResult.sunk``)."""
    tables: dict[str, pa.Table] = {}
    if not found.sunk:
        tables["duplicates"] = (
            found.pair_table
            if found.pair_table is not None
            else to_arrow("duplicates", found.pairs)
        )
        tables["passages"] = (
            found.passage_table
            if found.passage_table is not None
            else to_arrow("passages", found.passages)
        )
    tables["clusters"] = to_arrow("clusters", found.clusters)
    tables["templates"] = to_arrow("templates", found.templates)
    return tables


def _window(engine: Engine, shared: PartTexts | None) -> int:
    """Duplicate-search tasks started ahead of the one collected (none in this process).

    More when the workers open the texts themselves (``shared``): the tasks then
    carry row numbers, not texts, and on a pool one worker finds the templates
    while the others align, so the others need chunks enough to go on with.
    """
    if isinstance(engine, InProcess):
        return 0
    return (8 if shared is not None else 2) * engine.jobs


def run_engine(
    settings: Settings, progress: Callable[[Iterable[Any]], Iterable[Any]] | None = None
) -> RunResult:
    """Run the pipeline on ``settings.input`` and write the tables to ``settings.output``."""
    t0 = time.perf_counter()
    res = RunResult()
    size = input_bytes(settings.input)
    partitioned = settings.partitioned
    if partitioned is None:
        partitioned = size >= settings.partition_above_bytes
    store: Store = (
        PartitionedStore(settings.output, settings.partition_batches)
        if partitioned
        else MemoryStore()
    )
    cache: PageCache | None = None
    if settings.cache:
        cache = PageCache(settings.cache_dir or settings.output / ".miner-cache")
    fp = fingerprint(settings)
    engine = open_engine(settings, size)
    clock = _Clock()
    try:
        # Workers start now: they import miner and load its dictionaries (seconds each)
        # while this process runs the footer pass.
        for _ in range(engine.jobs):
            engine.aside(warm_up)
        # 0. a first, cheap pass: footer lines the corpus repeats under different pages.
        footers = _footers(settings, engine) if settings.footers else frozenset()
        clock.lap("footers")
        # 1. ingest … 5. extract, batch by batch, in input order.
        work = _items(settings, res, cache, fp, footers, progress)
        keep = cache is not None
        for out in engine.map_ordered(process_items, work, footers, settings.classifier, keep):
            store.add_batch(out.tables)
            if cache is not None:
                cache.store(out.entries, footers)
        store.close_stream()
        clock.lap("pages")
        release_memory()
        # 5b. words, with the campaign lexicon this corpus taught (双比双争 stays one token).
        lexicon = lexicon_rows(stored_records(store, "slogans"))
        index = _words(store, engine, [str(row["word"]) for row in lexicon], settings)
        clock.lap("words")
        release_memory()  # the words step's parts and private segmenters
        # 6. dedup: the search here, the alignment of its verified pairs in chunks on
        #    the workers while this process computes the checks and aggregates that
        #    need the whole corpus, 7. the aggregate tables.
        #    Articles are held without their texts, which are read back by part
        #    when a step needs them: the corpus's texts are never in memory at once.
        articles, lengths, part_rows = _metadata(store)
        clock.lap("metadata")
        texts = StoredTexts(store, part_rows)
        # workers read the texts from the parts themselves: tasks stay small
        shared = texts.portable() if isinstance(engine, ProcessPool) else None
        duplicates = start_dedup(
            articles,
            settings.dedup,
            find_pairs=engine.pair_finder(),
            submit=engine.aside,
            index=index,
            texts=texts,
            lengths=lengths,
            # chunks that run alongside this process's corpus checks: none in-process
            window=_window(engine, shared),
            passage_table=True,
            after_chunk=release_memory,
            shared_texts=shared,
            # a partitioned run's pairs and passages wait on disk until they are sorted
            spill=store.staging / "dedup" if isinstance(store, PartitionedStore) else None,
            # and the sorted tables go to the store part by part as they are read back
            sink=store.append if isinstance(store, PartitionedStore) else None,
        )
        del index, lengths
        clock.lap("dedup")
        texts.close()
        release_memory()
        # the tables that need the whole corpus (``miner.engine.aggregates``)
        add_checks(store, articles)
        clock.lap("checks")
        add_aggregates(store, articles)
        add(store, "lexicon", lexicon)
        del articles, lexicon
        clock.lap("aggregates")
        release_memory()
        found = duplicates()
        del duplicates  # its closure holds every pair and verified pair
        for name, table in _dedup_tables(found).items():
            store.append(name, table)
        del found
        clock.lap("align")
        release_memory()
    finally:
        engine.close()
        clock.lap("close")
        if cache is not None:
            log.info("cache: %d pages reused, %d processed", cache.hits, cache.misses)
            cache.close()
    res.duplicates = store.rows("duplicates")
    failed: set[str] = set()
    faulted: set[str] = set()  # the inputs miner itself failed on: a bug, not the input
    for chunk in store.chunks("errors", ["source", "error"]):
        for source, reason in zip(*(chunk.column(k).to_pylist() for k in (0, 1)), strict=True):
            failed.add(source)
            if is_internal(reason):
                faulted.add(source)
    res.failed, res.faulted = len(failed), len(faulted)
    store.write(settings.output, csv=settings.csv, duckdb=settings.duckdb)
    res.articles = store.rows("documents")
    res.removals = store.rows("removals")
    res.figures = store.rows("figures")
    res.errors = store.rows("errors")
    clock.lap("write")
    res.tables = store.tables()
    # 8. report, from the tables just written (imported here: matplotlib is slow to load).
    if settings.report:
        from miner.corpus import Corpus
        from miner.report.html import write_report

        corpus = Corpus(res.tables) if res.tables else Corpus.from_output(settings.output)
        write_report(corpus, settings.output, run=res)
    res.seconds = time.perf_counter() - t0
    return res


__all__ = ["input_bytes", "open_engine", "run_engine"]
