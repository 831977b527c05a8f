"""Article texts for the duplicate search, read when needed rather than held.

The search needs an article's text only to recompute its 5-gram set (for candidate
pairs), to recover a template sentence and to align a verified pair. In a large run
the texts stay in the store (``miner.engine.texts.StoredTexts``) and are read a block
of articles at a time, in the order the search visits them; a small run passes its
texts in memory (``InMemoryTexts``). Either way the search's result is the same.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import Any, Protocol, TypeVar

import numpy as np

T = TypeVar("T")


class TextSource(Protocol):
    """Texts of articles by their row (0 … n-1, the order of the search's articles)."""

    def __len__(self) -> int: ...

    def fetch(self, rows: Iterable[int]) -> dict[int, str]:
        """The texts of ``rows``; one call reads each stored part it needs once."""
        ...


class RowSource(Protocol):
    """Anything by row, fetched a block of rows at once: texts, or stored arrays."""

    def fetch(self, rows: Iterable[int]) -> dict[int, Any]: ...


class InMemoryTexts:
    """Texts already in memory (``dedup`` of a list of articles)."""

    def __init__(self, texts: Sequence[str]) -> None:
        self.texts = texts

    def __len__(self) -> int:
        return len(self.texts)

    def fetch(self, rows: Iterable[int]) -> dict[int, str]:
        return {k: self.texts[k] for k in rows}


class RowCache:
    """A bounded least-recently-used cache of ``fn(text)`` per row, filled a block at a time.

    ``prefetch`` reads the missing texts of a block of rows in one ``fetch``, so a
    search that visits articles in blocks reads each stored part once per block, not
    once per article. A miss outside a prefetched block still works (one fetch).
    """

    def __init__(self, texts: RowSource, fn: Callable[[Any], np.ndarray], size: int) -> None:
        self.texts = texts
        self.fn = fn
        self.size = size
        self._cache: OrderedDict[int, np.ndarray] = OrderedDict()

    def prefetch(self, rows: Iterable[int]) -> None:
        cache = self._cache
        missing: list[int] = []
        for k in dict.fromkeys(rows):
            if k in cache:
                # Used again: moved to the recent end, so that filling this block's
                # missing rows cannot evict it before the block reads it (a miss
                # then costs a fetch of its own: a stored part read for one row).
                cache.move_to_end(k)
            else:
                missing.append(k)
        if not missing:
            return
        got = self.texts.fetch(missing)
        for k in missing:
            self._put(k, self.fn(got.pop(k)))

    def _put(self, k: int, value: np.ndarray) -> None:
        self._cache[k] = value
        if len(self._cache) > self.size:
            self._cache.popitem(last=False)

    def __call__(self, k: int) -> np.ndarray:
        value = self._cache.get(k)
        if value is None:
            self.prefetch([k])
            return self._cache[k]
        self._cache.move_to_end(k)
        return value

    def clear(self) -> None:
        self._cache.clear()


def blocks(
    items: Iterable[T], rows_of: Callable[[T], Iterable[int]], limit: int
) -> Iterator[tuple[list[T], list[int]]]:
    """Consecutive runs of ``items`` touching at most ``limit`` distinct rows, with those rows.

    An item whose rows alone exceed ``limit`` makes a block of its own.
    """
    block: list[T] = []
    seen: dict[int, None] = {}
    for item in items:
        rows = [k for k in rows_of(item) if k not in seen]
        if block and len(seen) + len(rows) > limit:
            yield block, list(seen)
            block, seen = [], {}
            rows = list(dict.fromkeys(rows_of(item)))
        block.append(item)
        seen.update(dict.fromkeys(rows))
    if block:
        yield block, list(seen)
