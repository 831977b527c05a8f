"""``miner.Corpus``: a run's tables as pandas DataFrames, for notebooks and scripts.

The command line writes tables to a folder; researchers then want them in Python
without knowing file names. ``Corpus.from_path`` runs the pipeline (the tables
stay in memory; nothing is left on disk), ``Corpus.from_output`` reads the
Parquet files of an earlier ``miner run``. Both give the same object.

Example:
    >>> from miner import Corpus
    >>> corpus = Corpus.from_path("corpus")
    >>> len(corpus.documents) >= 12, "words" in corpus.documents.columns
    (True, True)
    >>> bool(corpus.figures.query("unit == '元'")["value"].max() > 0)
    True
"""

from __future__ import annotations

import tempfile
from collections.abc import Mapping
from dataclasses import replace
from pathlib import Path
from typing import Any

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

from miner.settings import Settings
from miner.tables.schema import TABLES, arrow_schema
from miner.tables.write import write_duckdb


class Corpus:
    """Every table of one run; each property is a fresh DataFrame of one table."""

    def __init__(self, tables: Mapping[str, pa.Table]) -> None:
        # A table missing from an older output folder is an empty table with the
        # current columns, so code written against the schema never meets a KeyError.
        self.tables: dict[str, pa.Table] = {
            name: tables.get(name, arrow_schema(name).empty_table()) for name in TABLES
        }
        self.tables.update({k: v for k, v in tables.items() if k not in self.tables})

    @classmethod
    def from_path(cls, path: str | Path, settings: Settings | None = None) -> Corpus:
        """Run the pipeline on a file or folder of pages.

        Args:
            path: what ``miner run`` would take as INPUT.
            settings: other options (``classifier``, ``text_field`` …); its
                ``input`` and ``output`` are ignored.
        """
        from miner.pipeline import run

        base = settings or Settings()
        with tempfile.TemporaryDirectory() as out:
            # Tables are kept in memory here, so never partitioned; a cache in a
            # temporary folder would only cost time; no report.
            options = replace(
                base, input=Path(path), output=Path(out), csv=False, duckdb=False, report=False
            )
            result = run(replace(options, partitioned=False, cache=False))
        return cls(result.tables)

    @classmethod
    def from_output(cls, out: str | Path) -> Corpus:
        """Read the ``NAME.parquet`` files (or ``NAME/part-*.parquet``) a ``miner run -o OUT`` wrote."""
        from miner.engine.store import read_partitioned

        folder = Path(out)
        if (folder / "documents").is_dir():
            names = [n for n in TABLES if (folder / n).is_dir()]
            return cls({n: read_partitioned(folder / n) for n in names})
        if not (folder / "documents.parquet").exists():
            raise FileNotFoundError(
                f"{folder} holds no documents.parquet: run `miner run -o {out}`"
            )
        return cls({p.stem: pq.read_table(p) for p in sorted(folder.glob("*.parquet"))})

    def table(self, name: str) -> pd.DataFrame:
        """Any table by name (``removals``, ``passages``, ``digit_tests`` …)."""
        return self.tables[name].to_pandas()

    @property
    def documents(self) -> pd.DataFrame:
        return self.table("documents")

    @property
    def sections(self) -> pd.DataFrame:
        return self.table("sections")

    @property
    def sentences(self) -> pd.DataFrame:
        return self.table("sentences")

    @property
    def figures(self) -> pd.DataFrame:
        return self.table("figures")

    @property
    def slogans(self) -> pd.DataFrame:
        return self.table("slogans")

    @property
    def checks(self) -> pd.DataFrame:
        return self.table("checks")

    def duplicates(self, kind: str | None = None) -> pd.DataFrame:
        """Copied pairs with both titles, most similar first.

        Args:
            kind: keep only ``exact``, ``near`` or ``partial`` pairs.
        """
        pairs = self.table("duplicates")
        if kind is not None:
            pairs = pairs[pairs["kind"] == kind]
        titles = self.documents.set_index("doc_id")["title"]
        pairs = pairs.assign(title_a=pairs["doc_a"].map(titles), title_b=pairs["doc_b"].map(titles))
        return pairs.sort_values(["similarity", "doc_a", "doc_b"], ascending=[False, True, True])

    def kwic(self, term: str, width: int = 10) -> pd.DataFrame:
        """Every occurrence of ``term`` in the documents with ``width`` characters each side.

        Example:
            >>> Corpus({}).kwic("双争").columns.tolist()
            ['doc_id', 'start', 'end', 'left', 'match', 'right']
        """
        rows: list[dict[str, Any]] = []
        if term:
            docs = self.tables["documents"].select(["doc_id", "text"]).to_pylist()
            for doc in docs:
                text, at = doc["text"], doc["text"].find(term)
                while at >= 0:
                    end = at + len(term)
                    rows.append(
                        {
                            "doc_id": doc["doc_id"],
                            "start": at,
                            "end": end,
                            "left": text[max(0, at - width) : at],
                            "match": term,
                            "right": text[end : end + width],
                        }
                    )
                    at = text.find(term, end)
        columns = ["doc_id", "start", "end", "left", "match", "right"]
        return pd.DataFrame(rows, columns=columns)

    def to_duckdb(self, path: str | Path) -> Path:
        """Write every table into one DuckDB file (replaced atomically); returns its path."""
        target = Path(path)
        target.parent.mkdir(parents=True, exist_ok=True)
        write_duckdb(self.tables, target)
        return target

    def __repr__(self) -> str:
        counts = ", ".join(f"{n} {name}" for name, n in self._sizes().items())
        return f"<Corpus: {counts}>"

    def _sizes(self) -> dict[str, int]:
        names = ("documents", "sections", "sentences", "figures", "slogans", "checks")
        return {name: self.tables[name].num_rows for name in names}
