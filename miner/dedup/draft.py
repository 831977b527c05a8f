"""Texts that remember where every character came from, and the truth that follows.

The copy generator (``miner.dedup.generate``) edits base articles many times over:
swaps, drops, insertions, splices. Tracking offsets through each edit by hand is
where ground truth goes wrong, so every character carries its *origin* instead:
``base << 32 | offset`` for a character copied from base article ``base``, ``NEW``
for text the generator wrote. Two generated articles then share exactly the
characters whose origins they share, and the copied passages, the substitutions
inside them and the share of copied text all follow from the origin arrays alone.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import pairwise

import numpy as np

from miner.dedup.view import matching_view as view_of

NEW = -1
_SHIFT = 32
# Edits up to this many characters on either side (and as far apart in the base text)
# stay inside one passage: a swapped name, a changed figure, a dropped short clause.
MERGE_GAP = 24
# A copied run shorter than this is a stock phrase, not a passage (the aligner's
# ``MIN_PASSAGE_CHARS`` is the same 30).
MIN_PASSAGE = 30
# Kinds by the definitions of ``miner.dedup``: near when passages cover this share of
# both articles, partial when they cover this share of the smaller one. The truth keeps
# its own values (measured on true passages, not on the search's alignment), so a
# change of the search's thresholds cannot move the truth it is scored against.
NEAR_COVERAGE = 0.90
PARTIAL_COVERAGE = 0.30


@dataclass(frozen=True, slots=True)
class Draft:
    """A text, the origin of each character (``NEW`` for written text), and for written
    text the origins it replaced.

    ``span`` holds ``[lo, hi)`` per character: ``[o, o + 1)`` for a copied character of
    origin ``o``; for written text the origins the edit took out (so that 我社区 written
    over 我镇 is known to stand for 我镇 even after the sentence before it is dropped);
    ``[-1, -1)`` for text inserted where nothing was.
    """

    text: str
    origin: np.ndarray = field(repr=False)
    span: np.ndarray = field(repr=False)

    def __post_init__(self) -> None:
        if not len(self.text) == len(self.origin) == len(self.span):
            raise ValueError("a Draft needs one origin and one span per character")

    @classmethod
    def of(cls, text: str, base: int) -> Draft:
        """The whole of base article ``base``: every character its own origin."""
        origin = (np.int64(base) << _SHIFT) + np.arange(len(text), dtype=np.int64)
        return cls(text, origin, np.stack([origin, origin + 1], axis=1))

    @classmethod
    def new(cls, text: str, replaced: tuple[int, int] = (NEW, NEW)) -> Draft:
        """Text the generator wrote, shared with nothing; ``replaced`` the origins it
        stands in for."""
        span = np.empty((len(text), 2), dtype=np.int64)
        span[:] = replaced
        return cls(text, np.full(len(text), NEW, dtype=np.int64), span)

    def __len__(self) -> int:
        return len(self.text)

    def __add__(self, other: Draft) -> Draft:
        return join([self, other])

    def cut(self, start: int, end: int) -> Draft:
        return Draft(self.text[start:end], self.origin[start:end], self.span[start:end])

    def replace(self, start: int, end: int, new: Draft) -> Draft:
        return join([self.cut(0, start), new, self.cut(end, len(self))])

    def replaced(self, start: int, end: int) -> tuple[int, int]:
        """The origins ``[start, end)`` stands for (written text: those it replaced)."""
        span = self.span[start:end]
        span = span[span[:, 0] >= 0]
        return (int(span[:, 0].min()), int(span[:, 1].max())) if span.size else (NEW, NEW)

    def swap(self, start: int, end: int, text: str) -> Draft:
        """Write ``text`` over ``[start, end)``."""
        return self.replace(start, end, Draft.new(text, self.replaced(start, end)))

    def sub(self, pattern: re.Pattern[str], repl: Callable[[re.Match[str]], str]) -> Draft:
        """``pattern.sub`` that keeps the origins of untouched text.

        A replacement equal to the matched text keeps its origins too, so that a
        "swap" to the same word is no edit at all.
        """
        parts: list[Draft] = []
        pos = 0
        for m in pattern.finditer(self.text):
            new = repl(m)
            if new == m.group():
                continue
            parts.append(self.cut(pos, m.start()))
            parts.append(Draft.new(new, self.replaced(m.start(), m.end())))
            pos = m.end()
        if not parts:
            return self
        parts.append(self.cut(pos, len(self)))
        return join(parts)

    def bases(self) -> set[int]:
        """The base articles this text copies from."""
        copied = self.origin[self.origin != NEW]
        return set((np.unique(copied >> _SHIFT)).tolist())


def base_of(origin: int) -> int:
    """The base article a copied character's origin points into."""
    return origin >> _SHIFT


