"""Copied reports with known ground truth, for measuring the duplicate search.

A copier takes a report and makes it his own: swaps the unit (我乡→我社区) and the
campaign (双创双争→双争双比), changes figures, rewords a few sentences, drops and
adds some, reorders paragraphs, keeps only the start, or glues the tail of another
report on. ``generate`` does all of that to the base articles of ``corpus/`` at four
edit strengths and builds hard negatives next to them: reports of the same
campaign by other units, written from clauses of many bases, so that they share the
campaign's stock phrases but no passage.

Every character remembers where it came from (``miner.dedup.draft``), so the truth
of any two generated articles — passages, substitutions, share, kind — is computed
from the texts, not from bookkeeping of the edits. ``edits`` on each article still
say what was done, for reading a failure.

``synthetic_corpus`` (from ``miner.dedup.synthetic``) streams 100,000 articles
with copy families for the speed benchmark.

Strengths (what stays of the base):

- ``exact``: only punctuation, line breaks and figures change (the matching view is
  equal);
- ``light``: swaps, a few changed figures and reworded sentences, at most one sentence
  dropped or added, maybe two paragraphs swapped (about 90% and more shared);
- ``medium``: 55–85% kept (sentences dropped, new ones added; or cut short; or spliced
  onto the tail of another report);
- ``heavy``: 30–55% kept, the rest new, cut off or another report's.
"""

from __future__ import annotations

import hashlib
import random
import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from miner.dedup.bases import (
    CAMPAIGNS,
    CORPUS,
    Base,
    Unit,
    clauses,
    invent_unit,
    load_bases,
)
from miner.dedup.draft import Draft, PairTruth, join, pair_truth
from miner.dedup.edits import (
    add_sentences,
    borrow,
    change_figures,
    drop_sentences,
    mixed_sentence,
    pick_clause,
    reformat,
    reorder_paragraphs,
    rewrite,
    splice,
    swap_campaign,
    swap_unit,
    truncate,
)
from miner.dedup.synthetic import synthetic_corpus
from miner.models import Article

__all__ = [
    "RECIPES",
    "STRENGTHS",
    "EvalSet",
    "GeneratedDoc",
    "TruePair",
    "generate",
    "hard_negative_pairs",
    "negative",
    "synthetic_corpus",
    "true_pairs",
]

STRENGTHS = ("exact", "light", "medium", "heavy")
# (strength, recipe): one copy of each per base and round.
RECIPES = (
    ("exact", "reformat"),
    ("light", "edits"),
    ("light", "reorder"),
    ("medium", "edits"),
    ("medium", "truncate"),
    ("medium", "splice"),
    ("heavy", "edits"),
    ("heavy", "truncate"),
    ("heavy", "splice"),
)
_KEEP = {"medium": (0.55, 0.85), "heavy": (0.30, 0.55)}
_ANY_SELF = re.compile(r"(?:我|本|全)(街道|社区|村|乡|镇|局|校)")
_ANY_CAMPAIGN = re.compile("|".join(CAMPAIGNS))
_NUMERALS = "一二三四五六七八九十"


@dataclass(slots=True)
class GeneratedDoc:
    """A generated article with what it is (``role``: base, copy or negative)."""

    article: Article
    draft: Draft
    role: str
    family: int | None  # the base a copy was made from (a base's own index)
    unit: Unit
    campaign: str | None
    strength: str | None = None
    recipe: str | None = None
    edits: list[str] = field(default_factory=list)


@dataclass(slots=True)
class TruePair:
    """Two generated articles that share at least one copied passage.

    ``relation``: ``copy`` (a base and a copy of it, ``strength`` set), ``sibling``
    (two copies of one base) or ``borrowed`` (text taken from another base: a splice
    or added sentences).
    """

    doc_a: str
    doc_b: str
    relation: str
    strength: str | None
    truth: PairTruth


@dataclass(slots=True)
class EvalSet:
    """Generated articles, every truly copied pair, and the hard negatives."""

    seed: int
    docs: list[GeneratedDoc]
    pairs: dict[tuple[str, str], TruePair]
    hard_negatives: list[tuple[str, str]]

    by_id: dict[str, GeneratedDoc] = field(init=False, repr=False)

    def __post_init__(self) -> None:
        self.by_id = {d.article.doc_id: d for d in self.docs}

    @property
    def articles(self) -> list[Article]:
        return [d.article for d in self.docs]

    def doc(self, doc_id: str) -> GeneratedDoc:
        return self.by_id[doc_id]


# -- copies ----------------------------------------------------------------------------


