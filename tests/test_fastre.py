from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import miner.clean.flags as flags_module
import miner.clean.inline as inline_module
import miner.clean.lines as lines_module
import miner.extract.markers as markers_module
from miner.fastre import ORIGINAL, prefiltered

PATTERNS = [
    re.compile(r"素材库|客服|(?<!游)客服号"),
    re.compile(r"^\W*点击|关注.{0,8}公众号|\d+\+?人已?关注"),
    re.compile(r"(?:微信|QQ)\s*[:：]\s*[A-Za-z0-9_-]{5,}", re.I),
    re.compile(r"(?:地址|热线)?[:：]"),  # may start with ：
    re.compile(r"(?:abc)?"),  # matches the empty string: left alone
    re.compile(r".{0,2}在看"),  # may start anywhere: left alone
    re.compile(r"(?:微信|添加|加)客服号?|加微(?![信博])|问(?<!解决问)题|点(?:击)?.{0,8}蓝字|©"),
    re.compile(r"(?i:vip)会员|[素客](?:材|服)$|a(?:b)?c|\d{2,}[a-z]|x+y"),
]
# Every pattern cleaning guards, with the original it must agree with.
WRAPPED = [
    ORIGINAL[v]
    for module in (lines_module, inline_module, flags_module, markers_module)
    for v in vars(module).values()
    if isinstance(v, re.Pattern) and v in ORIGINAL
]
ALPHABET = (
    "素材库客服号游点击关注公众号人已在看微信QQqq：:地址热线abcABC1234 _-+\n#*，。`(（)）àpaid【】精品的"
    "加添博蓝字解决问题©VvIiPp会员xy"
    "_＿＊“”、．.（一二①是要首先其次第，；。"
)


def test_the_lookahead_lists_the_first_characters() -> None:
    assert prefiltered(re.compile("素材库|客服")).pattern == "(?=[客素][服材])(?:素材库|客服)"
    # a branch whose second character may be any: its first character alone admits it
    assert prefiltered(re.compile("点.{0,8}蓝字|客服")).pattern == (
        "(?=[客点])(?=[点]|[客][服])(?:点.{0,8}蓝字|客服)"
    )
    # a match of one character has no second one
    assert prefiltered(re.compile("©|客服")).pattern == "(?=[©客])(?=[©]|[客][服])(?:©|客服)"
    assert prefiltered(PATTERNS[4]) is PATTERNS[4]
    assert prefiltered(PATTERNS[5]) is PATTERNS[5]
    assert prefiltered(PATTERNS[1]).pattern.startswith("(?:^|(?=[")


def test_lines_uses_it_for_its_cue_lists() -> None:
    assert len(WRAPPED) >= 8


@pytest.mark.parametrize("pattern", PATTERNS + WRAPPED, ids=lambda p: p.pattern[:30])
@settings(max_examples=300, deadline=None)
@given(text=st.text(alphabet=ALPHABET, max_size=40) | st.text(max_size=40))
def test_same_matches_as_the_original(pattern: re.Pattern[str], text: str) -> None:
    fast = prefiltered(pattern)
    assert [m.span() for m in fast.finditer(text)] == [m.span() for m in pattern.finditer(text)]
    assert bool(fast.match(text)) == bool(pattern.match(text))


def test_any_of_finds_a_needle_taken_literally() -> None:
    from miner.fastre import any_of

    hint = any_of("小编", "B站", "↑")
    assert hint.search("今天小编为大家整理") and hint.search("关注B站") and hint.search("见上↑")
    assert not hint.search("本镇开展活动") and any_of("a.b").search("axb") is None


def _every_guarded_pattern() -> list[re.Pattern[str]]:
    import miner.pipeline  # noqa: F401  (imports every module that guards a pattern)

    return list(ORIGINAL.values())


@pytest.mark.parametrize("pattern", _every_guarded_pattern(), ids=lambda p: p.pattern[:30])
@settings(max_examples=150, deadline=None)
@given(text=st.text(alphabet=ALPHABET, max_size=40) | st.text(max_size=40))
def test_every_guard_in_miner_keeps_the_matches(pattern: re.Pattern[str], text: str) -> None:
    fast = prefiltered(pattern)
    assert [m.span() for m in fast.finditer(text)] == [m.span() for m in pattern.finditer(text)]
