"""Standard passages: sentences that many otherwise unrelated articles share.

A county's plan quotes the same 指导思想 sentence as every township's; two reports
that share only that sentence are not copies of each other. A sentence is a
template when the articles holding it fall into at least ``min_groups`` groups,
where two holders are in one group when they still copy each other with that
sentence left out: the members of one copy family share all their sentences, and
that must not turn the family's own text into a template.

The first pass keeps only a 64-bit hash per sentence; the text of a template is
recovered from the first article holding it.
"""

from __future__ import annotations

import functools
import hashlib
import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass

import numpy as np

from miner.dedup.clusters import UnionFind
from miner.dedup.shingles import shingle_hashes
from miner.dedup.stored import runs, sizes_of
from miner.dedup.texts import TextSource, blocks
from miner.dedup.view import MatchView, match_view

MIN_CHARS = 20  # shorter sentences (口号, 标题) are slogans, which the slogans table covers
_SENTENCE = re.compile(r"[^。！？!?；;\n]+[。！？!?；;]?")
_EMPTY = np.empty(0, dtype=np.uint64)
# Sentences whose showing texts are read at once, and articles whose 5-gram sets
# are prefetched at once (half of the search's cache, ``miner.dedup._CACHE``).
_TEXTS_PER_BLOCK = 256
_SETS = 2048
# Sentence hashes sorted at once (each with its article: 16 bytes, five arrays while
# sorted); a corpus with more is sorted in shards of hash values.
_SHARD_VALUES = 1 << 21


@dataclass(slots=True)
class Template:
    """A row of ``templates``."""

    template_id: int
    text: str
    articles: int
    groups: int
    doc_ids: str


def _units(text: str, view: MatchView) -> list[tuple[str, str]]:
    """(view, text) of each sentence long enough to be a standard passage."""
    out: list[tuple[str, str]] = []
    bounds = np.array([(m.start(), m.end()) for m in _SENTENCE.finditer(text)], dtype=np.int64)
    if not bounds.size:
        return out
    lo = np.searchsorted(view.starts, bounds[:, 0], side="left")
    hi = np.searchsorted(view.starts, bounds[:, 1], side="left")
    for (s, e), a, b in zip(bounds.tolist(), lo.tolist(), hi.tolist(), strict=True):
        if b - a >= MIN_CHARS:
            out.append((view.text[a:b], text[s:e].strip()))
    return out


def _hash(unit_view: str) -> int:
    return int.from_bytes(hashlib.blake2b(unit_view.encode(), digest_size=8).digest(), "little")


def unit_hashes(text: str, view: MatchView) -> np.ndarray:
    """Sorted unique hashes of ``text``'s sentences (what the first pass keeps)."""
    hashes = [_hash(v) for v, _ in _units(text, view)]
    return np.unique(np.array(hashes, dtype=np.uint64)) if hashes else _EMPTY


def find_templates(
    doc_ids: Sequence[str],
    texts: TextSource,
    units: Sequence[np.ndarray],
    pairs: tuple[np.ndarray, np.ndarray, np.ndarray],
    shingles_of: Callable[[int], np.ndarray],
    min_groups: int,
    containment: float,
) -> tuple[list[Template], np.ndarray]:
    """Template sentences and the sorted 5-gram hashes they cover.

    ``units[i]`` holds article ``i``'s sentence hashes (``unit_hashes``); ``pairs``
    are the verified pairs as three arrays: ``i``, ``j``, the 5-grams they share.
    For a sentence held by ``min_groups`` articles or more,
    two of them belong to one group when they are a verified pair even with the
    sentence left out (their other shared text still reaches ``containment``): a copy
    family shares much more than any one sentence, users of a template share little
    else. The sentence is a template when its holders form ``min_groups`` groups.
    """
    if not units:
        return [], _EMPTY
    partners = _Partners(pairs, len(units))

    def linked(docs: list[int]) -> list[tuple[int, int, int]]:
        """The verified pairs ``(i, j, shared)`` among the holders of one sentence."""
        held = set(docs)
        return [(i, j, shared) for i in docs for j, shared in partners.of(i) if j > i and j in held]

    held_by = _held_by(units, min_groups)
    found: list[tuple[int, list[int], int, str, str]] = []
    prefetch = getattr(shingles_of, "prefetch", None)  # a ``RowCache`` reads in blocks
    # A block of sentences at a time: the texts that show them and the 5-gram sets
    # their holders' pairs need are read together (``miner.dedup.texts``).
    for block, _ in blocks(held_by, lambda hd: hd[1][:1], _TEXTS_PER_BLOCK):
        shown_in = texts.fetch(dict.fromkeys(docs[0] for _, docs in block))
        links = [linked(docs) for _, docs in block]

        def linked_rows(b: int, links: list[list[tuple[int, int, int]]] = links) -> list[int]:
            return [k for i, j, _ in links[b] for k in (i, j)]

        for sub, needed in blocks(range(len(block)), linked_rows, _SETS):
            if prefetch is not None:
                prefetch(needed)
            for b in sub:
                h, docs = block[b]
                shown = _sentence(shown_in[docs[0]], h)
                if shown is None:  # pragma: no cover - the hash came from this text
                    continue
                own = shingle_hashes(shown[0])
                uf = UnionFind()
                for i in docs:
                    uf.find(str(i))
                for i, j, shared in links[b]:
                    if _still_copies(shingles_of(i), shingles_of(j), shared, own, containment):
                        uf.union(str(i), str(j))
                groups = len({uf.find(str(i)) for i in docs})
                if groups >= min_groups:
                    found.append((h, docs, groups, *shown))
    found.sort(key=lambda t: (-len(t[1]), t[4]))
    rows = [
        Template(n, raw, len(docs), groups, ",".join(sorted(doc_ids[i] for i in docs)))
        for n, (_, docs, groups, _, raw) in enumerate(found, start=1)
    ]
    hashes = [shingle_hashes(view) for *_, view, _ in found]
    covered = np.unique(np.concatenate(hashes)) if hashes else _EMPTY
    return rows, covered


