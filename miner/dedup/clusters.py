"""Copy families: connected components of verified pairs, each with a representative."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass


class UnionFind:
    """Disjoint sets over string ids; the root of a set is its smallest id.

    Keeping the smallest id as the root makes the components independent of the order
    pairs arrive in, so clusters are the same whatever the worker count.
    """

    def __init__(self) -> None:
        self._parent: dict[str, str] = {}

    def find(self, x: str) -> str:
        parent = self._parent.setdefault(x, x)
        root = x
        while parent != root:
            root, parent = parent, self._parent[parent]
        while self._parent[x] != root:  # path compression
            self._parent[x], x = root, self._parent[x]
        return root

    def union(self, a: str, b: str) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            lo, hi = (ra, rb) if ra < rb else (rb, ra)
            self._parent[hi] = lo

    def groups(self) -> list[list[str]]:
        """Every set of two or more ids, members sorted, sets sorted by first member."""
        out: dict[str, list[str]] = {}
        for x in self._parent:
            out.setdefault(self.find(x), []).append(x)
        return sorted((sorted(g) for g in out.values() if len(g) > 1), key=lambda g: g[0])


@dataclass(slots=True)
class ClusterRow:
    """A row of ``clusters``: one article of one copy family."""

    cluster_id: int
    doc_id: str
    is_representative: bool
    size: int


def clusters(
    pairs: Iterable[tuple[str, str]],
    dates: Mapping[str, str | None],
    lengths: Mapping[str, int],
) -> list[ClusterRow]:
    """Copy families from verified pairs only (never from unverified candidates).

    The representative is the family's earliest dated article (the likely original),
    else its longest, ties to the smallest id. Families are numbered from 1 in the
    order of their smallest id.

    Example:
        >>> rows = clusters([("b", "c"), ("a", "b")], {"b": "2012-05-01"}, {"a": 9, "b": 5, "c": 7})
        >>> [(r.cluster_id, r.doc_id, r.is_representative) for r in rows]
        [(1, 'a', False), (1, 'b', True), (1, 'c', False)]
    """
    uf = UnionFind()
    for a, b in pairs:
        uf.union(a, b)
    return family_rows(uf, dates, lengths)


def family_rows(
    uf: UnionFind, dates: Mapping[str, str | None], lengths: Mapping[str, int]
) -> list[ClusterRow]:
    """``clusters`` of the pairs already joined in ``uf`` (pairs read a part at a time)."""
    rows: list[ClusterRow] = []
    for number, members in enumerate(uf.groups(), start=1):
        rep = min(
            members,
            key=lambda d: (dates.get(d) is None, dates.get(d) or "", -lengths.get(d, 0), d),
        )
        rows.extend(ClusterRow(number, d, d == rep, len(members)) for d in members)
    return rows
