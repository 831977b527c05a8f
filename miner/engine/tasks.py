"""What a worker runs: one batch of pages to rows, one batch of texts to words.

Top-level functions of plain picklable arguments, so the same task runs in this
process, in a spawned pool worker or on a Dask worker.
"""

from __future__ import annotations

import logging
import pickle
from collections.abc import Sequence
from dataclasses import dataclass, field

import pyarrow as pa

from miner.clean.boilerplate import Boilerplate
from miner.dedup import DedupIndex, index_articles
from miner.engine.batching import Cached, Fresh, Item
from miner.engine.rows import PAGE_TABLES, PageRows, Row, as_row, page_rows, to_table
from miner.ingest.errors import internal_error
from miner.models import ErrorRecord, Page
from miner.pipeline import process_page
from miner.segment import segmenter
from miner.settings import DedupConfig

log = logging.getLogger(__name__)


class FooterProbe(frozenset[str]):
    """The learned footers, recording every line key cleaning asks about.

    A page's results depend on the footers only through the answers to those
    questions, so the cache can reuse them while the answers stay the same, however
    the corpus and its footers grow. Always truthy: cleaning then walks the tail
    even when nothing was learned, which removes nothing but records the keys.
    """

    asked: set[str]

    def __new__(cls, items: frozenset[str]) -> FooterProbe:
        probe = super().__new__(cls, items)
        probe.asked = set()
        return probe

    def __contains__(self, key: object) -> bool:
        if isinstance(key, str):
            self.asked.add(key)
        return super().__contains__(key)

    def __bool__(self) -> bool:
        return True


@dataclass(slots=True)
class Entry:
    """A freshly processed page for the cache: its key, the keys it asked, its rows."""

    key: bytes
    asked: frozenset[str]
    blob: bytes


@dataclass(slots=True)
class BatchOutput:
    """A batch's rows as one Arrow table per table, and its new cache entries."""

    tables: dict[str, pa.Table]
    entries: list[Entry] = field(default_factory=list)


def process_items(
    items: Sequence[Item], footers: frozenset[str], classifier: bool, keep: bool
) -> BatchOutput:
    """Rows of every item in order: pages processed, cached pages unpacked, errors kept.

    Args:
        items: the batch.
        footers: the run's learned footer lines.
        classifier: ``Settings.classifier``.
        keep: return cache entries for the pages processed here.
    """
    out: dict[str, list[Row]] = {name: [] for name in PAGE_TABLES}
    entries: list[Entry] = []
    for item in items:
        rows: PageRows
        if isinstance(item, ErrorRecord):
            out["errors"].append(as_row("errors", item))
            continue
        if isinstance(item, Cached):
            rows, _asked = pickle.loads(item.blob)
        else:
            rows, asked = _process(item, footers, classifier)
            if keep and asked is not None:
                blob = pickle.dumps((rows, asked), protocol=pickle.HIGHEST_PROTOCOL)
                entries.append(Entry(item.key, asked, blob))
        for name in PAGE_TABLES:
            out[name].extend(rows[name])
    return BatchOutput({name: to_table(name, out[name]) for name in PAGE_TABLES}, entries)


def _process(
    item: Fresh, footers: frozenset[str], classifier: bool
) -> tuple[PageRows, frozenset[str] | None]:
    probe = FooterProbe(footers)
    try:
        result = process_page(item.page, classifier=classifier, footers=probe)
    except Exception as exc:  # one bad page must not end the run; not cached
        log.exception("failed on %s", item.page.source)
        error = ErrorRecord(item.page.source, "extract", internal_error(exc))
        rows: PageRows = {name: [] for name in PAGE_TABLES}
        rows["errors"].append(as_row("errors", error))
        return rows, None
    return page_rows(result), frozenset(probe.asked)


def footer_counts(texts: Sequence[str]) -> Boilerplate:
    """The footer pass over some pages (``miner.clean.boilerplate``), to be merged."""
    seen = Boilerplate(keep_keys=True)
    for text in texts:
        seen.add(text)
    return seen


def warm_up() -> None:
    """Load what the first page would (dictionaries, converters, models): a worker's start.

    Sent to each worker while the run's first pass reads the input, so the seconds a
    spawned process needs before its first batch overlap that pass. Results are
    thrown away; nothing a page's rows depend on is changed.
    """
    text = "南江县红岩乡“双创双争”工作汇报\n今年以来，我乡投入资金21.6万元，新建活动场所3个。"
    process_page(Page("warm-up.txt", text, "utf-8", 0, len(text.encode())))


def words_of(texts: Sequence[str], lexicon: Sequence[str]) -> list[str]:
    """``documents.words`` for each text, with the run's campaign lexicon.

    ``segmenter`` caches one private segmenter per word set, so a worker builds it
    once per run, not once per batch.
    """
    seg = segmenter(lexicon)
    return [" ".join(seg.words(text)) for text in texts]


def article_pass(
    texts: Sequence[str], lexicon: Sequence[str], dedup: DedupConfig | None, sets: bool = False
) -> tuple[list[str], DedupIndex | None]:
    """``words_of`` the texts and, unless ``dedup`` is None, the duplicate search's first pass.

    Both read every article once and depend on its text alone, so the workers do
    them together while the articles' text is at hand. ``sets``: the pass keeps
    each article's 5-gram set too (``index_articles``).
    """
    index = index_articles(texts, dedup, sets=sets) if dedup else None
    return words_of(texts, lexicon), index


def forget_segmenters() -> None:
    """Drop the private segmenters (a second dictionary each) once the words are done."""
    from miner.segment.words import _segmenter

    _segmenter.cache_clear()
