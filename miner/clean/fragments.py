"""Prompts and site names glued inside a line, cut out of it rather than dropped with it.

WeChat pages run their opening prompt into the title line (**▼点击下方…▼**# 某某讲座…) and
their closing credits into the last paragraph (…合法权益。**某某公司订阅号**); scraped pages
keep the HTML title with the site after ``_`` (海尔冰箱清洁_长沙海尔维修站). Each function
says where the line's own text begins or ends, so the cut is logged and the rest stays.
"""

from __future__ import annotations

import itertools
import re

from miner.clean.cues import CJK, CLAUSE_END, PHONE, PROMPT_START, TAIL_PROMPT_LINE, WECHAT_PROMPT
from miner.fastre import prefiltered

# Stronger cues for a fragment glued to the end of the last content line: a report's
# own closing sentence may mention 编辑 or 阅读, but not 订阅号, 朋友圈 or 二维码.
_FRAGMENT_CUES = prefiltered(
    re.compile(
        r"订阅号|公众号|朋友圈|二维码|扫码|在看|点赞|转发|蓝色?字|关注[我本]|等你参与|领取|侵权|版权[归属]|概不负责|"
        r"告诉更多人|记得关注|一键三连|阅读原文|点击查看|侵犯您的|立即删除|联系删除|【声明】|商[业务]合作|"
        r"告诉小编|(?<![A-Za-z])END(?![A-Za-z])|全文完|"
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
        if len(piece) > TAIL_PROMPT_LINE or not _FRAGMENT_CUES.search(piece) or b < 20:
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
_BROKEN_PIECE = 4

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
    if len(first.replace("*", "").strip(" #")) > TAIL_PROMPT_LINE:
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
        if not CJK.search(piece):
            start = b  # arrows and emphasis between prompts go with them
            continue
        # Not the tail's fragment cues: a title may open with 点赞！ or 转发.
        if len(piece) > TAIL_PROMPT_LINE or not (
            PROMPT_START.match(piece)
            or WECHAT_PROMPT.search(piece)
            or (_HEAD_CUES.search(piece) and not piece.endswith("。"))  # 某某在视频号分享了…。
            or (PHONE.search(piece) and _CALL_WORDS.search(piece))  # 报名联系某老师[phone number]
            # the rest of a prompt the editor's emphasis broke up (蓝色****字****关注我****们哟)
            or (end is not None and len(piece) <= _BROKEN_PIECE)
        ):
            break
        start = end = b
    if end is None or len(CJK.findall(line[end:])) < _HEAD_KEEP:
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
    if len(rest) <= _SUFFIX_CHARS and not CLAUSE_END.search(rest) and _SITE_SUFFIX.search(rest):
        return at
    return None
