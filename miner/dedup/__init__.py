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
from collections import defaultdict
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

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
from miner.dedup.clusters import ClusterRow, clusters
from miner.dedup.index import candidate_pairs
from miner.dedup.minhash import band_keys, signatures
from miner.dedup.shingles import shared_count, unique, window_hashes, winnow, without
from miner.dedup.templates import Template, find_templates, unit_hashes
from miner.dedup.texts import InMemoryTexts, RowCache, TextSource, blocks
from miner.dedup.view import MatchView, match_view, matching_view
from miner.models import Article, DuplicatePair, Passage
from miner.settings import DedupConfig
from miner.tables.schema import arrow_schema, to_arrow
from miner.tables.spill import SpilledRows

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

    def extend(self, other: DedupIndex) -> None:
        """Append the index of the articles that follow."""
        self.exact.extend(other.exact)
        self.keys.extend(other.keys)
        self.units.extend(other.units)


def index_articles(texts: Sequence[str], cfg: DedupConfig) -> DedupIndex:
    """The first pass of the search over ``texts`` (a task: it may run on a worker)."""
    return _first_pass(texts, cfg)


def _first_pass(texts: Sequence[str], cfg: DedupConfig) -> DedupIndex:
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
        if cfg.candidates == "lsh":
            batch.append(unique(windows))
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
    index: DedupIndex, cfg: DedupConfig, find_pairs: PairFinder = candidate_pairs
) -> tuple[np.ndarray, np.ndarray]:
    """Candidate pairs as two arrays ``i < j``, sorted by ``(i, j)``: compact at any size."""
    max_df = cfg.max_df
    if cfg.candidates == "lsh":
        ii, jj, _ = find_pairs(index.keys, max_df=max_df, min_shared=1)
    else:
        ii, jj, shared = find_pairs(index.keys, max_df=max_df, min_shared=cfg.min_shared)
        # Fingerprint containment estimates 5-gram containment; a third of the
        # threshold lost no verified pair on ../shared/corpus/real and drops 94%.
        sizes = np.array([k.size for k in index.keys], dtype=np.int64)
        smaller = np.maximum(1, np.minimum(sizes[ii], sizes[jj]))
        keep = shared / smaller >= cfg.partial_containment * cfg.prefilter
        ii, jj = ii[keep], jj[keep]
    return ii, jj


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
    index: DedupIndex | None = None,
    texts: TextSource | None = None,
    lengths: Sequence[int] | None = None,
    window: int = ALIGN_WINDOW,
    passage_table: bool = False,
    after_chunk: Callable[[], None] | None = None,
    spill: Path | None = None,
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
    gives freed memory back to the system there). With ``spill`` (a folder), each
    chunk's passages and pairs go to files there as they come and are read back
    sorted at the end (``miner.tables.spill``): ``DedupResult.passage_table`` and
    ``pair_table`` then hold the two tables, and memory does not hold every pair and
    passage of the corpus while the chunks are collected.
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

    def five_grams(text: str) -> np.ndarray:
        view = matching_view(text)
        return unique(window_hashes(view, cfg.shingle)) if len(view) >= cfg.min_view else _EMPTY

    shingles_of = RowCache(texts, five_grams, _CACHE)

    found: dict[tuple[str, str], DuplicatePair] = {}
    # 1. Exact copies: the same view (short articles take part only here).
    for group in _exact_groups(index.exact):
        for x, i in enumerate(group):
            for j in group[x + 1 :]:
                key = _key(ids[i], ids[j])
                found[key] = DuplicatePair(*key, "exact", 1.0, 1.0, 1.0)
    # 2. Candidates, 3. verified exactly on the full 5-gram sets, a block of
    #    articles at a time (candidates come sorted by their first article).
    # (i, j, shared 5-grams, their union, containment of the smaller)
    verified: list[tuple[int, int, int, int, float]] = []
    ii, jj = _candidates(index, cfg, find_pairs or candidate_pairs)
    candidates = ((i, j) for i, j in _pairs(ii, jj) if _key(ids[i], ids[j]) not in found)
    for block, rows in blocks(candidates, lambda p: p, _BLOCK):
        shingles_of.prefetch(rows)
        for i, j in block:
            a, b = shingles_of(i), shingles_of(j)
            if not a.size or not b.size:
                continue
            inter = shared_count(a, b)
            cont = inter / min(a.size, b.size)
            if cont < cfg.partial_containment:
                continue
            verified.append((i, j, inter, a.size + b.size - inter, cont))
    del candidates, ii, jj
    # 4. Template sentences: shared by many groups of otherwise different articles.
    templates, covered = find_templates(
        ids,
        texts,
        index.units,
        [(i, j, inter) for i, j, inter, *_ in verified],
        shingles_of,
        cfg.template_min_groups,
        cfg.partial_containment,
    )
    del index

    @functools.lru_cache(maxsize=_CACHE)
    def own_of(k: int) -> np.ndarray:
        """Article ``k``'s 5-grams outside every template sentence."""
        return without(shingles_of(k), covered)

    # Ordered by the later article: each article then enters the bounded caches once,
    # and the partners it returns to (a family's first member) stay in them.
    verified.sort(key=lambda t: (t[1], t[0]))
    if cfg.exclude_templates and covered.size:
        kept: list[tuple[int, int, int, int, float]] = []
        for some, needed in blocks(verified, lambda t: t[:2], _BLOCK):
            shingles_of.prefetch(needed)
            kept.extend(t for t in some if _beyond_templates(own_of(t[0]), own_of(t[1]), cfg))
        verified = kept
    shingles_of.clear()
    own_of.cache_clear()
    # 5. Alignment: shared passages and word swaps; coverage decides the kind.
    run = submit or (lambda fn, *args: lambda: fn(*args))

    def chunks() -> Iterator[Callable[[], list[tuple[DuplicatePair, list[Passage]]]]]:
        for at in range(0, len(verified), ALIGN_CHUNK):
            chunk = verified[at : at + ALIGN_CHUNK]
            got = texts.fetch(dict.fromkeys(k for i, j, *_ in chunk for k in (i, j)))
            docs = {k: (ids[k], text) for k, text in got.items()}
            yield run(align_chunk, chunk, docs, cfg)

    pending = chunks()
    started = list(itertools.islice(pending, window))
    dates = {a.doc_id: a.date for a in articles}
    sizes = dict(zip(ids, lengths, strict=True))

    def finish() -> DedupResult:
        if spill is not None:
            return _finish_spilled(spill)
        passages: list[Passage] = []
        tables: list[pa.Table] = []
        waiting = collections.deque(started)
        started.clear()
        waiting.extend(itertools.islice(pending, max(1, window) - len(waiting)))
        while waiting:
            result = waiting.popleft()
            waiting.extend(itertools.islice(pending, 1))  # keep ``window`` chunks going
            for pair, aligned in result():
                found[(pair.doc_a, pair.doc_b)] = pair
                passages.extend(aligned)
            if passage_table:
                tables.append(to_arrow("passages", passages))
                passages.clear()
            if after_chunk is not None:
                after_chunk()
        pairs = [found[k] for k in sorted(found)]
        found.clear()
        families = clusters(((p.doc_a, p.doc_b) for p in pairs), dates, sizes)
        if passage_table:
            return DedupResult(pairs, [], families, templates, _sorted_passages(tables))
        passages.sort(key=_passage_order)
        return DedupResult(pairs, passages, families, templates)

    def _finish_spilled(folder: Path) -> DedupResult:
        """``finish`` with the chunks' pairs and passages on disk until they are sorted."""
        pair_rows = SpilledRows(arrow_schema("duplicates"), folder)
        passage_rows = SpilledRows(arrow_schema("passages"), folder)
        try:
            waiting = collections.deque(started)
            started.clear()
            waiting.extend(itertools.islice(pending, max(1, window) - len(waiting)))
            while waiting:
                result = waiting.popleft()
                waiting.extend(itertools.islice(pending, 1))  # keep ``window`` chunks going
                got = result()
                pair_rows.add(to_arrow("duplicates", (pair for pair, _ in got)))
                passage_rows.add(to_arrow("passages", (p for _, aligned in got for p in aligned)))
                del got, result
                if after_chunk is not None:
                    after_chunk()
            # the exact copies, found before the alignment (no key is in both)
            pair_rows.add(to_arrow("duplicates", found.values()))
            found.clear()
            passage_table = passage_rows.sorted(["doc_a", "doc_b", "a_start", "b_start"])
            passage_rows.close()
            pair_table = pair_rows.sorted(["doc_a", "doc_b"])
        finally:
            pair_rows.close()
            passage_rows.close()
        families = clusters(_pair_ids(pair_table), dates, sizes)
        return DedupResult([], [], families, templates, passage_table, pair_table)

    return finish


