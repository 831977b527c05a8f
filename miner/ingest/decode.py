"""Bytes to text for Chinese pages, with the encoding recorded.

Detectors alone are not trusted: chardet calls GB18030 text "GB2312" and then
fails to decode characters like 镕 or 堃, and charset-normalizer sometimes picks
a single-byte code page for short GBK files. So the order is fixed: a BOM wins;
then strict UTF-8 (a UTF-8 file almost never decodes by accident); then the
Chinese legacy encodings, each checked for being plausible Chinese; then
charset-normalizer as a last opinion. GB2312 and GBK are always read as their
superset GB18030.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_SUPERSET = {"gb2312": "gb18030", "gbk": "gb18030", "cp936": "gb18030", "big5hkscs": "big5"}
_CJK = re.compile(r"[\u4e00-\u9fff\u3000-\u303f\uff00-\uffef]")
_ODD = re.compile(r"[\u0080-\u024f\u0370-\u03ff\u0400-\u04ff\ue000-\uf8ff\ufffd]")
# The 500 or so most frequent characters of report prose; real Chinese text draws
# most of its characters from them, mis-decoded bytes rarely do.
_COMMON = frozenset(
    "的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产"
    "种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业"
    "本去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反你明看原又么利"
    "比或但质气第向道命此变条只没结解问意建月公无系军很情者最立代想已通并提直题党程展五果料象员革位入常文"
    "总次品式活设及管特件长求老头基资边流路级少图山统接知较将组见计别她手角期根论运农指几九区强放决西被干"
    "做必战先回则任取据处队南给色光门即保治北造百规热领七海口东导器压志世金增争济阶油思术极交受联什认六共"
    "权收证改清己美再采转更单风切打白教速花带安场身车例真务具万每目至达走积示议声报斗完类八离华名确才科张"
    "信马节话米整空元况今集温传土许步群广石记需段研界拉林律叫且究观越织装影算低持音众书布复容儿须际商非验"
    "连断深难近矿千周委素技备半办青省列习响约支般史感劳便团往酸历市克何除消构府称太准精值号率族维划选标写"
    "存候毛亲快效斯院查江型眼王按格养易置派层片始却专状育厂京识适属圆包火住调满县局照参红细引听该铁价严乡"
    "镇村街社校镇站站点宣传服务开展活动建设工作领导干部组织群众远程培训落实加强推进创优争先"
)


@dataclass(frozen=True, slots=True)
class Decoded:
    """Decoded text with the encoding recorded in ``documents.encoding``.

    ``codec`` is the exact Python codec that produced the text (``utf-16-le``,
    ``utf-8-sig`` …), so the rest of a stream sniffed from its first bytes can be
    decoded the same way; ``encoding`` is the normalised name users see.
    """

    text: str
    encoding: str
    bad_bytes: int
    codec: str = ""

    def __post_init__(self) -> None:
        if not self.codec:
            object.__setattr__(self, "codec", self.encoding)


def _plausibility(text: str) -> float:
    """Share of characters that look like Chinese report prose (0..1)."""
    sample = text[:20000]
    if not sample:
        return 0.0
    cjk = len(_CJK.findall(sample))
    common = sum(map(_COMMON.__contains__, sample))  # no Python frame per character
    odd = len(_ODD.findall(sample))
    ascii_print = len(_ASCII_PRINT.findall(sample))
    han = cjk or 1
    return (common / han) * (cjk + ascii_print) / len(sample) - odd / len(sample)


_ASCII_PRINT = re.compile(r"[ -~\r\n\t]")
_TEXTLIKE = re.compile(
    r"[\t\n\r -~\u00a0-\u00ff\u2000-\u206f\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]"
)


def looks_like_text(text: str) -> bool:
    """Whether a decoded sample is mostly ASCII, Chinese and their punctuation."""
    sample = text[:4000]
    return bool(sample) and len(_TEXTLIKE.findall(sample)) / len(sample) >= 0.9


def _strict(data: bytes, encoding: str) -> str | None:
    try:
        return data.decode(encoding)
    except (UnicodeDecodeError, LookupError):
        return None


def wide_codec(data: bytes) -> str | None:
    """The UTF-16 codec of text without a BOM, told by where its NUL bytes fall.

    An ASCII character in UTF-16 has a NUL high byte, at odd offsets (little-endian)
    or even ones (big-endian); NULs in a byte-oriented text file, or in binary data,
    fall on both. The reading must also look like text. Text of Chinese characters
    only has no NULs and cannot be told from other bytes without a BOM.
    """
    if data[:2] in (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE):
        return "utf-16"
    head = data[:4000]
    head = head[: len(head) // 2 * 2]
    even, odd = head[0::2].count(0), head[1::2].count(0)
    if odd > 4 * even:
        codec = "utf-16-le"
    elif even > 4 * odd:
        codec = "utf-16-be"
    else:
        return None
    return codec if looks_like_text(head.decode(codec, errors="replace")) else None


def _normalise_name(name: str) -> str:
    name = name.lower().replace("_", "-")
    name = {"utf-8-sig": "utf-8", "utf-16-le": "utf-16", "utf-16-be": "utf-16"}.get(name, name)
    return _SUPERSET.get(name.replace("-", ""), _SUPERSET.get(name, name))


def decode_bytes(data: bytes, declared: str | None = None) -> Decoded:
    """Decode a page, never raising; undecodable bytes are replaced and counted.

    Args:
        data: the raw bytes.
        declared: an encoding the container declares (an HTML meta charset); used
            only if it decodes the bytes cleanly.

    Example:
        >>> decode_bytes("镕基".encode("gb18030")).encoding
        'gb18030'
    """
    for bom, name in _BOMS:
        if data.startswith(bom):
            text = data.decode(name, errors="replace")
            return Decoded(text.lstrip("\ufeff"), _normalise_name(name), text.count("\ufffd"), name)
    return decode_line(data, declared)


def decode_line(data: bytes, declared: str | None = None) -> Decoded:
    """``decode_bytes`` without the BOM check, for a line inside a file.

    A BOM only means something at a file's start; inside, bytes like ``FF FE`` are
    damage, not a switch to UTF-16.
    """
    if declared:
        enc = _SUPERSET.get(declared.lower().replace("-", ""), declared.lower())
        as_declared = _strict(data, enc)
        if as_declared is not None:
            return Decoded(as_declared, _normalise_name(enc), 0, enc)
    # Before UTF-8: UTF-16 text of ASCII and CJK is often valid UTF-8 too (NULs and
    # letters), and no UTF-8 text has NUL bytes.
    wide = wide_codec(data) if b"\x00" in data[:4000] else None
    if wide:
        as_wide = data.decode(wide, errors="replace")
        return Decoded(as_wide, "utf-16", as_wide.count("\ufffd"), wide)
    as_utf8 = _strict(data, "utf-8")
    if as_utf8 is not None:
        return Decoded(as_utf8, "utf-8", 0)
    cut = _cut_utf8(data)
    if cut is not None:
        return cut
    mixed = _line_by_line(data)
    if mixed is not None:
        return mixed
    candidates: list[tuple[float, str, str]] = []
    for enc in ("gb18030", "big5"):
        legacy = _strict(data, enc)
        if legacy is not None:
            candidates.append((_plausibility(legacy), enc, legacy))
    if candidates:
        score, enc, legacy = max(candidates)
        if score > 0.3:
            return Decoded(legacy, enc, 0)
    guess = _detector_guess(data)
    if guess:
        guessed = _strict(data, guess)
        if guessed is not None and _plausibility(guessed) > 0.2:
            return Decoded(guessed, _normalise_name(guess), 0, guess)
    # Nothing decodes cleanly: choose the reading that keeps the most Chinese.
    best: Decoded | None = None
    for enc in ("utf-8", "gb18030", "big5"):
        text = data.decode(enc, errors="replace")
        bad = text.count("\ufffd")
        cand = Decoded(text, enc, bad)
        if best is None or (_plausibility(text), -bad) > (
            _plausibility(best.text),
            -best.bad_bytes,
        ):
            best = cand
    assert best is not None
    return best


def _cut_utf8(data: bytes) -> Decoded | None:
    """UTF-8 whose only flaw is a character cut off at the end (a truncated download)."""
    try:
        data.decode("utf-8")
    except UnicodeDecodeError as exc:  # raised at the first flaw: all before it is valid
        if exc.end < len(data) or len(data) - exc.start > 3:
            return None
        return Decoded(data[: exc.start].decode("utf-8") + "\ufffd", "utf-8", len(data) - exc.start)
    return None


def _is_utf8_chinese(line: bytes) -> bool:
    text = _strict(line, "utf-8")
    return text is not None and len(_CJK.findall(text)) >= 2 and looks_like_text(text)


def _line_by_line(data: bytes) -> Decoded | None:
    """A file of two encodings (a UTF-8 page with a pasted GBK paragraph), line by line.

    Legacy encodings would read the whole file without error and turn its UTF-8 lines
    into mojibake (浠婂勾), so the file is read line by line as soon as one line of
    Chinese is valid UTF-8, which GB18030 and Big5 lines practically never are: such
    lines are UTF-8, every other line is decoded on its own. ``encoding`` names the
    encodings used, joined by ``+`` in order of first use (``utf-8+gb18030``).
    """
    lines = data.splitlines(keepends=True)
    if len(lines) < 2 or not any(not ln.isascii() and _is_utf8_chinese(ln) for ln in lines):
        return None
    parts: list[str] = []
    used: dict[str, None] = {}
    bad = 0
    for line in lines:
        as_utf8 = _strict(line, "utf-8")
        if as_utf8 is not None:
            parts.append(as_utf8)
            if not line.isascii():
                used["utf-8"] = None
            continue
        got = decode_line(line)
        parts.append(got.text)
        used[got.encoding] = None
        bad += got.bad_bytes
    return Decoded("".join(parts), "+".join(used), bad, "utf-8")


def _detector_guess(data: bytes) -> str | None:
    from charset_normalizer import from_bytes

    match = from_bytes(data[:200_000]).best()
    if match is None:
        return None
    return _SUPERSET.get(match.encoding.replace("_", ""), match.encoding)
