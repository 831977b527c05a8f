"""Standard passages: sentences that many otherwise unrelated articles share.

A county's plan quotes the same 指导思想 sentence as every township's; two reports
that share only that sentence are not copies of each other. A sentence is a
template when it turns up in at least ``min_groups`` groups of articles, where a
group is a set of articles that are mostly the same text (both containments ≥
``SAME_TEXT``): the members of one copy family share all their sentences, and that
must not turn the family's own text into a template.

The first pass keeps only a 64-bit hash per sentence; the text of a template is
recovered from the first article holding it.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from miner.dedup.clusters import UnionFind
from miner.dedup.shingles import shingle_hashes
from miner.dedup.view import MatchView, match_view

MIN_CHARS = 20  # shorter sentences (口号, 标题) are slogans, which the slogans table covers
SAME_TEXT = 0.5
_SENTENCE = re.compile(r"[^。！？!?；;\n]+[。！？!?；;]?")
_EMPTY = np.empty(0, dtype=np.uint64)


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
    texts: Sequence[str],
    units: Sequence[np.ndarray],
    same_text: Sequence[tuple[int, int]],
    min_groups: int,
) -> tuple[list[Template], np.ndarray]:
    """Template sentences and the sorted 5-gram hashes they cover.

    ``units[i]`` holds article ``i``'s sentence hashes (``unit_hashes``);
    ``same_text`` lists index pairs of articles that are mostly the same text.
    """
    if not units:
        return [], _EMPTY
    all_h = np.concatenate(units)
    all_d = np.repeat(np.arange(len(units), dtype=np.int64), [u.size for u in units])
    order = np.lexsort((all_d, all_h))
    all_h, all_d = all_h[order], all_d[order]
    starts = np.flatnonzero(np.r_[True, all_h[1:] != all_h[:-1]]) if all_h.size else all_h
    sizes = np.diff(np.r_[starts, all_h.size])
    common = sizes >= min_groups
    if not common.any():
        return [], _EMPTY
    uf = UnionFind()
    for i, j in same_text:
        uf.union(str(i), str(j))
    found: list[tuple[int, list[int], int]] = []
    for start, size in zip(starts[common].tolist(), sizes[common].tolist(), strict=True):
        docs = all_d[start : start + size].tolist()
        groups = len({uf.find(str(i)) for i in docs})
        if groups >= min_groups:
            found.append((int(all_h[start]), docs, groups))
    shown: dict[int, tuple[str, str]] = {}
    for h, docs, _ in found:
        text = texts[docs[0]]
        for unit_view, raw in _units(text, match_view(text)):
            if _hash(unit_view) == h:
                shown[h] = (unit_view, raw)
                break
    found.sort(key=lambda t: (-len(t[1]), shown[t[0]][1]))
    rows = [
        Template(n, shown[h][1], len(docs), groups, ",".join(sorted(doc_ids[i] for i in docs)))
        for n, (h, docs, groups) in enumerate(found, start=1)
    ]
    hashes = [shingle_hashes(shown[h][0]) for h, _, _ in found]
    covered = np.unique(np.concatenate(hashes)) if hashes else _EMPTY
    return rows, covered
