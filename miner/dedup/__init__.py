"""Copied reports: which articles copy each other, what they share, what was swapped.

Detection works on characters, explanation on words. Each article's matching view
(``miner.dedup.view``: Chinese, letters and digits only, every number as ``0``) is cut
into character 5-grams. Candidates come from an inverted index of winnowing
fingerprints (or, at scale, MinHash-LSH band keys); each candidate is verified on the
full 5-gram sets (exact Jaccard and containment); a pair that shares only template
sentences (``miner.dedup.templates``) is dropped; the rest are aligned on rjieba tokens
(``miner.dedup.align``), which turns a swap into one readable word pair
(双争双比 → 双创双争) and gives the shared passages. Families of copies are the
connected components of the verified pairs (``miner.dedup.clusters``).

Kinds: ``exact`` — the same matching view; ``near`` — aligned passages cover at least
``near_coverage`` of *both* articles (one is the other with edits: swapped names, a
changed sentence); ``partial`` — the smaller article has at least
``partial_containment`` of its 5-grams in the other and at least ``partial_coverage``
of it lies in shared passages, but one of them has more of its own.
"""

from __future__ import annotations

import collections
import functools
import hashlib
import itertools
import logging
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Generic, TypeVar

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from miner.dedup.align import (
    Words,
    align_pair,
    align_words,
    anchor_counts,
    content_tokens,
    summarise_swaps,
)
from miner.dedup.clusters import ClusterRow, UnionFind, clusters, family_rows
from miner.dedup.index import candidate_pairs
from miner.dedup.minhash import band_keys, signatures
from miner.dedup.shingles import shared_count, unique, window_hashes, winnow, without
from miner.dedup.stored import StoredIndex, sizes_of
from miner.dedup.templates import Template, find_templates, unit_hashes
from miner.dedup.texts import InMemoryTexts, RowCache, TextSource, blocks
from miner.dedup.verified import Verified, VerifiedPairs
from miner.dedup.view import MatchView, match_view, matching_view
from miner.engine.memory import rss_mb
from miner.models import Article, DuplicatePair, Passage
from miner.settings import DedupConfig
from miner.tables.schema import arrow_schema, to_arrow
from miner.tables.spill import SpilledRows

T = TypeVar("T")
log = logging.getLogger(__name__)


__all__ = [
    "DedupConfig",
    "DedupIndex",
    "DedupResult",
    "MatchView",
    "TextSource",
    "align_chunk",
    "align_pair",
    "dedup",
    "find_duplicates",
    "index_articles",
    "match_view",
    "matching_view",
    "start_dedup",
]


@dataclass(slots=True)
class DedupResult:
    """Everything the duplicate search finds: the rows of four tables."""

    pairs: list[DuplicatePair] = field(default_factory=list)
    passages: list[Passage] = field(default_factory=list)
    clusters: list[ClusterRow] = field(default_factory=list)
    templates: list[Template] = field(default_factory=list)
    # The ``passages`` table itself (``start_dedup(..., passage_table=True)``), sorted
    # as ``passages`` would be, which is then empty.
    passage_table: pa.Table | None = None
    # The ``duplicates`` table itself (``start_dedup(..., spill=...)``), sorted as
    # ``pairs`` would be, which is then empty.
    pair_table: pa.Table | None = None
    # Whether the two tables went to ``start_dedup``'s ``sink`` part by part instead
    # (``pair_table`` and ``passage_table`` are then None).
    sunk: bool = False


@dataclass(slots=True)
class DedupIndex:
    """What the first pass keeps per article: small, whatever the corpus size.

    Full 5-gram sets and word lists are recomputed, through bounded caches, only for
    the articles that turn up in candidate pairs. Each article's entries depend on
    its text alone, so the index of a corpus is its batches' indexes end to end
    (``index_articles`` on workers, then ``extend``).
    """

    exact: list[bytes] = field(default_factory=list)  # digest of the view (b"" if empty)
    keys: list[np.ndarray] = field(default_factory=list)  # fingerprints or band keys
    units: list[np.ndarray] = field(default_factory=list)  # sentence hashes (templates)
    # full 5-gram sets (``_five_grams``), only with ``index_articles(..., sets=True)``
    sets: list[np.ndarray] = field(default_factory=list)

    def extend(self, other: DedupIndex) -> None:
        """Append the index of the articles that follow."""
        self.exact.extend(other.exact)
        self.keys.extend(other.keys)
        self.units.extend(other.units)
        self.sets.extend(other.sets)


