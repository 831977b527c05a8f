"""Per-page records as plain tuples, and tuples back into Arrow tables.

Workers send their results across process (or machine) boundaries and the cache
keeps them on disk: plain tuples in the column order of ``miner.tables.schema``
pickle several times faster than dataclasses and carry nothing the tables do not
hold (``Article.offsets``, one Python int per character, is the bulk of an article
in memory and is not a column).
"""

from __future__ import annotations

import dataclasses
import functools
import itertools
import operator
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import Any

import pyarrow as pa

from miner.indexed import Indexed
from miner.models import Article, Figure, Slogan
from miner.pipeline import PageResult
from miner.tables.schema import TABLES, arrow_schema

Row = tuple[Any, ...]
PageRows = dict[str, list[Row]]

# The tables a page fills, in the order ``PageResult`` holds them.
PAGE_TABLES = (
    "documents", "sections", "sentences", "figures", "slogans", "removals", "checks", "errors"
)  # fmt: skip
_FIELD = {
    "documents": "articles",
    "sections": "sections",
    "sentences": "sentences",
    "figures": "figures",
    "slogans": "slogans",
    "removals": "removals",
    "checks": "checks",
    "errors": "errors",
}
_COLUMNS = {name: tuple(c for c, _ in TABLES[name]) for name in TABLES}


def as_row(name: str, record: Any) -> Row:
    """One record as a tuple of the table's columns (``to_arrow`` semantics)."""
    return tuple(getattr(record, c, None) for c in _COLUMNS[name])


def page_rows(result: PageResult) -> PageRows:
    """The rows one page adds to each table."""
    return {name: _rows(name, getattr(result, _FIELD[name])) for name in PAGE_TABLES}


@functools.cache
def _getter(name: str) -> Callable[[Any], Row]:
    return operator.attrgetter(*_COLUMNS[name])


def _rows(name: str, records: Sequence[Any]) -> list[Row]:
    """``as_row`` of each record: one ``attrgetter`` call (a C loop) per record.

    A record without one of the columns (``getattr``'s None) takes ``as_row``.
    Half a million records per 20 MB of synthetic input: a generator of ``getattr``
    calls per record was a second of a run.
    """
    try:
        return list(map(_getter(name), records))
    except AttributeError:
        return [as_row(name, r) for r in records]


def to_table(name: str, rows: Sequence[Row]) -> pa.Table:
    """Rows to an Arrow table with exactly the table's schema (as ``to_arrow`` builds it)."""
    cols = _COLUMNS[name]
    columns: Iterable[Sequence[Any]] = zip(*rows, strict=True) if rows else ([] for _ in cols)
    data = {c: list(col) for c, col in zip(cols, columns, strict=True)}
    return pa.Table.from_pydict(data, schema=arrow_schema(name))


# Columns whose few distinct strings repeat over many rows. Arrow gives every row its own
# string object; sharing one object per value saves a few hundred bytes per figure, and
# the corpus-level steps hold hundreds of thousands of figures.
SHARED = frozenset(
    {"doc_id", "unit", "qualifier", "unit_class", "subject", "kind", "norm", "script",
     "encoding", "unit_name", "unit_type", "region", "region_evidence", "genre", "date"}
)  # fmt: skip


def records(
    table: pa.Table, cls: type, columns: Sequence[str], fixed: dict[str, Any] | None = None
) -> Iterator[Any]:
    """Dataclass records from an Arrow table, batch by batch (bounded memory).

    ``fixed`` fills fields the table was read without.
    """
    extra = fixed or {}
    canon: dict[str, str] = {}
    order = _positional(cls, tuple(columns), tuple(extra))
    for batch in table.to_batches(max_chunksize=65_536):
        data = batch.to_pydict()
        for c in columns:
            if c in SHARED:
                data[c] = [canon.setdefault(v, v) if v is not None else v for v in data[c]]
        if order is not None:
            # positional arguments, one ``map`` over the columns: a keyword dict per
            # record cost most of reading a few hundred thousand figures back
            args = [
                data[name] if given else itertools.repeat(extra.get(name, default))
                for name, given, default in order
            ]
            yield from map(cls, *args)
            continue
        for values in zip(*(data[c] for c in columns), strict=True):
            yield cls(**dict(zip(columns, values, strict=True)), **extra)


@functools.cache
def _positional(
    cls: type, columns: tuple[str, ...], fixed: tuple[str, ...]
) -> tuple[tuple[str, bool, Any], ...] | None:
    """How to build ``cls`` from ``columns`` and ``fixed`` by position, or None.

    Each leading init field up to the last one given, as (name, from a column,
    default): a field neither column nor fixed takes its plain default. None when
    such a field has none or a default factory (a fresh value per record), or when
    ``cls`` is no dataclass.
    """
    if not dataclasses.is_dataclass(cls):
        return None
    fields = [f for f in dataclasses.fields(cls) if f.init]
    names = [f.name for f in fields]
    given = set(columns) | set(fixed)
    if not given <= set(names):
        return None
    last = max(names.index(n) for n in given) if given else -1
    order: list[tuple[str, bool, Any]] = []
    for f in fields[: last + 1]:
        if f.name in given:
            order.append((f.name, f.name in columns, None))
        elif f.default is not dataclasses.MISSING:
            order.append((f.name, False, f.default))
        else:
            return None
    return tuple(order)


ARTICLE_COLUMNS = tuple(c for c in _COLUMNS["documents"] if c not in ("n_chars", "words"))
# The corpus-level steps (corpus checks, digit tests) never read a figure's sentence or
# section, and a million sentences would be most of the memory they take.
_FIGURE_UNUSED = {"section_id": None, "sentence": ""}
FIGURE_COLUMNS = tuple(c for c in _COLUMNS["figures"] if c not in _FIGURE_UNUSED)
SLOGAN_COLUMNS = _COLUMNS["slogans"]
RECORD_TYPES: dict[str, tuple[type, Sequence[str], dict[str, Any]]] = {
    "documents": (Article, ARTICLE_COLUMNS, {}),
    "figures": (Figure, FIGURE_COLUMNS, _FIGURE_UNUSED),
    "slogans": (Slogan, SLOGAN_COLUMNS, {}),
}


class ArticleRows(Indexed[Article]):
    """Articles without their text, made from Arrow columns as they are read.

    A run's corpus-level steps hold every article's metadata: as ``Article`` objects
    that cost ~230 bytes each with their strings, and they were held for every
    article of the corpus through the duplicate search; as columns, ~60.
    """

    def __init__(self, table: pa.Table, fixed: dict[str, Any]) -> None:
        self._table = table
        self._fixed = fixed

    def __len__(self) -> int:
        return self._table.num_rows

    def _rows(self, k: slice) -> list[Article]:
        lo, hi, step = k.indices(len(self))
        return list(self._records(self._table.slice(lo, max(0, hi - lo))))[::step]

    def _row(self, i: int) -> Article:
        return next(self._records(self._table.slice(i, 1)))

    def __iter__(self) -> Iterator[Article]:
        return self._records(self._table)

    def _records(self, table: pa.Table) -> Iterator[Article]:
        return records(table, Article, table.column_names, self._fixed)
