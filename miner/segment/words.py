"""Word segmentation with character offsets, behind one interface for rjieba and jieba."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources
from typing import Any


@dataclass(frozen=True, slots=True)
class Token:
    """A word with its part-of-speech tag (jieba's tag set) and its span in the text."""

    text: str
    tag: str
    start: int
    end: int


@cache
def _engine() -> tuple[str, Any]:
    """Load the backend once per process and teach it miner's user words."""
    try:
        import rjieba

        name, mod = "rjieba", rjieba
    except ImportError:  # pragma: no cover - exercised only where rjieba has no wheel
        import jieba
        import jieba.posseg

        jieba.setLogLevel(60)
        name, mod = "jieba", jieba
    for word in _user_words():
        mod.add_word(word, 20000, "nz")
    return name, mod


def _user_words() -> list[str]:
    """Words the stock dictionary splits but our users count as one (三会一课, 两学一做)."""
    text = resources.files("miner.data").joinpath("user_words.txt").read_text(encoding="utf-8")
    return [w.strip() for w in text.splitlines() if w.strip() and not w.startswith("#")]


def backend() -> str:
    """Name of the segmenter in use: ``rjieba`` or ``jieba``."""
    return _engine()[0]


# Words added while running (a learned campaign lexicon), in order: the segmenter has
# no way to list its own additions, and a comparison against jieba needs the same ones.
_ADDED: list[str] = []


def add_words(new_words: Iterable[str]) -> None:
    """Add user words (a learned campaign lexicon) to the running segmenter."""
    _, mod = _engine()
    for word in new_words:
        if word:
            mod.add_word(word, 20000, "nz")
            _ADDED.append(word)
    _tagged.cache_clear()  # the new words change how a text is tagged


def dictionary_version() -> int:
    """A number that changes whenever ``add_words`` teaches the segmenter a word.

    For caches of results that depend on the segmentation (``missing_numbers``).
    """
    return len(_ADDED)


def user_words() -> list[str]:
    """Every word miner taught the segmenter: the shipped list, then those added since."""
    return _user_words() + _ADDED


def tag_pairs(text: str) -> tuple[tuple[str, str], ...]:
    """(word, tag) pairs that tile ``text``: ``tag`` without offsets or Token objects.

    For hot loops over short clauses, where building a Token per word costs three times
    the segmentation itself.

    Example:
        >>> tag_pairs("投入资金")
        (('投入', 'v'), ('资金', 'n'))
    """
    return _tagged(text)


# The clauses around figures and places recur: a report states 共投入资金… in several
# places, copies state it again (one clause in two on the synthetic corpus, one in nine
# on ../shared/corpus/real). ``add_words`` clears the cache, since new words change the
# tags; the pairs are a tuple, so no caller can change what another one gets. Repeats
# come close together: 4,096 clauses (about 5 MB) keep 37% of calls from the tagger,
# 16,384 (20 MB) only 46%.
@lru_cache(maxsize=1 << 12)
def _tagged(text: str) -> tuple[tuple[str, str], ...]:
    name, mod = _engine()
    if name == "rjieba":
        return tuple(mod.tag(text))
    import jieba.posseg  # pragma: no cover

    return tuple((p.word, p.flag) for p in jieba.posseg.cut(text))  # pragma: no cover


def tag(text: str) -> list[Token]:
    """Segment ``text`` into tagged tokens whose spans tile the text exactly.

    Example:
        >>> [t.text for t in tag("投入资金21.6万元")]
        ['投入', '资金', '21.6', '万元']
    """
    out: list[Token] = []
    pos = 0
    for word, flag in tag_pairs(text):
        out.append(Token(word, flag, pos, pos + len(word)))
        pos += len(word)
    return out


def words(text: str) -> list[str]:
    """Segment ``text`` into words, white space dropped (for counting and diffing)."""
    _, mod = _engine()
    return [w for w in mod.cut(text) if not w.isspace()]


def word_spans(text: str) -> tuple[list[str], list[int], list[int]]:
    """Words with their start and end offsets, white space dropped.

    Aligning copies needs words and where they are, not POS tags or token objects;
    on long articles this is several times faster than ``tag``.

    Example:
        >>> word_spans("投入 资金")
        (['投入', '资金'], [0, 3], [2, 5])
    """
    _, mod = _engine()
    out_w: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    pos = 0
    for w in mod.cut(text):
        end = pos + len(w)
        if not w.isspace():
            out_w.append(w)
            starts.append(pos)
            ends.append(end)
        pos = end
    return out_w, starts, ends


class Segmenter:
    """A segmenter of its own with extra user words, leaving the process-wide one untouched.

    A run learns its campaign lexicon (双比双争, 六查六看) from its own articles; a private
    instance lets it segment with those words without changing how any later run in the
    same process segments, so the same input still gives the same bytes.
    """

    def __init__(self, extra: Iterable[str] = ()) -> None:
        name, _ = _engine()
        if name == "rjieba":
            import rjieba

            self._cut = rjieba.Jieba()
        else:  # pragma: no cover - only where rjieba has no wheel
            import jieba

            self._cut = jieba.Tokenizer()
        for word in [*_user_words(), *extra]:
            if word:
                self._cut.add_word(word, 20000, "nz")

    def words(self, text: str) -> list[str]:
        """Like ``words``, with this segmenter's dictionary."""
        return [w for w in self._cut.cut(text) if not w.isspace()]


@cache
def _segmenter(extra: frozenset[str]) -> Segmenter:
    return Segmenter(sorted(extra))


def segmenter(extra: Iterable[str] = ()) -> Segmenter:
    """A segmenter that also knows ``extra`` words (cached per word set).

    Example:
        >>> segmenter(["双比双争"]).words("开展双比双争活动")
        ['开展', '双比双争', '活动']
    """
    return _segmenter(frozenset(extra))
