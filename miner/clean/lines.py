"""Whole lines that are not the report: site chrome, ads, spam, link lists, download walls.

Rules are families of shapes that 范文 sites share, not any one site's strings:
a meta line carries two or more of 发布时间/来源/浏览…; an ad line carries two or
more commercial cues (素材库, 客服, 扫码, 一键下载 …); a spam line is a list whose
items are mostly video-site keywords; a related-links block starts with a header
(推荐阅读, 相关热词搜索 …) and runs over the short title lines under it. A line in
the page's head or tail needs less evidence than one in the middle of the body,
because that is where sites put their furniture.

The cue patterns the rules share live in ``miner.clean.cues``; the sweeps over the
page's closing block, which judge lines by their neighbours, in ``miner.clean.sweeps``;
prompts cut out of a line rather than dropped with it, in ``miner.clean.fragments``.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from miner.clean.cues import (
    AD_CUES,
    CJK,
    CLAUSE_END,
    CONTACT,
    CREDIT,
    CREDIT_WORDS,
    DATE_TAIL,
    DISCLAIMER,
    HEAD_LINES,
    META_KEYS,
    PHONE,
    POSTED_DATE,
    RULE_LINE,
    SCOPE_WORDS,
    SENTENCE_END,
    SIGNATURE,
    TAIL_LINES,
    WECHAT_ID,
    contact_line,
    head_zone,
    link_like,
    runs,
    site_name,
    tail_zone,
)
from miner.clean.prompts import prompt_rule
from miner.clean.sweeps import sweep_page
from miner.extract.markers import line_marker
from miner.fastre import any_of, prefiltered

# "…于2021-07-22 11:35:58由某某发布": a post's timestamp and poster, glued to its title.
_POSTED_AT = re.compile(
    r"于\s*(?:19|20)\d{2}-\d{1,2}-\d{1,2}\s*\d{1,2}:\d{2}(?::\d{2})?\s*由|"
    # WeChat's stamp under the title: 某某晚报2022-12-17 19:18发表于浙江
    r"(?:19|20)\d{2}-\d{1,2}-\d{1,2}\s*\d{1,2}:\d{2}(?::\d{2})?\s*发表于"
)
_POSTED_LINE = 400
# A wiki's or a CMS's stamp: 本页最后修订于2010年3月27日…, 最后更新于 2021-07-22.
_REVISED = re.compile(
    r"^\W*(?:本页|本页面|页面|本文|此页)?(?:最后|最近)(?:修订|修改|更新|编辑)(?:时间)?(?:于|[:：])"
)
_REVISED_LINE = 80
# A wiki's maintenance box and its stable-version stamp, which mirrors copy with the text
# (此条目需要精通…的编者参与及协助编辑 / 请邀请适合的人士改善本条目 / 此页面为稳定版本，已复核于…;
# a classical-Chinese interface stamps its last edit as 此页…方易): they speak of the page.
_WIKI_NOTICE = re.compile(
    r"^\W*(?:(?:此|本|该)(?:条目|页面?|模板|章节|列表)[^。]{0,40}?"
    r"(?:编者|维基|稳定版本|复核|参考文献|原创研究|中立|方易|消歧义|讨论页|可靠来源|(?:没有|未)列出[^。]{0,8}来源|(?:缺少|补充)[^。]{0,4}来源"
    r"|(?:协助|改善|扩充|完善)(?:本|此|该)?(?:条目|页面))"
    r"|请(?:邀请|协助)[^。]{0,20}(?:改善|编辑|完善)(?:本|此|该)(?:条目|页面)"
    r"|另见其他需要[^。]{0,12}(?:关注|协助)的页面)"
)
_WIKI_LINE = 100
# A note that the page may carry the text (本文已授权本平台发布, 文章经作者授权转载): about the
# page, not in the article.
_AUTHORISED = re.compile(
    r"^\W*(?:本文|此文|文章|本篇|稿件|作品)(?:已|经|系)?(?:获得?|经过?)?(?:原?作者|原创作者|著作权人|版权方)?"
    r"(?:本人)?(?:的)?(?:独家)?授权[^，。,]{0,12}(?:发布|转载|推送|刊发|刊登|使用|首发)[^，。,]{0,12}$"
)
_AUTHORISED_LINE = 40
# A reprint's note of the title it first ran under (原标题：…): about the page's history.
_ORIGINAL_TITLE = re.compile(r"^\W*原(?:标题|题目?|文标题)\W*[:：]")
_ORIGINAL_TITLE_LINE = 60
_STAMP_LINE = re.compile(
    # 原|2023-12-28 11:46:48|浏览:72: an original-or-reprint mark may come first
    r"^\W*(?:(?:原创?|转载?|独家)(?:\s*[|｜丨·]\s*|\s+))?(?:(?:发布|发表|更新|编辑)于\s*)?"
    r"(?:19|20)\d{2}[-/.]\d{1,2}[-/.]\d{1,2}\s*\d{1,2}:\d{2}(?::\d{2})?\s*[^，。,；;]{0,20}$"
)
_STRONG_META = re.compile(
    # 添加时间: a posting label whose value the scrape lost (门诊时间： heads the page's own list)
    r"^(?:发布|发表|更新|上传|添加|录入|提交|修改|创建)(?:时间|日期)\s*[:：]\s*$|"
    # a stray count or icon glyph may open the line (0发布时间：2021.04.17)
    r"^[\W\d]{0,3}(?:本文|全文)?(发布时间|发布日期|发表时间|更新时间|上传时间|归档时间|来源|作者|点击|浏览|阅读量|责任编辑|字数)|"
    r"^(发布机关|发文机关|发布单位)"
)


# WeChat's generic credit shape, "图形及视频|某某": a short label, a bar, a short name.
# Only in the tail: in a page's head the same shape is a column tag (专题｜…).
_LABEL_CREDIT = re.compile(
    r"^[\u4e00-\u9fff]{1,6}(?:[及和与、][\u4e00-\u9fff]{1,6})?\s*[|｜丨]\s*"
    r"[\u4e00-\u9fff·A-Za-z]{2,12}(?:[ 、][\u4e00-\u9fff·A-Za-z]{2,12}){0,3}$"  # 版式|李某 张某某
)
# Where the picture is from (图|Pixabay, 题图丨视觉中国): a credit at either edge, since
# no column is named 图.
_IMAGE_CREDIT = re.compile(
    r"^(?:题图|头图|封面图?|配图|图片|图源|图)\s*(?:来源|来自)?\s*[|｜丨]\s*"
    r"[\u4e00-\u9fff·A-Za-z0-9][\u4e00-\u9fff·A-Za-z0-9 .\-_]{1,29}$"
)
# A line with nothing to read: Markdown residue (#, ```, >), bullets, export literals.
_EMPTY_SHAPE = re.compile(
    r"^(?:[^\w\u4e00-\u9fff]+|false|true|null|none|undefined|nan|"
    r"[\W_]*(?:end|the end|author|editor|完|全文完|(?:以?下为|以下是)?正文)[\W_]*)$"
    # an end mark set between dashes (——结束——); a bare 结束 may be the text's own word
    r"|^[\W_]*[—\-－~～=]{2,}[\W_]*(?:结束|完结)[\W_]*[—\-－~～=]{2,}[\W_]*$",
    re.I,
)


# What an export leaves of an image's markup (.jpg"), ![](…/a.png)): a line with no words.
_IMAGE_RESIDUE = re.compile(
    # also a script's or a style's path, as a loader prints it (Loading [MathJax]/…/config.js)
    r"^[\W_]*(?:!\[[^\]]*\]\([^)\s]*\)|(?:Loading\s+)?[A-Za-z0-9_./:%~\[\]-]*\.(?:jpe?g|png|gif|webp|bmp|svg|js|css)"
    r"(?:\?[^\s\u4e00-\u9fff]*)?)[\W_]*$",
    re.I,
)
# A template's label over the article (文章详情, 新闻正文): names the page, says nothing.
_PAGE_LABEL = re.compile(
    r"^[\W_]*(?:(?:文章|新闻|资讯|信息|内容|产品|详细)?(?:详情|正文)页?|(?:文章|新闻|资讯|信息|产品)?列表|"
    r"资源描述|文档简介|文档介绍)[\W_]*$"
)
# A lone 、 or 。 is text broken apart by markup, not furniture: it stays.
_PUNCT_ONLY = re.compile(r"^[，。、；：！？,.;:!?“”\"'（）()\s]+$")
# Pagination: 首页 上一页 1 2 3 下一页 尾页.
_PAGER = re.compile(r"(首页|上一页|下一页|尾页|末页)")


# A tag list anywhere in a line: its label, then three tags or more.
_TAGS = re.compile(
    r"(?:相关|热门|本文|文章|内容)?标签\s*[:：]\s*(?:[^,，、\s。]{1,20}[,，、\s]+){2,}\S"
)
# A line that opens by pointing down at what follows it, and asks the reader to join in.
_ARROWS_FIRST = re.compile(r"^\W*(?:[↓👇⬇]\W*){3,}")
_JOIN_CALL = re.compile(r"加入|扫码|关注|报名|领取|点击|添加")
# Arrows pointing down at a button, with the call after them.
_ARROWS_CALL = re.compile(r"(?:[↓👇⬇]\W*){3,}(?:点击|关注|扫码|长按|加入)")
_ARROWS_CALL_LINE = 60


_BREADCRUMB = re.compile(
    r"(当前位置|您的位置|你的位置|所在位置|您现在的位置)|(首页\s*[>›»/＞])|^\W*(?:网站首页|本站首页)"
)
_ACTION_WORDS = frozenset(
    (
        "加入收藏 设为首页 我要投稿 投稿 点赞 分享 分享到 收藏 打印 打印本页 关闭 关闭窗口 返回顶部 "
        "返回列表 上一篇 下一篇 复制链接 字体 大 中 小 举报 评论 手机版 登录 注册 会员中心 天下 微博 "
        "微信 QQ空间 纠错 保存 下载 复制 全屏 目录 更多 首页 相关 新浪微博 腾讯微博 QQ好友 朋友圈 豆瓣"
    ).split()
)
_COPYRIGHT = prefiltered(
    re.compile(
        r"(版权所有|版权归|版权声明|Copyright|©|ICP备|ICP证|备案号|公网安备|All Rights Reserved|侵权|"
        r"Public domain|公有领域|Creative Commons|CC BY)",
        re.I,
    )
)


_NOTICE_KIND = r"免责|版权|特别|法律|网站|本站|郑重|慎重|严正|重要|原创|转载"
_NOTICE_HEAD = re.compile(
    rf"^[【\[（(*\s]*(?:{_NOTICE_KIND})?(?:声明|申明)[】\])）*\s]*[:：]"
    rf"|^\s*[【\[](?:{_NOTICE_KIND})?(?:声明|申明)[】\]]"  # 【慎重声明】凡本站…
)
_NOTICE_LINE = 600
# A page's comment box and a template's placeholders for it (这里已调用系统的评论列表模块).
_COMMENTS = prefiltered(
    re.compile(
        r"评论(?:列表|模块|框)|暂无评论|(?:发表|我要|查看全部|查看更多|登录后?)评论|我来说两句|"
        r"\d+\s*条评论|已有\d+人(?:评论|参与)|^\W*(?:网友|最新|热门|全部|精彩)评论\W*$"
    )
)
_COMMENTS_LINE = 40
# The account asking for comments as its last words (欢迎在下方留言评论, 评论区告诉我们):
# the question before it is the prompt's own.
_ASK_COMMENTS = re.compile(
    r"(?:(?:欢迎|可以|请|快来|来)(?:大家|你|您)?(?:在|到)?(?:下方|文末|评论区|留言区)?(?:留言|评论)区?"
    r"(?:评论|讨论|交流|分享|告诉我们?|说说|聊聊)?|(?:评论区|留言区)(?:留言|见|聊聊|说说|告诉(?:我们?|小编)|分享|讨论))"
    r"(?:吧|哦|哟|呀|~)?\W*$"
)
_ASK_LINE = 120
# Arrows pointing down at the end of a short line. In the head they point at the article's
# own pictures (…一起动起来！↓↓↓); in the tail, at a card or a QR code.
_POINTER = re.compile(r"[↓👇⬇]{2,}\W*$")
_POINTER_LINE = 40
_DOWN_ARROWS = any_of("↓", "👇", "⬇")
_UP_ARROWS = any_of("👆", "☝", "↑")
_UP_POINTER = re.compile(r"^\W*(?:👆|☝|↑↑)|(?:👆|☝|↑↑)\W*$")
# A column's name and its link to the full list: 视频新闻 更多>>, 影像资料 More».
_MORE_LINK = re.compile(r"(?:更多|more)\s*(?:>>|»|>|》》|＞＞)\s*$", re.I)
_MORE_LINK_LINE = 20
# What a pager leaves alone on a line: 第14页, 共3页, 1/5页.
_PAGE_NUMBER_LINE = 20
_PAGE_NUMBER = re.compile(
    r"^[\W_]*(?:第\s*\d{1,4}\s*页|共\s*\d{1,4}\s*页|\d{1,4}\s*/\s*\d{1,4}\s*页)[\W_]*$"
)
# A call to the seller: 欢迎来电咨询, 随时咨询我们, 联系您的顾问老师, a 400 hotline. In the
# tail only; a numbered item (三、咨询电话…) is a notice's own.
_CALL_US = prefiltered(
    re.compile(
        r"欢迎(?:来电|致电|垂询|洽谈|订购|选购|咨询)|如果?(?:您|你)有(?:任何)?疑问.{0,30}(?:可以|请|欢迎)?(?:通过|联系|咨询|致电)|"
        r"了解.{0,24}更多(?:信息|详情|资讯)\W*$|如果?(?:您|你)对.{2,40}(?:感兴趣|有兴趣|有需要|有需求)|(?:来电|致电)(?:咨询|垂询|洽谈|索取|订购)|"
        r"(?:随时|及时)(?:咨询|联系)我们|联系我们\s*[:：]\s*\S|(?:在线|免费)咨询|获取.{0,6}报价|欢迎.{0,4}(?:咨询|垂询)|"
        r"欢迎.{0,24}加入我们|联系您的(?:顾问|客服|专属)|(?:欢迎|请|赶快|尽快|快来)\W{0,2}联系我们|"
        r"联系我们(?:咨询|了解|获取)|感谢(?:大家|您|你)的?(?:阅读|观看|收看)|为[你您](?:整理|收集)|"
        r"(?:就|请|[，,]\s*)上[\u4e00-\u9fffA-Za-z0-9 ]{2,10}(?:网|网站|平台|官网)\W*$|"
        r"(?:今天|本期|今日)的?(?:分享|内容|文章)(?:就)?到这里|下期再见|(?<!\d)400-?\d{3}-?\d{4}(?!\d)"
    )
)
_CALL_LINE = 80
# A short label and a bare address after it: where to find the site, not the article's.
_LABELLED_URL = re.compile(
    r"^[^，。：:]{2,16}[:：]\s*(?:https?://|www\.|[a-z0-9-]+(?:\.[a-z0-9-]+)*\."
    r"(?:com|cn|net|org|gov|edu|ch|io|cc|info)(?![a-z]))[\x21-\x7e]*$",
    re.I,
)
_LABELLED_URL_LINE = 60
# A link alone on its line, also without its scheme (example.com/a/%E9%82…).
_URL_ONLY = re.compile(
    r"^\s*(?:https?://|www\.|[\w-]+(?:\.[\w-]+)*\.(?:com|cn|net|org|cc|info|top|xyz|vip)/)\S+\s*$",
    re.I,
)
# "原文链接：https://…", "本文地址：…": where the page was taken from.
_SOURCE_LINK = re.compile(
    r"^\s*(?:原文链接|原文地址|本文链接|本文地址|文章链接|文章地址|来源链接|转载请注明|转载自|出处|"
    r"[\u4e00-\u9fff]{0,4}网址|官网|"
    r"网站|链接)\s*[:：]?.*"
    r"(?:https?://|www\.)",
    re.I,
)
# A database export's identifier line: "【法宝引证码】 CLI.11.1535062", "【文档编号】 A-123".
# An account's issue counter above the article: 第350期·728篇, 第12期.
_ISSUE_NUMBER = re.compile(
    r"^[\W_]*第?\s*[\d一二三四五六七八九十百千]+\s*期(?:[·・|\s]*总?第?\s*\d+\s*[篇期])?[\W_]*$"
)
# An issue counter with its running total, at either edge (2022年第881期（总第4516期）).
_RUNNING_ISSUE = re.compile(
    r"^[\W_]*(?:(?:19|20)\d{2}\s*年)?\s*第?\s*\d+\s*期\s*[（(·・|\s]*总第?\s*\d+\s*期[)）]?[\W_]*$"
)
# An account counting its posts above the article (☞这是某某发布的第15864篇文章).
_POST_COUNT = re.compile(
    r"^\W*(?:这是.{2,30}?(?:发布|推送|分享)的|日更)第\W*\d+\W*篇(?:原创)?(?:文章|推文|更新)?\W*$"
)
# An account's reading-time stamp over the article.
_READING_TIME = re.compile(
    r"^\W*(?:(?:正文|全文|本文)共?\s*\d+\s*字[，,\s]*)?(?:预计)?阅读(?:时间|时长|需要|约需)?\s*[:：]?\s*"
    r"(?:约|大约)?\s*\d+(?:\.\d+)?\s*(?:分钟|min)\W*$"
)
_READING_LINE = 40
# A document site's fields for the file it hosts, one a line.
_DOC_FIELD = re.compile(
    r"^[-•·*\s]*(?:文件|文档)?(?:格式|大小|页数)\s*[:：]\s*"
    r"(?:[A-Za-z]{2,5}|\d+(?:\.\d+)?\s*(?:KB|MB|GB|K|M|页)?)\s*$",
    re.I,
)
_DOC_FIELD_LINE = 24
_ID_LINE = re.compile(r"^\s*【[^】]{1,10}(?:码|号|编号|ID|id)】\s*[A-Za-z0-9.\-_/]+\s*$")


_SPAM_TERMS = prefiltered(
    re.compile(
        r"(视频|在线|免费|午夜|福利|精品|久久|中文字幕|字幕|一区|二区|三区|国产|欧美|日韩|亚洲|av|丝袜|老湿|"
        r"香蕉|成人|无码|高清|播放|影院|电影|伦理|美女|www\.|影视|观看|剧场|专区|第一页|\d{2,}[a-z]|"
        r"[a-z]{2,}\d)",
        re.I,
    )
)
_SPAM_SPLIT = re.compile(r"[,，、|/\s]+")
# A list's header is also made up from parts (往期推荐, 系列回顾, 为您推荐, 好课推荐, 精彩内容):
# a "which" word and a "what" word. 回顾 alone (精彩回顾) heads an event's own photo section.
_LIST_WHICH = (
    r"往期|往日|过往|系列|历史|近期|热门|热点|热文|精选|精彩|好文|好课|为您|为你|更多|今日|本周|每周|"
    r"拓展|扩展"
)
_LIST_WHAT = r"推荐|阅读|文章|好文|课程|专题|合集|链接|内容|新闻|资讯|视频"
# Only in the page's tail: inside an article 精彩内容 or 历史文章 may head its own section,
# and in the head 今日推荐｜… is a title.
_LIST_HEAD = re.compile(
    r"^[\s#>*\-—=~_【\[]*"
    rf"(?:(?:{_LIST_WHICH})(?:精彩)?(?:{_LIST_WHAT})|(?:往期|往日|系列|历史)(?:精彩)?回顾|"
    r"(?:往期|近期|更多|热门|本周|历史)活动)(?=\W|$)"
)
_LIST_HEAD_LINE = 40
# A header that sends the reader to the titles under it (请点击下方蓝色标题：).
_CLICK_TITLES = re.compile(r"点击(?:下方|下面|以下)[^，。]{0,6}标题\W*$")
_GLUED_LIST_LINE = 300
# An emphasis closed and opened again inside a phrase (**往期****精彩****回顾**).
_HAN_EMPHASIS = re.compile(r"(?<=[\u4e00-\u9fff])\*{4}(?=[\u4e00-\u9fff])")


def _unbroken(line: str) -> str:
    return _HAN_EMPHASIS.sub("", line) if "****" in line else line


# The header at the end of a line that names its account first (“某某”公众号近期文章精选：).
_LIST_HEAD_END = re.compile(
    rf"(?:{_LIST_WHICH})(?:精彩)?(?:{_LIST_WHAT})(?:精选|推荐|回顾|合集|汇总)?\s*[:：]?\s*$"
)
_TITLE_ROOM = 2  # lines at the top of a short page where 今日推荐｜… is still a title
# A header naming its topic first (光热发电阅读推荐, 党建好文推荐): the whole short line.
_TOPIC_LIST_HEAD = re.compile(
    r"^\W*[\u4e00-\u9fff]{0,8}?(?:阅读推荐|推荐阅读|延伸阅读|拓展阅读|相关阅读|往期回顾|往期推荐|"
    r"精彩推荐|好文推荐|文章推荐)\W*$"
)
_RELATED_HEAD = re.compile(
    r"^[\s#>*\-]*(?:【[^】]{0,20}】\s*)?(相关报道|相关新闻|相关资讯|相关链接|相关热词搜索|热词搜索|"
    r"相关搜索|推荐阅读|相关阅读|相关文章|相关推荐|大家都在看|"
    r"相关范文|猜你喜欢|热门推荐|热门文章|延伸阅读|精彩推荐|更多相关|你可能感兴趣|相关标签|热门标签|(?:你|您)?可能(?:还|也)?(?:会)?(?:关注|喜欢|想看)|"
    r"本文标签|本文关键词|上一篇|下一篇|上一条|下一条|(?i:previous|next)\s*(?i:post|article)|上一文章|下一文章|前一篇|后一篇|最新文章|热门范文|推荐文章|同类文章|"
    r"热门城市|热门搜索|热门关键词)\s*[:：]?|^\s*(?:(?i:tags?)\s*)?(?:标签|关键词|关键字|(?i:tags?|keywords?))\s*[:：]"
)
# Under a list's header any symbol may bullet a title (⊙, ❖, ★, 💗, 👉): dingbats and emoji.
_BULLET = re.compile(r"^[·•◆◇■□▪●○⊙\-*\u2190-\u21ff\u25a0-\u27bf\U0001f300-\U0001faff]\s*\S")


_DOWNLOAD = prefiltered(
    re.compile(
        r"(^推荐度\s*[:：]?|推荐度\s*[:：]?\s*$|合集下载|VIP专享|会员专享|付费文档|内容已隐藏|此处隐藏\s*\d*\s*字|隐藏内容|未完[，,]?\s*(?:待续|下载|请|点击)|以上为部分内容|完整(?:版|内容)请下载|试读结束|试看结束|付费内容|(?:购买|支付)后(?:即?可)?(?:查看|下载|阅读)|(?:本文档|文档|全文)共\s*\d+\s*页|点击下载|(?:已阅读|还剩)\s*\d+\s*页|继续免费阅读|下载文档|文档为\s*doc\s*格式|下载word|word版下载|免费下载|下载地址|"
        r"文档下载|全文阅读|阅读全文|查看全文|展开全文|剩余\d+字|付费阅读|开通VIP|下载本文|本文下载|"
        r"下载此文档|完整版下载|余下全文|登录后|立即下载|下载附件|展开列表|展开全部|即可下载|下载对应|完整(?:文档|版|资料|电子版)\W*(?:领取|下载|获取)|^\W*(?:资源|资料|附件|文件)下载\W*$|^\W*下载(?:资源|资料|附件|文件)\W*$)",
        re.I,
    )
)
_RANDOM_TOKEN = re.compile(r"^(?=[0-9a-z]*\d)(?=[0-9a-z]*[a-z])[0-9a-z]{16,}$")


def _meta(line: str, edge: bool) -> bool:
    if edge and len(line) <= _POSTED_LINE and _POSTED_AT.search(line):
        return True  # a directory site's blurb about the page, whatever its length
    if edge and len(line) <= _REVISED_LINE and _REVISED.match(line):
        return True
    if edge and len(line) <= _WIKI_LINE and _WIKI_NOTICE.match(line):
        return True
    if edge and len(line) <= _ORIGINAL_TITLE_LINE and _ORIGINAL_TITLE.match(line):
        return True
    if edge and _STAMP_LINE.match(line):
        return True  # 2017-03-29 00:00:00 某某 策划师: when, by whom, in which column
    if len(line) > 120:
        return False
    keys = {m.group(1) for m in META_KEYS.finditer(line)}
    if len(keys) >= 2:
        return True
    return bool(keys) and edge and len(line) <= 40 and bool(_STRONG_META.match(line))


_ACTION_SPLIT = re.compile(r"[\s|【】\[\]:：]+")  # compiled once: re.split looked it up per line


def _actions(line: str) -> bool:
    if len(line) > 60:
        return False
    tokens = [t for t in _ACTION_SPLIT.split(line) if t]
    if not tokens:
        return False
    hits = sum(len(t) for t in tokens if t in _ACTION_WORDS or META_KEYS.fullmatch(t + ":"))
    return hits / sum(len(t) for t in tokens) >= 0.6 and len(tokens) >= 2


_CJK_WORD = re.compile(r"[\u4e00-\u9fffA-Za-z]+")
_NAV_SPLIT = re.compile(r"[|｜/·•\s]+")


def _navigation(line: str, in_head: bool) -> bool:
    """A menu: many very short items (首页|工作总结|工作计划|…), no sentence."""
    if SENTENCE_END.search(line):
        return False
    items = [t for t in _NAV_SPLIT.split(line) if t]
    if len(items) < 4 or any(len(t) > 8 for t in items):
        return False
    # Menu items are words (工作总结, 心得体会), not measurements or table cells.
    if any(not _CJK_WORD.fullmatch(t) for t in items):
        return False
    return in_head or "首页" in items


_PIPES = re.compile(r"\s*[|｜丨]\s*")
_PIPE_ITEMS = 3
_PIPE_ITEM = 16
_MENU_ITEM = re.compile(r"\w+")  # 52款一层别墅: words, figures among them


def _pipe_menu(plain: str) -> bool:
    """A row of column links or services (某某专栏 | 某某专栏 | …, 就业帮扶｜职业指导｜…).

    Only words between the bars: a table row (| 项目 | 12.5 |) starts with its bar and
    holds figures, a title (专题｜某地召开…) has one bar and a sentence.
    """
    if plain.startswith(("|", "｜")) or SENTENCE_END.search(plain):
        return False
    items = [t for t in _PIPES.split(plain.strip()) if t]
    return len(items) >= _PIPE_ITEMS and all(
        len(t) <= _PIPE_ITEM and CJK.search(t) and _MENU_ITEM.fullmatch(t.replace(" ", ""))
        for t in items
    )


def _in_listing(lines: Sequence[str], i: int) -> bool:
    """The line above is barred too but is no menu: rows of the article's own listing.

    (**通州**万科·大都会滨江丨… / **门头沟**峯范北京丨中骏天峰丨…: projects by district.)
    """
    above = next((ln.strip() for ln in reversed(lines[:i]) if ln.strip()), "")
    plain = above.replace("*", "")
    return len(_PIPES.findall(plain)) >= _PIPE_ITEMS - 1 and not _pipe_menu(plain)


# The account's name set as a banner above the article (—某某幼儿园—, -某某医院-).
_BANNER = re.compile(r"^[\s*]*[—\-－·•~～=]+\s*([^—\-－·•~～=]{2,20}?)\s*[—\-－·•~～=]+[\s*]*$")


# The account's motto set as a banner: 关注某某关注某某 (two 关注 calls and nothing else).
_FOLLOW_BANNER = re.compile(r"^[\W_]*(?:关注[\u4e00-\u9fffA-Za-z]{2,10}[\W_]*){2}$")


def _account_banner(line: str) -> bool:
    m = _BANNER.match(line)
    if m is not None and bool(SIGNATURE.search(m.group(1))):
        return True
    return line.count("关注") == 2 and bool(_FOLLOW_BANNER.match(line))


# A seller's WeChat or QQ to add (添加v：某某, vx同号), with what it sells: an ad line.
_WECHAT_ID = re.compile(WECHAT_ID, re.I)
_SELLS = re.compile(r"价格|开通|购买|咨询|报名|优惠|下单|订购|团购|领取")
_SELL_LINE = 100


def _ad(line: str, edge: bool) -> bool:
    cues = {m.group(1).lower() for m in AD_CUES.finditer(line)}
    if len(cues) >= 3 or (len(cues) >= 2 and (edge or line.lstrip().startswith("【"))):
        return True
    if (
        edge
        and len(line) <= _SELL_LINE
        and _WECHAT_ID.search(line)
        and _SELLS.search(line)
        and not line_marker(line)  # 2、…请提前预约，咨询热线…（微信同号）: the notice's own item
    ):
        return True
    # A short line that is nothing but a call to scan or claim (微信扫码领取福利).
    plain = len(line.replace("*", ""))
    return edge and any(
        _SHORT_AD.fullmatch(c) and plain <= (_GROUP_LINE if c.startswith("群") else 20)
        for c in cues
    )


# A 范文 site's blurb over (or under) the texts it hosts: who gathered them, and a wish
# for the reader. Both halves are needed; a report's own 以下是…情况 has no such wish.
_SITE_INTRO = prefiltered(
    re.compile(
        r"(?:(?:以下|下面|下文|本文)(?:是|为)?(?:小编|本站|编辑|我们|笔者)?|小编(?:以下|下面)?).{0,8}"
        r"(?:精心|为大家|为您|为你|帮大家|给大家)?(?:整理|收集|搜集|汇编|编辑|推荐|分享|带来)"
        # …欢迎阅读由某某之家整理的十篇范文，供你借鉴。
        r"|由[^，。]{2,16}?(?:整理|收集|搜集|汇编|精选|推荐)(?:的[^，。]{0,8}(?:范文|文章|篇)|\s*[，,。])"
        # a content site's sign-off: 以上就是…的介绍，希望对大家有所帮助。
        r"|^\W*以上(?:就)?(?:是|为)[^。！？]{0,60}?(?:介绍|内容|分享|讲解|推荐|知识)"
    )
)
_WISH = prefiltered(
    re.compile(
        r"供(?:大家|您|你)?(?:参考|借鉴|阅读)|欢迎(?:大家)?(?:阅读|借鉴|参考|分享|收藏|查阅)|"
        r"(?:希望|但愿)(?:对|能|可以|能够|会|为|给)?(?:大家|您|你|各位).{0,8}(?:帮助|有所帮助|有用|启发)|仅供参考|"
        r"更多[^，。]{0,10}请(?:访问|关注|登录|搜索)|"
        r"希望(?:能够?|可以)?(?:帮助|帮)到?(?:大家|您|你)|"
        r"(?:一起|快)来看看吧|"
        # …小编整理的…相关内容，如果您对相关知识还有疑问，可以拨打咨询热线。
        r"(?:如果|如)(?:您|你)?(?:对[^，。]{0,12})?(?:还有|有任何|有)?(?:疑问|问题|需要|需求)[^。]{0,10}?(?:拨打|致电|联系|咨询)"
    )
)
_SITE_INTRO_LINE = 400
# Words one of which each of these patterns needs: a substring test is far cheaper than
# the pattern, and most lines hold none of them.
_SITE_INTRO_WORDS = any_of("小编", "以下", "下面", "下文", "本文", "由", "以上")
_SHARED_WORDS = any_of("分享", "搜索", "收益", "下载")


# A document-sharing site's line under each file: who shared it and where to find more.
_SHARED_DOC = prefiltered(
    re.compile(
        r"由(?:会员|用户|网友)分享|请在.{1,12}(?:网|站|平台)上?搜索|"
        r"提供给(?:网友|用户|大家)(?:免费)?下载"
    )
)
_PREVIEW_PAGE = re.compile(
    r"^\W*\S{1,60}?(?:\.(?:docx?|pdf|pptx?|xlsx?|txt|wps))?_第\s*\d{1,4}\s*页\W*$", re.I
)
# A group's number names the group before it (2022某某综合招聘群：210955843).
_GROUP_LINE = 30
# One of these is enough on a short edge line (微信客服号：, 加微了解详情); a bare 客服 is not
# (客服工作时间). It tests the cues AD_CUES found, so their guards (增加微量…) hold here too.
_SHORT_AD = re.compile(
    r"(?:商务|广告|媒体)合作|广告推广|扫码|扫一扫|领取福利|二维码|微信号|(?:微信|添加|加)客服号?|客服(?:号|微信|qq)|群[:：]\s*\d{5,}|加微"
)


def _spam(line: str) -> bool:
    if SENTENCE_END.search(line):
        return False  # keyword lists never hold a sentence
    # Keyword lists are lists of Chinese phrases; a URL's pieces are not items.
    items = [t for t in _SPAM_SPLIT.split(line) if t and CJK.search(t)]
    if len(items) < 4:
        return False
    spam = sum(1 for t in items if _SPAM_TERMS.search(t))
    return spam / len(items) >= 0.5


_NUMBERED_TITLE = 80
_COLLECTION_TITLE = re.compile(
    r"[（(](?:通用|精选|优选|最新|热门|精华|汇总)?\s*\d{1,3}\s*篇[）)]\s*$"
)


def _numbered_title(line: str) -> bool:
    """A numbered title under a list's header: longer than a bare title, still no clause."""
    return len(line) <= _NUMBERED_TITLE and bool(line_marker(line)) and not CLAUSE_END.search(line)


