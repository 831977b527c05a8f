"""Align two copies on word tokens: shared passages and the words swapped inside them."""

from __future__ import annotations

import functools
import json
import re
from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Sequence
from itertools import accumulate
from json.encoder import encode_basestring as _quoted

import numpy as np
from rapidfuzz.distance import Indel

from miner.models import Passage
from miner.segment import word_spans

# An article's words with their offsets: what alignment works on.
Words = tuple[list[str], list[int], list[int]]

MAX_GAP_TOKENS = 12  # edits this short inside a copied run do not break the passage
MIN_PASSAGE_CHARS = 30
# Two unrelated sentences still share a comma or a 的: an equal stretch with fewer
# word characters than this between two edits is part of the edit, not an anchor,
# otherwise such crumbs would chain unrelated text into one "passage".
MIN_ANCHOR_CHARS = 4
_WORDY = re.compile(r"\w")

Op = tuple[str, int, int, int, int]


def word_opcodes(words_a: Sequence[str], words_b: Sequence[str]) -> list[Op]:
    """Edit script between two word lists: ``equal`` runs and merged ``replace`` edits.

    The longest common subsequence (rapidfuzz's Indel, in C++) gives the same passages
    as difflib's matcher on copies (measured on the seeds and ../shared/corpus/real:
    no pair changed kind) at a fraction of the time; adjacent deletions and insertions
    become one replacement, and crumbs are folded in (``_merge_crumbs``).
    """
    return _merge_crumbs(_edits(words_a, words_b), words_a)


def _edits(words_a: Sequence[str], words_b: Sequence[str]) -> list[Op]:
    """The LCS edit script with each deletion-plus-insertion joined into one replacement.

    Built from the script's matching blocks: what lies between two blocks is one
    replacement. The same script as joining rapidfuzz's opcodes (a property test
    compares them), without building an opcode list first (a fifth of the call).
    """
    out: list[Op] = []
    a0 = b0 = 0  # where the previous block ended
    for a, b, size in Indel.editops(words_a, words_b).as_matching_blocks():
        if a > a0 or b > b0:
            out.append(("replace", a0, a, b0, b))
        if size:
            out.append(("equal", a, a + size, b, b + size))
        a0, b0 = a + size, b + size
    return out


def anchor_counts(words: Sequence[str]) -> list[int]:
    """Word characters before each word: ``words[i:j]`` hold ``c[j] - c[i]`` of them.

    One vectorised pass over the joined words' code points (``_word_table``), not one
    regular expression per stretch.
    """
    if not words:
        return [0]
    cps = np.frombuffer("".join(words).encode("utf-32-le"), dtype=np.uint32)
    if cps.size and int(cps.max()) >= _BMP:  # outside the table: count word by word
        return list(accumulate((len(_WORDY.findall(w)) for w in words), initial=0))
    chars = np.concatenate(([0], np.cumsum(_word_table()[cps], dtype=np.int64)))
    ends = np.fromiter(accumulate(map(len, words)), dtype=np.int64, count=len(words))
    return [0, *chars[ends].tolist()]


_BMP = 0x10000


@functools.cache
def _word_table() -> np.ndarray:
    """Whether each code point of the Basic Multilingual Plane is a word character.

    ``re``'s ``\\w`` on text is ``str.isalnum()`` or ``_``; tabulated once (64 KB).
    """
    return np.array([chr(c).isalnum() or c == 0x5F for c in range(_BMP)], dtype=np.bool_)


def _merge_crumbs(
    ops: Sequence[Op], words_a: Sequence[str], counts: Sequence[int] | None = None
) -> list[Op]:
    """Fold weak equal stretches lying between two edits into one edit.

    ``counts`` are ``anchor_counts(words_a)``, computed here when not given.
    """
    c = counts if counts is not None else anchor_counts(words_a)
    out: list[Op] = []
    last = len(ops) - 1
    for k, op in enumerate(ops):
        tag_, i1, i2, j1, j2 = op
        if tag_ == "equal" and not (0 < k < last and c[i2] - c[i1] < MIN_ANCHOR_CHARS):
            out.append(op)
        elif out and out[-1][0] != "equal":
            _, a1, _, b1, _ = out[-1]
            out[-1] = ("replace", a1, i2, b1, j2)
        else:
            out.append(("replace", i1, i2, j1, j2))
    return out


def content_tokens(text: str) -> Words:
    """The words alignment works on (white space dropped); computed once per article."""
    return word_spans(text)


def align_pair(
    doc_a: str,
    text_a: str,
    doc_b: str,
    text_b: str,
    tokens_a: Words | None = None,
    tokens_b: Words | None = None,
) -> list[Passage]:
    """Passages two texts share, each with the ``[from, to]`` word swaps inside it.

    Example:
        >>> p = align_pair("a", "我乡开展双创双争活动，成效明显，群众满意度大幅提高，基层组织建设进一步加强。",
        ...                "b", "我社区开展双创双争活动，成效明显，群众满意度大幅提高，基层组织建设进一步加强。")
        >>> p[0].substitutions
        '[["我乡", "我社区"]]'
    """
    wa = tokens_a if tokens_a is not None else content_tokens(text_a)
    wb = tokens_b if tokens_b is not None else content_tokens(text_b)
    return align_words(doc_a, doc_b, wa, wb)[0]


Subs = list[list[str]]


