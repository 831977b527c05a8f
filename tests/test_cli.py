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


def test_run_limits_are_options(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    src = tmp_path / "in"
    src.mkdir()
    (src / "a.txt").write_text("某村工作总结\n" + "全村党员52名全部作出承诺。" * 200, "utf-8")
    out = tmp_path / "out"
    assert main(["run", str(src), "-o", str(out), "-q", "--no-duckdb"]) == 0
    assert main(["run", str(src), "-o", str(out), "--no-duckdb", "--max-file-mb", "0.001"]) == 1
    captured = capsys.readouterr()
    assert "1 errors" in captured.out
    assert f"1 inputs could not be read; the reasons are in {out / 'errors.csv'}" in captured.err
    errors = (out / "errors.csv").read_text(encoding="utf-8-sig")
    assert "over the 1 KB limit for one document; raise --max-file-mb to read it" in errors


@pytest.mark.parametrize(
    "options",
    [
        ["--max-file-mb", "0"],
        ["--max-file-mb", "lots"],
        ["--max-file-mb", "inf"],
        ["--archive-max-mb", "-1"],
        ["--archive-max-ratio", "0.5"],
    ],
)
def test_run_bad_limits_are_usage_errors(tmp_path: Path, options: list[str]) -> None:
    assert main(["run", str(tmp_path), "-o", str(tmp_path / "out"), *options]) == 2


def test_run_output_that_is_a_file_is_a_usage_error(tmp_path: Path) -> None:
    (tmp_path / "page.txt").write_text("某村工作总结。", encoding="utf-8")
    (tmp_path / "taken").write_text("", encoding="utf-8")
    assert main(["run", str(tmp_path / "page.txt"), "-o", str(tmp_path / "taken")]) == 2


def test_run_help_documents_the_exit_codes(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["run", "--help"]) == 0
    text = capsys.readouterr().out
    for line in ("0  every input was read", "1  some inputs could not be read", "2  usage error"):
        assert line in text
    assert "--max-file-mb" in text and "--archive-max-ratio" in text


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


def test_a_failure_of_miners_own_is_not_called_unreadable_input(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    import miner.engine.tasks

    src = tmp_path / "in"
    src.mkdir()
    (src / "a.txt").write_text("某村工作总结\n全村党员52名全部作出承诺。\n", encoding="utf-8")
    (src / "bad.txt").write_bytes(b"")

    def broken(*args: object, **kwargs: object) -> object:
        raise NameError("name '_x' is not defined")

    monkeypatch.setattr(miner.engine.tasks, "process_page", broken)
    assert main(["run", str(src), "-o", str(tmp_path / "out"), "--no-progress"]) == 1
    err = capsys.readouterr().err
    assert "miner: 1 inputs could not be read" in err  # the empty file
    assert "on 1 inputs miner failed because of an error of its own" in err  # a.txt
