"""Run miner on ../shared's seed pages and score the output with ../shared/tools/score.py.

The floors are the levels reached so far; raise them as stages improve, never lower them.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from miner.pipeline import run
from miner.settings import Settings

FLOORS = {
    "split_count": 1.0,
    "split": 1.0,
    "boilerplate_removed": 1.0,
    "content_kept": 1.0,
    "title": 1.0,
    "script": 1.0,
    "truncated": 1.0,
    "date": 1.0,
    "genre": 1.0,
    "headings_recall": 1.0,
    "headings_precision": 1.0,
    "headings_depth": 1.0,
    "figures_recall": 1.0,
    "figures_precision": 1.0,
    "figures_not_false": 1.0,
    "figures_qualifier": 1.0,
    "slogans_recall": 0.978,
    "duplicates_recall": 1.0,
    "duplicates_kind": 1.0,
    "duplicates_not_false": 1.0,
    "unit_type": 1.0,
    "unit_name": 1.0,
    "region": 1.0,
}


@pytest.fixture(scope="module")
def seeds_out(tmp_path_factory: pytest.TempPathFactory, seeds_dir: Path) -> Path:
    out = tmp_path_factory.mktemp("seeds_out")
    run(Settings(input=seeds_dir, output=out, csv=False, duckdb=False))
    return out


def test_seeds_score_meets_floors(seeds_out: Path, seeds_dir: Path) -> None:
    shared = seeds_dir.parents[1]
    score = shared / "tools" / "score.py"
    gold = shared / "spec" / "gold" / "seeds.json"
    args = [sys.executable, str(score), str(seeds_out), "--gold", str(gold)]
    for metric, floor in FLOORS.items():
        args += ["--min", f"{metric}={floor}"]
    proc = subprocess.run(args, capture_output=True, text=True)
    assert proc.returncode == 0, proc.stdout + proc.stderr