def classify_lines(lines: Sequence[str], repeated: frozenset[str] = frozenset()) -> dict[int, str]:
    """Map line index → removal rule for every line that is page furniture.

    Example:
        >>> classify_lines(["某某范文网", "当前位置 首页 > 总结", "正文。", "相关文章:", "标题一05-27"])
        {0: 'site_header', 1: 'breadcrumb', 3: 'related_links', 4: 'related_links'}
    """
    nonempty = [i for i, ln in enumerate(lines) if ln.strip()]
    head = head_zone(nonempty)
    tail = set(nonempty[-TAIL_LINES:])
    rules: dict[int, str] = {}
    in_related = False
    prev = -1
    for i in nonempty:
        line = lines[i].strip()
        edge = i in head or i in tail
        judged = _edge_line_rule(line, i in head) if edge else _line_rule(line, False, False)
        rule = judged or _edge_rule(lines, i, head, tail)
        # A link list runs over adjacent title lines; after a blank line only dated or
        # bulleted lines still belong to it.
        if (
            in_related
            and rule is None
            and not _COLLECTION_TITLE.search(line)  # 某某方案(通用6篇): the page's own title
            and (
                DATE_TAIL.search(line)
                or _BULLET.match(line)
                or (link_like(line) and i == prev + 1)
                or (i == prev + 1 and _numbered_title(line))
            )
        ):
            rules[i] = "related_links"
            prev = i
            continue
        in_related = False
        prev = i
        if rule == "related_links":
            in_related = True
        if rule:
            rules[i] = rule
    _disclosure_block(lines, nonempty, rules)
    _stamp_dates(lines, nonempty, rules)
    _menu_column(lines, nonempty, rules)
    _widen_tail(lines, nonempty, head, tail, rules)
    # A footer the sweeps fill in (a licence with its address lines) moves the tail zone
    # up: the credits above it are at the page's edge too, and are judged again.
    sweep_page(
        lines,
        nonempty,
        rules,
        repeated,
        rejudge=lambda: _widen_tail(lines, nonempty, head, tail, rules, longest=_REJUDGED_LINE),
    )
    return rules


