"""Find an article's own title among the short lines above its body.

Pages stack several short lines on top of a report: the site's page title, the
report's real title (sometimes wrapped over two lines), a byline (issuing unit)
and a date. The real title is the last title-like line block before the body or
byline; a block wrapped at a connective (…工作总结及 / 2012年工作计划) is joined.
Earlier title lines are the site's page title and are logged as removals.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from miner.extract.dates import DATE_LINE
from miner.extract.markers import line_marker
from miner.models import Removal
from miner.textmap import TextMap

_SENTENCE = re.compile(r"[。！？!?；;]")
_DOCNUM = re.compile(
    r"[〔\[【(（„「〈]\s*(?:19|20|XX|xx|ＸＸ)[\dXx]{0,2}\s*[〕\]】)）‟」〉]\s*[\dXx]+\s*号"
)
_BYLINE = re.compile(
    r"(委员会|委|办公室|组织部|宣传部|局|政府|人民政府|支部|总支|党委|党组|领导小组|小组|学校|中学|小学|"
    r"社区|街道办事处|办事处|政协|人大常委会|公司|中心|所|站|院)$"
)
# The 版头 of an official document: "中共某县委组织部文件", "某市人民政府令".
_HEADER = re.compile(r"(文件|令)$")
_GENRE_WORD = re.compile(
    r"(总结|计划|方案|汇报|报告|意见|通知|讲话|要点|规划|材料|心得|体会|发言|办法|细则)"
)
_CONNECTIVE = set("及和与暨的、—-－:：")
# "区政协双争活动总结-活动总结": a site's category glued to the title.
_CATEGORY = re.compile(r"\s*[-－—_|]+\s*[\u4e00-\u9fff]{2,8}$")
_MAX_TITLE = 60
# A question or an exclamation as the page's first line, with nothing else of a sentence
# in it, and perhaps the page's part number after it.
_QUESTION_TITLE = re.compile(
    r"[^。！？!?；;，,：:]{4,38}[？?！!]\s*(?:[（(]\s*[一二三四五六七八九十\d]{1,3}\s*[)）])?"
)
_MD_HEADING = re.compile(r"^#{1,6}\s*")  # text exported as Markdown: "# 标题"


@dataclass(slots=True)
class Titled:
    title: str | None
    body: TextMap
    removals: list[Removal]
    # The title's characters with their source offsets, when it was taken off the body.
    title_map: TextMap | None = None


def _kind(line: str) -> str:
    s = line.strip()
    if not s:
        return "blank"
    if (_DOCNUM.search(s) or _HEADER.search(s)) and len(s) <= 40:
        return "docnum"  # 公文 header lines: kept in the body, the title is searched below
    if DATE_LINE.fullmatch(s):
        return "date"
    if _MD_HEADING.match(s) and len(s) <= 80 and "。" not in s:
        return "title"  # an explicit heading of text exported as Markdown (# 标题！)
    if len(s) > _MAX_TITLE or _SENTENCE.search(s) or line_marker(s):
        return "body"
    if s[-1] in ":：":
        return "body"  # an addressee line (各乡镇党委：) opens the body
    if _BYLINE.search(s) and not _GENRE_WORD.search(s):
        return "byline"
    return "title"


def _wrapped(lines: list[str], prev: int, cur: int) -> bool:
    """Whether title line ``cur`` continues title line ``prev`` (a title wrapped by layout)."""
    if any(lines[j].strip() for j in range(prev + 1, cur)):
        return False
    before, after = lines[prev].strip(), lines[cur].strip()
    if before[-1] in _CONNECTIVE:
        return True
    # "某县2011年创先争优活动" + "工作总结": the tail that names the genre, on its own line.
    return (
        len(before) >= 12  # layout wraps long lines only
        and not _GENRE_WORD.search(before[-4:])
        and len(after) <= 12
        and bool(_GENRE_WORD.search(after[-4:]))
    )


# A title glued to the first sentence: "某乡“双创双争”工作汇报材料全县远程教育……".
_GLUED = re.compile(
    r"^(?P<title>[^，,。；;：:！？\n]{6,40}?(?:工作汇报材料|汇报材料|工作总结|工作汇报|工作计划|实施方案|"
    r"工作报告|情况汇报|情况报告|活动总结|述职报告))(?!如下|会|大会|表彰|中|时|的|了|是|和|及|与|暨|[、，,。：:])"
    r"(?P<rest>.{20,})"
)


def _glued(tm: TextMap, lines: list[str], bounds: list[tuple[int, int]]) -> Titled | None:
    """Split a title printed on the same line as the first sentence (no break between)."""
    first = next((i for i, ln in enumerate(lines) if ln.strip()), None)
    if first is None:
        return None
    line = lines[first]
    lead = len(line) - len(line.lstrip())
    m = _GLUED.match(line[lead:])
    if not m:
        return None
    start = bounds[first][0] + lead
    cut = start + m.end("title")
    title_map = tm.slice(start, cut)
    return Titled(m.group("title"), tm.slice(cut, len(tm)), [], title_map)


def _choose(blocks: list[list[int]], lines: list[str], stop: str) -> int:
    """Which title block is the article's own.

    Above a byline or date (公文 layout) the block nearest to it is the title and at
    most two blocks above it are the site's page titles. Otherwise the first block
    is the title and later short lines stay in the body as its first lines (web
    articles put subheadings there), except when a bare first line is followed by a
    single block that names a genre (站点标题 / 某镇工作总结 / 正文).
    """
    if stop in ("byline", "date") and len(blocks) <= 3:
        return len(blocks) - 1
    if len(blocks) == 2:
        first = "".join(lines[i] for i in blocks[0])
        second = "".join(lines[i] for i in blocks[1])
        if not _GENRE_WORD.search(first) and _GENRE_WORD.search(second) and stop == "body":
            return 1
    return 0


def take_title(tm: TextMap, source: str, hint: str | None = None) -> Titled:
    """Split the title off the top of an article body.

    Example:
        >>> t = take_title(TextMap.of("某镇2011年工作总结及\\n2012年工作计划\\n中共某镇委员会\\n正文。"), "x")
        >>> t.title, t.body.text
        ('某镇2011年工作总结及2012年工作计划', '中共某镇委员会\\n正文。')
    """
    bounds = list(tm.lines())
    lines = [tm.text[s:e] for s, e in bounds]
    kinds: list[tuple[int, str]] = []
    stop = "end"
    for i, line in enumerate(lines[:12]):
        k = _kind(line)
        if k == "blank":
            continue
        if k == "body" and not kinds and _QUESTION_TITLE.fullmatch(line.strip()):
            k = "title"  # 清扫校园活动总结如何写?( 二 ): a web page's question as its title
        if k in ("body", "byline", "date"):
            stop = k
            break
        kinds.append((i, k))
    leading_doc = any(k == "docnum" for _, k in kinds)
    title_lines = [i for i, k in kinds if k == "title"]
    if not title_lines or len(title_lines) == sum(
        1 for i, _ in enumerate(lines) if lines[i].strip()
    ):
        if hint is None and not leading_doc:
            return _glued(tm, lines, bounds) or Titled(None, tm, [])
        return Titled(hint, tm, [])
    # Group consecutive title lines, joining a block wrapped at a connective.
    blocks: list[list[int]] = []
    for i in title_lines:
        if blocks and _wrapped(lines, blocks[-1][-1], i):
            blocks[-1].append(i)
        else:
            blocks.append([i])
    chosen_at = _choose(blocks, lines, stop)
    chosen = blocks[chosen_at]
    before = blocks[:chosen_at]
    title = _MD_HEADING.sub("", "".join(lines[i].strip() for i in chosen))
    removals: list[Removal] = []
    m = _CATEGORY.search(title)
    if m and _GENRE_WORD.search(title[: m.start()]) and len(title) - m.start() <= 10:
        last = chosen[-1]
        s, e = bounds[last]
        cut_at = lines[last].rstrip().rfind(m.group().strip()[0])
        ss, se = tm.source_span(s + cut_at, s + len(lines[last].rstrip()))
        removals.append(Removal(source, "title_category", title[m.start() :].strip(), ss, se))
        title = title[: m.start()]
    if leading_doc:
        return Titled(title, tm, removals)  # a 公文 header: the title stays in place in the body
    for block in before:
        for i in block:
            s, e = bounds[i]
            ss, se = tm.source_span(s, e)
            removals.append(Removal(source, "page_title", lines[i], ss, se))
    last_title = chosen[-1]
    body = tm.slice(bounds[last_title][1] + 1 if last_title + 1 < len(bounds) else len(tm), len(tm))
    title_map = TextMap.concat(tm.slice(*bounds[i]) for i in chosen)
    return Titled(title or hint, body, removals, title_map)
