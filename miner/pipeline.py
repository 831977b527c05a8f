"""Run every stage, from a folder of pages to the tables.

Stages, in order (each a plain function of the one before):

1. ingest   — files to decoded pages (``miner.ingest``); failures become error rows
2. clean    — inline noise and furniture lines removed and logged (``miner.clean``)
3. split    — compilation parts and versions; titles taken off (``miner.split``)
4. repair   — script, width, line joins, white space (``miner.clean.repair``)
5. extract  — sections, figures, slogans, unit, date, genre, checks (``miner.extract``)
6. dedup    — copied articles and their aligned passages (``miner.dedup``)
7. tables   — Parquet, CSV and DuckDB, written atomically (``miner.tables``)
8. report   — ``report.html``: summary, plots, checks, copied passages (``miner.report``)
"""

from __future__ import annotations

import hashlib
import json
import logging
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from miner.clean import clean_page, detect_script, repair
from miner.clean.flags import garbled_spans, is_truncated, redaction_spans
from miner.extract import SectionIndex
from miner.extract.checks import document_checks
from miner.extract.figures import find_figures
from miner.extract.missing import missing_numbers
from miner.extract.sections import find_sections, numbering_issue
from miner.extract.slogans import find_slogans
from miner.extract.splice import spliced_at
from miner.extract.units import describe
from miner.models import (
    Article,
    Check,
    ErrorRecord,
    Figure,
    Page,
    Removal,
    Section,
    SentenceRecord,
    Slogan,
)
from miner.segment import Sentence, sentences
from miner.settings import Settings
from miner.split import split_page, take_title
from miner.textmap import TextMap

log = logging.getLogger(__name__)


@dataclass(slots=True)
class PageResult:
    """Everything one page yields."""

    articles: list[Article] = field(default_factory=list)
    sections: list[Section] = field(default_factory=list)
    sentences: list[SentenceRecord] = field(default_factory=list)
    figures: list[Figure] = field(default_factory=list)
    slogans: list[Slogan] = field(default_factory=list)
    removals: list[Removal] = field(default_factory=list)
    checks: list[Check] = field(default_factory=list)
    errors: list[ErrorRecord] = field(default_factory=list)


@dataclass(slots=True)
class RunResult:
    """What a run did, for the summary line and for callers."""

    inputs: int = 0  # files, archive members and records read (or failed)
    bytes_read: int = 0
    articles: int = 0
    removals: int = 0
    figures: int = 0
    errors: int = 0
    failed: int = 0  # distinct inputs (files, members, records) with an errors row
    faulted: int = 0  # of those, inputs miner itself failed on (a bug, not the input)
    duplicates: int = 0
    skipped: Counter[str] = field(default_factory=Counter)
    cached: int = 0  # pages whose rows came from the cache, not processed again
    seconds: float = 0.0
    tables: dict[str, Any] = field(default_factory=dict)

    @property
    def mb_per_s(self) -> float:
        return self.bytes_read / 1e6 / self.seconds if self.seconds > 0 else 0.0


def doc_id_for(source: str, part: int) -> str:
    """A stable id: the same source path and part give the same id on every run."""
    return hashlib.blake2b(f"{source}\0{part}".encode(), digest_size=6).hexdigest()


