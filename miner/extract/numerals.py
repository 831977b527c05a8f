"""Numbers as reports write them: Arabic (1,200 / 21.6 / full-width １２), Chinese (一千三百零八).

Only isolated numeral strings come here: the figure grammar in ``figures.py`` finds
them and decides whether they state a quantity. ``cn2an.transform`` is avoided on
purpose; it rewrites running text (两学一做 → 两学1做) and merges approximate pairs
(两三个 → 23个). Parsing a numeral that a regex already isolated is simple enough to
do here without the dependency.
"""

from __future__ import annotations

# Character classes shared with the figure regex, so both agree on what a numeral is.
AR_DIGIT = "0-9０-９"
CN_DIGITS = "零〇一二两三四五六七八九"
CN_UNITS = "十百千万亿"
CN_NUMERAL = CN_DIGITS + CN_UNITS

# Regex fragments (no groups) for one Arabic number: thousands commas or a plain run,
# then an optional decimal part. A comma group must be exactly three digits, so a
# list "3,12" is never read as one number. Government pages write the separator as a
# full-width comma (903，065，000元); on ../shared's real corpus nearly every digit
# group after a full-width comma followed by a unit was such a separator, not a list.
ARABIC_RE = (
    rf"(?:[{AR_DIGIT}]{{1,3}}(?:[,，][{AR_DIGIT}]{{3}}(?![{AR_DIGIT}]))+|[{AR_DIGIT}]+)"
    rf"(?:[.．][{AR_DIGIT}]+)?"
)
# The longest real numeral (一千二百三十四亿五千六百七十八万九千零一十二) has 22 characters;
# an unbounded run made the figure regex quadratic on a line of 一 or 万.
CHINESE_RE = f"[{CN_NUMERAL}]{{1,24}}"

_DIGIT_VALUE = {
    "零": 0,
    "〇": 0,
    "一": 1,
    "二": 2,
    "两": 2,
    "三": 3,
    "四": 4,
    "五": 5,
    "六": 6,
    "七": 7,
    "八": 8,
    "九": 9,
}
_SMALL = {"十": 10, "百": 100, "千": 1000}
_BIG = {"万": 10_000, "亿": 100_000_000}
_MULTIPLIER = {"十": 10, "百": 100, "千": 1000, "万": 10_000, "亿": 100_000_000}
_FULLWIDTH = str.maketrans("０１２３４５６７８９．", "0123456789.")


def parse_arabic(text: str) -> float:
    """Value of an Arabic numeral string with optional thousands commas.

    Example:
        >>> parse_arabic("1,200"), parse_arabic("２１．６"), parse_arabic("3，500")
        (1200.0, 21.6, 3500.0)
    """
    return float(text.translate(_FULLWIDTH).replace(",", "").replace("，", ""))


def multiplier(text: str | None) -> int:
    """Scale of a multiplier written after an Arabic number: 万 → 10000, 千万 → 10^7.

    Example:
        >>> multiplier("万"), multiplier("千万"), multiplier(None)
        (10000, 10000000, 1)
    """
    scale = 1
    for ch in text or "":
        scale *= _MULTIPLIER[ch]
    return scale


def parse_chinese(text: str) -> float | None:
    """Value of a Chinese numeral, or None when the string is not one well-formed number.

    Handles 十/百/千 inside 万/亿 sections, a leading 十 (十五 = 15), 零 gaps
    (一千三百零八) and the spoken tail (一百五 = 150, 三万五 = 35000). Two digits in a
    row (二〇一一, 三五) are not one number; ``parse_pair`` reads the rough pairs.

    Example:
        >>> parse_chinese("一千三百零八"), parse_chinese("三万二千"), parse_chinese("十")
        (1308.0, 32000.0, 10.0)
        >>> parse_chinese("二〇一一") is None
        True
    """
    if not text or text[0] in "零〇":
        return None
    total = 0
    section = 0
    number: int | None = None
    last_small = 0  # the last 十/百/千 of this 万-section: they must fall (千 > 百 > 十)
    last_unit = 0
    zero_seen = False
    for ch in text:
        if ch in _DIGIT_VALUE:
            if number:
                return None
            value = _DIGIT_VALUE[ch]
            zero_seen = zero_seen or value == 0
            number = value
        elif ch in _SMALL:
            unit = _SMALL[ch]
            if last_small and unit >= last_small:
                return None
            section += (number or 1) * unit
            number, last_small, last_unit, zero_seen = None, unit, unit, False
        elif ch in _BIG:
            big = _BIG[ch]
            section += number or 0
            if big == 100_000_000:
                total = (total + section or 1) * big  # 一万亿: the 万 part is scaled again
            else:
                total += (section or 1) * big
            section, number, last_small, last_unit, zero_seen = 0, None, 0, big, False
        else:
            return None
    if number:
        # 一百五 = 150 and 三万五 = 35000: a digit right after a unit of 百 or more, no 零.
        section += number * last_unit // 10 if last_unit >= 100 and not zero_seen else number
    return float(total + section)


def chinese_digits(text: str) -> str:
    """Digit-by-digit reading of a Chinese digit string, for decimals: 七八 → "78".

    Example:
        >>> chinese_digits("零五")
        '05'
    """
    return "".join(str(_DIGIT_VALUE[ch]) for ch in text if ch in _DIGIT_VALUE)


def parse_pair(text: str) -> float | None:
    """Lower bound of an approximate pair: 两三 → 2, 三五 → 3, 七八十 → 70.

    Reports write a rough count as two neighbouring digits (两三个, 三四十人); the
    figure keeps the lower one with qualifier ``range``.

    Example:
        >>> parse_pair("两三"), parse_pair("七八十"), parse_pair("二〇")
        (2.0, 70.0, None)
    """
    if len(text) not in (2, 3):
        return None
    a, b = _DIGIT_VALUE.get(text[0]), _DIGIT_VALUE.get(text[1])
    if not a or not b or not (b == a + 1 or (a, b) == (3, 5)):
        return None
    if len(text) == 3:
        if text[2] not in _MULTIPLIER:
            return None
        return float(a * _MULTIPLIER[text[2]])
    return float(a)
