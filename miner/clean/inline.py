"""Noise inside lines: paid markers, watermarks, pinyin, title tags, page counters, jammers.

Each finder returns ``(start, end, rule)`` spans over the text; the caller deletes
them and logs each as a removal. They are deliberately shape-based (what such a
mark looks like on any site), never keyed to one site's wording.
"""

from __future__ import annotations

import re

from miner.fastre import prefiltered

Span = tuple[int, int, str]

# ##paidbegin## / ##paidend## and their kin, even inside a word (述##paidbegin##职).
# Only from the first # of a run: trying every # of a long run is quadratic.
_PAID = prefiltered(re.compile(r"(?<!#)#{2,}\s*(?:paid|vip|pay|free|hide|fee)[a-z]*\s*#{2,}", re.I))
# Zero-width and invisible characters some sites scatter to fingerprint copies.
_INVISIBLE = re.compile(r"[\u200b-\u200f\u2060-\u2064\ufeff\u00ad]")
# C0/C1 control characters strewn through a page to jam copying (标签\x07\x05：): no text
# holds them. Tab, line and page breaks (\t \n \v \f \r, NEL) stay: they are layout.
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f\x80-\x84\x86-\x9f]")
# A 范文 site's name glued after a paragraph's last sentence (…上报至上级党组织表彰。超级秘书网):
# the site stamps its copy. Only at the line's end, and never a common noun (互联网).
_SITE_STAMP = prefiltered(
    re.compile(
        r"[。！？!?]((?!互联网|物联网|局域网|因特网|万维网|广域网)[\u4e00-\u9fff]{2,7}网)[ \t]*$",
        re.M,
    )
)
_STAMPED_SENTENCE = 11  # (二)审查时间。某某考试网 is an item naming the site, not a stamp


def _site_stamps(text: str) -> list[Span]:
    """The site's name after the line's last sentence; the sentence must be of some length."""
    spans: list[Span] = []
    if "网" not in text:
        return spans
    for m in _SITE_STAMP.finditer(text):
        if m.start() - (text.rfind("\n", 0, m.start()) + 1) >= _STAMPED_SENTENCE:
            spans.append((m.start(1), m.end(1), "site_watermark"))
    return spans


# A gambling site's login phrase injected into scraped text (yabo手机版登录：…, 某某手机版登录
# 某某官网登录，今起…): a Latin name, or a Chinese one said twice, then the way in.
_WAY_IN = r"(?:手机版|官网|官方网站|app|APP|客户端)(?:登录|登陆|入口)"
_SPAM_INJECT = prefiltered(
    re.compile(
        rf"(?<![A-Za-z])[A-Za-z]{{2,8}}{_WAY_IN}[:：]?|([\u4e00-\u9fff]{{2,4}}){_WAY_IN}\1{_WAY_IN}[:：]?"
        # 某某app某某app官网: the name and its app said twice, then the way in
        rf"|([\u4e00-\u9fff]{{2,4}})(?:app|APP)\2(?:app|APP)?(?:官网|官方网站|登录|登陆|入口|下载)[:：]?"
    )
)
# A classifieds site's plea at the end of each listing (…拎包即住，联系我时请说明是在某某看到的……):
# the site asks to be credited; the listing's own text before it stays.
_SAW_IT_HERE = prefiltered(
    re.compile(
        r"[，,；;、 \t]*(?:联系|致电|来电|咨询)(?:我|我们)?时?[，, ]?(?:请|麻烦)?(?:说明?|告知|告诉|提及|注明)"
        r"(?:一下)?(?:您?是)?(?:在|从)[^，。\n]{1,15}?看到的(?:[，, ]?谢谢)?[。！!…~～.]*(?=[ \t*]*$)",
        re.M,
    )
)
# A stray backtick (or similar) glued to Chinese text: 的`组织. Never legitimate in prose.
_WATERMARK = prefiltered(
    re.compile(r"(?<=[\u4e00-\u9fff，。、；：“”])[`´](?=[\u4e00-\u9fff“”，。]|$)", re.M)
)
_TONE = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüńňǹḿ"
# Pinyin after a character, as PDF exports of annotated pages leave it: 創(chuàng).
# A tone mark (or a tone number after a syllable) is required so that ordinary Latin in
# brackets (DVD) is never taken.
_PINYIN = prefiltered(
    re.compile(
        rf"(?<=[\u4e00-\u9fff])[(（]\s*(?:(?=[a-z{_TONE}]*[{_TONE}])[a-z{_TONE}]{{1,7}}"
        # or a tone number (chuang4): a syllable with a vowel, so 甲烷(ch4) stays
        r"|(?=[a-z]{2,6}[1-5])[bcdfghjklmnpqrstwxyz]{0,2}h?[aeiouv][a-z]{0,4}[1-5])\s*[)）]"
    )
)
# Bracketed promotional tags that sites append to titles: 【精品例文】, 【最新】, 【推荐】.
_TITLE_TAG = prefiltered(
    re.compile(
        r"【[^】\n]{0,6}(?:精品|精选|例文|范文|最新|推荐|热门|优秀|原创|完整版|word|WORD|Word|"
        r"可编辑|免费|下载|必备|通用|合集|大全|\d+篇)[^】\n]{0,6}】"
    )
)