def index_articles(texts: Sequence[str], cfg: DedupConfig, *, sets: bool = False) -> DedupIndex:
    """The first pass of the search over ``texts`` (a task: it may run on a worker).

    With ``sets``, each article's full 5-gram set too, for an index kept on disk
    (``StoredIndex``): the pass has the article's window hashes at hand, and the
    later steps otherwise recompute a set from the text each time they need it
    (about four times an article on near copies).
    """
    return _first_pass(texts, cfg, sets=sets)


def _first_pass(texts: Sequence[str], cfg: DedupConfig, *, sets: bool = False) -> DedupIndex:
    index = DedupIndex()
    batch: list[np.ndarray] = []

    def flush() -> None:
        if batch:
            index.keys.extend(band_keys(signatures(batch)))
            batch.clear()

    for text in texts:
        view = match_view(text)
        digest = hashlib.blake2b(view.text.encode(), digest_size=16).digest()
        index.exact.append(digest if view.text else b"")
        index.units.append(unit_hashes(text, view))
        long_enough = len(view.text) >= cfg.min_view
        windows = window_hashes(view.text, cfg.shingle) if long_enough else _EMPTY
        full = unique(windows) if sets or cfg.candidates == "lsh" else _EMPTY
        if sets:
            index.sets.append(full)  # ``_five_grams`` of the text
        if cfg.candidates == "lsh":
            batch.append(full)
            if len(batch) >= _SIG_BATCH:
                flush()
        else:
            index.keys.append(winnow(windows, cfg.winnow_window))
    flush()
    return index


_EMPTY = np.empty(0, dtype=np.uint64)
_SIG_BATCH = 1024
# Distinct articles whose 5-gram sets one block of candidates (or verified pairs)
# reads at once: half the cache, so a block's sets are all still there when used.
_BLOCK = 2048
# Articles whose 5-gram sets (~12 KB each) are kept at once. Candidates come sorted
# by their first article, verified pairs by their second, so each article mostly
# enters the cache once.
_CACHE = 4096


def _exact_groups(exact: Sequence[bytes]) -> list[list[int]]:
    by_hash: dict[bytes, list[int]] = defaultdict(list)
    for i, digest in enumerate(exact):
        if digest:
            by_hash[digest].append(i)
    return [g for g in by_hash.values() if len(g) > 1]


# ``candidate_pairs`` or a function of the same signature and result (the Dask
# engine's shuffle, ``miner.engine.dask_engine``).
PairFinder = Callable[..., tuple[np.ndarray, np.ndarray, np.ndarray]]


def _candidates(
    index: DedupIndex | StoredIndex, cfg: DedupConfig, find_pairs: PairFinder = candidate_pairs
) -> tuple[np.ndarray, np.ndarray]:
    """Candidate pairs as two arrays ``i < j``, sorted by ``(i, j)``: compact at any size."""
    max_df = cfg.max_df
    if cfg.candidates == "lsh":
        ii, jj, _ = find_pairs(index.keys, max_df=max_df, min_shared=1)
        return ii, jj
    # Fingerprint containment estimates 5-gram containment; a third of the
    # threshold lost no verified pair on ../shared/corpus/real and drops 94%.
    sizes = sizes_of(index.keys)
    least = cfg.partial_containment * cfg.prefilter

    def contained(ii: np.ndarray, jj: np.ndarray, shared: np.ndarray) -> np.ndarray:
        smaller = np.maximum(1, np.minimum(sizes[ii], sizes[jj]))
        keep: np.ndarray = shared / smaller >= least
        return keep

    if find_pairs is candidate_pairs:  # filtered as the pairs come (bounded memory)
        ii, jj, _ = candidate_pairs(
            index.keys, max_df=max_df, min_shared=cfg.min_shared, where=contained
        )
        return ii, jj
    ii, jj, shared = find_pairs(index.keys, max_df=max_df, min_shared=cfg.min_shared)
    keep = contained(ii, jj, shared)
    return ii[keep], jj[keep]


def _pairs(ii: np.ndarray, jj: np.ndarray, step: int = 65_536) -> Iterator[tuple[int, int]]:
    """The pairs of two arrays as Python ints, a slice at a time."""
    for at in range(0, ii.size, step):
        yield from zip(ii[at : at + step].tolist(), jj[at : at + step].tolist(), strict=True)


