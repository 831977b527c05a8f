"""Undo the commonest Chinese mojibake: GBK/GB18030 bytes that were read as Latin-1.

A page saved by a tool that assumed Latin-1 (or Windows-1252) for GBK bytes and then
wrote UTF-8 shows runs like ``¸ü¶à¾«Ð£`` for 更多精校. The bytes are still all there,
so the repair is exact: encode each such run back to its single-byte code page and
decode it as GB18030, keeping the result only when it decodes cleanly and reads as
Chinese. UTF-8 read as GBK with replacement characters (锟斤拷, �) lost bytes and
cannot be repaired; it is counted in ``garbled_chars`` instead.
"""

from __future__ import annotations

import re

# Latin-1 supplement plus the cp1252 extras that mojibake of 0x80–0x9F produces.
_RUN = re.compile(
    r"[\u0080-\u00ff\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc\u2013\u2014\u2018-\u201e\u2020-\u2022\u2026\u2030\u2039\u203a\u20ac\u2122]{2,}"
)
_HAN = re.compile(r"[\u4e00-\u9fff\u3000-\u303f\uff00-\uffef]")


def _undo(run: str) -> str | None:
    for codec in ("latin-1", "cp1252"):
        try:
            raw = run.encode(codec)
        except UnicodeEncodeError:
            continue
        try:
            fixed = raw.decode("gb18030")
        except UnicodeDecodeError:
            continue
        if len(_HAN.findall(fixed)) >= 0.8 * len(fixed):
            return fixed
    return None


def repair_mojibake(text: str) -> tuple[str, int]:
    """Repair Latin-1 mojibake of GB18030 text; returns the text and how many runs were fixed.

    Only texts where such runs are most of the non-ASCII characters are touched, so a
    page that merely quotes a few accented letters is left as it is.

    Example:
        >>> repair_mojibake("¸ü¶à¾«Ð£Ð¡Ëµ")
        ('更多精校小说', 1)
    """
    runs = list(_RUN.finditer(text))
    if not runs:
        return text, 0
    non_ascii = len(text) - len(text.encode("ascii", errors="ignore"))  # C speed: —— is common
    if sum(m.end() - m.start() for m in runs) < 0.6 * non_ascii:
        return text, 0
    fixed = 0
    parts: list[str] = []
    pos = 0
    for m in runs:
        repl = _undo(m.group())
        if repl is None:
            continue
        parts.append(text[pos : m.start()])
        parts.append(repl)
        pos = m.end()
        fixed += 1
    parts.append(text[pos:])
    return "".join(parts), fixed
