"""``miner.Corpus`` and the README's Python examples, which run as doctests."""

from __future__ import annotations

import doctest
import os
import re
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

import miner
import miner.corpus

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def corpus(corpus_dir: Path) -> miner.Corpus:
    return miner.Corpus.from_path(corpus_dir)


def _readme_examples() -> list[str]:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    blocks = re.findall(r"```python\n(.*?)```", text, flags=re.S)
    return [b for b in blocks if b.lstrip().startswith(">>>")]


def test_corpus_readme_examples_run(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)  # the examples name corpus/ relative to the repository
    examples = _readme_examples()
    assert len(examples) >= 3
    parser, runner = doctest.DocTestParser(), doctest.DocTestRunner(optionflags=doctest.ELLIPSIS)
    globs: dict[str, object] = {}
    for n, block in enumerate(examples):
        test = parser.get_doctest(block, globs, f"README[{n}]", "README.md", 0)
        runner.run(test)
    assert runner.summarize(verbose=False).failed == 0


def test_corpus_docstring_examples(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    assert doctest.testmod(miner.corpus).failed == 0


def test_corpus_from_output_reads_what_run_wrote(tmp_path: Path, corpus_dir: Path) -> None:
    miner.run(miner.Settings(input=corpus_dir, output=tmp_path, csv=False, duckdb=False))
    again = miner.Corpus.from_output(tmp_path)
    first = miner.Corpus.from_path(corpus_dir)
    assert again.documents.equals(first.documents)
    assert again.sentences.equals(first.sentences)
    with pytest.raises(FileNotFoundError, match=r"documents\.parquet"):
        miner.Corpus.from_output(tmp_path / "nothing")


def test_corpus_tables_have_the_schema_columns(corpus: miner.Corpus) -> None:
    docs = corpus.documents
    assert {"doc_id", "text", "words"} <= set(docs.columns)
    # words: the segmenter's tokens, white space dropped, joined by one space
    row = docs.iloc[0]
    assert row["words"].replace(" ", "") == re.sub(r"\s", "", row["text"])
    sents = corpus.sentences
    assert sents["sent_id"].is_unique
    by_id = docs.set_index("doc_id")["text"]
    for s in sents.head(200).itertuples():
        assert by_id[s.doc_id][s.start : s.end] == s.text
    assert sents["section_id"].notna().any()
    for name in ("sections", "figures", "slogans", "checks"):
        assert len(getattr(corpus, name)) > 0, name


def test_corpus_kwic_and_duplicates(corpus: miner.Corpus) -> None:
    hits = corpus.kwic("活动", width=3)
    assert len(hits) > 10 and (hits["match"] == "活动").all()
    assert all(len(left) <= 3 for left in hits["left"])
    assert corpus.kwic("").empty
    pairs = corpus.duplicates()
    assert {"title_a", "title_b", "kind"} <= set(pairs.columns)
    assert pairs["similarity"].is_monotonic_decreasing
    assert set(corpus.duplicates("near")["kind"]) <= {"near"}


def test_corpus_to_duckdb(corpus: miner.Corpus, tmp_path: Path) -> None:
    import duckdb

    db = corpus.to_duckdb(tmp_path / "sub" / "m.duckdb")
    con = duckdb.connect(os.fspath(db), read_only=True)
    n = con.execute("SELECT count(*) FROM documents").fetchone()
    assert n is not None and n[0] == len(corpus.documents)
    assert "<Corpus: " in repr(corpus)


def test_corpus_from_output_reads_tables_when_asked(tmp_path: Path, corpus_dir: Path) -> None:
    miner.run(miner.Settings(input=corpus_dir, output=tmp_path, csv=False, duckdb=False))
    lazy = miner.Corpus.from_output(tmp_path)
    whole = {name: pq.read_table(tmp_path / f"{name}.parquet") for name in ("documents", "slogans")}
    # rows, schema and batches answer from the files without reading the table whole
    assert lazy.rows("documents") == whole["documents"].num_rows
    assert lazy.schema("slogans") == whole["slogans"].schema
    streamed = pa.Table.from_batches(list(lazy.batches("documents", ["doc_id", "title"], 5)))
    assert streamed.equals(whole["documents"].select(["doc_id", "title"]))
    assert "documents" in lazy.tables and "nothing" not in lazy.tables
    assert not lazy.tables.loaded  # type: ignore[attr-defined]
    # a table asked for whole is read once and kept, as before
    assert lazy.tables["slogans"].equals(whole["slogans"])
    assert lazy.tables["slogans"] is lazy.tables["slogans"]
    # the same answers from a corpus held in memory
    held = miner.Corpus(whole)
    assert held.rows("documents") == lazy.rows("documents")
    assert pa.Table.from_batches(list(held.batches("documents", ["doc_id", "title"], 5))).equals(
        streamed
    )
    assert held.schema("slogans") == lazy.schema("slogans")
