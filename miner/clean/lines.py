"""Whole lines that are not the report: site chrome, ads, spam, link lists, download walls.

Rules are families of shapes that 范文 sites share, not any one site's strings:
a meta line carries two or more of 发布时间/来源/浏览…; an ad line carries two or
more commercial cues (素材库, 客服, 扫码, 一键下载 …); a spam line is a list whose
items are mostly video-site keywords; a related-links block starts with a header
(推荐阅读, 相关热词搜索 …) and runs over the short title lines under it. A line in
the page's head or tail needs less evidence than one in the middle of the body,
because that is where sites put their furniture.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable, Iterator, Sequence

from miner.extract.dates import YEAR_MONTH
from miner.extract.markers import line_marker
from miner.fastre import prefiltered

_META_KEYS = re.compile(
    r"(发布时间|发布日期|发表时间|更新时间|上传时间|录入时间|时间|日期|来源|作者|出处|点击数|点击量|点击|"
    r"浏览数|浏览量|浏览次数|浏览|阅读数|阅读量|阅读|人气|字数|责任编辑|编辑|栏目|分类|热度)\s*[:：]"
)
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
_STRONG_META = re.compile(
    # 添加时间: a posting label whose value the scrape lost (门诊时间： heads the page's own list)
    r"^(?:发布|发表|更新|上传|添加|录入|提交|修改|创建)(?:时间|日期)\s*[:：]\s*$|"
    # a stray count or icon glyph may open the line (0发布时间：2021.04.17)
    r"^[\W\d]{0,3}(发布时间|发布日期|发表时间|更新时间|上传时间|来源|作者|点击|浏览|阅读量|责任编辑|字数)"
)
# Credit lines that close a web article: "来源/某某融媒体中心", "（来源：某报）", "供稿：某所",
# "三审|李某", "编辑：张某 审核：王某". Short, at the page's edge.
_CREDIT_WORDS = (
    r"信息来源|稿件来源|资料来源|数据来源|来源|供稿|撰稿|责编|责任编辑|值班编辑|本期编辑|编辑|审核|审校|审稿|校对|"
    r"校稿|一审|二审|三审|初审|复审|复核|终审|校审|核稿|总监制|监制|出品人|出品|编审|制作|策划|摄影|摄像|图片|图文|"
    r"文字|文稿|文案|排版|通讯员|记者|作者单位|文章作者|作者|综合整理|签发|文章名称|文章标题|本文标题|版面设计|美编|"
    r"美工|视频|剪辑|海报|设计|版式|配图|拍摄|照片|审阅|文编|平台管理|主编|总编|平台运维|运维|技术支持|主办|承办|协办|整理|发布|"
    r"统筹"
)
_CREDIT = re.compile(
    rf"^[（(▍◆■*#>|｜\s\u2580-\u259f]*(?:本期|本版|本文|本篇)?"  # 本期制作：…, 本文来源：…
    rf"(?:(?:{_CREDIT_WORDS})[*\s]*(?:[及和与、]\s*)?){{1,3}}[:：/|丨｜]"
    r"|^文[:：][^，。：:]{1,8}$|^图[:：][^，。：:]{1,16}$"
    r"|^(?:[文图](?:[/、和与及][文图])?[:：][^，。：:]{1,10}){2,3}$"  # 文：某某图：某某
    r"|^[>|｜#]*(?:本文|本信息|信息)?(?:转载自|转自|来源于|来源)[^，。：:]{2,24}$"
    r"|^[^，。；：]{2,30}(?:出品|供稿|制作|整理)\W*$"
)
# WeChat's generic credit shape, "图形及视频|某某": a short label, a bar, a short name.
# Only in the tail: in a page's head the same shape is a column tag (专题｜…).
_LABEL_CREDIT = re.compile(
    r"^[\u4e00-\u9fff]{1,6}(?:[及和与、][\u4e00-\u9fff]{1,6})?\s*[|｜丨]\s*"
    r"[\u4e00-\u9fff·A-Za-z]{2,12}(?:[ 、][\u4e00-\u9fff·A-Za-z]{2,12}){0,3}$"  # 版式|李某 张某某
)
# A line with nothing to read: Markdown residue (#, ```, >), bullets, export literals.
_EMPTY_SHAPE = re.compile(
    r"^(?:[^\w\u4e00-\u9fff]+|false|true|null|none|undefined|nan|"
    r"[\W_]*(?:end|the end|author|editor|完|全文完|(?:以?下为|以下是)?正文)[\W_]*)$",
    re.I,
)
_RULE_LINE = re.compile(r"^[-—－─━=＝~～·•*＊_＿\s]{3,}$")
# What an export leaves of an image's markup (.jpg"), ![](…/a.png)): a line with no words.
_IMAGE_RESIDUE = re.compile(
    r"^[\W_]*(?:!\[[^\]]*\]\([^)\s]*\)|[A-Za-z0-9_./:%~-]*\.(?:jpe?g|png|gif|webp|bmp|svg)"
    r"(?:\?[^\s\u4e00-\u9fff]*)?)[\W_]*$",
    re.I,
)
# A template's label over the article (文章详情, 新闻正文): names the page, says nothing.
_PAGE_LABEL = re.compile(r"^[\W_]*(?:文章|新闻|资讯|信息|内容|产品|详细)?(?:详情|正文)页?[\W_]*$")
# A lone 、 or 。 is text broken apart by markup, not furniture: it stays.
_PUNCT_ONLY = re.compile(r"^[，。、；：！？,.;:!?“”\"'（）()\s]+$")
_FOLLOW = re.compile(r"星标|点赞|收藏|转发|再看|赞赏|置顶")
# Begging the reader alongside a prompt (希望大家帮我点点蓝色字体，小编给大家鞠躬了).
_PLEA = re.compile(r"希望大家|麻烦大家|帮(?:我|忙|小编)|鞠躬|拜托|支持一下|支持小编")
# Pagination: 首页 上一页 1 2 3 下一页 尾页.
_PAGER = re.compile(r"(首页|上一页|下一页|尾页|末页)")
# WeChat's closing prompts: 点个在看, 分享点赞在看.
_WECHAT_PROMPT_TEXT = (
    r"点.{0,2}[在再]看|快来.{0,10}投票|^\W*回复\W{0,3}[“\"「【][^”\"」】]{1,12}[”\"」】]\W{0,3}(?:查看|获取|领取|下载|即可|进入)|在看[哟吧哦~！!]|分享.{0,3}在看|^\W*在看\W*$|阅读原文|滑动查看|点击上方|"
    r"往期(?:回顾|推荐|内容|精彩|推送)|下载APP|好看就点|长按识别|点击关注|关注.{0,16}(?:公众号|视频号|订阅号)|[“\"]在看|"
    r"[加设]为星标|关注我们|"
    # 更多精彩 as a prompt, not as prose (更多精彩阅读活动还在继续)
    r"更多精彩(?=\W|$|内容|资讯|视频|文章|推荐|请|敬请|尽在|点击|关注|等你|不容错过|回顾|看这里)|"
    r"请.{0,2}关注\W*$|长按保存|查看原图|以下为广告|扫描.{0,12}二维码|添加.{0,4}微信|微信视频号|"
    r"点.{0,2}蓝字|点击上面|点亮.{0,4}[赞在]|咨询热线|找不到我们|本期导读|欢迎光临|申请加入|"
    r"点.{0,2}蓝色字|[上下]方(?:卡片|名片)|名片.{0,3}查看|一键三连|推荐机制|[设标]为?星标|星标我们|"
    r"关注.{1,12}获取|获取更多.{0,8}(?:资讯|信息|内容|干货)|分享是一种美德|转发给.{0,6}(?:朋友|好友|他|她)|"
    r"告诉更多人|(?:评论|留言)区.{0,6}(?:告诉|留言|见)|扫码.{0,4}(?:入群|进群|加群)|下载.{0,8}APP|推送规则|欢迎您[！!。~～]*$|点击?[^，。]{0,6}蓝色?字|[“\"]关注[”\"]|后台回复|进入.{0,4}小程序|小程序查看|"
    r"回复关键[字词]|对话框回复|回复\W{0,4}【|觉得.{0,6}(?:好看|不错|有用)|请?点这里|^\W*加.{0,6}微信\W*$|"
    r"(?:有|任何)(?:问题|疑问).{0,8}(?:咨询|联系|回复|留言)|长按.{0,6}(?:进入|识别|关注|扫码|添加|复制)|"
    r"推荐一个.{0,12}(?:神器|利器|工具|APP|小程序|公众号)|点击蓝色|"
    r"登录.{0,12}(?:官网|官方网站|网站|平台|APP).{0,6}(?:查询|查看|了解|报名)|"
    r"(?:微信|抖音|快手|微博)搜索|官方(?:公众号|微信号?|订阅号|服务号)\W*$|"
    r"^\W*点击(?:图片|这里|此处|链接|下方|下图)?.{0,4}查看|"
    r"点击?上方|并星标|(?:都|已)关注了|^\W*关注\W{0,2}[『「“\"]|关注[『「][^』」]{1,12}[』」]|"
    r"点击.{0,4}(?:购买|预约|报名|获取|一键)|[请再]?点击下[面方图]|蓝色?标题|防止失联|备用号|不迷路|一键关注|"
    r"即可关注|欢迎.{0,4}关注|^\W*小程序\W*$|\d+\+?人已?关注|(?:微信)?(?:公众号|服务号|订阅号|视频号)\W*$|欢迎订阅|更多文章|"
    r"加入.{0,12}(?:群|交流|学习)\W{0,3}\d{5,}|"
    r"(?:全|新|融)媒体矩阵|即可(?:免费)?领取|输入.{0,6}关键[字词]|广告植入|扩散.{0,4}让更多人|让更多人(?:知道|看到)|点我(?:咨询|报名|领取|关注)|订阅(?:电子报|邮件|简报)|接收更多资讯|"
    r"回复.{0,24}即可(?:获取|预约|领取|下载|查看)|赞赏功能|转账支持|你点的每个赞|一键发布|发送给.{0,10}(?:公众号|后台)|欢迎.{0,4}莅临|转发.{0,8}朋友圈"
)
_WECHAT_PROMPT = prefiltered(re.compile(_WECHAT_PROMPT_TEXT))
# So many prompts in one line that its length no longer matters (回复【A】获取…回复【B】获取…).
_MANY_PROMPTS = 3
_PROMPT_BLOCK = 400
# 了解更多… closes a short prompt line; inside a long line it may open the article's text.
# A line that opens with a call to click (▲点击蓝字“某某”，你想知道的…都在这里): furniture
# up to a longer length than a prompt inside a line.
_PROMPT_START = re.compile(
    r"^\W*(?:详戳|猛戳|(?:点击|戳戳?|长按)\W{0,4}(?:这里|此处|上方|下方|上面|下面|上图|下图|图片|蓝字|名片|关注|预约|进入)|"
    r"(?:在?阅读本文(?:之)?前|阅读之前)\W{0,2}(?:请您?|麻烦您?)?先?(?:点击|关注|点)|"
    r"(?:微信|抖音|快手|微博)搜索|查看[:：])"
)
_PROMPT_START_LINE = 100
_MORE = re.compile(r"(?:了解|获取|获得|查看)更多")
_BREADCRUMB = re.compile(r"(当前位置|您的位置|你的位置|所在位置|您现在的位置)|(首页\s*[>›»/＞])")
_ACTION_WORDS = frozenset(
    (
        "加入收藏 设为首页 我要投稿 投稿 点赞 分享 分享到 收藏 打印 打印本页 关闭 关闭窗口 返回顶部 "
        "返回列表 上一篇 下一篇 复制链接 字体 大 中 小 举报 评论 手机版 登录 注册 会员中心 天下 微博 "
        "微信 QQ空间 纠错 保存 下载 复制 全屏 目录 更多 首页"
    ).split()
)
_COPYRIGHT = prefiltered(
    re.compile(
        r"(版权所有|版权归|版权声明|Copyright|©|ICP备|ICP证|备案号|公网安备|All Rights Reserved|侵权|"
        r"Public domain|公有领域|Creative Commons|CC BY)",
        re.I,
    )
)
_DISCLAIMER = prefiltered(
    re.compile(
        r"(仅作分享|仅供分享|不作为.{0,8}(?:用药|诊疗|投资|购买)?(?:参考|依据|建议)|版权归原作者|版权归作者|版权归属原作者|版权属于原作者|版权[为归属]{1,2}原?作者|原作者所有|如有侵权|如侵权|"
        r"侵权请|侵删|侵联删|联系删除|转载请注明|免责声明|本作品|著作权法|概不负责|投资需谨慎|入市需谨慎|"
        r"请作者与本(?:号|站|网|平台)联系|本(?:网站|站|网|平台|号)(?:转载|所载|刊载)|(?:图片|图文|内容|文章|素材|资料)均?(?:整理|选编|摘编|收集|取材|来源|来)[自于]?网络|"
        r"不构成.{0,6}建议|仅供参考.{0,12}(?:投资|依据)|如需转载|构成.{0,6}投资建议|侵犯了?您的|[自于]互?联?网络.{0,10}(?:侵|删)|若有.{0,8}(?:标注错误|侵权)|不得转载|禁止转载|不代表本(?:站|网|平台|号|刊)|凡本(?:站|网)(?:未?注明|所载)|谢绝转载|未经(?:授权|许可)|(?:本|该)(?:平台|公众号|号|站|网站)[^。]{0,12}不(?:承担|负))"
    )
)
# Where to find or call the publisher (地址：…, 服务热线：…, 值班时间：…): the tail of a
# web article, never its text. Only at the page's end: a plan's head may name a venue.
_CONTACT = re.compile(
    r"^[（(【\[*|｜\s]*(?:[\u4e00-\u9fff]{0,6}(?:地址|热线|电话|邮箱|信箱)|邮编|邮政编码|传真|E-?mail|联系我们|联系方式|"
    r"(?:商务|广告|媒体)合作|联系人?|(?:值班|营业|办公|开放|服务|接待|咨询)时间)[*\s】\]]*[:：]",
    re.I,
)
# A label with nothing after it heads a contact block (**联系我们**, **【店铺地址】**) only
# when it is decorated; a plain 联系方式 or 办公电话 is a field of the page's own form.
_CONTACT_HEADER = re.compile(
    r"^\W*联系我们\W*$|^(?=.*(?:\*\*|【))\W*[\u4e00-\u9fff]{0,4}(?:地址|热线|电话|邮箱)\W*$"
)
_CONTACT_LINE = 100
# A short line that is mostly a phone number (**[phone number]罗老师**, 24小时救援：0000-1234567).
# Bare 7-8 digit runs are figures in a table, so a landline needs its area code.
_PHONE = prefiltered(
    re.compile(
        r"\[phone number\]|(?<!\d)[（(]?0\d{2,3}[)）-]\d{7,8}(?!\d)|(?<!\d)1[3-9]\d{9}(?!\d)"
    )
)
_PHONE_LINE = 40
_MASKED_PHONE = "[phone number]"
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
# Arrows pointing down at the end of a short line. In the head they point at the article's
# own pictures (…一起动起来！↓↓↓); in the tail, at a card or a QR code.
_POINTER = re.compile(r"[↓👇⬇]{2,}\W*$")
_POINTER_LINE = 40
_UP_POINTER = re.compile(r"^\W*(?:👆|☝|↑↑)|(?:👆|☝|↑↑)\W*$")
# What a pager leaves alone on a line: 第14页, 共3页, 1/5页.
_PAGE_NUMBER = re.compile(
    r"^[\W_]*(?:第\s*\d{1,4}\s*页|共\s*\d{1,4}\s*页|\d{1,4}\s*/\s*\d{1,4}\s*页)[\W_]*$"
)
# A call to the seller: 欢迎来电咨询, 随时咨询我们, 联系您的顾问老师, a 400 hotline. In the
# tail only; a numbered item (三、咨询电话…) is a notice's own.
_CALL_US = prefiltered(
    re.compile(
        r"欢迎(?:来电|致电|垂询|洽谈|订购|选购|咨询)|如果?(?:您|你)对.{2,40}(?:感兴趣|有需要|有需求)|(?:来电|致电)(?:咨询|垂询|洽谈|索取|订购)|"
        r"(?:随时|及时)(?:咨询|联系)我们|(?:在线|免费)咨询|获取.{0,6}报价|欢迎.{0,4}(?:咨询|垂询)|"
        r"欢迎.{0,24}加入我们|联系您的(?:顾问|客服|专属)|(?:欢迎|请|赶快|尽快|快来)\W{0,2}联系我们|"
        r"联系我们(?:咨询|了解|获取)|感谢(?:大家|您|你)的?(?:阅读|观看|收看)|为[你您](?:整理|收集)|"
        r"(?:就|请|[，,]\s*)上[\u4e00-\u9fffA-Za-z0-9 ]{2,10}(?:网|网站|平台|官网)\W*$|"
        r"(?:今天|本期|今日)的?(?:分享|内容|文章)(?:就)?到这里|下期再见|(?<!\d)400-?\d{3}-?\d{4}(?!\d)"
    )
)
_CALL_LINE = 80
_URL_ONLY = re.compile(r"^\s*(?:https?://|www\.)\S+\s*$", re.I)
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
_ID_LINE = re.compile(r"^\s*【[^】]{1,10}(?:码|号|编号|ID|id)】\s*[A-Za-z0-9.\-_/]+\s*$")
# A site's name ends in a site word at a word boundary (飞扬范文网, 某某文档网 - …分享平台);
# 网 inside a word (网络建设) is prose.
_SITE_NAME = prefiltered(
    re.compile(
        r"(?:网|网站|文库|平台|文摘|文秘|资料站|素材库|学习啦|帮手|信息港)(?=[\s\-—=*_~]|$)|www\.|https?://|"
        r"\.(?:com|cn|net|org)\b",
        re.I,
    )
)

_AD_CUES = prefiltered(
    re.compile(
        r"(素材[库馆网站]|代笔|代写|润笔|会员群|网盘群|svip|vip会员|开通会员|年卡|(?:微信|添加|加)客服号?|"
        r"客服(?:号|微信|QQ)|(?<!游)客服|谨防假冒|谨防冒牌|认准|"
        r"唯一.{0,4}平台|一键(?:精准|快速|极速)?(?:搜索|查找|下载)|全站|畅下|海量|上新|扫码|扫一扫|二维码|"
        r"领取福利|添加微信|加微信|微信号|QQ群|公众号[:：（(]|关注公众号|有意加入|请联系|咨询请加|联系我们|"
        r"原创高质量|好评如潮|接单|代发布|下载券|每天更新|每日更新|同步更新|万字材料|小伙伴|广告位|"
        r"点(?:击)?.{0,8}蓝字|关注我们|本公众号|长按.{0,6}二维码|识别二维码|商务合作|"
        r"(?:加|联系|咨询|客服号?|电话|微信)[)）]?[:：]\s*\d[\d\s-]{3,}|微信同号|服务热线|群[:：]\s*\d{5,}|"
        r"(?:微信|vx|wx|QQ)\s*[:：]\s*(?:\[phone number\]|[A-Za-z0-9_-]{5,})|(?:商务|商家|广告|媒体|推广)合作|"
        r"广告(?:投放|刊登)|加(?:老师|小编|客服|助理|我)微信|"
        r"广告推广|报料|爆料|注明来意|微信群|交流群)",
        re.I,
    )
)
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
_GLUED_LIST_LINE = 300
# An emphasis closed and opened again inside a phrase (**往期****精彩****回顾**).
_HAN_EMPHASIS = re.compile(r"(?<=[\u4e00-\u9fff])\*{4}(?=[\u4e00-\u9fff])")
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
    r"^[\s#>*]*(?:【[^】]{0,20}】\s*)?(相关报道|相关新闻|相关资讯|相关链接|相关热词搜索|热词搜索|"
    r"相关搜索|推荐阅读|相关阅读|相关文章|相关推荐|大家都在看|"
    r"相关范文|猜你喜欢|热门推荐|热门文章|延伸阅读|精彩推荐|更多相关|你可能感兴趣|相关标签|热门标签|(?:你|您)?可能(?:还|也)?(?:会)?(?:关注|喜欢|想看)|"
    r"本文标签|本文关键词|上一篇|下一篇|上一文章|下一文章|前一篇|后一篇|最新文章|热门范文|推荐文章|同类文章|"
    r"热门城市|热门搜索|热门关键词)\s*[:：]?|^\s*(?:标签|关键词|关键字)\s*[:：]"
)
# Under a list's header any symbol may bullet a title (⊙, ❖, ★, 💗, 👉): dingbats and emoji.
_BULLET = re.compile(r"^[·•◆◇■□▪●○⊙\-*\u2190-\u21ff\u25a0-\u27bf\U0001f300-\U0001faff]\s*\S")
_DATE_TAIL = prefiltered(re.compile(r"(\d{1,2}-\d{1,2}|\d{4}[-/.]\d{1,2}[-/.]\d{1,2})\s*$"))
_DOWNLOAD = prefiltered(
    re.compile(
        r"(^推荐度\s*[:：]?|点击下载|下载文档|文档为\s*doc\s*格式|下载word|word版下载|免费下载|下载地址|"
        r"文档下载|全文阅读|阅读全文|查看全文|展开全文|剩余\d+字|付费阅读|开通VIP|下载本文|本文下载|"
        r"下载此文档|完整版下载|余下全文|登录后|立即下载|下载附件|展开列表|展开全部|即可下载|下载对应|完整(?:文档|版|资料|电子版)\W*(?:领取|下载|获取)|^\W*(?:资源|资料|附件|文件)下载\W*$)",
        re.I,
    )
)
_RANDOM_TOKEN = re.compile(r"^(?=[0-9a-z]*\d)(?=[0-9a-z]*[a-z])[0-9a-z]{16,}$")
_SENTENCE_END = re.compile(r"[。！？!?；;]")
_CJK = re.compile(r"[\u4e00-\u9fff]")

HEAD_LINES = 8  # non-empty lines at the top that count as the page head
TAIL_LINES = 12  # non-empty lines at the bottom that count as the page tail


def _meta(line: str, edge: bool) -> bool:
    if edge and len(line) <= _POSTED_LINE and _POSTED_AT.search(line):
        return True  # a directory site's blurb about the page, whatever its length
    if edge and len(line) <= _REVISED_LINE and _REVISED.match(line):
        return True
    if len(line) > 120:
        return False
    keys = {m.group(1) for m in _META_KEYS.finditer(line)}
    if len(keys) >= 2:
        return True
    return bool(keys) and edge and len(line) <= 40 and bool(_STRONG_META.match(line))


def _actions(line: str) -> bool:
    if len(line) > 60:
        return False
    tokens = [t.strip(":：|") for t in re.split(r"[\s|]+", line) if t.strip(":：|")]
    if not tokens:
        return False
    hits = sum(len(t) for t in tokens if t in _ACTION_WORDS or _META_KEYS.fullmatch(t + ":"))
    return hits / sum(len(t) for t in tokens) >= 0.6 and len(tokens) >= 2


_CJK_WORD = re.compile(r"[\u4e00-\u9fffA-Za-z]+")
_NAV_SPLIT = re.compile(r"[|｜/·•\s]+")


def _navigation(line: str, in_head: bool) -> bool:
    """A menu: many very short items (首页|工作总结|工作计划|…), no sentence."""
    if _SENTENCE_END.search(line):
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
    if plain.startswith(("|", "｜")) or _SENTENCE_END.search(plain):
        return False
    items = [t for t in _PIPES.split(plain.strip()) if t]
    return len(items) >= _PIPE_ITEMS and all(
        len(t) <= _PIPE_ITEM and _CJK.search(t) and _MENU_ITEM.fullmatch(t.replace(" ", ""))
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


def _account_banner(line: str) -> bool:
    m = _BANNER.match(line)
    return m is not None and bool(_SIGNATURE.search(m.group(1)))


def _site_name(line: str) -> bool:
    return len(line) <= 40 and bool(_SITE_NAME.search(line))


# A seller's WeChat or QQ to add (添加v：某某, vx同号), with what it sells: an ad line.
_WECHAT_ID = re.compile(
    r"(?:微信|vx|wx|v信|QQ|(?<![A-Za-z])v)号?\s*[:：]\s*(?:\[phone number\]|[A-Za-z0-9_-]{5,})|"
    r"(?:vx|v信|微信)同号",
    re.I,
)
_SELLS = re.compile(r"价格|开通|购买|咨询|报名|优惠|下单|订购|团购|领取")
_SELL_LINE = 100


def _ad(line: str, edge: bool) -> bool:
    cues = {m.group(1).lower() for m in _AD_CUES.finditer(line)}
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
    short = len(line.replace("*", "")) <= 20
    return edge and short and any(_SHORT_AD.fullmatch(c) for c in cues)


# One of these is enough on a short edge line (微信客服号：); a bare 客服 is not (客服工作时间).
_SHORT_AD = re.compile(
    r"(?:商务|广告|媒体)合作|广告推广|扫码|扫一扫|领取福利|二维码|微信号|(?:微信|添加|加)客服号?|客服(?:号|微信|qq)|群[:：]\s*\d{5,}"
)


def _spam(line: str) -> bool:
    if _SENTENCE_END.search(line):
        return False  # keyword lists never hold a sentence
    # Keyword lists are lists of Chinese phrases; a URL's pieces are not items.
    items = [t for t in _SPAM_SPLIT.split(line) if t and _CJK.search(t)]
    if len(items) < 4:
        return False
    spam = sum(1 for t in items if _SPAM_TERMS.search(t))
    return spam / len(items) >= 0.5


# A title or heading may exclaim or ask (注意！, 省级名单公布！…); only a full stop or a
# semicolon makes running text.
_CLAUSE_END = re.compile(r"[。；;]")


def _link_like(line: str) -> bool:
    """A short title line of a link list: no sentence inside, often a trailing date.

    Titles exclaim and ask inside (省级名单公布！安庆上榜的是…); only a full stop or a
    semicolon makes running text.
    """
    s = line.strip()
    return 0 < len(s) <= 40 and not _CLAUSE_END.search(s)


_NUMBERED_TITLE = 80


def _numbered_title(line: str) -> bool:
    """A numbered title under a list's header: longer than a bare title, still no clause."""
    return len(line) <= _NUMBERED_TITLE and bool(line_marker(line)) and not _CLAUSE_END.search(line)


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
        rule = _line_rule(line, edge, i in head) or _edge_rule(lines, i, head, tail)
        # A link list runs over adjacent title lines; after a blank line only dated or
        # bulleted lines still belong to it.
        if (
            in_related
            and rule is None
            and (
                _DATE_TAIL.search(line)
                or _BULLET.match(line)
                or (_link_like(line) and i == prev + 1)
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
    _widen_tail(lines, nonempty, head, tail, rules)
    _sweep_vertical(lines, nonempty, rules)
    # Each sweep walks back from the page's end until a line fails it, so one sweep's
    # finds let another walk further (a prompt under a link list, a list under a
    # prompt): they run again while the page's closing furniture grows.
    for _ in range(_SWEEP_ROUNDS):
        found = len(rules)
        for sweep in _TAIL_SWEEPS:
            sweep(lines, nonempty, rules)
        if len(rules) == found:
            break
        # a footer the sweeps filled in (a licence with its address lines) moves the
        # tail zone up: the credits above it are at the page's edge too
        _widen_tail(lines, nonempty, head, tail, rules, longest=_REJUDGED_LINE)
    _last_line(lines, nonempty, rules)
    _sweep_plug(lines, nonempty, rules)
    if repeated:
        _sweep_repeated(lines, nonempty, rules, repeated)
    return rules


_REJUDGED_LINE = 40


# Footer blocks (a licence, a site's sign-off) can run longer than the tail zone; the walk
# back still stops at the first line the corpus does not repeat.
# A wiki's licence block runs to about 30 lines under a page (measured on the wikisource
# sample of ../shared/corpus/real), so the window is wider than that.
FOOTER_LINES = 40
# Fragments this short (据, 。, 2024年社群共识, a wrapped 中央国家机关党组) are judged by their
# neighbours: many are never learned (too short, or shaped like a signature or a date).
_SCRAP = 20
# Short sentences (…制定。) are never learned either (a report's own closing formulas look
# the same); one of them between two footer lines goes with the block. Two in a row are
# a report's text that copies of it share (news items repeated across a corpus).
_SCRAP_SENTENCE = 60
# More short lines in a row than this are a list or a quiz of the page's own, not the
# wrapped pieces of a footer sentence (a wiki licence block has at most three).
_MAX_SCRAPS = 4
_FOOTER_STRIP = re.compile(r"[\s*#>|｜]+")


_SIGNATURE = re.compile(
    r"(委员会|委|政府|办公室|办事处|支部|党委|党组|组织部|局|学校|小学|中学|公司|社区|村|镇|乡|街道|"
    r"幼儿园|医院|卫生院|法院|检察院|学院|大学|中心|协会|学会|联合会|大队|支队|派出所|集团)$"
)
# A date line (2012年12月20日, 二〇一二年十二月): short and holding a year. A long line that
# merely mentions a year (本作品来自1949年10月1日之后的…) may be a footer.
_DATE_LINE = re.compile(r"(?:19|20|二〇)[\d〇零一二三四五六七八九xX]{2}\s*年")
_DATE_LINE_CHARS = 20


def signature_like(key: str) -> bool:
    """A unit's signature or a date line: how one unit's reports legitimately end alike."""
    return bool(_SIGNATURE.search(key)) or (
        len(key) <= _DATE_LINE_CHARS and bool(_DATE_LINE.search(key))
    )


def footer_key(line: str) -> str:
    """The form footer lines are compared in across pages: no white space or emphasis."""
    return _FOOTER_STRIP.sub("", line)


def _sweep_repeated(
    lines: Sequence[str], nonempty: list[int], rules: dict[int, str], repeated: frozenset[str]
) -> None:
    """Walk back from the page's end over lines the corpus repeats as footers.

    A footer block may hold scraps too short to learn (、法规, ：) and one short sentence
    (…视同“直属机构”制定。); they go with the block when a repeated line stands above
    them, and stay when it does not.
    """
    scraps: list[int] = []
    sentence = False  # a short sentence is among the scraps
    below = False  # furniture was found below this point
    for i in reversed(nonempty[-FOOTER_LINES:]):
        if i in rules:
            below = True
            continue
        key = footer_key(lines[i])
        if key in repeated:
            for j in [*scraps, i]:
                rules[j] = "repeated_footer"
            scraps, sentence, below = [], False, True
        elif signature_like(key) and not below:
            break  # the page ends with its unit's signature and date: the document's own
        elif len(key) < _SCRAP and len(scraps) < _MAX_SCRAPS:
            scraps.append(i)
        elif len(key) <= _SCRAP_SENTENCE and not sentence and not line_marker(lines[i].strip()):
            scraps.append(i)
            sentence = True
        else:
            break


# Weak cues: alone they prove nothing in a body, but short lines that carry them and
# stand after everything else on the page are the closing furniture of web articles.
_TAIL_CUES = prefiltered(
    re.compile(
        r"关注|分享|点赞|转发|在看|微信|公众号|来源|编辑|审核|投稿|邮箱|扫码|二维码|END|往期|阅读|"
        r"供稿|责编|出品|图片|文字|排版|校对|小编|订阅号|福利|等你|蓝字|摄制|融媒|视频号|抖音|快手|微博|头条号|小红书",
        re.I,
    )
)
_TAIL_PROMPT_LINE = 40
# The same words in a report's own closing sentence (本报记者将继续关注, 引起广泛关注).
PROSE_CUES = re.compile(r"(?:继续|持续|密切|高度|广泛|社会|引起|受到|备受|值得|重点)关注")
# Stronger cues for a fragment glued to the end of the last content line: a report's
# own closing sentence may mention 编辑 or 阅读, but not 订阅号, 朋友圈 or 二维码.
_FRAGMENT_CUES = prefiltered(
    re.compile(
        r"订阅号|公众号|朋友圈|二维码|扫码|在看|点赞|转发|蓝色?字|关注[我本]|等你参与|领取|侵权|版权[归属]|概不负责|"
        r"告诉更多人|记得关注|一键三连|阅读原文|侵犯您的|立即删除|联系删除|"
        r"[（(]?(?:责编|编辑|审核|来源|供稿|签发)\s*[:：|丨]"
    )
)
_SENTENCE_BREAK = re.compile(r"(?<=[。！？!?；;])|(?=\*\*)|(?<=\*\*)")


def tail_fragment(line: str) -> int | None:
    """Where furniture glued to the end of the page's last line begins, or None.

    Web pages run their closing prompts and credits into the last paragraph
    (…维护老年人合法权益。**某某公司订阅号**). Walking back over the line's last
    sentences, short ones with a strong cue are furniture; at least 20 characters of
    the line stay.
    """
    cuts = [m.start() for m in _SENTENCE_BREAK.finditer(line)] + [len(line)]
    bounds = sorted({c for c in cuts if 0 < c <= len(line)})
    start: int | None = None
    end = len(line.rstrip())
    for b in reversed(bounds[:-1]):
        piece = line[b:end].replace("*", "").strip()
        if not piece:
            end = b
            continue
        if len(piece) > _TAIL_PROMPT_LINE or not _FRAGMENT_CUES.search(piece) or b < 20:
            break
        start = end = b
    while start is not None and start > 0 and line[start - 1] == "*":
        start -= 1  # the emphasis that opened the fragment goes with it
    return start


# Where a prompt glued before the page's first text may end: a sentence, an emphasis
# run, a Markdown heading mark, an arrow.
_HEAD_BREAK = re.compile(r"(?<=[。！？!?；;])|(?=\*\*)|(?<=\*\*)|(?=#)|(?<=[▼▲↓👇])")
_HEAD_CUES = re.compile(r"公众号|订阅号|视频号|二维码|扫码|阅读原文|蓝字")
_HEAD_KEEP = 8  # Han characters that must stay after the cut
# A cheap first test: the first piece of text (from the first Chinese character to the
# first break) decides, and most lines open with a sentence longer than any prompt.
_NON_HAN_LEAD = re.compile(r"[^\u4e00-\u9fff]*")
_FIRST_STOP = re.compile(r"[。！？!?；;▼▲↓👇#]|\*\*")


def head_fragment(line: str) -> int | None:
    """Where the page's first text begins after a prompt glued before it, or None.

    WeChat pages run their opening prompt into the title line
    (**▼点击下方文字进入公众号链接▼**# 某某讲座——如何…). Walking forward over the
    line's first pieces, short ones with a prompt cue are furniture; the rest of the
    line must still hold a title's worth of text.
    """
    lead = _NON_HAN_LEAD.match(line).end()  # type: ignore[union-attr]
    stop = _FIRST_STOP.search(line, lead)
    first = line[lead : stop.end() if stop else len(line)]
    if len(first.replace("*", "").strip(" #")) > _TAIL_PROMPT_LINE:
        return None  # the first piece of text is too long to be a prompt: nothing to cut
    # Breaks come in order, and the walk stops at the first piece of text that is not
    # a prompt: most lines are decided by their first piece, without splitting the rest.
    cuts = itertools.chain((m.start() for m in _HEAD_BREAK.finditer(line)), (len(line),))
    start = 0
    end: int | None = None
    for b in cuts:
        if b <= start:
            continue
        piece = line[start:b].replace("*", "").strip(" #")
        if not _CJK.search(piece):
            start = b  # arrows and emphasis between prompts go with them
            continue
        # Not the tail's fragment cues: a title may open with 点赞！ or 转发.
        if len(piece) > _TAIL_PROMPT_LINE or not (
            _PROMPT_START.match(piece)
            or _WECHAT_PROMPT.search(piece)
            or (_HEAD_CUES.search(piece) and not piece.endswith("。"))  # 某某在视频号分享了…。
            or (_PHONE.search(piece) and _CALL_WORDS.search(piece))  # 报名联系某老师[phone number]
        ):
            break
        start = end = b
    if end is None or len(_CJK.findall(line[end:])) < _HEAD_KEEP:
        return None
    arrows = _ARROWS.match(line, end)
    return arrows.end() if arrows else end


_ARROWS = re.compile(r"[▼▲↓👇*\s]*")
_CALL_WORDS = re.compile(r"联系|咨询|电话|热线|报名|垂询")


# A page title's site suffix, as HTML <title> writes it: 文章标题_某某网, 标题_某某医院.
_SITE_SUFFIX = re.compile(
    r"(?:网|站|网站|官网|平台|app|APP|手机版|下载|医院|集团|公司|中心|研究院|商城|门户)\W*$"
)
_TITLE_LINE = 120
_SITE_TAG = re.compile(r"【([^【】]{2,16})】(?=\s*(?:_|$))")
_SUFFIX_CHARS = 30


def title_suffix(line: str) -> int | None:
    """Where a site name glued to the page's title line begins (at its ``_``), or None.

    Scraped pages keep the HTML title: 海尔冰箱清洁_长沙海尔维修站, or the title, the
    site and the title again (某某？_某某医院某某？). The title stays; ``_`` and what
    follows go when that is a site's name or the title repeated after one.
    """
    if len(line) > _TITLE_LINE:
        return None
    tag = _SITE_TAG.search(line)
    if tag and tag.start() >= 4 and _SITE_SUFFIX.search(tag.group(1)):
        return tag.start()  # 德邦物流能否代替顺丰？【某某体育app】
    at = line.find("_")
    if at < 4 or line.startswith("_", at + 1):
        return None  # __ is a redaction's blank, not a separator
    title, rest = line[:at].strip(), line[at + 1 :].strip()
    if len(title) >= 4 and rest.endswith(title) and rest != title:
        return at  # the title printed again after the site's name
    if len(rest) <= _SUFFIX_CHARS and not _CLAUSE_END.search(rest) and _SITE_SUFFIX.search(rest):
        return at
    return None


def _sweep_tail_prompts(lines: Sequence[str], nonempty: list[int], rules: dict[int, str]) -> None:
    """Walk back from the page's end over short lines with furniture cues.

    A 范文 page ends with its signature and date, which carry no such cue, so the
    walk stops there; a web article ends with 来源/编辑/关注/在看 lines, which it takes.
    """
    for i in reversed(tail_zone(nonempty, rules)):
        if i in rules:
            continue
        line = lines[i].strip().replace("*", "")  # Markdown emphasis is not length
        if len(line) > _TAIL_PROMPT_LINE or not _TAIL_CUES.search(PROSE_CUES.sub("", line)):
            break
        if line_marker(line) or YEAR_MONTH.search(line):
            break  # a numbered item or a dated signature is the document's own text
        rules[i] = "ad_block"


def _extend_footer(lines: Sequence[str], nonempty: list[int], rules: dict[int, str]) -> None:
    """Short lines after a copyright line in the page's tail belong to the same footer.

    A footer spans several lines (版权所有 … / 本作品来自… / 公有领域 / 。) and only the
    first may carry a cue. Lines longer than ``_FOOTER_LINE`` stop the sweep: prose
    does not sit in a footer.
    """
    tail = tail_zone(nonempty, rules)
    first = next((i for i in tail if rules.get(i) == "copyright"), None)
    if first is None:
        return
    for i in tail:
        if i <= first or i in rules:
            continue
        if len(lines[i].strip()) > _FOOTER_LINE or line_marker(lines[i].strip()):
            break
        rules[i] = "copyright"


_FOOTER_LINE = 60
# What a business offers (主营范围：…, 服务范围：…): its own plug under the article. Not 经营范围,
# which a company's registration notice states as its content.
_SCOPE_WORDS = r"(?:主营(?:范围|项目|业务)|业务范围|服务范围)"
_SCOPE = re.compile(rf"^\W*[\u4e00-\u9fff]{{0,8}}?{_SCOPE_WORDS}\W*[:：]")
_SCOPE_LINE = 300
# Titles run together on one line (…招聘公告力同铝业…招聘公告青海…): a notice's name
# followed at once by the next title's first character.
_GLUED_NOTICE = re.compile(r"(?:公告|通知|公示|简章|启事)(?=[\u4e00-\u9fffA-Za-z0-9])")
_GLUED_NOTICES = 2

# An account's "about" block under the article: 【关于某某】 or 关于我们, then its blurb.
_ABOUT_HEAD = re.compile(
    rf"^\W*(?:【关于[^】]{{1,12}}】|关于我们|[\u4e00-\u9fff]{{0,8}}?{_SCOPE_WORDS}[:：]?)\W*$"
)
_ABOUT_LINES = 3
_ABOUT_LINE = 300


def _sweep_about(lines: Sequence[str], nonempty: list[int], rules: dict[int, str]) -> None:
    """The blurb under an account's about header, when nothing else follows it."""
    tail = tail_zone(nonempty, rules)
    heads = [i for i in tail if _ABOUT_HEAD.match(lines[i].replace("*", ""))]
    if not heads or heads[-1] in head_zone(nonempty):
        return
    below = [i for i in tail if i > heads[-1] and i not in rules]
    texts = [lines[i].strip() for i in below]
    if len(below) > _ABOUT_LINES or any(
        len(t) > _ABOUT_LINE or signature_like(footer_key(t)) or line_marker(t) for t in texts
    ):
        return
    for i in [heads[-1], *below]:
        rules[i] = "ad_block"


def _line_rule(line: str, edge: bool, in_head: bool) -> str | None:
    if _PAID_LINE.fullmatch(line):
        return "paid_marker"
    if (
        _RELATED_HEAD.match(line)
        and (edge or len(line) <= 40)
        # a paragraph that opens with the words (相关报道被国内自媒体转载，…。) is prose
        and not (len(line) > _LIST_HEAD_LINE and _CLAUSE_END.search(line))
    ):
        return "related_links"
    if (
        edge
        and not in_head
        and len(line) <= _LIST_HEAD_LINE
        and (
            _LIST_HEAD.match(_HAN_EMPHASIS.sub("", line))  # **往期****精彩****回顾**
            or _TOPIC_LIST_HEAD.match(line.replace("*", ""))
            or _LIST_HEAD_END.search(line.replace("*", ""))
        )
    ):
        return "related_links"  # **------往期推荐-----**, 系列回顾⊙某某: a title may follow it
    if (
        edge
        and not in_head
        and len(line) <= _GLUED_LIST_LINE
        and not _CLAUSE_END.search(line)
        and _LIST_HEAD.match(_HAN_EMPHASIS.sub("", line))
    ):
        return "related_links"  # **往期精彩回顾**某某新增…下单，到货！…: the titles run on
    if len(line) <= _SPACED_HEAD and _RELATED_HEAD.match(_SPACES.sub("", line)):
        return "related_links"  # 推 荐 阅 读: headers are spaced out for looks
    if _spam(line):
        return "spam_keywords"
    if _ad(line, edge):
        return "ad_block"
    n = len(line)
    if n <= 60 and _DOWNLOAD.search(_SPACES.sub("", line)):  # 展开 列表
        return "download_prompt"
    if _RANDOM_TOKEN.fullmatch(line):
        return "download_prompt"
    if (edge or n <= 60) and _COPYRIGHT.search(line) and not _SENTENCE_END.search(line):
        return "copyright"
    if edge and not in_head and _NOTICE_HEAD.match(line) and len(line) <= _NOTICE_LINE:
        return "copyright"  # 声明：本网站图片、文字之类版权… (a site's legal notice, any length)
    if edge and len(line) <= 160 and _DISCLAIMER.search(line) and not line_marker(line):
        # a numbered clause (（二）作品版权归原作者所有) is a notice's own rule
        return "copyright"  # 版权归原作者，如有侵权请联系删除。 (a full sentence, still furniture)
    if edge and not in_head and _contact(line):
        return "contact"
    if edge and not in_head and _HANDLE.match(line.replace("*", "")):
        return "ad_block"
    if edge and not in_head and n <= _SUBMIT_LINE and _SUBMIT.search(line):
        return "ad_block"  # 本公众号长期公开征集稿件… under the article
    if edge and n <= _REPRINT_LINE and _REPRINT.match(line.replace("*", "")):
        return "page_meta"  # 本文来源微信公众号“某某”，作者某某，原文标题《…》
    if edge and len(_TICKER.findall(line)) >= 2 and not _CLAUSE_END.search(line):
        # ■某某研讨会在京举办■某某里的探索…: a bar of headlines; not a list's header, so
        # the article's title under it stays
        return "navigation"
    if in_head and _head_contact(line):
        return "contact"
    if edge and not in_head and n <= _SCOPE_LINE and _SCOPE.match(line.replace("*", "")):
        return "ad_block"  # 主营范围：园林绿化工程；销售：…
    if (
        edge
        and not in_head
        and len(_GLUED_NOTICE.findall(line)) >= _GLUED_NOTICES
        and not _CLAUSE_END.search(line)
        and not line_marker(line)
    ):
        return "related_links"  # …招聘公告力同铝业…招聘公告青海…招聘公告
    if edge and not in_head and n <= _POINTER_LINE and _POINTER.search(line.replace("*", "")):
        return "ad_block"  # 快来查看吧↓↓↓ under the article points at a card below it
    if edge and n <= _COMMENTS_LINE and _COMMENTS.search(line):
        return "page_actions"
    if edge and not in_head and n <= _CALL_LINE and _CALL_US.search(line) and not line_marker(line):
        return "ad_block"
    if (
        edge
        and len(line.replace("*", "")) <= 40
        and _CREDIT.match(re.sub(r"[\s*]+", "", line))
        and not line_marker(line)
    ):
        return "page_meta"  # 编   辑：某某 — labels are often spaced out
    if edge:
        rule = _prompt_rule(line)
        if rule:
            return rule
    if _AD_ONLY.match(line):
        return "ad_block"  # -广告- : the page marks its own ad
    if n <= 120 and len(_PAGER.findall(line)) >= 2:
        return "navigation"
    if _PAGE_NUMBER.match(line):
        return "navigation"
    if edge and in_head and n <= _POINTER_LINE and _UP_POINTER.search(line.replace("*", "")):
        return "ad_block"  # 👆帮你找到…👆 points at the account's card above the article
    if _EMPTY_SHAPE.match(line) and not _RULE_LINE.match(line) and not _PUNCT_ONLY.match(line):
        return "separator"  # rules of dashes are left to the splitter: they may part two versions
    if _IMAGE_RESIDUE.match(line):
        return "separator"
    if edge and _VIEWS.match(line):
        return "page_meta"
    if edge and len(_PHONE.findall(line)) >= _PHONES and not _CLAUSE_END.search(line):
        return "contact"  # 广告推广：[phone number]/[phone number]…招生：[phone number]…
    if edge and not in_head and _glued_numbered_titles(line):
        return "related_links"
    if n <= 12 and _PAGE_LABEL.match(line):
        return "navigation"
    if _URL_ONLY.match(line) or _SOURCE_LINK.match(line):
        return "site_header"
    if _ID_LINE.match(line) or (in_head and _ISSUE_NUMBER.match(line)):
        return "page_meta"
    if n <= 80 and _BREADCRUMB.search(line):
        return "breadcrumb"
    if _meta(line, edge):
        return "page_meta"
    if _actions(line):
        return "page_actions"
    if _navigation(line, in_head):
        return "navigation"
    if in_head and _site_name(line):
        return "site_header"
    if in_head and _account_banner(line):
        return "site_header"
    return None


def _prompt_rule(line: str) -> str | None:
    """Follow and share prompts, judged at the page's edges only."""
    plain = line.replace("*", "")
    if len(plain) > _PROMPT_BLOCK:
        return None
    prompts = len(_WECHAT_PROMPT.findall(plain))
    if len(plain) <= 30 and (prompts or _MORE.search(plain)):
        return "ad_block"
    if (
        len(plain) <= _PROMPT_START_LINE
        and _PROMPT_START.match(plain)
        and head_fragment(line) is None  # a title glued after the prompt is cut out later
    ):
        return "ad_block"
    if _PROMPT_START.match(plain) and prompts >= 2:
        # 阅读本文前，请您先点击上面的“蓝色字体”，再点击“关注”…声明：图文来源于网络…: what
        # follows the last prompt is short or a notice. When the article's text follows
        # (…关注我们哟~看法1：品牌和市场…), head_fragment cuts the prompt off instead.
        rest = plain[list(_WECHAT_PROMPT.finditer(plain))[-1].end() :]
        if len(rest) <= _TAIL_PROMPT_LINE or _DISCLAIMER.search(rest):
            return "ad_block"
    if (
        len(plain) <= 160
        and prompts
        and prompts + len(_FOLLOW.findall(plain)) + bool(_PLEA.search(plain)) >= 2
        and not line_marker(plain)  # 3.提交视频的同学点击下方“阅读原文”报名: the notice's own step
    ):
        return "ad_block"  # 请将“某某发布”加为星标，看完别忘记点下“赞”“在看”
    if (
        len(plain) <= 160
        and prompts
        and _AD_CUES.search(plain)
        and not line_marker(plain)
        # a sentence of the article with a prompt glued on keeps its sentence (cut later)
        and head_fragment(line) is None
        and tail_fragment(line) is None
    ):
        return "ad_block"  # 本公众号由某某主办，如果您还未关注，请点击上方蓝色“某某”进行关注
    if prompts >= _MANY_PROMPTS:
        return "ad_block"
    return None


_PAID_LINE = re.compile(r"#{2,}\s*[a-z]+\s*#{2,}", re.I)
_MD_HEADING = re.compile(r"^#{1,6}\s*\S")
_LAST_SITE_LINE = 20


def _contact(line: str) -> bool:
    # Emphasis is not length, and a masked number ([phone number]) is as long as a real one;
    # labels are spaced out for looks (免 费 求 职 热 线).
    line = line.replace("*", "").replace(_MASKED_PHONE, "13000000000")
    line = _HAN_SPACES.sub("", line)
    if len(line) > _CONTACT_LINE:
        return False
    if _CONTACT.match(line) or _CONTACT_HEADER.match(line):
        return True
    return len(line) <= _PHONE_LINE and bool(_PHONE.search(line)) and not _SENTENCE_END.search(line)


_HEAD_CONTACT_WORDS = 12
# A call for contributions: 长期公开征集稿件, 欢迎广大读者投稿, 投稿邮箱.
_SUBMIT = re.compile(
    r"征集稿件|征稿启事|欢迎(?:各位|大家|广大读者|读者)?(?:踊跃)?投稿|投稿(?:邮箱|请发|请投)"
)
_SUBMIT_LINE = 200
# Where the page was taken from, as a sentence: 本文来源微信公众号“某某”，作者某某.
_REPRINT = re.compile(
    r"^\W*(?:(?:作者|来源|文章来源|说明)\W{0,3}[:：]\W*)?"  # **作者**：本文转自公众号“某某”
    r"(?:本文|文章|此文|原文|内容)(?:来源于?|来自|转自|转载自|转载于|选自|摘自|首发于)"
)
_REPRINT_LINE = 120
# Headlines set one after another with a bullet before each.
_TICKER = re.compile(r"[■●◆★]\s*[^■●◆★。]{6,40}")
# A page's view counter alone on its line: 浏览79.82W, 阅读 1.2万, 点击：356次.
_VIEWS = re.compile(
    r"^\W*(?:浏览|阅读|点击|播放|观看)(?:量|数|次数)?\s*[:：]?\s*\d+(?:\.\d+)?\s*[万千wWkK]?\+?\s*次?\W*$"
)
_PHONES = 3
# Numbered titles run together on one line (**1、某某要搞！…**2、平果人注意：…**3、…).
_NUMBERED_RUN = re.compile(r"(?:^|[*\s])(\d{1,2})、")
_NUMBERED_RUN_MIN = 3


def _glued_numbered_titles(line: str) -> bool:
    if _CLAUSE_END.search(line) or "，" in line.replace("*", "")[:0]:
        return False
    numbers = [int(m.group(1)) for m in _NUMBERED_RUN.finditer(line)]
    return len(numbers) >= _NUMBERED_RUN_MIN and numbers == list(
        range(numbers[0], numbers[0] + len(numbers))
    )


_HAN_SPACES = re.compile(r"(?<=[\u4e00-\u9fff])\s+(?=[\u4e00-\u9fff])")
# An account on another platform: 新浪微博｜@某某官方微博, 抖音号：某某.
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
    if not _PHONE.search(line) or not _contact(line):
        return False
    plain = _PHONE.sub("", line.replace("*", ""))
    return bool(_CONTACT.match(plain)) or len(_CJK.findall(plain)) <= _HEAD_CONTACT_WORDS


def _sweep_contact(lines: Sequence[str], nonempty: list[int], rules: dict[int, str]) -> None:
    """The block of contact lines that ends a page, also on pages too short for a tail.

    The first line of the page is never taken: there it names the article's subject.
    """
    for i in reversed(nonempty[1:]):
        if i in rules:
            continue
        line = lines[i].strip()
        if not _contact(line):
            break
        rules[i] = "contact"


def _last_line(lines: Sequence[str], nonempty: list[int], rules: dict[int, str]) -> None:
    """The page's last kept lines when they cannot end an article.

    A bare site name (某某网) signs the page, not the report; Markdown headings with
    nothing under them (#另一篇文章的标题, a run of them) are the titles of a link list.
    """
    kept = [i for i in nonempty if i not in rules]
    if len(kept) < 2:
        return  # a one-line page keeps its line
    signed = False
    for i in reversed(kept[1:]):  # 某某人才网 / 找好工作，上某某人才网： / 某某顺风车网
        line = lines[i].strip().replace("*", "").strip()
        if len(line) > _LAST_SITE_LINE or not _site_name(line) or _SENTENCE_END.search(line):
            break
        rules[i] = "site_header"
        signed = True
    if signed:
        return
    for i in reversed(kept[1:]):
        if not _orphan_heading(lines[i].strip()):
            break
        rules[i] = "related_links"


def _orphan_heading(line: str) -> bool:
    heading = line.lstrip("#").strip(" *")
    return (
        bool(_MD_HEADING.match(line))
        and len(line) <= 40
        and not _CLAUSE_END.search(line)
        and not line_marker(heading)  # the last item of a listicle (## 3、…)
    )


def _closing_lines(
    lines: Sequence[str], nonempty: list[int], rules: dict[int, str], through: bool = False
) -> Iterator[tuple[int, str]]:
    """The kept lines at the page's end, last first, down to the next furniture line.

    Furniture below them is skipped; once a kept line has been given, the next
    furniture line ends the walk, unless ``through`` (a directory's names between
    their address lines). A sweep stops the walk at its first line that fails.
    """
    given = False
    for i in reversed(nonempty):
        if i in rules:
            if given and not through:
                return
            continue
        given = True
        yield i, lines[i].strip()


# A listing's own line under each title: its tags or column and when it was posted
# (#小米#保修 2022年05月02日 20:31, 新闻中心 2021-07-22 11:35). A tag or a time of day
# sets it apart from a report's date line.
_LISTING_META = re.compile(
    r"^(?=.*(?:#|\d:))(?:#[^#\s]{1,12}#?\s*){0,4}[\u4e00-\u9fffA-Za-z ]{0,12}?\s*"
    r"(?:19|20)\d{2}(?:[-/.]\d{1,2}[-/.]\d{1,2}|年\d{1,2}月\d{1,2}日)\s*(?:\d{1,2}:\d{0,2}(?::\d{2})?)?\s*$"
)


def _sweep_tail_links(lines: Sequence[str], nonempty: list[int], rules: dict[int, str]) -> None:
    """Two or more dated titles at the page's end are a link list even without a header.

    The date ends the title's line, or stands on a line of its own under the title.
    """
    run: list[int] = []
    dated = 0
    under_meta = False  # the line below is a title's own date line
    for i, line in _closing_lines(lines, nonempty, rules):
        if _LISTING_META.match(line):
            dated += 1
            under_meta = True
        elif _link_like(line) and _CJK.search(line) and (under_meta or _DATE_TAIL.search(line)):
            dated += not under_meta
            under_meta = False
        else:
            break
        run.append(i)
    if dated >= 2:
        for i in run:
            rules[i] = "related_links"


_AD_ONLY = re.compile(r"^[\W_]*(?:广告|推广|AD)[\W_]*$", re.I)
_SPACES = re.compile(r"[\s·•・]+")  # 推 荐 阅 读, 精彩 · 推荐
_SPACED_HEAD = 24
# A dialog a site shows before an outbound link (您访问的链接即将离开…是否继续？).
_EXIT_DIALOG = re.compile(r"即将离开.{0,30}(?:网站|平台|页面|网)|是否继续[？?]?\s*$")
# Three or more full dates in one line with no sentence: titles of a link list run together.
_FULL_DATE = re.compile(r"(?:19|20)\d{2}[-/.](?:0?[1-9]|1[0-2])[-/.](?:0?[1-9]|[12]\d|3[01])")
_GLUED_DATES = 3
# One page action alone on its line (下载, 打印本页): a button's label.
_LONE_ACTIONS = frozenset(
    "加入收藏 设为首页 我要投稿 点赞 分享 分享到 收藏 打印 打印本页 关闭 关闭窗口 返回顶部 返回列表 "
    "复制链接 举报 纠错 下载 全屏 手机版 关注 在线报名 立即报名 立即购买 立即抢购 限时抢购 马上抢购".split()
)


def head_zone(nonempty: Sequence[int]) -> set[int]:
    """The page's first ``HEAD_LINES`` lines, but never more than its upper half.

    On a short page every line is near both edges; its lower half is where the closing
    furniture sits (往期推荐, 欢迎致电咨询…), and the rules that keep away from the head's
    titles and bylines must still see it as the tail.
    """
    return set(nonempty[: min(HEAD_LINES, (len(nonempty) + 1) // 2)])


def tail_zone(nonempty: Sequence[int], rules: dict[int, str]) -> Sequence[int]:
    """The page's last ``TAIL_LINES`` lines, counted above the furniture that ends it.

    A long link list (30 titles under 相关阅读) fills the fixed tail window by
    itself; the prompts and credits just above it are as much at the page's edge.
    """
    run = 0
    for i in reversed(nonempty):
        if i not in rules:
            break
        run += 1
    return nonempty[-(TAIL_LINES + run) :]


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
        if i in tail or i in rules or (longest is not None and len(lines[i].strip()) > longest):
            continue
        rule = _line_rule(lines[i].strip(), True, i in head) or _edge_rule(lines, i, head, wider)
        if rule:
            rules[i] = rule


# Credits run together on one line (初审：某某复审：某某终审：某某): two labels or more.
_CREDIT_LABEL = prefiltered(re.compile(rf"(?:{_CREDIT_WORDS})\s*[:：|丨｜]"))
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
    return None


# A ranking list closing a page (1女性职场礼仪要点 / 2男性…): numbers glued to titles.
_RANKED = re.compile(
    r"^(\d{1,2})(?:[:：]\s*|(?![\d年月日号时分秒个名万亿元次人项件期届岁%％.．、，,)）]))[\u4e00-\u9fff]"
)
# A numbered item is a title when it carries a column bar (2.干货篇‖颜值与才华并存的推拉门！).
_RANKED_BAR = re.compile(r"^(\d{1,2})[.．、]\s*[^‖|｜丨]{1,12}[‖|｜丨]")
_RANKED_LINE = 30
_RANKED_MIN = 3


def _sweep_ranked_titles(lines: Sequence[str], nonempty: list[int], rules: dict[int, str]) -> None:
    """Three or more consecutively numbered short title lines at the page's end."""
    run: list[tuple[int, int]] = []
    for i, text in _closing_lines(lines, nonempty, rules):
        line = text.replace("*", "")
        m = _RANKED.match(line) or _RANKED_BAR.match(line)
        if not m or len(line) > _RANKED_LINE or _CLAUSE_END.search(line):
            break  # a title may exclaim (3：百城房价出炉！…)
        n = int(m.group(1))
        if run and n != run[-1][1] - 1:
            break
        run.append((i, n))
    if len(run) >= _RANKED_MIN:
        for i, _ in run:
            rules[i] = "related_links"


# A link card cut short (某某学院2020年高职扩招单···, …RB莱比......): a list shows each
# title and excerpt up to a fixed length and marks the cut.
# Not ……: the writer's own ellipsis (巨无霸、薯条、麦乐鸡……).
_TRUNCATED = re.compile(r"(?:···|(?<!…)…|\.{3,})\s*$")
_CARD_TITLE = 30
_CARDS_MIN = 2


def _sweep_cards(lines: Sequence[str], nonempty: list[int], rules: dict[int, str]) -> None:
    """Cut-short titles and excerpts, with short titles among them, ending the page.

    One paragraph may trail off (……); two or more cut lines in the closing run, with
    nothing between them but short title lines, are a list of other pages.
    """
    run: list[int] = []
    cut = 0
    for i, text in _closing_lines(lines, nonempty, rules):
        line = text.replace("*", "")
        if _TRUNCATED.search(line):
            cut += 1
        elif not (_link_like(line) and len(line) <= _CARD_TITLE) or signature_like(
            footer_key(line)
        ):
            break
        run.append(i)
    while run and not _TRUNCATED.search(lines[run[-1]].replace("*", "").rstrip()):
        run.pop()  # the run starts at a cut line: a short line above it is the article's own
    if cut >= _CARDS_MIN and len(nonempty) - len(run) >= 2:
        for i in run:
            rules[i] = "related_links"


# A business's plug appended under an article that never named it (东莞某某专业从事…多年，
# 深圳市某某技术有限公司是从事…的): the org opens the last line and appears nowhere above.
_PLUG = re.compile(
    r"^\W*([\u4e00-\u9fffA-Za-z（）()]{2,24}?(?:有限公司|公司|厂|集团|工作室))"
    r"(?:是|专业|主要|一直|致力|专注|始终)"
)
_PLUG_LINE = 300


def _sweep_plug(lines: Sequence[str], nonempty: list[int], rules: dict[int, str]) -> None:
    """The page's last kept line when it is an unnamed-before business's own plug."""
    kept = [i for i in nonempty if i not in rules]
    if len(kept) < 3:
        return
    last = lines[kept[-1]].replace("*", "").strip()
    m = _PLUG.match(last)
    if not m or len(last) > _PLUG_LINE:
        return
    name = m.group(1)
    core = name[:4] if len(name) > 8 else name  # 东莞科文… is named 科文 above, if at all
    if any(core in lines[i] or name in lines[i] for i in kept[:-1]):
        return
    rules[kept[-1]] = "ad_block"


# Text set one character a line for looks (点/蓝/字/，/关/注/我, 2/0/2/2/1/2): a banner,
# judged by what it says when joined.
_VERTICAL_MIN = 3


def _sweep_vertical(lines: Sequence[str], nonempty: list[int], rules: dict[int, str]) -> None:
    """Runs of one-character lines in the page's head or tail."""
    zone = head_zone(nonempty) | set(tail_zone(nonempty, rules))
    run: list[int] = []
    for i in [*nonempty, -1]:
        one = i in zone and i not in rules and len(lines[i].replace("*", "").strip()) == 1
        if one:
            run.append(i)
            continue
        if len(run) >= _VERTICAL_MIN:
            joined = "".join(lines[j].replace("*", "").strip() for j in run)
            prompt = (
                _WECHAT_PROMPT.search(joined)
                or _PROMPT_START.match(joined)
                or _AD_CUES.search(joined)
            )
            for j in run:
                rules[j] = "ad_block" if prompt else "separator"
        run = []


# Headlines of other articles closing a page with no header over them (团市委召开…会议 /
# 钟华论：夺取新征程新胜利的根本保证 / 青春热议|在服务奉献中绽放无悔青春——…): news
# headlines are long and carry a headline's marks inside them; a writer's closing words
# talk to the reader (…相信孩子吧！, 不过这也是…是吧？).
_HEADLINE_MARKS = re.compile(r"[！？!?｜|：:“]|——")
_SPOKEN = re.compile(
    r"(?:吧|啦|呀|呢|哦|嘛|哈|哟)\W*$|^(?:所以|不过|但是|因此|而且|其实|可是|如果|或|然后|再)"
)
_HEADLINE_MIN = 10
_HEADLINES = 3


def _headline(line: str) -> bool:
    return (
        _link_like(line)
        and not line.startswith("|")  # a Markdown table's row
        and len(line) >= _HEADLINE_MIN
        and not line.endswith(("：", ":"))
        and not _SPOKEN.search(line)
        and not line_marker(line)
        and not signature_like(footer_key(line))
    )


def _sweep_headlines(lines: Sequence[str], nonempty: list[int], rules: dict[int, str]) -> None:
    """Three or more headline lines under the body's last sentence, or under a rule."""
    run: list[int] = []
    marked = 0
    above: str | None = None  # the kept line above them; None when furniture is there
    for i, text in _closing_lines(lines, nonempty, rules):
        line = text.replace("*", "").strip()
        if not _headline(line):
            above = line
            break
        marked += bool(_HEADLINE_MARKS.search(line[:-1]))  # a mark inside, not only at the end
        run.append(i)
    if above is None:
        # only a rule the editor drew (#, ***) sets them apart; a credit or an address
        # line may sit inside the article's own closing notes
        over = [i for i in nonempty if run and i < run[-1]]
        closed = bool(over) and rules.get(over[-1]) == "separator"
    else:
        closed = above.endswith(("。", "！", "!", "”", "："))
    kept = sum(1 for i in nonempty if i not in rules)
    if len(run) >= _HEADLINES and marked >= 2 and closed and kept - len(run) >= 2:
        for i in run:
            rules[i] = "related_links"


# Titles of one series closing the page (某某测试卷及答案二 / …答案三 / …答案四): the same
# words, then a different ending.
_SERIES_PREFIX = 6
_SERIES_MIN = 3


def _shared_start(a: str, b: str) -> int:
    return sum(
        1 for _ in itertools.takewhile(lambda pair: pair[0] == pair[1], zip(a, b, strict=False))
    )


def _sweep_series(lines: Sequence[str], nonempty: list[int], rules: dict[int, str]) -> None:
    """Three or more short title lines ending the page that open with the same words."""
    run: list[int] = []
    first = ""
    for i, text in _closing_lines(lines, nonempty, rules):
        line = text.replace("*", "").strip()
        if not _link_like(line) or line_marker(line):
            break
        if run and _shared_start(first, line) < _SERIES_PREFIX:
            break
        first = first or line
        run.append(i)
    if len(run) >= _SERIES_MIN and len(nonempty) - len(run) >= 2:
        for i in run:
            rules[i] = "related_links"


_TITLE_BULLET = re.compile(r"^[●◆▶►▸■⊙❖♦➤➢▷★☆❤💗💕👉]\s*\S")
_BULLET_TITLES = 2


def _sweep_bullet_titles(lines: Sequence[str], nonempty: list[int], rules: dict[int, str]) -> None:
    """Bulleted title lines ending the page (●某地召开…会议 / ●景美、有趣…你去过了吗？).

    A report's own bulleted points run as clauses and end with ；or 。; titles do not.
    """
    run: list[int] = []
    for i, text in _closing_lines(lines, nonempty, rules, through=True):
        line = text.replace("*", "")
        if not (_TITLE_BULLET.match(line) and _link_like(line) and line[-1] not in "，,：:、"):
            break
        run.append(i)
    # The page keeps at least two lines of its own above them: a bulleted list that is
    # the whole page is its content.
    if len(run) >= _BULLET_TITLES and len(nonempty) - len(run) >= 2:
        for i in run:
            rules[i] = "related_links"


# Rules sure enough to mark where furniture begins in the tail.
# Not contact lines: an address or a phone number may be the article's own (上课地址：…).
_TAIL_FURNITURE = frozenset(
    {"ad_block", "copyright", "related_links", "repeated_footer", "download_prompt"}
)
_BETWEEN_LINE = 40


def _closing_mark(line: str, rule: str | None) -> bool:
    """Furniture sure enough to show the page's closing block has begun.

    A credit (来源：…, 本文来源：…, 复审：…) counts; other page_meta lines do not: a
    caption (图 | 某某现场) or a date sits inside the article.
    """
    if rule in _TAIL_FURNITURE:
        return True
    return rule == "page_meta" and bool(_CREDIT.match(re.sub(r"[\s*▌]+", "", line)))


_BETWEEN_MAX = 8
_CARD_BLURB = 160


def _sweep_between(lines: Sequence[str], nonempty: list[int], rules: dict[int, str]) -> None:
    """Short kept lines between two furniture lines in the tail are furniture too.

    Once a page's closing furniture has begun (a prompt, a licence, a link list), what
    sits between its pieces is the account's own sign-off (译匠：以工匠精神精进翻译。),
    another link title, a promo. A report's own text does not resume there; its
    signature, date and numbered items still stop the sweep.
    """
    tail = tail_zone(nonempty, rules)
    head = head_zone(nonempty)
    marks = [i for i in tail if i not in head and _closing_mark(lines[i], rules.get(i))]
    for a, b in itertools.pairwise(marks):
        gap = [i for i in tail if a < i < b and i not in rules]
        if not gap or len(gap) > _BETWEEN_MAX:
            continue
        texts = [lines[i].strip().replace("*", "") for i in gap]
        # Under a link list a card's blurb runs longer (这套《某某》，帮孩子…), still
        # above the prompt that closes the page.
        longest = _CARD_BLURB if rules[a] == "related_links" and len(gap) <= 2 else _BETWEEN_LINE
        if any(len(t) > longest or signature_like(footer_key(t)) or line_marker(t) for t in texts):
            continue
        for i in gap:
            rules[i] = "ad_block"


# A closing prompt broken into emphasised pieces by the editor's markup (**看完记得** /
# **点亮下方“赞”**, **关注某某汽车** / **给你带来更多快乐** / 扫码关注我们): the pieces
# above the prompt are short, bold and hold no punctuation.
_LEAD_IN = 12
_LEAD_INS = 3
_LEAD_PUNCT = re.compile(r"[，。、；：！？,.;:!?…—“”\"'（）()《》]")


def _lead_in(line: str) -> bool:
    plain = footer_key(line)
    return (
        line.startswith("**")
        and line.endswith("**")
        and 0 < len(plain) <= _LEAD_IN
        and not _LEAD_PUNCT.search(plain)
        and not signature_like(plain)
        and not YEAR_MONTH.search(plain)
    )


def _sweep_lead_in(lines: Sequence[str], nonempty: list[int], rules: dict[int, str]) -> None:
    """The bold pieces just above the page's closing prompt, when they are only a few."""
    kept = [i for i in nonempty if i not in rules]
    if len(kept) <= _LEAD_INS + 1:
        return
    below = next((i for i in nonempty if i > kept[-1]), None)
    if below is None or rules[below] != "ad_block":
        return
    run = list(itertools.takewhile(lambda i: _lead_in(lines[i].strip()), reversed(kept)))
    if len(run) <= _LEAD_INS:  # more are a list or verse of the page's own
        for i in run:
            rules[i] = "ad_block"


# The writer's own end mark (END, —END—, 全文完, （完）): in the tail, what follows it is
# the account's: a promo's pieces, credits, a call to join. END may be glued to the
# first of them (END**某某干货包**).
_END_MARK = re.compile(r"^[\W_]*(?:(?:the\s*)?end(?![a-z])|全文完|完(?=[\W_]|$))", re.I)
_AFTER_END = 8
_AFTER_END_LINE = 60


def _below_last(
    lines: Sequence[str], nonempty: list[int], rules: dict[int, str], mark: re.Pattern[str]
) -> tuple[int, list[int]] | None:
    """The tail's last line that ``mark`` matches, and the kept lines under it."""
    tail = tail_zone(nonempty, rules)
    head = head_zone(nonempty)
    marks = [i for i in tail if i not in head and mark.match(lines[i].strip())]
    if not marks:
        return None
    return marks[-1], [i for i in tail if i > marks[-1] and i not in rules]


def _short_block(texts: Sequence[str], most: int, longest: int) -> bool:
    """A few short lines with no sentence of the writer's, no signature, no numbered item."""
    return len(texts) <= most and not any(
        len(t) > longest or t.endswith("。") or signature_like(footer_key(t)) or line_marker(t)
        for t in texts
    )


def _sweep_after_end(lines: Sequence[str], nonempty: list[int], rules: dict[int, str]) -> None:
    """Short kept lines under the article's end mark, when nothing longer follows it."""
    found = _below_last(lines, nonempty, rules, _END_MARK)
    if found is None:
        return
    end, after = found
    glued = end not in rules  # END**某某干货包**: the mark opens a kept line
    texts = [lines[i].strip().replace("*", "") for i in after]
    if (after or glued) and _short_block(texts, _AFTER_END, _AFTER_END_LINE):
        for i in [end, *after] if glued else after:
            rules[i] = "ad_block"


# An account's card under a rule the editor drew (--- / **某某行业微刊** / 覆盖…细分领域 /
# 第一时间发布有价值的行业资讯): a few short lines, one of them saying what the account does.
_ACCOUNT_WORDS = re.compile(r"微刊|资讯|公众号|关注|平台|频道|订阅|推送|出品|发布|分享")
_AFTER_RULE = 5
_AFTER_RULE_LINE = 30


def _sweep_after_rule(lines: Sequence[str], nonempty: list[int], rules: dict[int, str]) -> None:
    """The short lines under the page's last rule, when they describe the account."""
    found = _below_last(lines, nonempty, rules, _RULE_LINE)
    if found is None:
        return
    after = found[1]
    texts = [lines[i].strip().replace("*", "") for i in after]
    if (
        after
        and _short_block(texts, _AFTER_RULE, _AFTER_RULE_LINE)
        and any(_ACCOUNT_WORDS.search(t) for t in texts)
    ):
        for i in after:
            rules[i] = "ad_block"


# The next or the last episode of a column closing the page (Men Talk：男生眼中… above,
# Men Talk：对于男生来说…？ at the end): its last line opens with the column's tag that
# opens its first, and says something else.
_COLUMN_TAG = re.compile(r"^[\W_]*([^：:|｜丨。，]{2,16}?)\s*[：:|｜丨]\s*(\S.{7,})$")


def _sweep_next_title(lines: Sequence[str], nonempty: list[int], rules: dict[int, str]) -> None:
    """The page's last kept line when it is another title of the column the page opens with."""
    kept = [i for i in nonempty if i not in rules]
    if len(kept) < 3:
        return
    first, last = (lines[i].replace("*", "").strip() for i in (kept[0], kept[-1]))
    a, b = _COLUMN_TAG.match(first), _COLUMN_TAG.match(last)
    if (
        a
        and b
        and a.group(1) == b.group(1)
        and a.group(2) != b.group(2)
        and _link_like(last)
        and not line_marker(last)
        and not _META_KEYS.match(last)  # 时间：… above and below is a notice's own field
        and not _contact(last)
    ):
        rules[kept[-1]] = "related_links"


# A link's title as a search page writes it: the title, ``_``, its column or a second
# title (普洱茶与滇红的区别_云南普洱茶与滇红茶有什么不同？, 某某扔食投喂_[新闻new]); above
# them, questions run together (…是什么意思？…是熟茶吗？).
_SEO_TITLE = re.compile(r"^[^。；;_]{4,40}_[^。；;_]{2,40}$")
_QUESTIONS = re.compile(r"^(?:[^。；;？?，,]{4,30}[？?]){2,}$")


def _sweep_seo_titles(lines: Sequence[str], nonempty: list[int], rules: dict[int, str]) -> None:
    """Search-page titles closing the page, and question titles run together above them."""
    run: list[int] = []
    for i, text in _closing_lines(lines, nonempty, rules):
        line = text.replace("*", "").strip()
        if not (_SEO_TITLE.match(line) or (run and _QUESTIONS.match(line))):
            break
        run.append(i)
    if run and len(nonempty) - len(run) >= 2:
        for i in run:
            rules[i] = "related_links"


# The sweeps that walk back from the page's end, in the order ``classify_lines`` runs them.
_SWEEP_ROUNDS = 3
_TAIL_SWEEPS: tuple[Callable[[Sequence[str], list[int], dict[int, str]], None], ...] = (
    _sweep_tail_links,
    _sweep_ranked_titles,
    _sweep_bullet_titles,
    _sweep_cards,
    _sweep_series,
    _sweep_headlines,
    _extend_footer,
    _sweep_about,
    _sweep_tail_prompts,
    _sweep_contact,
    _sweep_between,
    _sweep_lead_in,
    _sweep_next_title,
    _sweep_after_end,
    _sweep_seo_titles,
    _sweep_after_rule,
)
