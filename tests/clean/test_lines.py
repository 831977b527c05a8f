from __future__ import annotations

import pytest

from miner.clean.fragments import head_fragment
from miner.clean.lines import classify_lines

BODY = "今年以来，我镇党委按照县委统一部署，扎实开展创先争优活动，全镇党员干部积极参与，取得了明显成效。"


@pytest.mark.parametrize(
    ("line", "rule"),
    [
        ("青禾范文网", "site_header"),
        ("当前位置：首页 > 范文大全 > 工作总结", "breadcrumb"),
        ("发布时间：2013-05-02 来源：网络 浏览：321次", "page_meta"),
        ("分享 收藏 加入收藏 我要投稿 点赞", "page_actions"),
        ("首页|工作总结|工作计划|心得体会|讲话稿", "navigation"),
        ("版权所有 青禾范文网 备案号：京ICP备00000001号", "copyright"),
        ("海量素材库每日更新，开通会员一键下载，添加客服：1 2345", "ad_block"),
        ("在线视频,免费观看,午夜剧场,高清电影,精品专区", "spam_keywords"),
        ("点击下载文档", "download_prompt"),
        ("k3v9x2m7q1w8e5r0t4y6", "download_prompt"),
        ("原文链接：https://www.example.com/lar/58783248d9ecdd.html", "site_header"),
        ("【文档编号】 DOC.12.1075244", "page_meta"),
        ("##", "separator"),
        ("false", "separator"),
        ("点个在看你最好看", "ad_block"),
        ("首页 上一页 1 2 3 下一页 尾页", "navigation"),
        ("出品人：张某", "page_meta"),
        ("（来源：某某日报）", "page_meta"),
        ("网址：www.example.com", "site_header"),
        ("本文关键词：总结,计划,方案", "related_links"),
        ("资料来源网络，版权归原作者所有，如有侵权请联系删除。", "copyright"),
        ("编   辑：张某某", "page_meta"),
        ("**点击【阅读原文】进入报名入口**", "ad_block"),
        ("往期回顾", "ad_block"),
        ("综合整理：某某人才网", "page_meta"),
        ("**复核｜**张某", "page_meta"),
        ("文字|许某某", "page_meta"),
        ("某某广播电视台新闻频率融媒体出品", "page_meta"),
        ("**— END —**", "separator"),
        ("下为正文", "separator"),
        ("**微信号:AB-NEWS**", "ad_block"),
        ("请将“某某发布”加为星标，每次看完后别忘记点下“赞”“在看”。", "ad_block"),
        ("点蓝色字关注**“某某发布”**", "ad_block"),
        ("戳下方名片，一键关注不迷路", "ad_block"),
        ("获取更多政务资讯", "ad_block"),
        ("图片均来自网络，侵联删", "copyright"),
        ("本文仅供参考，不作为投资依据，股市有风险，投资需谨慎！", "copyright"),
    ],
)
def test_furniture_lines_at_the_page_edge(line: str, rule: str) -> None:
    lines = [line, BODY, BODY, BODY]
    assert classify_lines(lines).get(0) == rule


def test_related_links_block_takes_its_titles() -> None:
    lines = [BODY, BODY, "推荐阅读：", "社区党建工作总结05-27", "党员承诺书范文06-01"]
    assert classify_lines(lines) == {2: "related_links", 3: "related_links", 4: "related_links"}


def test_dated_titles_at_the_end_without_header() -> None:
    lines = [BODY, BODY, "村级换届工作总结2012-07-12", "主题党日活动方案2012-06-28"]
    assert classify_lines(lines) == {2: "related_links", 3: "related_links"}


@pytest.mark.parametrize(
    "line",
    [
        "通过微信公众号、宣传栏等形式广泛宣传，群众知晓率达95%以上。",
        "时间：2012年5月至6月，由镇党委统一组织实施。",
        "一、指导思想",
        "组长：张某某",
        "我镇积极开展网络平台建设，建成党员服务中心网站。",
    ],
)
def test_body_lines_are_kept(line: str) -> None:
    lines = [BODY, line, BODY, BODY, BODY, BODY, BODY, BODY, BODY, BODY, BODY, BODY, BODY, BODY]
    assert 1 not in classify_lines(lines)


def test_closing_web_furniture_is_swept_from_the_end() -> None:
    lines = [BODY, BODY, BODY, "来源：某某发布", "求点赞**", "欢迎关注！"]
    assert classify_lines(lines) == {3: "page_meta", 4: "ad_block", 5: "ad_block"}


def test_a_signature_or_numbered_item_stops_the_sweep() -> None:
    lines = [BODY, BODY, "3、报名微信请备注单位", "某某镇人民政府", "2012年12月20日"]
    assert classify_lines(lines) == {}


@pytest.mark.parametrize(
    "line",
    [
        "地址：某某市人民路8号（体育馆对面）",
        "**服务热线：**0000-1234567",
        "值班时间：周一至周五 9:00-17:00",
        "联系我们：某某社区居委会",
        "邮编：100000 传真：0000-7654321",
        "24小时救援：0000-12345678",
        "**13900000000 王老师**",
    ],
)
def test_contact_lines_at_the_end(line: str) -> None:
    lines = [BODY, BODY, BODY, line]
    assert classify_lines(lines) == {3: "contact"}


def test_a_contact_label_at_the_head_is_the_subject() -> None:
    # A short page's first lines are its head and tail at once: a venue there stays.
    lines = ["地址：某某镇文化站", BODY]
    assert classify_lines(lines) == {}


def test_a_numbered_clause_about_copyright_is_the_notice_itself() -> None:
    lines = [
        BODY,
        BODY,
        "（二）参赛作品的版权归原作者所有，主办方享有使用权。",
        "（三）作品须为原创。",
    ]
    assert classify_lines(lines) == {}


def test_legal_notice_of_any_length_at_the_end() -> None:
    notice = (
        "声明：本站部分文字与图片由用户上传，" + "如涉及权利问题请告知，" * 20 + "我们将及时处理。"
    )
    assert classify_lines([BODY] * 10 + [notice]) == {10: "copyright"}
    # the same words opening a page are a statement's own text
    assert classify_lines([notice, BODY]) == {}


def test_last_line_that_cannot_end_an_article() -> None:
    assert classify_lines([BODY, BODY, "某某电子网"]) == {2: "site_header"}
    assert classify_lines([BODY, BODY, "## 另一篇文章的标题"]) == {2: "related_links"}
    # the last item of a listicle is its own text
    assert classify_lines([BODY, BODY, "## 3、最后一条建议"]) == {}


def test_a_reports_closing_sentence_is_not_a_follow_prompt() -> None:
    lines = [BODY, BODY, BODY, "项目何时复工尚无定论。本报将继续关注。"]
    assert classify_lines(lines) == {}


def test_a_table_figure_is_not_a_phone_number() -> None:
    lines = [BODY, BODY, BODY, "合计 12500000"]
    assert classify_lines(lines) == {}


def test_credit_labels_may_be_stacked() -> None:
    assert classify_lines(["编辑撰稿//某某", BODY, BODY]) == {0: "page_meta"}
    assert classify_lines([BODY, BODY, BODY, "版面设计：某某"]) == {3: "page_meta"}


def test_a_run_of_orphan_headings_ends_the_page_as_links() -> None:
    lines = [BODY, BODY, "# 大家都在看", "#另一篇文章的标题", "#又一篇，文章的标题"]
    assert classify_lines(lines) == {2: "related_links", 3: "related_links", 4: "related_links"}


@pytest.mark.parametrize(
    "line",
    [
        "阅读本文前，请您先点击上面的蓝色字体，再点击“关注”，这样您就可以继续免费收到文章了。",
        "后台回复【资料】免费领取考试资料",
        "**请进入小程序查看****▼**",
    ],
)
def test_more_follow_prompts(line: str) -> None:
    assert classify_lines([line, BODY, BODY]) == {0: "ad_block"}


def test_a_byline_glued_to_text_stays() -> None:
    assert classify_lines(["文/某某2004年2月25日，球队做了一件大事。", BODY, BODY]) == {}
    assert classify_lines([BODY, BODY, BODY, "文：某某"]) == {3: "page_meta"}


def test_an_issue_counter_at_the_head_is_meta() -> None:
    assert classify_lines(["**第350期·728篇**", BODY, BODY]) == {0: "page_meta"}
    assert classify_lines(["第1篇", BODY, BODY]) == {}  # a compilation marker is the splitter's


@pytest.mark.parametrize(
    ("line", "rule"),
    [
        ("**主办｜**某某团委", "page_meta"),
        ("|平台运维：某某新闻传媒中心", "page_meta"),
        ("图形及视频|某某某", "page_meta"),
        ("文稿丨张某某", "page_meta"),
        ("|商务合作：[phone number]|投稿邮箱：[email]", "contact"),
        ("**联系我们**", "contact"),
        ("回复关键字'**p1506**'", "ad_block"),
        ("2，点个再看", "ad_block"),
        ("******觉得好看，请点这里******↓↓↓", "ad_block"),
        ("**加小姐姐微信**", "ad_block"),
        ("****有问题欢迎到公众号对话框回复****“人工”", "ad_block"),
        ("长按进入官网**", "ad_block"),
        ("-广告-", "ad_block"),
        ("推 荐 阅 读", "related_links"),
        ("**精彩 · 推荐**", "related_links"),
        ("您访问的链接即将离开“某某政务服务平台”门户网站 是否继续？", "site_header"),
        ("下载", "page_actions"),
    ],
)
def test_more_closing_furniture(line: str, rule: str) -> None:
    assert classify_lines([BODY] * 14 + [line]).get(14) == rule


