"""The sweeps that walk back from a page's end over its closing furniture.

A web article ends in a block of furniture whose lines often carry no cue of their own:
the titles of a link list with no header, a promo's pieces under the writer's END, an
account's card under a rule, lines between a prompt and a credit. Each sweep takes the
kept lines at the page's end (``_closing_lines``) while they keep a shape, and stops at the
first that does not; a report's signature, dates and numbered items always stop it.
``sweep_page`` runs them again while the closing block grows.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable, Iterator, Sequence

from miner.clean.cues import (
    AD_CUES,
    CJK,
    CLAUSE_END,
    CREDIT,
    DATE_TAIL,
    FOOTER_LINES,
    META_KEYS,
    POSTED_DATE,
    PROMPT_START,
    PROSE_CUES,
    RULE_LINE,
    SCOPE_WORDS,
    SENTENCE_END,
    TAIL_PROMPT_LINE,
    WECHAT_PROMPT,
    contact_line,
    footer_key,
    head_zone,
    link_like,
    runs,
    signature_like,
    site_name,
    tail_zone,
)
from miner.extract.dates import YEAR_MONTH
from miner.extract.markers import line_marker
from miner.fastre import prefiltered

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


# A sentence that tells (ends in 。 after a clause) and never turns to the reader or names
# the page: a weak cue in it (微信, 分享, 图片) is the story's word, not a prompt.
_TOLD = re.compile(r"^[^。！？!?]{6,}。$")
_ADDRESSED = re.compile(
    r"请|欢迎|[您你]|大家|朋友们|小编|本号|本文|本期|本刊|本站|本平台|我们|来源|转载|编辑|审核|校对|责编|"
    r"排版|供稿|出品|点击|扫码|二维码|关注|在看|点赞|转发|订阅|等你|福利|投稿|邮箱|END|"
    r"咨询|联系|报名|领取|可以|随时|[哦吧啦呀噢哟～~：:]"
)


def _sweep_tail_prompts(lines: Sequence[str], nonempty: list[int], rules: dict[int, str]) -> None:
    """Walk back from the page's end over short lines with furniture cues.

    A 范文 page ends with its signature and date, which carry no such cue, so the
    walk stops there; a web article ends with 来源/编辑/关注/在看 lines, which it takes.
    """
    for i in reversed(tail_zone(nonempty, rules)):
        if i in rules:
            continue
        line = lines[i].strip().replace("*", "")  # Markdown emphasis is not length
        if len(line) > TAIL_PROMPT_LINE or not _TAIL_CUES.search(PROSE_CUES.sub("", line)):
            break
        if line_marker(line) or YEAR_MONTH.search(line):
            break  # a numbered item or a dated signature is the document's own text
        if _TOLD.search(line) and not _ADDRESSED.search(line):
            break  # 他直接微信转账给对方五百元。: the story's own sentence, told to no one
        rules[i] = "ad_block"


def _extend_footer(lines: Sequence[str], nonempty: list[int], rules: dict[int, str]) -> None:
    """Short lines after a copyright line in the page's tail belong to the same footer.

    A footer spans several lines (版权所有 … / 本作品来自… / 公有领域 / 。) and only the
    first may carry a cue. Lines longer than ``_FOOTER_LINE`` stop the sweep: prose
    does not sit in a footer.
    """
    tail = tail_zone(nonempty, rules)
    # A licence above the article's text (a document site's 版权说明 under the title)
    # starts nothing: on a short page the tail zone reaches up to it, and the article
    # would go with it. A footer's licence has the article's sentences above it.
    first = next(
        (i for i in tail if rules.get(i) == "copyright" and _text_above(lines, nonempty, rules, i)),
        None,
    )
    if first is None:
        return
    for i in tail:
        if i <= first or i in rules:
            continue
        if len(lines[i].strip()) > _FOOTER_LINE or line_marker(lines[i].strip()):
            break
        rules[i] = "copyright"


_FOOTER_LINE = 60
_SENTENCE_LINE = 40


def _text_above(lines: Sequence[str], nonempty: list[int], rules: dict[int, str], at: int) -> bool:
    """Whether a kept sentence of the article stands above line ``at``."""
    for i in nonempty:
        if i >= at:
            return False
        text = lines[i].strip()
        if i not in rules and (len(text) >= _SENTENCE_LINE or text.endswith("。")):
            return True
    return False


# An account's "about" block under the article: 【关于某某】 or 关于我们, then its blurb.
_ABOUT_HEAD = re.compile(
    rf"^\W*(?:【关于[^】]{{1,12}}】|关于我们|[\u4e00-\u9fff]{{0,8}}?{SCOPE_WORDS}[:：]?)\W*$"
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


_MD_HEADING = re.compile(r"^#{1,6}\s*\S")
_LAST_SITE_LINE = 20


def _sweep_contact(lines: Sequence[str], nonempty: list[int], rules: dict[int, str]) -> None:
    """The block of contact lines that ends a page, also on pages too short for a tail.

    The first line of the page is never taken: there it names the article's subject.
    """
    found = False
    for i in reversed(nonempty[1:]):
        if i in rules:
            found = found or rules[i] == "contact"
            continue
        line = lines[i].strip()
        if contact_line(line):
            rules[i] = "contact"
            found = True
            continue
        longest = _CONTACT_LEAD_COLON if line.rstrip("*").endswith(("：", ":")) else _CONTACT_LEAD
        if found and len(line) <= longest and _CONTACT_LEAD_END.search(line):
            rules[i] = "contact"  # 报名某某驾校请联系 over the numbers it introduces
        break


# The line that introduces a contact block: it ends asking the reader to call.
_CONTACT_LEAD = 24
_CONTACT_LEAD_COLON = 80  # …如有招聘单位需要发布可致电： points at the numbers under it
_CONTACT_LEAD_END = re.compile(
    r"(?:请|欢迎|敬请|可)(?:联系|咨询|致电)(?:我们|电话|方式)?\W*$|联系(?:方式|电话)\W*$"
)


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
        if len(line) > _LAST_SITE_LINE or not site_name(line) or SENTENCE_END.search(line):
            break
        rules[i] = "site_header"
        signed = True
    if signed:
        return
    last = lines[kept[-1]].strip().replace("*", "")
    if len(last) <= _POINTS_DOWN_LINE and _POINTS_DOWN.search(last):
        rules[kept[-1]] = "ad_block"  # 全国各地都有站点↓ — what it points at is gone
        return
    if len(last) <= _ASK_HEAD_LINE and _ASK_HEAD.match(last):
        rules[kept[-1]] = "ad_block"  # 课程咨询 / 咨询： — the seller's card under it was an image
        return
    if len(last) <= _CATEGORY_LINE and _CATEGORY.match(last):
        rules[kept[-1]] = (
            "related_links"  # 活动方案格式: the site's category, linked under the text
        )
        return
    for i in reversed(kept[1:]):
        if not _orphan_heading(lines[i].strip()):
            break
        rules[i] = "related_links"


# A 范文 site's category named under the text: a genre and the site's word for its pages.
_CATEGORY = re.compile(r"^[\u4e00-\u9fff]{2,8}(?:格式|范文|模板|大全|范例|写作指导)$")
_CATEGORY_LINE = 12
# A heading over the seller's contact card, left last when the card was a picture.
_ASK_HEAD = re.compile(r"^\W*[\u4e00-\u9fff]{0,6}(?:咨询|咨询服务|咨询电话|联系方式)\W*$")
_ASK_HEAD_LINE = 12
# The page's last line pointing down at nothing: a card or a form that was an image.
_POINTS_DOWN = re.compile(
    r"[↓👇⬇▼]\W*$|^\W*(?:详见|详情见|请见|详情请?点击|请点击|点击)(?:下方)?(?:链接|原文|附件链接)\W*$"
    r"|^\W*(?:点击)?(?:看|查看)详情\W*$|^\W*(?:一起来|快来|来)看(?:看)?\W*$|^\W*(?:上届|往届|往期|精彩)回顾\W*$"
)
_POINTS_DOWN_LINE = 20


def _orphan_heading(line: str) -> bool:
    heading = line.lstrip("#").strip(" *")
    return (
        bool(_MD_HEADING.match(line))
        and len(line) <= 40
        and not CLAUSE_END.search(line)
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
    rf"{POSTED_DATE}\s*(?:\d{{1,2}}:\d{{0,2}}(?::\d{{2}})?)?\s*$"
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
        elif link_like(line) and CJK.search(line) and (under_meta or DATE_TAIL.search(line)):
            dated += not under_meta
            under_meta = False
        else:
            break
        run.append(i)
    if dated >= 2:
        for i in run:
            rules[i] = "related_links"


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
        if not m or len(line) > _RANKED_LINE or CLAUSE_END.search(line):
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
        elif not (link_like(line) and len(line) <= _CARD_TITLE) or signature_like(footer_key(line)):
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
    r"^\W*([\u4e00-\u9fffA-Za-z（）()]{2,24}?(?:有限公司|公司|厂|集团|工作室|医院|门诊部?|诊所))"
    r"(?:是|专业|主要|一直|致力|专注|始终|始建于|创建于|创立于|成立于|温馨提[醒示]|提[醒示][:：])"
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

    def one(i: int) -> bool:
        return i in zone and i not in rules and len(lines[i].replace("*", "").strip()) == 1

    for run in list(runs(nonempty, one)):
        if len(run) >= _VERTICAL_MIN:
            joined = "".join(lines[j].replace("*", "").strip() for j in run)
            prompt = (
                WECHAT_PROMPT.search(joined) or PROMPT_START.match(joined) or AD_CUES.search(joined)
            )
            for j in run:
                rules[j] = "ad_block" if prompt else "separator"


# Headlines of other articles closing a page with no header over them (团市委召开…会议 /
# 钟华论：夺取新征程新胜利的根本保证 / 青春热议|在服务奉献中绽放无悔青春——…): news
# headlines are long and carry a headline's marks inside them; a writer's closing words
# talk to the reader (…相信孩子吧！, 不过这也是…是吧？).
_HEADLINE_MARKS = re.compile(r"[！？!?｜|：:“]|——|^【[^】]{2,8}】")  # 【一图读懂】…
_SPOKEN = re.compile(
    r"(?:吧|啦|呀|呢|哦|嘛|哈|哟)\W*$|^(?:所以|不过|但是|因此|而且|其实|可是|如果|或|然后|再)"
)
_HEADLINE_MIN = 10
_COLUMN_TAGGED = re.compile(
    r"^[#\s]*(?:【[^】]{2,8}】|[^\s丨｜|【】]{2,8}\s*[丨｜|])\s*\S[^。]{4,60}$"
)
_HEADLINES = 3


def _column_tagged(line: str) -> bool:
    """A headline under its column's tag; one bar only (a listing's row holds several)."""
    plain = line.strip().replace("*", "")
    return sum(plain.count(b) for b in "丨｜|") <= 1 and bool(_COLUMN_TAGGED.match(plain))


def _headline(line: str) -> bool:
    return (
        link_like(line)
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
        # or a credit closing the article (来源：某某) with headlines marked as such
        closed = bool(over) and (
            rules.get(over[-1]) == "separator"
            or (marked == len(run) and _closing_mark(lines[over[-1]], rules.get(over[-1])))
        )
    else:
        closed = above.endswith(("。", "！", "!", "”", "："))
    kept = sum(1 for i in nonempty if i not in rules)
    # Two are enough when each carries its column's tag (国庆特辑丨…, 青春热议|…, 【春运一线】…).
    tagged = len(run) >= 2 and all(_column_tagged(lines[i]) for i in run)
    listed = len(run) >= _HEADLINES and marked >= 2 and closed
    if (listed or tagged) and kept - len(run) >= 2:
        for i in run:
            rules[i] = "related_links"


# A blog's recent-comments widget under the post: who commented on which other post
# (某某发表在《另一篇文章》), two or more lines of it.
_COMMENTED_ON = re.compile(r"^\S{1,20}发表在《[^》]{2,60}》$")
_COMMENTS_MIN = 2


def _sweep_comment_list(lines: Sequence[str], nonempty: list[int], rules: dict[int, str]) -> None:
    """The page's last kept lines when each says someone commented on another post.

    It runs after the headline sweep, which may take these lines with the headlines
    above them; a line rule would hide them from it.
    """
    run = []
    for i, text in _closing_lines(lines, nonempty, rules):
        if "发表在《" not in text or not _COMMENTED_ON.match(text.replace("*", "")):
            break
        run.append(i)
    if len(run) >= _COMMENTS_MIN:
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
        # a Markdown table's rows open alike too (| 快递 | 单号 | 收件人 |)
        if not link_like(line) or line_marker(line) or line.startswith("|"):
            break
        if run and _shared_start(first, line) < _SERIES_PREFIX:
            break
        first = first or line
        run.append(i)
    if len(run) >= _SERIES_MIN and len(nonempty) - len(run) >= 2:
        for i in run:
            rules[i] = "related_links"


# A numbered list of other articles' headlines (> 1.古代…为何…？ / > 2.细思极恐…你家有吗？):
# numbered from 1, the items exclaim or ask, and a rule may stand between them. A
# report's numbered items state, and end with 。 or ；.
_QUOTED = re.compile(r"^[>\s]+")
_NUMBERED_ITEM = re.compile(r"^(\d{1,2})[.．、]\s*\S")
_EXCLAIMS = re.compile(r"[？?！!]|…|\.{3,}")
_NUMBERED_LINE = 40
_NUMBERED_MIN = 3


def _sweep_numbered_headlines(
    lines: Sequence[str], nonempty: list[int], rules: dict[int, str]
) -> None:
    """A run of headlines numbered 1 … n ending the page, through the rules between them."""
    run: list[tuple[int, int, str]] = []
    for i in reversed(nonempty):
        if i in rules:
            if not run or rules[i] == "separator":
                continue
            break
        line = _QUOTED.sub("", lines[i].strip()).replace("*", "")
        m = _NUMBERED_ITEM.match(line)
        if not m or len(line) > _NUMBERED_LINE or line.endswith(("。", "；", ";")):
            break
        n = int(m.group(1))
        if run and n != run[-1][1] - 1:
            break
        run.append((i, n, line))
    kept = sum(1 for i in nonempty if i not in rules)
    if (
        len(run) >= _NUMBERED_MIN
        and run[-1][1] == 1
        and 2 * sum(1 for *_, t in run if _EXCLAIMS.search(t)) >= len(run)
        and kept - len(run) >= 2
    ):
        for i, *_ in run:
            rules[i] = "related_links"


# A short header over a link list the sweeps found (**精彩回顾** / 1、… / 2、…): alone it
# may head an event's own section, over a list of headlines it is the list's.
_OVER_LIST = re.compile(
    r"^\W*(?:精彩|往期|热门|更多|相关|推荐)?(?:回顾|推荐|阅读|精选|文章|资讯)\W*$"
)


def _sweep_list_header(lines: Sequence[str], nonempty: list[int], rules: dict[int, str]) -> None:
    """The kept line just above the page's closing link list, when it names the list."""
    links = [i for i in nonempty if rules.get(i) == "related_links"]
    if not links:
        return
    above = [i for i in nonempty if i < links[0]]
    below = [i for i in nonempty if i > links[0]]
    if (
        above
        and above[-1] not in rules
        and all(i in rules for i in below)  # the list closes the page
        and _OVER_LIST.match(lines[above[-1]].strip().replace("*", ""))
    ):
        rules[above[-1]] = "related_links"


