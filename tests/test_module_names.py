"""A module-level name bound twice in one module: the later binding silently wins."""

from __future__ import annotations

import ast
from collections import Counter
from pathlib import Path

import pytest

MINER = Path(__file__).resolve().parents[1] / "miner"


@pytest.mark.parametrize(
    "path", sorted(MINER.rglob("*.py")), ids=lambda p: str(p.relative_to(MINER))
)
def test_no_module_level_name_is_bound_twice(path: Path) -> None:
    names: Counter[str] = Counter()
    for node in ast.parse(path.read_text(encoding="utf-8")).body:
        if isinstance(node, ast.Assign):
            names.update(t.id for t in node.targets if isinstance(t, ast.Name))
        elif isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name):
            names[node.target.id] += 1
        elif isinstance(node, (ast.FunctionDef, ast.ClassDef)):
            names[node.name] += 1
    assert [n for n, k in names.items() if k > 1] == []
