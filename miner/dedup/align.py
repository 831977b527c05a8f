"""Align two copies on word tokens: shared passages and the words swapped inside them."""

from __future__ import annotations

import json
from difflib import SequenceMatcher

from miner.models import Passage
from miner.segment import Token, tag

MAX_GAP_TOKENS = 12  # edits this short inside a copied run do not break the passage
MIN_PASSAGE_CHARS = 30


def _content(tokens: list[Token]) -> list[Token]:
    return [t for t in tokens if not t.text.isspace()]


def align_pair(doc_a: str, text_a: str, doc_b: str, text_b: str) -> list[Passage]:
    """Passages two texts share, each with the ``[from, to]`` word swaps inside it.

    Example:
        >>> p = align_pair("a", "我乡开展双创双争活动，成效明显，群众满意度大幅提高，基层组织建设进一步加强。",
        ...                "b", "我社区开展双创双争活动，成效明显，群众满意度大幅提高，基层组织建设进一步加强。")
        >>> p[0].substitutions
        '[["我乡", "我社区"]]'
    """
    ta, tb = _content(tag(text_a)), _content(tag(text_b))
    wa, wb = [t.text for t in ta], [t.text for t in tb]
    ops = SequenceMatcher(None, wa, wb, autojunk=False).get_opcodes()
    passages: list[Passage] = []
    run: list[tuple[str, int, int, int, int]] = []

    def flush() -> None:
        while run and run[-1][0] != "equal":
            run.pop()
        if not run:
            return
        a0, a1 = ta[run[0][1]].start, ta[run[-1][2] - 1].end
        b0, b1 = tb[run[0][3]].start, tb[run[-1][4] - 1].end
        if min(a1 - a0, b1 - b0) >= MIN_PASSAGE_CHARS:
            subs = []
            for op, i1, i2, j1, j2 in run:
                if op != "equal":
                    subs.append(["".join(wa[i1:i2]), "".join(wb[j1:j2])])
            passages.append(
                Passage(doc_a, doc_b, a0, a1, b0, b1, json.dumps(subs, ensure_ascii=False))
            )
        run.clear()

    for op, i1, i2, j1, j2 in ops:
        if op == "equal" or (run and max(i2 - i1, j2 - j1) <= MAX_GAP_TOKENS):
            run.append((op, i1, i2, j1, j2))
        else:
            flush()
    flush()
    return passages
