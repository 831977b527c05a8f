"""Compare what kinds of unit say: the ``units`` and ``slogan_by_unit`` tables.

Researchers ask which slogans a township repeats against a school or a bureau, region by
region. Counting needs two things the per-article tables do not give directly: one row per
unit (so a unit with ten articles is one voice, not ten), and slogan counts by the normal form
(``Slogan.norm``), so “双创双争”活动 and 双创双争 count once. Groups are the unit type, the
province of the region (deeper levels split the corpus too thin to compare), and the corpus.

Example:
    >>> rows = slogan_by_unit([], [])
    >>> rows
    []
"""

from __future__ import annotations

import functools
import json
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from miner.extract.places import gazetteer
from miner.models import Article, Slogan

_PLACEHOLDER_MARKS = frozenset("XxＸｘ×*＊某")


@dataclass(slots=True)
class UnitRow:
    """One reporting unit: name, type, region and how many articles it has."""

    unit_name: str
    unit_type: str | None
    region: str | None
    placeholder: bool  # XX乡: the name hides the unit; such rows may pool several units
    articles: int
    doc_ids: str  # JSON list


@dataclass(slots=True)
class SloganCount:
    """How often one slogan (normal form) occurs in one group of articles."""

    scope: str  # corpus, unit_type or province
    group_name: str
    norm: str
    kind: str
    mentions: int  # occurrences
    articles: int  # distinct articles
    units: int  # distinct named units (articles without a unit name count one each)


def units_table(articles: Iterable[Article]) -> list[UnitRow]:
    """One row per (unit_name, unit_type, region) among articles that name their unit."""
    groups: dict[tuple[str, str | None, str | None], list[str]] = defaultdict(list)
    for a in articles:
        if a.unit_name:
            groups[(a.unit_name, a.unit_type, a.region)].append(a.doc_id)
    return [
        UnitRow(
            name,
            kind,
            region,
            bool(_PLACEHOLDER_MARKS.intersection(name)),
            len(ids),
            json.dumps(sorted(ids)),
        )
        for (name, kind, region), ids in sorted(groups.items(), key=lambda kv: _key(kv[0]))
    ]


def province_of(region: str | None) -> str | None:
    """The province a region string starts with: 四川省巴中市南江县 → 四川省."""
    if not region:
        return None
    for name in _provinces():
        if region.startswith(name):
            return name
    return None


@functools.cache
def _provinces() -> tuple[str, ...]:
    """Province names in gazetteer order (walking all 3,000 divisions per article was slow)."""
    return tuple(div.name for div in gazetteer().by_code.values() if div.level == 1)


def slogan_by_unit(articles: Iterable[Article], slogans: Iterable[Slogan]) -> list[SloganCount]:
    """Counts of every slogan's normal form per corpus, unit type and province.

    Cited documents are left out: a title is not a slogan a unit repeats.
    """
    groups_of: dict[str, list[tuple[str, str]]] = {}
    unit_of: dict[str, str] = {}
    for a in articles:
        groups_of[a.doc_id] = slogan_groups(a)
        unit_of[a.doc_id] = counted_unit(a)
    mentions: dict[tuple[str, str, str, str], int] = defaultdict(int)
    docs: dict[tuple[str, str, str, str], set[str]] = defaultdict(set)
    for s in slogans:
        if s.kind == "cited_document" or s.doc_id not in groups_of:
            continue
        norm = s.norm or s.text
        for scope, group in groups_of[s.doc_id]:
            key = (scope, group, norm, s.kind)
            mentions[key] += 1
            docs[key].add(s.doc_id)
    return [
        SloganCount(*key, mentions[key], len(docs[key]), len({unit_of[d] for d in docs[key]}))
        for key in sorted(mentions)
    ]


def slogan_groups(a: Article) -> list[tuple[str, str]]:
    """The (scope, group) pairs whose slogan counts ``a``'s slogans count in."""
    groups = [("corpus", "all")]
    if a.unit_type:
        groups.append(("unit_type", a.unit_type))
    province = province_of(a.region)
    if province:
        groups.append(("province", province))
    return groups


def counted_unit(a: Article) -> str:
    """The unit ``a`` speaks for in ``SloganCount.units`` (itself when it names none)."""
    return a.unit_name or f"doc:{a.doc_id}"


def top_by_group(
    rows: Iterable[SloganCount], scope: str, top: int = 10
) -> dict[str, list[SloganCount]]:
    """The ``top`` slogans of each group of a scope, by articles, then mentions, then text."""
    by_group: dict[str, list[SloganCount]] = defaultdict(list)
    for r in rows:
        if r.scope == scope:
            by_group[r.group_name].append(r)
    return {
        g: sorted(rs, key=lambda r: (-r.articles, -r.mentions, r.norm))[:top]
        for g, rs in sorted(by_group.items())
    }


def _key(k: tuple[str, str | None, str | None]) -> tuple[str, str, str]:
    return (k[0], k[1] or "", k[2] or "")
