"""Sentence boundaries for Chinese report text.

A sentence ends at 。！？；… or at a line end. A closing quote or bracket right after
the end mark belongs to the sentence (“……。” stays whole), and an end mark inside
quotes or brackets does not end the sentence, since quoted slogans often carry
their own full stops.

A run of more than ``MAX_CHARS`` characters without an end mark is no sentence but a
keyword list, a flattened table or a page whose punctuation was lost; it is cut into
pieces of at most ``MAX_CHARS``, each at the last comma or space it holds. Without
the cap, one unpunctuated page would be one sentence that every figure in it carries.
"""

from __future__ import annotations

from dataclasses import dataclass

_ENDS = set("。！？!?；;…")
_OPEN = set("“‘「『《（(【〔[")
_CLOSE = set("”’」』》）)】〕]")
# The longest sentence of ../shared/corpus/real's 99,375 is 3,074 characters, and
# the five above 1,000 are all keyword spam; the longest prose runs to 814 (a
# health bulletin listing case counts), 99.9% end within 304.
MAX_CHARS = 1000
_BREAKS = "，,、：:；; \t\u3000"


@dataclass(frozen=True, slots=True)
class Sentence:
    start: int
    end: int
    text: str


def sentences(text: str) -> list[Sentence]:
    """Split ``text`` into sentences with offsets; white space between them is dropped.

    Example:
        >>> [s.text for s in sentences("一是学习。二是“做好、做实。”\\n三是总结")]
        ['一是学习。', '二是“做好、做实。”', '三是总结']
    """
    out: list[Sentence] = []
    depth = 0
    start = 0
    i = 0
    n = len(text)

    def emit(end: int) -> None:
        s, e = start, end
        while True:
            while s < e and text[s].isspace():
                s += 1
            while e > s and text[e - 1].isspace():
                e -= 1
            if e - s <= MAX_CHARS:
                break
            cut = max(text.rfind(ch, s + 1, s + MAX_CHARS) for ch in _BREAKS) + 1
            cut = cut if cut > s + 1 else s + MAX_CHARS
            piece = cut
            while piece > s and text[piece - 1].isspace():
                piece -= 1
            out.append(Sentence(s, piece, text[s:piece]))
            s = cut
        if e > s:
            out.append(Sentence(s, e, text[s:e]))

    while i < n:
        ch = text[i]
        if ch in _OPEN:
            depth += 1
        elif ch in _CLOSE:
            depth = max(0, depth - 1)
        if ch == "\n":
            emit(i)
            depth = 0
            start = i + 1
        elif ch in _ENDS and depth == 0:
            j = i + 1
            while j < n and (text[j] in _ENDS or text[j] in _CLOSE):
                j += 1
            emit(j)
            start = i = j
            continue
        i += 1
    emit(n)
    return out


def sentence_at(sents: list[Sentence], offset: int) -> Sentence | None:
    """The sentence holding ``offset`` (binary search over sorted sentences)."""
    lo, hi = 0, len(sents)
    while lo < hi:
        mid = (lo + hi) // 2
        if sents[mid].end <= offset:
            lo = mid + 1
        else:
            hi = mid
    if lo < len(sents) and sents[lo].start <= offset:
        return sents[lo]
    return None
