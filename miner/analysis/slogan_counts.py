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
import pyarrow.compute as pc

from miner.analysis.compare import counted_unit, slogan_groups
from miner.models import Article, Slogan
from miner.tables.schema import arrow_schema, to_arrow
from miner.tables.spill import SpilledRows, table_parts

_KEY = ("scope", "group_name", "norm", "kind")
_MENTIONS = pa.schema([(name, pa.string()) for name in (*_KEY, "doc_id", "unit")])
_BATCH = 65_536


def slogan_by_unit_by_part(
    parts: Iterable[tuple[Sequence[Article], Iterable[Slogan]]],
    folder: Path,
    part_rows: int | None = None,
) -> Iterator[pa.Table]:
    """``slogan_by_unit_of_tables`` of parts given as articles and slogans."""
    tables = (
        (_article_table(articles), to_arrow("slogans", slogans)) for articles, slogans in parts
    )
    yield from slogan_by_unit_of_tables(tables, folder, part_rows)


def slogan_by_unit_of_tables(
    parts: Iterable[tuple[pa.Table, pa.Table]],
    folder: Path,
    part_rows: int | None = None,
) -> Iterator[pa.Table]:
    """The ``slogan_by_unit`` table of the articles and slogans of every part, in parts.

    Each part is a table of some articles (``doc_id``, ``unit_name``,
    ``unit_type``, ``region``) and one of their slogans (``doc_id``, ``text``,
    ``kind``, ``norm``), as a partitioned store gives them. The rows are
    ``compare.slogan_by_unit``'s, in its order, in tables of ``part_rows``
    (``miner.tables.spill.PART_ROWS``) rows, one at least, built from DuckDB's
    batches without a Python object per row; the counts wait in files of
    ``folder``, removed at the end.
    """
    schema = arrow_schema("slogan_by_unit")
    rows = SpilledRows(_MENTIONS, folder)
    try:
        for articles, slogans in parts:
            rows.add(_mentions(articles, slogans))
            del articles, slogans
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


def _mentions(articles: pa.Table, slogans: pa.Table) -> pa.Table:
    """A row per slogan of a part and group it counts in (cited documents left out).

    A join of the slogans with their articles' groups: a Python object per
    article, none per slogan (a corpus of reports has ten slogans an article).
    The rows' order is the join's: DuckDB counts them by group and orders the
    counts by their key, and an article's unit is the same in all its rows.
    """
    groups: dict[str, list[str]] = {name: [] for name in ("doc_id", "scope", "group_name", "unit")}
    columns = [articles.column(c).to_pylist() for c in _ARTICLE_COLUMNS]
    for doc_id, unit_name, unit_type, region in zip(*columns, strict=True):
        article = Article(
            doc_id, "", 0, None, "", unit_name=unit_name, unit_type=unit_type, region=region
        )
        unit = counted_unit(article)
        for scope, group in slogan_groups(article):
            for name, value in zip(groups, (doc_id, scope, group, unit), strict=True):
                groups[name].append(value)
    kind = slogans.column("kind")
    counted = slogans.filter(pc.fill_null(pc.not_equal(kind, "cited_document"), True))
    norm, text = counted.column("norm"), counted.column("text")
    named = pc.and_(pc.is_valid(norm), pc.fill_null(pc.not_equal(norm, ""), False))
    mentions = pa.table(
        {
            "doc_id": counted.column("doc_id"),
            "norm": pc.if_else(named, norm, text),
            "kind": counted.column("kind"),
        }
    )
    of_group = pa.table(groups, schema=pa.schema([(n, pa.string()) for n in groups]))
    joined = mentions.join(of_group, "doc_id", join_type="inner")
    return joined.select(list(_MENTIONS.names)).cast(_MENTIONS)


_ARTICLE_COLUMNS = ("doc_id", "unit_name", "unit_type", "region")


def _article_table(articles: Sequence[Article]) -> pa.Table:
    """The columns of ``articles`` that decide their slogans' groups."""
    return pa.table(
        {c: pa.array([getattr(a, c) for a in articles], pa.string()) for c in _ARTICLE_COLUMNS}
    )


__all__ = ["slogan_by_unit_by_part", "slogan_by_unit_of_tables"]