def _key(x: str, y: str) -> tuple[str, str]:
    return (x, y) if x < y else (y, x)


# Starts ``fn(*args)`` where it may run alongside this process's work (a pool worker);
# calling the result waits for it. ``engine.aside`` of ``miner.engine.workers``.
Submit = Callable[..., Callable[[], Any]]

# Verified pairs aligned per task: a few hundred pairs share most of their articles
# (pairs ordered by their later article), so a task ships and segments each once.
ALIGN_CHUNK = 400
# Alignment chunks started ahead of the one being collected: enough to keep a pool's
# workers busy (and to overlap the caller's corpus checks), few enough that the texts
# they carry (a few MB a chunk) stay bounded whatever the corpus size.
ALIGN_WINDOW = 16


def dedup(
    articles: Sequence[Article],
    config: DedupConfig | None = None,
    *,
    find_pairs: PairFinder | None = None,
    submit: Submit | None = None,
) -> DedupResult:
    """Verified duplicate pairs, their passages, copy families and template sentences.

    ``find_pairs`` replaces the candidate step (same arguments, same arrays), so an
    engine can run it elsewhere (a Dask shuffle) with the same result; ``submit``
    runs the alignment of verified pairs elsewhere (pool workers) in chunks, with the
    same result (see ``start_dedup``).

    Example:
        >>> from miner.models import Article
        >>> body = "我乡把活动作为党建工作的重点来抓，成立了领导小组，召开动员大会，统一思想。" * 3
        >>> arts = [Article("a", "s", 1, None, body), Article("b", "s", 2, None, body.replace("我乡", "我镇"))]
        >>> r = dedup(arts)
        >>> [(p.doc_a, p.doc_b, p.kind, p.swaps) for p in r.pairs]
        [('a', 'b', 'near', '我乡→我镇 ×3')]
        >>> [(c.doc_id, c.is_representative) for c in r.clusters]
        [('a', True), ('b', False)]
    """
    return start_dedup(articles, config, find_pairs=find_pairs, submit=submit)()


