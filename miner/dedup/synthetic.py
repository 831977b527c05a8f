"""A large synthetic corpus for timing the duplicate search (``make bench``).

100,000 reports cannot come from seventeen base articles without every 5-gram
becoming common, which would time a search that drops all of them as stock
phrases. So bodies are sampled word by word from jieba's dictionary (weighted by
frequency, flattened so that rarer words occur), with the stock clauses of the demo
corpus, figures, self-references (我镇) and punctuation mixed in at report-like rates:
unrelated articles share common words and stock phrases, as real ones do, but few
rare 5-grams. A known share of articles are copies, made at the token level the
way ``generate`` makes them (unit swapped, figures changed, sentences dropped and
new ones added) at light, medium and heavy strength.

``Article.source`` tells the truth: ``synthetic/f<N>`` for every member of copy
family N (the original included), ``synthetic/solo`` for the rest.
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

import numpy as np

from miner.dedup.bases import CAMPAIGNS, KINDS, clauses, load_bases
from miner.models import Article
from miner.segment import words

CHUNK = 2_000  # articles generated at once; copy families never cross a chunk
MEAN_CHARS = 1_500
TOP_WORDS = 40_000
_FLATTEN = 0.75  # dictionary word weight = frequency ** 0.75: a long tail of topics
# Shares of token positions: the demo corpus's own words give the report register,
# the dictionary's the variety of 100,000 reports on many subjects.
_RATES = {
    "report": 0.40,
    "dictionary": 0.38,
    "，": 0.09,
    "。": 0.03,
    "。\n": 0.008,
    "stock": 0.012,
    "figure": 0.03,
    "self": 0.01,
}
_MEASURES = "名 个 次 人次 万元 户 件 项 场 期 条 份 处 公里 亩".split()
_STRENGTHS = ("exact", "light", "medium", "heavy")
_STRENGTH_P = (0.1, 0.3, 0.3, 0.3)
_KEEP = {"light": (0.9, 1.0), "medium": (0.55, 0.85), "heavy": (0.3, 0.55)}
_BLOCK = 30  # tokens per block a copy keeps or drops (a sentence or two)
_TABLE_BITS = 22  # sampling table: 4M slots, the rarest token still gets a dozen
_CHARS = "青白石云杉翠柳枫桃松梅竹兰溪河山岭坪塘湾桥岗林泉峰阳安平丰和兴金凤龙鹤"


@dataclass(frozen=True, slots=True)
class _Vocabulary:
    tokens: np.ndarray  # object array of strings
    table: np.ndarray  # uniform slot -> token id, slots in proportion to probability
    as_kind: np.ndarray  # per unit kind: token id -> token id, self-references made 我<kind>
    is_figure: np.ndarray  # token id -> is a figure
    figure_ids: np.ndarray
    chars_per_token: float

    def sample(self, rng: np.random.Generator, size: int) -> np.ndarray:
        """Token ids; a table lookup, ten times faster than ``rng.choice(p=…)``."""
        return self.table[rng.integers(0, self.table.size, size)]


def _dictionary() -> tuple[list[str], np.ndarray]:
    text = resources.files("jieba").joinpath("dict.txt").read_text(encoding="utf-8")
    entries = []
    for line in text.splitlines():
        word, freq, *_ = line.split(" ")
        if 1 <= len(word) <= 4 and all("\u4e00" <= c <= "\u9fff" for c in word):
            entries.append((int(freq), word))
    entries.sort(key=lambda e: (-e[0], e[1]))
    top = entries[:TOP_WORDS]
    return [w for _, w in top], np.array([f for f, _ in top], dtype=np.float64) ** _FLATTEN


@lru_cache(maxsize=1)
def vocabulary() -> _Vocabulary:
    """Token classes of the corpus and their sampling table (built once per process)."""
    bases = load_bases()
    report = Counter(w for b in bases for w in words(b.article.text) if _CJK.fullmatch(w))
    report_words = sorted(report)
    dict_words, dict_weights = _dictionary()
    classes: dict[str, tuple[list[str], np.ndarray | None]] = {
        "report": (report_words, np.array([report[w] for w in report_words], dtype=np.float64)),
        "dictionary": (dict_words, dict_weights),
        "，": (["，"], None),
        "。": (["。"], None),
        "。\n": (["。\n"], None),
        "stock": (sorted({c.text for b in bases for c in clauses(b)}), None),
        "figure": (
            [f"{n}{m}" for n in (*range(1, 60), 80, 100, 150, 200, 500) for m in _MEASURES],
            None,
        ),
        "self": ([f"我{k}" for k in KINDS], None),
    }
    tokens: list[str] = []
    probs: list[np.ndarray] = []
    start: dict[str, int] = {}
    for name, (items, weights) in classes.items():
        start[name] = len(tokens)
        w = np.ones(len(items)) if weights is None else weights
        probs.append(_RATES[name] * w / w.sum())
        tokens.extend(items)
    p = np.concatenate(probs)
    cdf = np.cumsum(p) / p.sum()
    slots = 1 << _TABLE_BITS
    table = np.searchsorted(cdf, (np.arange(slots) + 0.5) / slots).astype(np.int32)
    self_ids = np.arange(start["self"], start["self"] + len(KINDS))
    as_kind = np.tile(np.arange(len(tokens), dtype=np.int32), (len(KINDS), 1))
    for k in range(len(KINDS)):
        as_kind[k, self_ids] = self_ids[k]
    figure_ids = np.arange(start["figure"], start["self"])
    is_figure = np.zeros(len(tokens), dtype=bool)
    is_figure[figure_ids] = True
    return _Vocabulary(
        tokens=np.array(tokens, dtype=object),
        table=table,
        as_kind=as_kind,
        is_figure=is_figure,
        figure_ids=figure_ids,
        chars_per_token=float(np.dot(p / p.sum(), [len(t) for t in tokens])),
    )


_CJK = re.compile(r"[\u4e00-\u9fff]+")


def synthetic_corpus(n: int, seed: int = 0, copy_share: float = 0.2) -> Iterator[Article]:
    """``n`` articles of about 1,500 characters; ``copy_share`` of them copies of others.

    Deterministic for a seed. Streams chunk by chunk (``CHUNK`` articles), so 100,000
    articles never sit in memory as strings at once unless the caller keeps them.

    Example:
        >>> arts = list(synthetic_corpus(10, seed=1))
        >>> len(arts), sum(a.source != "synthetic/solo" for a in arts) >= 2
        (10, True)
    """
    vocab = vocabulary()
    rng = np.random.default_rng(seed)
    for first in range(0, n, CHUNK):
        yield from _chunk(rng, vocab, min(CHUNK, n - first), first, seed, copy_share)


def _chunk(
    rng: np.random.Generator,
    vocab: _Vocabulary,
    size: int,
    first: int,
    seed: int,
    copy_share: float,
) -> Iterator[Article]:
    n_copies = round(size * copy_share)
    n_orig = size - n_copies
    chars = np.clip(rng.normal(MEAN_CHARS, 300, n_orig), 600, 3000)
    lengths = (chars / vocab.chars_per_token).astype(np.int64)
    bodies = np.split(vocab.sample(rng, int(lengths.sum())), np.cumsum(lengths)[:-1])
    # New text for the copies, one slice each: no two copies share any of it.
    fresh = np.split(vocab.sample(rng, n_copies * int(lengths.mean())), max(1, n_copies))
    kinds = rng.integers(0, len(KINDS), size)
    campaigns = rng.integers(0, len(CAMPAIGNS), size)
    family = np.full(size, -1, dtype=np.int64)
    # Copy families: an original and one to four copies of it.
    sources: list[int] = []
    order = rng.permutation(n_orig).tolist()
    while len(sources) < n_copies and order:
        src = order.pop()
        sources.extend([src] * min(int(rng.integers(1, 5)), n_copies - len(sources)))
        family[src] = first + src
    strengths = rng.choice(len(_STRENGTHS), size=len(sources), p=_STRENGTH_P)
    for i, (src, st) in enumerate(zip(sources, strengths.tolist(), strict=True)):
        strength = _STRENGTHS[st]
        bodies.append(_copy(rng, bodies[src], strength, fresh[i], vocab))
        family[n_orig + i] = first + src
        if strength == "exact":
            kinds[n_orig + i], campaigns[n_orig + i] = kinds[src], campaigns[src]
    for pos in rng.permutation(size).tolist():
        kind = int(kinds[pos])
        ids = vocab.as_kind[kind][bodies[pos]]
        fam = int(family[pos])
        key = f"synthetic/{seed}/{first + pos}".encode()
        h = hashlib.blake2b(key, digest_size=8).digest()
        unit = _CHARS[h[6] % len(_CHARS)] + _CHARS[h[7] % len(_CHARS)] + KINDS[kind]
        yield Article(
            doc_id=h[:6].hex(),
            source=f"synthetic/f{fam}" if fam >= 0 else "synthetic/solo",
            part=1,
            title=f"{unit}“{CAMPAIGNS[int(campaigns[pos])]}”活动工作总结",
            text="".join(vocab.tokens[ids].tolist()),
        )


def _copy(
    rng: np.random.Generator, src: np.ndarray, strength: str, fresh: np.ndarray, vocab: _Vocabulary
) -> np.ndarray:
    """A copy of ``src`` at ``strength``: blocks dropped and replaced by new text from
    ``fresh`` (this copy's own sample of the token stream), half the figures changed.
    The unit changes with the self-references and the title; the campaign with the title."""
    if strength == "exact":
        return src.copy()
    lo, hi = _KEEP[strength]
    keep = rng.uniform(lo, hi)
    n_blocks = max(1, src.size // _BLOCK)
    kept = rng.random(n_blocks) < keep
    kept[0] = True
    bounds = np.linspace(0, src.size, n_blocks + 1).astype(np.int64).tolist()
    parts, used = [], 0
    for b, k in enumerate(kept.tolist()):
        s, e = bounds[b], bounds[b + 1]
        if k or used + (e - s) > fresh.size:
            parts.append(src[s:e])
        else:
            parts.append(fresh[used : used + e - s])
            used += e - s
    out = np.concatenate(parts)
    figures = np.flatnonzero(vocab.is_figure[out])
    change = figures[rng.random(figures.size) < 0.5]
    out[change] = rng.choice(vocab.figure_ids, size=change.size)
    return out