def _held_by(units: Sequence[np.ndarray], min_groups: int) -> Iterator[tuple[int, list[int]]]:
    """(hash, holders ascending) of each sentence held by ``min_groups`` articles or more,
    by ascending hash.

    The corpus's sentence hashes are sorted a shard of hash values at a time (the
    shards in ascending order, so the sentences come in the same order as from one
    sort): sorting them all at once held five arrays as long as the corpus's
    sentences.
    """
    total = int(sizes_of(units).sum())
    shards = max(1, -(-total // _SHARD_VALUES))
    width = -(-(1 << 64) // shards)  # hash values per shard
    for shard in range(shards):
        lo, hi = shard * width, min(1 << 64, (shard + 1) * width)
        all_h, all_d = _shard(units, lo, hi, shards > 1)
        order = np.lexsort((all_d, all_h))
        all_h, all_d = all_h[order], all_d[order]
        del order
        starts = np.flatnonzero(np.r_[True, all_h[1:] != all_h[:-1]]) if all_h.size else all_h
        sizes = np.diff(np.r_[starts, all_h.size])
        common = sizes >= min_groups
        for start, size in zip(starts[common].tolist(), sizes[common].tolist(), strict=True):
            yield int(all_h[start]), all_d[start : start + size].tolist()


def _shard(
    units: Sequence[np.ndarray], lo: int, hi: int, filtered: bool
) -> tuple[np.ndarray, np.ndarray]:
    """(hash, article) of every sentence whose hash lies in ``lo … hi - 1``."""
    all_h: list[np.ndarray] = []
    all_d: list[np.ndarray] = []
    for first, sizes, values in runs(units):
        docs = np.repeat(np.arange(first, first + sizes.size, dtype=np.int64), sizes)
        if filtered:
            mine = (values >= np.uint64(lo)) & (values <= np.uint64(hi - 1))
            values, docs = values[mine], docs[mine]
        all_h.append(values)
        all_d.append(docs)
    if not all_h:
        return _EMPTY, np.empty(0, dtype=np.int64)
    return np.concatenate(all_h), np.concatenate(all_d)


class _Partners:
    """Each article's verified partners and the 5-grams they share, as arrays.

    A dict of dicts cost ~150 bytes a pair, the largest part of the search's memory
    at scale; three arrays sorted by article cost 24 (each pair twice).
    """

    def __init__(self, pairs: tuple[np.ndarray, np.ndarray, np.ndarray], n: int) -> None:
        ii, jj, inter = (np.asarray(a, dtype=np.int64) for a in pairs)
        # each pair seen from both ends; a stable sort keeps each article's partners
        # in the order of ``pairs``
        start = np.column_stack([ii, jj]).ravel()
        other = np.column_stack([jj, ii]).ravel()
        shared = np.repeat(inter, 2)
        order = np.argsort(start, kind="stable")
        self._other, self._shared = other[order], shared[order]
        self._bounds = np.searchsorted(start[order], np.arange(n + 1))

    def of(self, i: int) -> zip[tuple[int, int]]:
        """(partner, shared 5-grams) of article ``i``."""
        lo, hi = int(self._bounds[i]), int(self._bounds[i + 1])
        return zip(self._other[lo:hi].tolist(), self._shared[lo:hi].tolist(), strict=True)


def _sentence(text: str, h: int) -> tuple[str, str] | None:
    """(view, text) of the sentence of ``text`` whose hash is ``h``."""
    return _sentences_by_hash(text).get(h)


@functools.lru_cache(maxsize=256)
def _sentences_by_hash(text: str) -> dict[int, tuple[str, str]]:
    # one article usually holds several candidate sentences: its view is built once
    return {_hash(v): (v, raw) for v, raw in reversed(_units(text, match_view(text)))}


def _still_copies(
    a: np.ndarray, b: np.ndarray, shared: int, left_out: np.ndarray, containment: float
) -> bool:
    """Whether ``a`` and ``b`` (sharing ``shared`` 5-grams) still copy without ``left_out``.

    Counted from the few left-out 5-grams each holds (a sentence's, against an
    article's thousand), not by removing them from both sets.
    """
    in_a, in_b = _held(left_out, a), _held(left_out, b)
    smaller = min(a.size - int(np.count_nonzero(in_a)), b.size - int(np.count_nonzero(in_b)))
    if not smaller:
        return False
    return (shared - int(np.count_nonzero(in_a & in_b))) / smaller >= containment


def _held(x: np.ndarray, y: np.ndarray) -> np.ndarray:
    """Which values of ``x`` sorted unique ``y`` holds."""
    if not y.size:
        return np.zeros(x.size, dtype=bool)
    at = np.searchsorted(y, x)
    at[at == y.size] = 0
    return y[at] == x