# A converted document's page counter, even inside a sentence (才能符合第2页共8页科学…):
# both halves, so a reference to a page of the text (见第3页) stays.
_PAGE_COUNTER = prefiltered(
    re.compile(
        r"第\s*\d{1,4}\s*页\s*[,，/、]?\s*共\s*\d{1,4}\s*页|共\s*\d{1,4}\s*页\s*[,，/、]?\s*第\s*\d{1,4}\s*页"
    )
)

# A forum's anti-copy filler (Discuz's "jammer" fonts) left as text: runs of one- and
# two-character ASCII tokens at a line's edge or beside Chinese (…书面报告。 i( j( e7 Z2 {! |0 K).
_JAMMER = re.compile(
    r"(?:^|(?<=[\u4e00-\u9fff。，；：！？、]))[ \t]*((?:[\x21-\x7e]{1,2}[ \t]+){3,}[\x21-\x7e]{1,2})"
    # it ends at the line's end, or at a space before Chinese or a longer token (d 1.首部)
    r"(?=[ \t]*(?:\n|$)|[ \t]+[\u4e00-\u9fff]|[ \t]+[^\s]{3,})",
    re.M,
)
_JAMMER_SYMBOLS = frozenset("(){}[]|!@#$%^&*+`\\;\"'<>=?~_:/")
_JAMMER_PAIRS = 3  # two-character tokens: i( e7 {! — a formula's x + y = z has none

# What a Word export leaves of its fields (TOC \o "1-2" \h \u, PAGEREF _Toc123 \h,
# HYPERLINK \l "_Toc123") and of escaped line ends printed as text (x0dx0a).
_FIELD_CODE = prefiltered(
    re.compile(
        r"TOC(?:\s*\\[a-z]\s*(?:\"[^\"\n]{0,12}\")?)+|PAGEREF\s*_Toc\d+(?:\s*\\[a-z])*|"
        r"HYPERLINK\s*\\l\s*\"_Toc\d+\"|(?:x0[dD]x0[aA])+",
    )
)


# A cheap first look: a symbol, a space and a short token (i( j( …); Chinese text has none.
_JAMMER_HINT = re.compile(r"[!-/:-@\[-`{-~][ \t]+[\x21-\x7e]{1,2}[ \t]")


def _jammer(text: str) -> list[Span]:
    if not _JAMMER_HINT.search(text):
        return []
    spans = []
    for m in _JAMMER.finditer(text):
        tokens = m.group(1).split()
        symbols = {c for t in tokens for c in t if c in _JAMMER_SYMBOLS}
        if sum(len(t) == 2 for t in tokens) >= _JAMMER_PAIRS and len(symbols) >= 2:
            spans.append((m.start(1), m.end(1), "jammer"))
    return spans


def find_inline(text: str) -> list[Span]:
    """All inline noise spans, sorted and non-overlapping.

    Example:
        >>> find_inline("述##paidbegin##职的`组织創(chuàng)")
        [(1, 14, 'paid_marker'), (16, 17, 'watermark_char'), (20, 28, 'pinyin_annotation')]
    """
    spans: list[Span] = []
    for rule, pattern, needles in (
        ("paid_marker", _PAID, ("##",)),
        ("invisible_char", _INVISIBLE, ()),
        ("control_char", _CONTROL, ()),
        ("spam_keywords", _SPAM_INJECT, ("登录", "登陆", "入口", "官网", "官方网站", "下载")),
        ("watermark_char", _WATERMARK, ("`", "´")),
        ("pinyin_annotation", _PINYIN, ("(", "（")),
        ("title_tag", _TITLE_TAG, ("【",)),
        ("page_counter", _PAGE_COUNTER, ("页",)),
        ("field_code", _FIELD_CODE, ("TOC", "PAGEREF", "HYPERLINK", "x0")),
        ("ad_block", _SAW_IT_HERE, ("看到的",)),
    ):
        # a substring test first: most pages hold none of a pattern's characters
        if needles and not any(needle in text for needle in needles):
            continue
        spans.extend((m.start(), m.end(), rule) for m in pattern.finditer(text))
    spans.extend(_jammer(text))
    spans.extend(_site_stamps(text))
    spans.sort()
    out: list[Span] = []
    for span in spans:
        if out and span[0] < out[-1][1]:
            continue
        out.append(span)
    return out