def test_many_reply_prompts_in_one_long_line() -> None:
    line = "**公众号对话框回复关键字**" + "".join(
        f"**回复**【{k}】获取 某某市{k}名单及服务时间、地点和联系方式" for k in "甲乙丙丁戊己"
    )
    assert len(line) > 160
    assert classify_lines([BODY] * 14 + [line]).get(14) == "ad_block"


def test_a_label_bar_name_line_in_the_head_is_a_column_tag() -> None:
    assert classify_lines(["专题｜某某", BODY, BODY]).get(0) is None


def test_related_titles_may_exclaim_inside() -> None:
    lines = [
        BODY,
        BODY,
        "**推荐阅读**",
        "省级名单公布！某市上榜的是…",
        "事关春节出行！这些方向增开列车",
    ]
    assert classify_lines(lines) == {2: "related_links", 3: "related_links", 4: "related_links"}


def test_a_ranking_list_closes_the_page() -> None:
    ranked = ["1女性职场礼仪要点", "2男性职场社交礼仪常识", "3处理下属矛盾的方法介绍"]
    assert classify_lines([BODY] * 5 + ranked) == {
        5: "related_links",
        6: "related_links",
        7: "related_links",
    }
    # Numbers glued to units are figures, and two lines are not yet a list.
    assert classify_lines([BODY] * 5 + ["1月完成任务", "2月完成任务", "3月完成任务"]) == {}
    assert classify_lines([BODY] * 5 + ranked[:2]) == {}


def test_titles_glued_with_their_dates() -> None:
    line = "相机降价2008-04-28 08:03单反市场硝烟正浓2008-04-28 07:10卡片机推荐2008-04-28 05:21"
    assert classify_lines([BODY] * 5 + [line]).get(5) == "related_links"


def test_short_lines_between_two_closing_furniture_lines() -> None:
    lines = [BODY] * 10 + [
        "阅读原文申请岗位，第一时间获取更多优质兼职资讯，敬请扫码加入社区。",
        "**某某：以工匠精神精进翻译。**",
        "为广大客户提供各大行业语言翻译服务；",
        "如何考取全国唯一的权威同传证书？",
        "**更多课程阅读原文查看，业务合作请直接添加微信 abc123.**",
    ]
    assert sorted(classify_lines(lines)) == [10, 11, 12, 13, 14]


@pytest.mark.parametrize(
    "between",
    [
        ["某某县委组织部", "2023年5月1日"],  # the report's own signature
        [
            "这一段是报告正文里很长的一句话，它超过了四十个字符，所以它不会被当作页脚里的短行而被删掉。"
        ],
    ],
)
def test_what_stops_the_between_sweep(between: list[str]) -> None:
    lines = [BODY] * 10 + ["阅读原文获取更多资讯，点个在看", *between, "相关文章：", "标题一05-27"]
    rules = classify_lines(lines)
    assert 10 in rules
    assert all(10 + k + 1 not in rules for k in range(len(between)))


def test_an_address_is_not_where_closing_furniture_begins() -> None:
    lines = [BODY] * 10 + [
        "（上课地址：某市某路1号）",
        "恭喜中签的学员啦",
        "大家假期愉快",
        "相关文章：",
        "标题一05-27",
    ]
    rules = classify_lines(lines)
    assert 11 not in rules and 12 not in rules


@pytest.mark.parametrize(
    ("line", "rule"),
    [
        (
            "某某观察【--】于2021-07-2211:35:58由某某收录站整理收录，目前已有次浏览，结果仅供参考。",
            "page_meta",
        ),
        ("医院网址：https://www.example.org/**医院服务号**", "site_header"),
        ("完整文档领取**", "download_prompt"),
        ("诸 城 顺 风 车 网**", "site_header"),
    ],
)
def test_tail_lines_of_directory_and_account_pages(line: str, rule: str) -> None:
    assert classify_lines([BODY] * 14 + [line]).get(14) == rule


@pytest.mark.parametrize(
    "line",
    [
        "9月21日某教练在个人视频号进行了主题分享。后来大家都很喜欢这次分享的内容。",
        "1月10日早晨上班路上，我在路边扫码开共享单车。然后骑车去单位上班。",
        "据湖北省医保局官方微信26日消息**2023年度城乡居民医保参保缴费时间延长了！",
    ],
)
def test_news_about_accounts_is_not_a_prompt(line: str) -> None:
    assert head_fragment(line) is None
    assert classify_lines([line, BODY, BODY]) == {}


@pytest.mark.parametrize(
    ("line", "rule"),
    [
        ("初审：某系学生会主席某某复审：某系辅导员某某终审：某系党总支书记某某", "page_meta"),
        (
            "本公众号发布的数据、信息，仅供交流和参考，不对您构成任何投资建议，据此操作风险自担。",
            "copyright",
        ),
        (
            "注：本文部分图片来自于网络，若有来源标注错误或侵犯了您的合法权益，请后台留言。",
            "copyright",
        ),
    ],
)
def test_glued_credits_and_disclaimers_at_the_end(line: str, rule: str) -> None:
    assert classify_lines([BODY] * 14 + [line]).get(14) == rule


def test_bulleted_titles_end_the_page() -> None:
    titles = ["●筑牢“防火墙”打好森林防火这场硬仗", "●景美、有趣、好逛，某某花都你去过了吗？"]
    assert classify_lines([BODY] * 8 + titles) == {8: "related_links", 9: "related_links"}
    points = ["●严格落实安全生产责任制；", "●加强隐患排查治理。"]
    assert classify_lines([BODY] * 8 + points) == {}


def test_a_numbered_item_naming_a_source_of_funds_is_content() -> None:
    line = "六、项目总投资和资金来源：项目总投资2188万元，发布：由县政府统一安排"
    assert 14 not in classify_lines([BODY] * 14 + [line])


def test_list_headers_made_of_parts_and_glued_to_a_title() -> None:
    glued = [
        "**------往期推荐-----**本周招聘合集！事业单位、医院",
        "某地人才招聘42人，公告来了",
        "某某集团招聘40人，报名进行中！",
    ]
    assert classify_lines([BODY] * 8 + glued) == {i: "related_links" for i in (8, 9, 10)}
    series = ["系列回顾⊙某某：某地发布新规的三点启示", "⊙某某：另一篇评论文章的标题"]
    assert classify_lines([BODY] * 8 + series) == {8: "related_links", 9: "related_links"}


def test_list_header_parts_are_not_a_title_or_an_event_section() -> None:
    assert 0 not in classify_lines(["今日推荐｜某某县召开创先争优推进会", *[BODY] * 12])
    assert classify_lines([BODY] * 8 + ["**精彩回顾**"]).get(8) != "related_links"


def test_any_symbol_bullets_titles_under_a_header() -> None:
    lines = [BODY] * 8 + ["**为您推荐**", "", "💗某某精神宣讲走进社区", "", "👉一图读懂某某新规"]
    assert classify_lines(lines) == {8: "related_links", 10: "related_links", 12: "related_links"}


def test_cut_short_cards_end_the_page() -> None:
    cards = [
        "某某职业学院2020年单独招生章···",
        "某某职业学院2020年单独考试招生章程第一章总则为贯彻落实有关文件精神…",
        "某某学院高职扩招答疑",
        "某某学院2020年高职扩招章程第一章总则第一条为深化招生录取制度改革...",
    ]
    assert classify_lines([BODY] * 6 + cards) == {i: "related_links" for i in range(6, 10)}


@pytest.mark.parametrize(
    "ending",
    [
        ["**汉堡、薯条、鸡翅、甜筒……**", "**鸡腿堡、香芋派、豆浆……**"],  # the writer's ellipsis
        ["工作中还存在一些不足，主要是……"],  # one paragraph trailing off
    ],
)
def test_what_is_not_a_cut_card(ending: list[str]) -> None:
    assert classify_lines([BODY] * 6 + ending) == {}


def test_a_row_of_column_links_in_the_tail() -> None:
    menu = "**某某校招解读专栏** **|****某某历史文章专栏****|****某某单位介绍专栏**"
    assert classify_lines([BODY] * 8 + [menu]) == {8: "navigation"}
    services = "**就业帮扶｜职业指导｜企业培训｜咨询落地**"
    assert classify_lines([BODY] * 8 + [services]) == {8: "navigation"}


@pytest.mark.parametrize(
    "rows",
    [
        ["**通州**某某·滨江丨某某里丨某某城MOMA丨金悦郡", "**门头沟**某某北京丨某某天峰丨某某长安"],
        ["| 项目 | 金额 | 完成率 |"],
        ["党建｜某镇召开创先争优推进会，部署下一步工作。"],
    ],
)
def test_rows_of_the_articles_own_listing_are_no_menu(rows: list[str]) -> None:
    assert classify_lines([BODY] * 8 + rows) == {}


@pytest.mark.parametrize(
    "line", ["这里已调用系统的评论列表模块无需修改!", "发表评论", "已有12人评论"]
)
def test_comment_boxes_at_the_edge(line: str) -> None:
    assert classify_lines([BODY] * 8 + [line]) == {8: "page_actions"}


