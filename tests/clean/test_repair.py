from __future__ import annotations

from itertools import pairwise

import pytest
from hypothesis import given
from hypothesis import strategies as st

from miner.clean.repair import (
    _COMMA_END,
    _JOIN_MIN,
    _TERMINAL,
    _TITLE_END,
    _is_cjk,
    join_lines,
    repair,
    spaces,
    width,
)
from miner.extract.markers import line_marker
from miner.textmap import TextMap


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a long prose line cut by the page width, with a blank line in between
        (
            "随着农村党员群众个性和从业结构的多样性，学习需求各不相同，他们都根据自己\n\n的需要进行选择性地收看学习。",
            "随着农村党员群众个性和从业结构的多样性，学习需求各不相同，他们都根据自己的需要进行选择性地收看学习。",
        ),
        # a line ending in a comma always continues
        ("其次，\n\n我社区把工作作为长久性工作来抓。", "其次，我社区把工作作为长久性工作来抓。"),
        # headings and finished sentences stay on their own lines
        (
            "一、成立组织，营造氛围\n我镇成立了领导小组。",
            "一、成立组织，营造氛围\n我镇成立了领导小组。",
        ),
        ("我镇成立了领导小组。\n\n\n二、严格考核", "我镇成立了领导小组。\n二、严格考核"),
        # a title-like line is not glued to the paragraph below
        (
            "关于开展双创双争活动的实施意见\n为贯彻落实上级要求，特制定本意见。",
            "关于开展双创双争活动的实施意见\n为贯彻落实上级要求，特制定本意见。",
        ),
        ("  \n 正文。\n\n", "正文。"),
        # a run-in heading paragraph wrapped by the page width continues
        (
            "1、抓点示范，打造先锋集群。在深入开展调查研究的基础上，达到了“抓点示范、联点成\n\n线”的目的。",
            "1、抓点示范，打造先锋集群。在深入开展调查研究的基础上，达到了“抓点示范、联点成线”的目的。",
        ),
    ],
)
def test_join_lines(text: str, expected: str) -> None:
    assert join_lines(TextMap.of(text)).text == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("现有党支部 15 个, 党员 424 名", "现有党支部15个,党员424名"),
        ("xx 区教育系统", "xx区教育系统"),
        ("\u3000\u3000一是加强领导", "一是加强领导"),
        (
            "投资14万元安装闭路电视 户。",
            "投资14万元安装闭路电视 户。",
        ),  # a lost number keeps its gap
        ("Intel  future  education", "Intel future education"),
    ],
)
def test_spaces(text: str, expected: str) -> None:
    assert spaces(TextMap.of(text)).text == expected


def test_width_keeps_chinese_punctuation() -> None:
    assert width(TextMap.of("（一）党员１２３名，达９５％")).text == "（一）党员123名，达95%"


def test_repair_keeps_offsets_pointing_at_the_source() -> None:
    src = "黨員 424 名，\n\n經費 2 萬元。"
    tm = repair(TextMap.of(src), "traditional")
    assert tm.text == "党员424名，经费2万元。"
    assert [src[o] for o in tm.offsets] == list("黨員424名，經費2萬元。")


def _continues_as_written(prev: str, nxt: str) -> bool:
    """_continues before its tests were reordered: the marker of the next line first."""
    prev_s = prev.strip().rstrip("*")
    if not prev_s or line_marker(nxt.strip()):
        return False
    last = prev_s[-1]
    if last in _TERMINAL:
        return False
    first = nxt.strip()[:1]
    if not first or not (_is_cjk(first) or first.isalnum() or first in "“"):
        return False
    if last in _COMMA_END:
        return True
    if line_marker(prev_s) and "。" not in prev_s:
        return False
    if _TITLE_END.search(prev_s):
        return False
    return len(prev_s) >= _JOIN_MIN


def _join_lines_as_written(tm: TextMap) -> TextMap:
    """join_lines before it split the text once (spans from TextMap.lines)."""
    text = tm.text
    content = [(s, e) for s, e in tm.lines() if text[s:e].strip()]
    edits: list[tuple[int, int, str]] = []
    if not content:
        return tm.edit([(0, len(text), "")])
    first_line = text[content[0][0] : content[0][1]]
    lead = content[0][0] + len(first_line) - len(first_line.lstrip())
    if lead > 0:
        edits.append((0, lead, ""))
    for (s1, e1), (s2, e2) in pairwise(content):
        prev = text[s1:e1].rstrip()
        nxt = text[s2:e2]
        if _continues_as_written(prev, nxt):
            edits.append((s1 + len(prev), s2 + (len(nxt) - len(nxt.lstrip())), ""))
        else:
            edits.append((s1 + len(prev), s2, "\n"))
    end_of_content = content[-1][0] + len(text[content[-1][0] : content[-1][1]].rstrip())
    if end_of_content < len(text):
        edits.append((end_of_content, len(text), ""))
    return tm.edit(edits)


_LINE_PIECES = [
    "一、",
    "（二）",
    "1.",
    "3、",
    "第一条",
    "他们根据自己的需要对远程教育网络节目进行选择性",
    "地收看",
    "。",
    "，",
    "、",
    "：",
    "工作总结",
    "实施方案",
    "**",
    "“",
    "abc",
    "12",
    " ",
    "\u3000",
    "\t",
    "\n",
    "\n\n",
    "\r",
    "字",
]


@given(st.lists(st.sampled_from(_LINE_PIECES), max_size=40), st.integers(0, 5))
def test_join_lines_is_as_it_was_written(pieces: list[str], base: int) -> None:
    # One split and the cheap tests first give the same joins and the same offsets.
    tm = TextMap.of("".join(pieces), base)
    new, old = join_lines(tm), _join_lines_as_written(tm)
    assert (new.text, new.offsets) == (old.text, old.offsets)
