"""A spaCy tokenizer that hands miner's words to ``spacy.blank("zh")``.

spaCy's own Chinese segmenters are the character splitter (useless for words) and
a wrapper over ``jieba.cut`` (slow, and blind to miner's user words). This one
turns the segmenter's words straight into a ``Doc``, so spaCy pipelines see the
same tokens as the ``documents.words`` column, and ``doc.text`` is the input text
unchanged: every word is a token, white space included, and no token has a
trailing space.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

from spacy.tokens import Doc
from spacy.util import registry
from spacy.vocab import Vocab

from miner.segment.words import _engine


class MinerTokenizer:
    """Callable ``text -> Doc`` over rjieba (or jieba) with miner's user words."""

    def __init__(self, vocab: Vocab) -> None:
        self.vocab = vocab

    def __call__(self, text: str) -> Doc:
        _, mod = _engine()
        words = [w for w in mod.cut(text) if w]
        return Doc(self.vocab, words=words, spaces=[False] * len(words))

    def pipe(self, texts: Iterable[str], batch_size: int = 1000) -> Iterator[Doc]:
        for text in texts:
            yield self(text)

    def __reduce__(self) -> tuple[type[MinerTokenizer], tuple[Vocab]]:
        # Workers of ``nlp.pipe(n_process=2)`` rebuild the tokenizer from the vocab;
        # the segmenter itself loads once per process.
        return (MinerTokenizer, (self.vocab,))

    # The tokenizer has no state of its own (the dictionary ships with rjieba and
    # miner/data), so saving a pipeline stores nothing for it.
    def to_bytes(self, **kwargs: Any) -> bytes:
        return b""

    def from_bytes(self, data: bytes, **kwargs: Any) -> MinerTokenizer:
        return self

    def to_disk(self, path: str | Path, **kwargs: Any) -> None:
        Path(path).mkdir(parents=True, exist_ok=True)

    def from_disk(self, path: str | Path, **kwargs: Any) -> MinerTokenizer:
        return self


@registry.tokenizers("miner.Tokenizer.v1")
def create_tokenizer() -> Callable[[Any], MinerTokenizer]:
    """The config entry ``[nlp.tokenizer] @tokenizers = "miner.Tokenizer.v1"``."""

    def make(nlp: Any) -> MinerTokenizer:
        return MinerTokenizer(nlp.vocab)

    return make
