"""Candidate pairs by shared character 5-grams, verified by exact set arithmetic."""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from miner.models import Article, DuplicatePair

SHINGLE = 5
# A candidate is kept when the smaller article has at least this share of its 5-grams
# in the other (unrelated reports of the same campaign stay at or below 0.05 on seed
# 000; copies of any kind sit at 0.5 and above). Near versus partial is decided on
# the aligned passages (``miner.dedup.find_duplicates``), not here.
PARTIAL_CONTAINMENT = 0.30
MIN_SHARED = 3  # shared 5-grams before a pair is even looked at
MIN_VIEW = 50  # shorter articles only take part in exact matching
_DROP = re.compile(r"[^0-9a-z\u4e00-\u9fff]+")
_DIGITS = re.compile(r"[0-9]+")


def matching_view(text: str) -> str:
    """The form copies are compared in: NFKC, lower case, no punctuation, digits as 0.

    Example:
        >>> matching_view("投入资金21.6万元，“双创双争”")
        '投入资金0万元双创双争'
    """
    s = unicodedata.normalize("NFKC", text).lower()
    s = _DROP.sub("", s)
    return _DIGITS.sub("0", s)


@dataclass(slots=True)
class _Doc:
    doc_id: str
    view: str
    shingles: frozenset[str]


def _key(x: str, y: str) -> tuple[str, str]:
    return (x, y) if x < y else (y, x)


def find_pairs(articles: Sequence[Article]) -> list[DuplicatePair]:
    """Verified candidate pairs, sorted by ids: ``exact`` or (provisionally) ``partial``."""
    docs: list[_Doc] = []
    for art in articles:
        view = matching_view(art.text)
        grams = (
            frozenset(view[i : i + SHINGLE] for i in range(len(view) - SHINGLE + 1))
            if len(view) >= MIN_VIEW
            else frozenset()
        )
        docs.append(_Doc(art.doc_id, view, grams))
    out: dict[tuple[str, str], DuplicatePair] = {}
    # 1. Exact copies: the same view.
    by_hash: dict[str, list[_Doc]] = defaultdict(list)
    for d in docs:
        if d.view:
            by_hash[hashlib.blake2b(d.view.encode(), digest_size=16).hexdigest()].append(d)
    for group in by_hash.values():
        for i, a in enumerate(group):
            for b in group[i + 1 :]:
                key = _key(a.doc_id, b.doc_id)
                out[key] = DuplicatePair(*key, "exact", 1.0, 1.0)
    # 2. Candidates through an inverted index of 5-grams; very common 5-grams
    #    (slogans, stock phrases) are left out so they cannot pair everything.
    index: dict[str, list[int]] = defaultdict(list)
    for i, d in enumerate(docs):
        for g in d.shingles:
            index[g].append(i)
    cap = max(50, len(docs) // 200)
    shared: dict[tuple[int, int], int] = defaultdict(int)
    for postings in index.values():
        if 1 < len(postings) <= cap:
            for x, i in enumerate(postings):
                for j in postings[x + 1 :]:
                    shared[(i, j)] += 1
    # 3. Verify each candidate exactly.
    for (i, j), n in sorted(shared.items()):
        if n < MIN_SHARED:
            continue
        a, b = docs[i], docs[j]
        key = _key(a.doc_id, b.doc_id)
        if key in out:
            continue
        inter = len(a.shingles & b.shingles)
        union = len(a.shingles | b.shingles)
        jac = inter / union if union else 0.0
        cont = inter / min(len(a.shingles), len(b.shingles))
        if cont < PARTIAL_CONTAINMENT:
            continue
        kind = "partial"  # until alignment shows it is a copy with edits
        out[key] = DuplicatePair(*key, kind, round(jac, 6), round(cont, 6))
    return [out[k] for k in sorted(out)]
