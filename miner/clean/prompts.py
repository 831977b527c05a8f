"""An account's calls to the reader: follow and share prompts, pleas, offers and sales.

WeChat accounts close (and open) their pages with calls that no report makes: 点个在看,
回复“某某”获取, 多转发多互动, 原价…限时特价, 点击【阅读原文】在线咨询. Each is judged on
its own line at the page's edges; ``lines`` asks here for every edge line.
"""

from __future__ import annotations

import re

from miner.clean.cues import AD_CUES, DISCLAIMER, PROMPT_START, TAIL_PROMPT_LINE, WECHAT_PROMPT
from miner.clean.fragments import head_fragment, tail_fragment
from miner.extract.markers import line_marker
from miner.fastre import prefiltered

_PROMPT_BLOCK = 400
# So many prompts in one line that its length no longer matters (回复【A】获取…回复【B】获取…).
_MANY_PROMPTS = 3
_PROMPT_START_LINE = 100
_MORE = re.compile(r"(?:了解|获取|获得|查看)更多")
_FOLLOW = re.compile(r"星标|点赞|收藏|转发|再看|赞赏|置顶")
# Begging the reader alongside a prompt (希望大家帮我点点蓝色字体，小编给大家鞠躬了).
_PLEA = re.compile(r"希望大家|麻烦大家|帮(?:我|忙|小编)|鞠躬|拜托|支持一下|支持小编")
# Asking for shares as a line of its own (多转发多互动, 多多点赞): never a report's words.
_SHARE_PLEA = re.compile(r"(?<![许诸很众最])多多?(?:转发|分享|点赞|互动|留言|评论|关注)")
# Asking the reader to pass the page on (快转给身边需要的人吧！).
_PASS_ON = re.compile(r"^\W*(?:快|赶快|赶紧|请)?(?:转给|转发给|分享给)(?:身边|更多|你的|您的|需要)")
_SHARE_PLEA_LINE = 30
# A price offer (原价￥248，限时特价￥198): a shop's line, not a report's figure.
_PRICE_OFFER = re.compile(
    r"原价\s*[:：]?\s*[￥¥$]?\s*\d+(?:\.\d+)?\s*元?.{0,6}?"
    r"(?:限时|特价|优惠价|现价|到手价|秒杀|活动价|团购价|折后)"
)
_PRICE_OFFER_LINE = 40
# A shop's sale called out on its own line.
_SALE = re.compile(r"大促|立减|秒杀|限时抢购|优惠券")
_SALE_LINE = 20
# Words only a sale uses, with or without emphasis (售完即止, 爆品开抢咯, 此刻只需1.8元).
_SALE_ONLY = re.compile(
    r"售完即止|售完为止|开抢|爆品|爆款|限时预售|\d(?:\.\d)?折(?:抄底|起|封顶)|[只仅]需\s*\d+(?:\.\d+)?\s*元"
)
# The last line sending the reader through the account's link (点击【阅读原文】在线咨询):
# what it asks for makes it the account's call, not a notice's pointer to a form.
_CLICK_THROUGH = re.compile(
    r"点击\W{0,3}阅读原文\W{0,3}(?:即可|立即|立刻|马上|在线|进行)?"
    r"(?:咨询|报名|了解|领取|购买|获取|寻求|预约|下载|参与)"
)
# Reply-for offers anywhere in a line (☞回复“时政”，获取讲义): two of them make an account's
# menu, whatever stands before the first.
_REPLY_FOR = re.compile(
    r"回复\W{0,3}[“\"「【][^”\"」】]{1,12}[”\"」】]\W{0,3}(?:\S{0,4}?)(?:查看|获取|领取|下载|即可|进入)"
)
# Spaces inside a prompt's emphasis (点“ 在 看 ”), and the thanks that goes with one.
_SPACED_WORDS = re.compile(r"(?<=[\u4e00-\u9fff“”\"])\s+(?=[\u4e00-\u9fff“”\"])")
# An invitation to talk to the seller in private (不懂的可以直接微信聊, 添加某某老师进行咨询,
# 报名添加小红娘某某): a report names its contacts, it does not court the reader.
_PRIVATE_CHAT = re.compile(
    r"(?:可以?|请|就)直接(?:加|添加)?(?:微信|加微)(?:我|小编|客服|聊|咨询|联系)|直接(?:私信|私聊)"
    r"|加(?:他|她|我|小编|客服|老师)?的?微信[^。]{0,16}(?:拉|进|入|加)[^。]{0,10}群"
    r"|添加[^，。]{0,8}?(?:老师|客服|小编|助理|助教|小助手|小红娘|顾问|班主任|学姐|学长)"
    r"(?:微信|企微)?(?:[^，。]{0,4}(?:咨询|报名|领取|获取|了解|进群|入群)|[\u4e00-\u9fff]{0,4}\W*$)"
)
# A header over the account's giveaway (**全套资源领取方式**, 资料免费获取通道).
_CLAIM_HEAD = re.compile(
    r"^\W*(?:全套|免费|更多)?(?:资源|资料|福利|礼包|课程|课件|真题|讲义|学习包|干货|电子版)(?:的)?(?:免费)?"
    r"(?:领取|获取|下载)(?:方式|方法|通道|入口|地址)\W*$"
)
# A teaser that ends by pointing at a picture to click (…皆可查！（点击图片查↓）); a heading
# with the same note (**某某要求**（点击图片查看）) has no sentence before it and stays.
_CLICK_NOTE = re.compile(r"[。！？!?…~～][\s*]*[（(]\W*点击[^（()）]{1,10}[）)]\W*$")
# Asking the readers what they think, as the page's last word (小伙伴们对此有什么看法呢？).
_ASK_VIEWS = re.compile(
    r"^\W*(?:大家|小伙伴们?|朋友们|网友们|你们?|您|各位)对(?:此|这件事|这事)有(?:什么|啥)(?:看法|想法|意见)"
)
# Calls that are the account's whenever a line that is not a numbered item holds one and is
# no longer than the call needs: (pattern, longest line).
_SHORT_CALLS = tuple(
    (prefiltered(call), longest)
    for call, longest in (
        (_PRIVATE_CHAT, 60),  # 看不明白的可以直接微信聊
        (_ASK_VIEWS, 30),  # 小伙伴们对此有什么看法呢？
        (_CLICK_NOTE, 60),  # …皆可查！（点击图片查↓）
        (_CLAIM_HEAD, 30),  # **全套资源领取方式**
        (_SALE_ONLY, 24),  # 【此刻只需1.8元】, 售完即止，后续调价
    )
)
_THANKS = re.compile(
    r"感谢(?:大家|您|你)的?(?:阅读|观看|收看|关注|支持)|谢谢(?:大家|您|你)?(?:对小编)?的?支持"
)


