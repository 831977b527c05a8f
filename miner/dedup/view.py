"""The form copies are compared in, with a map back to the article's own offsets.

Copies differ in punctuation, width, spacing and figures (21.6万元 → 30万元) without
ceasing to be copies, so matching ignores all of that: NFKC, lower case, Chinese
characters, Latin letters and digits only, every run of digits as one ``0``. The
offset map lets every span found in the view (a shared passage, a template
paragraph) be reported in ``documents.text`` coordinates.

The common case is vectorised over code points; only text that is not already NFKC
(full-width letters the repair stage missed, compatibility ideographs) takes the
per-character path.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from dataclasses import dataclass

import numpy as np

_ZERO = ord("0")


@dataclass(frozen=True, slots=True)
class MatchView:
    """A normalised view of a text.

    View character ``i`` was made from source characters ``starts[i]:ends[i]``: one
    character, or a whole run of digits (21.6 → 0).
    """

    text: str
    starts: np.ndarray  # int64
    ends: np.ndarray  # int64, exclusive

    def source_span(self, start: int, end: int) -> tuple[int, int]:
        """The source span that view span ``[start, end)`` was made from."""
        if end <= start:
            at = int(self.starts[start]) if start < len(self.starts) else 0
            return at, at
        return int(self.starts[start]), int(self.ends[end - 1])


def _kept(c: str) -> bool:
    return "\u4e00" <= c <= "\u9fff" or "a" <= c <= "z" or "0" <= c <= "9"


@functools.lru_cache(maxsize=65536)
def _fold(cp: int) -> str:
    """What one code point contributes to the view after NFKC and lower-casing."""
    return "".join(c for c in unicodedata.normalize("NFKC", chr(cp)).lower() if _kept(c))


def _code_points(text: str) -> tuple[np.ndarray, np.ndarray]:
    """Code points after NFKC (as far as it matters for the view) and their offsets.

    Chinese text is rarely NFKC as a whole (，and （ are compatibility characters), but
    NFKC only matters for characters that become a kept one (Ｈ, ５, 兀); those are
    folded one by one through a cache, the rest of the text stays vectorised.
    """
    cps = np.frombuffer(text.encode("utf-32-le"), dtype=np.uint32)
    where = np.arange(len(cps), dtype=np.int64)
    special = cps >= 128
    special &= ~((cps >= 0x4E00) & (cps <= 0x9FFF))
    if not special.any():
        return cps, where
    folded = {int(cp): _fold(int(cp)) for cp in np.unique(cps[special]).tolist()}
    if all(len(f) <= 1 for f in folded.values()):
        cps = cps.copy()
        at = np.flatnonzero(special)
        cps[at] = [ord(folded[int(c)]) if folded[int(c)] else 0 for c in cps[at].tolist()]
        return cps, where
    # A character that folds to several (① → 1, ㎡ → m2): the slow path, rare.
    points: list[int] = []
    origin: list[int] = []
    for i, ch in enumerate(text):
        for c in folded.get(ord(ch), ch) if ord(ch) in folded else ch:
            points.append(ord(c))
            origin.append(i)
    return np.asarray(points, dtype=np.uint32), np.asarray(origin, dtype=np.int64)


def match_view(text: str) -> MatchView:
    """The matching view of ``text`` and its offset map.

    Example:
        >>> v = match_view("投入资金21.6万元，“双创双争”")
        >>> v.text
        '投入资金0万元双创双争'
        >>> v.source_span(4, 7)  # 0万元 came from 21.6万元
        (4, 10)
    """
    looked_up = _kept_points(text)
    if looked_up is not None:
        cps, where = looked_up
        digit = (cps >= 48) & (cps <= 57)
    else:
        cps, where = _code_points(text)
        cps = np.where((cps >= 65) & (cps <= 90), cps + 32, cps)
        digit = (cps >= 48) & (cps <= 57)
        keep = ((cps >= 0x4E00) & (cps <= 0x9FFF)) | ((cps >= 97) & (cps <= 122)) | digit
        cps, where, digit = cps[keep], where[keep], digit[keep]
    # A digit run becomes one 0 that stands for the whole run.
    first = digit & ~np.r_[False, digit[:-1]]
    last = digit & ~np.r_[digit[1:], False]
    ends = where + 1
    ends[np.flatnonzero(first)] = where[np.flatnonzero(last)] + 1
    stay = ~digit | first
    out = np.where(first, np.uint32(_ZERO), cps)[stay]
    view = out.astype(np.uint32).tobytes().decode("utf-32-le")
    return MatchView(view, where[stay], ends[stay])


class _ViewTable(dict[int, int | str | None]):
    """``str.translate`` table of the view, filled as characters come.

    ASCII capitals to lower case, other ASCII letters and digits and Chinese characters
    kept, any other ASCII dropped, everything else folded by ``_fold`` (NFKC, lower case,
    view characters only: ① → 1, Ａ → a, ， → nothing): what ``match_view`` does to each
    code point.
    """

    def __missing__(self, cp: int) -> int | str | None:
        value: int | str | None
        if cp < 128:
            ch = chr(cp)
            value = ord(ch.lower()) if ch.isalnum() else None
        elif 0x4E00 <= cp <= 0x9FFF:
            value = cp
        else:
            value = _fold(cp)
        self[cp] = value
        return value


_VIEW_TABLE = _ViewTable()
_DIGIT_RUN = re.compile("[0-9]+")


def matching_view(text: str) -> str:
    """Only the view's text (see ``match_view``), without the offset map.

    Callers that view many short texts (the versions test views every line of a page)
    would pay tens of microseconds of numpy set-up per call in ``match_view``; a
    translation table and one substitution give the same text in a few (a property test
    compares the two). A whole article (the duplicate search views each one several
    times) goes through a lookup array instead, three times faster than the table.

    Example:
        >>> matching_view("投入资金21.6万元，“双创双争”")
        '投入资金0万元双创双争'
    """
    if len(text) >= _LONG:
        view = _looked_up(text)
        if view is not None:
            return view
    return _translated(text)


# Characters from which ``_looked_up`` beats ``_translated``: on stretches of
# ../shared/corpus/real, 12 µs against 17 at 200 characters, 24 against 19 at 400
# (the lookup's numpy set-up is most of it on short text).
_LONG = 300
_BMP = 0x10000
_SEVERAL = 0xFFFFFFFF  # a code point that folds to several view characters (① is one, ㎡ two)


def _translated(text: str) -> str:
    return _DIGIT_RUN.sub("0", text.translate(_VIEW_TABLE))


@functools.cache
def _view_codes() -> np.ndarray:
    """What each code point of the Basic Multilingual Plane becomes in the view, as one array.

    The view character's code point, 0 when it is dropped, ``_SEVERAL`` when it folds to
    more than one character; the same folding as ``_VIEW_TABLE`` (built once, 256 KB).
    """
    table = _ViewTable()
    codes = np.zeros(_BMP, dtype=np.uint32)
    for cp in range(_BMP):
        value = table[cp]
        if isinstance(value, int):
            codes[cp] = value
        elif value:
            codes[cp] = ord(value) if len(value) == 1 else _SEVERAL
    return codes


def _looked_up_codes(text: str) -> np.ndarray | None:
    """What each character of ``text`` becomes in the view (``_view_codes``), or None.

    None for text outside the Basic Multilingual Plane, with a character that folds to
    several, or with lone surrogates (which UTF-32 cannot hold): only the
    per-character paths can say.
    """
    try:
        cps = np.frombuffer(text.encode("utf-32-le"), dtype=np.uint32)
    except UnicodeEncodeError:
        return None
    if not cps.size or int(cps.max()) >= _BMP:
        return None
    codes = _view_codes()[cps]
    return None if int(codes.max()) == _SEVERAL else codes


def _kept_points(text: str) -> tuple[np.ndarray, np.ndarray] | None:
    """The view's code points before digit runs are folded, and their source offsets.

    What ``_code_points`` and the kept-character mask of ``match_view`` give, by one
    lookup (``_looked_up_codes``), or None where that cannot say.
    """
    codes = _looked_up_codes(text)
    if codes is None:
        return None
    where = np.flatnonzero(codes)
    return codes[where], where.astype(np.int64, copy=False)


def _looked_up(text: str) -> str | None:
    """``_translated(text)`` by one array lookup, or None where only the table can say."""
    codes = _looked_up_codes(text)
    if codes is None:
        return None
    codes = codes[codes != 0]
    digit = (codes >= _ZERO) & (codes <= _ZERO + 9)
    # a run of digits becomes one 0, as the substitution makes it
    codes = np.where(digit, np.uint32(_ZERO), codes)[~(digit & np.r_[False, digit[:-1]])]
    return codes.tobytes().decode("utf-32-le")
