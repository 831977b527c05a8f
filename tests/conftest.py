"""Shared fixtures: paths to the demo corpus and to ../shared (skipped where absent)."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "corpus"
SHARED = ROOT.parent / "shared"
SEEDS = SHARED / "corpus" / "seeds"


@pytest.fixture(scope="session")
def corpus_dir() -> Path:
    return CORPUS


@pytest.fixture(scope="session")
def seeds_dir() -> Path:
    if not SEEDS.is_dir():
        pytest.skip("../shared/corpus/seeds is not present")
    return SEEDS


# What an errors row must not look like: a traceback, an exception's repr, raw bytes.
_NOT_READABLE = re.compile(r"Traceback|\w+Error\(|\bErrno\b|<\w+ object|\\x[0-9a-f]{2}")


def _readable(reason: str) -> bool:
    """A sentence: starts with a lower-case word, has several words, shows no internals."""
    return (
        bool(re.match(r"[a-z]", reason))
        and len(reason.split()) >= 4
        and not _NOT_READABLE.search(reason)
    )


@pytest.fixture(scope="session")
def readable() -> Callable[[str], bool]:
    """Whether an ``errors`` reason reads as a sentence a person understands."""
    return _readable
