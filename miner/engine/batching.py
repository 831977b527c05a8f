"""Units of work: consecutive inputs grouped by count and size, in input order.

Boundaries are decided by the inputs alone (never by the number of workers or by
which pages are cached), so partitions and table order are the same for every run
of the same input.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from miner.models import ErrorRecord, Page


@dataclass(slots=True)
class Fresh:
    """A page to process; ``key`` is its cache key."""

    page: Page
    key: bytes


@dataclass(slots=True)
class Cached:
    """A page whose rows come from the cache (a pickled ``(rows, asked)`` blob)."""

    blob: bytes
    n_bytes: int


Item = Fresh | Cached | ErrorRecord


def size_of(item: Item) -> int:
    """Bytes an item weighs in a batch: the source bytes a page was decoded from."""
    if isinstance(item, Fresh):
        return max(item.page.n_bytes, len(item.page.text))
    if isinstance(item, Cached):
        return item.n_bytes
    return 0


def batches(items: Iterable[Item], max_items: int, max_bytes: int) -> Iterator[list[Item]]:
    """Consecutive runs of ``items`` of at most ``max_items`` items or ``max_bytes`` bytes.

    A single item larger than ``max_bytes`` makes a batch of its own.

    Example:
        >>> [len(b) for b in batches([ErrorRecord("a", "read", "x")] * 5, 2, 100)]
        [2, 2, 1]
    """
    batch: list[Item] = []
    weight = 0
    for item in items:
        size = size_of(item)
        if batch and (len(batch) >= max_items or weight + size > max_bytes):
            yield batch
            batch, weight = [], 0
        batch.append(item)
        weight += size
    if batch:
        yield batch