def join(parts: Sequence[Draft]) -> Draft:
    """Concatenate drafts, origins included."""
    if not parts:
        return Draft.new("")
    return Draft(
        "".join(p.text for p in parts),
        np.concatenate([p.origin for p in parts]),
        np.concatenate([p.span for p in parts]),
    )


@lru_cache(maxsize=4096)
def matching_view(text: str) -> str:
    """The form ``exact`` copies agree in: the search's own view (``miner.dedup.view``),
    cached because the truth compares every generated pair."""
    return view_of(text)


@dataclass(frozen=True, slots=True)
class TruePassage:
    """A copied region: ``a`` and ``b`` spans, with the edits found inside it."""

    a_start: int
    a_end: int
    b_start: int
    b_end: int
    substitutions: tuple[tuple[str, str], ...] = ()
    runs: int = 1  # unbroken copied runs joined into it; 1 means both spans are equal


@dataclass(frozen=True, slots=True)
class PairTruth:
    """What two generated texts really share."""

    passages: tuple[TruePassage, ...]
    coverage_a: float  # share of ``a`` inside passages
    coverage_b: float
    share: float  # coverage of the shorter text: how much of it comes from the other
    kind: str  # exact, near, partial, or weak (copied passages too small for a kind)
    substitutions: Counter[tuple[str, str]]


@dataclass(slots=True)
class _Run:
    a0: int
    a1: int
    b0: int
    b1: int
    o0: int  # origin of the first and last character
    o1: int


def _runs(a: Draft, b: Draft) -> list[_Run]:
    """Maximal runs of ``a`` whose characters sit, in order, next to each other in ``b``."""
    ob, oa = b.origin, a.origin
    b_pos = np.flatnonzero(ob != NEW)
    b_orig = ob[b_pos]
    order = np.argsort(b_orig, kind="stable")
    b_orig, b_pos = b_orig[order], b_pos[order]
    if np.any(b_orig[1:] == b_orig[:-1]):
        raise ValueError("a text copies the same character twice")
    if not b_orig.size or not len(oa):
        return []
    idx = np.minimum(np.searchsorted(b_orig, oa), b_orig.size - 1)
    hit = (oa != NEW) & (b_orig[idx] == oa)
    j = np.where(hit, b_pos[idx], -1)
    # A run breaks where a is not copied, or where b's position does not step by one.
    cont = np.zeros(len(oa), dtype=bool)
    cont[1:] = hit[1:] & hit[:-1] & (j[1:] == j[:-1] + 1)
    last = np.zeros(len(oa), dtype=bool)  # copied, and the next character does not go on
    last[:-1] = hit[:-1] & ~cont[1:]
    last[-1] = hit[-1]
    starts, ends = np.flatnonzero(hit & ~cont), np.flatnonzero(last) + 1
    return [
        _Run(s, e, int(j[s]), int(j[e - 1]) + 1, int(oa[s]), int(oa[e - 1]))
        for s, e in zip(starts.tolist(), ends.tolist(), strict=True)
    ]


