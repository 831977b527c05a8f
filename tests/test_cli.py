from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

import pytest

from miner.cli import main


def test_help_is_fast_and_imports_nothing_heavy() -> None:
    code = (
        "import sys, time; t=time.perf_counter(); from miner.cli import main\n"
        "try:\n    main(['--help'])\nexcept SystemExit:\n    pass\n"
        "heavy=[m for m in ('pandas','spacy','opencc','pyarrow','duckdb') if m in sys.modules]\n"
        "print(heavy)"
    )
    t0 = time.perf_counter()
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip().splitlines()[-1] == "[]"
    assert time.perf_counter() - t0 < 5  # generous: a cold interpreter on a loaded CI box


def test_run_writes_tables_and_summary(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    src = tmp_path / "in"
    src.mkdir()
    (src / "a.txt").write_text(
        "某村工作总结\n今年以来，全村党员52名全部作出承诺。\n", encoding="utf-8"
    )
    (src / "bad.txt").write_bytes(b"")
    code = main(["run", str(src), "-o", str(tmp_path / "out"), "--no-progress"])
    assert code == 1  # one file failed
    assert (tmp_path / "out" / "documents.parquet").exists()
    assert (tmp_path / "out" / "miner.duckdb").exists()
    line = capsys.readouterr().out
    assert "2 inputs, 1 articles" in line and "1 errors" in line


def test_usage_errors_exit_2(tmp_path: Path) -> None:
    assert main(["run", str(tmp_path / "missing")]) == 2
    assert main(["frobnicate"]) == 2


def test_scale_options_reach_the_run(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    src = tmp_path / "in"
    src.mkdir()
    (src / "a.txt").write_text("某村工作总结\n今年以来，全村党员52名全部作出承诺。\n", "utf-8")
    out = tmp_path / "out"
    args = ["run", str(src), "-o", str(out), "--no-progress", "-j", "1", "--partitioned"]
    assert main([*args, "--cache", str(tmp_path / "c")]) == 0
    assert (out / "documents" / "part-00000.parquet").exists()
    assert (tmp_path / "c" / "pages.sqlite").exists()
    assert main([*args, "--cache", str(tmp_path / "c")]) == 0
    assert "1 pages from the cache" in capsys.readouterr().out.splitlines()[-1]
    assert main([*args, "--no-cache"]) == 0
    assert not (out / ".miner-cache").exists()


def test_scale_usage_errors_exit_2(tmp_path: Path) -> None:
    assert main(["run", str(tmp_path), "-j", "0"]) == 2
    assert main(["run", str(tmp_path), "--scheduler", "tcp://127.0.0.1:8786"]) == 2
    assert main(["run", str(tmp_path), "--engine", "spark"]) == 2
