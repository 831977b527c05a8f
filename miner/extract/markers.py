"""Heading markers: the numbering shapes of Chinese reports and what number each one carries.

Reports number their sections with a handful of marker *families* (一、 → （一） → 1、 → （1） → ①
is the textbook order, but pages mix and skip levels freely). A family is what two markers
must share to be siblings: `（一）` and `(一)` are one family because pages mix full- and
half-width brackets in the same list, and so are `1、`, `1.` and `1．`. Depth is never read
from the family itself; ``sections`` derives it from the order in which families nest.

Example:
    >>> m = line_marker("（三）强化督查，确保成效")
    >>> (m.family, m.value, m.marker, m.end)
    ('paren_cn', 3, '（三）', 3)
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from miner.extract.numerals import parse_chinese

# One alternative per family, tried in this order at the start of a line. The named group
# carries the number. ``(?![\d.])`` keeps 1.5万元 and 2011年 out; the look-ahead after
# ``cn`` keeps 一、二、三等奖 (a run of numerals) from reading as heading 一.
_LINE_MARKER = re.compile(
    r"(?P<annex>附件\s*(?P<annex_n>\d{1,2}|[一二三四五六七八九十]{1,3})\s*[:：.．、]?)"
    r"|(?P<part>第(?P<part_n>[一二三四五六七八九十]{1,3}|\d{1,2})(?P<part_u>部分|章|节|条)\s*[、：:.．]?)"
    r"|(?P<cn>(?P<cn_n>[一二三四五六七八九十]{1,3})\s*[、.．](?![一二三四五六七八九十]\s*[、.．]))"
    r"|(?P<paren_cn>[（(]\s*(?P<paren_cn_n>[一二三四五六七八九十]{1,3})\s*[)）]\s*[、.．]?)"
    r"|(?P<num>(?P<num_n>\d{1,2})\s*(?:[、．]|\.(?!\d))(?!\d))"
    r"|(?P<paren_num>[（(]\s*(?P<paren_num_n>\d{1,2})\s*[)）]\s*[、.．]?)"
    r"|(?P<rparen_num>(?P<rparen_num_n>\d{1,2})\s*[)）](?!\d))"
    r"|(?P<circled>(?P<circled_n>[\u2460-\u2473\u2474-\u2487]))"
    r"|(?P<ordinal>(?P<ordinal_n>[一二三四五六七八九十]{1,3})是(?![是否]))"
)
_GROUPS = (
    "annex",
    "part",
    "cn",
    "paren_cn",
    "num",
    "paren_num",
    "rparen_num",
    "circled",
    "ordinal",
)

# A marker glued to the end of the text before it, as in 四、有关要求1、加强领导… or
# 优秀站点管理员(操作员)1.履职尽责好。 Only after a character that can end a heading.
_EMBEDDED = re.compile(
    r"(?<=[\u4e00-\u9fff）)”\"’》])"
    r"(?:(?P<num>\d{1,2})\s*(?:[、．]|\.(?!\d))|[（(](?P<paren_cn>[一二三四五六七八九十]{1,2})[)）]"
    r"|[（(](?P<paren_num>\d{1,2})[)）])"
    r"(?=[\u4e00-\u9fff“\"])"
)


@dataclass(frozen=True, slots=True)
class Marker:
    """A marker found at the start of a line.

    Attributes:
        family: which numbering family it belongs to (``cn`` for 一、, ``paren_cn`` for （一）,
            ``num`` for 1、/1./1．, ``paren_num`` for （1）, ``rparen_num`` for 1）, ``circled`` for
            ①/⑴, ``ordinal`` for 一是, ``part`` for 第一部分/第一章, ``annex`` for 附件1).
        value: the number it carries (1 for 一、, 7 for （七）).
        marker: the marker as written, separators included (``（一）``, ``1.``).
        end: offset just past the marker (and any space after it) in the line.
    """

    family: str
    value: int
    marker: str
    end: int


def _value(raw: str | None) -> int:
    if not raw:
        return 1
    if len(raw) == 1 and "\u2460" <= raw <= "\u2487":
        code = ord(raw)
        return code - 0x2460 + 1 if code <= 0x2473 else code - 0x2474 + 1
    if raw.isdecimal():  # not isdigit(): ② is a "digit" to Python but int() refuses it
        return int(raw)
    return int(parse_chinese(raw) or 0)


def line_marker(line: str) -> Marker | None:
    """The heading marker at the start of ``line`` (leading white space allowed), if any.

    Args:
        line: one line of text, without its newline.

    Returns:
        The marker, or None when the line does not start with one.

    Example:
        >>> line_marker("1、抓点示范，打造先锋集群。").marker
        '1、'
        >>> line_marker("2011年工作计划") is None
        True
    """
    stripped = line.lstrip(" \t\u3000\u00a0")
    pad = len(line) - len(stripped)
    m = _LINE_MARKER.match(stripped)
    if m is None:
        return None
    family = next(g for g in _GROUPS if m.group(g) is not None)
    raw = m.group(f"{family}_n")
    if family == "part":
        # 第一章 and 第一节 are different levels; 第一部分 sits where 第一章 would.
        unit = m.group("part_u")
        family = {"部分": "part", "章": "part", "节": "section", "条": "clause"}[unit]
    end = m.end()
    while end < len(stripped) and stripped[end] in " \t\u3000":
        end += 1
    return Marker(family, _value(raw), m.group(0).strip(), pad + end)


def embedded_marker(text: str, family: str, value: int) -> int | None:
    """Offset of a marker glued into ``text`` that starts the next item or a first sub-item.

    A heading line sometimes runs straight into its first sub-item (``有关要求1、加强领导``)
    or into the next item of its own list (``…标准2.机关…``). Only those two shapes count,
    so a number that merely sits in the words (``完成3、4月份``) is left alone.

    Args:
        text: the heading's words, marker already removed.
        family: the heading's own family.
        value: the heading's own number.

    Returns:
        The offset in ``text`` where the glued marker starts, or None.
    """
    for m in _EMBEDDED.finditer(text):
        fam = next(g for g in ("num", "paren_cn", "paren_num") if m.group(g) is not None)
        v = _value(m.group(fam))
        if (v == 1 and fam != family) or (fam == family and v == value + 1):
            return m.start()
    return None