def _mergeable(p: _Run, r: _Run) -> bool:
    gap_origin = r.o0 - p.o1 - 1
    return (
        r.b0 >= p.b1
        and r.a0 - p.a1 <= MERGE_GAP
        and r.b0 - p.b1 <= MERGE_GAP
        and (r.o0 >> _SHIFT) == (p.o1 >> _SHIFT)
        and 0 <= gap_origin <= MERGE_GAP
    )


def _gap_substitutions(a: Draft, b: Draft, p: _Run, r: _Run) -> list[tuple[str, str]]:
    """The swaps between two runs of one passage, ``(in_a, in_b)`` in order.

    Written text stands for the origins it replaced; each stretch of origins some
    edit replaced (on either side) is one swap, with each side's text for it. What
    one side has and the other lacks outside such stretches was dropped or added:
    an edit, but no swap.
    """
    gaps = ((a, p.a1, r.a0), (b, p.b1, r.b0))
    stretches = sorted(
        (int(lo), int(hi))
        for d, s, e in gaps
        for lo, hi in np.unique(d.span[s:e][d.origin[s:e] == NEW], axis=0).tolist()
        if lo >= 0
    )
    merged: list[list[int]] = []
    for lo, hi in stretches:
        if merged and lo < merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], hi)
        else:
            merged.append([lo, hi])
    out = []
    for lo, hi in merged:
        sides = []
        for d, s, e in gaps:
            span = d.span[s:e]
            inside = (span[:, 0] >= lo) & (span[:, 1] <= hi) & (span[:, 0] >= 0)
            sides.append("".join(d.text[s + i] for i in np.flatnonzero(inside).tolist()))
        if sides[0] and sides[1] and sides[0] != sides[1]:  # two copies may make one edit
            out.append((sides[0], sides[1]))
    return out


def true_passages(a: Draft, b: Draft) -> list[TruePassage]:
    """Copied passages of ``a`` and ``b``, sorted by their start in ``a``.

    Runs of shared characters are joined across short edits (``MERGE_GAP``) when they
    follow each other in both texts and in the base they came from; an edit with text
    on both sides is a substitution ``(in_a, in_b)``. Passages with fewer than
    ``MIN_PASSAGE`` copied characters are stock phrases and left out (two stock
    phrases a few characters apart do not make a passage).
    """
    out: list[TruePassage] = []
    group: list[_Run] = []

    def flush() -> None:
        if not group:
            return
        first, last = group[0], group[-1]
        if sum(r.a1 - r.a0 for r in group) >= MIN_PASSAGE:
            subs = [s for p, r in pairwise(group) for s in _gap_substitutions(a, b, p, r)]
            out.append(TruePassage(first.a0, last.a1, first.b0, last.b1, tuple(subs), len(group)))
        group.clear()

    for r in _runs(a, b):
        if group and _mergeable(group[-1], r):
            group.append(r)
        else:
            flush()
            group.append(r)
    flush()
    return out


def _covered(n: int, spans: Sequence[tuple[int, int]]) -> int:
    mask = np.zeros(n, dtype=bool)
    for s, e in spans:
        mask[s:e] = True
    return int(mask.sum())


def pair_truth(a: Draft, b: Draft) -> PairTruth:
    """Passages, coverage, share, kind and substitutions of one pair of texts."""
    found = true_passages(a, b)
    cov_a = _covered(len(a), [(p.a_start, p.a_end) for p in found]) / max(1, len(a))
    cov_b = _covered(len(b), [(p.b_start, p.b_end) for p in found]) / max(1, len(b))
    share = cov_a if len(a) <= len(b) else cov_b
    if matching_view(a.text) == matching_view(b.text) and matching_view(a.text):
        kind = "exact"
    elif min(cov_a, cov_b) >= NEAR_COVERAGE:
        kind = "near"
    elif share >= PARTIAL_COVERAGE:
        kind = "partial"
    else:
        kind = "weak"
    subs: Counter[tuple[str, str]] = Counter(s for p in found for s in p.substitutions)
    return PairTruth(tuple(found), round(cov_a, 6), round(cov_b, 6), round(share, 6), kind, subs)
