"""Repairs that change form, not content: line joins, white space, width, script.

These are not logged as removals (SCHEMA.md: "white space and line joins aside"),
but they are applied through ``TextMap`` so every character keeps its source offset.
"""

from __future__ import annotations

import re
from itertools import pairwise

from miner.clean.flags import MEASURE_START
from miner.clean.script import to_simplified
from miner.extract.markers import line_marker
from miner.textmap import TextMap

# Lines ending in one of these are complete; anything else may continue on the next.
_TERMINAL = set("。！？!?；;：:…”」』）)】》.．")
_COMMA_END = set("，,、")
_SPACE_RUN = re.compile(r"[ \t\u00a0\u3000\u2002-\u200a\u202f\u205f]+")
_WIDE = re.compile(r"[\uff10-\uff19\uff21-\uff3a\uff41-\uff5a\uff05]")
_UNIT_START = re.compile(f"[{MEASURE_START}]")
_TITLE_END = re.compile(
    r"(意见|方案|通知|总结|计划|报告|汇报|细则|办法|规定|标准|要点|讲话|决定|纪要)$"
)
_JOIN_MIN = 28  # a line this long without an end mark was wrapped, not finished (PDF width)


def _is_cjk(ch: str) -> bool:
    return "\u4e00" <= ch <= "\u9fff" or "\u3000" <= ch <= "\u303f" or "\uff00" <= ch <= "\uffef"


def join_lines(tm: TextMap) -> TextMap:
    """Join lines that a page layout broke mid-sentence; collapse blank lines.

    A break is joined when the line before does not end a sentence and either is
    long (wrapped by a fixed page width) or ends with a comma, and the next line
    does not start with a heading marker.

    Example:
        >>> join_lines(TextMap.of("他们根据自己的需要对远程教育网络节目进行选择性\\n\\n地收看。\\n一、总结")).text
        '他们根据自己的需要对远程教育网络节目进行选择性地收看。\\n一、总结'
    """
    text = tm.text
    # Lines as (start, end, line) from one split, keeping only those with content: the
    # spans ``tm.lines()`` yields, without a generator step and a slice per line.
    content: list[tuple[int, int, str]] = []
    pos = 0
    for line in text.split("\n"):
        end = pos + len(line)
        if line.strip():
            content.append((pos, end, line))
        pos = end + 1
    edits: list[tuple[int, int, str]] = []
    if not content:
        return tm.edit([(0, len(text), "")])
    # Drop everything before the first and after the last content line.
    first_s, _, first_line = content[0]
    lead = first_s + len(first_line) - len(first_line.lstrip())
    if lead > 0:
        edits.append((0, lead, ""))
    for (s1, _, line1), (s2, _, nxt) in pairwise(content):
        prev = line1.rstrip()
        gap_start = s1 + len(prev)
        if _continues(prev, nxt):
            edits.append((gap_start, s2 + (len(nxt) - len(nxt.lstrip())), ""))
        elif s2 - gap_start > 1:  # a lone line break would be replaced by itself: no edit
            edits.append((gap_start, s2, "\n"))
    last_s, _, last_line = content[-1]
    end_of_content = last_s + len(last_line.rstrip())
    if end_of_content < len(text):
        edits.append((end_of_content, len(text), ""))
    return tm.edit(edits)


def _continues(prev: str, nxt: str) -> bool:
    """Whether the line ``nxt`` goes on with the sentence ``prev`` left unfinished.

    The tests that only rule a join out are all tried before the heading marker is read,
    the one costly test: most lines end a sentence, and then the marker does not matter.
    """
    prev_s = prev.strip().rstrip("*")  # Markdown emphasis does not end or continue a sentence
    if not prev_s:
        return False
    last = prev_s[-1]
    if last in _TERMINAL:
        return False
    first = nxt.strip()[:1]
    if not first or not (_is_cjk(first) or first.isalnum() or first in "“"):
        return False
    if line_marker(nxt.strip()):
        return False  # a heading or list marker starts a new line even after an unfinished one
    if last in _COMMA_END:
        return True
    if line_marker(prev_s) and "。" not in prev_s:
        return False  # a heading line is never continued by the next paragraph
    if _TITLE_END.search(prev_s):
        return False  # nor is a title line
    # A run-in paragraph (1、抓点示范，打造…集群。正文…) wraps like any prose line.
    return len(prev_s) >= _JOIN_MIN


def spaces(tm: TextMap) -> TextMap:
    """Drop white space next to Chinese text and digits; keep one space between words.

    PDF exports put spaces between numbers and units (党员 424 名) and indent
    paragraphs with ideographic spaces. A space between a Chinese character and a
    measure word is kept: it marks a number the page lost (安装闭路电视 户).
    """
    text = tm.text
    edits: list[tuple[int, int, str]] = []
    for m in _SPACE_RUN.finditer(text):
        s, e = m.start(), m.end()
        before = text[s - 1] if s > 0 else "\n"
        after = text[e] if e < len(text) else "\n"
        if before == "\n" or after == "\n":
            edits.append((s, e, ""))
        elif _is_cjk(before) and "\u4e00" <= before <= "\u9fff" and _UNIT_START.match(after):
            if e - s > 1 or text[s] != " ":
                edits.append((s, e, " "))
        elif _is_cjk(before) or _is_cjk(after) or before.isdigit() or after.isdigit():
            edits.append((s, e, ""))
        elif e - s > 1 or text[s] != " ":
            edits.append((s, e, " "))
    return tm.edit(edits)


def width(tm: TextMap) -> TextMap:
    """Full-width digits, Latin letters and ％ to ASCII; Chinese punctuation stays."""
    edits = [(m.start(), m.end(), chr(ord(m.group()) - 0xFEE0)) for m in _WIDE.finditer(tm.text)]
    return tm.edit(edits)


def repair(tm: TextMap, script: str) -> TextMap:
    """All body repairs in order: script, width, line joins, white space."""
    if script != "simplified":
        tm = to_simplified(tm)
    tm = width(tm)
    tm = join_lines(tm)
    return spaces(tm)
