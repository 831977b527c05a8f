"""Align two copies on word tokens: shared passages and the words swapped inside them."""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Sequence

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
    """The LCS edit script with each deletion-plus-insertion joined into one replacement."""
    out: list[Op] = []
    for o in Indel.opcodes(list(words_a), list(words_b)):
        op: Op = (o.tag, o.src_start, o.src_end, o.dest_start, o.dest_end)
        if op[0] != "equal" and out and out[-1][0] != "equal":
            out[-1] = ("replace", out[-1][1], op[2], out[-1][3], op[4])
        else:
            out.append(op if op[0] == "equal" else ("replace", *op[1:]))
    return out


def _merge_crumbs(ops: Sequence[Op], words_a: Sequence[str]) -> list[Op]:
    """Fold weak equal stretches lying between two edits into one edit."""
    out: list[Op] = []
    for k, op in enumerate(ops):
        tag_, i1, i2, j1, j2 = op
        weak = (
            tag_ == "equal"
            and 0 < k < len(ops) - 1
            and len(_WORDY.findall("".join(words_a[i1:i2]))) < MIN_ANCHOR_CHARS
        )
        if tag_ != "equal" or weak:
            if out and out[-1][0] != "equal":
                _, a1, _, b1, _ = out[-1]
                out[-1] = ("replace", a1, i2, b1, j2)
            else:
                out.append(("replace", i1, i2, j1, j2))
        else:
            out.append(op)
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
    wa, sa, ea = tokens_a if tokens_a is not None else content_tokens(text_a)
    wb, sb, eb = tokens_b if tokens_b is not None else content_tokens(text_b)
    edits = _edits(wa, wb)
    ops = _merge_crumbs(edits, wa)  # decides where passages run; swaps come from ``edits``
    passages: list[Passage] = []
    run: list[tuple[str, int, int, int, int]] = []

    def flush() -> None:
        # An edit closing a passage belongs to it only where both texts end there.
        while run and run[-1][0] != "equal" and (run[-1][2] < len(wa) or run[-1][4] < len(wb)):
            run.pop()
        if not any(op == "equal" for op, *_ in run):
            run.clear()
            return
        a0, a1 = sa[run[0][1]], ea[run[-1][2] - 1]
        b0, b1 = sb[run[0][3]], eb[run[-1][4] - 1]
        if min(a1 - a0, b1 - b0) >= MIN_PASSAGE_CHARS:
            lo_a, hi_a, lo_b, hi_b = run[0][1], run[-1][2], run[0][3], run[-1][4]
            subs = [
                ["".join(wa[i1:i2]), "".join(wb[j1:j2])]
                for op, i1, i2, j1, j2 in edits
                if op != "equal" and lo_a <= i1 and i2 <= hi_a and lo_b <= j1 and j2 <= hi_b
            ]
            passages.append(
                Passage(doc_a, doc_b, a0, a1, b0, b1, json.dumps(subs, ensure_ascii=False))
            )
        run.clear()

    for op, i1, i2, j1, j2 in ops:
        short = max(i2 - i1, j2 - j1) <= MAX_GAP_TOKENS
        # An edit opening a passage belongs to it only where both texts start there.
        opening = not run and i1 == 0 and j1 == 0
        if op == "equal" or (short and (run or opening)):
            run.append((op, i1, i2, j1, j2))
        else:
            flush()
    flush()
    return passages


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
    swaps: Counter[tuple[str, str]] = Counter()
    kept: Counter[str] = Counter()
    for p in passages:
        for old, new in json.loads(p.substitutions):
            if _word(old) and _word(new):
                swaps[(old, new)] += 1
        in_a = Counter(_SELF.findall(text_a[p.a_start : p.a_end]))
        in_b = Counter(_SELF.findall(text_b[p.b_start : p.b_end]))
        for word in in_a.keys() & in_b.keys():
            kept[word] += min(in_a[word], in_b[word])
    swapped = {w for pair in swaps for w in pair}
    ranked = sorted(swaps.items(), key=lambda x: (-x[1], x[0]))[:SUMMARY_SWAPS]
    parts = [f"{o}→{n} ×{c}" for (o, n), c in ranked]
    parts += [f"{w} kept" for w in sorted(kept) if w not in swapped]
    return ", ".join(parts)
