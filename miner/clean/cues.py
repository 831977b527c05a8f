"""What page furniture looks like: the cue patterns and one-line tests the rules share.

``miner.clean.lines`` judges each line by these, ``miner.clean.sweeps`` walks back over
the page's closing block with them, and ``miner.clean.boilerplate`` compares footer lines
in ``footer_key`` form. The page's head and tail zones are defined here too: both the line
rules and the sweeps need less evidence there, because that is where sites put furniture.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable, Iterable, Iterator, Sequence

from miner.fastre import prefiltered

META_KEYS = re.compile(
    r"(发布时间|发布日期|发表时间|更新时间|上传时间|录入时间|归档时间|发布机关|发文机关|发布单位|上传人|上传者|"
    r"文档编号|文档格式|文件大小|页数|大小|格式|时间|日期|来源|作者|出处|点击数|点击量|点击|"
    r"浏览数|浏览量|浏览次数|浏览|阅读数|阅读量|阅读|人气|字数|责任编辑|编辑|栏目|分类|热度)\s*[:：]"
)


# Credit lines that close a web article: "来源/某某融媒体中心", "（来源：某报）", "供稿：某所",
# "三审|李某", "编辑：张某 审核：王某". Short, at the page's edge.
CREDIT_WORDS = (
    r"信息来源|稿件来源|资料来源|数据来源|来源|供稿|撰稿|责编|责任编辑|值班编辑|本期编辑|编辑|审核|审校|审稿|校对|"
    r"校稿|一审|二审|三审|初审|复审|复核|终审|校审|核稿|总监制|监制|出品人|出品|编审|制作|策划|摄影|摄像|图片|图文|"
    r"文字|文稿|文案|排版|通讯员|记者|作者单位|文章作者|作者|综合整理|签发|文章名称|文章标题|本文标题|版面设计|美编|"
    r"美工|视频|剪辑|海报|设计|版式|配图|拍摄|照片|审阅|文编|平台管理|主编|总编|平台运维|运维|技术支持|主办|承办|协办|整理|发布|"
    r"统筹|拟稿|美术设计|美术编辑|宣传"
)
_NAMED_CREDIT = r"记者|通讯员|实习生|摄影|摄像|编辑|责编|校对|审核"
CREDIT = re.compile(
    rf"^[（(▍◆■*#>|｜丨☞👉▶►\s\u2580-\u259f]*(?:本期|本版|本文|本篇)?"  # 本期制作：…, 本文来源：…
    rf"(?:(?:{CREDIT_WORDS})(?:人|员|师)?[*\s]*(?:[及和与、]\s*)?){{1,3}}[:：/|丨｜]"
    r"|^文[:：][^，。：:]{1,8}$|^图[:：][^，。：:]{1,16}$"
    r"|^(?:[文图](?:[/、和与及][文图])?[:：][^，。：:]{1,10}){2,3}$"  # 文：某某图：某某
    r"|^[>|｜#]*(?:本文|本信息|信息)?(?:转载自|转自|来源于|来源)[^，。：:]{2,24}$"
    r"|^[^，。；：]{2,30}(?:出品|供稿|制作|整理)\W*$"
    r"|^[\u4e00-\u9fff]{2,6}融媒(?:体)?(?:中心)?[:：|丨｜][\u4e00-\u9fff·]{2,4}(?:[ 、][\u4e00-\u9fff·]{2,4}){0,3}$"
    # 某某台全媒体记者：某某某某 — the station's reporters, named after its own label
    r"|^[\u4e00-\u9fff]{2,8}(?:台|报|网|融媒体?)(?:全媒体|融媒体)?(?:记者|通讯员)[:：][\u4e00-\u9fff·、 ]{2,24}$"
    r"|^[（(]?(?:记者|通讯员)?(?:[\u4e00-\u9fff·]{2,4}[ 、]?){1,3}摄(?:影)?[）)]?$"  # 张某某摄
    # names after two labels, no colon (记者宋炜叶常春摄影杨彬 once spaces are gone)
    rf"|^[（(]?(?:(?:{_NAMED_CREDIT})(?:[\u4e00-\u9fff·]{{2,4}}){{1,3}}){{2,4}}[）)]?$"
)


# A posting's full date, numeric or written out (2022-05-02, 2022年5月2日).
POSTED_DATE = r"(?:19|20)\d{2}(?:[-/.]\d{1,2}[-/.]\d{1,2}|年\d{1,2}月\d{1,2}日)"


RULE_LINE = re.compile(r"^[-—－─━=＝~～·•*＊_＿﹌﹏\s]{3,}$")


# WeChat's closing prompts: 点个在看, 分享点赞在看.
_WECHAT_PROMPT_TEXT = (
    r"点.{0,2}[在再]看|快来.{0,10}投票|^\W*回复\W{0,3}[“\"「【][^”\"」】]{1,12}[”\"」】]\W{0,3}(?:查看|获取|领取|下载|即可|进入)|在看[哟吧哦~！!]|分享.{0,3}在看|^\W*在看\W*$|阅读原文|查看原文|滑动查看|快来(?:参与|参加|报名|答题|围观|打卡|领取|抢购|预约)|^\W*(?:快|一起|赶紧|赶快)来?看看(?:吧|都有谁|有没有你)|强烈(?:安利|推荐)给(?:你|您|大家)|(?:私信|发送消息|留言).{0,16}即可(?:免费)?(?:获取|领取|下载)|请(?:加入|进)[^，。]{0,8}群|(?:标题|题目)下[方面]蓝?色?的?|(?:[，,再就]|然后)点关注|感谢.{0,4}(?:在看|点赞|转发)|滑动.{0,3}(?:浏览|查看)(?:更多|下一张|全部|图集|大图)|(?:浏览|查看)更多图集|点击上方|前往.{0,4}小程序|"
    r"往期(?:回顾|推荐|内容|精彩|推送)|下载APP|好看就点|长按识别|点击关注|关注.{0,16}(?:公众号|视频号|订阅号)|[“\"]在看|"
    r"[加设]为星标|关注我们|"
    # 更多精彩 as a prompt, not as prose (更多精彩阅读活动还在继续)
    r"更多精彩(?=\W|$|内容|资讯|视频|文章|推荐|请|敬请|尽在|点击|关注|等你|不容错过|回顾|看这里)|"
    r"请.{0,2}关注\W*$|长按保存|查看原图|以下为广告|扫描.{0,12}二维码|添加.{0,4}微信|微信视频号|"
    r"点.{0,2}蓝字|点击上面|点亮.{0,4}[赞在]|咨询热线|找不到我们|本期导读|欢迎光临|申请加入|"
    r"点.{0,2}蓝色字|[上下]方(?:卡片|名片)|名片.{0,3}查看|一键三连|推荐机制|[设标]为?星标|星标我们|"
    r"关注.{1,12}获取|获取更多.{0,8}(?:资讯|信息|内容|干货)|分享是一种美德|转发给.{0,6}(?:朋友|好友|他|她)|"
    r"告诉更多人|(?:评论|留言)区.{0,6}(?:告诉|留言|见)|扫码.{0,4}(?:入群|进群|加群)|下载.{0,8}APP|推送规则|欢迎您[！!。~～]*$|点击?[^，。]{0,6}蓝色?字|[“\"]关注[”\"]|后台(?:回复|留言)|进入.{0,4}小程序|小程序查看|"
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
WECHAT_PROMPT = prefiltered(re.compile(_WECHAT_PROMPT_TEXT))


# 了解更多… closes a short prompt line; inside a long line it may open the article's text.
# A line that opens with a call to click (▲点击蓝字“某某”，你想知道的…都在这里): furniture
# up to a longer length than a prompt inside a line.
PROMPT_START = re.compile(
    r"^\W*(?:详戳|猛戳|(?:点击|戳戳?|长按)\W{0,4}(?:这里|此处|上方|下方|上面|下面|上图|下图|图片|蓝字|名片|关注|预约|进入)|"
    r"(?:在?阅读本文(?:之)?前|阅读之前)\W{0,2}(?:请您?|麻烦您?)?先?(?:点击|关注|点)|"
    r"(?:微信|抖音|快手|微博)搜索|查看[:：])"
)


# Where to find or call the publisher (地址：…, 服务热线：…, 值班时间：…): the tail of a
# web article, never its text. Only at the page's end: a plan's head may name a venue.
CONTACT = re.compile(
    r"^[（(【\[*|｜\s]*(?:[\u4e00-\u9fff]{0,6}(?:地址|热线|电话|邮箱|信箱)|邮编|邮政编码|传真|E-?mail|联系我们|联系方式|"
    r"(?:商务|广告|媒体)合作|联系人?|(?:值班|营业|办公|开放|服务|接待|咨询)时间|客服(?:在线|时间))[*\s】\]]*[:：]",
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
PHONE = prefiltered(
    re.compile(
        r"\[phone number\]|(?<!\d)[（(]?0\d{2,3}[)）-]\d{7,8}(?!\d)|(?<!\d)1[3-9]\d{9}(?!\d)"
    )
)
_PHONE_LINE = 40
_MASKED_PHONE = "[phone number]"


# A site's name ends in a site word at a word boundary (飞扬范文网, 某某文档网 - …分享平台);
# 网 inside a word (网络建设) is prose.
_SITE_NAME = prefiltered(
    re.compile(
        r"(?:网|网站|文库|平台|文摘|文秘|资料站|素材库|学习啦|帮手|信息港)(?=[\s\-—=*_~]|$)|www\.|https?://|"
        r"^.{2,8}(?:网|网站|文库|百科)[,，](?=.{2,12}$)|"  # 维基文库，自由的图书馆
        r"^\W*【[^】]{2,12}(?:网|网站|文库|范文|之家)】(?=[^。，]{0,16}$)|"  # 【某某范文网】专注工作总结十年
        r"\.(?:com|cn|net|org)\b",
        re.I,
    )
)

# A seller's WeChat or QQ to add (微信：某某, 添加v：123456789, vx同号).
WECHAT_ID = (
    r"(?:微信|vx|wx|v信|QQ|(?<![A-Za-z])v)号?\s*[:：]\s*(?:\[phone number\]|[A-Za-z0-9_-]{5,})|"
    r"(?:vx|v信|微信)同号"
)
AD_CUES = prefiltered(
    re.compile(
        r"(素材[库馆网站]|代笔|代写|润笔|会员群|网盘群|svip|vip会员|开通会员|年卡|(?:微信|添加|加)客服号?|"
        r"客服(?:号|微信|QQ)|(?<!游)客服|谨防假冒|谨防冒牌|认准|"
        r"唯一.{0,4}平台|一键(?:精准|快速|极速)?(?:搜索|查找|下载)|全站|畅下|海量|上新|扫码|扫一扫|二维码|"
        r"领取福利|添加微信|加微信|(?<![增参追施附添外])加微(?![信博软笑小调量型波米])|发暗号|微信号|QQ群|公众号[:：（(]|关注公众号|有意加入|请联系|咨询请加|联系我们|"
        r"原创高质量|好评如潮|接单|代发布|下载券|每天更新|每日更新|同步更新|万字材料|小伙伴|广告位|"
        r"点(?:击)?.{0,8}蓝字|关注我们|本公众号|长按.{0,6}二维码|识别二维码|商务合作|"
        r"(?:加|联系|咨询|客服号?|电话|微信)[)）]?[:：]\s*\d[\d\s-]{3,}|微信同号|服务热线|群[:：]\s*\d{5,}|"
        rf"{WECHAT_ID}|(?:商务|商家|广告|媒体|推广)合作|"
        r"广告(?:投放|刊登)|加(?:老师|小编|客服|助理|我)微信|"
        r"广告推广|报料|爆料|注明来意|微信群|交流群|一键生成)",
        re.I,
    )
)


DATE_TAIL = prefiltered(re.compile(r"(\d{1,2}-\d{1,2}|\d{4}[-/.]\d{1,2}[-/.]\d{1,2})\s*$"))


SENTENCE_END = re.compile(r"[。！？!?；;]")
CJK = re.compile(r"[\u4e00-\u9fff]")

HEAD_LINES = 8  # non-empty lines at the top that count as the page head
TAIL_LINES = 12  # non-empty lines at the bottom that count as the page tail


def site_name(line: str) -> bool:
    return len(line) <= 40 and bool(_SITE_NAME.search(line))


# A title or heading may exclaim or ask (注意！, 省级名单公布！…); only a full stop or a
# semicolon makes running text.
CLAUSE_END = re.compile(r"[。；;]")


def link_like(line: str) -> bool:
    """A short title line of a link list: no sentence inside, often a trailing date.

    Titles exclaim and ask inside (省级名单公布！安庆上榜的是…); only a full stop or a
    semicolon makes running text.
    """
    s = line.strip()
    if s[:1] == "|" and s[-1:] == "|":
        return False  # a Markdown table's row: its cells are the article's data
    return 0 < len(s) <= 40 and not CLAUSE_END.search(s)


# Footer blocks (a licence, a site's sign-off) can run longer than the tail zone; the walk
# back still stops at the first line the corpus does not repeat.
# A wiki's licence block runs to about 30 lines under a page (measured on the wikisource
# sample of ../shared/corpus/real), so the window is wider than that.
FOOTER_LINES = 40


_FOOTER_STRIP = re.compile(r"[\s*#>|｜]+")


SIGNATURE = re.compile(
    r"(委员会|委|政府|办公室|办事处|支部|党委|党组|组织部|局|学校|小学|中学|公司|社区|村|镇|乡|街道|"
    r"幼儿园|医院|卫生院|法院|检察院|学院|大学|中心|协会|学会|联合会|大队|支队|派出所|集团)$"
)
# A date line (2012年12月20日, 二〇一二年十二月): short and holding a year. A long line that
# merely mentions a year (本作品来自1949年10月1日之后的…) may be a footer.
_DATE_LINE = re.compile(r"(?:19|20|二〇)[\d〇零一二三四五六七八九xX]{2}\s*年")
_DATE_LINE_CHARS = 20


def signature_like(key: str) -> bool:
    """A unit's signature or a date line: how one unit's reports legitimately end alike."""
    return bool(SIGNATURE.search(key)) or (
        len(key) <= _DATE_LINE_CHARS and bool(_DATE_LINE.search(key))
    )


def footer_key(line: str) -> str:
    """The form footer lines are compared in across pages: no white space or emphasis."""
    return _FOOTER_STRIP.sub("", line)


TAIL_PROMPT_LINE = 40
# The same words in a report's own closing sentence (本报记者将继续关注, 引起广泛关注).
PROSE_CUES = re.compile(r"(?:继续|持续|密切|高度|广泛|社会|引起|受到|备受|值得|重点)关注")


# What a business offers (主营范围：…, 服务范围：…): its own plug under the article. Not 经营范围,
# which a company's registration notice states as its content.
SCOPE_WORDS = r"(?:主营(?:范围|项目|业务)|主要业务|业务范围|服务范围|合作(?:品类|范围|类型))"


def contact_line(line: str) -> bool:
    # Emphasis is not length, and a masked number ([phone number]) is as long as a real one;
    # labels are spaced out for looks (免 费 求 职 热 线).
    line = line.replace("*", "").replace(_MASKED_PHONE, "13000000000")
    if " " in line or "\t" in line or "\u3000" in line:
        line = _HAN_SPACES.sub("", line)
    if len(line) > _CONTACT_LINE:
        return False
    if CONTACT.match(line) or _CONTACT_HEADER.match(line):
        return True
    return len(line) <= _PHONE_LINE and bool(PHONE.search(line)) and not SENTENCE_END.search(line)


_HAN_SPACES = re.compile(r"(?<=[\u4e00-\u9fff])\s+(?=[\u4e00-\u9fff])")


def runs(indices: Iterable[int], keep: Callable[[int], bool]) -> Iterator[list[int]]:
    """The maximal runs of successive ``indices`` that ``keep`` accepts."""
    for kept, group in itertools.groupby(indices, key=keep):
        if kept:
            yield list(group)


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


# A site's or an account's notice that the text is not its own or not its word:
# 版权归原作者, 如有侵权请联系删除, 不构成投资建议.
DISCLAIMER = prefiltered(
    re.compile(
        r"(仅作分享|仅供分享|不作为.{0,8}(?:用药|诊疗|投资|购买)?(?:参考|依据|建议)|版权归原作者|版权归作者|版权归属原作者|版权属于原作者|版权[为归属]{1,2}原?作者|原作者所有|如有侵权|如侵权|"
        r"侵权请|侵删|不构成(?:任何)?(?:产品)?要约|不(?:做|作)(?:为)?(?:买卖|投资|购买)建议|纯属娱乐|仅供娱乐|投资须谨慎|仅(?:用于|供)(?:大家)?学习(?:与|和|及)?交流|自行承担[^。]{0,12}(?:风险|后果)|侵联删|联系删除|转载请注明|免责声明|本作品|著作权法|概不负责|投资需谨慎|入市需谨慎|"
        r"请作者与本(?:号|站|网|平台)联系|本(?:网站|站|网|平台|号)(?:转载|所载|刊载)|(?:图片|图文|内容|文章|素材|资料|资源)均?(?:整理|选编|摘编|收集|取材|来源|来)[自于]?网络|转载时.{0,4}注明|"
        r"不构成.{0,6}建议|仅供参考.{0,12}(?:投资|依据)|如需转载|构成.{0,6}投资建议|侵犯了?您的|[自于]互?联?网络.{0,10}(?:侵|删)|若有.{0,8}(?:标注错误|侵权)|不得转载|禁止转载|不代表本(?:站|网|平台|号|刊)|凡本(?:站|网)(?:未?注明|所载)|谢绝转载|未经(?:授权|许可)|(?:本|该)(?:平台|公众号|号|站|网站)[^。]{0,12}不(?:承担|负)|(?:该|本)文档(?:为|系|由)(?:用户|网友|会员)|图文(?:素材)?仅供参考|购买此.{0,4}视为|"
        r"本(?:公众号|号|平台|站)[^。]{0,8}(?:信息|文章|内容|消息)[^。]{0,4}(?:均为|均系|均来自|为|系)转载)"
    )
)
