"""Copied reports: which articles copy each other, what they share, what was swapped.

Detection works on characters, explanation on words. A normalised view of each
article (Chinese, letters and digits only; every digit run as one placeholder, so
changed figures do not hide a copy) is cut into character 5-grams; pairs that share
5-grams are verified by exact Jaccard and containment. Each verified pair is then
aligned on rjieba tokens, which turns a swap into one readable pair
(双争双比 → 双创双争) instead of single characters.

Kinds: ``exact`` — the same matching view; ``near`` — aligned passages cover at
least ``NEAR_COVERAGE`` of *both* articles (one is the other with edits: swapped
names, a changed sentence); ``partial`` — the smaller article has ≥ 0.3 of its
5-grams in the other and at least ``PARTIAL_COVERAGE`` of it lies in shared passages,
but one of them has more than a tenth that is its own.
"""

from __future__ import annotations

from collections.abc import Sequence

from miner.dedup.align import align_pair
from miner.dedup.pairs import find_pairs, matching_view
from miner.models import Article, DuplicatePair, Passage

# Calibration (seed 000 and the demo corpus, passages allowing edits of ≤ 12 words):
# edit copies cover 0.93–1.0 of both sides; a report rebuilt from another one with
# sentences dropped or added covers 0.87 of its longer side; unrelated reports ≤ 0.13.
NEAR_COVERAGE = 0.90
# partial: passages must cover this share of the smaller article. Two reports that
# merely use the same stock phrases reach 5-gram containment 0.3 with passages
# covering 0.01–0.2 (measured on ../shared/corpus/real: a resolution against the
# report it approves, template essays); real partial copies cover 0.4 and more.
PARTIAL_COVERAGE = 0.30

__all__ = [
    "NEAR_COVERAGE",
    "PARTIAL_COVERAGE",
    "align_pair",
    "find_duplicates",
    "find_pairs",
    "matching_view",
]


def find_duplicates(articles: Sequence[Article]) -> tuple[list[DuplicatePair], list[Passage]]:
    """Duplicate pairs with their kind, and the passages each pair shares.

    Example:
        >>> from miner.models import Article
        >>> body = "我乡把活动作为党建工作的重点来抓，成立了领导小组，召开动员大会，统一思想。" * 3
        >>> arts = [Article("a", "s", 1, None, body), Article("b", "s", 2, None, body.replace("我乡", "我镇"))]
        >>> [(p.doc_a, p.doc_b, p.kind) for p in find_duplicates(arts)[0]]
        [('a', 'b', 'near')]
    """
    texts = {a.doc_id: a.text for a in articles}
    pairs: list[DuplicatePair] = []
    passages: list[Passage] = []
    for pair in find_pairs(articles):
        ta, tb = texts[pair.doc_a], texts[pair.doc_b]
        found = align_pair(pair.doc_a, ta, pair.doc_b, tb)
        cov_a = sum(p.a_end - p.a_start for p in found) / max(1, len(ta))
        cov_b = sum(p.b_end - p.b_start for p in found) / max(1, len(tb))
        smaller = cov_a if len(ta) <= len(tb) else cov_b
        if pair.kind != "exact" and smaller < PARTIAL_COVERAGE:
            continue  # shared 5-grams scattered over stock phrases, not shared passages
        pair.coverage = round(min(cov_a, cov_b), 6)
        if pair.kind != "exact" and pair.coverage >= NEAR_COVERAGE:
            pair.kind = "near"
        pairs.append(pair)
        passages.extend(found)
    return pairs, passages
