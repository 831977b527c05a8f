"""spaCy for miner: ``load()`` gives a ``spacy.blank("zh")`` pipeline with miner's parts.

The tokenizer is miner's segmenter (``miner.segment.tokenizer``), so tokens match
the ``documents.words`` column; the components (``miner_sections``,
``miner_figures``, ``miner_slogans``, ``miner_units``) are the extractors of
``miner.extract`` behind spaCy's interface (``miner.nlp.components``).

Example:
    >>> import miner.nlp
    >>> nlp = miner.nlp.load()
    >>> doc = nlp("共投入资金21.6万元，深入开展“双创双争”活动。")
    >>> [(s.text, s._.value, s._.unit) for s in doc.spans["figures"]]
    [('21.6万元', 216000.0, '元')]
    >>> [(s.text, s.label_) for s in doc.spans["slogans"]]
    [('双创双争', 'campaign')]
"""

from __future__ import annotations

from collections.abc import Sequence

import spacy
from spacy.language import Language

from miner.nlp import components as components
from miner.segment.tokenizer import MinerTokenizer

COMPONENTS: tuple[str, ...] = ("miner_sections", "miner_figures", "miner_slogans", "miner_units")

__all__ = ["COMPONENTS", "MinerTokenizer", "load"]


def load(pipes: Sequence[str] = COMPONENTS) -> Language:
    """A blank Chinese pipeline with miner's tokenizer and the named components.

    Args:
        pipes: components to add, in order; ``()`` gives the tokenizer alone, which
            is what to use to feed miner's words to other spaCy components.

    Returns:
        The ``Language``; nothing is downloaded.
    """
    nlp = spacy.blank("zh", config={"nlp": {"tokenizer": {"@tokenizers": "miner.Tokenizer.v1"}}})
    for name in pipes:
        nlp.add_pipe(name)
    return nlp
