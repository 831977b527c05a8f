"""miner: Chinese work summaries in, clean text and comparable tables out.

The package reads as the pipeline: ``ingest`` → ``clean`` → ``split`` → ``segment``
→ ``extract`` → ``dedup`` → ``tables``. ``miner.run`` runs it all; each stage is a
plain function that can be used on its own.
"""

from __future__ import annotations

import logging

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

__version__ = "0.1.0"
__all__ = [
    "Article",
    "Check",
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
