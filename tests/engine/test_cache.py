"""Incremental runs: the cache reuses unchanged pages and the tables equal a full run's."""

from __future__ import annotations

import shutil
from pathlib import Path

from miner.engine.cache import PageCache, fingerprint, page_key
from miner.engine.tasks import Entry
from miner.models import Page
from miner.pipeline import run
from miner.settings import Settings

from .conftest import assert_same_tables


def _settings(src: Path, out: Path, **kw: object) -> Settings:
    return Settings(input=src, output=out, csv=False, duckdb=False, jobs=1, **kw)  # type: ignore[arg-type]


def test_keys_change_with_the_page_and_the_settings() -> None:
    page = Page("a.txt", "正文", "utf-8", n_bytes=6)
    fp = fingerprint(Settings())
    assert page_key(page, fp) == page_key(Page("a.txt", "正文", "utf-8", n_bytes=6), fp)
    assert page_key(page, fp) != page_key(Page("b.txt", "正文", "utf-8", n_bytes=6), fp)
    assert page_key(page, fp) != page_key(Page("a.txt", "正文。", "utf-8", n_bytes=6), fp)
    assert page_key(page, fp) != page_key(page, fingerprint(Settings(classifier=True)))


def test_an_entry_is_reused_only_while_the_footers_it_asked_about_answer_the_same(
    tmp_path: Path,
) -> None:
    cache = PageCache(tmp_path)
    cache.store([Entry(b"k", frozenset({"a", "b"}), b"rows")], frozenset({"a", "z"}))
    assert cache.lookup([b"k"], frozenset({"a"})) == {b"k": b"rows"}
    assert cache.lookup([b"k"], frozenset({"a", "y"})) == {b"k": b"rows"}  # y never asked
    assert cache.lookup([b"k"], frozenset()) == {}  # a is no longer a footer
    assert cache.lookup([b"k"], frozenset({"a", "b"})) == {}  # b became one
    assert cache.lookup([b"other"], frozenset({"a"})) == {}
    cache.close()


def test_a_grown_folder_reuses_old_pages_and_equals_a_full_run(
    tmp_path: Path, corpus_dir: Path
) -> None:
    files = sorted(p for p in corpus_dir.iterdir() if p.suffix in (".txt", ".html"))
    src = tmp_path / "in"
    src.mkdir()
    for f in files[::2]:
        shutil.copy(f, src / f.name)
    out = tmp_path / "out"
    first = run(_settings(src, out))
    assert first.cached == 0
    for f in files[1::2]:
        shutil.copy(f, src / f.name)
    grown = run(_settings(src, out))
    assert grown.cached == first.inputs  # the old pages were not processed again
    full = tmp_path / "full"
    run(_settings(src, full, cache=False))
    assert_same_tables(out, full)
    # A changed file is processed again; the rest comes from the cache.
    victim = src / files[0].name
    victim.write_text(victim.read_text(encoding="utf-8") + "\n补充说明：共培训党员120人。\n")
    changed = run(_settings(src, out))
    assert changed.cached == grown.inputs - 1
    run(_settings(src, full, cache=False))
    assert_same_tables(out, full)


def test_a_newly_learned_footer_reaches_the_cached_pages(tmp_path: Path) -> None:
    footer = "红星文库整理发布于二零二二年春"
    bodies = [
        "我村开展党员承诺活动，全村党员52名全部作出承诺。",
        "我乡组织干部下基层，走访群众1300余户，解决问题86件。",
        "我局举办业务培训班，培训职工210人次，考核合格率达到98%。",
    ]
    src = tmp_path / "in"
    src.mkdir()
    for n, body in enumerate(bodies[:2]):
        (src / f"{n}.txt").write_text(f"第{n}号工作总结\n{body}\n{footer}\n", encoding="utf-8")
    out = tmp_path / "out"
    first = run(_settings(src, out))  # two pages: not yet a footer
    assert "repeated_footer" not in first.tables["removals"].column("rule").to_pylist()
    (src / "2.txt").write_text(f"第2号工作总结\n{bodies[2]}\n{footer}\n", encoding="utf-8")
    grown = run(_settings(src, out))
    assert grown.cached == 0  # both old pages asked about the line that is now a footer
    full = tmp_path / "full"
    run(_settings(src, full, cache=False))
    assert_same_tables(out, full)
    rules = grown.tables["removals"].to_pydict()
    footers = {
        s for s, r in zip(rules["source"], rules["rule"], strict=True) if r == "repeated_footer"
    }
    assert footers == {"0.txt", "1.txt", "2.txt"}


def test_no_cache_writes_nothing(tmp_path: Path, corpus_dir: Path) -> None:
    run(_settings(corpus_dir, tmp_path, cache=False))
    assert not (tmp_path / ".miner-cache").exists()
    run(_settings(corpus_dir, tmp_path, cache_dir=tmp_path / "elsewhere"))
    assert (tmp_path / "elsewhere" / "pages.sqlite").exists()