_REJUDGED_LINE = 40

# A site's menu set one item a line above the article (首页 / 学习 / 活动 / 专区 / 工具).
_MENU_LINE = re.compile(r"^[\u4e00-\u9fff]{1,4}$")
_MENU_WORDS = frozenset(
    "首页 登录 注册 发布 更多 搜索 专栏 社区 学习 活动 工具 专区 资讯 新闻 视频 问答 下载 商城 "
    "关于 帮助 排行 频道 论坛 博客 直播 课程 文库 图片 政务 服务 互动 公开".split()
)
_MENU_ITEMS = 5
_MENU_REACH = 30


def _menu_column(lines: Sequence[str], nonempty: list[int], rules: dict[int, str]) -> None:
    """Five or more one-word lines in a row near the top, two of them menu words."""
    words = {i: lines[i].strip().replace("*", "") for i in nonempty[:_MENU_REACH]}
    for run in runs(words, lambda i: bool(_MENU_LINE.match(words[i]))):
        if len(run) >= _MENU_ITEMS and sum(words[i] in _MENU_WORDS for i in run) >= 2:
            for i in run:
                rules.setdefault(i, "navigation")


# A government site's disclosure card over the document: its fields and their values,
# often each on a line of its own (索引号: / 6107280000/2024-001005 / 发文字号: / 某政发〔2024〕7号).
_DISCLOSURE_FIELD = re.compile(
    r"^[\W_]*(索引号|主题分类|体裁分类|组配分类|服务对象|发文机构|发布机构|发文字号|文号|发文日期|成文日期|"
    r"生成日期|发布日期|有效性|时效|内容概述|公开方式|公开范围|公开时限|主题词|信息来源|来源)\s*[:：]\s*(.*)$"
)
_DISCLOSURE_VALUE = 40
_DISCLOSURE_FIELDS = 3
_DISCLOSURE_REACH = 40  # non-empty lines from the top where the card may sit