_TITLE_BULLET = re.compile(r"^[●◆▶►▸■⊙❖♦➤➢▷◀◁★☆❤💗💕👉]\s*\S")
_BULLET_TITLES = 2
# One is enough when a column's tag follows the bullet (◀【重要通知】某某镇新增一处采样点).
_TAGGED_BULLET = re.compile(r"^[●◆▶►▸■⊙❖♦➤➢▷◀◁★☆❤💗💕👉]\s*【[^】]{2,8}】")


def _sweep_bullet_titles(lines: Sequence[str], nonempty: list[int], rules: dict[int, str]) -> None:
    """Bulleted title lines ending the page (●某地召开…会议 / ●景美、有趣…你去过了吗？).

    A report's own bulleted points run as clauses and end with ；or 。; titles do not.
    """
    run: list[int] = []
    for i, text in _closing_lines(lines, nonempty, rules, through=True):
        line = text.replace("*", "")
        if not (_TITLE_BULLET.match(line) and link_like(line) and line[-1] not in "，,：:、"):
            break
        run.append(i)
    # The page keeps at least two lines of its own above them: a bulleted list that is
    # the whole page is its content.
    tagged = len(run) == 1 and bool(_TAGGED_BULLET.match(lines[run[0]].strip().replace("*", "")))
    if (len(run) >= _BULLET_TITLES or tagged) and len(nonempty) - len(run) >= 2:
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
    return rule == "page_meta" and bool(CREDIT.match(re.sub(r"[\s*▌]+", "", line)))


