"""List items: numbered points inside sections, kept out of the heading tree."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from miner.extract.items import find_items
from miner.extract.markers import item_markers
from miner.extract.sections import find_sections


def items(text: str) -> list[tuple[str, str, str]]:
    sections = find_sections(text, "d")
    return [(i.marker, i.heading, i.section_path) for i in find_items(text, sections, "d")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # 一是/二是 inside a paragraph, after a colon and a semicolon.
        (
            "三、存在的不足\n主要是：一是用房偏小；二是参与率不高；三是经费紧张。",
            [
                ("一是", "用房偏小", "三/一是"),
                ("二是", "参与率不高", "三/二是"),
                ("三是", "经费紧张", "三/三是"),
            ],
        ),
        # 一是 on lines of their own (not headings unless ordinals=True).
        (
            "一、主要措施\n一是强化领导。成立专班。\n二是压实责任。层层签订责任书。",
            [("一是", "强化领导", "一/一是"), ("二是", "压实责任", "一/二是")],
        ),
        # 首先/其次/最后, closed by 最后.
        (
            "四、工作要求\n首先，统一思想。其次，压实责任。最后，严肃纪律。",
            [
                ("首先，", "统一思想", "四/首先"),
                ("其次，", "压实责任", "四/其次"),
                ("最后，", "严肃纪律", "四/最后"),
            ],
        ),
        # 第一，/第二，
        (
            "三、突出重点\n要抓好两个到位：第一，思想认识要到位。第二，工作措施要到位。",
            [("第一，", "思想认识要到位", "三/第一"), ("第二，", "工作措施要到位", "三/第二")],
        ),
        # 一要/二要
        (
            "三、下一步打算\n一要加强学习教育；二要加强队伍建设。",
            [("一要", "加强学习教育", "三/一要"), ("二要", "加强队伍建设", "三/二要")],
        ),
        # （1）（2） and (1)(2) inside a paragraph.
        (
            "四、下一步工作打算\n（1）深化网格管理。（2）加强在职党员管理。",
            [("（1）", "深化网格管理", "四/（1）"), ("（2）", "加强在职党员管理", "四/（2）")],
        ),
        (
            "四、打算\n(1)深化网格管理。(2)加强党员管理。",
            [("(1)", "深化网格管理", "四/(1)"), ("(2)", "加强党员管理", "四/(2)")],
        ),
        # ①② inside a paragraph.
        (
            "二、做法\n分两步：①摸底排查；②集中整治。",
            [("①", "摸底排查", "二/①"), ("②", "集中整治", "二/②")],
        ),
        # Numbered sentences that the heading tree refused are items (1、 and 1.).
        (
            "一、主要工作\n1、加强学习。正文。\n"
            "2、我们通过召开座谈会、入户走访等多种形式广泛听取群众意见并及时整理归纳反馈给有关部门和单位。",
            [
                ("1、", "加强学习", "一/1"),
                (
                    "2、",
                    "我们通过召开座谈会、入户走访等多种形式广泛听取群众意见并及时整理归纳反馈给有关部门和单位",
                    "一/2",
                ),
            ],
        ),
        (
            "一、工作措施\n我们做了三件事。1.建台账。2.定责任。3．抓落实。",
            [("1.", "建台账", "一/1"), ("2.", "定责任", "一/2"), ("3．", "抓落实", "一/3")],
        ),
        # No section at all: paths start at the item.
        (
            "一是学习不够；二是经费紧张。",
            [("一是", "学习不够", "一是"), ("二是", "经费紧张", "二是")],
        ),
    ],
)
def test_items_every_marker_kind(text: str, expected: list[tuple[str, str, str]]) -> None:
    assert items(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "一、工作\n一是一个好的开始。",  # a lone 一是
        "一、工作\n完成3、4月份的工作。",  # numbers in words
        "一、工作\n首先要提高认识。",  # 首先 without a comma is a word
        "一、工作\n1、建台账。3、抓落实。",  # no run: 1 then 3
        "一、工作\n一是强化领导。\n二、成效\n二是群众满意。",  # a run never crosses a section
    ],
)
def test_items_need_a_run(text: str) -> None:
    assert items(text) == []


def test_items_are_not_sections_and_hang_under_the_innermost_section() -> None:
    text = "一、主要做法\n（一）强化领导\n一是成立专班；二是明确分工。\n（二）完善制度\n正文。"
    sections = find_sections(text, "d")
    found = find_items(text, sections, "d")
    assert [s.marker for s in sections] == ["一、", "（一）", "（二）"]
    assert [(i.section_id, i.parent_id, i.depth, i.kind) for i in found] == [
        ("d.i1", "d.s2", 3, "item"),
        ("d.i2", "d.s2", 3, "item"),
    ]
    assert [i.section_path for i in found] == ["一/（一）/一是", "一/（一）/二是"]
    first, second = found
    assert text[first.start : first.end] == "一是成立专班；"
    assert text[second.start : second.end] == "二是明确分工。"


def test_items_roles_follow_their_words_and_their_section() -> None:
    text = (
        "五、存在的问题和下一步打算\n"
        "存在以下问题：一是党员参与积极性不高；二是活动经费不足。"
        "下一步，我们将重点抓好：（1）继续开展结对帮扶；（2）力争年底前全部达标。"
    )
    roles = [(i.marker, i.role) for i in find_items(text, find_sections(text, "d"), "d")]
    assert roles == [("一是", "问题"), ("二是", "问题"), ("（1）", "计划"), ("（2）", "计划")]


def test_items_markers_inside_words_are_not_candidates() -> None:
    assert item_markers("投入1.5万元，完成3、4月份的任务，二是否达标") == []


_ALPHABET = st.sampled_from(list("一二三是要首先其次最后第、（）()12.．：:。；，\n ①②工作加强"))


@settings(max_examples=300, deadline=None)
@given(st.lists(_ALPHABET, max_size=200).map("".join))
def test_items_never_raise_and_spans_are_in_text(text: str) -> None:
    sections = find_sections(text, "h")
    ids = {s.section_id: s for s in sections}
    for item in find_items(text, sections, "h"):
        assert 0 <= item.start < item.end <= len(text)
        assert item.kind == "item"
        if item.parent_id is not None:
            parent = ids[item.parent_id]
            assert parent.start <= item.start and item.end <= parent.end
            assert item.depth == parent.depth + 1