def test_a_call_to_the_seller_in_the_tail() -> None:
    call = "关于课程详细信息，欢迎致电咨询400-123-4567或联系您的顾问老师"
    assert classify_lines([BODY] * 8 + [call]) == {8: "ad_block"}
    item = "三、咨询方式：欢迎来电咨询，电话0571-12345678。"
    assert classify_lines([BODY] * 8 + [item]).get(8) != "ad_block"


def test_the_lower_half_of_a_short_page_is_its_tail() -> None:
    page = ["某某学校与某某集团签署战略合作协议", BODY, BODY, "欢迎来电咨询400-123-4567"]
    assert classify_lines(page) == {3: "ad_block"}


@pytest.mark.parametrize(
    "line",
    [
        "阅读本文前，请您先点击上面蓝色字体“某某”，再点关注，这样您就可以继续免费收到文章了。",
        "本公众号由某某委员会主办，如果您还未关注，请点击上方蓝色“某某”进行关注。",
        "❤抖音搜索“某某人才网”，私信主播，找工作省时又省心！",
    ],
)
def test_opening_calls_to_follow(line: str) -> None:
    assert classify_lines([line, *[BODY] * 12]).get(0) == "ad_block"


@pytest.mark.parametrize(
    ("line", "rule"),
    [
        ("【郑重声明】凡本站未注明来源的作品，均转载自其它媒体，不代表本站观点。", "copyright"),
        ("添加时间:", "page_meta"),
        ("**招生咨询请联系王老师****[phone number]****或李老师[phone number]**", "contact"),
        ("> 本文来源 某某服务基地", "page_meta"),
    ],
)
def test_more_closing_lines(line: str, rule: str) -> None:
    assert classify_lines([BODY] * 8 + [line]) == {8: rule}


@pytest.mark.parametrize("line", ["中美联合声明：双方同意加强合作。", "门诊时间："])
def test_statements_and_labels_of_the_page_itself(line: str) -> None:
    assert classify_lines([BODY] * 8 + [line]) == {}


@pytest.mark.parametrize(
    ("line", "rule"),
    [
        ("版式|李某某 张某某", "page_meta"),
        ("某某医院服务号**", "ad_block"),
        ("**AUTHOR**", "separator"),
        ("详戳☞超3万套保障房将上线", "ad_block"),
        ("**52款一层别墅**|**83款二层别墅**|**346款三层别墅**", "navigation"),
    ],
)
def test_closing_lines_of_accounts(line: str, rule: str) -> None:
    assert classify_lines([BODY] * 8 + [line]) == {8: rule}


def test_an_invitation_to_a_chat_group_opens_the_page() -> None:
    assert classify_lines(["欢迎加入某某考试交流群：218300000", *[BODY] * 12]) == {0: "ad_block"}


@pytest.mark.parametrize(
    "line",
    [
        "想要申请的同学们，请赶快联系我们咨询详情吧~~~",
        "今天的分享就到这里啦，我们下期再见！",
        "请作者与本号联系，以奉稿酬",
        "**▌****本文来源：**某某区发展和改革委员会",
    ],
)
def test_sign_offs_calls_and_credits_at_the_end(line: str) -> None:
    assert 8 in classify_lines([BODY] * 8 + [line])


def test_a_hotline_above_the_article_but_not_a_title_with_a_number() -> None:
    assert classify_lines(["## **新闻热线：[phone number]**", *[BODY] * 12]) == {0: "contact"}
    title = "# 某地甲醛检测除甲醛一次多少钱[phone number]"
    assert classify_lines([title, *[BODY] * 12]) == {}


def test_titles_of_one_series_end_the_page() -> None:
    series = ["上册期末测试卷及答案一", "上册期末测试卷及答案二", "上册期末测试卷及答案三"]
    assert classify_lines([BODY] * 6 + series) == {
        6: "related_links",
        7: "related_links",
        8: "related_links",
    }
    years = [
        "2018年：健康中国，职业健康先行",
        "2019年：健康中国，职业健康同行",
        "2020年：健康中国，职业健康",
    ]
    assert classify_lines([BODY] * 6 + years) == {}


def test_a_prompt_below_a_bulleted_list_lets_the_list_go() -> None:
    titles = ["●某某中心召开半年度工作会议", "●直击现场！某某苗圃开学啦！"]
    lines = [BODY] * 8 + titles + ["在看你就赞赞我！喜欢你就分享我"]
    assert classify_lines(lines) == {8: "related_links", 9: "related_links", 10: "ad_block"}


@pytest.mark.parametrize(
    "lines",
    [
        ["**拓展阅读**", "**某某专栏|某某行业趋势展望**", "**品类洞察|某某品牌突围之道**"],
        ["**光热发****电阅读推荐**", "*某某项目预中标*", "*某某县加快推动新能源项目建设*"],
    ],
)
def test_more_list_headers(lines: list[str]) -> None:
    rules = classify_lines([BODY] * 8 + lines)
    assert sorted(rules) == [8, 9, 10] and rules[8] == "related_links"


def test_ranked_titles_with_a_colon_may_exclaim() -> None:
    ranked = ["1：某某新方案通过！", "2：多宗地块亮相！", "3：百城房价出炉！均价8246元/㎡！"]
    assert classify_lines([BODY] * 8 + ranked) == {
        8: "related_links",
        9: "related_links",
        10: "related_links",
    }


def test_an_accounts_about_block_ends_the_page() -> None:
    about = ["**【关于某某圈】**", "某某圈围绕生物医药产业链，提供大数据、技术和投资服务。"]
    assert classify_lines([BODY] * 8 + about) == {8: "ad_block", 9: "ad_block"}
    section = ["**【关于下一步工作】**", BODY, BODY, BODY, BODY]
    assert classify_lines([BODY] * 8 + section) == {}


def test_a_cards_blurb_between_its_list_and_the_closing_prompt() -> None:
    lines = [
        *[BODY] * 8,
        "**————好课推荐————**",
        "**《某某的故事》**",
        "要去了解音乐家的生平，才能表达出作品中的情感，这套书帮孩子走近音乐家的一生。",
        "戳下方名片👇👇👇关注某某教育",
    ]
    assert sorted(classify_lines(lines)) == [8, 9, 10, 11]


@pytest.mark.parametrize(
    ("line", "rule"),
    [
        ("审阅：某某某", "page_meta"),
        ("平台管理：某某分团委网络宣传部", "page_meta"),
        ("**欢迎添加咨询了解**", "ad_block"),
        ("欢迎学前教育行业的专业老师加入我们！", "ad_block"),
        ("订阅电子报，以获取某某赛事最新消息！", "ad_block"),
        ("回复“小区+面积”即可预约免费设计您家户型方案。", "ad_block"),
        ("主营范围：园林绿化工程；销售：园林机械、园艺工具", "ad_block"),
        (
            "某中心招聘公告，双休，五险某某有限公司招聘公告某某铝业有限公司招聘公告某某铜业招聘公告",
            "related_links",
        ),
    ],
)
def test_closing_lines_of_businesses_and_accounts(line: str, rule: str) -> None:
    assert classify_lines([BODY] * 8 + [line]) == {8: rule}


def test_a_list_of_notices_named_one_after_another_is_content() -> None:
    line = "附件：关于开展创先争优活动的通知、关于评选先进基层党组织的通知、关于表彰的通知"
    assert classify_lines([BODY] * 8 + [line]) == {}


def test_a_directory_of_branches_between_their_addresses() -> None:
    lines = [BODY] * 8 + ["●某某幼儿园", "地址：某市某路12号", "●某某早教中心", "地址：某市某路8号"]
    assert sorted(classify_lines(lines)) == [8, 9, 10, 11]


def test_a_short_pages_list_below_its_first_lines() -> None:
    page = [
        "# 某局招聘6人，报名进行中",
        "# 2022年某局公开招聘工作人员简章（6人）",
        "一、招聘岗位和人数：我局所属2个事业单位拟公开招聘工作人员6名，具体见附件。",
        "**------往期推荐-----**本周招聘合集！事业单位、医院、教师",
        "某地人才招聘42人，公告来了",
        "某集团招聘40人，报名进行中！",
    ]
    assert classify_lines(page) == {3: "related_links", 4: "related_links", 5: "related_links"}


@pytest.mark.parametrize("line", ["**查看：某地残疾人补贴你领了吗？**", "关注"])
def test_links_and_buttons_above_the_article(line: str) -> None:
    assert 0 in classify_lines([line, *[BODY] * 12])


def test_headlines_of_other_articles_under_the_last_sentence() -> None:
    headlines = [
        "团市委召开书记（扩大）会议传达学习会议精神",
        "钟华论：夺取新征程新胜利的根本保证",
        "青春热议|在服务奉献中绽放无悔青春——全市青年志愿者热议",
    ]
    rules = classify_lines([BODY] * 8 + headlines)
    assert rules == {8: "related_links", 9: "related_links", 10: "related_links"}


@pytest.mark.parametrize(
    "ending",
    [
        [
            "这应该是作为父母最大的骄傲吧！",
            "所以，勇敢放手，相信孩子们吧！",
            "有机会就进电影院看看这部电影吧！",
        ],
        [
            "地铁4号线“某某站”下，往西300米即到",
            "或地铁2号线“某某站”下，往东步行即到",
            "或公交D5至“某某站”下，步行即到",
        ],
        ["坚持党建引领！", "凝聚发展合力！", "共创美好未来！"],
    ],
)
def test_closing_words_and_directions_are_no_headlines(ending: list[str]) -> None:
    assert classify_lines([BODY] * 8 + ending) == {}


