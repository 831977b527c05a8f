"""Slogan normal forms and the campaign lexicon learned from a corpus.

One slogan is written many ways: “双创双争”活动, 双创双争活动, “双创双争” 工作, ＂双创双争＂. Counting
across articles needs one form, so ``normalise`` drops quotation marks, white space and width
differences, and the generic head nouns a campaign name takes in running text (活动, 工作,
主题实践活动 …) when something distinctive is left. Cited documents keep their full title: 《…
实施方案》 and 《…实施意见》 are different documents.

The lexicon is every campaign name, formulation and motto whose normal form occurs in at least
``MIN_ARTICLES`` articles: a phrase two reports share is the corpus's own vocabulary, one
report's quoted phrase may be anything. Each run writes it as the ``lexicon`` table;
``teach_segmenter(load_lexicon(OUT))`` loads it into the segmenter (``miner.segment.add_words``)
so that 双创双争 stays one token in the runs and analyses that follow.

Example:
    >>> normalise("“双创双争”活动"), normalise("双创双争")
    ('双创双争', '双创双争')
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable
from pathlib import Path

from miner.models import Slogan
from miner.segment import add_words

MIN_ARTICLES = 2  # the rule: a slogan in two articles is the corpus's vocabulary
MAX_WORD = 12  # longer normal forms are sentences or mottos with commas, not one token
_QUOTES = re.compile(r"[\s“”‘’「」『』\"'〝〞＂《》]+")
# Generic heads taken off the end: the campaign is the same with or without them.
_GENERIC_TAIL = re.compile(r"(?:主题实践活动|主题活动|系列活动|实践活动|活动|工作|行动|工程)$")
_LEXICON_KINDS = frozenset({"campaign", "formulation", "motto"})
_WORDLIKE = re.compile(r"[\u4e00-\u9fff0-9A-Za-z+]+")


def normalise(text: str, kind: str = "campaign") -> str:
    """The form under which one slogan counts once across articles.

    NFKC (full-width to ASCII), no quotation marks or white space, and for anything but a
    cited document no generic head noun when at least two characters remain.
    """
    out = _QUOTES.sub("", unicodedata.normalize("NFKC", text))
    if kind != "cited_document":
        stripped = _GENERIC_TAIL.sub("", out)
        if len(stripped) >= 2:
            out = stripped
    return out


def campaign_lexicon(slogans: Iterable[Slogan], min_articles: int = MIN_ARTICLES) -> list[str]:
    """Normal forms of campaign names, formulations and mottos found in enough articles.

    Only forms a segmenter can hold as one word count: letters, digits and 汉字 (1+6 too),
    two to ``MAX_WORD`` characters. Sorted, so the same corpus gives the same lexicon.
    """
    return [str(row["word"]) for row in lexicon_rows(slogans, min_articles)]


def lexicon_rows(
    slogans: Iterable[Slogan], min_articles: int = MIN_ARTICLES
) -> list[dict[str, object]]:
    """The lexicon as rows of the ``lexicon`` table: word, articles, kind (the commonest)."""
    docs: dict[str, set[str]] = defaultdict(set)
    kinds: dict[str, Counter[str]] = defaultdict(Counter)
    for s in slogans:
        if s.kind not in _LEXICON_KINDS:
            continue
        form = s.norm or normalise(s.text, s.kind)
        if 2 <= len(form) <= MAX_WORD and _WORDLIKE.fullmatch(form):
            docs[form].add(s.doc_id)
            kinds[form][s.kind] += 1
    return [
        {"word": form, "articles": len(ids), "kind": kinds[form].most_common(1)[0][0]}
        for form, ids in sorted(docs.items())
        if len(ids) >= min_articles
    ]


def teach_segmenter(lexicon: Iterable[str]) -> None:
    """Load a campaign lexicon into the process-wide segmenter (双创双争 stays one token).

    ``miner.run`` does not call this: it segments ``documents.words`` with a private
    segmenter (``miner.segment.segmenter``), because the process-wide one cannot forget a
    word and a later run in the same process would otherwise segment differently. Callers
    use this before analyses that should know a run's lexicon.
    """
    add_words(lexicon)


def load_lexicon(output: Path) -> list[str]:
    """The words of a run's ``lexicon.parquet`` in ``output``."""
    import pyarrow.parquet as pq

    return [str(w) for w in pq.read_table(output / "lexicon.parquet").column("word").to_pylist()]
