"""Flags a reader needs before trusting an article: garbled runs, redactions, truncation.

These never change the text; they count and locate, so a user can filter or look.
"""

from __future__ import annotations

import re

from miner.fastre import prefiltered

# Characters that do not belong in Chinese report prose: the replacement character,
# private-use code points, box drawing, bopomofo and Latin-1 letters left by a
# wrong decoding (ㄈ┳嶊P, Ã©).
_GARBLED = re.compile(
    r"[\ufffd\ue000-\uf8ff\u2500-\u257f\u3100-\u312f\u31a0-\u31bf\u00c0-\u00ff\u0080-\u009f]"
)
# Placeholders left where a name or number was blanked out: 党的_、, **克斯, “”,
# and a space where a number should stand before its measure word (安装闭路电视 户).
# Measure words that can follow a number; repair keeps a space before one, since it
# may mark a number the page lost (安装闭路电视 户). Whether it really does is decided
# by ``miner.extract.missing``, which the pipeline adds to the redaction spans.
MEASURE_START = "户名人个家所件项元亩次位条份间台辆株盏座套本张块"
# Placeholders left where a name was blanked out: 党的_、, **克斯, “”.
_REDACTION = prefiltered(re.compile(r"(?<![_＿])[_＿]{1,4}(?![_＿])|\*{2,}|＊{2,}|“”"))
_COMPLETE_END = set("。！？!?…”」』）)】》.;；")


def garbled_spans(text: str) -> list[tuple[int, int]]:
    """Runs of characters that look like decoding debris, as ``(start, end)``.

    Example:
        >>> garbled_spans("确保活动开展ㄈ┳嶊P")
        [(6, 8)]
    """
    spans: list[tuple[int, int]] = []
    for m in _GARBLED.finditer(text):
        if spans and spans[-1][1] == m.start():
            spans[-1] = (spans[-1][0], m.end())
        else:
            spans.append((m.start(), m.end()))
    return spans


def redaction_spans(text: str) -> list[tuple[int, int]]:
    """Placeholders of blanked names (``_``, ``**``, “”), as ``(start, end)``."""
    return [(m.start(), m.end()) for m in _REDACTION.finditer(text)]


def is_truncated(text: str, walled: bool) -> bool:
    """True when the body stops mid-sentence.

    A body that ends without a sentence end mark is cut off when its last line is
    prose (long), or when a download or pay wall followed it on the page; a short
    last line (a signature, a date, a list item) is a normal ending.
    """
    body = text.rstrip()
    if not body:
        return False
    if body[-1] in _COMPLETE_END:
        return False
    last_line = body.rsplit("\n", 1)[-1]
    if walled:
        return True
    return len(last_line) >= 40 and body[-1] in "，,、" + "的了和与及在对把为是"
