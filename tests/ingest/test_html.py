"""HTML to text: markup dropped, and markup that never closes read as text in linear time."""

from __future__ import annotations

import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from miner.ingest.html import defuse, html_to_text

PAGE = (
    '<html><head><meta charset="utf-8"><title>某村工作总结</title>'
    "<style>p > b {color: red}</style><script>if (a<b && c>d) {x = '<p>';}</script>"
    '<!--[if lt IE 9]><script src="x.js"></script><![endif]--></head>'
    '<body><!-- <div>旧版</div> --><p class="a>b">一、基本情况</p>'
    "<br/><p>全村党员52名。</p><?php echo 1; ?><![CDATA[x]]></body></html>"
)


def test_html_defuse_leaves_well_formed_markup_alone() -> None:
    assert defuse(PAGE) == PAGE
    assert html_to_text(PAGE).splitlines() == ["某村工作总结", "一、基本情况", "全村党员52名。"]


@pytest.mark.parametrize(
    "markup",
    ["<a ", '<a b="', "<!-- ", "<![CDATA[", "</a <", "<?x <"],
)
def test_html_markup_that_never_closes_is_text_read_in_linear_time(markup: str) -> None:
    html = "<p>正文。</p>" + markup * 20_000  # over a minute for "<a " before defusing
    t0 = time.perf_counter()
    text = html_to_text(html)
    assert time.perf_counter() - t0 < 5  # measured under 0.1 s
    assert text.startswith("正文。")


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("<>/!?-[]ab \"'=文字\n&;")), max_size=120))
def test_html_defuse_only_escapes_and_the_parser_never_raises(html: str) -> None:
    defused = defuse(html)
    assert defused.replace("&lt;", "<") == html.replace("&lt;", "<")
    assert isinstance(html_to_text(html), str)