def _pair_ids(table: pa.Table, step: int = 65_536) -> Iterator[tuple[str, str]]:
    """``(doc_a, doc_b)`` of a ``duplicates`` table, a slice at a time."""
    for at in range(0, table.num_rows, step):
        part = table.slice(at, step)
        yield from zip(
            part.column("doc_a").to_pylist(), part.column("doc_b").to_pylist(), strict=True
        )


def _passage_order(p: Passage) -> tuple[str, str, int, int]:
    return (p.doc_a, p.doc_b, p.a_start, p.b_start)


def _sorted_passages(tables: list[pa.Table]) -> pa.Table:
    """The chunks' passage rows as one table in ``_passage_order``.

    Arrow's sort is stable and orders strings by their UTF-8 bytes, which is code
    point order: the rows come out as Python's sort of the passages would put them.
    """
    if not tables:
        return to_arrow("passages", [])
    table = pa.concat_tables(tables)
    keys = [(c, "ascending") for c in ("doc_a", "doc_b", "a_start", "b_start")]
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
    """
    out: list[tuple[DuplicatePair, list[Passage]]] = []
    tokens: dict[int, tuple[Words, list[int]]] = {}

    def words_of(k: int) -> tuple[Words, list[int]]:
        got = tokens.get(k)
        if got is None:
            words = content_tokens(docs[k][1])
            got = tokens[k] = (words, anchor_counts(words[0]))
        return got

    for i, j, inter, union, cont in pairs:
        (ia, ka), (ib, kb) = sorted([(docs[i][0], i), (docs[j][0], j)])
        ta, tb = docs[ka][1], docs[kb][1]
        (words_a, counts_a), (words_b, _) = words_of(ka), words_of(kb)
        aligned, subs = align_words(ia, ib, words_a, words_b, counts_a)
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