def start_dedup(
    articles: Sequence[Article],
    config: DedupConfig | None = None,
    *,
    find_pairs: PairFinder | None = None,
    submit: Submit | None = None,
    index: DedupIndex | StoredIndex | None = None,
    texts: TextSource | None = None,
    lengths: Sequence[int] | np.ndarray | None = None,
    window: int = ALIGN_WINDOW,
    passage_table: bool = False,
    after_chunk: Callable[[], None] | None = None,
    shared_texts: TextSource | None = None,
    spill: Path | None = None,
    sink: Callable[[str, pa.Table], None] | None = None,
) -> Callable[[], DedupResult]:
    """Run the search up to the alignment, which ``submit`` starts; call the result to finish.

    Everything up to the templates runs here; the verified pairs are then aligned in
    chunks through ``submit`` (here, lazily, when None), so the caller can do other
    work while pool workers align. ``index`` is the first pass when it was already
    computed (``index_articles`` of the same texts with the same config, by batches on
    the workers). The result is the same whatever ``submit`` and ``index``.

    ``texts`` (with ``lengths``, the length of each text) replaces the articles'
    texts, which may then be empty: a large run reads them from its store a block
    at a time instead of holding the corpus (``miner.dedup.texts``). At most
    ``window`` alignment chunks, with their texts, are started before ``finish``
    collects the first (none with 0: nothing would run alongside the caller), so the
    texts waiting for alignment stay bounded too. With ``passage_table``, each chunk's
    passages become Arrow rows as they come (``DedupResult.passage_table``): a
    passage object costs several times its row, and a corpus of near copies has
    many passages. ``after_chunk`` runs after each chunk is collected (the engine
    gives freed memory back to the system there).

    With ``submit`` and a ``window``, the candidates are verified by ``submit`` in
    blocks too. ``shared_texts`` is ``texts`` as a task can open it wherever it runs
    (the store's files, ``miner.engine.texts.PartTexts``): tasks then carry row
    numbers instead of texts, one task finds the templates while the others align
    every verified pair (those the templates leave out are dropped when collected),
    and a thread collects the chunks as they finish, while the caller goes on.

    With ``spill`` (a folder), each chunk's passages and pairs go to files there as
    they come and are read back sorted at the end (``miner.tables.spill``), the pairs
    the templates leave out dropped then: ``DedupResult.passage_table`` and
    ``pair_table`` hold the two tables, and memory does not hold every pair and
    passage of the corpus while the chunks are collected. With ``sink`` too, the
    sorted tables are not built whole either: they go to ``sink(name, part)`` in
    parts of ``miner.tables.spill.PART_ROWS`` rows, in order (``DedupResult.sunk``).
    """
    cfg = config or DedupConfig()
    if texts is None:
        texts = InMemoryTexts([a.text for a in articles])
        lengths = [len(a.text) for a in articles]
    elif lengths is None or len(texts) != len(articles) or len(lengths) != len(articles):
        raise ValueError("texts and lengths must be given for every article")
    ids = [a.doc_id for a in articles]
    if index is None:
        everything = texts.fetch(range(len(ids)))
        index = _first_pass([everything[k] for k in range(len(ids))], cfg)
        del everything
    elif len(index.exact) != len(ids):
        raise ValueError(f"an index of {len(index.exact)} articles for {len(ids)} articles")
    # On a pool (tasks run elsewhere, ahead of collection) the verification, the
    # templates and the alignment are tasks; here, one after the other, sharing one
    # cache of 5-gram sets. Either way the result is the same.
    on_pool = submit is not None and window > 0

    found: dict[tuple[str, str], DuplicatePair] = {}
    # 1. Exact copies: the same view (short articles take part only here).
    for group in _exact_groups(index.exact):
        for x, i in enumerate(group):
            for j in group[x + 1 :]:
                key = _key(ids[i], ids[j])
                found[key] = DuplicatePair(*key, "exact", 1.0, 1.0, 1.0)
    # 2. Candidates, 3. verified exactly on the full 5-gram sets, a block of
    #    articles at a time (candidates come sorted by their first article).
    ii, jj = _candidates(index, cfg, find_pairs or candidate_pairs)
    log.debug("dedup: %d candidate pairs, rss %d MB", ii.size, rss_mb())
    candidates = ((i, j) for i, j in _pairs(ii, jj) if _key(ids[i], ids[j]) not in found)
    verified: VerifiedPairs
    if on_pool:
        assert submit is not None
        source = texts

        def verifying() -> Iterator[Callable[[], list[Verified]]]:
            for block, rows in blocks(candidates, lambda p: p, _BLOCK):
                got = shared_texts if shared_texts is not None else source.fetch(rows)
                yield submit(verify_block, block, got, cfg)

        verified = VerifiedPairs.concat(VerifiedPairs(some) for some in _Ahead(verifying(), window))
        del candidates, ii, jj
        # 4. Templates, and the pairs that share only them, on a worker when it can
        #    read the texts itself, while 5. the others align every verified pair:
        #    those the templates drop are left out when their chunk is collected.
        if shared_texts is not None:
            held = submit(templates_task, ids, shared_texts, index.units, verified, cfg)
        else:  # the texts would be sent whole: found here
            held = _ready(templates_task(ids, texts, index.units, verified, cfg))
        del index
        order = verified.later_first()  # a copy: the task above may not be sent yet
        del verified
        aligning = _align_tasks(order, ids, texts, shared_texts, cfg, submit)
        started = _Ahead(aligning, window)
        del order
    else:
        shingles_of = _sets_cache(texts, index, cfg)
        found_blocks: list[VerifiedPairs] = []
        for block, rows in blocks(candidates, lambda p: p, _BLOCK):
            shingles_of.prefetch(rows)
            found_blocks.append(VerifiedPairs(_verify(block, shingles_of, cfg)))
        del candidates, ii, jj
        verified = VerifiedPairs.concat(found_blocks)
        del found_blocks
        log.debug("dedup: %d verified pairs, rss %d MB", len(verified), rss_mb())
        # 4. Template sentences: shared by many groups of otherwise different articles.
        templates, covered = _templates(ids, texts, index.units, verified, shingles_of, cfg)
        del index
        log.debug("dedup: %d templates, rss %d MB", len(templates), rss_mb())
        kept = _beyond(verified.later_first(), covered, shingles_of, cfg)
        del verified
        shingles_of.clear()
        # 5. Alignment: shared passages and word swaps; coverage decides the kind.
        run = submit or (lambda fn, *args: lambda: fn(*args))
        started = _Ahead(_align_tasks(kept, ids, texts, None, cfg, run), window)
        held = _ready((templates, covered, []))

    def dated() -> tuple[dict[str, str | None], dict[str, int]]:
        """Each article's date and length, for the families: made when they are."""
        assert lengths is not None
        sizes = dict(zip(ids, (int(n) for n in lengths), strict=True))
        return {a.doc_id: a.date for a in articles}, sizes

    aligned_pairs: list[DuplicatePair] = []
    passages: list[Passage] = []
    tables: list[pa.Table] = []
    # With ``spill``, the chunks' pairs and passages go to files until they are sorted.
    pair_rows = SpilledRows(arrow_schema("duplicates"), spill) if spill is not None else None
    passage_rows = SpilledRows(arrow_schema("passages"), spill) if spill is not None else None

    def collect() -> None:
        """The alignment chunks in order: on disk with ``spill``, as Arrow rows when
        ``passage_table``, else as objects."""
        for result in started:
            if pair_rows is not None and passage_rows is not None:
                pair_rows.add(to_arrow("duplicates", (pair for pair, _ in result)))
                passage_rows.add(to_arrow("passages", (p for _, got in result for p in got)))
                del result
            else:
                for pair, aligned in result:
                    aligned_pairs.append(pair)
                    passages.extend(aligned)
                if passage_table:
                    tables.append(to_arrow("passages", passages))
                    passages.clear()
            if after_chunk is not None:
                after_chunk()

    # On a pool whose tasks open the texts themselves, a thread collects the chunks
    # as they finish, so the window stays full while the caller computes its corpus
    # checks (it mostly waits; the GIL is its only cost to the caller).
    collector = ThreadPoolExecutor(max_workers=1) if on_pool and shared_texts is not None else None
    collecting = collector.submit(collect) if collector is not None else None

    def finish() -> DedupResult:
        if collecting is None:
            collect()
        else:
            assert collector is not None
            collecting.result()
            collector.shutdown()
        templates, _, dropped = held()
        # pairs aligned before the templates were known, that share only templates
        left_out = {_key(ids[i], ids[j]) for i, j in dropped}
        if pair_rows is not None and passage_rows is not None:
            return _finish_spilled(pair_rows, passage_rows, templates, left_out)
        for pair in aligned_pairs:
            key = (pair.doc_a, pair.doc_b)
            if key not in left_out:
                found[key] = pair
        aligned_pairs.clear()
        pairs = [found[k] for k in sorted(found)]
        found.clear()
        families = clusters(((p.doc_a, p.doc_b) for p in pairs), *dated())
        if passage_table:
            table = _sorted_passages(tables, left_out)
            return DedupResult(pairs, [], families, templates, table)
        kept = [p for p in passages if (p.doc_a, p.doc_b) not in left_out]
        kept.sort(key=_passage_order)
        return DedupResult(pairs, kept, families, templates)

    def _finish_spilled(
        pair_rows: SpilledRows,
        passage_rows: SpilledRows,
        templates: list[Template],
        left_out: set[tuple[str, str]],
    ) -> DedupResult:
        """``finish`` with the chunks' pairs and passages read back sorted from disk."""
        kept: dict[str, list[pa.Table]] = {"duplicates": [], "passages": []}

        def give(name: str, part: pa.Table) -> None:
            if sink is None:
                kept[name].append(part)
                return
            sink(name, part)
            if after_chunk is not None:
                after_chunk()  # the part, now in the store

        log.debug("dedup: alignment collected, rss %d MB", rss_mb())
        families = UnionFind()
        try:
            # the exact copies, found before the alignment (no key is in both)
            pair_rows.add(to_arrow("duplicates", found.values()))
            found.clear()
            without = _pair_keys(left_out)
            for part in pair_rows.sorted_parts(["doc_a", "doc_b"], without=without):
                for a, b in _pair_ids(part):
                    families.union(a, b)
                give("duplicates", part)
                del part
            pair_rows.close()
            log.debug("dedup: duplicates sorted, rss %d MB", rss_mb())
            for part in passage_rows.sorted_parts(_PASSAGE_KEYS, without=without):
                give("passages", part)
                del part
            log.debug("dedup: passages sorted, rss %d MB", rss_mb())
        finally:
            pair_rows.close()
            passage_rows.close()
        rows = family_rows(families, *dated())
        if sink is not None:
            return DedupResult([], [], rows, templates, sunk=True)
        pair_table, passage_table = (_whole(kept[name]) for name in ("duplicates", "passages"))
        return DedupResult([], [], rows, templates, passage_table, pair_table)

    return finish


