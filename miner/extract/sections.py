"""The heading tree of an article: numbered sections with depth, span and role.

Three passes over the lines of a cleaned article body:

1. *Candidates*: every line that starts with a heading marker (一、 （一） 1、 …), with its
   heading words: the whole line for a heading on its own line, the words up to the first
   。 or ： for a run-in heading (``1、抓点示范，打造先锋集群。正文……``).
2. *Nesting*: depth comes from the order in which marker families nest in this article,
   not from the marker's kind: a family already open pops back to its level, a new family
   nests under the current section.
3. *Lists are not headings*: numbered sentences in a paragraph look exactly like run-in
   headings. A numbered list is judged as a whole: if any item reads as a sentence (too
   long), none of its items is a heading. A list whose numbering carries on from a list
   under an earlier section (7、 after 6、) is a list too.

A list that restarts at 1 (四、工作要求 then 一、加强领导) nests under the section it
restarts in when it follows that heading directly or the interrupted list resumes after it;
otherwise it is a restart at its own level, which ``numbering_issue`` reports.

Example:
    >>> [(s.depth, s.marker, s.heading) for s in find_sections("一、主要做法\\n1、抓点示范。正文。")]
    [(1, '一、', '主要做法'), (2, '1、', '抓点示范')]
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from miner.extract.markers import (
    Marker,
    embedded_marker,
    item_markers,
    line_marker,
    marker_of,
    run_in_marker,
)
from miner.extract.roles import MAX_CONTENT, role_evidence
from miner.fastre import prefiltered
from miner.models import Section

# Longest heading, in characters without punctuation. On the seeds top-level headings run to 27
# (兴校先振纲，用制度建设来促进…) and sub-headings to 25 (党群共建，充分利用“三八”…);
# the seeds score the same for any MAX_SUB from 30 to 40 because the list rules below do the
# work. 36 keeps the 33-character sub-headings of the 1986 government report.
MAX_TOP = 40
MAX_SUB = 36
# A run-in heading cut at a colon is a label (三月教学研讨月：…); past this it is the lead-in
# of a sentence (农村党员干部现代远程教育“双强双创双争”活动的内容：…).
MAX_COLON = 14
# A first sub-section numbered higher than this is a fragment of another list (seed 000#10:
# （七） between 四、 and 五、); 2 is allowed because a 1、 glued to its parent's line is lost.
MAX_FIRST_VALUE = 2
# How far ahead (candidates) and how deep (runs restarting inside runs) a restarted list is
# followed to see whether the interrupted one resumes. 1986's government report needs 12
# candidates and 2 runs; the bounds keep pathological pages (thousands of 1、 lines) linear.
MAX_LOOKAHEAD = 100
MAX_RUNS = 4

# Where a run-in heading ends. A colon between digits is a time (8:30), not an end.
# Behind a first-character lookahead (``prefiltered``): the look-behind of its second
# alternative kept the regex engine from skipping to the marks (3× faster on report lines).
_HEAD_END = prefiltered(re.compile(r"[。！？!?；;]|(?<!\d)[:：]|[:：](?!\d)"))
_TRIM = "。；;：:，,、.． \t\u3000"
_STOPS = ("。", "；", ";")
_NON_WORD = re.compile(r"[\W_]+")
_MARKER_TAIL = "、.．:：,，; \t\u3000"
# Families that head a section only as run-in items, and only with ``ordinals=True``.
_RUN_IN_ONLY = frozenset({"ordinal", "sequence", "nth"})
# Canonical rank of each family, used only to undo an inverted start (a stray 1、 list in the
# preamble must not swallow the 一、 sections that follow it).
_RANK = {
    "annex": -1,
    "part": 0,
    "section": 1,
    "clause": 2,
    "cn": 3,
    "paren_cn": 4,
    "num": 5,
    "paren_num": 6,
    "rparen_num": 6,
    "circled": 7,
    "ordinal": 8,
    "nth": 8,
    "sequence": 8,
}


@dataclass(slots=True)
class _Candidate:
    start: int
    mark: Marker
    heading: str
    kind: str
    colon: bool  # a run-in heading that ended at a colon
    size: int  # heading length without punctuation
    lead: int = 0  # lines of body text between the previous marker line and this one
    lead_colon: bool = False  # the line just before ends with a colon (它们是：)


def _bare_len(s: str) -> int:
    """Length of ``s`` without punctuation and white space (what a reader counts as words)."""
    return len(_NON_WORD.sub("", s))


def bare_marker(marker: str) -> str:
    """A marker as written without its trailing 、/./：/， (the form used in ``section_path``).

    Example:
        >>> [bare_marker(m) for m in ("一、", "（二）", "3.", "1．", "附件1：", "首先，", "一是")]
        ['一', '（二）', '3', '1', '附件1', '首先', '一是']
    """
    return marker.strip().rstrip(_MARKER_TAIL).strip()


def _candidates(text: str, ordinals: bool) -> list[_Candidate]:
    """Every line that starts with a marker, with its heading words (one pass over lines)."""
    out: list[_Candidate] = []
    lines = text.split("\n")
    pos = 0
    lead = 0
    for i, line in enumerate(lines):
        start, pos = pos, pos + len(line) + 1
        mark = line_marker(line) or (run_in_marker(line) if ordinals else None)
        if mark is None:
            lead += bool(line.strip())
            continue
        rest = line[mark.end :]
        heading, kind, colon = _read_heading(rest, mark)
        if not rest.strip(_TRIM):
            heading, kind, colon = _next_line_heading(lines, i, mark)
        if mark.family in _RUN_IN_ONLY and kind == "heading" and line.rstrip().endswith(_STOPS):
            kind = "run_in"  # 最后，严肃纪律。 — a one-sentence point is still run in
        if mark.family in _RUN_IN_ONLY and (not ordinals or kind != "run_in"):
            lead += 1  # 一是…/首先，… is a heading only as a run-in, and only when asked for
            continue
        if _next_item_in_line(rest, mark):
            lead += 1  # (1)深化管理。(2)加强…: a paragraph of list items, not a heading
            continue
        indent = len(line) - len(line.lstrip(" \t\u3000\u00a0"))
        before = lines[i - 1].rstrip() if i else ""
        lead_colon = before.endswith(("：", ":"))
        size = _bare_len(heading)
        out.append(_Candidate(start + indent, mark, heading, kind, colon, size, lead, lead_colon))
        lead = 0
    return out


def _next_item_in_line(rest: str, mark: Marker) -> bool:
    """Whether the line goes on with the next item of the marker's own list after a full stop
    (（1）深化管理。（2）加强…): then the line is a paragraph of points, not a heading."""
    return any(
        m.family == mark.family and (m.value == mark.value + 1 or m.value == 0)
        for _, m in item_markers(rest)
    )


def _read_heading(rest: str, mark: Marker) -> tuple[str, str, bool]:
    """Heading words, kind and whether a run-in heading ended at a colon."""
    end = len(rest)
    stop = _HEAD_END.search(rest)
    if stop:
        end = stop.start()
    glued = embedded_marker(rest[:end], mark.family, mark.value)
    if glued is not None:
        end = glued
    heading = rest[:end].strip().rstrip(_TRIM)
    body = rest[end:].lstrip(_TRIM)
    colon = bool(body) and glued is None and stop is not None and stop.group(0) in "：:"
    return heading, "run_in" if body else "heading", colon


def _next_line_heading(lines: Sequence[str], i: int, mark: Marker) -> tuple[str, str, bool]:
    """Heading of a marker that stands alone on its line (``附件1``, or ``（一）`` from HTML).

    The next line is taken as the heading when it has no marker of its own and reads as a
    heading; otherwise the heading stays empty (an attachment may have no title).
    """
    for line in lines[i + 1 : i + 3]:
        if not line.strip():
            continue
        if line_marker(line) is None:
            heading, kind, colon = _read_heading(line, mark)
            if _bare_len(heading) <= MAX_TOP:
                return heading, kind, colon
        break
    return "", "heading", False


def _nest(
    cands: Sequence[_Candidate], nested: Sequence[bool] | None = None
) -> tuple[list[int], list[int | None], list[bool]]:
    """Depth and parent index of each candidate, from the order families nest in.

    Args:
        cands: the candidates in text order.
        nested: for the second pass over the kept candidates, the first pass's answer to "did
            this restarting list nest?", which the dropped list items would otherwise change.

    Returns:
        Depths, parent indices and, per candidate, whether it nested as a restarted list.
    """
    stack: list[tuple[str, int, int]] = []  # (family, value, candidate index)
    depths: list[int] = []
    parents: list[int | None] = []
    restarted: list[bool] = []
    for i, c in enumerate(cands):
        fam, value = c.mark.family, c.mark.value
        nest_restart = False
        if fam == "annex":
            stack.clear()  # an attachment is a document of its own
        else:
            level, restart = _level(stack, fam, value)
            if restart and level is not None:
                nest_restart = (
                    nested[i] if nested is not None else _restart_nests(cands, i, stack, level)
                )
                level += nest_restart  # nested: inside the interrupted section
            if level is not None:
                del stack[level:]
        parents.append(stack[-1][2] if stack else None)
        stack.append((fam, value, i))
        depths.append(len(stack))
        restarted.append(nest_restart)
    return depths, parents, restarted


def _level(stack: list[tuple[str, int, int]], fam: str, value: int) -> tuple[int | None, bool]:
    """Stack level a marker goes back to (None: nest under the current section), and whether
    it restarts an open list at 1."""
    same = [k for k in range(len(stack) - 1, -1, -1) if stack[k][0] == fam]
    if not same:
        rank = _RANK.get(fam, 9)
        if value == 1 and stack and rank < _RANK.get(stack[-1][0], 9):
            # An inverted start: cut back to the deepest section that ranks above it.
            higher = [k for k in range(len(stack)) if _RANK.get(stack[k][0], 9) < rank]
            return (higher[-1] + 1 if higher else 0), False
        return None, False
    for k in same:
        if stack[k][1] + 1 == value:
            return k, False  # the next number of an open list, however deep we are
    return same[0], value == 1


def _restart_nests(
    cands: Sequence[_Candidate], i: int, stack: list[tuple[str, int, int]], k: int
) -> bool:
    """Whether a list restarting at 1 nests inside the open section at level ``k``.

    It does right under its heading (四、工作要求 then 一、加强领导, with at most one line of
    text or a lead-in ending in a colon between them), and when the interrupted list resumes
    after the restarted run (1986's government report numbers sub-lists with 一、 again under
    二、 and then carries on with 三、). A spliced second report never goes back to the first
    one's numbering.
    """
    c = cands[i]
    if k == len(stack) - 1 and stack[k][1] > 1 and (c.lead <= 1 or c.lead_colon):
        return True
    fam, outer = c.mark.family, stack[k][1]
    expected = [outer + 1, 2]  # next value of the interrupted list, then of each open run
    for later in cands[i + 1 : i + 1 + MAX_LOOKAHEAD]:
        if later.mark.family == "annex":
            return False
        if later.mark.family != fam:
            continue
        value = later.mark.value
        if value == 1:
            expected.append(2)
            if len(expected) > MAX_RUNS:
                return False
            continue
        j = next((j for j in range(len(expected) - 1, -1, -1) if expected[j] == value), None)
        if j is None:
            return False
        if j == 0:
            return True
        del expected[j + 1 :]
        expected[j] += 1
    return False


def _filter(cands: list[_Candidate], depths: list[int], parents: list[int | None]) -> list[bool]:
    """Which candidates are headings rather than numbered sentences of a list."""
    n = len(cands)
    fit = [False] * n
    last_value: dict[str, int] = {}
    seen: set[tuple[int | None, str]] = set()
    annex_depth: dict[int, int] = {}
    for i, c in enumerate(cands):
        fam = c.mark.family
        limit = MAX_TOP if depths[i] == 1 else MAX_SUB
        ok = (c.size >= 2 or fam == "annex") and c.size <= limit
        ok = ok and not (c.colon and c.size > MAX_COLON)
        key = (parents[i], fam)
        if key not in seen:
            seen.add(key)
            # Numbering that carries on from a list under an earlier section is that list.
            if depths[i] > 1 and c.mark.value > 1 and last_value.get(fam) == c.mark.value - 1:
                ok = False
        last_value[fam] = c.mark.value
        p = parents[i]
        if fam == "annex":
            annex_depth[i] = depths[i]
        elif p is not None and p in annex_depth:
            annex_depth[i] = annex_depth[p]
            # Inside an attachment (a standard, a form) only its own divisions are kept;
            # the numbered criteria below them are lists.
            ok = ok and depths[i] <= annex_depth[p] + 1
        fit[i] = ok
    keep = list(fit)
    # A list is judged as a whole below the top level.
    groups: dict[tuple[int | None, str], list[int]] = {}
    for i, c in enumerate(cands):
        if depths[i] > 1:
            groups.setdefault((parents[i], c.mark.family), []).append(i)
    for members in groups.values():
        if not all(fit[i] for i in members):
            for i in members:
                keep[i] = False
    for i in range(n):
        p = parents[i]
        if p is not None and not keep[p] and depths[p] > 1:
            keep[i] = False  # below a list item nothing is a heading
    return keep


def find_sections(text: str, doc_id: str = "", *, ordinals: bool = False) -> list[Section]:
    """The numbered sections of an article body, in text order.

    Args:
        text: a cleaned article body, one paragraph per line.
        doc_id: the article's id; section ids are ``{doc_id}.s1``, ``{doc_id}.s2``, ….
        ordinals: also take run-in ``一是…。`` items as sections. Off by default: pages use
            一是/二是 for list items far more often than for sub-headings.

    Returns:
        One ``Section`` per heading. A section's span runs from its marker to the start of
        the next section at the same or a shallower depth, or to the end of the text.

    Example:
        >>> [(s.section_id, s.parent_id, s.role) for s in find_sections("一、存在问题\\n（一）思想认识", "d")]
        [('d.s1', None, '问题'), ('d.s2', 'd.s1', '问题')]
    """
    cands = _candidates(text, ordinals)
    if not cands:
        return []
    depths, parents, restarted = _nest(cands)
    keep = _filter(cands, depths, parents)
    cands = [c for c, k in zip(cands, keep, strict=True) if k]
    restarted = [r for r, k in zip(restarted, keep, strict=True) if k]
    depths, parents, _ = _nest(cands, restarted)
    sections: list[Section] = []
    for i, c in enumerate(cands):
        p = parents[i]
        parent = sections[p] if p is not None else None
        path = bare_marker(c.mark.marker)
        sections.append(
            Section(
                doc_id=doc_id,
                section_id=f"{doc_id}.s{i + 1}",
                parent_id=parent.section_id if parent else None,
                depth=depths[i],
                marker=c.mark.marker,
                heading=c.heading,
                role=None,
                start=c.start,
                end=len(text),
                kind=c.kind,
                section_path=f"{parent.section_path}/{path}" if parent else path,
            )
        )
    _close_spans(sections)
    _assign_roles(text, sections, parents)
    return sections


def _assign_roles(text: str, sections: list[Section], parents: Sequence[int | None]) -> None:
    """Roles top-down: each section's heading and opening text, with a prior.

    The prior is the parent's role; at a level without one it is 计划 once an earlier
    sibling was a plan, since a report that has turned to what it will do (2015年工作总体
    部署) goes on with it (三、把改革开放扎实推向纵深). A role that is only a default
    (nothing pointed to it) is no prior, so a congress report's chapters without role words
    do not make all their sub-sections 其他. The articles of a regulation are 其他.
    """
    evident: list[bool] = []
    plan_at: set[int | None] = set()  # parents (None: the top) under which a plan has begun
    for s, p in zip(sections, parents, strict=True):
        at = text.find(s.heading, s.start, s.end) if s.heading else -1
        body = s.start + len(s.marker) if at < 0 else at + len(s.heading)
        prior = sections[p].role if p is not None and evident[p] else None
        mark = marker_of(s.marker)
        if mark is not None and mark.family == "clause":
            s.role, ok = "其他", True
        else:
            content = text[body : min(s.end, body + MAX_CONTENT)]
            s.role, ok = role_evidence(s.heading, content, prior, after_plan=p in plan_at)
        evident.append(ok)
        if ok and s.role == "计划":
            plan_at.add(p)


def _close_spans(sections: list[Section]) -> None:
    """End each section where the next one at its depth or shallower starts (one pass)."""
    open_: list[Section] = []
    for s in sections:
        while open_ and open_[-1].depth >= s.depth:
            open_.pop().end = s.start
        open_.append(s)


def numbering_issue(sections: Sequence[Section]) -> str | None:
    """Why an article's numbering suggests two reports spliced together, or None.

    Looks for a top-level list that jumps (一、 二、 四、) or restarts (三、 then 一、), for a
    sub-list that opens in the middle of its numbering ((七) right under 四、), and for a
    sub-list that skips a number ((二) then (四) under 三、: a part of a copy went missing).

    Example:
        >>> numbering_issue(find_sections("一、做法\\n二、成效\\n正文。\\n正文。\\n一、问题"))
        'restart at depth 1: 一、 after 二、 (offset 18)'
    """
    last: dict[str, Section] = {}
    last_child: dict[tuple[str | None, str], tuple[Section, int]] = {}
    for s in sections:
        mark = marker_of(s.marker)
        if mark is None:
            continue
        if mark.family == "annex":
            last.clear()
            continue
        if s.depth == 1:
            prev = last.get(mark.family)
            last[mark.family] = s
            prev_mark = marker_of(prev.marker) if prev else None
            if prev is not None and prev_mark is not None:
                if mark.value <= prev_mark.value:
                    return f"restart at depth 1: {s.marker} after {prev.marker} (offset {s.start})"
                if mark.value > prev_mark.value + 1:
                    return f"jump at depth 1: {s.marker} after {prev.marker} (offset {s.start})"
            continue
        key = (s.parent_id, mark.family)
        before = last_child.get(key)
        last_child[key] = (s, mark.value)
        if before is None:
            if mark.value > MAX_FIRST_VALUE:
                return f"jump: {s.marker} opens a list under {s.parent_id} (offset {s.start})"
        elif mark.value > before[1] + 1:
            return (
                f"jump at depth {s.depth}: {s.marker} after {before[0].marker} (offset {s.start})"
            )
    return None