class _Copier:
    """Makes the copies of one evaluation set; one seeded ``random.Random`` for all."""

    def __init__(self, bases: Sequence[Base], rng: random.Random, pool: Sequence[Draft]):
        self.bases = bases
        self.rng = rng
        self.pool = pool

    def _other_campaign(self, old: str | None) -> str:
        return self.rng.choice([c for c in CAMPAIGNS if c != old and "三评" not in c])

    def _donor(self, base: Base) -> Base:
        return self.rng.choice([b for b in self.bases if b.index != base.index])

    def copy(
        self, base: Base, strength: str, recipe: str
    ) -> tuple[Draft, Unit, str | None, list[str]]:
        """A copy of ``base``: its text, the unit and campaign it now speaks for, its edits."""
        rng, d, edits = self.rng, base.draft, []
        unit, campaign = base.unit, base.campaign
        used: set[int] = set()
        avoid = {base.index}

        def apply(result: tuple[Draft, str]) -> None:
            nonlocal d
            d = result[0]
            edits.append(result[1])

        if strength == "exact":
            if rng.random() < 0.5:
                apply(change_figures(d, rng, rng.randint(2, 6)))
            apply(reformat(d, rng))
            return d, unit, campaign, edits
        if rng.random() < 0.9 or strength != "light":
            new_unit = invent_unit(rng, rng.choice((unit.kind, None)) if unit.kind else None)
            apply(swap_unit(d, unit, new_unit))
            unit = new_unit
        if base.campaign and rng.random() < 0.6:
            new_campaign = self._other_campaign(campaign)
            apply(swap_campaign(d, campaign, new_campaign))
            campaign = new_campaign
        if rng.random() < 0.6:
            apply(change_figures(d, rng, rng.randint(2, 6)))
        apply(rewrite(d, rng, rng.randint(1, 3) if strength == "light" else rng.randint(2, 5)))
        if strength == "light":
            if rng.random() < 0.5:
                apply(drop_sentences(d, rng, 0.01))
            if rng.random() < 0.5:
                apply(add_sentences(d, rng, 1, self.pool, avoid, used))
            if recipe == "reorder":
                apply(reorder_paragraphs(d, rng))
            return d, unit, campaign, edits
        lo, hi = _KEEP[strength]
        keep = rng.uniform(lo, hi)
        size = len(d)
        if recipe == "truncate":
            apply(truncate(d, keep))
        elif recipe == "splice":
            apply(splice(d, keep, self._donor(base)))
        else:
            apply(drop_sentences(d, rng, 1 - keep))
            refill = (size - len(d)) * (rng.uniform(0.3, 1.0) if strength == "medium" else 1.0)
            if rng.random() < 0.3:
                apply(borrow(d, rng, self._donor(base)))
            apply(add_sentences(d, rng, int(refill), self.pool, avoid | d.bases(), used))
            if rng.random() < 0.5:
                apply(reorder_paragraphs(d, rng))
        return d, unit, campaign, edits


# -- hard negatives --------------------------------------------------------------------


def negative(
    rng: random.Random,
    pool: Sequence[Draft],
    common: Sequence[int],
    unit: Unit,
    campaign: str,
    others: re.Pattern[str] | None = None,
) -> Draft:
    """A report of ``campaign`` by ``unit`` written from clauses of many bases.

    It opens the stock way (自“X”活动开展以来，我镇按照县委的统一部署), its sections are
    numbered, and two of every five clauses come from a small common set, so that
    negatives share far more phrasing than two real reports do. No two clauses of one
    sentence come from the same base, so no passage is shared.
    """
    used: set[int] = set()
    me = f"我{unit.kind}"
    # The stock opening, cut by the unit's name so that no two share a passage of it.
    opening = (
        f"自“{campaign}”活动开展以来，{me}{rng.choice(('按照', '根据', '遵照'))}"
        f"{rng.choice(('县委', '上级', '县委组织部'))}的{rng.choice(('统一部署', '安排', '要求'))}，"
        f"{rng.choice(('紧紧围绕', '立足', '结合'))}{unit.name}{rng.choice(('实际', '职能'))}，"
        f"{rng.choice(('扎实推进', '认真落实', '积极开展'))}各项工作。"
        f"{rng.choice(('现总结如下：', '现汇报如下：', '主要做法如下：'))}\n"
    )
    parts = [Draft.new(opening)]
    for n in range(rng.randint(3, 5)):
        i = pick_clause(rng, pool, used, set(), common)
        head = pool[i] if i is not None else Draft.new("工作开展情况")
        parts.append(join([Draft.new(f"{_NUMERALS[n]}、"), head, Draft.new("\n")]))
        before: set[int] = set()
        for _ in range(rng.randint(3, 6)):
            # Clauses of one base never follow each other, not even across sentences.
            parts.append(mixed_sentence(rng, pool, before, used, common))
            before = parts[-1].bases()
        parts.append(Draft.new("\n"))
    d = join(parts)
    d = d.sub(_ANY_SELF, lambda m: m.group()[0] + (unit.kind or ""))
    if others is not None:  # the bases' own names (石碾村) become this unit's
        d = d.sub(others, lambda m: unit.name or m.group())
    return d.sub(_ANY_CAMPAIGN, lambda m: campaign)


