"""The document's own date and the year it reports on.

The date is the one a heading or signature line carries (（2011年12月26日）, 二〇一一年十二月
二十六日 under a signature), never a date in the body's narrative: site publishing dates were
removed by cleaning, and a body date says when something happened, not when the report was
written. The year covered comes from the title (2011年工作总结), else from the date; 今年 in the
body therefore resolves to the date's year, and 20XX placeholders give no year.

Example:
    >>> date_and_year("……\\n中共某县委组织部\\n二〇一一年十二月二十六日", "工作总结")
    ('2011-12-26', 2011)
"""

from __future__ import annotations

import re

_DIGIT = {"〇": 0, "○": 0, "零": 0, "O": 0, "一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6,
          "七": 7, "八": 8, "九": 9}  # fmt: skip
_CN = "〇○零O一二三四五六七八九十"
_DATE = re.compile(r"((?:19|20)\d{2})\s*年\s*(\d{1,2})\s*月\s*(?:(\d{1,2})\s*日)?")
_CN_DATE = re.compile(rf"([{_CN}]{{4}})\s*年\s*([{_CN}]{{1,3}})\s*月\s*(?:([{_CN}]{{1,3}})\s*日)?")
_YEAR = re.compile(r"((?:19|20)\d{2})\s*年")
# Shapes other stages share, placeholders (20xx年x月x日) and Chinese numerals included:
# a line that is nothing but a date (a signature or heading date, maybe in brackets) …
DATE_LINE = re.compile(
    rf"[（(]?\s*(?:19|20|二〇|二0)[\d{_CN}xX]{{2}}\s*年(?:[\d{_CN}xX]{{1,2}}月"
    rf"(?:[\d{_CN}xX]{{1,3}}日)?)?\s*[)）]?"
)
# … and a year with its month anywhere in a line, the mark of a dated signature or item.
YEAR_MONTH = re.compile(rf"(?:19|20|二〇)[\d{_CN}xX]{{2}}\s*年\s*[\d{_CN}xX]{{1,3}}\s*月")
MAX_DATE_LINE = 40  # a heading or signature line is short; longer lines are narrative
EDGE_LINES = 3  # lines looked at from the top and from the bottom


def _cn_number(text: str) -> int | None:
    """一 … 三十一 as an int; None when it is not a small Chinese number."""
    if "十" in text:
        tens, _, ones = text.partition("十")
        t = _DIGIT.get(tens, -1) if tens else 1
        o = _DIGIT.get(ones, -1) if ones else 0
        return None if t < 0 or o < 0 else t * 10 + o
    if len(text) == 1 and text in _DIGIT:
        return _DIGIT[text]
    return None


# A date followed by these opens a period or a deadline (2023年1月20日前, …日起, …日—…日):
# a notice's terms, not the day the document was signed.
_PERIOD_AFTER = re.compile(r"\s*[（(]?[^）)]{0,4}[）)]?\s*(?:前|起|止|至|到|—|－|-|~|～|截止)")


def find_date(line: str) -> str | None:
    """A date in Arabic or Chinese numerals on one line, as ``YYYY-MM-DD`` or ``YYYY-MM``."""
    m = _DATE.search(line)
    if m and _PERIOD_AFTER.match(line, m.end()):
        return None
    if m:
        y, mo, d = m.group(1), int(m.group(2)), m.group(3)
        if 1 <= mo <= 12:
            return f"{y}-{mo:02d}-{int(d):02d}" if d else f"{y}-{mo:02d}"
    c = _CN_DATE.search(line)
    if c and _PERIOD_AFTER.match(line, c.end()):
        return None
    if c and all(ch in _DIGIT for ch in c.group(1)):
        y = "".join(str(_DIGIT[ch]) for ch in c.group(1))
        mo_n = _cn_number(c.group(2))
        d_n = _cn_number(c.group(3)) if c.group(3) else None
        if y[:2] in ("19", "20") and mo_n and 1 <= mo_n <= 12:
            return f"{y}-{mo_n:02d}-{d_n:02d}" if d_n else f"{y}-{mo_n:02d}"
    return None


def date_and_year(text: str, title: str | None) -> tuple[str | None, int | None]:
    """The document's date (a short line at its top or bottom) and the year it covers."""
    date: str | None = None
    lines = [ln.strip() for ln in text.splitlines() if ln.strip()]
    for line in lines[:EDGE_LINES] + lines[-EDGE_LINES:][::-1]:
        if len(line) <= MAX_DATE_LINE:
            date = find_date(line)
            if date:
                break
    year: int | None = None
    ym = _YEAR.search(title or "")
    if ym:
        year = int(ym.group(1))
    elif date:
        year = int(date[:4])
    return date, year
