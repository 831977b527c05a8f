from __future__ import annotations

import random
import re
from pathlib import Path

from miner.ingest import read_inputs
from miner.models import Page
from miner.synthetic import grow, load_source, mutate


def test_growth_is_deterministic_and_reaches_the_size(tmp_path: Path, corpus_dir: Path) -> None:
    src = load_source(corpus_dir)
    a, b = tmp_path / "a", tmp_path / "b"
    written = grow(src, a, 300_000, seed=3)
    assert written >= 300_000
    assert grow(src, b, 300_000, seed=3) == written
    files = sorted(p.relative_to(a) for p in a.rglob("*.txt"))
    assert files == sorted(p.relative_to(b) for p in b.rglob("*.txt"))
    assert all((a / f).read_bytes() == (b / f).read_bytes() for f in files)
    encodings = {p.encoding for p in read_inputs(a) if isinstance(p, Page)}
    assert {"utf-8", "gb18030"} <= encodings


def test_pages_of_one_source_differ_in_numbers_units_and_sentences(corpus_dir: Path) -> None:
    src = load_source(corpus_dir)
    k = next(i for i, n in enumerate(src.names) if n is not None)
    page, names = src.pages[k], src.names[k]
    one, two = (mutate(page, random.Random(s), src, names) for s in (1, 2))
    assert one != two and page not in (one, two)
    assert names is not None and not names.search(one)  # the unit moved elsewhere
    digits = re.compile(r"\d{2,}")
    assert set(digits.findall(one)) != set(digits.findall(page))
    # Short lines (headings, furniture) stay as they were, for the cleaning rules.
    short = [ln for ln in page.split("\n") if 0 < len(ln) < 15 and not re.search(r"\d", ln)]
    assert short and sum(ln in one.split("\n") for ln in short) >= len(short) // 2
