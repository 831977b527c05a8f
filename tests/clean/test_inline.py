from __future__ import annotations

import pytest

from miner.clean.inline import find_inline


@pytest.mark.parametrize(
    ("text", "removed", "rule"),
    [
        ("组织述##paidbegin##职活动", "##paidbegin##", "paid_marker"),
        ("正文结束##PAIDEND##", "##PAIDEND##", "paid_marker"),
        ("更好的`组织保证", "`", "watermark_char"),
        ("创(chuàng)新", "(chuàng)", "pinyin_annotation"),
        ("區（qū）委", "（qū）", "pinyin_annotation"),
        ("创(chuang4)新", "(chuang4)", "pinyin_annotation"),
        (
            "本文摘要：某某手机版登录某某官网登录，今起开展",
            "某某手机版登录某某官网登录",
            "spam_keywords",
        ),
        ("yabo手机版登录:某某产品", "yabo手机版登录:", "spam_keywords"),
        ("本文摘要：某某app某某app官网襄阳电", "某某app某某app官网", "spam_keywords"),
        ("工作总结【精品例文】", "【精品例文】", "title_tag"),
        ("活动\u200b总结", "\u200b", "invisible_char"),
        ("相关标签\x07：某某", "\x07", "control_char"),
        (
            "并推荐成绩突出的党员上报至上级党组织表彰。某某秘书网\n五、保障",
            "某某秘书网",
            "site_watermark",
        ),
        ("花蛤\x85\x9f、蛤蜊", "\x9f", "control_char"),  # NEL is a line break; \x9f is not
    ],
)
def test_inline_noise_is_found(text: str, removed: str, rule: str) -> None:
    spans = find_inline(text)
    assert [(text[s:e], r) for s, e, r in spans] == [(removed, rule)]


@pytest.mark.parametrize(
    "text",
    [
        "配备了DVD(dvd)播放机",  # Latin in brackets without a tone mark is not pinyin
        "甲烷(ch4)浓度超标",  # a formula: no vowel
        "型号(a1)设备",  # one letter and a digit
        "请通过国家政务服务平台官网登录办理",  # a site named once: the article's instructions
        "用户可在手机版登录后查看",
        "请到学习强国app官网下载",  # an app named once
        "采用“1+6”模式(试行)",
        "【工作目标】全年完成培训",  # a bracketed heading is content
        "code `x` in English",
        "第一页\f第二页\v表格\t列",  # page, line and tab breaks are layout
        "我们要善于利用网络。互联网\n",  # a common noun, not a site
        "成效明显。某某网站上公布了名单",  # inside a line: the article's words
        "(二)审查时间。某某考试网\n",  # an item naming where to look
    ],
)
def test_inline_keeps_content(text: str) -> None:
    assert find_inline(text) == []


def test_a_converted_documents_page_counter_even_inside_a_sentence() -> None:
    text = "第1页共8页某某幼儿园活动总结……才能符合第2页共8页科学发展观的要求。详见第3页。"
    spans = [(text[a:b], rule) for a, b, rule in find_inline(text)]
    assert spans == [("第1页共8页", "page_counter"), ("第2页共8页", "page_counter")]


def test_a_forums_jammer_filler_at_a_lines_edges() -> None:
    text = (
        "述职报告是书面报告。 i( j( e7 Z2 {! |0 K\n# L* n6 Q% ^* `$ j8 f/ d 1.首部。主要包括标题。"
    )
    spans = [(text[a:b], rule) for a, b, rule in find_inline(text)]
    assert spans == [("i( j( e7 Z2 {! |0 K", "jammer"), ("# L* n6 Q% ^* `$ j8 f/ d", "jammer")]


@pytest.mark.parametrize(
    "text",
    ["计算 x + y = z 的值", "| a | b | c |", "选项 A B C D 中选一个", "版本 v1 v2 v3 v4 已发布"],
)
def test_formulas_tables_and_options_are_no_jammer(text: str) -> None:
    assert find_inline(text) == []


@pytest.mark.parametrize(
    ("text", "removed"),
    [
        ('规范TOC \\o "1-2" \\h \\u第一章', 'TOC \\o "1-2" \\h \\u'),
        ("见PAGEREF _Toc2342 \\h 第3页", "PAGEREF _Toc2342 \\h"),
        ("公文的含义 x0dx0ax0dx0a公文就是", "x0dx0ax0dx0a"),
    ],
)
def test_what_a_word_export_leaves_of_its_fields(text: str, removed: str) -> None:
    assert [(text[a:b], rule) for a, b, rule in find_inline(text)] == [(removed, "field_code")]


def test_a_word_about_a_table_of_contents_stays() -> None:
    assert find_inline("TOC是目录的缩写，x0d是回车的编码。") == []


def test_a_classifieds_plea_to_name_the_site_is_cut_from_the_listing() -> None:
    text = "房屋概况：精装修，拎包入住，联系我时请说明是在某某分类网看到的……\n房屋位置：新城区"
    spans = find_inline(text)
    assert [(text[a:b], rule) for a, b, rule in spans] == [
        ("，联系我时请说明是在某某分类网看到的……", "ad_block")
    ]


def test_saying_where_one_saw_something_is_prose() -> None:
    assert find_inline("他告诉记者，是在朋友圈看到的这条消息。") == []
