"""miner: Chinese work summaries in, clean text and comparable tables out.

The package reads as the pipeline: ``ingest`` → ``clean`` → ``split`` → ``segment``
→ ``extract`` → ``dedup`` → ``tables``. ``miner.run`` runs it all; each stage is a
plain function that can be used on its own.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Any

from miner.models import (
    Article,
    Check,
    DuplicatePair,
    ErrorRecord,
    Figure,
    Page,
    Passage,
    Removal,
    Section,
    Slogan,
)
from miner.settings import Settings

if TYPE_CHECKING:
    from miner.corpus import Corpus

__version__ = "0.1.0"
__all__ = [
    "Article",
    "Check",
    "Corpus",
    "DuplicatePair",
    "ErrorRecord",
    "Figure",
    "Page",
    "Passage",
    "Removal",
    "Section",
    "Settings",
    "Slogan",
    "__version__",
    "run",
]

logging.getLogger(__name__).addHandler(logging.NullHandler())


def run(settings: Settings):  # type: ignore[no-untyped-def]
    """Run the whole pipeline (see ``miner.pipeline.run``); imported lazily to keep start-up fast."""
    from miner.pipeline import run as _run

    return _run(settings)


def __getattr__(name: str) -> Any:
    """``miner.Corpus`` on first use: it pulls in pandas, which ``miner run`` need not wait for."""
    if name == "Corpus":
        from miner.corpus import Corpus

        return Corpus
    raise AttributeError(f"module 'miner' has no attribute {name!r}")
