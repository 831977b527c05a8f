"""Numeric claims: every number in a report that states a quantity, with unit and qualifier.

A figure is a number followed by a unit or measure word from ``miner/data/units.tsv``
(21.6万元, 30余人, 百分之九十五, 两次). One compiled regex finds the candidates in a
single pass; context rules then drop numbers that are not claims:

1. grammar: ordinals (第一), session numbers (八届十三次全会, 十一届人大四次会议, 90周年),
   calendar years, idioms and numbered formulations (两张皮, 三个代表, 六个一);
2. context: numbers inside “…” or 《…》 (“56130”, “1+6”), phone, QQ and hotline numbers;
3. the qualifier from the words around the number (``qualifiers.py``);
4. the subject, from the POS tags of the clause around the number (``subjects.py``).

Number forms: Arabic with thousands separators (1,200; 903，065，000 as government
pages write it) and decimals, full-width digits (１２０), Chinese numerals (一千三百零八,
三万二千, 两, 十余), 万/亿 after either, percent (95%, 百分之九十五), per mille (3‰,
千分之三), ranges (5至8人, 3-5个, 两三个, 5人至8人, 三至五万元) and the spaces PDF text
leaves between number and unit (424 名, 424　名).

Dates (5月7日), times (9:30), document numbers (〔2011〕95号) and ratios (1:1, 1∶20)
are not figures: 月, 日, 号 are not units, and a number right after ``d:`` is the second
term of a ratio or a time. A ratio states a relation, not a quantity of anything, and
has no unit to normalise to, so it is left out rather than given a unit of its own.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from importlib import resources

from miner.extract.numerals import (
    ARABIC_RE,
    CHINESE_RE,
    CN_DIGITS,
    chinese_digits,
    multiplier,
    parse_arabic,
    parse_chinese,
    parse_pair,
)
from miner.extract.qualifiers import qualifier
from miner.extract.subjects import find_subject
from miner.fastre import prefiltered
from miner.models import Figure
from miner.segment import Sentence, sentences
from miner.segment.sentences import sentence_at


def _load_units() -> dict[str, str]:
    """Unit → class from ``units.tsv`` (read once, at import)."""
    text = resources.files("miner.data").joinpath("units.tsv").read_text(encoding="utf-8")
    units: dict[str, str] = {}
    for line in text.splitlines():
        if not line.strip() or line.startswith("#") or line.startswith("unit\t"):
            continue
        unit, cls, *_ = line.split("\t")
        units[unit.strip()] = cls.strip()
    return units


UNITS: dict[str, str] = _load_units()
# Written forms that are not in the table as such: they map to a unit and may imply
# a qualifier (3个多月 = more than 3 months).
_ALIASES: dict[str, tuple[str, str | None]] = {
    "％": ("%", None),
    "平米": ("平方米", None),
    "㎡": ("平方米", None),
    "个多月": ("个月", "more_than"),
    "个余月": ("个月", "more_than"),
    "个工作日": ("工作日", None),
    "个小时": ("小时", None),
    "个多小时": ("小时", "more_than"),
    "个星期": ("周", None),
}
_UNIT_RE = "|".join(re.escape(u) for u in sorted([*UNITS, *_ALIASES], key=len, reverse=True))
_MULT = "(?:万亿|千万|百万|亿|万|千|百|十)"
_SEP = "(?:至|到|-|—|－|~|～|〜)"
# White space PDF text leaves between a number and its unit (424 名).
_GAP = "[ \u00a0\u2002-\u200a\u3000]{0,2}"

_FIGURE = re.compile(
    rf"""
    (?P<pct>(?P<pk>[百千])分之(?P<pn>{CHINESE_RE}|{ARABIC_RE})(?:点(?P<pd>[{CN_DIGITS}]+))?)
    | (?<![0-9０-９.．A-Za-z\-])(?<![0-9０-９][,，:：∶])
      (?P<a1>{ARABIC_RE})(?P<am1>{_MULT})?(?:(?P<asep>{_SEP})(?P<a2>{ARABIC_RE}))?
      {_GAP}(?P<ai1>[余多])?(?P<am2>{_MULT})?(?P<ai2>[余多])?(?P<au>{_UNIT_RE})
    | (?P<c1>{CHINESE_RE})(?:(?P<csep>至|到)(?P<c2>{CHINESE_RE}))?
      (?P<ci1>[余多])?(?P<cm>[万亿])?(?P<ci2>[余多])?(?P<cu>{_UNIT_RE})
    """,
    re.VERBOSE,
)

# The same regex behind a lookahead on the characters a figure can start with (a digit, a
# Chinese numeral, 百 or 千 of 百分之/千分之): the alternatives open with look-behinds, so on
# its own the engine tries all three at every position of the text (see ``_figure_matches``).
_FIGURE_AT_NUMBERS = prefiltered(_FIGURE)

# -- context rules -------------------------------------------------------------------

# Idioms and numbered formulations whose numeral + measure word is not a count. The
# list is general political vocabulary, not taken from any one report.
_SET_PHRASES = re.compile(
    "两张皮|三番五次|三天两头|三年五载|十天半月|三位一体|五位一体|三个代表|四个全面|"
    "两个维护|四个意识|四个自信|两个确立|两个务必|两个一百年|三个有利于|八项规定|"
    "三个倡导|四个服务|五个一|六个一|十个明确|十四个坚持|两个基本点|一个中心|"
    "四项基本原则|四个现代化|五项原则|八项主张|两个文明|三个文明|两个市场|两种资源|"
    "两个积极性|三个面向|四个一批|两个先锋队|三个务必|两个结合"
)
# Continuations that turn a measure word into part of another word (3支部 is not
# "3 teams", 2部门 not "2 copies"). Checked right after the unit.
_BLOCKED_AFTER: dict[str, tuple[str, ...]] = {
    "部": ("门", "分", "署", "长", "队"),
    "条": ("件", "例", "款"),
    "处": ("理", "室", "级", "分", "长"),
    "支": ("部", "持", "出", "付"),
    "座": ("谈", "位"),
    "台": ("账", "帐", "阶"),
    "本": ("人", "单位", "级", "地", "届"),
    "场": ("所", "地", "合", "景"),
    "名": ("单", "称", "义", "字", "誉", "录"),
    "户": ("口", "籍"),
    "家": ("庭", "长", "属", "乡", "园"),
    "所": ("属", "有", "长", "在", "以", "谓", "得"),
    "间": ("隔", "接", "断"),
    "期": ("间", "限", "末", "待", "望"),
    "元": ("旦", "素", "月", "宵"),
    "个": ("性", "体", "别"),
    "天": ("下", "然", "地", "空", "气"),
    "批": ("准", "示", "评", "复"),
    "张": ("贴", "挂"),
    "位": ("于", "置", "列", "数"),
    "份": ("额",),
    "周": ("年", "岁", "边", "末"),
    "头": ("脑", "等", "羊", "号", "条", "版"),
    "只": ("有", "是", "要", "能", "会", "好", "在"),
    "根": ("据", "本", "源", "治", "除"),
    "口": ("号", "径", "岸", "头", "碑", "子"),
    "节": ("日", "约", "能", "目", "点", "省", "假", "气"),
    "轮": ("流", "换", "岗", "训", "值"),
    "架": ("构", "子", "设"),
    "起": ("来", "步", "点", "草", "到", "义", "码", "始", "诉", "床", "身", "飞"),
    "例": ("如", "子", "外", "会", "行"),
    "宗": ("旨", "教", "族"),
    "字": ("号", "母", "样"),
    "次": ("全会", "中全会", "党代会", "代表大会"),
}
# 年 is a unit only as a duration: 连续15年, 为期三年, 三年时间.
_YEAR_CUE_BEFORE = ("连续", "为期", "历时", "长达", "整整")
_YEAR_CUE_AFTER = ("时间", "之久")
_PHONE_CUE = re.compile(r"电话|热线|手机|QQ|qq|微信|传真|号码|联系")
_OPEN_QUOTES = "“‘「『《"
_CLOSE_QUOTES = "”’」』》"
_QUOTE_STOPS = "。；;\n"
_QUOTE_WINDOW = 40  # calibrated on the seeds: slogans in quotes run up to ~30 characters
_QUOTE_OPEN = re.compile(f"[{_OPEN_QUOTES}]")
_QUOTE_RESET = re.compile(f"[{_CLOSE_QUOTES}{_QUOTE_STOPS}]")
_QUOTE_AFTER = re.compile(f"[{_CLOSE_QUOTES}“{_QUOTE_STOPS}]")  # what decides after the span
_RANGE_SIGN = re.compile("至|到|-|——|—|－|~|～|〜")
_RANGE_WINDOW = 30
# 十一届全国人大四次会议: a session number even when 届 is not right before it.
_SESSION_AFTER = ("会议", "全会", "大会", "常委会")
_SESSION_WINDOW = 8


@dataclass(slots=True)
class _Candidate:
    """A number + unit the regex found, before the context rules judge it."""

    start: int
    end: int
    value: float
    unit: str
    kind: str  # "arabic", "chinese" or "percent" (百分之N)
    numeral: str  # the (first) number as written
    infix: bool  # 余/多 between number and unit
    is_range: bool
    implied: str | None  # qualifier implied by the written unit (3个多月)


def find_figures(
    text: str, doc_id: str = "", sents: Sequence[Sentence] | None = None
) -> list[Figure]:
    """Every numeric claim of a cleaned article body, in text order.

    Args:
        text: the article text (simplified characters, lines joined).
        doc_id: copied into each figure.
        sents: ``sentences(text)``, when the caller has them already (the pipeline
            splits each article once for the ``sentences`` table and the figures).

    Returns:
        Figures with ``text[f.start:f.end] == f.raw``; ``section_id`` is left None
        for the pipeline to fill.

    Example:
        >>> figs = find_figures("共投入资金21.6万元，组织30余人")
        >>> [(f.raw, f.value, f.unit, f.qualifier, f.subject) for f in figs]
        [('21.6万元', 216000.0, '元', 'exact', '资金'), ('30余人', 30.0, '人', 'more_than', None)]
    """
    claims = [c for m in _figure_matches(text) if (c := _candidate(m)) and _is_claim(c, text)]
    out: list[Figure] = []
    if not claims:
        return out
    if sents is None:
        sents = sentences(text)
    for cand in _merge_ranges(claims, text):
        sent = sentence_at(sents, cand.start)
        unit_class = UNITS.get(cand.unit)
        out.append(
            Figure(
                doc_id=doc_id,
                section_id=None,
                raw=text[cand.start : cand.end],
                value=cand.value,
                unit=cand.unit,
                qualifier=qualifier(
                    text,
                    cand.start,
                    cand.end,
                    infix=cand.infix,
                    implied=cand.implied,
                    is_range=cand.is_range,
                ),
                subject=find_subject(text, cand.start, cand.end, unit_class, sent, UNITS),
                sentence=sent.text if sent else "",
                start=cand.start,
                end=cand.end,
                unit_class=unit_class,
            )
        )
    return out


def _figure_matches(text: str) -> Iterator[re.Match[str]]:
    """``_FIGURE.finditer(text)``, tried only where a number starts.

    Every figure starts with a digit or a Chinese numeral (百分之 with 百, 千分之 with 千).
    The regex on its own is tried at every position of the text: its alternatives open
    with look-behinds, so the engine has no first-character shortcut of its own. A
    first-character lookahead (``prefiltered``) passes over every other position with one
    class test, inside the engine; the earlier loop that matched at each position of a
    run of numerals from Python cost a call per position (20% slower on the synthetic
    corpus). Same matches, same groups, same order.
    """
    return _FIGURE_AT_NUMBERS.finditer(text)


def _merge_ranges(cands: list[_Candidate], text: str) -> list[_Candidate]:
    """Join 5人至8人 and 2万元—5万元 into one range figure, as 5至8人 already is.

    Two figures of the same unit with only a range sign between them state one
    claim; kept apart they would read as two exact counts. The upper bound is read
    on its own, because the regex never starts a number right after a hyphen.
    """
    out: list[_Candidate] = []
    for c in cands:
        if out and c.start < out[-1].end:
            continue  # the upper bound of the range before
        sign = _RANGE_SIGN.match(text, c.end)
        if sign and not c.is_range:
            window = text[sign.end() : sign.end() + _RANGE_WINDOW]
            m = _FIGURE.match(window)
            upper = _candidate(m) if m else None
            if upper is not None and upper.unit == c.unit and upper.value > c.value:
                c.end, c.is_range = sign.end() + upper.end, True
        out.append(c)
    return out


# -- reading a match -----------------------------------------------------------------


def _candidate(m: re.Match[str]) -> _Candidate | None:
    """Read value and unit off a regex match; None when the numeral is malformed."""
    # The groups of a form are fetched by one call each: a call per group cost as much as
    # the rest of the reading.
    pct, a1 = m.group("pct", "a1")
    if pct:
        return _percent(m)
    if a1:
        am1, a2, ai1, am2, ai2, au = m.group("am1", "a2", "ai1", "am2", "ai2", "au")
        unit, implied = _ALIASES.get(au, (au, None))
        value = parse_arabic(a1) * multiplier(am1 or am2)
        return _Candidate(
            m.start(), m.end(), value, unit, "arabic", a1, bool(ai1 or ai2), bool(a2), implied
        )
    numeral, c2, ci1, cm, ci2, cu = m.group("c1", "c2", "ci1", "cm", "ci2", "cu")
    unit, implied = _ALIASES.get(cu, (cu, None))
    start = m.start()
    is_range = bool(c2)
    parsed = parse_chinese(numeral)
    if parsed is None and not is_range:
        pair = parse_pair(numeral)
        if pair is not None and numeral[0] != "一":
            parsed, is_range = pair, True
        else:
            # 统一三个: the match began inside a word; keep the longest well-formed tail.
            for k in range(1, len(numeral)):
                parsed = parse_chinese(numeral[k:])
                if parsed is not None:
                    numeral, start = numeral[k:], start + k
                    break
    if parsed is None:
        return None
    if c2:
        parsed *= _range_scale(numeral, c2)
    value = parsed * multiplier(cm)
    infix = bool(ci1 or ci2)
    return _Candidate(start, m.end(), value, unit, "chinese", numeral, infix, is_range, implied)


def _range_scale(low: str, high: str) -> float:
    """The scale a range's upper bound lends its bare lower one: 三至五万 → 30000.

    Only 百/千/万/亿 carry over; 三至五十人 stays 3 to 50, as it is usually meant.
    """
    if len(low) != 1 or len(high) < 2 or any(ch not in "百千万亿" for ch in high[1:]):
        return 1.0
    top, digit = parse_chinese(high), parse_chinese(high[0])
    return top / digit if top and digit else 1.0


def _percent(m: re.Match[str]) -> _Candidate | None:
    """百分之九十五 → 95 %, 百分之七点二 → 7.2 %, 千分之三 → 3 ‰."""
    pn = m.group("pn")
    if pn[0] in CN_DIGITS or pn[0] in "十百千万亿":
        value = parse_chinese(pn)
        if value is None:
            return None
        if m.group("pd"):
            value += float("0." + chinese_digits(m.group("pd")))
    else:
        value = parse_arabic(pn)
    unit = "%" if m.group("pk") == "百" else "‰"
    return _Candidate(m.start(), m.end(), value, unit, "percent", pn, False, False, None)


# -- context rules -------------------------------------------------------------------


def _is_claim(c: _Candidate, text: str) -> bool:
    """Apply the context rules that tell a quantity from a name, date or formulation."""
    before = text[max(0, c.start - 1) : c.start]
    after = text[c.end : c.end + 4]
    word = text[max(0, c.start - 3) : c.start].rstrip(" \u00a0\u3000")[-1:]  # 第 1 名 in PDFs
    if word in ("第", "届") or (word == "前" and c.unit == "名"):
        return False  # ordinal, session number, rank
    if after.startswith(_BLOCKED_AFTER.get(c.unit, ())):
        return False
    if c.unit == "次" and _is_session(c, text):
        return False
    if c.unit == "年" and not _is_duration(c, text):
        return False
    if c.kind == "chinese" and not _chinese_ok(c, before, after):
        return False
    if c.kind == "arabic" and _is_phone(c, text):
        return False
    if _in_quotes(text, c.start, c.end):
        return False
    return not _overlaps_set_phrase(text, c.start, c.end)


def _overlaps_set_phrase(text: str, start: int, end: int) -> bool:
    """True when an idiom or formulation (两张皮, 三位一体) covers part of the span."""
    for s in _SET_PHRASES.finditer(text, max(0, start - 6), min(len(text), end + 6)):
        if s.start() < end and s.end() > start:
            return True
    return False


def _is_session(c: _Candidate, text: str) -> bool:
    """四次会议 after 十一届全国人大: the fourth session, not four meetings."""
    if not text.startswith(_SESSION_AFTER, c.end):
        return False
    head = text[max(0, c.start - _SESSION_WINDOW) : c.start]
    cut = max(head.rfind(ch) for ch in "，。；、,;")
    return "届" in head[cut + 1 :]


def _is_duration(c: _Candidate, text: str) -> bool:
    """年 counts only as a duration: a small number and a cue (连续15年, 三年时间, 20余年)."""
    if c.value >= 100 or c.is_range:
        return False
    if c.infix:
        return True  # 20余年, 十多年: a calendar year never takes 余/多
    head = text[max(0, c.start - 2) : c.start]
    return head in _YEAR_CUE_BEFORE or text.startswith(_YEAR_CUE_AFTER, c.end)


def _chinese_ok(c: _Candidate, before: str, after: str) -> bool:
    """Chinese numerals need more care than digits: they also build words and slogans.

    A lone 一 or 二 is dropped: 一 + measure word mostly reads "a" (一次全面的调查,
    一份答卷, 一次性) and 二 + measure word is an ordinal-like adjective (二次创业);
    counts of two are written 两. A measure word opening a formulation is dropped
    too (六个一, 五位一体), and a bare 百/千/万 counts only with a cue (近千人, 百余人
    but not 千家万户).
    """
    if c.numeral in ("一", "二", "壹"):
        return False
    if after[:1] and after[0] in CN_DIGITS and after[1:2] not in ("等", "级"):
        return False
    if before in ("几", "数", "若"):
        return False  # 几十个, 数百人: no number is stated
    if before in ("周", "期", "拜") and c.unit == "起":
        return False  # 自周五起, 星期一起: a weekday, "from … on"
    if c.numeral[0] in "百千万亿":
        return before in ("近", "上", "逾", "超", "约") or c.infix
    return True


def _is_phone(c: _Candidate, text: str) -> bool:
    """Long digit runs, leading zeros and numbers after 电话/热线 are contact numbers."""
    digits = c.numeral.replace(",", "").replace("，", "")
    if "." in digits or "．" in digits:
        return False
    if len(digits) >= 11 or (len(digits) >= 2 and digits[0] in "0０"):
        return True
    return len(digits) >= 5 and bool(_PHONE_CUE.search(text, max(0, c.start - 8), c.start))


def _in_quotes(text: str, start: int, end: int) -> bool:
    """True when the span sits between an opening “/《 and its closing mark.

    Some pages close quotes with a second “ (“人格之师“), so a “ after an unclosed “
    closes it. A quote never spans a full stop, and the window is bounded.
    """
    # A closing mark or full stop resets the state, so only the opening marks after the
    # last of them matter; regexes find those, where a loop looked at every character.
    window = text[max(0, start - _QUOTE_WINDOW) : start]
    opened = False
    for ch in _QUOTE_OPEN.findall(_QUOTE_RESET.split(window)[-1]):
        opened = not (ch == "“" and opened)
    if not opened:
        return False
    after = _QUOTE_AFTER.search(text, end, end + _QUOTE_WINDOW)
    return after is not None and after.group() not in _QUOTE_STOPS
