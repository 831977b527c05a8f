"""List items: the numbered points inside a section (一是…二是…, 首先…其次…最后…, （1）…（2）…).

Reports number far more than their headings: 一是加强学习；二是压实责任 runs inside a
paragraph, and numbered sentences stand on lines of their own. They are not headings (the
``sections`` table would count them as such), but what each unit lists under 存在问题 or
下步打算 is often exactly these points, so they are kept here for later use.

A marker is an item only as part of a run: 1 followed by 2 (and so on) of the same family
in the same section, or 首先 followed by 其次/再次/最后. A lone 一是 or 1、 is a word.

Example:
    >>> [(i.marker, i.heading) for i in find_items("存在问题：一是学习不够；二是经费紧张。")]
    [('一是', '学习不够'), ('二是', '经费紧张')]
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from miner.extract import SectionIndex
from miner.extract.markers import Marker, item_markers
from miner.extract.roles import role_evidence
from miner.extract.sections import bare_marker
from miner.models import Section

# Where an item's lead words end: a sentence or clause end, or a colon (一是关于学习：…).
_LEAD_END = re.compile(r"[。！？!?；;：:\n]")
_TRIM = "。；;：:，,、.． \t\u3000"


def find_items(text: str, sections: Sequence[Section] = (), doc_id: str = "") -> list[Section]:
    """The list items of an article body, in text order, as ``Section`` rows of kind ``item``.

    Args:
        text: a cleaned article body.
        sections: its sections from ``find_sections``; markers that start a section are not
            items, and each item hangs under the innermost section that holds it.
        doc_id: the article's id; item ids are ``{doc_id}.i1``, ``{doc_id}.i2``, ….

    Returns:
        One ``Section`` per item: ``heading`` is its lead words (up to the first 。；：),
        ``start``/``end`` run from its marker to the next item of its run or the end of its
        paragraph, ``section_path`` extends the holder's path (``二/（一）/一是``), and
        ``role`` comes from its words with the holder's role as a prior.

    Example:
        >>> [i.section_path for i in find_items("一、问题\\n一是学习不够；二是经费紧张。", [])]
        ['一是', '二是']
    """
    starts = {s.start for s in sections}
    by_id = {s.section_id: s for s in sections}
    index = SectionIndex(sections)
    runs = _runs(text, [(i, m) for i, m in item_markers(text) if i not in starts], sections)
    items: list[Section] = []
    for run in runs:
        for k, (start, mark) in enumerate(run):
            end = run[k + 1][0] if k + 1 < len(run) else _paragraph_end(text, start)
            holder_id = index.holder(start)
            holder = by_id.get(holder_id) if holder_id else None
            if holder is not None:
                end = min(end, holder.end)
            stop = _LEAD_END.search(text, mark.end, end)
            heading = text[mark.end : stop.start() if stop else end].strip().rstrip(_TRIM)
            prior = holder.role if holder is not None and holder.role != "其他" else None
            role, _ = role_evidence(heading, text[mark.end : end], prior)
            path = bare_marker(mark.marker)
            items.append(
                Section(
                    doc_id=doc_id,
                    section_id="",
                    parent_id=holder.section_id if holder else None,
                    depth=holder.depth + 1 if holder else 1,
                    marker=mark.marker,
                    heading=heading,
                    role=role,
                    start=start,
                    end=end,
                    kind="item",
                    section_path=f"{holder.section_path}/{path}" if holder else path,
                )
            )
    items.sort(key=lambda s: s.start)
    for n, item in enumerate(items, 1):
        item.section_id = f"{doc_id}.i{n}"
    return items


def _runs(
    text: str, marks: list[tuple[int, Marker]], sections: Sequence[Section]
) -> list[list[tuple[int, Marker]]]:
    """Runs of consecutive markers of one family in one section; runs of two or more."""
    open_runs: dict[str, list[tuple[int, Marker]]] = {}
    done: list[list[tuple[int, Marker]]] = []
    index = SectionIndex(sections)
    holder = {i: index.holder(i) for i, _ in marks}
    for i, mark in marks:
        run = open_runs.get(mark.family)
        if run is not None and _follows(run, mark) and holder[run[-1][0]] == holder[i]:
            run.append((i, mark))
            if mark.value == 0:  # 最后 closes its sequence
                done.append(open_runs.pop(mark.family))
            continue
        if run is not None:
            done.append(open_runs.pop(mark.family))
        if mark.value == 1:
            open_runs[mark.family] = [(i, mark)]
    done.extend(open_runs.values())
    return [run for run in done if len(run) >= 2]


def _follows(run: list[tuple[int, Marker]], mark: Marker) -> bool:
    last = run[-1][1].value
    return mark.value == last + 1 or (mark.value == 0 and mark.family == "sequence")


def _paragraph_end(text: str, start: int) -> int:
    end = text.find("\n", start)
    return len(text) if end < 0 else end
