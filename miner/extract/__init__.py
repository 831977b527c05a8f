"""Structured facts from an article's text: sections, figures, slogans, unit and dates.

Each extractor is a plain function of the text (``find_sections``, ``find_figures``,
``find_slogans``, ``describe``); ``assign_sections`` links a span to the innermost
section that holds it.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence

from miner.models import Section


def innermost_section(sections: Sequence[Section], start: int) -> str | None:
    """Id of the deepest section whose span holds ``start``.

    Sections arrive in text order, so the holder is the last section starting at
    or before ``start`` whose span still covers it, walking up its parents.
    """
    if not sections:
        return None
    starts = [s.start for s in sections]
    i = bisect_right(starts, start) - 1
    by_id = {s.section_id: s for s in sections}
    node = sections[i] if i >= 0 else None
    while node is not None and not (node.start <= start < node.end):
        node = by_id.get(node.parent_id) if node.parent_id else None
    return node.section_id if node else None
