"""Freed memory given back to the system between the steps of a run.

Arrow's memory pool (mimalloc) keeps the pages a step freed for later allocations,
and so does the C allocator behind Python's large objects and rjieba: after the
words step of a 20 MB corpus, 130 of the process's 370 MB were such kept pages
(measured with ``release_unused`` and ``malloc_trim``). Kept pages of one step add
to what the next allocates elsewhere, so a run's peak grew with the corpus even
where each step's own memory is bounded by a part. Releasing them at the step
boundaries of a run costs milliseconds and changes no result.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import functools
import resource
import sys
from collections.abc import Callable
from pathlib import Path

import pyarrow as pa


@functools.cache
def _malloc_trim() -> Callable[[int], int] | None:
    """glibc's ``malloc_trim``, or None where there is none (macOS, musl, Windows)."""
    if not sys.platform.startswith("linux"):
        return None
    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6")
        trim: Callable[[int], int] = libc.malloc_trim
    except (OSError, AttributeError):
        return None
    return trim


def release_memory() -> None:
    """Return the pages Arrow's pool and the C allocator keep free to the system."""
    pa.default_memory_pool().release_unused()
    trim = _malloc_trim()
    if trim is not None:
        trim(0)


def rss_mb() -> int:
    """This process's resident memory now, in MB (0 where ``/proc`` is missing).

    Logged with each phase of a run, next to ``peak_rss_mb``: the peak alone
    does not say which phase left memory held for the next.
    """
    try:
        pages = int(Path("/proc/self/statm").read_text().split()[1])
    except (OSError, IndexError, ValueError):
        return 0
    return pages * resource.getpagesize() >> 20


def peak_rss_mb() -> int:
    """The largest resident memory of this process so far, in MB (Linux counts KB)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss >> 10