def _disclosure_block(lines: Sequence[str], nonempty: list[int], rules: dict[int, str]) -> None:
    """Runs of three or more disclosure fields near the top, with their value lines."""
    run: list[int] = []
    fields = 0
    open_field = False  # the last field line had no value: the next short line is it

    def close() -> None:
        if fields >= _DISCLOSURE_FIELDS:
            for j in run:
                rules.setdefault(j, "page_meta")

    for i in nonempty[:_DISCLOSURE_REACH]:
        line = lines[i].strip()
        m = _DISCLOSURE_FIELD.match(line)
        if m and len(m.group(2)) <= _DISCLOSURE_VALUE:
            run.append(i)
            fields += 1
            # 内容概述: closes the card; the line under it is the document's title
            open_field = not m.group(2).strip() and m.group(1) != "内容概述"
        elif open_field and len(line) <= _DISCLOSURE_VALUE and not CLAUSE_END.search(line):
            run.append(i)
            open_field = False
        else:
            close()
            run, fields, open_field = [], 0, False
    close()


# A bare date field (时间:2011-12-7) is the posting's stamp when the page's other stamps
# (来源:…, 作者:…) sit beside it; alone it may be an event's time, the notice's own.
# (a clock time to the second, 17:40:48, is a posting's; an event is set to the minute)
_DATE_FIELD = re.compile(
    rf"^\W*(?:时间|日期)\s*[:：]\s*{POSTED_DATE}(?:\s*\d{{1,2}}:\d{{2}}(:\d{{2}})?)?\W*$"
)
# A category, the posting's date and a button on one line (工作汇报 时间:2021-08-31 手机版).
_CATEGORY_STAMP = re.compile(
    rf"^\S{{2,8}}\s+(?:时间|日期)\s*[:：]\s*{POSTED_DATE}(?:\s*\d{{1,2}}:\d{{2}}(?::\d{{2}})?)?"
    r"\s+\S{1,8}$"
)