def _ready(value: T) -> Callable[[], T]:
    """A result already computed, in the form ``submit`` returns one."""
    return lambda: value


# What a task reads texts from: a source it opens itself (``shared_texts``), or the
# texts it needs, sent with it.
Texts = TextSource | Mapping[int, str]
AlignResult = list[tuple[DuplicatePair, list[Passage]]]


def _later_first(t: Verified) -> tuple[int, int]:
    # Ordered by the later article: each article then enters the bounded caches once,
    # and the partners it returns to (a family's first member) stay in them.
    return (t[1], t[0])


def _five_grams(text: str, cfg: DedupConfig) -> np.ndarray:
    """An article's sorted unique 5-gram hashes (empty when its view is too short)."""
    view = matching_view(text)
    return unique(window_hashes(view, cfg.shingle)) if len(view) >= cfg.min_view else _EMPTY


def _sets_cache(texts: TextSource, index: DedupIndex | StoredIndex, cfg: DedupConfig) -> RowCache:
    """The articles' 5-gram sets through a bounded cache: read from the index when it
    kept them, else recomputed from the texts."""
    stored = index.stored_sets() if isinstance(index, StoredIndex) else None
    if stored is not None:
        return RowCache(stored, _as_is, _CACHE)
    return RowCache(texts, functools.partial(_five_grams, cfg=cfg), _CACHE)