# -- the evaluation set ----------------------------------------------------------------


def _doc_id(seed: int, k: int) -> str:
    """Ids that say nothing about role or family, in no telling order."""
    return hashlib.blake2b(f"dedup-eval/{seed}/{k}".encode(), digest_size=6).hexdigest()


def generate(
    seed: int = 0,
    rounds: int = 1,
    negatives: int = 60,
    bases: Sequence[Base] | None = None,
    root: Path = CORPUS,
) -> EvalSet:
    """Bases, ``rounds`` copies of each by every recipe, and ``negatives`` hard negatives.

    Deterministic for a seed: one ``random.Random(seed)`` drives every choice, and
    articles come in a shuffled order with opaque ids, so neither tells the search
    what is a copy of what.
    """
    rng = random.Random(seed)
    bases = list(bases) if bases is not None else load_bases(root)
    pool = [c for b in bases for c in clauses(b)]
    common = sorted(rng.sample(range(len(pool)), min(len(pool), 120)))
    copier = _Copier(bases, rng, pool)
    made: list[GeneratedDoc] = []

    def article(d: Draft) -> Article:
        return Article(_doc_id(seed, len(made)), "generated", 1, None, d.text)

    for b in bases:
        made.append(GeneratedDoc(article(b.draft), b.draft, "base", b.index, b.unit, b.campaign))
    for _ in range(rounds):
        for b in bases:
            for strength, recipe in RECIPES:
                d, unit, campaign, edits = copier.copy(b, strength, recipe)
                made.append(
                    GeneratedDoc(
                        article(d), d, "copy", b.index, unit, campaign, strength, recipe, edits
                    )
                )
    campaigns = [b.campaign for b in bases if b.campaign]
    names = sorted({b.unit.name for b in bases if b.unit.name}, key=len, reverse=True)
    others = re.compile("|".join(map(re.escape, names))) if names else None
    for _ in range(negatives):
        unit, campaign = invent_unit(rng), rng.choice(campaigns)
        d = negative(rng, pool, common, unit, campaign, others)
        made.append(GeneratedDoc(article(d), d, "negative", None, unit, campaign))
    rng.shuffle(made)
    pairs = true_pairs(made)
    return EvalSet(seed, made, pairs, hard_negative_pairs(made, pairs))


def true_pairs(docs: Sequence[GeneratedDoc]) -> dict[tuple[str, str], TruePair]:
    """Every pair of articles that shares at least one copied passage, with its truth."""
    by_base: dict[int, list[int]] = defaultdict(list)
    for i, d in enumerate(docs):
        for b in d.draft.bases():
            by_base[b].append(i)
    candidates = {(i, j) for group in by_base.values() for i in group for j in group if i < j}
    out: dict[tuple[str, str], TruePair] = {}
    for i, j in sorted(candidates):
        x, y = sorted((docs[i], docs[j]), key=lambda d: d.article.doc_id)
        truth = pair_truth(x.draft, y.draft)
        if not truth.passages:
            continue
        relation, strength = _relation(x, y)
        key = (x.article.doc_id, y.article.doc_id)
        out[key] = TruePair(*key, relation, strength, truth)
    return dict(sorted(out.items()))


def _relation(x: GeneratedDoc, y: GeneratedDoc) -> tuple[str, str | None]:
    if x.family is None or x.family != y.family:
        return "borrowed", None
    if {x.role, y.role} == {"base", "copy"}:
        return "copy", x.strength or y.strength
    return "sibling", None


def hard_negative_pairs(
    docs: Sequence[GeneratedDoc], pairs: dict[tuple[str, str], TruePair]
) -> list[tuple[str, str]]:
    """Pairs about the same campaign by different units that share no passage."""
    by_campaign: dict[str, list[GeneratedDoc]] = defaultdict(list)
    for d in docs:
        if d.campaign:
            by_campaign[d.campaign].append(d)
    out = []
    for group in by_campaign.values():
        for i, x in enumerate(group):
            for y in group[i + 1 :]:
                key = tuple(sorted((x.article.doc_id, y.article.doc_id)))
                if x.unit != y.unit and key not in pairs:
                    out.append((key[0], key[1]))
    return sorted(out)
