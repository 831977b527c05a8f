from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from miner.split import split_page
from miner.split.compilation import _COUNT, _PART, _PART_WORDS
from miner.textmap import TextMap

LONG_A = "甲镇开展活动，成效明显。" * 20
LONG_B = "乙镇开展活动，成效明显。" * 20


def _parts(text: str) -> tuple[list[str], list[tuple[str, str]], str | None]:
    parts, removals, title = split_page(TextMap.of(text), "p.txt")
    return [p.text.text.strip() for p in parts], [(r.rule, r.text) for r in removals], title


def test_compilation_with_numbered_parts() -> None:
    text = f"活动总结范文\n(3篇)\n\n第1篇\n{LONG_A}\n活动总结范文第2篇\n{LONG_B}\n第3篇：村级工作计划\n丙文。"
    parts, removals, title = _parts(text)
    assert parts == [LONG_A, LONG_B, "丙文。"]
    assert title == "活动总结范文"
    assert ("compilation_header", "(3篇)") in removals
    assert ("compilation_header", "活动总结范文第2篇") in removals


def test_title_hint_from_marker_line() -> None:
    parts, _, _ = split_page(TextMap.of(f"第1篇：村级工作计划\n{LONG_A}"), "p.txt")
    assert parts[0].title_hint == "村级工作计划"


def test_a_part_title_after_a_space() -> None:
    parts, _, _ = split_page(
        TextMap.of(f"第1篇 村级工作计划\n{LONG_A}\n第2篇 社区工作总结\n{LONG_B}"), "p"
    )
    assert [(p.title_hint, p.text.text.strip()) for p in parts] == [
        ("村级工作计划", LONG_A),
        ("社区工作总结", LONG_B),
    ]


def test_parts_headed_by_the_pages_title_and_a_number() -> None:
    text = f"文明村创建汇报材料\n文明村创建汇报材料【一】\n{LONG_A}\n文明村创建汇报材料【二】\n{LONG_B}"
    parts, _, title = split_page(TextMap.of(text), "p")
    assert [(p.title_hint, p.text.text.strip()) for p in parts] == [
        ("文明村创建汇报材料", LONG_A),
        ("文明村创建汇报材料", LONG_B),
    ]
    assert title == "文明村创建汇报材料"
    # the title once more, or numbers out of order, is no compilation
    once = f"文明村创建汇报材料\n{LONG_A}\n文明村创建汇报材料【二】\n{LONG_B}"
    assert len(split_page(TextMap.of(once), "p")[0]) == 1


def test_two_versions_under_a_dashed_rule() -> None:
    parts, removals, _ = _parts(f"{LONG_A}\n---------------------\n{LONG_B}")
    assert parts == [LONG_A, LONG_B]
    assert ("version_rule", "---------------------") in removals


def test_a_short_text_under_a_rule_is_not_a_version() -> None:
    parts, _, _ = _parts(f"{LONG_A}\n----------\n附：联系人张三")
    assert len(parts) == 1


def test_single_page_is_one_part() -> None:
    parts, removals, title = _parts(f"标题\n{LONG_A}")
    assert parts == [f"标题\n{LONG_A}"] and removals == [] and title is None


def test_prose_mentioning_a_part_is_not_a_marker() -> None:
    parts, _, _ = _parts(f"{LONG_A}\n本书第3篇讲述了基层党建的经验，值得学习。\n{LONG_B}")
    assert len(parts) == 1


def test_a_rule_between_unrelated_texts_is_a_separator() -> None:
    other = "学校组织师生参观科技馆，学生们兴趣浓厚，纷纷表示收获很大。" * 10
    parts, removals, _ = _parts(f"{LONG_A}\n-------------------\n{other}")
    assert len(parts) == 1
    assert ("separator", "-------------------") in removals


@given(st.text(alphabet="第12一十精选范文（()）【】:：、. 　篇汇编x", max_size=30))
def test_only_lines_with_pian_or_a_part_word_are_headers(line: str) -> None:
    # split_page tries the header patterns only on lines holding 篇 or 范文/例文/模板/范例.
    if "篇" not in line and not any(w in line for w in _PART_WORDS):
        assert _PART.match(line.strip()) is None and _COUNT.match(line.strip()) is None


def test_parts_headed_by_the_compilations_stem_and_a_number() -> None:
    text = f"某某公司绩效考核方案(通用3篇)\n某某公司绩效考核方案1\n{LONG_A}\n某某公司绩效考核方案2\n{LONG_B}"
    parts, removals, title = _parts(text)
    assert parts == [LONG_A, LONG_B]
    assert title == "某某公司绩效考核方案(通用3篇)"
    assert ("compilation_header", "某某公司绩效考核方案2") in removals
    hints = [p.title_hint for p in split_page(TextMap.of(text), "p.txt")[0]]
    assert hints == ["某某公司绩效考核方案", "某某公司绩效考核方案"]


def test_a_stem_with_numbers_out_of_order_is_no_compilation() -> None:
    text = f"某某方案(通用3篇)\n某某方案2\n{LONG_A}\n某某方案5\n{LONG_B}"
    parts, _, _ = _parts(text)
    assert len(parts) == 1


@pytest.mark.parametrize(
    ("first", "second", "hints"),
    [
        ("【篇一】", "【篇二】", [None, None]),
        ("【第1篇】村级总结", "【第2篇】乡镇总结", ["村级总结", "乡镇总结"]),
        ("范文一：村级总结", "范文二：乡镇总结", ["村级总结", "乡镇总结"]),
        ("例文1：村级总结", "例文2：乡镇总结", ["村级总结", "乡镇总结"]),
    ],
)
def test_part_headers_in_other_sites_words(
    first: str, second: str, hints: list[str | None]
) -> None:
    parts, _, title = split_page(
        TextMap.of(f"某某工作总结范文\n{first}\n{LONG_A}\n{second}\n{LONG_B}"), "p"
    )
    assert [(p.title_hint, p.text.text.strip()) for p in parts] == list(
        zip(hints, [LONG_A, LONG_B], strict=True)
    )
    assert title == "某某工作总结范文"


def test_one_worded_header_is_the_texts_own_heading() -> None:
    assert len(split_page(TextMap.of(f"某某写作指导\n范文一：村级总结\n{LONG_A}"), "p")[0]) == 1


@pytest.mark.parametrize("count", ["范文10篇", "(共6篇)", "合集（十篇）", "（汇总10篇）"])
def test_a_compilations_count_in_other_words(count: str) -> None:
    _, removals, _ = _parts(f"某某工作总结\n{count}\n第1篇\n{LONG_A}\n第2篇\n{LONG_B}")
    assert ("compilation_header", count) in removals


@pytest.mark.parametrize("rule", ["- - - - - - -", "﹌﹌﹌﹌﹌﹌", "· · · · · ·"])
def test_versions_under_a_rule_drawn_otherwise(rule: str) -> None:
    parts, removals, _ = _parts(f"{LONG_A}\n{rule}\n{LONG_A.replace('甲镇', '丙镇')}")
    assert len(parts) == 2 and ("version_rule", rule) in removals


def test_an_ellipsis_line_is_an_omission_not_a_rule() -> None:
    parts, _, _ = _parts(f"{LONG_A}\n……………………\n{LONG_A.replace('甲镇', '丙镇')}")
    assert len(parts) == 1
