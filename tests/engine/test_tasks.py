from __future__ import annotations

import pickle

from miner.engine.batching import Cached, Fresh
from miner.engine.rows import page_rows, to_table
from miner.engine.tasks import FooterProbe, process_items, words_of
from miner.ingest.errors import internal_error
from miner.models import ErrorRecord, Page
from miner.pipeline import process_page
from miner.segment import segmenter
from miner.tables.schema import to_arrow

TEXT = (
    "一、主要做法\n我乡共投入资金21.6万元，培训群众1300余人次。\n红星文库整理发布于二零二二年春\n"
)
FOOTER = "红星文库整理发布于二零二二年春"


def test_probe_answers_like_the_set_and_records_the_questions() -> None:
    probe = FooterProbe(frozenset({"a"}))
    assert "a" in probe and "b" not in probe
    assert probe.asked == {"a", "b"}
    assert FooterProbe(frozenset())  # truthy: cleaning walks the tail and records its keys


def test_probed_footers_remove_what_plain_footers_remove() -> None:
    page = Page("a.txt", TEXT, "utf-8")
    for footers in (frozenset(), frozenset({FOOTER})):
        probe = FooterProbe(footers)
        assert page_rows(process_page(page, footers=probe)) == page_rows(
            process_page(page, footers=footers)
        )
        assert FOOTER in probe.asked


def test_items_give_the_rows_of_process_page_in_order() -> None:
    page = Page("a.txt", TEXT, "utf-8", n_bytes=len(TEXT.encode()))
    error = ErrorRecord("b.docx", "read", "damaged")
    out = process_items([Fresh(page, b"k"), error], frozenset({FOOTER}), False, keep=True)
    result = process_page(page, footers=frozenset({FOOTER}))
    assert out.tables["documents"].equals(to_arrow("documents", result.articles))
    assert out.tables["figures"].equals(to_arrow("figures", result.figures))
    assert out.tables["errors"].equals(to_arrow("errors", [error]))
    assert "repeated_footer" in out.tables["removals"].column("rule").to_pylist()
    (entry,) = out.entries
    assert entry.key == b"k" and FOOTER in entry.asked
    again = process_items([Cached(entry.blob, 0)], frozenset(), False, keep=True)
    assert again.entries == []
    assert again.tables["sentences"].equals(out.tables["sentences"])
    rows, asked = pickle.loads(entry.blob)
    assert asked == entry.asked and to_table("slogans", rows["slogans"]).num_rows >= 0


def test_failed_pages_are_error_rows_and_are_not_cached(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    import miner.engine.tasks as tasks

    def boom(*args: object, **kwargs: object) -> None:
        raise ValueError("bad page")

    monkeypatch.setattr(tasks, "process_page", boom)
    out = process_items([Fresh(Page("a.txt", TEXT, "utf-8"), b"k")], frozenset(), False, True)
    assert out.entries == []
    assert out.tables["errors"].to_pylist() == [
        {"source": "a.txt", "stage": "extract", "error": internal_error(ValueError("bad page"))}
    ]


def test_words_use_the_lexicon() -> None:
    texts = ["开展双比双争活动", ""]
    assert words_of(texts, ["双比双争"]) == [" ".join(segmenter(["双比双争"]).words(texts[0])), ""]
    assert words_of(texts, ["双比双争"])[0].split()[1] == "双比双争"


def test_article_pass_gives_words_and_the_search_index() -> None:
    from miner.dedup import index_articles
    from miner.engine.tasks import article_pass
    from miner.settings import DedupConfig

    texts = [TEXT, "开展双比双争活动"]
    words, index = article_pass(texts, ["双比双争"], DedupConfig())
    assert words == words_of(texts, ["双比双争"])
    assert index is not None and index.exact == index_articles(texts, DedupConfig()).exact
    assert article_pass(texts, [], None)[1] is None
