"""Heading tree: markers, nesting, paths, run-in headings, lists that are not headings, roles,
spans and numbering issues."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from miner.extract.markers import line_marker, marker_of, run_in_marker
from miner.extract.sections import bare_marker, find_sections, numbering_issue


def tree(text: str, **kw: bool) -> list[tuple[int, str, str]]:
    return [(s.depth, s.marker, s.heading) for s in find_sections(text, "d", **kw)]


@pytest.mark.parametrize(
    ("marker", "family", "value"),
    [
        ("一、", "cn", 1),
        ("十二、", "cn", 12),
        ("（三）", "paren_cn", 3),
        ("(三)", "paren_cn", 3),
        ("(三）", "paren_cn", 3),
        ("4、", "num", 4),
        ("4.", "num", 4),
        ("4．", "num", 4),
        ("（5）", "paren_num", 5),
        ("(5)", "paren_num", 5),
        ("5）", "rparen_num", 5),
        ("⑥", "circled", 6),
        ("⑶", "circled", 3),
        ("二是", "ordinal", 2),
        ("第二部分", "part", 2),
        ("第三章", "part", 3),
        ("第一节", "section", 1),
        ("第十条", "clause", 10),
        ("附件2", "annex", 2),
    ],
)
def test_markers_line_marker_families(marker: str, family: str, value: int) -> None:
    m = line_marker(marker + "健全工作机制")
    assert m is not None
    assert (m.family, m.value, m.marker) == (family, value, marker)


@pytest.mark.parametrize(
    "line",
    [
        "2012年工作计划",
        "1.5万元用于购置设备",
        "一二三等奖各一名",
        "三是否达标",
        "附件材料已报送",
        "第1篇",
    ],
)
def test_markers_line_marker_rejects_numbers_in_words(line: str) -> None:
    assert line_marker(line) is None


@pytest.mark.parametrize(
    ("line", "value"),
    [("九、", 9), ("十、", 10), ("（十四）", 14), ("三十、", 30), ("二十一是", 21)],
)
def test_markers_chinese_numbers(line: str, value: int) -> None:
    m = line_marker(line)
    assert m is not None and m.value == value


@pytest.mark.parametrize("line", ["２、全角数字", "\u3000 3、缩进", "⑵括号数字", "（ 一 ）空格"])
def test_markers_first_character_filter_keeps_every_marker_start(line: str) -> None:
    # The set lookup before the regex must let through every character a marker starts with.
    assert line_marker(line) is not None
    assert marker_of(line) == line_marker(line)


@given(
    st.text(
        alphabet="附件第一二三四五六七八九十部分章节条是（()）、.．:：12０９①⑴ \u3000字", max_size=8
    )
)
def test_markers_marker_of_is_line_marker(line: str) -> None:
    assert marker_of(line) == line_marker(line)


@pytest.mark.parametrize(
    "marker",
    [
        "一、",
        "（一）",
        "(一)",
        "1、",
        "1.",
        "1．",
        "(1)",
        "（1）",
        "①",
        "第一部分",
        "第一章",
        "附件1：",
    ],
)
def test_sections_every_marker_kind_is_a_heading(marker: str) -> None:
    text = f"{marker}健全工作机制\n全年召开例会十二次。"
    [s] = find_sections(text, "d")
    assert s.marker == marker
    assert s.heading == "健全工作机制"
    assert (s.depth, s.kind, s.start, s.end) == (1, "heading", 0, len(text))
    assert s.section_path == marker.rstrip("、.．：")


@pytest.mark.parametrize(
    ("line", "family", "value", "marker"),
    [
        ("首先，统一思想。", "sequence", 1, "首先，"),
        ("其次，压实责任。", "sequence", 2, "其次，"),
        ("再次：强化督查。", "sequence", 3, "再次："),
        ("最后，严肃纪律。", "sequence", 0, "最后，"),
        ("第三，严格考核。", "nth", 3, "第三，"),
    ],
)
def test_markers_run_in_marker(line: str, family: str, value: int, marker: str) -> None:
    m = run_in_marker(line)
    assert m is not None
    assert (m.family, m.value, m.marker) == (family, value, marker)
    assert line_marker(line) is None  # cleaning never sees them as markers


@pytest.mark.parametrize("line", ["首先要提高认识", "最后一次会议", "第一次全体会议", "其次是"])
def test_markers_run_in_marker_needs_a_comma(line: str) -> None:
    assert run_in_marker(line) is None


@pytest.mark.parametrize(
    ("marker", "bare"),
    [
        ("一、", "一"),
        ("十二、", "十二"),
        ("（二）", "（二）"),
        ("(二)", "(二)"),
        ("1、", "1"),
        ("3.", "3"),
        ("3．", "3"),
        ("（1）", "（1）"),
        ("(1)", "(1)"),
        ("①", "①"),
        ("第一部分", "第一部分"),
        ("第一章", "第一章"),
        ("附件1：", "附件1"),
        ("一是", "一是"),
        ("首先，", "首先"),
        ("第一，", "第一"),
    ],
)
def test_sections_bare_marker(marker: str, bare: str) -> None:
    assert bare_marker(marker) == bare


def test_sections_section_path_runs_from_the_top() -> None:
    text = (
        "第一部分 工作回顾\n一、主要做法\n（一）强化领导\n1、成立专班\n（1）明确分工\n①定人\n"
        "（二）完善制度\n二、存在问题\n第二部分 下步打算\n附件1\n考核细则\n一、组织领导\n正文。"
    )
    assert [s.section_path for s in find_sections(text, "d")] == [
        "第一部分",
        "第一部分/一",
        "第一部分/一/（一）",
        "第一部分/一/（一）/1",
        "第一部分/一/（一）/1/（1）",
        "第一部分/一/（一）/1/（1）/①",
        "第一部分/一/（二）",
        "第一部分/二",
        "第二部分",
        "附件1",
        "附件1/一",
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Depth comes from the order families nest in, not from the marker's kind.
        (
            "一、总体情况\n正文。\n1、基本做法\n正文。\n（1）建立台账\n正文。\n2、主要成效\n二、下步打算",
            [(1, "一、"), (2, "1、"), (3, "（1）"), (2, "2、"), (1, "二、")],
        ),
        (
            "（一）组织保障\n正文。\n1、成立专班\n正文。\n（二）经费保障\n正文。",
            [(1, "（一）"), (2, "1、"), (1, "（二）")],
        ),
        # Full- and half-width brackets are one family, so they are siblings.
        (
            "一、甲项\n（一）子项一\n(二)子项二\n二、乙项",
            [(1, "一、"), (2, "（一）"), (2, "(二)"), (1, "二、")],
        ),
        # An inverted start (a numbered list before the 一、 sections) does not swallow them.
        (
            "1、目标明确\n2、责任到人\n一、主要措施\n（一）强化督导\n二、保障机制",
            [(1, "1、"), (1, "2、"), (1, "一、"), (2, "（一）"), (1, "二、")],
        ),
        # An attachment starts a tree of its own; its title is on the next line.
        (
            "一、目标任务\n二、工作要求\n附件1\n村级评分细则\n一、组织建设\n正文。",
            [(1, "一、"), (1, "二、"), (1, "附件1"), (2, "一、")],
        ),
    ],
)
def test_sections_nesting(text: str, expected: list[tuple[int, str]]) -> None:
    assert [(d, m) for d, m, _ in tree(text)] == expected


def test_sections_parent_ids_and_spans() -> None:
    text = "一、甲方面\n正文甲。\n（一）子项\n正文子。\n二、乙方面\n正文乙。"
    s1, s2, s3 = find_sections(text, "doc")
    assert [s.section_id for s in (s1, s2, s3)] == ["doc.s1", "doc.s2", "doc.s3"]
    assert (s1.parent_id, s2.parent_id, s3.parent_id) == (None, "doc.s1", None)
    assert text[s1.start : s1.end] == "一、甲方面\n正文甲。\n（一）子项\n正文子。\n"
    assert text[s2.start : s2.end] == "（一）子项\n正文子。\n"
    assert text[s3.start : s3.end] == "二、乙方面\n正文乙。"


@pytest.mark.parametrize(
    ("line", "heading", "kind"),
    [
        (
            "1、抓好队伍建设，提升服务水平。全年培训骨干百余人。",
            "抓好队伍建设，提升服务水平",
            "run_in",
        ),
        ("1、工作目标：到年底建成示范点五个。", "工作目标", "run_in"),
        ("1、完善制度。", "完善制度", "heading"),
        ("1、完善制度：", "完善制度", "heading"),
        ("1、开展“清洁家园”行动", "开展“清洁家园”行动", "heading"),
        # A time is not the colon that ends a heading.
        ("1、每天8:30前到岗。迟到者通报。", "每天8:30前到岗", "run_in"),
        # A first sub-item glued to its heading's line is cut off.
        ("1、保障措施(一)落实经费。正文。", "保障措施", "run_in"),
    ],
)
def test_sections_run_in_split(line: str, heading: str, kind: str) -> None:
    [s] = find_sections(line, "d")
    assert (s.heading, s.kind) == (heading, kind)


def test_sections_marker_alone_on_its_line_takes_the_next_line() -> None:
    assert tree("（一）\n加强组织领导\n正文。") == [(1, "（一）", "加强组织领导")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # One item reads as a sentence, so the whole numbered list is a list.
        (
            "一、主要工作\n1、加强学习。正文。\n"
            "2、我们通过召开座谈会、入户走访等多种形式广泛听取群众意见并及时整理归纳反馈给有关部门和单位。\n"
            "3、完善制度。正文。",
            [(1, "一、", "主要工作")],
        ),
        # A long lead-in ending in a colon is a sentence, not a label.
        (
            "一、基本内容\n1、全体党员干部要认真学习有关文件的主要内容和精神实质：一是……\n2、培训：每季度一次。",
            [(1, "一、", "基本内容")],
        ),
        # Numbering that carries on from the list under the previous section is that list.
        (
            "一、实施步骤\n（一）准备阶段\n1、摸底。正文。\n2、动员。正文。\n（二）实施阶段\n3、推进。正文。",
            [
                (1, "一、", "实施步骤"),
                (2, "（一）", "准备阶段"),
                (3, "1、", "摸底"),
                (3, "2、", "动员"),
                (2, "（二）", "实施阶段"),
            ],
        ),
        # Headings never start mid-line.
        ("一、工作措施\n我们做了三件事。1、建台账。2、定责任。", [(1, "一、", "工作措施")]),
        # Inside an attachment only its own divisions count; its criteria are a list.
        (
            "附件1\n考核细则\n一、组织领导\n1.领导重视。正文。\n2.制度健全。正文。\n二、工作成效",
            [(1, "附件1", "考核细则"), (2, "一、", "组织领导"), (2, "二、", "工作成效")],
        ),
    ],
)
def test_sections_numbered_sentences_are_not_headings(
    text: str, expected: list[tuple[int, str, str]]
) -> None:
    assert tree(text) == expected


@pytest.mark.parametrize(
    ("text", "expected", "issue"),
    [
        # A list restarting right under its heading nests under it.
        (
            "三、工作措施\n正文。\n四、工作要求\n一、加强领导。正文。\n二、严明纪律。正文。",
            [(1, "三、"), (1, "四、"), (2, "一、"), (2, "二、")],
            None,
        ),
        # A lead-in ending in a colon still counts as right under.
        (
            "一、背景\n二、要求\n具体要求如下：\n一、加强领导。正文。\n二、严明纪律。正文。",
            [(1, "一、"), (1, "二、"), (2, "一、"), (2, "二、")],
            None,
        ),
        # A restarted run followed by the interrupted list's next number is nested.
        (
            "一、回顾\n正文。\n二、任务\n正文。\n正文。\n一、稳增长\n二、促改革\n三、惠民生\n三、保障",
            [(1, "一、"), (1, "二、"), (2, "一、"), (2, "二、"), (2, "三、"), (1, "三、")],
            None,
        ),
        # A restart after other sections that never resumes is a second report spliced on.
        (
            "一、做法\n1、建制度。正文。\n2、抓落实。正文。\n二、成效\n正文。\n正文。\n一、基本情况\n二、存在问题",
            [(1, "一、"), (2, "1、"), (2, "2、"), (1, "二、"), (1, "一、"), (1, "二、")],
            "restart",
        ),
        ("一、甲方面\n二、乙方面\n四、丁方面", [(1, "一、"), (1, "二、"), (1, "四、")], "jump"),
        # A sub-list that skips a number lost a part.
        (
            "一、主要做法\n（一）强化领导\n正文。\n（二）完善制度\n正文。\n（四）加强宣传\n正文。\n二、成效",
            [(1, "一、"), (2, "（一）"), (2, "（二）"), (2, "（四）"), (1, "二、")],
            "jump at depth 2",
        ),
        # A sub-list opening at （七） is a fragment of another report.
        (
            "一、甲方面\n二、乙方面\n正文。\n（七）加强政务公开。正文。\n三、丙方面",
            [(1, "一、"), (1, "二、"), (2, "（七）"), (1, "三、")],
            "jump",
        ),
    ],
)
def test_sections_restarts_and_numbering_issue(
    text: str, expected: list[tuple[int, str]], issue: str | None
) -> None:
    sections = find_sections(text, "d")
    assert [(s.depth, s.marker) for s in sections] == expected
    found = numbering_issue(sections)
    if issue is None:
        assert found is None
    else:
        assert found is not None and found.startswith(issue)


def test_sections_ordinals_only_when_asked() -> None:
    text = "一、工作措施\n一是强化领导。成立专班。\n二是压实责任。层层签订责任书。\n二、工作成效"
    assert tree(text) == [(1, "一、", "工作措施"), (1, "二、", "工作成效")]
    assert tree(text, ordinals=True) == [
        (1, "一、", "工作措施"),
        (2, "一是", "强化领导"),
        (2, "二是", "压实责任"),
        (1, "二、", "工作成效"),
    ]


def test_sections_sequence_words_only_when_asked() -> None:
    text = "一、工作要求\n首先，统一思想。全体党员要提高认识。\n其次，压实责任。层层签订责任书。\n最后，严肃纪律。"
    assert tree(text) == [(1, "一、", "工作要求")]
    sections = find_sections(text, "d", ordinals=True)
    assert [(s.depth, s.marker, s.heading, s.kind) for s in sections] == [
        (1, "一、", "工作要求", "heading"),
        (2, "首先，", "统一思想", "run_in"),
        (2, "其次，", "压实责任", "run_in"),
        (2, "最后，", "严肃纪律", "run_in"),
    ]
    assert [s.section_path for s in sections] == ["一", "一/首先", "一/其次", "一/最后"]


def test_sections_ordinal_paths_when_asked() -> None:
    text = "二、主要措施\n（一）强化领导\n一是成立专班。正文。\n二是明确分工。正文。"
    paths = [s.section_path for s in find_sections(text, "d", ordinals=True)]
    assert paths == ["二", "二/（一）", "二/（一）/一是", "二/（一）/二是"]


def test_sections_roles_are_inherited_or_other() -> None:
    text = "一、存在问题\n（一）思想认识不到位\n（二）经费保障不足\n二、指导思想\n（一）加强领导，精心安排"
    roles = [(s.heading, s.role) for s in find_sections(text, "d")]
    assert roles == [
        ("存在问题", "问题"),
        ("思想认识不到位", "问题"),
        ("经费保障不足", "问题"),
        ("指导思想", "其他"),
        ("加强领导，精心安排", "其他"),
    ]


def test_sections_roles_from_content() -> None:
    text = (
        "一、强化组织保障，推动活动开展\n镇党委召开了专题会议，成立了领导小组。先后开展督查4次。\n"
        "二、正视薄弱环节\n有的支部满足于开会，党员参与积极性不高；活动经费不足，阵地建设滞后。\n"
        "三、群众得到实惠\n全年为群众办实事346件，群众满意率达到95%以上。\n"
        "四、突出重点，推向纵深\n下一步，我们将继续抓好阵地建设。力争年底前全部达标。"
    )
    assert [s.role for s in find_sections(text, "d")] == ["做法", "问题", "成效", "计划"]


def test_sections_plan_sections_carry_on_at_their_level() -> None:
    # Once a report turns to the year ahead, later sections without role words stay plans.
    text = (
        "一、2014年工作回顾\n过去一年，我们开展了一系列工作。\n"
        "二、2015年工作总体部署\n今年要稳中求进。\n"
        "三、把改革开放扎实推向纵深\n改革开放是推动发展的制胜法宝。"
    )
    assert [s.role for s in find_sections(text, "d")] == ["做法", "计划", "计划"]


def test_sections_regulation_articles_are_other() -> None:
    text = "第一章总则\n第一条为了规范管理，制定本办法。\n第二章管理体制\n第五条市主管部门负责统筹协调。"
    assert [(s.marker, s.role) for s in find_sections(text, "d")] == [
        ("第一章", "其他"),
        ("第一条", "其他"),
        ("第二章", "其他"),
        ("第五条", "其他"),
    ]


def test_sections_empty_and_plain_text() -> None:
    assert find_sections("") == []
    assert find_sections("今年以来，我们认真落实各项工作。\n取得了明显成效。") == []
    assert numbering_issue([]) is None


_ALPHABET = st.sampled_from(
    list("一二三四五六七八九十是、（）()1234.．：:。，“”\n 附件第章部分节①⑵工作加强")
)


@settings(max_examples=300, deadline=None)
@given(st.lists(_ALPHABET, max_size=200).map("".join))
def test_sections_never_raise_and_spans_are_in_text(text: str) -> None:
    for ordinals in (False, True):
        sections = find_sections(text, "h", ordinals=ordinals)
        ids = {s.section_id: s for s in sections}
        for s in sections:
            assert 0 <= s.start <= s.end <= len(text)
            if s.parent_id is not None:
                parent = ids[s.parent_id]
                assert parent.depth == s.depth - 1
                assert parent.start <= s.start and s.end <= parent.end
            else:
                assert s.depth == 1
        numbering_issue(sections)


@given(st.text(alphabet="一、加强领导。：:；;！？!?12，字", max_size=30))
def test_heading_end_behind_its_lookahead_finds_the_same_marks(text: str) -> None:
    import re

    from miner.extract.sections import _HEAD_END
    from miner.fastre import ORIGINAL

    assert _HEAD_END.pattern.startswith("(?=[")
    original: re.Pattern[str] = ORIGINAL[_HEAD_END]
    assert [m.span() for m in _HEAD_END.finditer(text)] == [
        m.span() for m in original.finditer(text)
    ]
    found, expected = _HEAD_END.search(text), original.search(text)
    assert (found and found.span()) == (expected and expected.span())
