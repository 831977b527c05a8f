"""Edits a copier makes, on texts that keep the origin of every character.

Each edit takes a ``Draft`` and returns the edited ``Draft`` with a line saying what
was done (for reading a failure later). None of them tracks offsets: the origins
do, and ``miner.dedup.draft.pair_truth`` reads the truth off them.
"""

from __future__ import annotations

import random
import re
from collections.abc import Sequence

from miner.dedup.bases import Base, Unit, campaign_pattern, rename, unit_pattern
from miner.dedup.draft import Draft, base_of, join
from miner.segment import sentences

# Rewordings a copier makes without thinking (加强→强化); each works both ways.
SYNONYMS = (
    ("加强", "强化"),
    ("积极", "主动"),
    ("切实", "扎实"),
    ("认真", "严格"),
    ("明显", "显著"),
    ("召开", "举行"),
    ("深入", "全面"),
    ("推进", "推动"),
    ("提高", "提升"),
    ("及时", "迅速"),
    ("成效", "效果"),
    ("措施", "办法"),
    ("确保", "保证"),
)
_SYNONYM = {a: b for a, b in SYNONYMS} | {b: a for a, b in SYNONYMS}
_SYNONYM_RE = re.compile("|".join(sorted(_SYNONYM, key=len, reverse=True)))
_FIGURE = re.compile(r"(?<![\d.])\d{1,4}(?![\d.])")


def _sentence_spans(d: Draft) -> list[tuple[int, int]]:
    """Sentences with the line break that ends them, so dropping one leaves no gap."""
    out = []
    for s in sentences(d.text):
        end = s.end + 1 if d.text[s.end : s.end + 1] == "\n" else s.end
        out.append((s.start, end))
    return out


def swap_unit(d: Draft, old: Unit, new: Unit) -> tuple[Draft, str]:
    """The report made another unit's: its name, 我镇/全镇, 镇党委 (我乡→我社区)."""
    pattern = unit_pattern(old)
    if pattern is None:
        return d, "unit: nothing to swap"
    n = len(pattern.findall(d.text))
    return d.sub(pattern, lambda m: rename(m.group(), old, new)), (
        f"unit {old.name or old.kind}→{new.name or new.kind} ({n} mentions)"
    )


def swap_campaign(d: Draft, old: str | None, new: str) -> tuple[Draft, str]:
    """The report moved to another campaign (双创双争→双争双比)."""
    if old is None:
        return d, "campaign: none to swap"
    pattern = campaign_pattern(old)
    n = len(pattern.findall(d.text))
    return d.sub(pattern, lambda m: new), f"campaign {old}→{new} ({n})"


def change_figures(d: Draft, rng: random.Random, k: int) -> tuple[Draft, str]:
    """Change ``k`` whole numbers to others of the same length (a copier's own figures)."""
    found = list(_FIGURE.finditer(d.text))
    chosen = {m.start() for m in rng.sample(found, min(k, len(found)))}

    def figure(m: re.Match[str]) -> str:
        if m.start() not in chosen:
            return m.group()
        width = len(m.group())
        while True:
            new = str(rng.randrange(10 ** (width - 1) if width > 1 else 0, 10**width))
            if new != m.group():
                return new

    return d.sub(_FIGURE, figure), f"figures ({len(chosen)})"


def rewrite(d: Draft, rng: random.Random, k: int) -> tuple[Draft, str]:
    """Reword ``k`` places: a synonym (加强→强化), or two clauses of a sentence swapped."""
    done = 0
    for _ in range(k):
        if rng.random() < 0.7:
            found = list(_SYNONYM_RE.finditer(d.text))
            if found:
                m = rng.choice(found)
                d = d.swap(m.start(), m.end(), _SYNONYM[m.group()])
                done += 1
                continue
        spans = [
            (s, e) for s, e in _sentence_spans(d) if d.text.count("，", s, e) >= 2 and e - s < 80
        ]
        if not spans:
            continue
        s, e = rng.choice(spans)
        cuts = [i for i in range(s, e) if d.text[i] == "，"]
        i = rng.randrange(len(cuts) - 1)
        c0, c1 = cuts[i], cuts[i + 1]
        start = cuts[i - 1] + 1 if i > 0 else s
        first, second = d.cut(start, c0), d.cut(c0 + 1, c1)
        d = d.replace(start, c1, join([second, d.cut(c0, c0 + 1), first]))
        done += 1
    return d, f"reworded ({done})"


def drop_sentences(d: Draft, rng: random.Random, share: float) -> tuple[Draft, str]:
    """Drop runs of one to three sentences until ``share`` of the text is gone."""
    target = share * len(d)
    dropped, blocks = 0, 0
    while dropped < target:
        spans = _sentence_spans(d)
        if len(spans) < 3:
            break
        i = rng.randrange(1, len(spans))
        j = min(len(spans), i + rng.randint(1, 3))
        s, e = spans[i][0], spans[j - 1][1]
        if dropped + (e - s) > target + 60:  # do not overshoot by more than a sentence
            j = i + 1
            e = spans[i][1]
        d = d.replace(s, e, Draft.new(""))
        dropped += e - s
        blocks += 1
    return d, f"dropped {dropped} chars ({blocks} runs)"


