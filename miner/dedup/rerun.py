"""The duplicate search on an earlier run's output folder (``miner dedup``, ``miner show-pair``).

Cleaning a large corpus takes far longer than searching it for copies, and a user
tuning thresholds or excluding templates should not have to clean again: these
functions read ``documents.parquet``, and rewrite only the four duplicate tables.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from miner.dedup import DedupResult, dedup
from miner.dedup.align import align_pair, swap_summary
from miner.dedup.show import Side, pair_html
from miner.models import Article, Passage
from miner.settings import DedupConfig
from miner.tables.schema import TABLES, to_arrow
from miner.tables.write import atomic_path, load_tables, write_tables, write_text

DEDUP_TABLES = ("duplicates", "passages", "clusters", "templates")


def load_articles(out: Path) -> list[Article]:
    """The articles of a run, as the duplicate search needs them."""
    cols = ["doc_id", "source", "part", "title", "text", "date"]
    rows = pq.read_table(out / "documents.parquet", columns=cols).to_pylist()
    articles = []
    for r in rows:
        art = Article(r["doc_id"], r["source"], r["part"], r["title"], r["text"])
        art.date = r["date"]
        articles.append(art)
    return articles


def rerun_dedup(out: Path, config: DedupConfig) -> DedupResult:
    """Search ``out``'s articles again and replace its duplicate tables (atomically)."""
    result = dedup(load_articles(out), config)
    tables: dict[str, pa.Table] = {
        "duplicates": to_arrow("duplicates", result.pairs),
        "passages": to_arrow("passages", result.passages),
        "clusters": to_arrow("clusters", result.clusters),
        "templates": to_arrow("templates", result.templates),
    }
    csv = (out / "documents.csv").exists()
    write_tables(tables, out, csv=csv, duckdb=False)
    db = out / "miner.duckdb"
    if db.exists():
        _replace_in_duckdb(db, tables)
    return result


def _replace_in_duckdb(db: Path, tables: dict[str, pa.Table]) -> None:
    """Swap the four tables inside the run's DuckDB file, on a copy renamed into place."""
    import duckdb

    with atomic_path(db) as tmp:
        shutil.copyfile(db, tmp)
        con = duckdb.connect(str(tmp))
        try:
            load_tables(con, tables)
        finally:
            con.close()


def write_pair_html(out: Path, doc_a: str, doc_b: str, html_path: Path) -> None:
    """Write the side-by-side page of two articles of ``out`` (``KeyError`` if unknown).

    The run's aligned passages are used when the pair is a known duplicate; any other
    two articles are aligned on the spot, so a user can also look at a pair the
    search did not report.
    """
    docs = pq.read_table(out / "documents.parquet", columns=["doc_id", "title", "text"])
    by_id = {r["doc_id"]: r for r in docs.to_pylist()}
    a_id, b_id = sorted((doc_a, doc_b))
    for d in (a_id, b_id):
        if d not in by_id:
            raise KeyError(d)
    a, b = by_id[a_id], by_id[b_id]
    summary = {"pair": f"{a_id} ↔ {b_id}"}
    passages: list[Passage] = []
    if (out / "duplicates.parquet").exists():
        dup = pq.read_table(out / "duplicates.parquet").to_pylist()
        row = next((r for r in dup if r["doc_a"] == a_id and r["doc_b"] == b_id), None)
        if row is not None:
            summary.update({k: str(row.get(k, "")) for k in TABLES_SUMMARY})
            pas = pq.read_table(out / "passages.parquet").to_pylist()
            passages = [
                Passage(**{k: r[k] for k in PASSAGE_COLS})
                for r in pas
                if r["doc_a"] == a_id and r["doc_b"] == b_id
            ]
    if not passages:
        passages = align_pair(a_id, a["text"], b_id, b["text"])
        summary.setdefault("kind", "not reported as a duplicate; aligned on request")
        summary["swaps"] = swap_summary(passages, a["text"], b["text"])
    summary["passages"] = str(len(passages))
    page = pair_html(
        Side(a_id, a["title"], a["text"]), Side(b_id, b["title"], b["text"]), passages, summary
    )
    write_text(page, html_path)


TABLES_SUMMARY = ("kind", "similarity", "containment", "coverage", "swaps")
PASSAGE_COLS = tuple(c for c, _ in TABLES["passages"])
