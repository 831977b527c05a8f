"""Qualifiers of a figure (约, 余, 以上, 不少于 …) and the values a qualified claim allows.

A report rarely says "exactly": 30余人, 近80名, 不少于3次, 95%以上. The qualifier is read
from the words right around the number; ``bounds`` turns it back into the interval of
values the claim allows, so that the checks compare claims rather than bare numbers
(约300人 and 298人 agree; 30余人 and 45人 do not).
"""

from __future__ import annotations

import math
import re

from miner.models import Figure

QUALIFIERS = ("exact", "approx", "more_than", "at_least", "less_than", "at_most", "range")

PREFIX_QUALIFIER: dict[str, str] = {
    "约": "approx",
    "大约": "approx",
    "近": "approx",
    "将近": "approx",
    "接近": "approx",
    "大概": "approx",
    "上": "approx",  # 上千人: only reaches here before a bare 百/千/万
    "超过": "more_than",
    "超出": "more_than",
    "超": "more_than",
    "逾": "more_than",
    "多于": "more_than",
    "高于": "more_than",
    "大于": "more_than",
    "不少于": "at_least",
    "不低于": "at_least",
    "不小于": "at_least",
    "不下": "at_least",
    "至少": "at_least",
    "最少": "at_least",
    "起码": "at_least",
    "不到": "less_than",
    "不足": "less_than",
    "低于": "less_than",
    "少于": "less_than",
    "小于": "less_than",
    "未满": "less_than",
    "不超过": "at_most",
    "不高于": "at_most",
    "不多于": "at_most",
    "不大于": "at_most",
    "最多": "at_most",
    "至多": "at_most",
}
_PREFIX_RE = re.compile(
    "(" + "|".join(sorted(PREFIX_QUALIFIER, key=len, reverse=True)) + ")(?:了|有|为|达)?$"
)
# 至少/最多 may stand before the verb: 每月至少组织1次.
_PREFIX_GAP_RE = re.compile(r"(至少|最少|起码|最多|至多)[\u4e00-\u9fff]{1,4}$")
# 签约3个项目 is exact; 最近3天 is recency, not 近 = nearly.
_NOT_APPROX_BEFORE = {"约": set("签节公制条预邀相契履违合特集简婚"), "近": set("附最邻靠亲临就贴")}
_SUFFIX_RE = re.compile(r"及?(以上|以下|以内|之内|左右|开外|有余)")
_SUFFIX_QUALIFIER = {
    "以上": "at_least",
    "以下": "at_most",
    "以内": "at_most",
    "之内": "at_most",
    "左右": "approx",
    "开外": "more_than",
    "有余": "more_than",
}
# An approximate figure is taken to lie within this share of its value (近80名, 约300人).
APPROX_TOLERANCE = 0.2


def qualifier(
    text: str, start: int, end: int, *, infix: bool, implied: str | None, is_range: bool
) -> str:
    """exact, approx, more_than, at_least, less_than, at_most or range.

    余/多 inside the figure and 超过 before it win over a trailing 以上
    (120余份以上, 超过95%以上 → more_than); 达95%以上 alone is at_least.

    Args:
        text: the article text.
        start: where the figure starts.
        end: where the figure ends.
        infix: 余 or 多 stands between number and unit (30余人).
        implied: the qualifier the written unit implies (3个多月 → more_than).
        is_range: the figure is a range (5至8人, 两三个).

    Example:
        >>> qualifier("约300人", 1, 5, infix=False, implied=None, is_range=False)
        'approx'
    """
    if is_range:
        return "range"
    prefix = _prefix_qualifier(text, start)
    if infix or implied == "more_than" or prefix == "more_than":
        return "more_than"
    if prefix:
        return prefix
    m = _SUFFIX_RE.match(text, end)
    return _SUFFIX_QUALIFIER[m.group(1)] if m else "exact"


def _prefix_qualifier(text: str, start: int) -> str | None:
    """The qualifier word right before the number (约, 不少于 …), if any."""
    lo = max(0, start - 8)
    m = _PREFIX_RE.search(text, lo, start)
    if m:
        word = m.group(1)
        prev = text[m.start() - 1 : m.start()] if m.start() else ""
        if prev in _NOT_APPROX_BEFORE.get(word, ()):
            return None
        if word == "上" and text[start : start + 1] not in ("百", "千", "万", "亿"):
            return None
        return PREFIX_QUALIFIER[word]
    m = _PREFIX_GAP_RE.search(text, lo, start)
    return PREFIX_QUALIFIER[m.group(1)] if m else None


def bounds(figure: Figure) -> tuple[float, float]:
    """The interval of values a figure's claim allows, as ``(low, high)``.

    30余人 allows 30–40 (the next step of its last written digit), 5万多元 50000–60000,
    超过500人 anything above 500, 近80名 64–96 (``APPROX_TOLERANCE``), 不足10人 0–10.
    A range keeps only its lower bound in ``value``, so it allows anything above it.
    Bounds are closed on purpose: the checks use them to find claims that cannot both
    be true, and should rather miss a borderline case than flag one.

    Example:
        >>> from miner.models import Figure
        >>> f = Figure("d", None, "30余人", 30.0, "人", "more_than", None, "", 0, 4)
        >>> bounds(f)
        (30.0, 40.0)
    """
    v = figure.value
    q = figure.qualifier
    if q == "approx":
        return v * (1 - APPROX_TOLERANCE), v * (1 + APPROX_TOLERANCE)
    if q == "more_than":
        if ("余" in figure.raw or "多" in figure.raw) and v >= 1 and v == int(v):
            return v, v + _last_step(int(v))
        return v, math.inf
    if q in ("at_least", "range"):
        return v, math.inf
    if q in ("less_than", "at_most"):
        return 0.0, v
    return v, v


def _last_step(n: int) -> int:
    """The place value of the last non-zero digit: 30 → 10, 1300 → 100, 7 → 1."""
    step = 1
    while n and n % 10 == 0:
        n //= 10
        step *= 10
    return step
