"""End to end on the demo corpus: every table, the corpus's known noise gone, determinism."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pandas as pd
import pytest

from miner.models import Page
from miner.pipeline import build_articles, run
from miner.settings import Settings
from miner.tables import TABLES


@pytest.fixture(scope="module")
def corpus_run(tmp_path_factory: pytest.TempPathFactory, corpus_dir: Path) -> Path:
    out = tmp_path_factory.mktemp("corpus_out")
    run(Settings(input=corpus_dir, output=out))
    return out


def test_every_table_is_written(corpus_run: Path) -> None:
    for name in TABLES:
        assert (corpus_run / f"{name}.parquet").exists()
        assert (corpus_run / f"{name}.csv").exists()
    assert (corpus_run / "miner.duckdb").exists()


def test_corpus_articles_are_clean(corpus_run: Path) -> None:
    docs = pd.read_parquet(corpus_run / "documents.parquet")
    assert len(docs) >= 12
    assert docs["doc_id"].is_unique
    assert set(docs["encoding"]) >= {"utf-8", "gb18030", "utf-16"}
    text = "".join(docs["text"]) + "".join(docs["title"].fillna(""))
    for noise in ("##paid", "范文网", "点击下载", "推荐度", "版权所有", "(chuàng)", "的`"):
        assert noise not in text, noise
    assert "traditional" in set(docs["script"])
    assert docs["truncated"].any()
    assert (docs["n_chars"] == docs["text"].str.len()).all()


def test_corpus_tables_have_content(corpus_run: Path) -> None:
    figs = pd.read_parquet(corpus_run / "figures.parquet")
    docs = pd.read_parquet(corpus_run / "documents.parquet").set_index("doc_id")
    assert len(figs) > 50
    for f in figs.itertuples():
        assert docs.loc[f.doc_id, "text"][f.start : f.end] == f.raw
    assert len(pd.read_parquet(corpus_run / "sections.parquet")) > 30
    assert len(pd.read_parquet(corpus_run / "slogans.parquet")) > 20
    dups = pd.read_parquet(corpus_run / "duplicates.parquet")
    assert {"exact", "near"} <= set(dups["kind"])
    assert (dups["doc_a"] < dups["doc_b"]).all()
    removals = pd.read_parquet(corpus_run / "removals.parquet")
    assert {"ad_block", "site_header", "compilation_header"} <= set(removals["rule"])


def test_same_input_same_bytes(corpus_run: Path, tmp_path: Path, corpus_dir: Path) -> None:
    run(Settings(input=corpus_dir, output=tmp_path, csv=False, duckdb=False))
    for name in TABLES:
        assert (tmp_path / f"{name}.parquet").read_bytes() == (
            corpus_run / f"{name}.parquet"
        ).read_bytes(), name


def test_a_failing_page_becomes_a_readable_error_row(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, readable: Callable[[str], bool]
) -> None:
    import miner.engine.tasks

    src = tmp_path / "in"
    src.mkdir()
    for name in ("a.txt", "b.txt"):
        (src / name).write_text(f"{name}工作总结\n全村党员52名全部作出承诺。\n", "utf-8")
    real = miner.engine.tasks.process_page

    def flaky(page: Page, **kwargs: Any) -> Any:
        if page.source == "a.txt":
            raise OverflowError("int too large to convert to float")
        return real(page, **kwargs)

    monkeypatch.setattr(miner.engine.tasks, "process_page", flaky)  # where pages are processed
    res = run(Settings(input=src, output=tmp_path / "out", csv=False, duckdb=False))
    assert (res.articles, res.errors, res.failed, res.faulted) == (1, 1, 1, 1)
    (error,) = pd.read_parquet(tmp_path / "out" / "errors.parquet").itertuples()
    assert error.source == "a.txt" and error.stage == "extract"
    assert error.error == (
        "miner failed on this input because of an error of its own (int too large to convert "
        "to float); the run went on without it, please report it"
    )
    assert readable(error.error)


def test_a_compilations_untitled_parts_take_its_title() -> None:
    body = "今年以来，我村扎实开展双争双比活动，全村党员干部积极参与，取得了明显成效。"
    text = f"村支书工作报告范文\n篇1\n{body}\n篇2\n某某村坚持党建引领，全年新修道路八公里。"
    articles, _ = build_articles(Page("p.txt", text, "utf-8"))
    assert [(a.title, a.title_start) for a in articles] == [
        ("村支书工作报告范文", None),
        ("村支书工作报告范文", None),
    ]


@pytest.mark.parametrize(
    "wall",
    [
        "剩余内容已隐藏，请支付后下载全文",
        "（未完，下载全文请点击）",
        "以上为部分内容，完整版请下载",
        "——试读结束——",
        "此处隐藏10000字",
        "付费内容 ¥5.00 购买后可查看全部",
    ],
)
def test_a_body_cut_off_behind_a_pay_wall_in_other_words(wall: str) -> None:
    body = "今年以来，我镇扎实开展创先争优活动，全镇党员干部积极参与，取得了明显成效。"
    text = f"某镇工作总结\n{body}\n二是加强组织领导，成立了以书记为组长的领导小组，下设办公室负责\n{wall}"
    articles, removals = build_articles(Page("p.txt", text, "utf-8"))
    assert articles[0].truncated
    assert [(r.rule, r.text.strip()) for r in removals] == [("download_prompt", wall)]