def _stamp_dates(lines: Sequence[str], nonempty: list[int], rules: dict[int, str]) -> None:
    """Date fields in the head next to the page's own stamps, or stamped to the second."""
    head = nonempty[:HEAD_LINES]
    for k, i in enumerate(head):
        line = lines[i].strip()
        if i in rules:
            continue
        if _CATEGORY_STAMP.match(line):
            rules[i] = "page_meta"  # 工作汇报 时间:2021-08-31 手机版
            continue
        m = _DATE_FIELD.match(line)
        if m is None:
            continue
        near = head[max(0, k - 1) : k + 2]
        if m.group(1) or any(rules.get(j) == "page_meta" for j in near if j != i):
            rules[i] = "page_meta"


_SCOPE = re.compile(rf"^\W*[\u4e00-\u9fff]{{0,8}}?{SCOPE_WORDS}\W*[:：]")
_SCOPE_LINE = 300
_AD_SERVICES = re.compile(r"宣传|推广|广告|合作|策划")
# A line that ends on a hotline and its numbers.
_TRAILING_CONTACT = re.compile(
    r"(?:热线|电话|手机|联系方式)\s*[:：]\s*(?:(?:\[phone number\]|[\d\-－()（）]{7,})[\s/、，,]*){1,3}$"
)
# Titles run together on one line (…招聘公告力同铝业…招聘公告青海…): a notice's name
# followed at once by the next title's first character.
# The account's promo under a long rule on the same line (------ 看更多推荐，可使用某某APP…).
_RULED = re.compile(r"^[\s*]*[-—－─━=＝_~～·*]{10,}\s*(\S.*)$")
_RULED_CUES = re.compile(
    r"推荐|关注|APP|app|官网|官方网址|下载|扫码|等你|公众号|微信|点击|咨询|报名"
)
# A credit with the closing link list run on after it (来源：某某医院**精彩回顾：** ✔…✔…).
_LIST_AFTER = re.compile(r"(?:精彩|往期)(?:回顾|推荐|精彩)|推荐阅读|相关阅读|相关推荐")
# A site's terms for its visitors under the article (评论：如果您有评论权限，您可以…本站…).
_SITE_TERMS_LINE = 200
# A seller's list of what it recommends (**某某网推荐热卖课程：**…；…；…).
_SELLS_LIST = re.compile(
    r"^\W*[^，。：:]{0,12}(?:推荐|热卖|热销|精品|爆款)(?:热卖|热销|精品)?(?:课程|产品|商品|好物|好课)\W*[:：]"
)
# A business directory's badge after a member's name (某某有限公司（普通会员）).
_MEMBER_BADGE = re.compile(
    r"^[^，。；]{2,30}[（(](?:普通|高级|VIP|vip|金牌|钻石|认证|免费|收费|诚信|正式)会员[）)]\W*$"
)
# A blog engine's line under the post: who posted it, in which category, with which tags
# (by admin Posted in 某某 Tagged 某某,某某).
_POSTED_IN = re.compile(
    r"^\W*(?:by\s*\S+\s*)?Posted\s*in(?![A-Za-z]).{0,200}?(?<![A-Za-z])Tagged(?![A-Za-z])", re.I
)
# A classified ad run in under the article (某某房出售，位置优越。联系电话：…，非诚勿扰。).
_CLASSIFIED = re.compile(r"出售|出租|转让|求购|求租|招租")
_CLASSIFIED_LINE = 80
# An account's name set as a banner between stars (★【某某权威发布】★).
_STAR_BANNER = re.compile(r"^[\W_]*[★☆✦✧◆]+[\W_]*【[^】]{2,16}】[\W_]*[★☆✦✧◆]+[\W_]*$")
# A course package offered under the article (某某考试高效特训班套餐（某某主讲）).
_PACKAGE = re.compile(r"(?:特训班|精讲班|冲刺班|提分班|网课|课程|班型)(?:套餐|礼包)")
_PACKAGE_LINE = 40
_GLUED_NOTICE = re.compile(r"(?:公告|通知|公示|简章|启事)(?=[\u4e00-\u9fffA-Za-z0-9])")
_GLUED_NOTICES = 2


