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
from functools import lru_cache

from miner.extract.numerals import parse_chinese
from miner.fastre import prefiltered

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
# Characters a marker can start with (after leading white space): the first item of each
# alternative above, plus any decimal digit (``\\d`` matches every Unicode digit, as
# ``str.isdecimal`` does). Most lines start with none of them, and one set lookup then
# saves running the regex: ``line_marker`` runs on every line of every page, several times.
_FIRST_CHARS = frozenset(
    "附第一二三四五六七八九十（(" + "".join(chr(c) for c in range(0x2460, 0x2488))
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
_EMBEDDED = prefiltered(
    re.compile(
        r"(?<=[\u4e00-\u9fff）)”\"’》])"
        r"(?:(?P<num>\d{1,2})\s*(?:[、．]|\.(?!\d))|[（(](?P<paren_cn>[一二三四五六七八九十]{1,2})[)）]"
        r"|[（(](?P<paren_num>\d{1,2})[)）])"
        r"(?=[\u4e00-\u9fff“\"])"
    )
)


# Run-in sequence words (首先，… 其次，… 最后，…) and 第一，… 第二，…: points inside a
# section, never headings of their own. Cleaning relies on ``line_marker`` to keep a line whole,
# so they are known only to ``run_in_marker`` and ``item_markers``. A comma or colon must
# follow: 首先要… and 最后一次 are words, not markers.
_RUN_IN = re.compile(
    r"(?P<sequence>(?P<sequence_n>首先|其次|再次|最后)\s*[，,、：:])"
    r"|(?P<nth>第(?P<nth_n>[一二三四五六七八九十]{1,3})\s*[，,、：:])"
)
# Markers of list items inside a paragraph: after the start of a line or the end of a clause.
# 1、 and （1） need a full stop, semicolon or colon before them (完成3、4月份 follows a comma);
# 一是 and 首先 may follow a comma (…的要求，一是…).
_ITEM = prefiltered(
    re.compile(
        r"(?:^|(?<=[。；;：:！？!?]))\s*"
        r"(?:(?P<num>(?P<num_n>\d{1,2})\s*(?:[、．]|\.(?!\d))(?!\d))"
        r"|(?P<paren_num>[（(]\s*(?P<paren_num_n>\d{1,2})\s*[)）])"
        r"|(?P<paren_cn>[（(]\s*(?P<paren_cn_n>[一二三四五六七八九十]{1,3})\s*[)）])"
        r"|(?P<circled>(?P<circled_n>[\u2460-\u2473\u2474-\u2487])))"
        r"|(?:^|(?<=[。；;：:！？!?，,]))\s*"
        r"(?:(?P<ordinal>(?P<ordinal_n>[一二三四五六七八九十]{1,3})是(?![是否]))"
        r"|(?P<ordinal_yao>(?P<ordinal_yao_n>[一二三四五六七八九十]{1,3})要(?![求素点]))"
        r"|(?P<sequence>(?P<sequence_n>首先|其次|再次|最后)\s*[，,、：:])"
        r"|(?P<nth>第(?P<nth_n>[一二三四五六七八九十]{1,3})\s*[，,、：:]))",
        re.MULTILINE,
    )
)
_ITEM_GROUPS = (
    "num",
    "paren_num",
    "paren_cn",
    "circled",
    "ordinal",
    "ordinal_yao",
    "sequence",
    "nth",
)
# 首先 opens a sequence, 其次/再次 carry it on; 最后 (0) closes it, whatever its length.
_SEQUENCE_VALUE = {"首先": 1, "其次": 2, "再次": 3, "最后": 0}


@dataclass(frozen=True, slots=True)
class Marker:
    """A marker found at the start of a line.

    Attributes:
        family: which numbering family it belongs to (``cn`` for 一、, ``paren_cn`` for （一）,
            ``num`` for 1、/1./1．, ``paren_num`` for （1）, ``rparen_num`` for 1）, ``circled`` for
            ①/⑴, ``ordinal`` for 一是, ``part`` for 第一部分/第一章, ``annex`` for 附件1; only
            as run-in items: ``ordinal_yao`` for 一要, ``sequence`` for 首先/其次/最后,
            ``nth`` for 第一，).
        value: the number it carries (1 for 一、, 7 for （七）; 0 for 最后, "the last one").
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
    if raw in _SEQUENCE_VALUE:
        return _SEQUENCE_VALUE[raw]
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
    if not stripped:
        return None
    first = stripped[0]
    if first not in _FIRST_CHARS and not first.isdecimal():
        return None
    return _read_marker(line)


# Cleaning, splitting, repair, sections and checks each ask about the same lines: three in
# four of the lines that get past the first-character test were read before (on the
# synthetic corpus; one in two on ../shared/corpus/real). A Marker is immutable, so one
# instance serves every caller.
@lru_cache(maxsize=1 << 14)
def _read_marker(line: str) -> Marker | None:
    """``line_marker`` past its first-character test: the regex and the marker's value."""
    stripped = line.lstrip(" \t\u3000\u00a0")
    pad = len(line) - len(stripped)
    m = _LINE_MARKER.match(stripped)
    if m is None:
        return None
    # The family's group encloses the rest and closes last, so it is ``lastgroup``.
    family = m.lastgroup or next(g for g in _GROUPS if m.group(g) is not None)
    raw = m.group(f"{family}_n")
    if family == "part":
        # 第一章 and 第一节 are different levels; 第一部分 sits where 第一章 would.
        unit = m.group("part_u")
        family = {"部分": "part", "章": "part", "节": "section", "条": "clause"}[unit]
    end = m.end()
    while end < len(stripped) and stripped[end] in " \t\u3000":
        end += 1
    return Marker(family, _value(raw), m.group(0).strip(), pad + end)


@lru_cache(maxsize=4096)
def marker_of(marker: str) -> Marker | None:
    """``line_marker`` of a section's marker as written (``一、``, ``（二）``), cached.

    The checks on a heading tree (roles, numbering) read each section's marker again;
    the markers of a corpus are a few hundred strings, so they are parsed once each.
    """
    return line_marker(marker)


def run_in_marker(line: str) -> Marker | None:
    """A sequence word (首先，) or a 第一， ordinal at the start of ``line``, if any.

    Example:
        >>> m = run_in_marker("其次，压实责任。")
        >>> (m.family, m.value, m.marker)
        ('sequence', 2, '其次，')
        >>> run_in_marker("首先要提高认识") is None
        True
    """
    stripped = line.lstrip(" \t\u3000\u00a0")
    pad = len(line) - len(stripped)
    m = _RUN_IN.match(stripped)
    if m is None:
        return None
    family = "sequence" if m.group("sequence") else "nth"
    end = m.end()
    while end < len(stripped) and stripped[end] in " \t\u3000":
        end += 1
    return Marker(family, _value(m.group(f"{family}_n")), m.group(0).strip(), pad + end)


def item_markers(text: str) -> list[tuple[int, Marker]]:
    """Every marker that may start a list item, with its offset in ``text``.

    Candidates only: ``items.find_items`` keeps those that form a numbered run (1 then 2 …).
    ``Marker.end`` is an offset into ``text`` here.

    Example:
        >>> [(i, m.marker) for i, m in item_markers("要求：一是强化领导；二是压实责任。")]
        [(3, '一是'), (10, '二是')]
    """
    out: list[tuple[int, Marker]] = []
    for m in _ITEM.finditer(text):
        family = next(g for g in _ITEM_GROUPS if m.group(g) is not None)
        start = m.start(family)
        out.append(
            (start, Marker(family, _value(m.group(f"{family}_n")), m.group(family), m.end()))
        )
    return out


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