def build_articles(
    page: Page, *, classifier: bool = False, footers: frozenset[str] = frozenset()
) -> tuple[list[Article], list[Removal]]:
    """Stages 2–4 for one page: clean, split, take titles, repair."""
    cleaned = clean_page(page, classifier=classifier, repeated=footers)
    removals = list(cleaned.removals)
    parts, split_removals, page_title = split_page(cleaned.text, page.source)
    removals.extend(split_removals)
    articles: list[Article] = []
    for n, part in enumerate(parts, start=1):
        titled = take_title(part.text, page.source, part.title_hint)
        removals.extend(titled.removals)
        script = detect_script(part.text.text)
        body: TextMap = repair(titled.body, script)
        title = repair(TextMap.of(titled.title), script).text if titled.title else None
        if title is None and page_title and len(parts) > 1:
            # a compilation's part with no title of its own (篇1 then its text) is one of
            # the page's 村支书工作报告范文: the page's title, with no span in this part
            title = repair(TextMap.of(page_title), detect_script(page_title)).text
        is_last = n == len(parts)
        garbled = [list(span) for span in garbled_spans(body.text)]
        blanks = redaction_spans(body.text) + [(m.start, m.end) for m in missing_numbers(body.text)]
        redacted = [list(span) for span in sorted(blanks)]
        article = Article(
            doc_id=doc_id_for(page.source, n),
            source=page.source,
            part=n,
            title=title,
            text=body.text,
            script=script,
            encoding=page.encoding,
            truncated=is_truncated(body.text, cleaned.walled and is_last),
            bad_bytes=page.bad_bytes if n == 1 else 0,
            garbled_chars=sum(e - s for s, e in garbled),
            garbled_at=json.dumps(garbled),
            redactions=len(redacted),
            redactions_at=json.dumps(redacted),
            source_start=body.offsets[0] if body.offsets else 0,
            source_end=body.end_offset(),
            offsets=body.offsets,
        )
        if titled.title_map is not None and titled.title_map.offsets:
            article.title_start, article.title_end = titled.title_map.source_span(
                0, len(titled.title_map)
            )
        articles.append(article)
    removals.sort(key=lambda r: (r.start, r.end, r.rule))
    return articles, removals


def sentence_records(
    article: Article, sections: list[Section], sents: Sequence[Sentence] | None = None
) -> list[SentenceRecord]:
    """Rows of the ``sentences`` table for one article, each in its innermost section.

    ``sents`` is ``sentences(article.text)`` when the caller has split it already.
    """
    index = SectionIndex(sections)
    if sents is None:
        sents = sentences(article.text)
    return [
        SentenceRecord(
            article.doc_id,
            f"{article.doc_id}.t{n}",
            index.holder(s.start),
            s.start,
            s.end,
            s.text,
        )
        for n, s in enumerate(sents, start=1)
    ]


def process_page(
    page: Page, *, classifier: bool = False, footers: frozenset[str] = frozenset()
) -> PageResult:
    """Stages 2–5 for one page."""
    result = PageResult()
    articles, removals = build_articles(page, classifier=classifier, footers=footers)
    result.removals = removals
    for article in articles:
        meta = describe(article.text, article.title)
        article.unit_name, article.unit_type, article.region = (
            meta.unit_name,
            meta.unit_type,
            meta.region,
        )
        article.region_evidence = meta.region_evidence
        article.date, article.year, article.genre = meta.date, meta.year, meta.genre
        sections = find_sections(article.text, article.doc_id)
        # A restart, a jump or a sub-list opening mid-way is how a second report
        # pasted onto the end of the first shows (seed 000, article 10).
        article.numbering_issue = numbering_issue(sections)
        splice = spliced_at(article.text)
        if splice is not None and article.numbering_issue is None:
            article.numbering_issue = f"numbering restarts after body text (offset {splice})"
        article.spliced = article.numbering_issue is not None
        # One split into sentences serves the figures and the ``sentences`` table.
        sents = sentences(article.text)
        figures = find_figures(article.text, article.doc_id, sents)
        index = SectionIndex(sections)
        for f in figures:
            f.section_id = index.holder(f.start)
        slogans = find_slogans(article.text, article.doc_id)
        result.articles.append(article)
        result.sections.extend(sections)
        result.sentences.extend(sentence_records(article, sections, sents))
        result.figures.extend(figures)
        result.slogans.extend(slogans)
        result.checks.extend(document_checks(article, figures))
    return result


def run(
    settings: Settings, progress: Callable[[Iterable[Any]], Iterable[Any]] | None = None
) -> RunResult:
    """Run the pipeline on ``settings.input`` and write the tables to ``settings.output``.

    The stages run in batches over ``settings.jobs`` workers (or a Dask cluster), with
    a page cache and, for large inputs, partitioned tables: ``miner.engine.run``. The
    tables are the same whatever the engine, the number of workers or the cache.
    """
    from miner.engine.run import run_engine

    return run_engine(settings, progress)
