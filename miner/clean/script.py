"""Traditional or simplified: detect the source script, convert to simplified with OpenCC.

Detection counts characters that only exist in one script (what OpenCC's t2s would
change versus what s2t would change), so shared characters never tip the vote.
Conversion keeps a character-to-character offset map: OpenCC's t2s maps phrases
to phrases of the same length for all but a handful of entries, and where a line's
length changes the whole line falls back to its own start offset.
"""

from __future__ import annotations

import re
from functools import cache

from miner.textmap import TextMap


@cache
def _converters() -> tuple[object, object]:
    import opencc

    return opencc.OpenCC("t2s"), opencc.OpenCC("s2t")


@cache
def _script_of(ch: str) -> int:
    """+1 a traditional-only character, -1 simplified-only, 0 shared."""
    t2s, s2t = _converters()
    if t2s.convert(ch) != ch:  # type: ignore[attr-defined]
        return 1
    if s2t.convert(ch) != ch:  # type: ignore[attr-defined]
        return -1
    return 0


@cache
def _script_patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """Character classes of the traditional-only and the simplified-only CJK characters.

    Built once per process from ``_script_of`` over the 20,992 unified ideographs (about
    0.05 s); counting a text's characters with them then runs in C, where asking OpenCC
    about each distinct character of each text did not.
    """
    trad: list[str] = []
    simp: list[str] = []
    for code in range(0x4E00, 0xA000):
        kind = _script_of(chr(code))
        if kind:
            (trad if kind > 0 else simp).append(chr(code))
    return re.compile(f"[{''.join(trad)}]"), re.compile(f"[{''.join(simp)}]")


def detect_script(text: str) -> str:
    """``simplified``, ``traditional`` or ``mixed``.

    Example:
        >>> detect_script("創先爭優活動總結"), detect_script("创先争优活动总结")
        ('traditional', 'simplified')
    """
    trad_only, simp_only = _script_patterns()
    # Most texts hold no traditional-only character: a search stops at the first one and
    # builds no list, where counting them all (findall) cost 8x more on such texts.
    if trad_only.search(text) is None:
        return "simplified"
    trad = len(trad_only.findall(text))
    simp = len(simp_only.findall(text))
    if trad <= 0.02 * simp:
        return "simplified"
    if simp <= 0.05 * trad:
        return "traditional"
    return "mixed"


def simplified(text: str) -> str:
    """Plain-string t2s, for matching rules written in simplified characters."""
    t2s, _ = _converters()
    return t2s.convert(text)  # type: ignore[attr-defined,no-any-return]


def simplified_lines(text: str) -> list[str]:
    """``[simplified(line) for line in text.split("\n")]``, converted in one call.

    OpenCC matches its dictionary's phrases greedily from left to right and no phrase
    holds a line break, so a break is always a segment of its own and each line is
    converted exactly as on its own; one call on the text saves a call per line, which
    cost more than the conversion (tests/clean/test_script.py checks the claim).
    """
    return simplified(text).split("\n")


def to_simplified(tm: TextMap) -> TextMap:
    """Convert a text map to simplified characters, keeping offsets line by line."""
    edits: list[tuple[int, int, str]] = []
    start = 0
    for line, new in zip(tm.text.split("\n"), simplified_lines(tm.text), strict=True):
        end = start + len(line)
        if new != line:  # TextMap.edit keeps per-character offsets when lengths agree
            edits.append((start, end, new))
        start = end + 1
    return tm.edit(edits)
