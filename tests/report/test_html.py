"""OUT/report.html: written by the run, self-contained, escaped, the same bytes every run."""

from __future__ import annotations

import html
from collections.abc import Callable
from html.parser import HTMLParser
from pathlib import Path

import pytest

import miner
from miner.cli import main
from miner.corpus import Corpus
from miner.report.html import _head, render, write_report
from miner.tables.schema import to_arrow


class _Tags(HTMLParser):
    """Every start tag with its attributes, and the page's visible text."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def _parse(page: str) -> _Tags:
    parser = _Tags()
    parser.feed(page)
    return parser


def test_html_run_writes_the_report(markup_run: Path) -> None:
    page = (markup_run / "report.html").read_text(encoding="utf-8")
    for anchor in ("summary", "plots", "checks", "duplicates", "tables"):
        assert f'id="{anchor}"' in page
    assert "<h2>Summary</h2>" in page and "inputs read" in page
    assert not list(markup_run.glob(".report.html.*"))  # the temporary file was renamed


def test_html_document_markup_is_text(markup_run: Path, page_script: str) -> None:
    page = (markup_run / "report.html").read_text(encoding="utf-8")
    tags = _parse(page)
    assert "script" not in {t for t, _ in tags.tags}
    assert not [a for t, a in tags.tags if "onerror" in a]
    # the markup of the page is shown as what it is: text
    assert page_script in "".join(tags.text)
    assert "&lt;script&gt;window.__pwned=1&lt;/script&gt;" in page
    assert "&lt;img src=x onerror=&quot;window.__pwned=2&quot;&gt;" in page


def test_html_is_self_contained(markup_run: Path) -> None:
    page = (markup_run / "report.html").read_text(encoding="utf-8")
    tags = _parse(page)
    images = [a["src"] for t, a in tags.tags if t == "img"]
    assert len(images) == 5
    assert all(src and src.startswith("data:image/png;base64,") for src in images)
    assert not [t for t, _ in tags.tags if t in {"link", "iframe", "object", "embed"}]
    hrefs = [a["href"] for t, a in tags.tags if t == "a"]
    assert hrefs and all(h and h.startswith("#") for h in hrefs)
    assert "default-src 'none'" in page  # and a policy that would refuse a script anyway


def test_html_same_tables_same_bytes(
    markup_run: Path, tmp_path: Path, pages_writer: Callable[[Path], Path]
) -> None:
    again = tmp_path / "again"
    pages = pages_writer(tmp_path / "in")
    miner.run(miner.Settings(input=pages, output=again, csv=False, duckdb=False))
    assert (again / "report.html").read_bytes() == (markup_run / "report.html").read_bytes()


def test_html_no_report_setting(tmp_path: Path, pages_writer: Callable[[Path], Path]) -> None:
    out = tmp_path / "out"
    pages = pages_writer(tmp_path / "in")
    miner.run(miner.Settings(input=pages, output=out, csv=False, duckdb=False, report=False))
    assert (out / "documents.parquet").exists() and not (out / "report.html").exists()
    assert main(["run", str(pages), "-o", str(out), "--no-report", "--no-progress", "-q"]) == 0
    assert not (out / "report.html").exists()
    assert main(["report", str(out)]) == 0
    page = (out / "report.html").read_text(encoding="utf-8")
    assert "<h2>Summary</h2>" in page and "inputs read" not in page  # no run to tell of
    assert main(["report", str(tmp_path / "nothing")]) == 2


def test_html_pairs_and_checks(markup_corpus: Corpus) -> None:
    page = render(markup_corpus)
    assert "1 pairs" in page and "partial" in page
    assert "<mark>社区</mark>" in page or "<mark>我社区</mark>" in page
    assert "Substitutions:" in page


def test_html_empty_corpus(tmp_path: Path) -> None:
    path = write_report(Corpus({}), tmp_path / "empty")
    page = path.read_text(encoding="utf-8")
    assert "0 pairs" in page and "0 figures need a second look" in page
    assert page.count("<img ") == 5  # each plot says why it is empty


def test_html_titles_are_escaped() -> None:
    values = ["<b>粗</b>", '"引号"', "a & b"]
    rows = [
        {"doc_id": f"x{n}", "title": v, "text": "正文", "words": "正文", "unit_type": "村"}
        for n, v in enumerate(values)
    ]
    body = render(Corpus({"documents": to_arrow("documents", rows)})).split("<body>", 1)[1]
    for value in values:
        assert value not in body and html.escape(value) in body


def test_html_same_page_from_files_and_from_memory(markup_run: Path) -> None:
    # `miner report OUT` reads the files a batch at a time; a run hands its tables in memory.
    from_files = Corpus.from_output(markup_run)
    in_memory = Corpus({name: from_files.tables[name] for name in list(from_files.tables)})
    assert render(Corpus.from_output(markup_run)) == render(in_memory)


def test_html_head_keeps_the_whole_tables_types() -> None:
    rows = [
        {"doc_id": f"x{n}", "title": "标题", "text": "正文", "words": "正文", "year": y}
        for n, y in enumerate([2012] * 7 + [None])
    ]
    corpus = Corpus({"documents": to_arrow("documents", rows)})
    head = _head(corpus, "documents", 5)
    assert len(head) == 5
    assert head["year"].dtype == corpus.documents["year"].dtype  # floats: a year is missing


def test_html_topics_sample_is_said(monkeypatch: pytest.MonkeyPatch) -> None:
    words = ["水利 灌溉 水库 水利", "学生 教师 课堂 学生", "党员 承诺 活动 党员"]
    rows = [
        {
            "doc_id": f"d{n:02d}",
            "title": f"标题{n}",
            "text": "正文",
            "words": words[n % 3],
            "unit_type": "村" if n % 2 else "学校",
        }
        for n in range(30)
    ]
    monkeypatch.setattr("miner.report.html.MAX_TOPIC_ARTICLES", 12)
    page = render(Corpus({"documents": to_arrow("documents", rows)}))
    assert "Fitted on a fixed sample of 12 of the 30 articles" in page