def test_related_reports_header_but_not_a_paragraph_opening_with_it() -> None:
    lines = [BODY] * 8 + ["相关报道：", "扎实推进“一带一路”核心区高质量发展"]
    assert classify_lines(lines) == {8: "related_links", 9: "related_links"}
    prose = "相关报道被国内自媒体转载，在国际教育圈引起热议。让人不解的是，这篇文章传播得如此之快。"
    assert classify_lines([BODY] * 8 + [prose]) == {}


def test_text_set_one_character_a_line() -> None:
    prompt = ["点", "蓝", "字", "，", "关", "注", "我"]
    rules = classify_lines(["# 某社区开展老年人智能手机教学活动", *prompt, *[BODY] * 12])
    assert rules == {i: "ad_block" for i in range(1, 8)}
    banner = ["金", "秋", "送", "读"]
    assert classify_lines(["# 某书店金秋活动", *banner, *[BODY] * 12]) == {
        i: "separator" for i in range(1, 5)
    }
    assert classify_lines([BODY, "甲", "乙", BODY] * 6) == {}  # two lines are a table's cells


def test_a_plug_for_a_business_the_article_never_named() -> None:
    plug = "深圳市某某电气技术有限公司是从事电力自动化产品研发、生产及销售为一体的高新技术企业。"
    assert classify_lines([BODY] * 6 + [plug]) == {6: "ad_block"}
    profile = ["某某电气技术有限公司成立于2005年，现有职工300余人。", BODY, BODY]
    assert classify_lines([*profile, plug.replace("深圳市", "")]) == {}
    founded = "某某矿山机械有限公司始建于1996年，是一家专业生产输送设备的企业。"
    assert classify_lines([BODY] * 6 + [founded]) == {6: "ad_block"}


def test_numbered_titles_with_a_column_bar_above_closing_furniture() -> None:
    titles = [
        "2.干货篇‖颜值与才华并存的推拉门！",
        "3.书房篇‖宁静致远，书香自来",
        "4.阳台篇‖可观雅景，亦可生活",
    ]
    closing = [
        "回复“小区+面积”即可预约免费设计您家户型方案。",
        "**➯ 某某装饰体验馆**",
        "点“阅读原文”了解更多",
    ]
    assert sorted(classify_lines([BODY] * 8 + titles + closing)) == list(range(8, 14))
    steps = [
        "2.加强组织领导，落实工作责任",
        "3.强化督促检查，确保取得实效",
        "4.注重总结宣传，扩大活动影响",
    ]
    assert classify_lines([BODY] * 8 + steps) == {}


@pytest.mark.parametrize(
    "line",
    ["即可免费领取52本精读好书", "接下来是广告植入时间：", "**点朵小花扩散让更多人知道↓↓↓**"],
)
def test_more_prompts(line: str) -> None:
    assert classify_lines([BODY] * 8 + [line]) == {8: "ad_block"}


@pytest.mark.parametrize(
    "line",
    [
        "找某城好工作，上某州人才网：",
        "**某德找工作，就上某德人才网**",
        "《某某大学考研专业》是由某某留学联盟为你整理。",
        "****-********---某山信息港-----****-",
    ],
)
def test_site_slogans_and_compiler_credits_at_the_edges(line: str) -> None:
    assert 8 in classify_lines([BODY] * 8 + [line])


@pytest.mark.parametrize(
    ("line", "rule"),
    [
        ("**文：王某 图：李某某**", "page_meta"),
        ("本期制作：赵某某", "page_meta"),
        ("图：各镇（街道）、某某执法中队", "page_meta"),
        ("去看看吧↓↓↓", "ad_block"),
        ("有新鲜事，可及时联系我们", "ad_block"),
        ("作品不错吧！快来为喜欢的作品投票吧——", "ad_block"),
        ("北京办事处地址：某某区某某路12号 邮编：100000", "contact"),
    ],
)
def test_credits_pointers_and_calls_under_the_article(line: str, rule: str) -> None:
    assert classify_lines([BODY] * 8 + [line]) == {8: rule}


@pytest.mark.parametrize(
    "line", ['.png")', "![](https://img.example.com/a/b.jpeg?w=640)", "文章详情"]
)
def test_image_markup_and_template_labels_anywhere(line: str) -> None:
    assert 0 in classify_lines([line, BODY, BODY, BODY])


def test_down_arrows_in_the_head_point_at_the_articles_pictures() -> None:
    lines = ["# 宅家也能动起来", "这几项运动在家就能做，一起来试试吧↓↓↓", *[BODY] * 8]
    assert classify_lines(lines) == {}


def test_a_more_news_header_over_bulleted_titles() -> None:
    lines = [
        "# 某市核酸检测情况通报",
        BODY,
        "某市疫情防控指挥部2022年10月14日",
        "**更多新闻**",
        "* 关于在全市开展区域核酸检测的通告",
        "* 深夜里的这些画面，令人动容！",
        "---",
        "来源：某市指挥部 编辑/张某",
    ]
    rules = classify_lines(lines)
    assert all(rules.get(i) == "related_links" for i in (3, 4, 5)) and 2 not in rules


def test_titles_each_with_its_tags_and_time_on_the_line_under_it() -> None:
    listing = [
        "某品牌新机到手价4699元：全陶瓷机身",
        "#某品牌#新机 2022年05月03日 00:0",
        "四月手机好评榜：前三名它拿下两席",
        "#某品牌#好评 2022年05月02日 22:33",
    ]
    assert sorted(classify_lines([BODY] * 8 + listing)) == [8, 9, 10, 11]
    signed = ["某某镇人民政府", "2022年05月02日"]
    assert classify_lines([BODY] * 8 + signed) == {}


def test_a_prompt_broken_into_bold_pieces() -> None:
    pieces = ["**关注某某汽车**", "**给你带来更多快乐**"]
    prompt = "扫码关注我们，新车销售、售后保养一站搞定"
    assert sorted(classify_lines([BODY] * 8 + pieces + [prompt])) == [8, 9, 10]
    verse = ["**春风十里**", "**不如你**", "**山河无恙**", "**人间皆安**"]
    assert sorted(classify_lines([BODY] * 8 + verse + [prompt])) == [12]


def test_a_sellers_wechat_id_in_the_head() -> None:
    line = "**正版题库软件，价格实惠，若需开通，添加v：123456789咨询！**"
    assert classify_lines([line, BODY, BODY, BODY, BODY]) == {0: "ad_block"}
    item = "2、来院之前请提前预约，咨询预约热线：[phone number]（微信同号）"
    assert classify_lines([BODY] * 8 + [item]).get(8) != "ad_block"


def test_bold_headlines_fenced_off_by_a_rule() -> None:
    headlines = [
        "**某市新增2个充电桩，和“飞线充电”说拜拜！**",
        "**这个村种植500余亩“生姜”，预计产值120万元**",
        "**致高校返乡学子的一封信**",
    ]
    assert sorted(classify_lines([BODY] * 8 + ["#"] + headlines)) == [8, 9, 10, 11]
    notes = ["**采摘地址：某某村观光园**", *headlines]
    assert 9 not in classify_lines([BODY] * 8 + notes)


def test_the_next_title_of_the_column_the_page_opens_with() -> None:
    lines = ["Men Talk：男生眼中，怎样的女生最吸引？", BODY, BODY, BODY]
    nxt = "Men Talk：做不了情人，就做不了朋友？"
    assert classify_lines([*lines, nxt]) == {4: "related_links"}
    fields = ["时间：2022年5月1日上午九点", BODY, BODY, "时间：另行通知，请留意后续安排"]
    assert classify_lines(fields) == {}


def test_a_heading_and_a_list_spaced_out() -> None:
    assert classify_lines(["某某装修 (1篇) 展开 列表", BODY, BODY, BODY]) == {0: "download_prompt"}


@pytest.mark.parametrize(
    ("line", "rule"),
    [
        ("新浪微博｜@某某医院官方微博", "ad_block"),
        ("抖音号：某某融媒", "ad_block"),
        ("统筹/ 张某 责编/ 王某", "page_meta"),
        ("**免 费 求 职 热 线****[phone number]", "contact"),
        ("小程序", "ad_block"),
    ],
)
def test_accounts_credits_and_spaced_labels_under_the_article(line: str, rule: str) -> None:
    assert classify_lines([BODY] * 8 + [line]) == {8: rule}


def test_a_numbered_duty_is_no_credit() -> None:
    assert classify_lines([BODY] * 8 + ["1、将寄来的资料进行整理。"]) == {}


def test_credits_above_a_long_footer_are_at_the_edge() -> None:
    credits = ["通讯员 / 张某"]
    footer = [
        "（以上网络图片如若涉及侵权，请联系删除）",
        *[f"{n}路至某某站下车" for n in range(14)],
    ]
    rules = classify_lines([BODY] * 12 + credits + footer)
    assert rules.get(12) == "page_meta"
    assert not any(i < 12 for i in rules)


