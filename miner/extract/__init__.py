"""Structured facts from an article's text: sections, figures, slogans, unit and dates.

Each extractor is a plain function of the text (``find_sections``, ``find_figures``,
``find_slogans``, ``describe``); ``assign_sections`` links a span to the innermost
section that holds it.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence

from miner.models import Section


class SectionIndex:
    """Finds the innermost section holding an offset; built once per article.

    Sections arrive in text order, so the holder is the last section starting at or
    before the offset whose span still covers it, walking up its parents. Building the
    start list and the id map once keeps a lookup per figure or sentence cheap.
    """

    def __init__(self, sections: Sequence[Section]) -> None:
        self._sections = list(sections)
        self._starts = [s.start for s in self._sections]
        self._by_id = {s.section_id: s for s in self._sections}

    def holder(self, start: int) -> str | None:
        """Id of the deepest section whose span holds ``start``, or None."""
        i = bisect_right(self._starts, start) - 1
        node = self._sections[i] if i >= 0 else None
        while node is not None and not (node.start <= start < node.end):
            node = self._by_id.get(node.parent_id) if node.parent_id else None
        return node.section_id if node else None


def innermost_section(sections: Sequence[Section], start: int) -> str | None:
    """Id of the deepest section whose span holds ``start`` (one lookup; see ``SectionIndex``)."""
    return SectionIndex(sections).holder(start)
