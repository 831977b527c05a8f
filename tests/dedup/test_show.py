from __future__ import annotations

from miner.dedup.align import align_pair
from miner.dedup.show import Side, pair_html

A = "我乡开展双创双争活动，成立了领导小组，召开动员大会，统一了思想认识，<script>alert(1)</script>。"
B = A.replace("我乡", "我社区")


def test_page_marks_passages_and_swaps_and_escapes_text() -> None:
    page = pair_html(
        Side("a", "标题<b>", A), Side("b", None, B), align_pair("a", A, "b", B), {"kind": "near"}
    )
    assert "<script>" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "标题&lt;b&gt;" in page
    assert '<mark class="swap">我乡</mark>' in page
    assert '<mark class="swap">我社区</mark>' in page
    assert page.count('<mark class="shared">') >= 2