@pytest.mark.parametrize(
    ("line", "rule"),
    [
        ("资料来源：某某研究院", "page_meta"),
        ("**▌****本文来源：**某某区发展和改革委员会", "page_meta"),
        ("本页最后修订于 2010年3月27日 星期六 14:06:02", "page_meta"),
        ("**更多精彩活动请继续关注**", "ad_block"),
    ],
)
def test_sources_stamps_and_follow_calls_under_the_article(line: str, rule: str) -> None:
    assert classify_lines([BODY] * 8 + [line]) == {8: rule}


def test_more_of_something_in_closing_prose_is_no_prompt() -> None:
    closing = [
        "虽然比赛落幕了",
        "但是阅读并未停止",
        "更多精彩阅读活动还在继续",
        "让我们一起期待吧！",
    ]
    assert classify_lines([BODY] * 8 + closing + ["**复审：某某**"]) == {12: "page_meta"}


def test_lines_between_a_prompt_and_a_credit_close_the_page() -> None:
    closing = ["扫码关注我们", "**某某电台飞扬971！**", "**温馨提示您**", "来源：某某电台"]
    assert sorted(classify_lines([BODY] * 8 + closing)) == [8, 9, 10, 11]


def test_a_caption_inside_the_article_is_no_closing_mark() -> None:
    body = [
        BODY,
        "**图 | 某某经开区代办服务中心**",
        "某某区正阔步走在高质量发展道路上，",
        "小编相信，",
    ]
    closing = ["交出让大家满意的成绩单！", "**责编 |**谢某某"]
    rules = classify_lines([BODY] * 8 + body + closing)
    assert not any(i in rules for i in (10, 11, 12))


@pytest.mark.parametrize(
    "line",
    [
        "回复“**普通话**”查看考试信息及报名入口",
        "**某某教师资格备考群：654422898**",
        "既然看到了我的文章，就说明有缘，希望大家帮我点点左上角的蓝色字体，小编给大家鞠躬了！",
    ],
)
def test_replies_groups_and_pleas_at_the_top(line: str) -> None:
    assert classify_lines(["# 某某教案", line, *[BODY] * 8]).get(1) == "ad_block"


def test_short_lines_under_the_end_mark() -> None:
    closing = ["END**某某面试-干货包**", "**教师资格考试重难点！**", "活动聚餐"]
    assert sorted(classify_lines([BODY] * 8 + closing)) == [8, 9, 10]
    signed = ["END", "某某镇人民政府"]
    assert classify_lines([BODY] * 8 + signed) == {8: "separator"}
    resumed = ["END", BODY]
    assert classify_lines([BODY] * 8 + resumed) == {8: "separator"}


@pytest.mark.parametrize(
    "line",
    [
        "**戳戳上图，即可自助发布便民信息**",
        "**来呀！来呀！关注『某某之声』呀**",
        "👆帮你找到院校专业更优解👆",
    ],
)
def test_calls_and_pointers_above_the_article(line: str) -> None:
    assert classify_lines(["# 某某活动", line, *[BODY] * 8]).get(1) == "ad_block"


@pytest.mark.parametrize("line", ["第14页", "共 3 页", "2/5页"])
def test_what_a_pager_leaves_on_a_line(line: str) -> None:
    assert classify_lines([line, BODY, BODY]) == {0: "navigation"}


def test_an_accounts_header_and_its_numbered_titles() -> None:
    listing = [
        "“某某17街”公众号近期文章精选：",
        "1、开工!某某地铁12号线西延伸工程今日开工 创造了全国轨道交通建设史上最快开工速度",
        "2、某某街道一小区毁绿增设停车位被叫停，居民：不能牺牲绿化换车位",
        "3、某某中学今年开始招生了首招80人！推行“学院制”和小班化教学",
    ]
    assert sorted(classify_lines([BODY] * 8 + listing)) == [8, 9, 10, 11]
    steps = ["下一步工作打算：", "1、加强组织领导，落实工作责任，确保各项工作有序推进。"]
    assert classify_lines([BODY] * 8 + steps) == {}


@pytest.mark.parametrize(
    ("line", "rule"),
    [
        ("亲，本公众号长期公开征集稿件，如您欲分享经验，可以文字或图片形式投稿。", "ad_block"),
        ("下载某某广播APP【某某听】", "ad_block"),
        ("### 知道答案的同学留言区告诉我哦", "ad_block"),
        (
            "为方便交流，小编新建了微信群。欢迎读者朋友们扫码入群，一同见证某某区大发展！",
            "ad_block",
        ),
    ],
)
def test_calls_for_posts_apps_and_groups_under_the_article(line: str, rule: str) -> None:
    assert classify_lines([BODY] * 8 + [line]) == {8: rule}


def test_a_reprint_credit_and_a_headline_bar_above_the_title() -> None:
    reprint = "本文来源微信公众号“某某观茶”，作者某某，原文标题《2019年茶叶行业市场前景》"
    bar = "■某某题材影视创作研讨会在京举办 ■微观花界里的探索——读某某的新作"
    title = "先烈生命中悲壮的二十四小时——观话剧《某某魂》"
    rules = classify_lines([bar, title, reprint, *[BODY] * 8])
    assert rules == {0: "navigation", 2: "page_meta"}


def test_directions_set_with_bullets_are_no_headline_bar() -> None:
    line = "●乘坐51路到某某大道某某街口下步行7分钟后即可到达；●乘坐850路到某某大道街口下车"
    assert classify_lines([BODY] * 8 + [line, "温馨提示：请提前预约"]).get(8) is None


def test_a_long_opening_prompt_with_a_notice_goes_whole() -> None:
    prompt = (
        "阅读本文前，请您先点击上面的“**蓝色字体**”，再点击“关注”，这样您就可以免费收到"
        "最新内容了。每天都有分享，完全是免费订阅，请放心关注。**声明：图文来源于网络，如有侵权请联系删除"
        "，我们将在第一时间处理。本号所载文章仅供学习交流使用，文中观点不代表本号立场，转载请注明出处，"
        "谢谢各位读者的理解与支持！如需合作请在后台留言，我们会尽快回复您。"
    )
    assert len(prompt) > 160  # longer than a notice the disclaimer rule takes
    assert classify_lines(["# 某某破获一起诈骗案", prompt, *[BODY] * 8]).get(1) == "ad_block"
    glued = "点击上方蓝色****字****关注我****们哟****~图片来源：某某" + BODY * 3
    assert classify_lines(["# 某某品牌观察", glued, *[BODY] * 8]).get(1) is None


@pytest.mark.parametrize(
    ("line", "rule"),
    [
        ("**作者**：本文转自公众号“某某公开课”。某某公开课，分享你想要的知识。", "page_meta"),
        ("**特别说明：**本文仅作分享，不作为任何用药参考，请遵医嘱合理用药！", "copyright"),
        ("可能还关注以下内容：1、就在双十一！某某疫苗开始预约", "related_links"),
    ],
)
def test_reprints_notes_and_what_else_to_read(line: str, rule: str) -> None:
    assert classify_lines([BODY] * 8 + [line]) == {8: rule}


@pytest.mark.parametrize(
    ("line", "rule"),
    [
        ("**以下推荐一个搜题、练题的备考神器！**", "ad_block"),
        ("某某晚报2022-12-17 19:18发表于浙江", "page_meta"),
    ],
)
def test_tool_plugs_and_posting_stamps_above_the_article(line: str, rule: str) -> None:
    assert classify_lines(["# 某某试卷及答案", line, *[BODY] * 8]).get(1) == rule


def test_a_header_broken_by_emphasis_with_its_titles_run_on() -> None:
    line = "**往期****精彩****回顾**某市新增75例无症状感染者（11月27日)下单，到货！今起报名！**路路通！**"
    assert classify_lines([BODY] * 8 + [line]) == {8: "related_links"}


def test_search_page_titles_and_questions_run_together() -> None:
    closing = [
        "七子饼茶是什么意思？七子饼茶是熟茶吗？",
        "普洱茶与滇红的区别_普洱茶与滇红茶有什么不同？",
    ]
    assert sorted(classify_lines([BODY] * 8 + closing)) == [8, 9]
    assert classify_lines([BODY] * 8 + closing[:1]) == {}


@pytest.mark.parametrize(
    ("line", "rule"),
    [
        ("0 发布时间：2021.04.17", "page_meta"),
        ("浏览 79.82W", "page_meta"),
        ("\\* 内容来自某某协会常务副会长兼秘书长某某", "page_meta"),
    ],
)
def test_stamps_counters_and_sources_above_the_article(line: str, rule: str) -> None:
    assert classify_lines(["# 某某分析", line, *[BODY] * 8]).get(1) == rule


def test_an_opening_prompt_to_click_the_blue_name() -> None:
    prompt = "**点击蓝色「****某某统一战线」****轻松关注精彩未来**"
    lines = [prompt, "11月28日，某州2022年少数民族干部培训班开班。", *[BODY] * 8]
    assert classify_lines(lines) == {0: "ad_block"}


def test_an_ad_block_closing_a_short_page() -> None:
    lines = [
        "**【禁毒宣传】某某镇举行禁毒宣传活动**",
        "近日，某某镇举行禁毒宣传活动，通过悬挂横幅、有奖抢答、发放宣传单等方式进行宣传。",
        "现场的工作人员向群众普及禁毒知识，不断提升群众对毒品危害的认知。",
        "商务合作**",
        "****广告推广：****[phone number]/ [phone number]****招生：****[phone number]",
        "**1、某某铝业要搞！某市工业列车开向康庄大道****2、某某人注意：这些红包不要抢！****3、冷空气来了**",
    ]
    assert sorted(classify_lines(lines)) == [3, 4, 5]


