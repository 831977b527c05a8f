from __future__ import annotations

from miner.engine.batching import Cached, Fresh, batches
from miner.models import ErrorRecord, Page


def _page(n: int, size: int) -> Fresh:
    return Fresh(Page(f"p{n}.txt", "字" * size, "utf-8", n_bytes=3 * size), b"")


def test_batches_end_at_the_count_or_the_size() -> None:
    items = [_page(n, 100) for n in range(7)]
    assert [len(b) for b in batches(items, max_items=3, max_bytes=10_000)] == [3, 3, 1]
    assert [len(b) for b in batches(items, max_items=99, max_bytes=650)] == [2, 2, 2, 1]


def test_a_large_page_is_a_batch_of_its_own_and_order_is_kept() -> None:
    items = [_page(0, 10), _page(1, 5_000), _page(2, 10)]
    got = list(batches(items, max_items=10, max_bytes=1_000))
    assert [[it.page.source for it in b] for b in got] == [["p0.txt"], ["p1.txt"], ["p2.txt"]]


def test_cached_pages_weigh_what_they_weighed_when_fresh() -> None:
    fresh = [_page(n, 100) for n in range(4)]
    mixed = [fresh[0], Cached(b"", fresh[1].page.n_bytes), fresh[2], ErrorRecord("e", "read", "x")]
    mixed.append(fresh[3])
    sizes = [len(b) for b in batches(fresh, 99, 650)]
    # the error weighs nothing, so it joins the batch before it
    assert [len(b) for b in batches(mixed, 99, 650)] == [2, 3]
    assert sizes == [2, 2]