_BETWEEN_MAX = 8
_CARD_BLURB = 160


# Account ids set between two lines of a seller's card (微信客服号： / lybst00 lybst02 … /
# 温馨提示：如有便民信息需发布，请联系我们): letters and digits only, no words.
_IDS = re.compile(r"^(?=[^\n]*\d)(?=[^\n]*[A-Za-z])[A-Za-z0-9_\-\s]{4,80}$")
_CARD_RULES = frozenset({"ad_block", "contact"})


def _sweep_ids(lines: Sequence[str], nonempty: list[int], rules: dict[int, str]) -> None:
    """A line of bare ids between two lines of an ad or contact card."""
    for above, i, below in zip(nonempty, nonempty[1:], nonempty[2:], strict=False):
        if (
            i not in rules
            and rules.get(above) in _CARD_RULES
            and rules.get(below) in _CARD_RULES
            and _IDS.match(lines[i].strip())
        ):
            rules[i] = "ad_block"


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
        if rules[a] == rules[b] == "page_meta" and any(
            lines[i].strip().endswith("。") for i in gap
        ):
            continue  # 通讯员/某某 under each story: a newsletter's sections, not its footer
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


# A prompt broken into plain lines (生活中如您遇到… / 或看到有意思的新闻线索 / 可及时联系我们):
# the prompt's own line goes on from the pieces above it.
_GOES_ON = re.compile(r"^\W*(?:可以?|请|即可|均可|都可以?|就可以?|欢迎)")
_PIECE = 16