# A site's furniture (its header, prompts, footer) recurs on every page it serves, and at
# a page's edges, where a line meets the most rules, most lines are furniture: 40% of the
# edge lines of a few megabytes of pages were judged before, against 9% of body lines.
_EDGE_RULE_CACHE = 1 << 14


@lru_cache(maxsize=_EDGE_RULE_CACHE)
def _edge_line_rule(line: str, in_head: bool) -> str | None:
    """``_line_rule`` of an edge line, remembered: it is a function of its arguments alone
    (keep it so, or drop the cache)."""
    return _line_rule(line, True, in_head)


_DISCLAIMER_LINE = 160


def _disclaimer(line: str) -> bool:
    """A notice that the text is not the site's own or not its word (版权归原作者，如有侵权…).

    A numbered clause (（二）作品版权归原作者所有) is a notice's own rule, not the page's.
    """
    return len(line) <= _DISCLAIMER_LINE and bool(DISCLAIMER.search(line)) and not line_marker(line)


def _line_rule(line: str, edge: bool, in_head: bool) -> str | None:
    plain = line.replace("*", "")  # Markdown emphasis is neither a cue nor length
    if _PAID_LINE.fullmatch(line):
        return "paid_marker"
    if (
        _RELATED_HEAD.match(line)
        and (edge or len(line) <= 40)
        # a paragraph that opens with the words (相关报道被国内自媒体转载，…。) is prose
        and not (len(line) > _LIST_HEAD_LINE and CLAUSE_END.search(line))
    ):
        return "related_links"
    if (
        edge
        and not in_head
        and len(line) <= _LIST_HEAD_LINE
        and (
            _LIST_HEAD.match(_unbroken(line))  # **往期****精彩****回顾**
            or _TOPIC_LIST_HEAD.match(plain)
            or _LIST_HEAD_END.search(plain)
        )
    ):
        return "related_links"  # **------往期推荐-----**, 系列回顾⊙某某: a title may follow it
    if (
        edge
        and not in_head
        and len(line) <= _GLUED_LIST_LINE
        and not CLAUSE_END.search(line)
        and _LIST_HEAD.match(_unbroken(line))
    ):
        return "related_links"  # **往期精彩回顾**某某新增…下单，到货！…: the titles run on
    if edge and len(plain) <= _LIST_HEAD_LINE and "标题" in plain and _CLICK_TITLES.search(plain):
        return "related_links"  # 看更多文章，请点击下方蓝色标题： — the titles follow
    if len(line) <= _SPACED_HEAD and (
        _RELATED_HEAD.match(_SPACES.sub("", line))
        or (edge and not in_head and _LIST_HEAD.fullmatch(_SPACES.sub("", plain)))
    ):
        return "related_links"  # 推 荐 阅 读, **往期 ·推荐**: headers are spaced out for looks
    if _spam(line):
        return "spam_keywords"
    if edge and not in_head and "标签" in line and _TAGS.search(line) and "。" not in line:
        return "related_links"  # …相关标签：某某,某某价格,某某批发 (after a site's prefix)
    if edge and not in_head and _ARROWS_FIRST.match(line) and _JOIN_CALL.search(line):
        return "ad_block"  # ↓↓↓加入队伍…积极加入某某考试群: points at the card below
    if edge and not in_head and len(line) <= _ARROWS_CALL_LINE and _ARROWS_CALL.search(line):
        return "ad_block"  # 某某便民信息↓↓↓点击某某一键发布噢
    if (
        edge
        and len(line) <= _SITE_INTRO_LINE
        and _SITE_INTRO_WORDS.search(line)
        and _SITE_INTRO.search(line)
        and _WISH.search(line)
    ):
        return "site_intro"  # …以下是小编精心整理的总结范文，供大家参考借鉴，希望可以帮助到…
    if (
        edge
        and len(line) <= _SITE_INTRO_LINE
        and _SHARED_WORDS.search(line)
        and _SHARED_DOC.search(line)
    ):
        return "site_intro"  # 《某某.docx》由会员分享，可在线阅读，更多相关…请在某某网上搜索。
    if "_第" in line and _PREVIEW_PAGE.match(line):
        return "page_counter"  # 某某.docx_第1页: a document site's preview of one page
    if _ad(line, edge):
        return "ad_block"
    n = len(line)
    if n <= 60 and (
        _DOWNLOAD.search(line) or (" " in line and _DOWNLOAD.search(_SPACES.sub("", line)))
    ):  # 展开 列表
        return "download_prompt"
    if _RANDOM_TOKEN.fullmatch(line):
        return "download_prompt"
    if (edge or n <= 60) and _COPYRIGHT.search(line) and not SENTENCE_END.search(line):
        return "copyright"
    if edge and not in_head and _NOTICE_HEAD.match(line) and len(line) <= _NOTICE_LINE:
        return "copyright"  # 声明：本网站图片、文字之类版权… (a site's legal notice, any length)
    ruled = _RULED.match(line) if edge and not in_head else None
    if ruled and _RULED_CUES.search(ruled.group(1)):
        return "ad_block"  # ------ 看更多赛事推荐，可使用某某APP，大咖都在等你哦！
    if (
        edge
        and not in_head
        and n <= _SITE_TERMS_LINE
        and "本站" in line
        and "您" in line
        and not line_marker(plain)
    ):
        return "copyright"  # 评论：如果您有评论权限…是本站所不可容忍的
    if (
        edge
        and not in_head
        and n <= _CLASSIFIED_LINE
        and "非诚勿扰" in line
        and _CLASSIFIED.search(line)
        and PHONE.search(line)
    ):
        return "ad_block"  # 某某房出售…联系电话：…，非诚勿扰。
    if edge and not in_head and "osted" in line and _POSTED_IN.match(line):
        return "related_links"  # by admin Posted in 某某 Tagged 某某,某某
    if edge and "【" in line and _STAR_BANNER.match(line):
        return "ad_block"  # ★【某某权威发布】★
    if edge and n <= _PACKAGE_LINE and _PACKAGE.search(plain) and not line_marker(plain):
        return "ad_block"  # 2021年某某考试高效特训班套餐（某某主讲）
    if edge and _SELLS_LIST.match(plain):
        return "ad_block"  # **某某网推荐热卖课程：**银行招聘考试；…
    if edge and n <= 60 and "会员" in line and _MEMBER_BADGE.match(plain):
        return "page_meta"  # 某某有限公司（普通会员）
    if edge and n <= _AUTHORISED_LINE and "授权" in line and _AUTHORISED.match(plain):
        return "copyright"  # 本文已授权本平台发布
    if edge and _disclaimer(line):
        return "copyright"  # 版权归原作者，如有侵权请联系删除。 (a full sentence, still furniture)
    if edge and not in_head and contact_line(line):
        return "contact"
    if edge and not in_head and _HANDLE_WORDS.search(line) and _HANDLE.match(plain):
        return "ad_block"
    if edge and not in_head and n <= _ABOUT_US_LINE and "我们是" in line and _ABOUT_US.match(line):
        return "ad_block"  # 【我们是一个专注于…的综合服务平台…】 under the article
    if edge and not in_head and "关于我们" in line and _ABOUT_GLUED.match(plain):
        return "ad_block"  # **关于我们**某某幼儿园位于…: the account's card run into one line
    if (
        edge
        and not in_head
        and n <= _ABOUT_US_LINE
        and ("号" in line or "”是" in line)
        and _ABOUT_ACCOUNT.match(plain)
    ):
        return "ad_block"  # 微信公众号某某为个人号，希望尽可能真实记录…
    if (
        edge
        and "稿" in line
        and n <= _SUBMIT_BLOCK
        and len(_SUBMIT.findall(line)) >= (1 if n <= _SUBMIT_LINE else 2)
        and not line_marker(line)  # 三、投稿方式: a call for papers' own section
        # above the article only a CMS's own message (如有投稿需求…); a
        # call for papers there is the page's own title
        and (not in_head or _SUBMIT_CMS.search(line))
    ):
        return "ad_block"  # 本公众号长期公开征集稿件… under the article
    if edge and n <= _REPRINT_LINE and _REPRINT_WORDS.search(line) and _REPRINT.match(plain):
        return "page_meta"  # 本文来源微信公众号“某某”，作者某某，原文标题《…》
    if (
        edge
        and _TICKER_BULLETS.search(line)
        and len(_TICKER.findall(line)) >= 2
        and not CLAUSE_END.search(line)
    ):
        # ■某某研讨会在京举办■某某里的探索…: a bar of headlines; not a list's header, so
        # the article's title under it stays
        return "navigation"
    if in_head and _head_contact(line):
        return "contact"
    if (
        edge
        and n <= _SCOPE_LINE
        and _SCOPE.match(plain)
        # above the article only the account's own offer (业务范围：商家宣传、推广、合作)
        and (not in_head or _AD_SERVICES.search(plain))
    ):
        return "ad_block"  # 主营范围：园林绿化工程；销售：…
    if edge and not in_head and n <= _CALL_LINE and _TRAILING_CONTACT.search(plain):
        return "contact"  # 租车找某某，事事都成功，租车热线：0755-88888888
    if (
        edge
        and not in_head
        and len(_GLUED_NOTICE.findall(line)) >= _GLUED_NOTICES
        and not CLAUSE_END.search(line)
        and not line_marker(line)
    ):
        return "related_links"  # …招聘公告力同铝业…招聘公告青海…招聘公告
    if (
        edge
        and not in_head
        and n <= _POINTER_LINE
        and _DOWN_ARROWS.search(line)
        and _POINTER.search(plain)
    ):
        return "ad_block"  # 快来查看吧↓↓↓ under the article points at a card below it
    if edge and n <= _COMMENTS_LINE and _COMMENTS.search(line):
        return "page_actions"
    if (
        edge
        and not in_head
        and n <= _ASK_LINE
        and ("留言" in line or "评论" in line)
        and _ASK_COMMENTS.search(plain)
        and not line_marker(plain)
    ):
        return "ad_block"  # …有你喜欢的院校吗？欢迎在下方留言评论。
    if edge and not in_head and n <= _CALL_LINE and _CALL_US.search(line) and not line_marker(line):
        return "ad_block"
    if (
        edge
        and len(plain) <= 40
        and CREDIT.match(_CREDIT_GAPS.sub("", line))
        and not line_marker(line)
    ):
        return "page_meta"  # 编   辑：某某 — labels are often spaced out
    if (
        edge
        and not in_head
        and _LIST_AFTER.search(line)
        and CREDIT.match(re.sub(r"[\s*]+", "", line))
        and not line_marker(line)
    ):
        return "page_meta"  # 来源：某某医院**精彩回顾：** ✔…✔…: the list runs on after the credit
    if edge:
        rule = prompt_rule(line)
        if rule:
            return rule
    if _AD_ONLY.match(line):
        return "ad_block"  # -广告- : the page marks its own ad
    if n <= 120 and len(_PAGER.findall(line)) >= 2:
        return "navigation"
    if n <= _PAGE_NUMBER_LINE and "页" in line and _PAGE_NUMBER.match(line):
        return "navigation"
    if n <= _MORE_LINK_LINE and _MORE_LINK.search(line):
        return "navigation"  # 视频新闻 更多>>: a column's link to its list
    if (
        edge
        and in_head
        and n <= _POINTER_LINE
        and _UP_ARROWS.search(line)
        and _UP_POINTER.search(plain)
    ):
        return "ad_block"  # 👆帮你找到…👆 points at the account's card above the article
    if _EMPTY_SHAPE.match(line) and not RULE_LINE.match(line) and not _PUNCT_ONLY.match(line):
        return "separator"  # rules of dashes are left to the splitter: they may part two versions
    if "." in line and _IMAGE_RESIDUE.match(line):
        return "separator"
    if edge and n <= _VIEWS_LINE and _VIEWS.match(line):
        return "page_meta"
    if (
        edge
        and n >= _PHONES_LINE
        and len(PHONE.findall(line)) >= _PHONES
        and not CLAUSE_END.search(line)
    ):
        return "contact"  # 广告推广：[phone number]/[phone number]…招生：[phone number]…
    if edge and not in_head and _glued_numbered_titles(line):
        return "related_links"
    if (
        edge
        and "】" in line
        and len(_GLUED_TAGGED.findall(plain)) >= 2
        and not CLAUSE_END.search(line)
    ):
        return "related_links"  # ◀【重要通知】某某…◀【今日关注】某某…: links run together
    if n <= 12 and _PAGE_LABEL.match(line):
        return "navigation"
    if _URL_ONLY.match(line) or _SOURCE_LINK.match(line):
        return "site_header"
    if edge and not in_head and n <= _LABELLED_URL_LINE and _LABELLED_URL.match(plain):
        return "site_header"  # 地图标注商家中心：www.example.cc
    if edge and n <= _READING_LINE and "阅读" in line and _READING_TIME.match(plain):
        return "page_meta"  # 正文共4672字，预计阅读时间：20分钟
    if edge and n <= _DOC_FIELD_LINE and _DOC_FIELD.match(line):
        return "page_meta"  # - 格式:docx / - 大小:18.54 KB / - 文档页数:4
    if (
        _ID_LINE.match(line)
        or (in_head and (_ISSUE_NUMBER.match(line) or ("篇" in line and _POST_COUNT.match(plain))))
        or (edge and "总" in line and _RUNNING_ISSUE.match(plain))
    ):
        return "page_meta"
    if n <= 80 and _BREADCRUMB.search(line):
        return "breadcrumb"
    if _meta(line, edge):
        return "page_meta"
    if _actions(line):
        return "page_actions"
    if "字" in line and n <= _FONT_SIZE_LINE and _FONT_SIZE.match(plain):
        return "page_actions"  # 字号:『 大字体 中字体 小字体 』
    if _navigation(line, in_head):
        return "navigation"
    if in_head and site_name(line):
        return "site_header"
    if in_head and n <= _GREETING_LINE and _GREETING.match(plain):
        return "site_header"  # 欢迎来到某某在线作文网!
    if edge and n <= _GREETING_LINE and _SEARCH_BOX.match(plain):
        return "navigation"  # 请输入您要查询的百科知识:
    if edge and not in_head and n <= _HOLDINGS_LINE and "收录" in line and _HOLDINGS.search(plain):
        return "site_intro"  # 百科全书收录4421916条中文百科知识，…
    if in_head and _account_banner(line):
        return "site_header"
    return None


