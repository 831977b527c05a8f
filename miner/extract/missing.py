"""Measure words whose number is gone: 安装闭路电视 户, 对…和名站所负责人, 白庙村亩河滩地.

Templates and careless copying leave a measure word where a number was blanked or
never filled in. A measure word without a number is ordinary Chinese in many places
(是名运动员, 专业户, 亩产, 车位), so three narrow shapes are accepted, each checked on
``../shared/corpus/real`` (2,435 texts) for what it wrongly catches:

1. a gap: a measure word that stands alone after a space (电视 户。, 路灯 盏), unless the
   space splits a word (省 份, 报 名) or spaces out single characters (姓 名 职 务);
   surnames and pronoun-like characters (张, 本, 家, 所 …) are not read as measure words;
2. an area unit with no number before it (村亩河滩地, 面积平方米的), unless it is a
   rate (亩产, 亩均) or part of another unit (英亩, 公亩);
3. 名 as its own word right after a conjunction or a verb (干部和名站所负责人,
   组织名党员), except after 是/当/做 …, where spoken Chinese drops 一 (曾是名运动员).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from miner.segment import Token, tag
from miner.segment.words import dictionary_version

_CJK = "\u4e00-\u9fff"
# Characters that may stand before a measure word in place of a number.
_QUANTITY_CHARS = frozenset(
    "0123456789０１２３４５６７８９零〇一二两三四五六七八九十百千万亿几数多余半每各这那该此"
    "本某哪全整上下首单双俩仨第"
)
# White space between two CJK characters. The look-behind follows the first space
# rather than opening the pattern, so the regex engine skips ahead to spaces.
_GAP = re.compile(rf"[ \u3000\u00a0](?<=[{_CJK}][ \u3000\u00a0])[ \u3000\u00a0]*(?=[{_CJK}])")
_GAP_UNITS = sorted(
    (
        "户 名 人 人次 个 位 件 项 元 万元 亿元 亩 平方米 公顷 公里 次 场 场次 条 份 台 辆 株 盏 "
        "座 套 篇 期 间 处 批 种 吨"
    ).split(),
    key=len,
    reverse=True,
)
_FOLLOW_OK = frozenset("。，；、！？,;：:")
_AREA = re.compile("亩|平方米|公顷")
_NOT_AFTER_AREA = frozenset("产均栽收数效益增用施")  # 亩产, 亩均: per-mu rates
_NOT_BEFORE_AREA = frozenset("英公田市")  # 英亩, 公亩, 田亩, 市亩
_NAME_WORD = re.compile("名")
_CONJUNCTIONS = frozenset({"和", "及", "与", "以及", "、", "或", "同"})
_COPULAS = frozenset({"是", "当", "做", "作", "成为", "作为", "为", "有", "像", "如", "叫", "算"})
_CONTEXT = 8  # characters tagged on each side of a candidate


@dataclass(frozen=True, slots=True)
class MissingNumber:
    """A measure word with no number before it."""

    start: int  # where the measure word starts
    end: int
    unit: str
    shape: str  # "gap", "area" or "after_word"


def missing_numbers(text: str) -> list[MissingNumber]:
    """Every measure word in ``text`` whose number seems to be missing, in text order.

    Example:
        >>> [(m.unit, m.shape) for m in missing_numbers("投资14万元安装闭路电视 户。")]
        [('户', 'gap')]
    """
    return list(_remembered(text, dictionary_version()))


@lru_cache(maxsize=16)  # a compilation page holds up to ten or so articles
def _remembered(text: str, version: int) -> tuple[MissingNumber, ...]:
    """``missing_numbers`` of the last few texts, per segmenter dictionary.

    The pipeline asks twice for each article, once for its ``redactions`` and once for
    the ``missing_number`` check; the second answer is the first one's, at no cost.
    """
    found = [*_gaps(text), *_areas(text), *_after_words(text)]
    seen: set[int] = set()
    out: list[MissingNumber] = []
    for m in sorted(found, key=lambda m: (m.start, m.shape)):
        if m.start not in seen:
            seen.add(m.start)
            out.append(m)
    return tuple(out)


def _gaps(text: str) -> list[MissingNumber]:
    """A measure word standing alone after a space: 安装闭路电视 户。"""
    out: list[MissingNumber] = []
    for m in _GAP.finditer(text):
        at, before = m.end(), m.start()
        unit = next((u for u in _GAP_UNITS if text.startswith(u, at)), None)
        if unit is None or text[before - 1] in _QUANTITY_CHARS:
            continue
        follow = text[at + len(unit) : at + len(unit) + 1]
        if not follow or not (_is_cjk(follow) or follow in _FOLLOW_OK):
            continue
        if before < 2 or not _is_cjk(text[before - 2]):
            continue  # 姓 名 职 务: single characters spaced out, a form label
        if _splits_word(text, before, at, unit):
            continue  # 省 份, 报 名: the space split a word
        token, _ = _token_at(text, at)
        if token is not None and token.text == unit and token.tag in ("q", "m"):
            out.append(MissingNumber(at, at + len(unit), unit, "gap"))
    return out


def _areas(text: str) -> list[MissingNumber]:
    """An area unit with no number: 白庙村亩河滩地, 水域面积平方米的."""
    out: list[MissingNumber] = []
    for m in _AREA.finditer(text):
        prev = text[m.start() - 1 : m.start()]
        if not prev or not _is_cjk(prev) or prev in _QUANTITY_CHARS or prev in _NOT_BEFORE_AREA:
            continue
        if text[m.end() : m.end() + 1] in _NOT_AFTER_AREA:
            continue
        out.append(MissingNumber(m.start(), m.end(), m.group(), "area"))
    return out


def _after_words(text: str) -> list[MissingNumber]:
    """名 as its own word after a conjunction or a verb: 干部和名站所负责人."""
    out: list[MissingNumber] = []
    for m in _NAME_WORD.finditer(text):
        prev = text[m.start() - 1 : m.start()]
        if not prev or not _is_cjk(prev) or prev in _QUANTITY_CHARS:
            continue
        if not _is_cjk(text[m.end() : m.end() + 1]):
            continue
        token, before = _token_at(text, m.start())
        if token is None or token.text != "名" or token.tag != "q" or before is None:
            continue
        verb = before.tag.startswith("v") and before.text not in _COPULAS
        if before.text in _CONJUNCTIONS or verb:
            out.append(MissingNumber(m.start(), m.end(), "名", "after_word"))
    return out


def _token_at(text: str, pos: int) -> tuple[Token | None, Token | None]:
    """The token starting at ``pos`` and the one before it, tagged in a small window."""
    lo = max(0, pos - _CONTEXT)
    tokens = tag(text[lo : pos + _CONTEXT])
    for i, t in enumerate(tokens):
        if t.start + lo == pos:
            return t, tokens[i - 1] if i else None
    return None, None


def _splits_word(text: str, before: int, at: int, unit: str) -> bool:
    """True when a space at ``before``…``at`` cuts one word in two (省 份, 报 名).

    A word of two or more characters ending at the space (电视 户, 路灯 盏) is whole,
    even where its last character and the measure word also make a word (灯盏).
    """
    left = tag(text[max(0, before - _CONTEXT) : before])
    if left and len(left[-1].text) >= 2:
        return False
    joined = text[max(0, before - 2) : before] + text[at : at + len(unit) + 2]
    boundary = min(2, before)
    return any(t.start < boundary < t.end for t in tag(joined))


def _is_cjk(ch: str) -> bool:
    return "\u4e00" <= ch <= "\u9fff"