def test_an_accounts_card_under_a_rule() -> None:
    card = [
        "---",
        "**某某行业微刊**",
        "覆盖食品、饮料、乳品等细分领域",
        "第一时间发布有价值的行业资讯",
    ]
    assert sorted(classify_lines([BODY] * 8 + card)) == [9, 10, 11]
    verse = ["---", "春风十里", "不如你"]
    assert classify_lines([BODY] * 8 + verse) == {}


def test_a_call_to_look_up_the_site() -> None:
    line = "**企业招聘信息可以登录某某人才官方网站查询详情**"
    assert classify_lines([BODY] * 8 + [line]) == {8: "ad_block"}


def test_a_notice_asking_to_call_for_details_keeps_it() -> None:
    line = (
        "特别提醒：停水期间，请关注与重视本单位的消防安全管理工作！如提前通水，不再另行通知，"
        "未明事项，请致电集团客户服务中心“某水热线967050”查询。"
    )
    assert classify_lines([BODY] * 8 + [line]) == {}


def test_a_sellers_if_you_are_interested() -> None:
    line = "如果你对本公司常年出售的二手不锈钢冷凝器感兴趣，想了解更详细的产品信息"
    assert classify_lines([BODY] * 8 + [line]) == {8: "ad_block"}


@pytest.mark.parametrize(
    ("line", "rule"), [("**-某某新区摇篮幼儿园-**", "site_header"), ("在线报名", "page_actions")]
)
def test_an_accounts_banner_and_a_button_above_the_article(line: str, rule: str) -> None:
    assert classify_lines([line, "# 美好食光", *[BODY] * 8]).get(0) == rule


def test_a_decorated_section_header_is_no_banner() -> None:
    assert classify_lines(["# 某某活动", BODY, "·赞助企业简介·", *[BODY] * 6]) == {}


def test_a_groups_number_above_the_article() -> None:
    group = "**2022某某综合招聘群：210955843**"
    assert classify_lines([group, "# 招聘公告", *[BODY] * 8]).get(0) == "ad_block"


def test_a_call_to_leave_a_message_is_a_prompt() -> None:
    assert classify_lines([BODY] * 8 + ["有问题请后台留言"]) == {8: "ad_block"}


def test_a_sites_blurb_over_the_texts_it_hosts() -> None:
    blurb = (
        "总结是把一定阶段内的有关情况分析研究，做出有指导性的结论的书面材料。"
        "以下是小编精心整理的总结范文，供大家参考借鉴，希望可以帮助到有需要的朋友。"
    )
    assert classify_lines([blurb, "某某活动总结篇一", *[BODY] * 8]).get(0) == "site_intro"
    own = "以下是我镇开展创先争优活动的基本情况。"
    assert classify_lines([own, *[BODY] * 8]) == {}


def test_an_archive_stamp_and_an_app_button_above_the_article() -> None:
    assert classify_lines(["归档时间:2023-06-15", "APP下载", BODY, BODY, BODY]) == {
        0: "page_meta",
        1: "page_actions",
    }


@pytest.mark.parametrize(
    ("line", "rule"),
    [
        ("2017-03-29 00:00:00某某 策划师", "page_meta"),
        ("发布机关:某某市人民政府", "page_meta"),
        ("某某文库,自由的图书馆", "site_header"),
        (
            "转型发展作出的全面部署，推动落实。小编下面为大家整理关于乡镇的实施方案，欢迎阅读参考：",
            "site_intro",
        ),
    ],
)
def test_stamps_taglines_and_blurbs_of_sites_not_seen_before(line: str, rule: str) -> None:
    assert classify_lines(["某某镇实施方案", line, *[BODY] * 8]).get(1) == rule


@pytest.mark.parametrize(
    ("line", "rule"),
    [
        ("上传人:b****4 文档编号:24597320 上传时间:2023-05-29 格式:DOCX 页数:27", "page_meta"),
        ("下载 相关 举报", "page_actions"),
        ("某某管理法.docx_第1页", "page_counter"),
        ("下载资源", "download_prompt"),
        ("资源描述", "navigation"),
        ("《某某管理法.docx》由会员分享，可在线阅读，更多相关请在某某网上搜索。", "site_intro"),
        ("- 某某公司绩效考核方案 推荐度:", "download_prompt"),
    ],
)
def test_a_document_sharing_sites_furniture(line: str, rule: str) -> None:
    assert classify_lines(["某某管理法.docx", line, *[BODY] * 8]).get(1) == rule


def test_a_related_header_never_takes_the_compilations_title() -> None:
    lines = ["- 相关推荐", "某某公司绩效考核方案(通用6篇)", *[BODY] * 8]
    assert classify_lines(lines) == {0: "related_links"}


@pytest.mark.parametrize(
    ("line", "rule"),
    [
        ("某某汇报的技巧与方法：清晰展示进度_第1页", "page_counter"),
        ("已阅读5页，还剩55页未读 继续免费阅读", "download_prompt"),
        (
            "大家好！今天让小编来介绍下公文格式，以下是小编对此问题的归纳整理，让我们一起来看看吧。",
            "site_intro",
        ),
    ],
)
def test_more_furniture_of_document_and_answer_sites(line: str, rule: str) -> None:
    assert classify_lines(["某某规范", line, *[BODY] * 8]).get(1) == rule


def test_a_government_disclosure_card_with_values_under_their_fields() -> None:
    card = [
        "• 索引号:",
        "6107280000/2024-001005",
        "• 发文字号:",
        "某政发〔2024〕7号",
        "• 发文日期:",
        "2024年04月06日 16:40",
        "• 内容概述:",
    ]
    lines = ["某某县人民政府工作规则", *card, "某某县人民政府工作规则", "第一章总则", BODY, BODY]
    assert sorted(classify_lines(lines)) == list(range(1, 8))


def test_a_notices_own_fields_are_no_card() -> None:
    fields = ["会议时间：2024年4月6日", "会议地点：县政府三楼会议室", "参会人员：各乡镇主要负责人"]
    assert classify_lines(["关于召开会议的通知", *fields, BODY, BODY, BODY]) == {}


@pytest.mark.parametrize("line", ["视频新闻 更多>>", "影像资料 More»"])
def test_a_columns_link_to_its_list(line: str) -> None:
    assert classify_lines([BODY] * 8 + [line]) == {8: "navigation"}


@pytest.mark.parametrize(
    ("line", "rule"),
    [
        ("Loading [MathJax]/jax/output/CommonHTML/config.js", "separator"),
        ("前往小程序，Get更优阅读体验！", "ad_block"),
        ("立即前往", "page_actions"),
        ("发布于 2018-04-20 08:17:05", "page_meta"),
        ("如有投稿需求，请把文章发送到邮箱，一经录用会有专人和您联系", "ad_block"),
    ],
)
def test_a_developer_sites_furniture_above_the_article(line: str, rule: str) -> None:
    assert classify_lines(["某某专栏", line, *[BODY] * 8]).get(1) == rule


def test_a_menu_set_one_word_a_line_above_the_article() -> None:
    menu = ["首页", "学习", "活动", "专区", "工具"]
    assert sorted(classify_lines([*menu, "# 大数据的问题", *[BODY] * 8])) == [0, 1, 2, 3, 4]
    verse = ["春风十里", "不如你", "山河无恙", "人间皆安", "岁月静好"]
    assert classify_lines([*verse, *[BODY] * 8]) == {}


def test_a_call_for_papers_as_the_pages_title_stays() -> None:
    assert classify_lines(["某某杂志征稿启事", *[BODY] * 8]) == {}


def test_a_breadcrumb_without_separators_and_an_accounts_self_description() -> None:
    crumbs = "网站首页\t产品中心特种车系列冷藏车 国六 某某3.1米冷藏车"
    assert classify_lines([crumbs, *[BODY] * 8]).get(0) == "breadcrumb"
    about = "【我们是一个专注于某市城市更新领域投资的综合服务平台，在这里您可以获取更多资讯】"
    assert classify_lines([BODY] * 8 + [about]) == {8: "ad_block"}
    closing = "我们是一个团结奋进的集体，今后将继续努力。"
    assert classify_lines([BODY] * 8 + [closing]) == {}


def test_a_document_sites_category_blurb() -> None:
    blurb = (
        "装饰工程招标文件属于某某资料频道，分类包含大量相关资料提供给网友免费下载，更多资料请访问。"
    )
    assert classify_lines([blurb, *[BODY] * 8]).get(0) == "site_intro"


@pytest.mark.parametrize(
    "line", ["如果您对这款双屏液晶广告机有兴趣，欢迎致电某某公司", "在线征稿进行时"]
)
def test_a_sellers_interest_and_a_call_for_posts_under_the_article(line: str) -> None:
    assert classify_lines([BODY] * 8 + [line]) == {8: "ad_block"}


