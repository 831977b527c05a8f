"""Tests for the missing-number detector: the three shapes it accepts, and the
ordinary Chinese it must leave alone. Example texts are written for this file."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from miner.extract.missing import _CJK, _GAP, missing_numbers


@pytest.mark.parametrize(
    ("text", "unit", "shape"),
    [
        ("村里投资8万元安装路灯 盏。", "盏", "gap"),
        ("全村共有党员 名，其中女党员8名。", "名", "gap"),
        ("投资 万元修建文化广场。", "万元", "gap"),
        ("组织全体干部和名群众代表参加。", "名", "after_word"),
        ("抽调名干部组成工作组。", "名", "after_word"),
        ("完成东坡村亩荒山造林任务。", "亩", "area"),
        ("新建广场平方米，铺设草坪。", "平方米", "area"),
    ],
)
def test_missing_number_shapes(text: str, unit: str, shape: str) -> None:
    [m] = missing_numbers(text)
    assert (m.unit, m.shape) == (unit, shape)
    assert text[m.start : m.end] == unit


@pytest.mark.parametrize(
    "text",
    [
        # numbers present, with or without a gap
        "村里安装路灯12 盏。",
        "流转土地300亩，人均0.5亩。",
        "每亩补助200元，亩产600公斤，亩均增收300元。",
        "占地约五亩的小广场。",
        # a measure word that is a word of its own or part of one
        "他曾是名优秀的足球运动员。",
        "以党组织的名义开展活动。",
        "村里的种植户和养殖户都参加了。",
        "面积为76英亩的农场。",
        # form labels and spaced-out words
        "姓 名 职 务 联系方式",
        "秋季报 名优惠活动。",
        "另有一些省 份发债融资。",
        # surnames and pronouns after a space
        "指导教师：王明 张小利",
        "第二条 本办法自公布之日起施行。",
    ],
)
def test_missing_number_leaves_ordinary_text(text: str) -> None:
    assert missing_numbers(text) == []


def test_missing_number_order_and_offsets() -> None:
    text = "新建广场平方米。对干部和名群众代表进行培训，安装路灯 盏。"
    found = missing_numbers(text)
    assert [m.unit for m in found] == ["平方米", "名", "盏"]
    assert [m.start for m in found] == sorted(m.start for m in found)


@given(st.text(alphabet="党员 \u3000\u00a0户a1。", max_size=16))
def test_gap_pattern_matches_as_written(text: str) -> None:
    written = re.compile(rf"(?<=[{_CJK}])[ \u3000\u00a0]+(?=[{_CJK}])")
    assert [m.span() for m in _GAP.finditer(text)] == [m.span() for m in written.finditer(text)]


@given(st.text(alphabet="投资14万元安装闭路电视 户。亩平方米英和名人党员", max_size=30))
def test_remembered_answers_are_the_computed_ones(text: str) -> None:
    from miner.extract.missing import _remembered
    from miner.segment.words import dictionary_version

    fresh = list(_remembered.__wrapped__(text, dictionary_version()))
    assert missing_numbers(text) == fresh
    assert missing_numbers(text) == fresh  # the second time from the cache


def test_new_words_give_a_new_answer() -> None:
    from miner.segment import add_words
    from miner.segment.words import dictionary_version

    before = dictionary_version()
    add_words(["甲乙丙丁戊己庚"])  # a word no test text holds
    assert dictionary_version() == before + 1
