"""Kill a run with SIGKILL, start it again: the tables are those of a run never killed.

``miner run`` is started as a real process on a corpus that takes a few seconds and
killed with SIGKILL, once while it reads and extracts and once while it writes its
tables over those of an earlier run. Every table under its final name must then be
complete (the earlier run's or the new one's, byte for byte), and a second run must
leave tables identical to an uninterrupted run's, with no temporary files left.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import duckdb
import pandas as pd
import pytest

from miner.pipeline import run
from miner.settings import Settings
from miner.synthetic import grow, load_source

ROOT = Path(__file__).resolve().parents[1]
# Pages grown from corpus/ (units, numbers and sentences changed, so no page repeats another
# and miner's per-line caches cannot shorten the loop), read in the killed process itself
# (-j1): its page loop then runs well past the CPU time at which the reading test kills it.
CORPUS_BYTES = 1_500_000

pytestmark = pytest.mark.skipif(
    not Path("/proc/self/stat").exists(), reason="reads a process's CPU time from /proc"
)


def _corpus(corpus_dir: Path, root: Path) -> Path:
    grow(load_source(corpus_dir), root, CORPUS_BYTES)
    return root


def _cpu_seconds(pid: int) -> float:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def _kill_when(corpus: Path, out: Path, ready: Callable[[int], bool]) -> None:
    """Start ``miner run`` and SIGKILL it as soon as ``ready(pid)`` holds."""
    env = {
        **os.environ,
        "PYTHONPATH": os.pathsep.join([str(ROOT), os.environ.get("PYTHONPATH", "")]),
    }
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "miner",
            "run",
            str(corpus),
            "-o",
            str(out),
            "-q",
            "--no-progress",
            "-j1",
        ],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 120
    try:
        while proc.poll() is None and time.monotonic() < deadline:
            if ready(proc.pid):
                proc.send_signal(signal.SIGKILL)
                break
            time.sleep(0.002)
    finally:
        if proc.poll() is None:
            proc.kill()
        proc.wait()
    assert proc.returncode == -signal.SIGKILL, "the run ended before it could be killed"


def _replaced(out: Path, inodes: dict[str, int]) -> bool:
    """Whether any of these files was replaced (or is gone) since ``inodes`` was taken."""
    for name, inode in inodes.items():
        try:
            if (out / name).stat().st_ino != inode:
                return True
        except FileNotFoundError:
            return True
    return False


def _temps(out: Path) -> list[str]:
    return sorted(p.name for p in out.glob(".*.tmp*"))


def _duckdb_tables(path: Path) -> dict[str, pd.DataFrame]:
    con = duckdb.connect(str(path), read_only=True)
    try:
        names = [r[0] for r in con.execute("SHOW TABLES").fetchall()]
        return {n: con.execute(f'SELECT * FROM "{n}"').df() for n in sorted(names)}
    finally:
        con.close()


def _same_duckdb(a: Path, b: Path) -> bool:
    ta, tb = _duckdb_tables(a), _duckdb_tables(b)
    return ta.keys() == tb.keys() and all(ta[n].equals(tb[n]) for n in ta)


def _files(out: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in out.iterdir() if not p.name.startswith(".")}


def _assert_same_as(out: Path, reference: Path) -> None:
    got, want = _files(out), _files(reference)
    assert got.keys() == want.keys()
    for name in want:
        if name != "miner.duckdb":  # DuckDB stamps its files; compared by content
            assert got[name] == want[name], name
    assert _same_duckdb(out / "miner.duckdb", reference / "miner.duckdb")


@pytest.fixture(scope="module")
def runs(tmp_path_factory: pytest.TempPathFactory, corpus_dir: Path) -> dict[str, Path]:
    base = tmp_path_factory.mktemp("interrupt")
    corpus = _corpus(corpus_dir, base / "corpus")
    reference = base / "reference"
    run(Settings(input=corpus, output=reference))
    earlier = base / "earlier"  # a complete run on other input, for the folder to hold
    page = min(p for p in corpus.rglob("*") if p.is_file())
    run(Settings(input=page, output=earlier))
    return {"corpus": corpus, "reference": reference, "earlier": earlier, "base": base}


def test_interrupt_while_reading_then_rerun(runs: dict[str, Path]) -> None:
    out = runs["base"] / "killed_reading"
    # Past the imports (about 1.3 s of CPU), inside the page loop.
    _kill_when(runs["corpus"], out, lambda pid: _cpu_seconds(pid) > 2.0)
    assert not out.exists() or not _files(out)  # nothing written yet, nothing half-written
    run(Settings(input=runs["corpus"], output=out))
    _assert_same_as(out, runs["reference"])
    assert _temps(out) == []


def test_interrupt_while_writing_then_rerun(runs: dict[str, Path]) -> None:
    out = runs["base"] / "killed_writing"
    out.mkdir()
    earlier = _files(runs["earlier"])
    for name, data in earlier.items():
        (out / name).write_bytes(data)
    inodes = {name: (out / name).stat().st_ino for name in earlier}
    # Killed right after the first new table is renamed into place: a folder of new
    # and earlier tables, with the next one half-written under its temporary name.
    _kill_when(runs["corpus"], out, lambda pid: _replaced(out, inodes))
    reference = _files(runs["reference"])
    left = _files(out)
    assert left.keys() == earlier.keys()  # no table went missing
    new = 0
    for name, data in left.items():  # each table is whole: the earlier or the new one
        if name == "miner.duckdb":
            assert _same_duckdb(out / name, runs["earlier"] / name)
        else:
            assert data in (earlier[name], reference[name]), name
            new += data == reference[name] != earlier[name]
    assert new >= 1
    run(Settings(input=runs["corpus"], output=out))
    _assert_same_as(out, runs["reference"])
    assert _temps(out) == []  # the second run cleared what the killed one left
