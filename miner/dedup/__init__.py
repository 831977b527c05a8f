"""Copied reports: which articles copy each other, what they share, what was swapped.

Detection works on characters, explanation on words. A normalised view of each
article (Chinese, letters and digits only; every digit run as one placeholder, so
changed figures do not hide a copy) is cut into character 5-grams; pairs that share
5-grams are verified by exact Jaccard and containment. Each verified pair is then
aligned on rjieba tokens, which turns a swap into one readable pair
(双争双比 → 双创双争) instead of single characters.

Thresholds (calibrated on seed 000 and notes/dedup.md: copies sit at Jaccard
0.36–0.63, unrelated reports of one campaign at ≤ 0.02):
``near`` needs Jaccard ≥ 0.3; ``partial`` needs the smaller article to have
≥ 0.3 of its 5-grams in the other.
"""

from __future__ import annotations

from miner.dedup.align import align_pair
from miner.dedup.pairs import find_pairs, matching_view

__all__ = ["align_pair", "find_pairs", "matching_view"]
