"""Slogans: campaign names, numbered formulations, mottos, cited documents and honours.

Most slogans are quoted, so the core is quote pairing that survives real pages: some use
“ for both ends (“双创“活动), some double a closing mark (…服务””工作), some drop one. Quote
marks are paired greedily in order; when the words between a pair cannot be a slogan (empty,
only punctuation, too long, a full stop inside, or a closing mark followed by an opening one,
which is the text *between* two quotes) the pairing slides on by one mark and tries again, so
one stray mark costs at most one slogan. Titles in 《》 are cited documents; quotes inside them
are slogans too. A few unquoted shapes are taken conservatively: repeated-numeral
formulations (三会一课, 两学一做), a recurring 三个代表-like numeral + 个 + two characters, and
award titles after 被评为/荣获/…称号.

Example:
    >>> [(s.text, s.kind) for s in find_slogans("开展“双创“活动，被评为“绿色学校”。")]
    [('双创', 'campaign'), ('绿色学校', 'honor')]
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter

from miner.extract.lexicon import normalise
from miner.models import Slogan

MAX_QUOTED = 40  # longest quoted content taken; the seeds' longest true slogan has 23
MAX_TITLE = 80  # longest 《》 title taken
MAX_FORMULA = 16  # longest content a numbered formulation can have

# Quote streams, each paired on its own: (opening marks, closing marks, marks that can be either).
_STREAMS = (("“〝", "”〞", '"＂'), ("‘", "’", ""), ("「", "」", ""), ("『", "』", ""))
_OPEN, _CLOSE, _EITHER = 0, 1, 2
# Every quotation mark, and for each its stream and whether it opens, closes or may do either
# (a closing mark is a closing mark even where a stream lists it twice).
_ANY_MARK = re.compile("[" + re.escape("".join(o + c + a for o, c, a in _STREAMS)) + "]")
_MARK_KIND = {
    ch: (k, _CLOSE if ch in c else _OPEN if ch in o else _EITHER)
    for k, (o, c, a) in enumerate(_STREAMS)
    for ch in o + c + a
}

_SENTENCE_END = re.compile(r"[。！？!?\n]")
# A slogan is Chinese words or a numbered formula (“1+6”, “56130”); quoted code or markup
# ("window.x=1") is neither.
_HAN = re.compile(r"[\u4e00-\u9fff]")
_NUMBERED = re.compile(r"[0-9０-９+＋×*/\-]+")
_BAD_EDGE_START = set("，、；：,;:。.）)》”’")
_BAD_EDGE_END = set("，、；：,;:（(《“‘")
_TITLE = re.compile(rf"《([^《》\n]{{1,{MAX_TITLE}}})》")

_N = "一二三四五六七八九十两百千万"
# Numbered formulations: groups that each start with a numeral (三个代表, 八有四防, 六自、六互、
# 六学会), a bare numeral run (十二五, 三百) or a digit code (56130, 1+6).
_FORMULA = re.compile(
    rf"(?:[{_N}]+个?[^\W\d_{_N}][\u4e00-\u9fff]{{0,2}}[、，,]?)+|[{_N}]+个[{_N}]|[{_N}]+|[\d+]+"
)
# 双-named campaigns: 双创, 双创双争, 双争、双帮、双提升.
_SHUANG = re.compile(r"(?:双[\u4e00-\u9fff]{1,2}[、，,]?)+")
_CAMPAIGN_END = re.compile(r"(?:活动|行动|运动|推进年|活动年|活动月|竞赛|大赛|大讨论|大走访|工程)$")
_CAMPAIGN_AFTER = re.compile(
    r"(?:活动|行动|运动|工程|主题实践活动|主题活动|主题教育|系列活动|专项行动|创建|竞赛|大赛|比赛|"
    r"演讲比赛|承诺活动|公开承诺|实践活动|大讨论)"
)
_HONOR_BEFORE = re.compile(r"(?:被评为|评选为|评为|荣获|获评|获得|授予|命名为|荣膺|获)了?$")
_HONOR_AFTER = re.compile(r"(?:荣誉)?称号")
_LIST_GAP = re.compile(r"[、，,和与及]?")

# Unquoted repeated-numeral formulations (三会一课, 两学一做, 八有四防). Numerals are the small
# ones only: 千/万/百 open idioms (千家万户, 万众一心). A group's first character may not be a
# measure, time, place or number word, which keeps 五年一次, 十七届五中全会, 七县五区, 百分之五十
# and 一点二倍 out; no group holds a particle (进一步统一了他们); the numeral may not end a word
# before it (进一步, 统一, 唯一, 之一). Idioms (五湖四海) have the same shape, so a match must be
# followed by a word that formulations take (制度, 活动, 学习教育 …) or recur in the article.
_SMALL = "一二三四五六七八九十两"
_NOT_HEAD = "年月日天次个名人位届期批场所项条份元万千百十亿级等是些县区市省乡镇中分点多余倍成面边"
_PARTICLES = "了的着过地得又等和与及"
_G = rf"[^\W\d_{_SMALL}{_NOT_HEAD}{_PARTICLES}][^\W\d_{_PARTICLES}]{{0,2}}"
# The look-behinds of _REPEATED and _GE follow the first numeral (the pattern then opens
# with a character class, which lets the regex engine skip ahead to numerals); each
# checks the character before that numeral, as a look-behind in front of it would.
_REPEATED = re.compile(
    rf"[{_SMALL}](?<![第进统同逐唯之单专划整均长{_N}][{_SMALL}])[{_SMALL}]?{_G}"
    rf"(?:[{_SMALL}]{{1,2}}{_G})+"
)
_FORMULA_AFTER = re.compile(
    r"(?:”|制度|活动|工作|要求|标准|模式|机制|学习|教育|工程|建设|创建|行动|主题|承诺|精神|思想|"
    r"理念|原则|目标|体系|格局)"
)
# 三个代表 written without quotes: numeral + 个 + two characters before a formulation word, 、
# or a closing quote, and only when it recurs (三个方面 is a count, not a slogan). 一个 is left
# out: it is the indefinite article far more often than a number.
_GE = re.compile(
    rf"[二三四五六七八九十两](?<![第{_N}\d][二三四五六七八九十两])个[^\W\d_{_N}]{{2}}"
    r"(?=重要|精神|思想|活动|要求|标准|工程|[、”])"
)
_BOUNDARY = re.compile(
    r"(?:[^\w]|$|的|和|与|及|等|为|是|活动|工作|制度|模式|要求|标准|精神|工程|机制|建设|思想|重要|"
    r"学习|教育|主题|行动|目标|原则|理念|创建|示范|承诺|成果|成效|经验|做法|品牌|格局|体系|项目|"
    r"产业|发展)"
)
_COUNT_NOUNS = frozenset(
    "方面 问题 部分 阶段 层次 环节 领域 方向 地区 国家 城市 单位 项目 小时 星期 季度 年度 世纪 "
    "月份 百分 以上 以下 左右".split()
)

# Unquoted honours: 被评为市级文明单位、区级卫生先进单位; 获先进单位称号. An item counts only if it
# ends like an award title does.
_HONOR_RUN = re.compile(
    r"(?:评为|评选为|荣获|获评|被授予|被命名为|荣膺)了?"
    r"([^，。；！？!?;,\n“”\"《》被]{2,60})"
)
_HONOR_TITLE = re.compile(r"获得?了?([^，。；！？!?;,\n“”\"《》]{2,30}?)(?:荣誉)?称号")
_HONOR_TAIL = re.compile(r"[\W_]*(?:荣誉)?称号[\W_]*$|[\W_]+$|\d+[个名人所家位项件次]$")
_HONOR_END = re.compile(
    r"(?:奖|单位|集体|先进|标兵|模范|能手|示范\w?|实验\w?|学校|支部|党组织|党委|团委|个人|工作者|"
    r"党员|干部|领导|教师|家庭|企业|组织|之星|明星|红旗手|突击手|青年|景区|工程|作品|村|社区|乡镇|"
    r"第[一二三]名|冠军|亚军|季军)$"
)


def find_slogans(text: str, doc_id: str = "") -> list[Slogan]:
    """Every slogan occurrence in an article body, in text order, one row per occurrence.

    Args:
        text: a cleaned article body.
        doc_id: the article's id, copied into each row.

    Returns:
        ``Slogan`` rows whose ``text`` is ``text[start:end]``: the words without quotation
        marks or title brackets.

    Example:
        >>> [(s.text, s.kind) for s in find_slogans("学习《关于开展“三会一课”的通知》，坚持三会一课")]
        [('关于开展“三会一课”的通知', 'cited_document'), ('三会一课', 'formulation'), \
('三会一课', 'formulation')]
    """
    found: list[Slogan] = []
    quoted: list[tuple[int, int]] = []
    for start, end in _quoted_spans(text):
        kind = _kind(text, start, end)
        prev = found[-1] if found else None
        if prev and prev.kind == "honor" and _LIST_GAP.fullmatch(text, prev.end + 1, start - 1):
            kind = "honor"  # 被评为“绿色学校”“科技特色学校”: the list shares its verb
        quoted.append((start - 1, end + 1))
        found.append(Slogan(doc_id, text[start:end], kind, start, end))
    for m in _TITLE.finditer(text):
        found.append(Slogan(doc_id, m.group(1), "cited_document", m.start(1), m.end(1)))
    inside = _Cover(quoted)
    for start, end in _unquoted_formulas(text):
        if not inside.hits(start, end):
            found.append(Slogan(doc_id, text[start:end], "formulation", start, end))
    for start, end in _unquoted_honors(text):
        if not inside.hits(start, end):
            found.append(Slogan(doc_id, text[start:end], "honor", start, end))
    _harmonise(found)
    for s in found:
        s.norm = normalise(s.text, s.kind)
    found.sort(key=lambda s: (s.start, s.end))
    return found


def _quoted_spans(text: str) -> list[tuple[int, int]]:
    """Content spans of paired quotation marks, paired greedily with a slide on a bad pair."""
    # One scan for the marks of every stream, where a scan per stream read the text four
    # times; each mark goes to its stream's list in text order, as before.
    streams: list[list[tuple[int, int]]] = [[] for _ in _STREAMS]
    for m in _ANY_MARK.finditer(text):
        stream, kind = _MARK_KIND[m.group()]
        streams[stream].append((m.start(), kind))
    spans: list[tuple[int, int]] = []
    for marks in streams:
        i = 0
        while i + 1 < len(marks):
            (a, ta), (b, tb) = marks[i], marks[i + 1]
            if not (ta == _CLOSE and tb == _OPEN) and _plausible(text, a + 1, b):
                spans.append((a + 1, b))
                i += 2
            else:
                i += 1
    spans.sort()
    return spans


def _plausible(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` can be the content of a quoted slogan."""
    if not 0 < end - start <= MAX_QUOTED:
        return False
    content = text[start:end]
    return (
        _SENTENCE_END.search(content) is None
        and (_HAN.search(content) is not None or _NUMBERED.fullmatch(content) is not None)
        and content[0] not in _BAD_EDGE_START
        and content[-1] not in _BAD_EDGE_END
    )