def _as_is(values: np.ndarray) -> np.ndarray:
    return values


def _fetched(texts: Texts, rows: Iterable[int]) -> Mapping[int, str]:
    return texts if isinstance(texts, Mapping) else texts.fetch(rows)


def _verify(
    pairs: Iterable[tuple[int, int]], sets_of: Callable[[int], np.ndarray], cfg: DedupConfig
) -> list[Verified]:
    """The candidate pairs whose 5-gram sets show the containment of a partial copy."""
    out: list[Verified] = []
    for i, j in pairs:
        a, b = sets_of(i), sets_of(j)
        if not a.size or not b.size:
            continue
        inter = shared_count(a, b)
        cont = inter / min(a.size, b.size)
        if cont < cfg.partial_containment:
            continue
        out.append((i, j, inter, a.size + b.size - inter, cont))
    return out


def verify_block(
    pairs: Sequence[tuple[int, int]], texts: Texts, cfg: DedupConfig
) -> list[Verified]:
    """``_verify`` a block of candidates (a task: its 5-gram sets are computed where it runs)."""
    rows = list(dict.fromkeys(k for p in pairs for k in p))
    got = _fetched(texts, rows)
    sets = {k: _five_grams(got[k], cfg) for k in rows}
    return _verify(pairs, sets.__getitem__, cfg)


def _templates(
    ids: Sequence[str],
    texts: TextSource,
    units: Sequence[np.ndarray],
    verified: VerifiedPairs,
    shingles_of: RowCache,
    cfg: DedupConfig,
) -> tuple[list[Template], np.ndarray]:
    return find_templates(
        ids,
        texts,
        units,
        verified.shared(),
        shingles_of,
        cfg.template_min_groups,
        cfg.partial_containment,
    )


def _beyond(
    verified: VerifiedPairs, covered: np.ndarray, shingles_of: RowCache, cfg: DedupConfig
) -> VerifiedPairs:
    """The pairs (ordered by ``_later_first``) that still copy outside the templates."""
    if not (cfg.exclude_templates and covered.size):
        return verified

    @functools.lru_cache(maxsize=_CACHE)
    def own_of(k: int) -> np.ndarray:
        """Article ``k``'s 5-grams outside every template sentence."""
        return without(shingles_of(k), covered)

    kept: list[VerifiedPairs] = []
    for some, needed in blocks(verified, lambda t: t[:2], _BLOCK):
        shingles_of.prefetch(needed)
        kept.append(
            VerifiedPairs(t for t in some if _beyond_templates(own_of(t[0]), own_of(t[1]), cfg))
        )
    return VerifiedPairs.concat(kept)


