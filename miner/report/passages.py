"""Two aligned passages as HTML, with what differs marked on each side.

A copied report is read side by side: the shared wording is the evidence of copying, the
changed words (我乡 → 我社区, a different count) are what the copier adapted. Differences are
found per character (``difflib``, no junk heuristic: in Chinese every character matters) and
wrapped in ``<mark>``; every piece of text is escaped first, so a passage holding markup is
shown, never run.

Example:
    >>> a, b = mark_differences("我乡共有党员52名", "我社区共有党员52名")
    >>> a
    '我<mark>乡</mark>共有党员52名'
    >>> b
    '我<mark>社区</mark>共有党员52名'
"""

from __future__ import annotations

import difflib
import html

MAX_CHARS = 3000  # longer passages are cut for display; the full span is in the tables


def mark_differences(a: str, b: str) -> tuple[str, str]:
    """HTML of ``a`` and ``b`` with the characters not shared wrapped in ``<mark>``."""
    a, b = _cut(a), _cut(b)
    left: list[str] = []
    right: list[str] = []
    matcher = difflib.SequenceMatcher(None, a, b, autojunk=False)
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        piece_a, piece_b = html.escape(a[i1:i2]), html.escape(b[j1:j2])
        if op == "equal":
            left.append(piece_a)
            right.append(piece_b)
            continue
        if piece_a:
            left.append(f"<mark>{piece_a}</mark>")
        if piece_b:
            right.append(f"<mark>{piece_b}</mark>")
    return "".join(left), "".join(right)


def _cut(text: str) -> str:
    return text if len(text) <= MAX_CHARS else text[:MAX_CHARS] + "…"