_PAID_LINE = re.compile(r"#{2,}\s*[a-z]+\s*#{2,}", re.I)
_CREDIT_GAPS = re.compile(r"[\s*]+")  # spaces and emphasis inside a credit's label


_HEAD_CONTACT_WORDS = 12
# The account or business saying what it is under the article.
_ABOUT_US = re.compile(
    r"^[\W_]*我们是一(?:(?:个|家|支|群)[^，。]{0,12}?(?:专注|致力|专业)"
    # 我们是一群…技术控。…公司从未…; not 我们是一支…的团队, a report's own closing words
    r"|群.{0,60}?(?:公司|团队|工作室)|家.{0,30}?(?:公司|企业|机构|工作室|品牌))"
)
_ABOUT_US_LINE = 200
# An "about us" card whose header and blurb share a line.
_ABOUT_GLUED = re.compile(r"^\W*关于我们\W*[\u4e00-\u9fff]")
# The account saying what it is (微信公众号某某为个人号，希望…; 本号是一个…的平台).
_ABOUT_ACCOUNT = re.compile(
    r"^\W*(?:(?:微信)?(?:本公众号|公众号|本号)[^，。]{0,12}?|[“\"][^”\"]{2,10}[”\"])(?:为|是)(?:一个|一家)?"
    r"[^。]{0,40}?(?:个人号|个人公众号|自媒体|订阅号|公众平台|平台|客户端)"  # “某某头条”是…自研的自媒体平台
)
# A call for contributions: 长期公开征集稿件, 欢迎广大读者投稿, 投稿邮箱.
_SUBMIT = prefiltered(
    re.compile(
        r"征集稿件|征稿启[事示]|在线征稿|征稿进行|欢迎(?:各位|大家|广大读者|读者)?(?:踊跃)?投稿|诚邀.{0,8}投稿|(?:积极|踊跃)投稿|投稿(?:邮箱|请发|请投|需求|方式|渠道|地址|热线|范围|须知)"
    )
)
_SUBMIT_LINE = 200
# An account's footer run into one line (征稿启示…投稿请发送到邮箱…购票就找…): longer, so the
# call must be made twice.
_SUBMIT_BLOCK = 800
_SUBMIT_CMS = re.compile(r"投稿需求")
# Where the page was taken from, as a sentence: 本文来源微信公众号“某某”，作者某某.
_REPRINT = re.compile(
    r"^\W*(?:(?:作者|来源|文章来源|说明)\W{0,3}[:：]\W*)?"  # **作者**：本文转自公众号“某某”
    r"(?:(?:本文|文章|此文|原文|内容)(?:来源于?|来自|转自|转载自|转载于|选自|摘自|首发于|"
    r"发表于|刊发于|刊载于|原载于|原刊于)"
    # a bracketed 刊于…/载于… needs no subject (（刋于2006年9月30日某某日报）); 来源于生活… does
    r"|[（(](?:刊于|刋于|原载于?|载于))"
)
_REPRINT_LINE = 120
_REPRINT_WORDS = any_of("本文", "文章", "此文", "原文", "内容", "刊于", "刋于", "载于")
# Headlines set one after another with a bullet before each.
_TICKER = re.compile(r"[■●◆★⊙]\s*[^■●◆★⊙。]{6,40}")
_TICKER_BULLETS = any_of("■", "●", "◆", "★", "⊙")
# A page's view counter alone on its line: 浏览79.82W, 阅读 1.2万, 点击：356次.
_VIEWS = re.compile(
    r"^\W*(?:浏览|阅读|点击|播放|观看)(?:量|数|次数)?\s*[:：]?\s*\d+(?:\.\d+)?\s*[万千wWkK]?\+?\s*次?\W*$"
)
_PHONES = 3
_PHONES_LINE = 20  # three numbers need at least this many characters
_VIEWS_LINE = 30
# Numbered titles run together on one line (**1、某某要搞！…**2、平果人注意：…**3、…).
_NUMBERED_RUN = re.compile(r"(?:^|[*\s])(\d{1,2})、")
_NUMBERED_RUN_MIN = 3
# Titles run together, each behind a bullet and its column's tag.
_GLUED_TAGGED = re.compile(r"[◀◁●◆▶►■★☆▲]\s*【[^】]{2,8}】")