def templates_task(
    ids: Sequence[str],
    texts: TextSource,
    units: Sequence[np.ndarray],
    verified: VerifiedPairs,
    cfg: DedupConfig,
) -> tuple[list[Template], np.ndarray, list[tuple[int, int]]]:
    """The templates, their 5-grams and the verified pairs they leave with too little.

    A task, so that on a pool one worker finds the templates while the others align
    every verified pair; the pairs returned here are dropped when collected.
    """
    shingles_of = RowCache(texts, functools.partial(_five_grams, cfg=cfg), _CACHE)
    templates, covered = _templates(ids, texts, units, verified, shingles_of, cfg)
    order = verified.later_first()
    kept = {t[:2] for t in _beyond(order, covered, shingles_of, cfg)}
    return templates, covered, [t[:2] for t in order if t[:2] not in kept]


def align_stored(
    pairs: Sequence[Verified], names: dict[int, str], texts: Texts, cfg: DedupConfig
) -> AlignResult:
    """``align_chunk`` with the texts read where the task runs (``names``: row → doc id)."""
    got = _fetched(texts, names)
    return align_chunk(pairs, {k: (name, got[k]) for k, name in names.items()}, cfg)


def _align_tasks(
    verified: Sequence[Verified],
    ids: Sequence[str],
    texts: TextSource,
    shared: TextSource | None,
    cfg: DedupConfig,
    submit: Submit,
) -> Iterator[Callable[[], AlignResult]]:
    """Alignment chunks of ``ALIGN_CHUNK`` pairs as they are started."""
    for at in range(0, len(verified), ALIGN_CHUNK):
        chunk = verified[at : at + ALIGN_CHUNK]
        rows = dict.fromkeys(k for i, j, *_ in chunk for k in (i, j))
        if shared is not None:
            yield submit(align_stored, chunk, {k: ids[k] for k in rows}, shared, cfg)
        else:
            got = texts.fetch(rows)
            yield submit(align_chunk, chunk, {k: (ids[k], text) for k, text in got.items()}, cfg)


class _Ahead(Generic[T]):
    """Tasks collected in order, ``window`` of them started before the first is collected.

    Iterating keeps ``window`` (at least one) started ahead of the one it waits for,
    so the texts the started tasks carry stay bounded.
    """

    def __init__(self, starts: Iterator[Callable[[], T]], window: int) -> None:
        self._starts = starts
        self._window = max(1, window)
        self._waiting = collections.deque(itertools.islice(starts, window))

    def __iter__(self) -> Iterator[T]:
        waiting = self._waiting
        waiting.extend(itertools.islice(self._starts, self._window - len(waiting)))
        while waiting:
            result = waiting.popleft()
            waiting.extend(itertools.islice(self._starts, 1))
            yield result()


def _pair_ids(table: pa.Table, step: int = 65_536) -> Iterator[tuple[str, str]]:
    """``(doc_a, doc_b)`` of a ``duplicates`` table, a slice at a time."""
    for at in range(0, table.num_rows, step):
        part = table.slice(at, step)
        yield from zip(
            part.column("doc_a").to_pylist(), part.column("doc_b").to_pylist(), strict=True
        )


def _pair_keys(pairs: set[tuple[str, str]]) -> pa.Table | None:
    """``pairs`` as a table of ``doc_a`` and ``doc_b`` (None when there is none)."""
    if not pairs:
        return None
    a, b = zip(*sorted(pairs), strict=True)
    return pa.table({"doc_a": pa.array(a, pa.string()), "doc_b": pa.array(b, pa.string())})


def _whole(parts: list[pa.Table]) -> pa.Table:
    """One table of ``sorted_parts``' parts, one chunk per column (the first part if alone)."""
    return parts[0] if len(parts) == 1 else pa.concat_tables(parts).combine_chunks()


def _without(table: pa.Table, pairs: set[tuple[str, str]]) -> pa.Table:
    """``table``'s rows but those of ``pairs`` (doc_a, doc_b), in the same order."""
    if not pairs or not table.num_rows:
        return table
    key = pc.binary_join_element_wise(table["doc_a"], table["doc_b"], "\x00")
    dropped = pa.array(sorted(f"{a}\x00{b}" for a, b in pairs), type=pa.string())
    kept = table.filter(pc.invert(pc.is_in(key, value_set=dropped)))
    # one chunk per column, as the sort gave (an emptied table combines to none)
    return kept.combine_chunks() if kept.num_rows else table.schema.empty_table()


