"""The corpus-level tables of a run, read from its store: checks, digit tests, units, slogans.

Each needs the whole corpus, and each goes to the store as soon as it is made, so
a partitioned store writes it out and they are not all in memory at once. A
partitioned store is also read a part at a time: part k of every per-page table
covers the same pages, so an article's metadata, figures and slogans are in the
same part, and nothing is held per article of the corpus. The repeated claims and
the slogan counts, which grow with the corpus, are grouped on disk by DuckDB
(``miner.extract.repeated``, ``miner.analysis.slogan_counts``). A store in memory
(a small corpus) is one part, and uses the plain functions.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Iterator, Sequence
from typing import Any

from miner.analysis.compare import slogan_by_unit, units_table
from miner.analysis.slogan_counts import slogan_by_unit_of_tables
from miner.engine.memory import release_memory
from miner.engine.rows import RECORD_TYPES, records
from miner.engine.store import MemoryStore, PartitionedStore
from miner.extract.checks import corpus_checks_by_part
from miner.extract.digits import DigitCounts, digit_tests
from miner.extract.repeated import repeated_in_other_documents
from miner.models import Article, Figure
from miner.tables import spill
from miner.tables.schema import to_arrow

Store = MemoryStore | PartitionedStore

# What the corpus-level steps read of an article besides its text: units and
# slogan_by_unit its unit, digit tests and corpus checks its unit name and type,
# the duplicate search its date (a family's representative) and length.
META_COLUMNS = ("doc_id", "unit_name", "unit_type", "region", "date")
NO_TEXT = {"source": "", "part": 0, "title": None, "text": ""}


def add(store: Store, name: str, rows: Iterable[Any]) -> None:
    """Rows of a corpus-level table to the store, and out of memory where it is partitioned."""
    store.append(name, to_arrow(name, rows))
    release_memory()


def add_parts(store: Store, name: str, rows: Iterable[Any]) -> None:
    """``add`` of rows that may be many: ``OBJECT_ROWS`` at a time (one table at least).

    Up to ``OBJECT_ROWS`` rows that is the one table ``add`` would make.
    """
    rest, size = iter(rows), spill.OBJECT_ROWS
    some = list(itertools.islice(rest, size))
    add(store, name, some)
    while len(some) == size:
        some = list(itertools.islice(rest, size))
        if some:
            add(store, name, some)


def stored_records(store: Store, name: str) -> Iterator[Any]:
    """The rows of a table as records, a part at a time."""
    cls, columns, fixed = RECORD_TYPES[name]
    for chunk in store.chunks(name, columns):
        yield from records(chunk, cls, columns, fixed)


def _by_part(store: Store, name: str) -> Iterator[tuple[list[Article], Iterator[Any]]]:
    """(articles without their text, records of table ``name``) of each part in turn."""
    cls, columns, fixed = RECORD_TYPES[name]
    for docs, chunk in zip(
        store.chunks("documents", META_COLUMNS), store.chunks(name, columns), strict=True
    ):
        yield (
            list(records(docs, Article, META_COLUMNS, NO_TEXT)),
            records(chunk, cls, columns, fixed),
        )


def _articles(store: Store) -> Iterator[Article]:
    """Every article without its text, a part at a time."""
    for docs in store.chunks("documents", META_COLUMNS):
        yield from records(docs, Article, META_COLUMNS, NO_TEXT)


def _texts_by_part(
    store: Store,
) -> Iterator[tuple[dict[str, str], dict[str, str | None], Iterator[Figure]]]:
    """(doc id → text, doc id → unit name, figures) of each part in turn."""
    cls, columns, fixed = RECORD_TYPES["figures"]
    for docs, figures in zip(
        store.chunks("documents", ["doc_id", "text", "unit_name"]),
        store.chunks("figures", columns),
        strict=True,
    ):
        ids, texts, units = (docs.column(c).to_pylist() for c in ("doc_id", "text", "unit_name"))
        del docs
        yield (
            dict(zip(ids, texts, strict=True)),
            dict(zip(ids, units, strict=True)),
            records(figures, cls, columns, fixed),
        )


def add_checks(store: Store, articles: Sequence[Article]) -> None:
    """The corpus checks (``articles``, without texts, only when the store is in memory)."""
    parts = _texts_by_part(store)
    if isinstance(store, PartitionedStore):
        add_parts(store, "checks", repeated_in_other_documents(parts, store.staging / "claims"))
    else:
        add(store, "checks", corpus_checks_by_part(articles, ((t, f) for t, _, f in parts)))


def add_aggregates(store: Store, articles: Sequence[Article]) -> None:
    """Digit tests, units and slogan_by_unit (``articles`` as for ``add_checks``)."""
    if isinstance(store, MemoryStore):
        add(
            store,
            "digit_tests",
            digit_tests(articles, stored_records(store, "figures"), grouped=True),
        )
        add(store, "units", units_table(articles))
        add(store, "slogan_by_unit", slogan_by_unit(articles, stored_records(store, "slogans")))
        return
    counts = DigitCounts()
    for part, figures in _by_part(store, "figures"):
        counts.add({a.doc_id: a for a in part}, figures, grouped=True)
    add(store, "digit_tests", counts.rows())
    add(store, "units", units_table(_articles(store)))
    parts = zip(
        store.chunks("documents", ["doc_id", "unit_name", "unit_type", "region"]),
        store.chunks("slogans", ["doc_id", "text", "kind", "norm"]),
        strict=True,
    )
    for table in slogan_by_unit_of_tables(parts, store.staging / "slogans"):
        store.append("slogan_by_unit", table)
        release_memory()


__all__ = ["add", "add_aggregates", "add_checks", "add_parts", "stored_records"]
