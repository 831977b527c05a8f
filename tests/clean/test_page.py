from __future__ import annotations

import pytest
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


@pytest.mark.parametrize("label", ["本文摘要：", "简介：", "**导读：**"])
def test_a_sites_summary_that_the_body_repeats_is_a_teaser(label: str) -> None:
    summary = label + BODY[:30]
    page = "\n".join(["某镇活动总结", summary, BODY, "全年兑现承诺事项86件，群众满意。"])
    cp = clean_page(Page("p.txt", page, "utf-8"))
    assert [r.rule for r in cp.removals] == ["teaser"]
    assert cp.text.text.count(BODY[:30]) == 1


def test_an_editors_own_lead_stays() -> None:
    lead = "导语：全镇上下聚焦发展，一年来交出了一份沉甸甸的答卷。"
    page = "\n".join(["某镇活动总结", lead, BODY, "全年兑现承诺事项86件，群众满意。"])
    assert clean_page(Page("p.txt", page, "utf-8")).removals == []


def test_a_short_pages_only_body_line_is_not_its_own_teaser() -> None:
    text = "\n".join(
        ["# 秋高气爽，到底爽在哪儿？", "某某县融媒体中心", BODY, "推荐阅读", "某某标题一"]
    )
    cp = clean_page(Page("p.txt", text, "utf-8"))
    assert BODY in cp.text.text


# A WeChat export of a 社区's report, with the furniture of such pages around it.
WECHAT_PAGE = "\n".join(
    [
        "▲点击上方蓝字“柳塘社区发布”关注我们",
        "阅读本文前，请您先点击上面蓝色字体“柳塘社区发布”，再点关注，这样您就可以继续免费收到文章了。",
        "# 柳塘社区“双创双争”志愿服务月活动总结",
        "**双创双争｜志愿服务**",
        "今年9月，柳塘社区党委按照街道党工委“双创双争”活动的统一部署，",
        "组织开展了为期一个月的志愿服务月活动。现将活动情况总结如下：",
        "**一、精心组织，层层落实责任**",
        "社区成立了活动领导小组，召开动员会 2 次，将任务分解到 6 个网格、18 个楼栋。",
        "**二、突出重点，扎实开展服务**",
        "一是开展“敲门行动”。党员志愿者入户走访 426 户，收集居民意见建议 58 条。",
        "二是开展环境整治。组织集中清扫 9 次，清运垃圾 12 吨。",
        "三是开展便民服务。提供义诊、理发等服务 31 场，服务居民 1280 人次。",
        "**三、总结经验，建立长效机制**",
        "活动中，全社区共有 126 名志愿者参与服务，其中在职党员 47 名。",
        "社区将推行“积分兑换”制度，使志愿服务常态化、制度化。",
        "柳塘社区党委",
        "2012年10月26日",
        "文字｜周某某 图片｜吴某某 编辑｜郑某某",
        "**————往期推荐————**",
        "💗柳塘社区召开“双创双争”活动推进会",
        "💗一图读懂：社区志愿者积分怎么兑换？",
        "💗邻里节报名开始啦！",
        "**社区服务｜志愿招募｜便民信息｜办事指南**",
        "**【关于柳塘社区发布】**",
        "柳塘社区发布是柳塘社区党委的公众号，发布社区动态和便民服务信息，欢迎居民朋友关注。",
        "觉得好看，请点这里↓↓↓",
    ]
)


def test_a_wechat_page_keeps_the_report_and_nothing_around_it() -> None:
    cp = clean_page(Page("p.md", WECHAT_PAGE, "utf-8"))
    lines = [ln for ln in cp.text.text.split("\n") if ln.strip()]
    assert lines[0].startswith("# 柳塘社区")
    assert lines[-2:] == ["柳塘社区党委", "2012年10月26日"]
    rules = {r.rule for r in cp.removals}
    assert {"ad_block", "page_meta", "related_links", "navigation"} <= rules
    _covered(WECHAT_PAGE)


def test_a_site_tag_goes_from_the_title_and_the_heading_under_it() -> None:
    page = "\n".join(
        [
            "某某物流能否代替快递巨头？【某某体育app】_某某体育app",
            "某某物流能否代替快递巨头？【某某体育app】",
            "今年的双11争夺战预计更为惨烈，一些外来户也重新加入战团。",
            "过去两三年，公司一直在筹划租车业务，今年底将在部分城市试点。",
        ]
    )
    kept = clean_page(Page("p.txt", page, "utf-8")).text.text
    assert "体育app" not in kept and kept.count("某某物流能否代替快递巨头？") == 2
