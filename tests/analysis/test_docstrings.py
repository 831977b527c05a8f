"""The examples in the analysis modules' docstrings run and give what they say."""

from __future__ import annotations

import doctest
import importlib

import pytest

MODULES = [
    "miner.analysis",
    "miner.analysis.source",
    "miner.analysis.tokens",
    "miner.analysis.frequency",
    "miner.analysis.keyness",
    "miner.analysis.collocations",
    "miner.analysis.kwic",
    "miner.analysis.keywords",
    "miner.analysis.copies",
]


@pytest.mark.parametrize("name", MODULES)
def test_docstring_examples(name: str) -> None:
    result = doctest.testmod(importlib.import_module(name), optionflags=doctest.ELLIPSIS)
    assert result.attempted > 0 and result.failed == 0