def _piece(line: str) -> bool:
    plain = footer_key(line)
    return (
        0 < len(plain) <= _PIECE
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
    test = _piece if _GOES_ON.match(lines[below].strip().replace("*", "")) else _lead_in
    run = list(itertools.takewhile(lambda i: test(lines[i].strip()), reversed(kept)))
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


# What is left under the page's last closing mark (图文：某某 / 某某中学校训：德行天下 家国情怀;
# **后台回复【2316】** / **62张表情包全部带走**): the account's motto, the promo's prize. A
# caption's credit (图片来源：网络) closes nothing: the article may go on under its picture.
_AFTER_CLOSE = 2
_AFTER_CLOSE_LINE = 40
_AFTER_PROMPT = 5
_AFTER_PROMPT_LINE = 16
_CAPTION = re.compile(r"^[\W_]*图片?(?:来源|来自|源)?\s*[:：|｜丨]")
_PUNCT_INSIDE = re.compile(r"[，。！？；,!?;]")


def _sweep_after_close(lines: Sequence[str], nonempty: list[int], rules: dict[int, str]) -> None:
    """One or two short lines with no sentence under the page's last closing mark."""
    tail = tail_zone(nonempty, rules)
    head = head_zone(nonempty)
    marks = [
        i
        for i in tail
        if i not in head
        and _closing_mark(lines[i], rules.get(i))
        and not _CAPTION.match(lines[i].strip())
    ]
    if not marks:
        return
    after = [i for i in nonempty if i > marks[-1] and i not in rules]
    texts = [lines[i].strip().replace("*", "") for i in after]
    # Under a prompt (滑动查看下一张, 点击关注) the account's card runs a few lines more
    # (点击某某 / 欣赏更多优秀作文 / **某某** / **让你遇见更美的自己**), each a label.
    prompted = rules[marks[-1]] == "ad_block"
    if (
        after
        and (
            _short_block(texts, _AFTER_CLOSE, _AFTER_CLOSE_LINE)
            or (prompted and _short_block(texts, _AFTER_PROMPT, _AFTER_PROMPT_LINE))
        )
        and not any(_PUNCT_INSIDE.search(t) or YEAR_MONTH.search(t) for t in texts)
    ):
        for i in after:
            rules[i] = "ad_block"


# An account's card under a rule the editor drew (--- / **某某行业微刊** / 覆盖…细分领域 /
# 第一时间发布有价值的行业资讯): a few short lines, one of them saying what the account does.
_ACCOUNT_WORDS = re.compile(r"微刊|资讯|公众号|关注|平台|频道|订阅|推送|出品|发布|分享")
_AFTER_RULE = 5
_AFTER_RULE_LINE = 30


def _sweep_after_rule(lines: Sequence[str], nonempty: list[int], rules: dict[int, str]) -> None:
    """The short lines under the page's last rule, when they describe the account."""
    found = _below_last(lines, nonempty, rules, RULE_LINE)
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
        and link_like(last)
        and not line_marker(last)
        and not META_KEYS.match(last)  # 时间：… above and below is a notice's own field
        and not contact_line(last)
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
    _sweep_numbered_headlines,
    _sweep_list_header,
    _sweep_bullet_titles,
    _sweep_cards,
    _sweep_series,
    _sweep_headlines,
    _sweep_comment_list,
    _extend_footer,
    _sweep_about,
    _sweep_tail_prompts,
    _sweep_contact,
    _sweep_between,
    _sweep_lead_in,
    _sweep_next_title,
    _sweep_after_end,
    _sweep_after_close,
    _sweep_seo_titles,
    _sweep_after_rule,
)


def sweep_page(
    lines: Sequence[str],
    nonempty: list[int],
    rules: dict[int, str],
    repeated: frozenset[str],
    rejudge: Callable[[], None],
) -> None:
    """Run the page-level sweeps over ``rules`` (filled by the line rules) in place.

    Each sweep walks back from the page's end until a line fails it, so one sweep's
    finds let another walk further (a prompt under a link list, a list under a prompt):
    they run again while the page's closing furniture grows, with ``rejudge`` between
    rounds so the line rules see the lines the grown tail zone now reaches.
    """
    _sweep_vertical(lines, nonempty, rules)
    _sweep_ids(lines, nonempty, rules)
    for _ in range(_SWEEP_ROUNDS):
        found = len(rules)
        for sweep in _TAIL_SWEEPS:
            sweep(lines, nonempty, rules)
        if len(rules) == found:
            break
        rejudge()
    found = len(rules)
    _last_line(lines, nonempty, rules)
    if len(rules) > found:  # a heading it took may close a block the rounds left open
        _sweep_between(lines, nonempty, rules)
    _sweep_plug(lines, nonempty, rules)
    if repeated:
        _sweep_repeated(lines, nonempty, rules, repeated)