@pytest.mark.parametrize(
    ("line", "rule"),
    [
        ("记者 王某 李某某摄影赵某", "page_meta"),
        ("（记者王某某通讯员张某）", "page_meta"),
        ("审稿人：王某", "page_meta"),
        ("摄影师：李某某", "page_meta"),
        ("某某微刊投稿方式：[email]（微信：abc123）", "ad_block"),
        ("原价￥299，限时特价**￥199**", "ad_block"),
        ("报考有疑问的同学可以点击【阅读原文】在线咨询老师！", "ad_block"),
        ("某某网站首页:相关标签：某某产品,某某产品价格,某某产品批发", "related_links"),
        ("↓↓↓加入学习群**大家一起备考，积极加入某某考试群，一起上岸", "ad_block"),
        ("我们是一群热爱设计的年轻人。多年来，公司只靠作品说话。", "ad_block"),
        ("Tags: 某某营销方案", "related_links"),
        (
            "感谢大家的阅读，如果觉得文章还不错的话，点“ **在 看** ”，谢谢对小编的支持",
            "ad_block",
        ),
        ("《某某》杂志投稿范围：航空航天、汽车、轨道交通的加工工艺方案", "ad_block"),
        ("☞来源：某某☞责任编辑：某某☞审核人：某某", "page_meta"),
        ("地图标注商家中心：www.example.cc", "site_header"),
        ("搜索最适合您的活动场地：example-region.ch/venue-finder", "site_header"),
        ("2022年第881期（总第4516期）", "page_meta"),
        ("**快转给身边需要的人吧！**", "ad_block"),
        ("“某某头条”是主流媒体某某网自主研发的自媒体平台，欢迎入驻。", "ad_block"),
        ("**如果您有疑问或者想了解更多相关产品信息可以通过下方的官方电话咨询**", "ad_block"),
        ("下一页", "page_actions"),
        ("**双十二大促，购课立减！**", "ad_block"),
        ("了解**全新第三代某某RX5**更多信息！", "ad_block"),
        ("租车找某某，事事都成功，租车热线：0755-88888888 0755-99999999", "contact"),
        ("合作品类：旅游、餐饮、休闲娱乐、亲子、培训、购物", "ad_block"),
        ("客服在线：9:00-18:00", "contact"),
        ("百科全书收录4421916条中文百科知识，基本涵盖了大多数领域的百科知识。", "site_intro"),
        ("随便看", "page_actions"),
        ("活动方案格式", "related_links"),
        ("(刋于2006年9月30日某某日报-置业家居版)", "page_meta"),
        ("**了解加盟条件**", "ad_block"),
        ("声明资源收集于网络，仅用于试学参考，切勿用于其他用途！", "copyright"),
        ("您可以自由地转载本站的原创文章。但是，请您务必在转载时注明作者和出处。", "copyright"),
        ("**关于我们**某某幼儿园位于某某镇黄金大道南侧，背山面海。", "ad_block"),
        ("如果你有以上疑问，联系我们：**[phone number]。**", "ad_block"),
        ("本文发表于《某某》2022年第10期56~58页，作者：某某", "page_meta"),
        ("Previous PostVideo视频：某某 share prize in economics", "related_links"),
        ("微信公众号某某为个人号，希望尽可能真实记录武汉。欢迎提供线索。", "ad_block"),
        ("温馨提示：本公众号所有招聘信息均为转载，如遇收费的招聘，请谨慎核实", "copyright"),
        (
            "**在你心中，哪些大学更容易进入国企？有你喜欢的院校吗？欢迎在下方留言评论。**",
            "ad_block",
        ),
        ("你家孩子有这个习惯吗？评论区告诉我们吧~", "ad_block"),
        ("## **某某征稿启示**“某某”诚邀大家积极投稿，分享生活的感动。", "ad_block"),
    ],
)
def test_credits_offers_and_calls_under_the_article(line: str, rule: str) -> None:
    assert classify_lines([BODY] * 14 + [line]).get(14) == rule


@pytest.mark.parametrize(
    "line",
    [
        "记者了解到，该项目已全面完工。",
        "三、投稿方式",
        "3.提交作品的同学请于12月10日前点击【阅读原文】报名参加本次征集活动",
        "我们是一支特别能吃苦、特别能战斗的团队，今后将继续努力。",
        "网友的诸多转发评论都表示支持这一做法，认为它让群众办事少跑了腿、省下了时间，也让窗口服务更加规范。",
        "来源于生活的内容更加动人，也更加真实，这是我们在采访中反复体会到的一点，值得深思。",  # not a credit
    ],
)
def test_a_reports_own_closing_lines_stay(line: str) -> None:
    assert classify_lines([BODY] * 14 + [line]) == {}


@pytest.mark.parametrize(
    ("line", "rule"),
    [
        ("多转发多互动小编明天就出道", "ad_block"),
        ("关注某某 关注当代教育实践", "site_header"),
        ("☞这是某某杂志（abc1950）发布的第******15864******篇文章", "page_meta"),
        ("日更第203篇原创更新", "page_meta"),
        ("#  **快速通道** ☞回复“**时政**”，获取新版讲义☞回复“**800**”，0元领取资料", "ad_block"),
        ("**加微发暗号****【资料】", "ad_block"),
        ("**加微****了解详情", "ad_block"),
        ("> ■业务范围：商家/单位宣传、推广、合作、活动策划", "ad_block"),
        ("请输入您要查询的百科知识:", "navigation"),
    ],
)
def test_an_accounts_plea_or_motto_under_the_title(line: str, rule: str) -> None:
    assert classify_lines(["# 某某活动圆满结束", line, *[BODY] * 8]).get(1) == rule


@pytest.mark.parametrize(("line", "rule"), [("图|Pixabay", "page_meta"), ("列表", "navigation")])
def test_a_picture_credit_or_a_templates_label_under_the_title(line: str, rule: str) -> None:
    assert classify_lines(["# 某某标题", line, *[BODY] * 8]).get(1) == rule


def test_a_title_about_one_concern_stays() -> None:
    assert classify_lines(["关注留守儿童成长", *[BODY] * 8]) == {}
    assert classify_lines(["增加微量元素的摄入", *[BODY] * 8]) == {}


def test_an_accounts_footer_run_into_one_long_line() -> None:
    footer = (
        "## **某某征稿启示**“某某”诚邀大家积极投稿，分享生活的感动。**02**投稿请发送到邮箱：[email]"
        + "亲爱的市民：某某正在创建文明城市，请广大市民朋友遵守文明行为规范，做到规范停车、礼让行人。"
        * 4
    )
    assert len(footer) > 200
    assert classify_lines([BODY] * 8 + [footer]) == {8: "ad_block"}
    once = "欢迎投稿。" + BODY * 5  # one call in a long paragraph is the article's
    assert classify_lines([BODY] * 8 + [once]) == {}


def test_a_header_that_sends_the_reader_to_the_titles_under_it() -> None:
    titles = [
        "* 这两天，不少人收到这条短信！别慌，请这样做→",
        "* 中国医师节 | 今天的主角，是他们！",
    ]
    lines = ["# 医保怎么报？这张图全说明白了", "**看更多文章，请点击下方蓝色标题：**", *titles]
    assert classify_lines(lines) == {1: "related_links", 2: "related_links", 3: "related_links"}


def test_the_line_that_introduces_a_contact_block() -> None:
    lines = [*[BODY] * 8, "报名某某驾校请联系", "梁老师13600000000", "13800000000"]
    assert classify_lines(lines) == {8: "contact", 9: "contact", 10: "contact"}


def test_a_date_field_beside_the_pages_stamps() -> None:
    lines = ["红歌嘹亮进社区", "时间:2011-12-7", "来源:某某街道某某社区", "作者:王某", *[BODY] * 6]
    assert classify_lines(lines) == {1: "page_meta", 2: "page_meta", 3: "page_meta"}
    event = ["某某活动方案", "时间：2011年12月7日", "地点：社区三楼会议室", *[BODY] * 6]
    assert classify_lines(event) == {}


@pytest.mark.parametrize(
    ("line", "rule"),
    [
        ("欢迎来到某某在线作文网!", "site_header"),
        ("您好，欢迎来某某水处理工程有限公司！", "site_header"),
        ("工作汇报 时间:2021-08-31 手机版", "page_meta"),
        ("时间:2023-03-24 17:40:48", "page_meta"),
        ("原|2023-12-28 11:46:48|浏览:72", "page_meta"),
        ("原创 2022-01-01 12:00:00 某某", "page_meta"),
        ("导语:如何写好一篇报告？欢迎阅读由某某之家整理的十篇范文，供你借鉴。", "site_intro"),
        ("请欣赏驻村书记述职报告(精选6篇),由某某网整理,希望能够帮助到大家。", "site_intro"),
        (
            "简介:某某文库小编为你整理了多篇相关的《某某》,但愿对你工作学习有帮助,"
            "当然你在某某文库还可以找到更多《某某》。",
            "site_intro",
        ),
        ("字号:『 大字体 中字体 小字体 』", "page_actions"),
        ("本栏目，小编为大家收集整理了数篇年终工作总结，希望为您带来帮助!", "site_intro"),
    ],
)
def test_a_model_essay_sites_head(line: str, rule: str) -> None:
    assert classify_lines(["村支书工作报告范文", line, *[BODY] * 8]).get(1) == rule


def test_a_books_contents_are_no_sites_holdings() -> None:
    line = "《某某与海盐》全书共收录21篇文章，其中15篇散文讲述了作家与海盐的关系。"
    assert classify_lines([BODY] * 14 + [line]) == {}


def test_an_events_time_stays() -> None:
    assert classify_lines(["某某活动方案", "时间：2021-08-31 09:30", *[BODY] * 8]) == {}