def pick_clause(
    rng: random.Random,
    pool: Sequence[Draft],
    used: set[int],
    avoid: set[int],
    common: Sequence[int],
) -> int | None:
    """A clause of the pool this text has not used, from none of the bases in ``avoid``."""
    for _ in range(50):
        i = rng.choice(common) if common and rng.random() < 0.4 else rng.randrange(len(pool))
        if i not in used and base_of(int(pool[i].origin[0])) not in avoid:
            used.add(i)
            return i
    return None


def mixed_sentence(
    rng: random.Random,
    pool: Sequence[Draft],
    avoid: set[int],
    used: set[int],
    common: Sequence[int] = (),
) -> Draft:
    """A new sentence of two or three clauses from different bases, none from ``avoid``.

    It shares stock phrases with other reports but never a passage: its clauses come
    from different bases and each is shorter than a passage. ``used`` holds the pool
    indexes this text already took (a text never copies one character twice); two
    picks in five come from ``common`` when it is given.
    """
    parts: list[Draft] = []
    seen = set(avoid)
    for _ in range(rng.randint(2, 3)):
        i = pick_clause(rng, pool, used, seen, common)
        if i is None:
            continue
        seen.add(base_of(int(pool[i].origin[0])))
        if parts:
            parts.append(Draft.new("，"))
        parts.append(pool[i])
    parts.append(Draft.new("。"))
    return join(parts)


def add_sentences(
    d: Draft,
    rng: random.Random,
    chars: int,
    pool: Sequence[Draft],
    avoid: set[int],
    used: set[int],
) -> tuple[Draft, str]:
    """Insert new sentences at sentence ends until ``chars`` characters were added."""
    added = 0
    while added < chars:
        new = mixed_sentence(rng, pool, avoid, used)
        ends = [e for _, e in _sentence_spans(d)] or [len(d)]
        at = rng.choice(ends)
        d = d.replace(at, at, new)
        added += len(new)
    return d, f"added {added} chars"


def borrow(d: Draft, rng: random.Random, donor: Base) -> tuple[Draft, str]:
    """Insert a run of two or three sentences of another report (a borrowed paragraph)."""
    spans = _sentence_spans(donor.draft)
    i = rng.randrange(max(1, len(spans) - 3))
    j = min(len(spans), i + rng.randint(2, 3))
    block = donor.draft.cut(spans[i][0], spans[j - 1][1])
    ends = [e for _, e in _sentence_spans(d)] or [len(d)]
    at = rng.choice(ends)
    return d.replace(at, at, block), f"borrowed {len(block)} chars of base {donor.index}"


def truncate(d: Draft, keep: float) -> tuple[Draft, str]:
    """Keep the first sentences, about ``keep`` of the text (a download wall)."""
    ends = [e for _, e in _sentence_spans(d)]
    cut = min(ends, key=lambda e: abs(e - keep * len(d))) if ends else len(d)
    return d.cut(0, cut), f"truncated at {cut}/{len(d)}"


def splice(d: Draft, keep: float, donor: Base) -> tuple[Draft, str]:
    """The start of ``d`` with the tail of another report glued on, as long as the rest."""
    head, _ = truncate(d, keep)
    other = donor.draft
    want = max(0, len(d) - len(head))
    starts = [s for s, _ in _sentence_spans(other)]
    start = min(starts, key=lambda s: abs((len(other) - s) - want)) if starts else 0
    sep = Draft.new("" if head.text.endswith("\n") else "\n")
    return join([head, sep, other.cut(start, len(other))]), (
        f"spliced {len(head)} chars with the last {len(other) - start} of base {donor.index}"
    )


def reorder_paragraphs(d: Draft, rng: random.Random) -> tuple[Draft, str]:
    """Swap two paragraphs of at least 30 characters (never the opening one)."""
    lines, pos = [], 0
    for line in d.text.split("\n"):
        lines.append((pos, pos + len(line)))
        pos += len(line) + 1
    movable = [i for i, (s, e) in enumerate(lines) if i > 0 and e - s >= 30]
    if len(movable) < 2:
        return d, "reorder: too few paragraphs"
    i, j = sorted(rng.sample(movable, 2))
    (s1, e1), (s2, e2) = lines[i], lines[j]
    out = join([d.cut(0, s1), d.cut(s2, e2), d.cut(e1, s2), d.cut(s1, e1), d.cut(e2, len(d))])
    return out, f"swapped paragraphs {i} and {j}"


def reformat(d: Draft, rng: random.Random) -> tuple[Draft, str]:
    """Punctuation width, line breaks and spaces: what a re-typed copy changes and the
    matching view ignores."""
    swap = {"，": ",", "：": ":", "；": ";", "（": "(", "）": ")"}

    def mark(m: re.Match[str]) -> str:
        c = m.group()
        r = rng.random()
        if c == "。" and r < 0.3:
            return "。\n"
        if c in swap and r < 0.5:
            return swap[c]
        if r < 0.1:
            return c + " "
        return c

    return d.sub(re.compile(r"[，。：；（）]"), mark), "reformatted"
