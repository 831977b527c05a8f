"""Standard passages: sentences that many otherwise unrelated articles share.

A county's plan quotes the same 指导思想 sentence as every township's; two reports
that share only that sentence are not copies of each other. A sentence is a
template when it turns up in at least ``min_groups`` groups of articles, where a
group is a set of articles that are mostly the same text (both containments ≥
``SAME_TEXT``): the members of one copy family share all their sentences, and that
must not turn the family's own text into a template.
"""

from __future__ import annotations

import hashlib
import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from miner.dedup.clusters import UnionFind
from miner.dedup.shingles import shingle_hashes
from miner.dedup.view import MatchView

MIN_CHARS = 20  # shorter sentences (口号, 标题) are slogans, which the slogans table covers
SAME_TEXT = 0.5
_SENTENCE = re.compile(r"[^。！？!?；;\n]+[。！？!?；;]?")


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


def find_templates(
    doc_ids: Sequence[str],
    texts: Sequence[str],
    views: Sequence[MatchView],
    same_text: Sequence[tuple[int, int]],
    min_groups: int,
) -> tuple[list[Template], np.ndarray]:
    """Template sentences and the sorted 5-gram hashes they cover.

    ``same_text`` lists index pairs of articles that are mostly the same text.
    """
    uf = UnionFind()
    for i, j in same_text:
        uf.union(str(i), str(j))
    where: dict[bytes, set[int]] = defaultdict(set)
    shown: dict[bytes, tuple[str, str]] = {}
    for i, (text, view) in enumerate(zip(texts, views, strict=True)):
        for unit_view, raw in _units(text, view):
            key = hashlib.blake2b(unit_view.encode(), digest_size=12).digest()
            where[key].add(i)
            shown.setdefault(key, (unit_view, raw))
    found: list[tuple[bytes, set[int], int]] = []
    for key, docs in where.items():
        if len(docs) < min_groups:
            continue
        groups = len({uf.find(str(i)) for i in docs})
        if groups >= min_groups:
            found.append((key, docs, groups))
    found.sort(key=lambda t: (-len(t[1]), shown[t[0]][1]))
    rows = [
        Template(n, shown[key][1], len(docs), groups, ",".join(sorted(doc_ids[i] for i in docs)))
        for n, (key, docs, groups) in enumerate(found, start=1)
    ]
    hashes = [shingle_hashes(shown[key][0]) for key, _, _ in found]
    covered = np.unique(np.concatenate(hashes)) if hashes else np.empty(0, dtype=np.uint64)
    return rows, covered