@pytest.mark.parametrize(
    ("line", "rule"),
    [
        ("上一条: 若某某的面积是S2 下一条: 某某仪器执行标准", "related_links"),
        ("某某县招聘顺风车二手便民信息↓↓↓点击某某掌圈一键发布噢", "ad_block"),
    ],
)
def test_pager_links_and_arrows_at_a_button(line: str, rule: str) -> None:
    assert classify_lines([BODY] * 14 + [line]).get(14) == rule


def test_a_companys_scope_under_its_title_is_its_content() -> None:
    assert classify_lines(["某某园林公司", "业务范围：园林绿化工程、市政工程", *[BODY] * 8]) == {}


def test_a_contact_blocks_header_ends_in_its_label() -> None:
    lines = [*[BODY] * 8, "某某分赛区组委会办公室联系方式", "联系人：王某 13600000000"]
    assert classify_lines(lines) == {8: "contact", 9: "contact"}


def test_a_long_line_that_points_at_the_numbers_under_it() -> None:
    lead = "某某人才网急招栏目每周两期，浏览量上千，如有招聘单位需要发布信息可致电：**"
    lines = [*[BODY] * 8, lead, "**☎招聘平台热线：[phone number]**"]
    assert classify_lines(lines) == {8: "contact", 9: "contact"}


def test_a_document_sites_fields_and_licence_over_the_text() -> None:
    fields = ["- 格式:docx", "- 大小:18.54 KB", "- 文档页数:4"]
    lines = ["办公室常用公文格式标准", *fields, *[BODY] * 3]
    assert classify_lines(lines) == {1: "page_meta", 2: "page_meta", 3: "page_meta"}
    # the licence over a short document takes nothing of the document with it
    notice = "版权说明:本文档由用户提供并上传,收益归属内容提供方,若内容存在侵权,请进行举报或认领"
    short = "某单位按照上级部署，扎实开展创先争优活动，成效明显。"
    rules = classify_lines([notice, "某某会务服务规范", short, short, short])
    assert rules.get(0) == "copyright" and not {2, 3, 4} & rules.keys()


def test_a_list_header_spaced_out_with_a_dot_takes_its_titles() -> None:
    titles = ["团市委召开书记（扩大）会议传达学习会议精神", "钟华论：夺取新征程新胜利的根本保证"]
    rules = classify_lines([*[BODY] * 8, "**往期 ·推荐**", *titles])
    assert rules == {8: "related_links", 9: "related_links", 10: "related_links"}


def test_a_weather_reports_low_is_no_sale() -> None:
    assert classify_lines([BODY] * 14 + ["10日，**庐山最低温低至5℃**"]) == {}


@pytest.mark.parametrize(
    ("line", "rule"),
    [
        ("本文由某某写作助手整理，更多范文请访问某某网", "site_intro"),
        ("以上为某某建材小编整理的相关内容，如果您还有疑问，可以拨打咨询热线。", "site_intro"),
        ("以上就是关于某某设备保养的介绍，希望对大家有所帮助。", "site_intro"),
        ("温馨提示：本文档共5页，当前为第1页", "download_prompt"),
        ("【某某范文网】专注工作总结十年", "site_header"),
        ("【打印本页】【关闭窗口】", "page_actions"),
        ("分享到：微信 QQ空间 新浪微博", "page_actions"),
        ("（本文字数：3521字）", "page_meta"),
        ("VIP专享文档", "download_prompt"),
        ("该文档为用户出于分享目的上传，非商业用途", "copyright"),
        ("TAG标签：工作总结 村级", "related_links"),
        ("**正文共4672字，预计阅读时间：20分钟**", "page_meta"),
        ("赛罕融媒：万某某", "page_meta"),
        ("张某某摄", "page_meta"),
        (
            "◀【重要通知】某某镇新增一处采样点（某某路采样点）◀【今日关注】某某县发布最新提示",
            "related_links",
        ),
        ("图文素材仅供参考，最终以酒店实际安排为准，购买此套餐视为认同", "copyright"),
    ],
)
def test_a_model_essay_sites_furniture_in_other_words(line: str, rule: str) -> None:
    for lines, at in (([line, *[BODY] * 8], 0), ([*[BODY] * 8, line], 8)):
        assert classify_lines(lines).get(at) == rule


@pytest.mark.parametrize(
    ("line", "rule"),
    [
        ("此条目需要熟悉化学的编者参与及协助编辑。", "page_meta"),
        ("请邀请适合的人士改善本条目。", "page_meta"),
        ("本条目没有列出任何参考或来源。", "page_meta"),
        ("此页面为稳定版本，已复核于2019年5月4日。", "page_meta"),
        ("此页二〇一九年五月四日（周六）九时一二分方易。", "page_meta"),
        ("本文已获作者授权发布", "copyright"),
        ("文章经原作者授权转载", "copyright"),
        ("原标题：某某镇举办丰收节", "page_meta"),
        ("以上推荐仅供参考，纯属娱乐。", "copyright"),
        ("温馨提示：基金有风险，投资须谨慎", "copyright"),
    ],
)
def test_a_wikis_notices_and_a_reprint_licence(line: str, rule: str) -> None:
    for lines, at in (([line, *[BODY] * 8], 0), ([*[BODY] * 8, line], 8)):
        assert classify_lines(lines).get(at) == rule


@pytest.mark.parametrize(
    "line",
    [
        "本页面列出了本次会议来源于各乡镇的提案。",  # 来源 alone is not a wiki's word
        "本文经授权后，由各支部组织学习。",  # a licence to the text's readers, not the page's
    ],
)
def test_words_about_a_page_in_a_report(line: str) -> None:
    assert classify_lines([BODY, line, BODY]) == {}


def test_a_storys_closing_sentence_with_a_weak_cue_stays() -> None:
    lines = [*[BODY] * 8, "随后，他直接微信转账给对方五千元。"]
    assert classify_lines(lines) == {}


def test_a_shops_list_of_services_under_the_article() -> None:
    line = "**本店主要业务：**照片冲印、证件照、复印打印、电脑维修"
    assert classify_lines([*[BODY] * 8, line]) == {8: "ad_block"}


@pytest.mark.parametrize(
    ("line", "rule"),
    [
        ("------------------ 想看更多比分推荐，可下载某某APP，专家都在等你！", "ad_block"),
        ("来源：某某医院**往期推荐：** ✔某某新政出台 ✔某某地铁开通", "page_meta"),
        ("留言：如果您已登录，您可以自由发表看法，但违法内容是本站不允许的。", "copyright"),
        ("**某某学习网推荐热销课程：**会计考试；教师资格考试；公务员考试", "ad_block"),
        ("某某仪器有限公司（普通会员）", "page_meta"),
        ("拟稿：某某文化", "page_meta"),
        ("宣传员：某某某", "page_meta"),
        ("某某台全媒体记者：张某某 李某某", "page_meta"),
        ("**——结束——**", "separator"),
        ("以上仅为宣传之用，不构成产品要约。", "copyright"),
        ("by adminPosted in 某某新闻Tagged 某某, 某某", "related_links"),
        ("城东两室一厅出租，拎包入住。联系电话：[phone number]，非诚勿扰。", "ad_block"),
        ("以上价格仅供参考，不作为买卖建议。", "copyright"),
        ("example.com/a/%E9%82%A3%E9%87%8C/", "site_header"),
        ("本文内容仅用于学习交流，因自行使用造成的后果请自行承担风险。", "copyright"),
        ("**丨**美术设计：某某", "page_meta"),
        ("⊙某某新规出台！这些变化要知道⊙某某地铁今起试运营", "navigation"),
        ("快来参与知识答题吧！", "ad_block"),
        ("2023年注册会计师冲刺班套餐（某某主讲）", "ad_block"),
        ("★【某某权威发布】★", "ad_block"),
    ],
)
def test_a_sites_promos_terms_and_badges_under_the_article(line: str, rule: str) -> None:
    assert classify_lines([*[BODY] * 8, line]).get(8) == rule


@pytest.mark.parametrize(
    "line",
    [
        "------------------ 以上为会议记录，下面是与会人员名单",  # a rule over the text's own part
        "本站坚持为人民服务宗旨，全年共接待群众来访600余人次。",  # 本站 as a unit, no 您
        "会员单位：某某有限公司（副会长单位）",
    ],
)
def test_a_reports_own_lines_under_a_rule_or_naming_its_station(line: str) -> None:
    assert classify_lines([*[BODY] * 8, line]).get(8) is None


def test_a_notice_above_a_long_closing_list_is_judged_once_the_list_is_found() -> None:
    notice = "> 声明：本文来自于互联网，若有来源标注错误或侵犯了您的合法权益，请立即通知我们，我们会第一时间予以删除！"
    titles = [f"> {n}.震惊！第{n}个真相终于有了答案？" for n in range(1, 9)]
    quoted = [x for t in titles for x in (t, ">")]
    rules = classify_lines([*[BODY] * 8, notice, *[">"] * 6, *quoted])
    assert rules.get(8) == "copyright"


@pytest.mark.parametrize(
    "line",
    [
        "以上是我的述职报告，请各位领导批评指正。",
        "以上各项措施，希望各级人大及其常设机构加强监督。",
    ],
)
def test_a_reports_own_closing_formula_stays(line: str) -> None:
    assert classify_lines([*[BODY] * 8, line]) == {}
