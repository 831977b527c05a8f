"""Base articles for generated copies, and the names a copier swaps.

Copies are made from the demo corpus (``corpus/``) after cleaning, so they read
like the reports miner sees. The corpus itself holds copies (第4篇 of the
compilation is 第1篇 with swaps, 第5篇 repeats 第2篇, 第6/7篇 are two versions of one
report); only the first of each such group becomes a base, or the ground truth
would call real copies strangers.
"""

from __future__ import annotations

import random
import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from miner.clean.boilerplate import learn as learn_footers
from miner.dedup.draft import Draft
from miner.extract.units import describe
from miner.ingest import read_inputs
from miner.models import Article, Page
from miner.pipeline import build_articles
from miner.segment import sentences

CORPUS = Path(__file__).resolve().parents[2] / "corpus"
MIN_BASE_CHARS = 400
# Two distinct reports of the demo corpus share at most 7% of their 5-grams; the
# two versions of the 水务局 report share 21%, copies 71% and more.
MAX_BASE_CONTAINMENT = 0.15

# Campaign names a copier swaps (双创双争→双争双比); longest first, so that
# 三亮三比三评 is not read as 三亮三比.
CAMPAIGNS = (
    "三亮三比三评",
    "双比双争",
    "双创双优",
    "双争双创",
    "双创双争",
    "双争双比",
    "三亮三比",
    "创先争优",
    "争先创优",
    "三比三创",
    "双学双比",
    "双评双议",
)
# Unit kinds by the word a report calls itself with (我镇, 本社区), and the party
# body each kind reports through (镇党委, 街道党工委).
KINDS = ("乡", "镇", "街道", "社区", "村", "局", "校")
_ORGAN = {
    "乡": "党委",
    "镇": "党委",
    "街道": "党工委",
    "社区": "党委",
    "村": "党支部",
    "局": "党组",
    "校": "党支部",
}
_SELF = re.compile(r"(?:我|本)(街道|社区|村|乡|镇|局|校)")
_NAME_KIND = (
    ("街道", "街道"),
    ("社区", "社区"),
    ("小学", "校"),
    ("中学", "校"),
    ("学校", "校"),
    ("村", "村"),
    ("乡", "乡"),
    ("镇", "镇"),
    ("局", "局"),
)
_CORE_CHARS = "青白石云杉翠柳枫桃松梅竹兰溪河山岭坪塘湾桥岗林泉峰阳安平丰和兴金凤龙鹤"
_BUREAUS = "水务 林业 农业 民政 交通 财政 审计 统计 商务 文旅 司法 人社".split()


@dataclass(frozen=True, slots=True)
class Unit:
    """A reporting unit: its name (None when the report never names itself) and kind."""

    name: str | None
    kind: str | None


@dataclass(frozen=True, slots=True)
class Base:
    """One base article with what a copier would swap in it."""

    index: int
    article: Article
    unit: Unit
    campaign: str | None

    @property
    def draft(self) -> Draft:
        return Draft.of(self.article.text, self.index)


def _containment(a: set[str], b: set[str]) -> float:
    return len(a & b) / max(1, min(len(a), len(b)))


def _grams(text: str) -> set[str]:
    view = re.sub(r"[^\u4e00-\u9fff0-9a-zA-Z]+", "", text)
    return {view[i : i + 5] for i in range(len(view) - 4)}


def unit_of(article: Article) -> Unit:
    """The unit a report speaks for: self-references decide the kind, ``describe`` the name."""
    kinds = Counter(m.group(1) for m in _SELF.finditer(article.text))
    name = describe(article.text, article.title).unit_name
    if name and re.search(r"[Xx×*某]", name):
        name = None
    kind = kinds.most_common(1)[0][0] if kinds else None
    if kind is None and name:
        kind = next((k for suffix, k in _NAME_KIND if name.endswith(suffix)), None)
    return Unit(name, kind)


