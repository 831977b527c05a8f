"""Words and sentences: the segmenter every later stage shares.

rjieba (jieba-rs) is the default because it segments about ten times faster than
jieba with the same dictionary; plain jieba is the fallback when the binding is
missing. Both see the same user words (campaign names, formulations), so 三会一课
stays one token whichever backend runs.
"""

from __future__ import annotations

from miner.segment.sentences import Sentence, sentences
from miner.segment.words import (
    Segmenter,
    Token,
    add_words,
    backend,
    segmenter,
    tag,
    word_spans,
    words,
)

__all__ = [
    "Segmenter",
    "Sentence",
    "Token",
    "add_words",
    "backend",
    "segmenter",
    "sentences",
    "tag",
    "word_spans",
    "words",
]