def _kind(text: str, start: int, end: int) -> str:
    """Kind of a quoted slogan from its words and the words around its quotes."""
    content = text[start:end]
    before = text[max(0, start - 5) : start - 1]
    after = text[end + 1 : end + 8]
    if _HONOR_BEFORE.search(before) or _HONOR_AFTER.match(after):
        return "honor"
    if len(content) <= MAX_FORMULA and _FORMULA.fullmatch(content):
        return "formulation"
    if _SHUANG.fullmatch(content) or _CAMPAIGN_END.search(content) or _CAMPAIGN_AFTER.match(after):
        return "campaign"
    return "motto"


def _unquoted_formulas(text: str) -> list[tuple[int, int]]:
    """Numbered formulations written without quotes."""
    repeated: list[tuple[int, int]] = []
    for m in _REPEATED.finditer(text):
        end = _trim_to_boundary(text, m.start(), m.end())
        if end is not None:
            repeated.append((m.start(), end))
    ge = [(m.start(), m.end()) for m in _GE.finditer(text)]
    counts = Counter(text[s:e] for s, e in repeated + ge)
    keep = [(s, e) for s, e in repeated if counts[text[s:e]] > 1 or _FORMULA_AFTER.match(text, e)]
    keep += [(s, e) for s, e in ge if counts[text[s:e]] > 1 and text[s + 2 : e] not in _COUNT_NOUNS]
    return keep