def _glued_numbered_titles(line: str) -> bool:
    if "、" not in line or CLAUSE_END.search(line):
        return False
    numbers = [int(m.group(1)) for m in _NUMBERED_RUN.finditer(line)]
    return len(numbers) >= _NUMBERED_RUN_MIN and numbers == list(
        range(numbers[0], numbers[0] + len(numbers))
    )


# An account on another platform: 新浪微博｜@某某官方微博, 抖音号：某某.
_HANDLE_WORDS = any_of(
    "微博", "抖音", "快手", "头条", "小红书", "B站", "b站", "哔哩", "视频号", "公众号", "微信"
)
_HANDLE = re.compile(
    r"^\W*(?:新浪|腾讯)?(?:微博|抖音|快手|头条|小红书|B站|哔哩哔哩|视频号|公众号|微信号?)号?\s*[｜|:：/]\s*@?\S{2,30}$",
    re.I,
)


def _head_contact(line: str) -> bool:
    """A hotline above the article (## **新闻热线：[phone number]**).

    In the head only a number makes it furniture: a plan's head may name its venue
    (地址：…), and an ad page's title may carry a number after its words
    (某地甲醛检测多少钱[phone number]), which is still the title.
    """
    if not PHONE.search(line) or not contact_line(line):
        return False
    plain = PHONE.sub("", line.replace("*", ""))
    return bool(CONTACT.match(plain)) or len(CJK.findall(plain)) <= _HEAD_CONTACT_WORDS


# A search box's prompt, and a site counting what it holds.
_SEARCH_BOX = re.compile(r"^\W*请输入(?:您|你)?要?(?:查询|搜索|查找|检索)的[^，。]{0,10}\W*$")
_HOLDINGS = re.compile(
    r"(?:本站|本网|全站|网站|百科全书|百科|文库|题库|资源库|数据库)[^，。]{0,6}收录(?:了)?[\d,，]+(?:万|余|多)?(?:条|篇|份|部)"
)
_HOLDINGS_LINE = 120
# A site greeting its visitor above the article.
_GREETING = re.compile(
    r"^\W*(?:您好[，,!！]?\s*)?欢迎(?:您)?(?:来到|访问|光临|来)[^，。]{2,24}?"
    r"(?:网|网站|平台|官网|在线|之家|公司)\W*$"  # 您好，欢迎来某某水处理工程有限公司！
)
_GREETING_LINE = 36
# A page's font-size buttons.
_FONT_SIZE = re.compile(r"^\W*字号\s*[:：]?\W*(?:[大中小默认]字?体?|\W)+$")
_FONT_SIZE_LINE = 30
_AD_ONLY = re.compile(r"^[\W_]*(?:广告|推广|AD)[\W_]*$", re.I)
_SPACES = re.compile(r"[\s·•・]+")  # 推 荐 阅 读, 精彩 · 推荐
_SPACED_HEAD = 24
# A dialog a site shows before an outbound link (您访问的链接即将离开…是否继续？).
_EXIT_DIALOG = re.compile(r"即将离开.{0,30}(?:网站|平台|页面|网)|是否继续[？?]?\s*$")
# Three or more full dates in one line with no sentence: titles of a link list run together.
_FULL_DATE = re.compile(r"(?:19|20)\d{2}[-/.](?:0?[1-9]|1[0-2])[-/.](?:0?[1-9]|[12]\d|3[01])")
_GLUED_DATES = 3
# One page action alone on its line (下载, 打印本页): a button's label.
# A franchise's button (了解加盟条件, 立即加盟).
_FRANCHISE = re.compile(r"^\W*(?:了解|咨询|申请|立即|我要|免费)加盟[\u4e00-\u9fff]{0,4}\W*$")
_LONE_ACTIONS = frozenset(
    "加入收藏 设为首页 我要投稿 点赞 分享 分享到 收藏 打印 打印本页 关闭 关闭窗口 返回顶部 返回列表 "
    "复制链接 举报 纠错 下载 全屏 手机版 关注 在线报名 立即报名 立即购买 立即抢购 限时抢购 马上抢购 "
    "APP下载 下载APP 客户端下载 立即前往 作者头像 随便看 随机阅读 下一页 上一页 下一篇 上一篇".split()
)


def _widen_tail(
    lines: Sequence[str],
    nonempty: list[int],
    head: set[int],
    tail: set[int],
    rules: dict[int, str],
    longest: int | None = None,
) -> None:
    """Judge the lines that the tail zone gained, as edge lines, after the first pass.

    ``longest``: after the sweeps only short lines are judged again (credits, handles);
    a zone moved far up by a long footer reaches the article's own paragraphs.
    """
    zone = tail_zone(nonempty, rules)
    wider = tail | set(zone)
    for i in zone:
        if i in tail or i in rules:
            continue
        line = lines[i].strip()
        if longest is not None and len(line) > longest:
            # A notice is never the article's paragraph (声明：本文来自于互联网…请立即通知我们),
            # however far up the footer moved the zone.
            if _disclaimer(line):
                rules[i] = "copyright"
            continue
        rule = _edge_line_rule(line, i in head) or _edge_rule(lines, i, head, wider)
        if rule:
            rules[i] = rule


# Credits run together on one line (初审：某某复审：某某终审：某某): two labels or more.
_CREDIT_LABEL = prefiltered(re.compile(rf"(?:{CREDIT_WORDS})\s*[:：|丨｜]"))
_CREDIT_RUN = 120


def _edge_rule(lines: Sequence[str], i: int, head: set[int], tail: set[int]) -> str | None:
    """Rules that need the line's place: only the head, only the tail, or its neighbours."""
    if i not in head and i not in tail:
        return None
    line = lines[i].strip()
    plain = line.replace("*", "").strip()
    if (
        i in tail
        and len(plain) <= _CREDIT_RUN
        and "。" not in plain
        and len(_CREDIT_LABEL.findall(plain)) >= 2
        and not line_marker(plain)  # 六、项目总投资和资金来源：… is the report's own item
    ):
        return "page_meta"
    if plain in _LONE_ACTIONS:
        return "page_actions"
    if "加盟" in plain and _FRANCHISE.match(plain):
        return "ad_block"
    if (
        i in tail
        and i in head
        and sum(1 for h in head if h < i) >= _TITLE_ROOM
        and len(line) <= _LIST_HEAD_LINE
        and _LIST_HEAD.match(line)
    ):
        return "related_links"  # a short page's list, below its title and first lines
    if i in tail and i not in head and _pipe_menu(plain) and not _in_listing(lines, i):
        return "navigation"
    if _EXIT_DIALOG.search(plain) and len(plain) <= 60:
        return "site_header"
    if (
        len(_FULL_DATE.findall(line)) >= _GLUED_DATES
        and not line.startswith("|")
        and "。" not in line
    ):
        return "related_links"
    if i in tail and i not in head and _LABEL_CREDIT.match(plain):
        return "page_meta"
    if "图" in plain and _IMAGE_CREDIT.match(plain):
        return "page_meta"  # 图|Pixabay under the title credits the picture, as at the end
    return None
