"""Render Word's automatic list numbering (一、 （一） 1. ①) as text.

python-docx returns a paragraph's typed text only; a heading numbered by Word's
list feature loses its 一、 marker, and then the heading tree, the section roles and
the numbering checks of later stages see no structure at all. The definitions are
plain XML and cheap to read: a paragraph's ``w:numPr`` (or its style's) names a
``w:num``, which points to a ``w:abstractNum`` whose ``w:lvl`` gives the number
format (``chineseCounting`` …), the marker template (``（%1）``) and the start value.
This module keeps Word's counters while the paragraphs are read in order.

Left out on purpose: lists defined through ``w:numStyleLink`` (a list style
indirection, rare in reports), ``w:lvlPicBulletId`` picture bullets, and bullets in
general (``bullet`` levels get no marker, since their glyph is usually a private-use
Symbol-font character that would read as garbage).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_LEVELS = 9
_DIGITS = "〇一二三四五六七八九"
_LEGAL = "零壹贰叁肆伍陆柒捌玖"
_GAN = "甲乙丙丁戊己庚辛壬癸"
_ZHI = "子丑寅卯辰巳午未申酉戌亥"
_ROMAN = (
    (1000, "M"),
    (900, "CM"),
    (500, "D"),
    (400, "CD"),
    (100, "C"),
    (90, "XC"),
    (50, "L"),
    (40, "XL"),
    (10, "X"),
    (9, "IX"),
    (5, "V"),
    (4, "IV"),
    (1, "I"),
)


def chinese_counting(n: int, digits: str = _DIGITS, units: str = "十百千") -> str:
    """Chinese numerals as Word writes them for ``chineseCounting`` (1 → 一, 12 → 十二).

    Example:
        >>> [chinese_counting(n) for n in (1, 10, 12, 20, 105)]
        ['一', '十', '十二', '二十', '一百零五']
    """
    if n <= 0 or n >= 10000:
        return str(n)
    parts: list[str] = []
    values = ((1000, units[2]), (100, units[1]), (10, units[0]), (1, ""))
    zero = False
    for value, unit in values:
        d = n // value % 10
        if d == 0:
            zero = bool(parts)
            continue
        if zero:
            parts.append("零")
            zero = False
        parts.append(digits[d] + unit)
    text = "".join(parts)
    if 10 <= n < 20 and units == "十百千":
        text = text[1:]  # 十二, not 一十二
    return text


def _letters(n: int) -> str:
    # Word repeats the letter: 27 → AA, 28 → BB.
    return chr(ord("A") + (n - 1) % 26) * ((n - 1) // 26 + 1)


def _roman(n: int) -> str:
    out = []
    for value, sym in _ROMAN:
        while n >= value:
            out.append(sym)
            n -= value
    return "".join(out)


def format_number(n: int, fmt: str) -> str:
    """One counter value in a Word ``w:numFmt`` style; unknown formats fall back to 1, 2, 3."""
    if fmt in ("chineseCounting", "chineseCountingThousand", "japaneseCounting"):
        return chinese_counting(n)
    if fmt in ("taiwaneseCounting", "taiwaneseCountingThousand"):
        return chinese_counting(n)
    if fmt == "chineseLegalSimplified":
        return chinese_counting(n, _LEGAL, "拾佰仟")
    if fmt in ("ideographDigital", "taiwaneseDigital", "japaneseDigitalTenThousand"):
        return "".join(_DIGITS[int(d)] for d in str(n))
    if fmt in ("ideographTraditional", "ideographZodiac"):
        table = _GAN if fmt == "ideographTraditional" else _ZHI
        return table[n - 1] if 1 <= n <= len(table) else str(n)
    if fmt in ("decimalFullWidth", "decimalFullWidth2"):
        return "".join(chr(ord(d) + 0xFEE0) for d in str(n))
    if fmt in ("decimalEnclosedCircle", "decimalEnclosedCircleChinese"):
        return chr(0x2460 + n - 1) if 1 <= n <= 20 else str(n)
    if fmt == "decimalEnclosedParen":
        return chr(0x2474 + n - 1) if 1 <= n <= 20 else str(n)
    if fmt == "decimalEnclosedFullstop":
        return chr(0x2488 + n - 1) if 1 <= n <= 20 else str(n)
    if fmt == "decimalZero":
        return f"{n:02d}"
    if fmt in ("upperLetter", "lowerLetter"):
        s = _letters(n) if n > 0 else str(n)
        return s if fmt == "upperLetter" else s.lower()
    if fmt in ("upperRoman", "lowerRoman"):
        s = _roman(n) if n > 0 else str(n)
        return s if fmt == "upperRoman" else s.lower()
    return str(n)


@dataclass(slots=True)
class Level:
    """One ``w:lvl``: how a list level is counted and written."""

    fmt: str = "decimal"
    text: str = "%1."
    start: int = 1
    legal: bool = False  # w:isLgl: show every level's number in decimal
    restart: int | None = (
        None  # w:lvlRestart: 0 = never, k = after level k; None = after any higher
    )
    suffix: str = "tab"


@dataclass(slots=True)
class _Num:
    abstract: str
    starts: dict[int, int] = field(default_factory=dict)  # startOverride per level
    levels: dict[int, Level] = field(default_factory=dict)  # full lvl overrides


def _val(el: Any, tag: str) -> str | None:
    child = el.find(W + tag) if el is not None else None
    return None if child is None else child.get(W + "val")


def _int(text: str | None, default: int) -> int:
    try:
        return int(text) if text is not None else default
    except ValueError:
        return default


def _level(lvl: Any) -> Level:
    restart = _val(lvl, "lvlRestart")
    legal = lvl.find(W + "isLgl")
    return Level(
        fmt=_val(lvl, "numFmt") or "decimal",
        text=_val(lvl, "lvlText") or "",
        start=_int(_val(lvl, "start"), 1),
        legal=legal is not None and legal.get(W + "val", "1") not in ("0", "false"),
        restart=_int(restart, 0) if restart is not None else None,
        suffix=_val(lvl, "suff") or "tab",
    )


class Numbering:
    """Word's list counters for one document, advanced paragraph by paragraph.

    Args:
        numbering: the ``w:numbering`` root of ``word/numbering.xml``, or None.
        styles: the ``w:styles`` root of ``word/styles.xml``, or None; a heading style
            can carry the list numbering of every paragraph that uses it.
    """

    def __init__(self, numbering: Any | None, styles: Any | None) -> None:
        self.abstracts: dict[str, dict[int, Level]] = {}
        self.nums: dict[str, _Num] = {}
        self.style_num: dict[str, tuple[str | None, int | None]] = {}
        self.style_parent: dict[str, str] = {}
        self.counters: dict[str, list[int | None]] = {}
        self.seen: set[str] = set()
        if numbering is not None:
            self._read_numbering(numbering)
        if styles is not None:
            self._read_styles(styles)

    def _read_numbering(self, root: Any) -> None:
        for ab in root.iter(W + "abstractNum"):
            levels = {_int(lvl.get(W + "ilvl"), 0): _level(lvl) for lvl in ab.iter(W + "lvl")}
            self.abstracts[ab.get(W + "abstractNumId", "")] = levels
        for num in root.iter(W + "num"):
            entry = _Num(_val(num, "abstractNumId") or "")
            for ov in num.iter(W + "lvlOverride"):
                ilvl = _int(ov.get(W + "ilvl"), 0)
                start = _val(ov, "startOverride")
                if start is not None:
                    entry.starts[ilvl] = _int(start, 1)
                lvl = ov.find(W + "lvl")
                if lvl is not None:
                    entry.levels[ilvl] = _level(lvl)
            self.nums[num.get(W + "numId", "")] = entry

    def _read_styles(self, root: Any) -> None:
        for style in root.iter(W + "style"):
            sid = style.get(W + "styleId")
            if not sid:
                continue
            based = _val(style, "basedOn")
            if based:
                self.style_parent[sid] = based
            ppr = style.find(W + "pPr")
            numpr = ppr.find(W + "numPr") if ppr is not None else None
            if numpr is not None:
                ilvl = _val(numpr, "ilvl")
                self.style_num[sid] = (_val(numpr, "numId"), _int(ilvl, 0) if ilvl else None)

    def _style_numpr(self, style: str | None) -> tuple[str | None, int | None]:
        depth = 0
        while style and depth < 20:
            if style in self.style_num:
                return self.style_num[style]
            style = self.style_parent.get(style)
            depth += 1
        return None, None

    def _levels(self, num_id: str) -> tuple[str, dict[int, Level]] | None:
        num = self.nums.get(num_id)
        if num is None or num.abstract not in self.abstracts:
            return None
        levels = dict(self.abstracts[num.abstract])
        levels.update(num.levels)
        return num.abstract, levels

    def marker(self, p: Any) -> str | None:
        """The rendered list marker of paragraph element ``p`` (``一、``), advancing the counters.

        Returns None for a paragraph outside any numbered list, and for bullets.
        """
        ppr = p.find(W + "pPr")
        numpr = ppr.find(W + "numPr") if ppr is not None else None
        style_num, style_ilvl = self._style_numpr(_val(ppr, "pStyle"))
        num_id = _val(numpr, "numId") if numpr is not None else None
        ilvl_text = _val(numpr, "ilvl") if numpr is not None else None
        num_id = num_id if num_id is not None else style_num
        ilvl = _int(ilvl_text, style_ilvl or 0) if ilvl_text is not None else (style_ilvl or 0)
        if not num_id or num_id == "0":
            return None
        found = self._levels(num_id)
        if found is None:
            return None
        abstract, levels = found
        lvl = levels.get(ilvl)
        if lvl is None or not 0 <= ilvl < _LEVELS:
            return None
        counters = self.counters.setdefault(abstract, [None] * _LEVELS)
        starts = self.nums[num_id].starts
        if num_id not in self.seen:
            self.seen.add(num_id)
            if starts:  # a "restart numbering" list: Word makes a new w:num with overrides
                counters[:] = [None] * _LEVELS
        current = counters[ilvl]
        counters[ilvl] = starts.get(ilvl, lvl.start) if current is None else current + 1
        for deeper in range(ilvl + 1, _LEVELS):
            restart = levels[deeper].restart if deeper in levels else None
            if restart is None or (restart != 0 and restart <= ilvl + 1):
                counters[deeper] = None
        if lvl.fmt in ("bullet", "none") and "%" not in lvl.text:
            return None if lvl.fmt == "bullet" else (lvl.text or None)
        text = lvl.text
        for k in range(_LEVELS, 0, -1):
            token = f"%{k}"
            if token not in text:
                continue
            other = levels.get(k - 1, Level())
            value = counters[k - 1]
            if value is None:
                value = starts.get(k - 1, other.start)
            fmt = "decimal" if lvl.legal else other.fmt
            text = text.replace(token, format_number(value, fmt))
        if not text:
            return None
        if lvl.suffix != "nothing" and text[-1].isalnum():
            text += " "  # 第一章 总则: a tab after a marker that ends in a word
        return text
