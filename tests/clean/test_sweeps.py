from __future__ import annotations

import pytest

from miner.clean.sweeps import sweep_page

BODY = "今年以来，我镇党委按照县委统一部署，扎实开展创先争优活动，全镇党员干部积极参与，取得了明显成效。"


def _swept(lines: list[str], rules: dict[int, str] | None = None) -> dict[int, str]:
    rules = dict(rules or {})
    nonempty = [i for i, ln in enumerate(lines) if ln.strip()]
    sweep_page(lines, nonempty, rules, frozenset(), rejudge=lambda: None)
    return rules


def test_dated_titles_with_no_header_close_the_page() -> None:
    titles = ["某某县召开安全生产会议2021-07-22", "某某镇开展消防演练2021-07-20"]
    assert _swept([*[BODY] * 8, *titles]) == {8: "related_links", 9: "related_links"}


def test_a_signature_stops_every_sweep() -> None:
    lines = [*[BODY] * 8, "某某镇人民政府", "2021年7月22日"]
    assert _swept(lines) == {}


def test_lines_between_two_pieces_of_furniture_go_with_them() -> None:
    lines = [*[BODY] * 8, "扫码关注我们", "**某某电台！**", "版权所有 某某网"]
    rules = _swept(lines, {8: "ad_block", 10: "copyright"})
    assert rules[9] == "ad_block"


def test_the_rules_are_judged_again_between_rounds() -> None:
    calls: list[int] = []
    lines = [*[BODY] * 8, "某某县召开会议2021-07-22", "某某镇开展演练2021-07-20"]
    nonempty = list(range(len(lines)))
    rules: dict[int, str] = {}
    sweep_page(lines, nonempty, rules, frozenset(), rejudge=lambda: calls.append(len(rules)))
    assert calls == [2]  # one round found the list; the next found nothing more


def test_footers_the_corpus_repeats_only_when_asked() -> None:
    lines = [*[BODY] * 8, "感谢每一位读者一路以来的陪伴与信任"]
    nonempty = list(range(len(lines)))
    rules: dict[int, str] = {}
    sweep_page(lines, nonempty, rules, frozenset(), rejudge=lambda: None)
    assert rules == {}
    sweep_page(
        lines,
        nonempty,
        rules,
        frozenset({"感谢每一位读者一路以来的陪伴与信任"}),
        rejudge=lambda: None,
    )
    assert rules == {8: "repeated_footer"}


def test_tagged_headlines_under_the_articles_credit() -> None:
    titles = [
        "【公告】某某区秋季小学招生公告",
        "【一图读懂】某某防疫行为准则",
        "【通知】某某区停水通知",
    ]
    lines = [*[BODY] * 8, "来源：某某区市场监督管理局", *titles]
    assert _swept(lines, {8: "page_meta"}) == {
        8: "page_meta",
        9: "related_links",
        10: "related_links",
        11: "related_links",
    }


def test_plain_headlines_under_a_credit_stay() -> None:
    # 附： notes of the article's own may follow its credit
    notes = ["附件一某某区招生范围表", "附件二某某区报名材料清单", "附件三某某区咨询电话表"]
    lines = [*[BODY] * 8, "来源：某某区教育局", *notes]
    assert _swept(lines, {8: "page_meta"}) == {8: "page_meta"}


def test_headlines_between_a_credit_and_a_closing_heading() -> None:
    lines = [
        *[BODY] * 8,
        "来源：某某网",
        "##",
        "**某某主题活动征集快闪领唱！**",
        "##",
        "**在某地见证爱！某某节报名开启**",
        "## **汇总！各市县名单公布**",
    ]
    rules = _swept(lines, {8: "page_meta", 9: "separator", 11: "separator"})
    assert rules[13] == "related_links"
    assert rules[10] == rules[12] == "ad_block"


def test_a_prompt_broken_into_plain_lines() -> None:
    lines = [
        *[BODY] * 8,
        "生活中如您遇到需要帮忙的情形",
        "或看到有意思的新闻线索",
        "可及时联系我们",
    ]
    assert _swept(lines, {10: "ad_block"}) == {8: "ad_block", 9: "ad_block", 10: "ad_block"}
    # a closing line of the writer's above a prompt that starts afresh stays
    lines = [*[BODY] * 8, "让我们一起期待吧", "扫码关注我们"]
    assert _swept(lines, {9: "ad_block"}) == {9: "ad_block"}


@pytest.mark.parametrize(
    "after",
    [
        ["**某某中学****校训：德行天下 家国情怀"],
        ["**不忘初心 牢记使命**"],
    ],
)
def test_an_accounts_motto_under_its_credits(after: list[str]) -> None:
    lines = [*[BODY] * 8, "编辑：某某", "审核：某某", *after]
    rules = _swept(lines, {8: "page_meta", 9: "page_meta"})
    assert all(rules.get(i) == "ad_block" for i in range(10, len(lines)))


@pytest.mark.parametrize(
    ("mark", "after"),
    [
        ("编辑：某某", ["某某镇人民政府", "2022年5月6日"]),  # a signature and its date
        ("图片来源：某某", ["活动结束后大家纷纷表示收获很大"]),  # the article goes on
        ("编辑：某某", ["第一段", "第二段", "第三段"]),  # more than a motto
    ],
)
def test_what_follows_a_credit_may_be_the_articles(mark: str, after: list[str]) -> None:
    lines = [*[BODY] * 8, mark, *after]
    rules = _swept(lines, {8: "page_meta"})
    assert all(i not in rules for i in range(9, len(lines)))


