from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from miner.clean import clean_page
from miner.models import Page

PAGE = "\n".join(
    [
        "青禾范文网",
        "当前位置：首页 > 工作总结",
        "村创先争优活动总结",
        "发布时间：2013-05-02 浏览：12次",
        "今年以来，我村党支部扎实开展创先争优活动，组织述##paidbegin##职述廉，群众满意的`组织建设取得新成效。",
        "全村党员52名，全部作出公开承诺，兑现承诺事项86件。",
        "推荐度：",
        "点击下载文档",
    ]
)


def test_clean_page_removes_and_logs() -> None:
    cp = clean_page(Page("p.txt", PAGE, "utf-8"))
    kept = cp.text.text
    assert "范文网" not in kept and "发布时间" not in kept and "下载" not in kept
    assert "述职述廉" in kept and "满意的组织" in kept
    rules = {r.rule for r in cp.removals}
    assert {"site_header", "breadcrumb", "page_meta", "paid_marker", "watermark_char"} <= rules
    assert "download_prompt" in rules
    assert cp.walled
    for r in cp.removals:
        assert r.text.strip() == "" or r.text[:1] in PAGE[r.start : r.end]


def _covered(page: str) -> None:
    """Nothing lost: every non-space source character is kept or inside a removal."""
    cp = clean_page(Page("p.txt", page, "utf-8"))
    kept = cp.text
    for ch, off in zip(kept.text, kept.offsets, strict=True):
        assert page[off] == ch
    covered = set(kept.offsets)
    for r in cp.removals:
        assert 0 <= r.start <= r.end <= len(page)
        covered.update(range(r.start, r.end))
    lost = [i for i, ch in enumerate(page) if i not in covered and not ch.isspace()]
    assert lost == []


def test_clean_page_loses_nothing_on_a_real_shaped_page() -> None:
    _covered(PAGE)


_pieces = st.sampled_from(
    [
        "今年以来，全镇开展活动。",
        "\n",
        "\n\n",
        "##paidbegin##",
        "的`",
        "創(chuàng)",
        "【精品】",
        "相关热词搜索：总结",
        "推荐阅读：\n标题05-27",
        "发布时间：2012-01-01 来源：网络",
        " ",
        "第1篇",
        "abc",
    ]
)


@settings(max_examples=150, deadline=None)
@given(st.lists(_pieces | st.text(max_size=20), max_size=25).map("".join))
def test_clean_page_loses_nothing_on_any_text(page: str) -> None:
    _covered(page)


def test_classifier_is_opt_in_and_logged() -> None:
    body = [PAGE_BODY.replace("52", str(n)) for n in range(40, 46)]
    page = "\n".join(["某村工作总结", *body, "点击下方图片了解更多精彩内容"])
    plain = clean_page(Page("p.txt", page, "utf-8"))
    assert "classifier" not in {r.rule for r in plain.removals}
    with_model = clean_page(Page("p.txt", page, "utf-8"), classifier=True)
    assert all(r.rule != "classifier" or len(r.text) <= 60 for r in with_model.removals)
    assert with_model.text.text.count("今年以来") == 6


PAGE_BODY = (
    "今年以来，我村党支部扎实开展创先争优活动，全村党员52名全部作出公开承诺，兑现承诺事项86件。"
)


BODY = "今年以来，我村党支部扎实开展创先争优活动，全村党员全部作出公开承诺，群众满意度明显提高。"


def test_a_teaser_repeats_the_opening_after_the_body() -> None:
    text = "\n".join(
        [
            "村创先争优活动总结",
            BODY,
            "组织建设取得新成效，兑现承诺事项86件。",
            "结尾一句。",
            BODY,
            "点击下载文档",
        ]
    )
    cp = clean_page(Page("p.txt", text, "utf-8"))
    assert [r.rule for r in cp.removals if r.text.strip() == BODY] == ["teaser"]
    assert cp.text.text.count(BODY) == 1


def test_a_short_pages_only_body_line_is_not_its_own_teaser() -> None:
    text = "\n".join(
        ["# 秋高气爽，到底爽在哪儿？", "某某县融媒体中心", BODY, "推荐阅读", "某某标题一"]
    )
    cp = clean_page(Page("p.txt", text, "utf-8"))
    assert BODY in cp.text.text
