"""Two aligned passages as HTML, with what differs marked on each side.

A copied report is read side by side: the shared wording is the evidence of copying, the
changed words (我乡 → 我社区, a different count) are what the copier adapted. Differences are
the words the duplicate search itself calls swapped (``miner.dedup.show.swap_spans``), wrapped
in ``<mark>``; every piece of text is escaped, so a passage holding markup is shown, never run.

Example:
    >>> a, b = mark_differences("我乡共有党员52名", "我社区共有党员52名")
    >>> a
    '<mark>我乡</mark>共有党员52名'
    >>> b
    '<mark>我社区</mark>共有党员52名'
"""

from __future__ import annotations

from miner.dedup.show import render_marks, swap_spans

MAX_CHARS = 3000  # longer passages are cut for display; the full span is in the tables


def mark_differences(a: str, b: str) -> tuple[str, str]:
    """HTML of ``a`` and ``b`` with the words not shared wrapped in ``<mark>``."""
    a, b = _cut(a), _cut(b)
    spans_a, spans_b = swap_spans(a, b)
    return (
        render_marks(a, [(s, e, "") for s, e in spans_a]),
        render_marks(b, [(s, e, "") for s, e in spans_b]),
    )


def _cut(text: str) -> str:
    return text if len(text) <= MAX_CHARS else text[:MAX_CHARS] + "…"
