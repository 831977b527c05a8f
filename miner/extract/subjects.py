"""The subject of a figure: what is counted or spent (投入资金21.6万元 → 资金).

Counters (名, 个, 次) usually precede their noun (1名大学生村官, 34个基层支部); amounts
follow it (资金21.6万元). Only the clause around the figure is tagged, so the cost of a
subject does not grow with the sentence.
"""

from __future__ import annotations

import re
from collections.abc import Container, Sequence

from miner.segment import Sentence
from miner.segment.words import tag_pairs

# jieba's "habitual phrase" tag l is left out: it marks 困难户 and 粮食产量, but as
# often idioms and verb phrases (毫不相干, 价格上涨), which would make poor subjects.
_NOUN_TAGS = frozenset({"n", "nr", "ns", "nt", "nz", "nl", "ng", "nrt", "nrfg", "vn", "j", "an"})
_SKIP_TAGS = frozenset({"d", "p", "u", "ul", "uz", "ug", "ud", "uv"})
# Light words between a noun and its number (资金共计21.6万元, 投入资金达46万元).
_SKIP_WORDS = frozenset(
    "共 共计 累计 合计 总计 计 达 达到 高达 多达 约 近 将近 大约 为 有 了 是 仅 只有 已 已达 "
    "超过 逾 投入 发放 新增 增加 减少 出动 完成 实现 不少于 不低于 至少 不到 不足 低于 少于 "
    "不超过 最多".split()
)
# Measure words that count things: the counted noun usually follows (配备1名大学生村官).
_COUNT_CLASSES = frozenset({"people", "count", "items", "events"})
_CLAUSE_MARKS = "，,、；;：:。！？!?\n（(）)“”《》"
_CLAUSE_MARK = re.compile(f"[{re.escape(_CLAUSE_MARKS)}]")
_WINDOW = 20  # characters of context tagged on each side, at most
# A noun phrase after the unit stops early: 660名党员干部积极行动 → 党员干部 (jieba tags
# 积极行动 as a noun). Five characters keep 大学生村官 and 优秀共产党员 whole enough.
_AFTER_MAX = 5
_NOT_SUBJECT = frozenset({"全部", "全体", "所有", "以上", "以下", "左右", "总数", "其中"})


def find_subject(
    text: str,
    start: int,
    end: int,
    unit_class: str | None,
    sent: Sentence | None,
    units: Container[str],
) -> str | None:
    """What a figure counts: the noun phrase after a counter, or the one before an amount.

    Args:
        text: the article text.
        start: where the figure starts.
        end: where the figure ends.
        unit_class: the class of the figure's unit (people, money …).
        sent: the sentence holding the figure, which bounds the context.
        units: the measure words, which are never a subject themselves (培训2期150人:
            期 belongs to the previous figure).

    Example:
        >>> find_subject("全镇有党员2563名。", 5, 10, "people", None, {"名"})
        '党员'
    """
    lo = max(start - _WINDOW, sent.start if sent else 0)
    hi = min(end + _WINDOW, sent.end if sent else len(text))
    # The clause: from just past the last mark before the figure to the first one after it.
    lo = start - len(_CLAUSE_MARK.split(text[lo:start])[-1])
    hi = end + len(_CLAUSE_MARK.split(text[end:hi], 1)[0])
    # Words wholly before the figure and wholly after it (the tokens tile the clause), as
    # (word, tag) pairs: building a Token for each word cost more than the tagging itself.
    before: list[tuple[str, str]] = []
    after: list[tuple[str, str]] = []
    head, tail = start - lo, end - lo
    pos, after_at = 0, -1
    for word, flag in tag_pairs(text[lo:hi]):
        word_end = pos + len(word)
        if word_end <= head:
            before.append((word, flag))
        elif pos >= tail:
            if not after:
                after_at = pos
            after.append((word, flag))
        pos = word_end
    if after and after_at != tail:
        after = []  # the unit merged with the next word (个人): no clean boundary
    if unit_class in _COUNT_CLASSES:
        return _noun_after(after, units) or _noun_before(before, units)
    return _noun_before(before, units) or _noun_after(after, units)


def _noun_before(tokens: Sequence[tuple[str, str]], units: Container[str]) -> str | None:
    """Nouns ending right before the number, past light words (共, 达, 投入, 了).

    ``tokens`` are (word, tag) pairs. A 的 in between means the noun only modifies
    (村河西的120亩土地): no subject.
    """
    i = len(tokens) - 1
    skipped = 0
    while i >= 0 and skipped < 3 and (tokens[i][1] in _SKIP_TAGS or tokens[i][0] in _SKIP_WORDS):
        i -= 1
        skipped += 1
    if i >= 0 and tokens[i][0] == "的":
        return None
    words: list[str] = []
    while i >= 0 and len(words) < 3 and tokens[i][1] in _NOUN_TAGS:
        if not _may_be_subject(tokens[i][0], units):
            break
        words.insert(0, tokens[i][0])
        i -= 1
    return "".join(words)[-12:] or None


def _noun_after(tokens: Sequence[tuple[str, str]], units: Container[str]) -> str | None:
    """Nouns right after the unit, one leading adjective allowed (优秀共产党员).

    ``tokens`` are (word, tag) pairs.
    """
    adjective = len(tokens) > 1 and tokens[0][1] in ("a", "b") and tokens[1][1] in _NOUN_TAGS
    i = 1 if adjective else 0
    words = [word for word, _ in tokens[:i]]
    nouns = 0
    while i < len(tokens) and tokens[i][1] in _NOUN_TAGS and _may_be_subject(tokens[i][0], units):
        if nouns and len("".join(words)) + len(tokens[i][0]) > _AFTER_MAX:
            break
        words.append(tokens[i][0])
        nouns += 1
        i += 1
    return "".join(words)[:12] if nouns else None


def _may_be_subject(word: str, units: Container[str]) -> bool:
    return word not in _NOT_SUBJECT and word not in units