def _trim_to_boundary(text: str, start: int, end: int) -> int | None:
    """The shortest cut of a greedy formulation match that a word boundary follows.

    Groups may run to three characters (一户一技能), so the match swallows what follows
    (三会一课制度); the shortest cut before a boundary word gives the name (三会一课|制度).
    """
    for e in range(start + 3, end + 1):
        if text[e - 1] in _N:
            continue  # a group never ends on a bare numeral
        if _BOUNDARY.match(text, e) and _REPEATED.fullmatch(text, start, e):
            return e
    return None


def _unquoted_honors(text: str) -> list[tuple[int, int]]:
    """Award titles after 被评为/荣获/… or before 称号, split at 、 into single titles."""
    spans: list[tuple[int, int]] = []
    for m in _HONOR_RUN.finditer(text):
        pos = m.start(1)
        for part in m.group(1).split("、"):
            spans.append((pos, pos + len(part)))
            pos += len(part) + 1
    spans.extend((m.start(1), m.end(1)) for m in _HONOR_TITLE.finditer(text))
    out: dict[tuple[int, int], None] = {}  # ordered and without repeats
    for s, e in spans:
        tail = _HONOR_TAIL.search(text, s, e)
        if tail:
            e = tail.start()
        if 3 <= e - s <= 30 and _HONOR_END.search(text, s, e):
            out[s, e] = None
    return list(out)


def _harmonise(found: list[Slogan]) -> None:
    """A name used as a campaign anywhere in the article is a campaign everywhere in it."""
    campaigns = {s.text for s in found if s.kind == "campaign"}
    for s in found:
        if s.kind == "motto" and s.text in campaigns:
            s.kind = "campaign"


class _Cover:
    """Whether a span overlaps any of a set of spans (merged once, then binary search)."""

    def __init__(self, spans: list[tuple[int, int]]) -> None:
        merged: list[list[int]] = []
        for s, e in sorted(spans):
            if merged and s <= merged[-1][1]:
                merged[-1][1] = max(merged[-1][1], e)
            else:
                merged.append([s, e])
        self.starts = [s for s, _ in merged]
        self.ends = [e for _, e in merged]

    def hits(self, start: int, end: int) -> bool:
        i = bisect_right(self.starts, start) - 1
        if i >= 0 and start < self.ends[i]:
            return True
        return i + 1 < len(self.starts) and self.starts[i + 1] < end
