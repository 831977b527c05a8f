"""Results remembered across lines and pages are the results computed afresh.

Cleaning remembers the rule of each edge line, the segmenter the tags of each clause,
the marker reader each line's marker: the same answer must come back, whatever was
asked before, and new user words must reach the tags.
"""

from __future__ import annotations

import sys

from hypothesis import given, settings
from hypothesis import strategies as st

from miner.clean import lines as lines_module
from miner.extract.markers import _read_marker, line_marker

# Cue words, markers and punctuation, so the rules and the marker reader have work to do.
ALPHABET = (
    "一二三四五（）()、.．1234①第是首先其次最后章节条部分附件篇"
    "点击关注公众号扫码客服下载全文版权所有来源作者发布时间编辑推荐阅读相关文章"
    "在看分享微信QQqq：:，。！？*#【】 \u3000\n的了工作总结我镇投入资金万元人"
)
TEXT = st.text(alphabet=ALPHABET, max_size=50) | st.text(max_size=30)


@settings(max_examples=300, deadline=None)
@given(line=TEXT, in_head=st.booleans())
def test_an_edge_line_gets_the_rule_it_would_get_afresh(line: str, in_head: bool) -> None:
    fresh = lines_module._line_rule(line, True, in_head)
    assert lines_module._edge_line_rule(line, in_head) == fresh
    assert lines_module._edge_line_rule(line, in_head) == fresh  # now from the cache


@settings(max_examples=300, deadline=None)
@given(line=TEXT)
def test_a_line_gets_the_marker_it_would_get_afresh(line: str) -> None:
    fresh = _read_marker.__wrapped__(line)
    found = line_marker(line)
    assert found is None or found == fresh
    assert line_marker(line) == found  # now from the cache


def test_classify_lines_judges_a_page_the_same_twice() -> None:
    page = ["某某范文网", "当前位置 首页 > 总结", "正文。", "相关文章:", "标题一05-27"]
    first = lines_module.classify_lines(page)
    assert lines_module.classify_lines(page) == first


def test_new_words_reach_the_remembered_tags() -> None:
    from miner.segment import add_words
    from miner.segment.words import tag_pairs

    words = sys.modules["miner.segment.words"]
    text = "推进壬癸子丑寅卯工作"
    before = tag_pairs(text)
    assert tag_pairs(text) == before  # from the cache
    assert before == tuple(words._engine()[1].tag(text))
    add_words(["壬癸子丑寅卯"])  # a word no other test text holds
    assert "壬癸子丑寅卯" in [w for w, _ in tag_pairs(text)]