def test_a_newsletters_stories_between_their_credits_stay() -> None:
    story = ["**日常工作**", "玉堂基地、库管科小伙伴做好日常消毒工作。", "玉堂基地"]
    lines = [*[BODY] * 8, "通讯员/某某", *story, "通讯员/某某某"]
    assert _swept(lines, {8: "page_meta", 12: "page_meta"}) == {8: "page_meta", 12: "page_meta"}


def test_numbered_headlines_between_quote_rules_end_the_page() -> None:
    titles = [
        "> 1.古代殉葬时，为何要这样做？",
        "> 2.细思极恐，这些东西你家有吗？",
        "> 3.为什么很多人不知道？",
    ]
    lines = [*[BODY] * 8, titles[0], ">", titles[1], ">", titles[2], ">"]
    rules = _swept(lines, {9: "separator", 11: "separator", 13: "separator"})
    assert [rules.get(i) for i in (8, 10, 12)] == ["related_links"] * 3


def test_a_reports_numbered_points_stay() -> None:
    points = ["1.加强组织领导。", "2.完善工作机制！", "3.强化督查问责"]
    assert _swept([*[BODY] * 8, *points]) == {}
    # numbered from 2: the list began above, in the article
    asks = ["2.为什么要这样做？", "3.怎样才能做好？", "4.谁来负责？"]
    assert _swept([*[BODY] * 8, *asks]) == {}


def test_a_header_over_the_closing_link_list_goes_with_it() -> None:
    titles = [
        "1、某地将新增一条快速通道，途径这些地方……",
        "2、祝贺！某某入选人才计划",
        "3、征地拆迁！涉及这些地方……",
    ]
    rules = _swept([*[BODY] * 8, "**精彩回顾**", *titles])
    assert [rules.get(i) for i in range(8, 12)] == ["related_links"] * 4
    # over the event's own pictures it is the report's section
    assert _swept([*[BODY] * 8, "**精彩回顾**", "同学们认真聆听讲座", "活动现场"]) == {}


def test_a_tables_rows_are_no_series_of_titles() -> None:
    rows = [
        "| 快递 | 78307469837466 | 郭某 |",
        "| 快递 | JT2953799551970 | 周某 |",
        "| 快递 | 776404025151973 | 周某某 |",
    ]
    lines = [
        *[BODY] * 8,
        "| 快递公司 | 单号 | 收件人 |",
        *rows,
        "某某服务站联系方式",
        "微信/手机：[phone number]",
    ]
    rules = _swept(lines, {13: "contact"})
    assert not {8, 9, 10, 11} & rules.keys()


def test_two_headlines_with_their_columns_tags_end_the_page() -> None:
    titles = ["建议来了丨康复后返岗，这六件事要注意！", "国庆特辑丨万家山河无恙，盛世中华繁昌"]
    rules = _swept([*[BODY] * 8, *titles])
    assert rules == {8: "related_links", 9: "related_links"}
    # one alone may be the article's own closing heading
    assert _swept([*[BODY] * 8, titles[0]]) == {}


def test_bare_ids_inside_a_sellers_card() -> None:
    lines = [
        "# 某某通知",
        "微信客服号：",
        "abcd00 abcd02 abcd03",
        "温馨提示：如需发布信息，请联系我们",
        *[BODY] * 8,
    ]
    rules = _swept(lines, {1: "ad_block", 3: "ad_block"})
    assert rules.get(2) == "ad_block"
    # a model number between two of the article's own lines stays
    lines = [*[BODY] * 4, "KDN-04 ZF-06 SZF-06", *[BODY] * 4]
    assert _swept(lines) == {}


def test_one_bulleted_title_with_its_columns_tag_ends_the_page() -> None:
    rules = _swept([*[BODY] * 8, "◀【重要通知】某某镇新增一处采样点（某某路采样点）"])
    assert rules == {8: "related_links"}
    assert _swept([*[BODY] * 8, "●加强组织领导"]) == {}


@pytest.mark.parametrize("last", ["**课程咨询**", "报名咨询：", "**联系方式**"])
def test_a_heading_over_a_missing_contact_card_ends_nothing(last: str) -> None:
    assert _swept([*[BODY] * 8, last]) == {8: "ad_block"}


def test_a_consultation_heading_with_its_text_below_stays() -> None:
    assert _swept([*[BODY] * 7, "**政策咨询**", BODY]) == {}


def test_a_blogs_recent_comments_close_the_page() -> None:
    comments = ["小王发表在《某某古镇游记》", "abc发表在《春季登山路线推荐》"]
    assert _swept([*[BODY] * 8, *comments]) == {8: "related_links", 9: "related_links"}


def test_one_line_saying_where_a_paper_appeared_stays() -> None:
    assert _swept([*[BODY] * 8, "课题组发表在《某某学报》"]) == {}


def test_an_accounts_card_of_labels_under_its_last_prompt() -> None:
    card = ["点击某某书院", "欣赏更多优秀作文", "**某某书院**", "**让阅读点亮童年**"]
    lines = [*[BODY] * 8, "扫码关注我们", *card]
    assert _swept(lines, {8: "ad_block"}) == {i: "ad_block" for i in range(8, 13)}


def test_three_lines_under_a_credit_stay() -> None:
    lines = [*[BODY] * 8, "来源：某某日报", "春风十里", "不如你", "我们明年再见"]
    assert _swept(lines, {8: "page_meta"}) == {8: "page_meta"}


def test_the_last_line_pointing_down_at_nothing() -> None:
    assert _swept([*[BODY] * 8, "各地都有服务网点↓"]) == {8: "ad_block"}
    for last in ("详见链接", "**看详情**", "**一起来看**", "**上届回顾**"):
        assert _swept([*[BODY] * 8, last]) == {8: "ad_block"}
    assert _swept([*[BODY] * 8, "具体安排如下↓", BODY]) == {}
