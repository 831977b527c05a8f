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
from collections.abc import Iterator, Mapping, MutableMapping, Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

from miner.settings import Settings
from miner.tables.schema import TABLES, arrow_schema
from miner.tables.write import write_duckdb


class _Files(MutableMapping[str, pa.Table]):
    """Tables by name, each read from its Parquet file(s) the first time it is asked for.

    ``Corpus.from_output`` used to read every table whole, text columns included, even when
    the caller wanted one column of one table: on a 20 MB corpus that was over a gigabyte
    before the report drew anything. A table read whole is kept, as before; ``files``
    lets ``Corpus.batches`` and ``Corpus.rows`` reach a table without reading it.
    """

    def __init__(self, files: Mapping[str, list[Path]]) -> None:
        self.files = dict(files)
        self.loaded: dict[str, pa.Table] = {}

    def __getitem__(self, name: str) -> pa.Table:
        if name not in self.loaded:
            if name not in self.files:
                raise KeyError(name)
            parts = self.files[name]
            self.loaded[name] = (
                pa.concat_tables([pq.read_table(p) for p in parts]) if parts else pa.table({})
            )
        return self.loaded[name]

    def __setitem__(self, name: str, table: pa.Table) -> None:
        self.loaded[name] = table
        self.files.pop(name, None)

    def __delitem__(self, name: str) -> None:
        if name not in self.loaded and name not in self.files:
            raise KeyError(name)
        self.loaded.pop(name, None)
        self.files.pop(name, None)

    def __contains__(self, name: object) -> bool:
        # Mapping's own answer would read the table to see whether it is there.
        return name in self.loaded or name in self.files

    def __iter__(self) -> Iterator[str]:
        return iter([*self.loaded, *(n for n in self.files if n not in self.loaded)])

    def __len__(self) -> int:
        return len(set(self.loaded) | set(self.files))

    def unread(self, name: str) -> list[pq.ParquetFile] | None:
        """The files of a table not read yet (None once read, or if it has no files)."""
        if name in self.loaded or not self.files.get(name):
            return None
        return [pq.ParquetFile(p) for p in self.files[name]]


class Corpus:
    """Every table of one run; each property is a fresh DataFrame of one table."""

    def __init__(self, tables: Mapping[str, pa.Table]) -> None:
        # A table missing from an older output folder is an empty table with the
        # current columns, so code written against the schema never meets a KeyError.
        self.tables: MutableMapping[str, pa.Table]
        if isinstance(tables, _Files):
            for name in TABLES:
                if name not in tables:
                    tables[name] = arrow_schema(name).empty_table()
            self.tables = tables
            return
        self.tables = {name: tables.get(name, arrow_schema(name).empty_table()) for name in TABLES}
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
        folder = Path(out)
        if (folder / "documents").is_dir():
            names = [n for n in TABLES if (folder / n).is_dir()]
            # Part files in part order, as ``miner.engine.store.read_partitioned`` reads them.
            parts = {n: sorted((folder / n).glob("part-*.parquet")) for n in names}
            return cls(_Files(parts))
        if not (folder / "documents.parquet").exists():
            raise FileNotFoundError(
                f"{folder} holds no documents.parquet: run `miner run -o {out}`"
            )
        return cls(_Files({p.stem: [p] for p in sorted(folder.glob("*.parquet"))}))

    def table(self, name: str) -> pd.DataFrame:
        """Any table by name (``removals``, ``passages``, ``digit_tests`` …)."""
        return self.tables[name].to_pandas()

    def schema(self, name: str) -> pa.Schema:
        """The columns of a table, without reading its rows."""
        files = self.tables.unread(name) if isinstance(self.tables, _Files) else None
        return files[0].schema_arrow if files else self.tables[name].schema

    def rows(self, name: str) -> int:
        """The number of rows of a table; a table on disk answers from its files' footers."""
        files = self.tables.unread(name) if isinstance(self.tables, _Files) else None
        if files:
            return sum(f.metadata.num_rows for f in files)
        return int(self.tables[name].num_rows)

    def batches(
        self, name: str, columns: Sequence[str] | None = None, size: int = 1000
    ) -> Iterator[pa.RecordBatch]:
        """A table's rows in order, ``size`` at a time, with only ``columns`` (None: all).

        A corpus read from an output folder streams from the Parquet files, so reading
        ``doc_id`` and ``unit_type`` never decodes the text, and memory holds one batch,
        not the table: the report builds on this to stay bounded on any corpus. (A
        ``pyarrow.dataset`` scan reads ahead many batches; on 20 MB of input it held
        250 MB more to return five rows.)

        Example:
            >>> next(Corpus({}).batches("documents", ["doc_id"]), None) is None
            True
        """
        cols = list(columns) if columns is not None else None
        files = self.tables.unread(name) if isinstance(self.tables, _Files) else None
        if files is None:
            table = self.tables[name]
            yield from (table.select(cols) if cols is not None else table).to_batches(size)
            return
        for file in files:
            yield from file.iter_batches(batch_size=size, columns=cols)

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
        return {name: self.rows(name) for name in names}