def campaign_of(text: str) -> str | None:
    """The campaign a report is about: the campaign name it uses most."""
    counts = Counter(m.group() for m in _CAMPAIGN.finditer(text))
    return counts.most_common(1)[0][0] if counts else None


_CAMPAIGN = re.compile("|".join(CAMPAIGNS))


def load_bases(root: Path = CORPUS) -> list[Base]:
    """Clean articles of ``root`` (stages 2–4 of the pipeline), one per distinct report."""
    pages = [p for p in read_inputs(root) if isinstance(p, Page)]
    footers = learn_footers(p.text for p in pages)
    kept: list[tuple[Article, set[str]]] = []
    for page in pages:
        for art in build_articles(page, footers=footers)[0]:
            grams = _grams(art.text)
            if len(art.text) < MIN_BASE_CHARS:
                continue
            if any(_containment(grams, g) >= MAX_BASE_CONTAINMENT for _, g in kept):
                continue
            kept.append((art, grams))
    return [Base(i, art, unit_of(art), campaign_of(art.text)) for i, (art, _) in enumerate(kept)]


def invent_unit(rng: random.Random, kind: str | None = None) -> Unit:
    """A made-up unit (no real unit is described): 枫岭镇, 青泉社区, 县林业局, 松溪小学."""
    kind = kind or rng.choice(KINDS)
    core = "".join(rng.sample(_CORE_CHARS, 2))
    if kind == "局":
        return Unit(f"县{rng.choice(_BUREAUS)}局", kind)
    if kind == "校":
        return Unit(core + rng.choice(("小学", "中学")), kind)
    return Unit(core + kind, kind)


def unit_pattern(unit: Unit) -> re.Pattern[str] | None:
    """Everything in a text that names ``unit``: its name, 我镇/本镇/全镇, 镇党委."""
    words = [re.escape(unit.name)] if unit.name else []
    if unit.kind:
        words += [f"[我本全]{unit.kind}"]
        # 校党支部, but not inside 学校党支部: that names the school, not the unit.
        words += [f"(?<!学){unit.kind}{_ORGAN[unit.kind]}"]
    return re.compile("|".join(words)) if words else None


def rename(word: str, old: Unit, new: Unit) -> str:
    """``word`` (a match of ``unit_pattern(old)``) said of ``new`` instead."""
    if word == old.name:
        return new.name or word
    if old.kind and new.kind and word == old.kind + _ORGAN[old.kind]:
        return new.kind + _ORGAN[new.kind]
    if old.kind and new.kind and word.endswith(old.kind):
        return word[: -len(old.kind)] + new.kind
    return word


def campaign_pattern(campaign: str) -> re.Pattern[str]:
    """``campaign`` where it is the whole name (三亮三比 not inside 三亮三比三评)."""
    longer = [c for c in CAMPAIGNS if campaign in c and c != campaign]
    guard = "".join(f"(?!{re.escape(c[c.index(campaign) + len(campaign) :])})" for c in longer)
    return re.compile(re.escape(campaign) + guard)


def clauses(base: Base, min_chars: int = 6, max_chars: int = 26) -> list[Draft]:
    """Short clauses of a base (between ，；：), the stock phrases reports share.

    Any two of them joined stay shorter than a copied passage, so text built from
    clauses of different bases shares phrases with them but copies nothing.
    """
    draft = base.draft
    out: list[Draft] = []
    for sent in sentences(base.article.text):
        for m in _CLAUSE.finditer(sent.text):
            if min_chars <= len(m.group()) <= max_chars and _PLAIN.fullmatch(m.group()):
                out.append(draft.cut(sent.start + m.start(), sent.start + m.end()))
    return out


_CLAUSE = re.compile(r"[^，；：,;:。！？\n]+")
# Plain clauses only: no brackets or quotes left open, no list numbers (一、) of their own.
_PLAIN = re.compile(r"(?![一二三四五六七八九十0-9]+、)[\u4e00-\u9fff0-9、]+")
