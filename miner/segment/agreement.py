"""How far miner's words agree with ``jieba.cut``: a figure, and the differences behind it.

rjieba reimplements jieba with the same dictionary, so tokens should match; where
they do not, downstream word counts and alignments shift. A token agrees when the
other segmenter cut exactly the same span. White space tokens are not counted.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

Cut = Callable[[str], Iterable[str]]


@dataclass(slots=True)
class Agreement:
    """Token agreement of a segmenter with a reference over many texts."""

    reference_tokens: int = 0
    tokens: int = 0
    agreed: int = 0
    # (reference words, our words) for each stretch between shared boundaries where
    # the two cut differently: ("双创双", "争") vs ("双创双争",)
    differences: Counter[tuple[tuple[str, ...], tuple[str, ...]]] = field(default_factory=Counter)

    @property
    def share(self) -> float:
        """Share of the reference's tokens that we cut identically."""
        return self.agreed / self.reference_tokens if self.reference_tokens else 1.0


def _spans(words: Iterable[str]) -> list[tuple[int, int, str]]:
    out, pos = [], 0
    for w in words:
        if w and not w.isspace():
            out.append((pos, pos + len(w), w))
        pos += len(w)
    return out


def agreement(texts: Iterable[str], ours: Cut, reference: Cut) -> Agreement:
    """Compare two segmenters on ``texts``.

    Args:
        texts: the texts to cut.
        ours: the segmenter judged (miner's ``rjieba.cut`` with user words).
        reference: the one judged against (``jieba.cut``).

    Example:
        >>> a = agreement(["双创双争活动"], lambda t: ["双创双争", "活动"], lambda t: ["双创双", "争", "活动"])
        >>> a.agreed, a.reference_tokens, dict(a.differences)
        (1, 3, {(('双创双', '争'), ('双创双争',)): 1})
    """
    result = Agreement()
    for text in texts:
        ref, got = _spans(reference(text)), _spans(ours(text))
        result.reference_tokens += len(ref)
        result.tokens += len(got)
        got_set = {(s, e) for s, e, _ in got}
        result.agreed += sum((s, e) in got_set for s, e, _ in ref)
        _collect_differences(ref, got, result.differences)
    return result


def _collect_differences(
    ref: list[tuple[int, int, str]],
    got: list[tuple[int, int, str]],
    into: Counter[tuple[tuple[str, ...], tuple[str, ...]]],
) -> None:
    """Group the tokens between boundaries both segmenters share, where they differ."""
    i = j = 0
    while i < len(ref) and j < len(got):
        if ref[i][:2] == got[j][:2]:
            i, j = i + 1, j + 1
            continue
        ri, gj = [ref[i]], [got[j]]
        # Advance whichever side ends first until both end at the same offset.
        while ri[-1][1] != gj[-1][1]:
            if ri[-1][1] < gj[-1][1]:
                if i + len(ri) >= len(ref):
                    break
                ri.append(ref[i + len(ri)])
            else:
                if j + len(gj) >= len(got):
                    break
                gj.append(got[j + len(gj)])
        into[(tuple(w for *_, w in ri), tuple(w for *_, w in gj))] += 1
        i, j = i + len(ri), j + len(gj)


def jieba_cut(user_words: bool = True) -> Cut:
    """``jieba.cut`` on a tokenizer of its own, with or without miner's user words.

    With them (the shipped list and any added since, such as a learned campaign
    lexicon), the comparison isolates the backend: rjieba against jieba on one
    dictionary. Without them, it also shows what the user words change.
    """
    import jieba

    from miner.segment.words import user_words as taught

    jieba.setLogLevel(60)
    tokenizer = jieba.Tokenizer()
    if user_words:
        for word in taught():
            tokenizer.add_word(word, 20000, "nz")
    return lambda text: tokenizer.cut(text)


def miner_cut(text: str) -> list[str]:
    """miner's segmenter with white space kept, so offsets can be counted."""
    from miner.segment.words import _engine

    cut: list[str] = _engine()[1].cut(text)
    return cut
