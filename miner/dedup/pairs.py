"""Candidate pairs by shared character 5-grams, verified by exact set arithmetic."""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from miner.dedup.shingles import shared_count, shingle_hashes
from miner.models import Article, DuplicatePair

_EMPTY = np.empty(0, dtype=np.uint64)

SHINGLE = 5
# A candidate is kept when the smaller article has at least this share of its 5-grams
# in the other (unrelated reports of the same campaign stay at or below 0.05 on seed
# 000; copies of any kind sit at 0.5 and above). Near versus partial is decided on
# the aligned passages (``miner.dedup.find_duplicates``), not here.
PARTIAL_CONTAINMENT = 0.30
# Candidate sampling: 1 in SAMPLE 5-grams of articles with at least SHORT of them. A
# copy sharing 30% of a 200-character article shares ~60 5-grams, ~15 sampled; MIN_SHARED
# sampled ones are a safe floor, and every candidate is verified on the full sets.
SAMPLE = np.uint64(4)
SHORT = 200
MIN_SHARED = 2
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
    shingles: np.ndarray  # sorted unique 5-gram hashes


def _key(x: str, y: str) -> tuple[str, str]:
    return (x, y) if x < y else (y, x)


def _candidates(docs: Sequence[_Doc]) -> dict[tuple[int, int], int]:
    """Pairs of documents that share sampled 5-grams, with how many they share.

    Long articles are represented by the 5-grams whose hash is 0 mod ``SAMPLE``
    (the same 5-gram is kept or dropped in every article, so shared 5-grams stay
    shared); short ones keep all of theirs so that they still get candidates.
    5-grams found in more than ``cap`` articles (stock phrases, slogans) are skipped:
    they would pair everything with everything.
    """
    hashes: list[np.ndarray] = []
    owners: list[np.ndarray] = []
    for i, d in enumerate(docs):
        h = d.shingles if len(d.shingles) < SHORT else d.shingles[d.shingles % SAMPLE == 0]
        hashes.append(h)
        owners.append(np.full(h.size, i, dtype=np.int64))
    if not hashes:
        return {}
    all_h = np.concatenate(hashes)
    all_d = np.concatenate(owners)
    order = np.lexsort((all_d, all_h))
    all_h, all_d = all_h[order], all_d[order]
    starts = np.flatnonzero(np.r_[True, all_h[1:] != all_h[:-1]])
    sizes = np.diff(np.r_[starts, all_h.size])
    cap = max(50, len(docs) // 200)
    shared: dict[tuple[int, int], int] = defaultdict(int)
    for s, n in zip(
        starts[(sizes > 1) & (sizes <= cap)], sizes[(sizes > 1) & (sizes <= cap)], strict=True
    ):
        group = all_d[s : s + n].tolist()
        for x, i in enumerate(group):
            for j in group[x + 1 :]:
                shared[(i, j)] += 1
    return shared


def find_pairs(articles: Sequence[Article]) -> list[DuplicatePair]:
    """Verified candidate pairs, sorted by ids: ``exact`` or (provisionally) ``partial``."""
    docs: list[_Doc] = []
    for art in articles:
        view = matching_view(art.text)
        grams = shingle_hashes(view, SHINGLE) if len(view) >= MIN_VIEW else _EMPTY
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
    # 2. Candidates, 3. each verified exactly on the full 5-gram sets.
    for (i, j), n in sorted(_candidates(docs).items()):
        if n < MIN_SHARED:
            continue
        a, b = docs[i], docs[j]
        key = _key(a.doc_id, b.doc_id)
        if key in out:
            continue
        inter = shared_count(a.shingles, b.shingles)
        union = a.shingles.size + b.shingles.size - inter
        jac = inter / union if union else 0.0
        cont = inter / min(a.shingles.size, b.shingles.size)
        if cont < PARTIAL_CONTAINMENT:
            continue
        kind = "partial"  # until alignment shows it is a copy with edits
        out[key] = DuplicatePair(*key, kind, round(jac, 6), round(cont, 6))
    return [out[k] for k in sorted(out)]
