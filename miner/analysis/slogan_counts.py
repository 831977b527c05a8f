"""``slogan_by_unit`` of a corpus too large to count its slogans in memory.

``compare.slogan_by_unit`` keeps, per slogan and group, the set of articles that
use it, and the rows it returns: both grow with the corpus (on synthetic near
copies, 36,000 rows and three times as many article entries per 20 MB of input).
Here each mention becomes a row of a file per group it counts in, as its part of
the corpus is read, and DuckDB, with a memory limit, counts them in the order of
``compare.slogan_by_unit``'s sorted keys; the rows come back a batch at a time.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path

import pyarrow as pa

from miner.analysis.compare import counted_unit, slogan_groups
from miner.models import Article, Slogan
from miner.tables.schema import arrow_schema
from miner.tables.spill import SpilledRows, table_parts

_KEY = ("scope", "group_name", "norm", "kind")
_MENTIONS = pa.schema([(name, pa.string()) for name in (*_KEY, "doc_id", "unit")])
_BATCH = 65_536


def slogan_by_unit_by_part(
    parts: Iterable[tuple[Sequence[Article], Iterable[Slogan]]],
    folder: Path,
    part_rows: int | None = None,
) -> Iterator[pa.Table]:
    """The ``slogan_by_unit`` table of the articles and slogans of every part, in parts.

    Each part is some articles (their text is not read) and their slogans. The
    rows are ``compare.slogan_by_unit``'s, in its order, in tables of
    ``part_rows`` (``miner.tables.spill.PART_ROWS``) rows, one at least, built from DuckDB's
    batches without a Python object per row; the counts wait in files of
    ``folder``, removed at the end.
    """
    schema = arrow_schema("slogan_by_unit")
    rows = SpilledRows(_MENTIONS, folder)
    try:
        for articles, slogans in parts:
            rows.add(_mentions(articles, slogans))
        if not rows.files:
            yield schema.empty_table()
            return
        key = ", ".join(_KEY)
        # Plain groupings, which DuckDB spills, rather than DISTINCT counts, which it
        # holds: mentions per article, then articles per unit, then units per key.
        query = f"""
            WITH by_doc AS (
                SELECT {key}, doc_id, any_value(unit) AS unit, count(*) AS n
                FROM spilled GROUP BY {key}, doc_id
            ), by_unit AS (
                SELECT {key}, unit, sum(n) AS n, count(*) AS docs
                FROM by_doc GROUP BY {key}, unit
            )
            SELECT {key}, sum(n)::BIGINT, sum(docs)::BIGINT, count(*)
            FROM by_unit GROUP BY {key} ORDER BY {key}
        """
        with rows.connect() as con:
            yield from table_parts(con.sql(query).to_arrow_reader(_BATCH), schema, part_rows)
    finally:
        rows.close()


def _mentions(articles: Sequence[Article], slogans: Iterable[Slogan]) -> pa.Table:
    """A row per slogan of a part and group it counts in (cited documents left out)."""
    groups_of = {a.doc_id: (slogan_groups(a), counted_unit(a)) for a in articles}
    columns: dict[str, list[str]] = {name: [] for name in _MENTIONS.names}
    for s in slogans:
        if s.kind == "cited_document" or s.doc_id not in groups_of:
            continue
        groups, unit = groups_of[s.doc_id]
        norm = s.norm or s.text
        for scope, group in groups:
            for name, value in zip(
                _MENTIONS.names, (scope, group, norm, s.kind, s.doc_id, unit), strict=True
            ):
                columns[name].append(value)
    return pa.table(columns, schema=_MENTIONS)


__all__ = ["slogan_by_unit_by_part"]
