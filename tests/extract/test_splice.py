from __future__ import annotations

from miner.extract.splice import spliced_at

BODY = (
    "镇党委坚持把学习作为开展活动的基础性工作来抓，制定学习计划，"
    "组织集中学习十二次，党员参学率达到百分之九十五以上。"
)


def test_restart_after_body_that_carries_on_is_a_splice() -> None:
    text = f"一、学习\n{BODY}\n二、履职\n{BODY}\n一、安全生产\n{BODY}\n二、隐患排查\n{BODY}"
    assert spliced_at(text) == text.index("一、安全生产")


def test_inner_list_right_after_a_heading_is_not_a_splice() -> None:
    text = f"一、目标\n{BODY}\n二、工作要求\n一、加强领导。{BODY}\n二、明确分工。{BODY}"
    assert spliced_at(text) is None


def test_restart_after_a_chapter_or_annex_is_not_a_splice() -> None:
    chapter = f"第一章 总则\n一、目的\n{BODY}\n二、范围\n{BODY}\n第二章 职责\n一、部门\n{BODY}\n二、单位\n{BODY}"
    annex = f"一、目的\n{BODY}\n二、范围\n{BODY}\n附件1\n一、标准\n{BODY}\n二、要求\n{BODY}"
    assert spliced_at(chapter) is None
    assert spliced_at(annex) is None


def test_a_single_restart_without_continuation_is_not_reported() -> None:
    text = f"一、学习\n{BODY}\n二、履职\n{BODY}\n一、安全生产\n{BODY}"
    assert spliced_at(text) is None