def align_words(
    doc_a: str,
    doc_b: str,
    tokens_a: Words,
    tokens_b: Words,
    counts_a: Sequence[int] | None = None,
) -> tuple[list[Passage], list[Subs]]:
    """``align_pair`` on tokens, also returning each passage's swaps as lists (no JSON).

    ``counts_a`` are ``anchor_counts`` of ``a``'s words, for a caller that aligns one
    article with several others.
    """
    wa, sa, ea = tokens_a
    wb, sb, eb = tokens_b
    edits = _edits(wa, wb)
    ops = _merge_crumbs(
        edits, wa, counts_a
    )  # decides where passages run; swaps come from ``edits``
    # The edits proper, in order (monotone in both texts): a passage's swaps are a
    # contiguous stretch of them, found by bisection on their start in ``a``.
    changes = [e for e in edits if e[0] != "equal"]
    change_at = [e[1] for e in changes]
    passages: list[Passage] = []
    subs_of: list[Subs] = []
    run: list[Op] = []
    n_a, n_b = len(wa), len(wb)

    def flush() -> None:
        # An edit closing a passage belongs to it only where both texts end there.
        while run and run[-1][0] != "equal" and (run[-1][2] < n_a or run[-1][4] < n_b):
            run.pop()
        if not any(op[0] == "equal" for op in run):
            run.clear()
            return
        a0, a1 = sa[run[0][1]], ea[run[-1][2] - 1]
        b0, b1 = sb[run[0][3]], eb[run[-1][4] - 1]
        if min(a1 - a0, b1 - b0) >= MIN_PASSAGE_CHARS:
            lo_a, hi_a, lo_b, hi_b = run[0][1], run[-1][2], run[0][3], run[-1][4]
            subs = [
                ["".join(wa[i1:i2]), "".join(wb[j1:j2])]
                for _, i1, i2, j1, j2 in changes[
                    bisect_left(change_at, lo_a) : bisect_right(change_at, hi_a)
                ]
                if i2 <= hi_a and lo_b <= j1 and j2 <= hi_b
            ]
            passages.append(Passage(doc_a, doc_b, a0, a1, b0, b1, subs_json(subs)))
            subs_of.append(subs)
        run.clear()

    for op in ops:
        _, i1, i2, j1, j2 = op
        # An edit opening a passage belongs to it only where both texts start there.
        if op[0] == "equal" or (
            max(i2 - i1, j2 - j1) <= MAX_GAP_TOKENS and (run or (i1 == 0 and j1 == 0))
        ):
            run.append(op)
        else:
            flush()
    flush()
    return passages, subs_of


def subs_json(subs: Subs) -> str:
    """``json.dumps(subs, ensure_ascii=False)``, written directly (a passage's swaps).

    The same string escaper as ``json.dumps`` and the same separators; ``dumps`` set up
    an encoder for each of the hundred thousand passages of a corpus of near copies.

    Example:
        >>> subs = [["我乡", "我镇"], ['"引"', "\\n"]]
        >>> subs_json(subs) == json.dumps(subs, ensure_ascii=False)
        True
    """
    return "[" + ", ".join(f"[{_quoted(a)}, {_quoted(b)}]" for a, b in subs) + "]"


# How a report names its own unit (我乡, 我社区, 本单位): the words a copier swaps, and
# the ones they forgot to swap.
_SELF = re.compile(
    r"我(?:乡|镇|村|社区|街道|县|市|区|局|委|办|校|院|所|站|厂|公司|单位|部|处|科|队|中心|支部|党委)"
    r"|本(?:单位|乡|镇|村|社区|街道|局|校|院|公司|部门)"
)


SUMMARY_SWAPS = 12  # the rest are in ``passages.substitutions``
SWAP_CHARS = 8  # longer replacements are rewritten clauses, not swapped names
_PUNCT = re.compile(r"[^\w]")


def _word(s: str) -> bool:
    return 0 < len(s) <= SWAP_CHARS and not _PUNCT.search(s)


def swap_summary(passages: Sequence[Passage], text_a: str, text_b: str) -> str:
    """What a reader wants from a copy at a glance: ``双争双比→双创双争 ×9, 我乡 kept``.

    Word swaps (both sides a short word: names, not rewritten clauses or added text)
    are counted over all passages, most frequent first; a unit self-reference
    found in both sides of a passage and never swapped is reported as kept.

    Example:
        >>> a = "我乡开展双比双争活动，我乡党委高度重视，成立领导小组，召开动员大会，统一了思想认识。"
        >>> b = a.replace("双比双争", "双创双争")
        >>> swap_summary(align_pair("a", a, "b", b), a, b)
        '双比双争→双创双争 ×1, 我乡 kept'
    """
    return summarise_swaps(
        passages, [json.loads(p.substitutions) for p in passages], text_a, text_b
    )


def summarise_swaps(
    passages: Sequence[Passage], subs_of: Sequence[Subs], text_a: str, text_b: str
) -> str:
    """``swap_summary`` with each passage's swaps given as lists (``align_words``)."""
    swaps: Counter[tuple[str, str]] = Counter()
    kept: Counter[str] = Counter()
    for p, subs in zip(passages, subs_of, strict=True):
        for old, new in subs:
            if _word(old) and _word(new):
                swaps[(old, new)] += 1
        in_a = Counter(_SELF.findall(text_a, p.a_start, p.a_end))
        if not in_a:
            continue
        in_b = Counter(_SELF.findall(text_b, p.b_start, p.b_end))
        for word in in_a.keys() & in_b.keys():
            kept[word] += min(in_a[word], in_b[word])
    swapped = {w for pair in swaps for w in pair}
    ranked = sorted(swaps.items(), key=lambda x: (-x[1], x[0]))[:SUMMARY_SWAPS]
    parts = [f"{o}→{n} ×{c}" for (o, n), c in ranked]
    parts += [f"{w} kept" for w in sorted(kept) if w not in swapped]
    return ", ".join(parts)