# The passages table's order (``_passage_order`` for objects).
_PASSAGE_KEYS = ("doc_a", "doc_b", "a_start", "b_start")


def _passage_order(p: Passage) -> tuple[str, str, int, int]:
    return (p.doc_a, p.doc_b, p.a_start, p.b_start)


def _sorted_passages(tables: list[pa.Table], left_out: set[tuple[str, str]]) -> pa.Table:
    """The chunks' passage rows but those of ``left_out`` pairs, in ``_passage_order``.

    Arrow's sort is stable and orders strings by their UTF-8 bytes, which is code
    point order: the rows come out as Python's sort of the passages would put them.
    """
    if not tables:
        return to_arrow("passages", [])
    table = _without(pa.concat_tables(tables), left_out)
    keys = [(c, "ascending") for c in _PASSAGE_KEYS]
    return table.take(pc.sort_indices(table, sort_keys=keys)).combine_chunks()


def _beyond_templates(own_a: np.ndarray, own_b: np.ndarray, cfg: DedupConfig) -> bool:
    """Whether two articles still copy each other outside the template sentences."""
    smaller = min(own_a.size, own_b.size)
    return bool(smaller) and shared_count(own_a, own_b) / smaller >= cfg.partial_containment


def align_chunk(
    pairs: Sequence[tuple[int, int, int, int, float]],
    docs: dict[int, tuple[str, str]],
    cfg: DedupConfig,
) -> list[tuple[DuplicatePair, list[Passage]]]:
    """Align verified pairs ``(i, j, shared, union, containment)``; keep those that cover enough.

    A task of its own (top level, plain arguments), so pool workers can run it;
    ``docs`` maps an article's index to its id and text.

    An article's words (a Python string and two ints per word, ~230 KB for a
    3,000-character report) are let go after the chunk's last pair that uses
    them: a chunk of 400 pairs held those of some 400 articles at once.
    """
    out: list[tuple[DuplicatePair, list[Passage]]] = []
    tokens: dict[int, tuple[Words, list[int]]] = {}
    last = {k: n for n, (i, j, *_) in enumerate(pairs) for k in (i, j)}

    def words_of(k: int) -> tuple[Words, list[int]]:
        got = tokens.get(k)
        if got is None:
            words = content_tokens(docs[k][1])
            got = tokens[k] = (words, anchor_counts(words[0]))
        return got

    for n, (i, j, inter, union, cont) in enumerate(pairs):
        (ia, ka), (ib, kb) = sorted([(docs[i][0], i), (docs[j][0], j)])
        ta, tb = docs[ka][1], docs[kb][1]
        (words_a, counts_a), (words_b, _) = words_of(ka), words_of(kb)
        aligned, subs = align_words(ia, ib, words_a, words_b, counts_a)
        del words_a, counts_a, words_b
        for k in (i, j):
            if last[k] == n:
                tokens.pop(k, None)
        cov_a = sum(p.a_end - p.a_start for p in aligned) / max(1, len(ta))
        cov_b = sum(p.b_end - p.b_start for p in aligned) / max(1, len(tb))
        if (cov_a if len(ta) <= len(tb) else cov_b) < cfg.partial_coverage:
            continue  # shared 5-grams scattered over stock phrases, not shared passages
        coverage = min(cov_a, cov_b)
        kind = "near" if coverage >= cfg.near_coverage else "partial"
        pair = DuplicatePair(ia, ib, kind, round(inter / union, 6), round(cont, 6))
        pair.coverage = round(coverage, 6)
        pair.swaps = summarise_swaps(aligned, subs, ta, tb)
        out.append((pair, aligned))
    return out


def find_duplicates(
    articles: Sequence[Article], config: DedupConfig | None = None
) -> tuple[list[DuplicatePair], list[Passage]]:
    """Duplicate pairs with their kind, and the passages each pair shares (see ``dedup``).

    Example:
        >>> from miner.models import Article
        >>> body = "我乡把活动作为党建工作的重点来抓，成立了领导小组，召开动员大会，统一思想。" * 3
        >>> arts = [Article("a", "s", 1, None, body), Article("b", "s", 2, None, body.replace("我乡", "我镇"))]
        >>> [(p.doc_a, p.doc_b, p.kind) for p in find_duplicates(arts)[0]]
        [('a', 'b', 'near')]
    """
    result = dedup(articles, config)
    return result.pairs, result.passages
