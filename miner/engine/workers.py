"""Ordered maps over batches: in this process or in a pool of worker processes.

Results come back in input order whatever finishes first, so tables are the same
for every number of workers. At most ``window`` batches are in flight: memory is
bounded by the batch size times the window, not by the corpus.
"""

from __future__ import annotations

import multiprocessing
import os
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import Any, Protocol, TypeVar

import numpy as np

T = TypeVar("T")
R = TypeVar("R")

PairFinder = Callable[..., tuple[np.ndarray, np.ndarray, np.ndarray]]


class Engine(Protocol):
    """Where the per-batch tasks run."""

    jobs: int

    def map_ordered(self, fn: Callable[..., R], items: Iterable[T], *args: Any) -> Iterator[R]: ...

    def pair_finder(self) -> PairFinder | None:
        """The duplicate search's candidate step as this engine runs it (same result)."""
        ...

    def aside(self, fn: Callable[..., R], *args: Any) -> Callable[[], R]:
        """Start ``fn(*args)`` where it can overlap this process's work; call to get it.

        Several may be started before the first is collected: a pool runs them on its
        workers while this process goes on.
        """
        ...

    def close(self) -> None: ...


def default_jobs() -> int:
    """Every core this process may use."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


class InProcess:
    """Runs each task here, one after the other (``-j1``, and small inputs)."""

    jobs = 1

    def map_ordered(self, fn: Callable[..., R], items: Iterable[T], *args: Any) -> Iterator[R]:
        for item in items:
            yield fn(item, *args)

    def pair_finder(self) -> PairFinder | None:
        return None  # the search's own index, built in shards (``miner.dedup.index``)

    def aside(self, fn: Callable[..., R], *args: Any) -> Callable[[], R]:
        return lambda: fn(*args)

    def close(self) -> None:
        return None


class ProcessPool:
    """A pool of spawned worker processes.

    Spawned, not forked: a fork of a process that holds threads (DuckDB, Arrow,
    tqdm) can deadlock, and spawn behaves the same on every platform.
    """

    def __init__(self, jobs: int, window: int | None = None) -> None:
        self.jobs = jobs
        self.window = window or 2 * jobs
        self._pool = ProcessPoolExecutor(
            max_workers=jobs, mp_context=multiprocessing.get_context("spawn")
        )

    def map_ordered(self, fn: Callable[..., R], items: Iterable[T], *args: Any) -> Iterator[R]:
        pending: deque[Future[R]] = deque()
        try:
            for item in items:
                pending.append(self._pool.submit(fn, item, *args))
                if len(pending) >= self.window:
                    yield pending.popleft().result()
            while pending:
                yield pending.popleft().result()
        except BrokenProcessPool as exc:
            raise RuntimeError(NO_GUARD) from exc

    def pair_finder(self) -> PairFinder | None:
        return None  # the search's own index, built in shards (``miner.dedup.index``)

    def aside(self, fn: Callable[..., R], *args: Any) -> Callable[[], R]:
        """On a pool worker, alongside this process (the duplicate search's alignment chunks)."""
        future = self._pool.submit(fn, *args)

        def result() -> R:
            try:
                return future.result()
            except BrokenProcessPool as exc:
                raise RuntimeError(NO_GUARD) from exc

        return result

    def close(self) -> None:
        self._pool.shutdown(wait=True, cancel_futures=True)


NO_GUARD = (
    "a worker process died. If a script calls miner.run with jobs > 1, its entry point "
    "must be guarded by `if __name__ == '__main__':` (spawned workers import the "
    "script); otherwise see the log above, or run with -j1"
)