def prompt_rule(line: str) -> str | None:
    """Follow and share prompts, judged at the page's edges only."""
    plain = line.replace("*", "")
    if len(plain) > _PROMPT_BLOCK:
        return None
    prompts = len(WECHAT_PROMPT.findall(plain))
    if len(plain) <= 30 and (prompts or _MORE.search(plain)):
        return "ad_block"
    if (
        len(plain) <= _PROMPT_START_LINE
        and PROMPT_START.match(plain)
        and head_fragment(line) is None  # a title glued after the prompt is cut out later
    ):
        return "ad_block"
    if PROMPT_START.match(plain) and prompts >= 2:
        # 阅读本文前，请您先点击上面的“蓝色字体”，再点击“关注”…声明：图文来源于网络…: what
        # follows the last prompt is short or a notice. When the article's text follows
        # (…关注我们哟~看法1：品牌和市场…), head_fragment cuts the prompt off instead.
        rest = plain[list(WECHAT_PROMPT.finditer(plain))[-1].end() :]
        if len(rest) <= TAIL_PROMPT_LINE or DISCLAIMER.search(rest):
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
        and AD_CUES.search(plain)
        and not line_marker(plain)
        # a sentence of the article with a prompt glued on keeps its sentence (cut later)
        and head_fragment(line) is None
        and tail_fragment(line) is None
    ):
        return "ad_block"  # 本公众号由某某主办，如果您还未关注，请点击上方蓝色“某某”进行关注
    if prompts >= _MANY_PROMPTS:
        return "ad_block"
    if "回复" in plain and len(_REPLY_FOR.findall(plain)) >= 2:
        return "ad_block"  # **快速通道** ☞回复“时政”，获取…☞回复“800”，0元领取…
    if (
        len(plain) <= 160
        and _THANKS.search(plain)
        # 点“ 在 看 ”: the prompt's words may be spaced out inside its emphasis
        and WECHAT_PROMPT.search(_SPACED_WORDS.sub("", plain))
    ):
        return "ad_block"  # 感谢大家的阅读…点一下右下角“在看”，谢谢对小编的支持
    if prompts and _CLICK_THROUGH.search(plain) and not line_marker(plain):
        return "ad_block"
    if len(plain) <= _SHARE_PLEA_LINE and (
        len(_SHARE_PLEA.findall(plain)) >= 2 or _PASS_ON.match(plain)
    ):
        return "ad_block"
    if any(
        len(plain) <= longest and call.search(plain) for call, longest in _SHORT_CALLS
    ) and not line_marker(plain):
        return "ad_block"
    if "原价" in plain and len(plain) <= _PRICE_OFFER_LINE and _PRICE_OFFER.search(plain):
        return "ad_block"
    if len(plain) <= _SALE_LINE and _SALE.search(plain) and ("**" in line or "！" in plain):
        return "ad_block"  # **双十二大促，购课立减！**
    return None
