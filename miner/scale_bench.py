"""``make bench``, scale part: MB/s, workers, memory and growth on a synthetic corpus.

A corpus of ``--sizes`` megabytes is grown from ``corpus/`` (``miner.synthetic``);
every measurement runs in a fresh Python process (``--one``), so start-up, imports
and peak memory are those of a real ``miner run`` and one measurement cannot warm
the next. Measured:

- end-to-end MB/s of ``miner run`` with ``-j1`` at every size (the scaling table and
  the fitted exponent of time against size) and with ``-j2`` at the largest;
- peak RSS of the main process and of the largest worker (``ru_maxrss``);
- a naive baseline over the same files at the largest size — decode, a few regular
  expressions, ``jieba.cut``, pandas, one Parquet file — as the ratio of MB/s;
- the same ``-j2`` run again into the same folder, all pages from the page cache;
- the top per-page costs under cProfile on a sample of the smallest corpus.

Runs write partitioned tables (``--partitioned``), as a large run does. The machine
is shared: the load average before and after each measurement is recorded with it.
"""

from __future__ import annotations

import argparse
import cProfile
import io
import json
import math
import os
import platform
import pstats
import re
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from miner.bench import write_json


def fit_exponent(sizes: Sequence[float], seconds: Sequence[float]) -> float:
    """The slope of log(seconds) against log(size): 1 is linear growth.

    Example:
        >>> round(fit_exponent([10, 100, 1000], [2, 20, 200]), 3)
        1.0
    """
    xs = [math.log(s) for s in sizes]
    ys = [math.log(t) for t in seconds]
    mx, my = sum(xs) / len(xs), sum(ys) / len(ys)
    var = sum((x - mx) ** 2 for x in xs)
    return sum((x - mx) * (y - my) for x, y in zip(xs, ys, strict=True)) / var


def _peaks() -> dict[str, float]:
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    workers = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return {"peak_rss_mb": round(own, 1), "peak_worker_rss_mb": round(workers, 1)}


def one_miner(folder: Path, out: Path, jobs: int) -> dict[str, Any]:
    """One ``miner run`` as the command line runs it (this is the child process)."""
    from miner.pipeline import run
    from miner.settings import Settings

    settings = Settings(
        input=folder, output=out, csv=False, jobs=jobs, partitioned=True, parallel_min_bytes=0
    )
    t0 = time.perf_counter()
    res = run(settings)
    wall = time.perf_counter() - t0
    return {
        "jobs": jobs,
        "input_mb": round(res.bytes_read / 1e6, 2),
        "inputs": res.inputs,
        "articles": res.articles,
        "figures": res.figures,
        "duplicates": res.duplicates,
        "seconds": round(wall, 2),
        "mb_s": round(res.bytes_read / 1e6 / wall, 3),
        **_peaks(),
    }


_TAGS = re.compile(r"<[^>]+>")
_URL = re.compile(r"https?://\S+|www\.\S+")
_META = re.compile(r"^.*(?:发布时间|来源|浏览|点击|责任编辑|推荐阅读|版权所有).*$", re.M)
_FIGURE = re.compile(r"(\d+(?:\.\d+)?)\s*(万元|亿元|元|万人|人次|人|户|个|名|项|次|%)")


def one_naive(folder: Path, out: Path) -> dict[str, Any]:
    """The baseline a script would be: regular expressions, ``jieba.cut`` and pandas."""
    import jieba
    import pandas as pd

    jieba.setLogLevel(60)
    jieba.initialize()
    t0 = time.perf_counter()
    docs: list[dict[str, Any]] = []
    figures: list[dict[str, Any]] = []
    size = 0
    for path in sorted(folder.rglob("*.txt")):
        data = path.read_bytes()
        size += len(data)
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            text = data.decode("gb18030", errors="replace")
        text = _META.sub("", _URL.sub("", _TAGS.sub("", text)))
        text = re.sub(r"[ \t\u3000]+", "", text)
        doc_id = path.stem
        words = [w for w in jieba.cut(text) if w.strip()]
        docs.append({"doc_id": doc_id, "text": text, "words": " ".join(words)})
        figures.extend(
            {"doc_id": doc_id, "value": float(m.group(1)), "unit": m.group(2)}
            for m in _FIGURE.finditer(text)
        )
    out.mkdir(parents=True, exist_ok=True)
    pd.DataFrame(docs).to_parquet(out / "documents.parquet")
    pd.DataFrame(figures).to_parquet(out / "figures.parquet")
    wall = time.perf_counter() - t0
    return {
        "input_mb": round(size / 1e6, 2),
        "articles": len(docs),
        "figures": len(figures),
        "seconds": round(wall, 2),
        "mb_s": round(size / 1e6 / wall, 3),
        **_peaks(),
    }


def profile_pages(folder: Path, pages: int = 400, top: int = 20) -> list[dict[str, Any]]:
    """The functions that take the most time in the per-page stages (cProfile, cumulative)."""
    from miner.ingest import read_inputs
    from miner.models import Page
    from miner.pipeline import process_page

    sample = [p for p in read_inputs(folder) if isinstance(p, Page)][:pages]
    process_page(sample[0])  # dictionaries and models load outside the profile
    profiler = cProfile.Profile()
    profiler.enable()
    for page in sample:
        process_page(page)
    profiler.disable()
    stats = pstats.Stats(profiler, stream=io.StringIO())
    total = sum(v[3] for k, v in stats.stats.items() if k[2] == "process_page")  # type: ignore[attr-defined]
    rows: list[dict[str, Any]] = []
    for (file, line, name), (_cc, calls, tottime, cumtime, _) in stats.stats.items():  # type: ignore[attr-defined]
        if "/miner/" not in file or name in ("process_page", "<module>"):
            continue
        where = file.split("/miner/", 1)[1]
        rows.append(
            {
                "function": f"miner/{where}:{line}({name})",
                "calls": calls,
                "cumulative_s": round(cumtime, 2),
                "own_s": round(tottime, 2),
                "share_of_process_page": round(cumtime / total, 3) if total else None,
            }
        )
    rows.sort(key=lambda r: -r["cumulative_s"])
    return rows[:top]


def _child(args: list[str]) -> dict[str, Any]:
    """Run ``--one …`` in a fresh interpreter; its last stdout line is the JSON result."""
    before = os.getloadavg()[0]
    proc = subprocess.run(
        [sys.executable, "-m", "miner.scale_bench", "--one", *args],
        capture_output=True,
        text=True,
        check=False,
    )
    if proc.returncode != 0:
        raise RuntimeError(f"measurement {args} failed:\n{proc.stderr[-3000:]}")
    result: dict[str, Any] = json.loads(proc.stdout.strip().splitlines()[-1])
    result["load_before_after"] = [round(before, 2), round(os.getloadavg()[0], 2)]
    return result


def bench(source: Path, sizes_mb: Sequence[int], work: Path) -> dict[str, Any]:
    from miner.synthetic import grow, load_source

    src = load_source(source)
    scaling: list[dict[str, Any]] = []
    largest: Path | None = None
    generated: dict[str, float] = {}
    for mb in sorted(sizes_mb):
        folder = work / f"corpus-{mb}mb"
        t0 = time.perf_counter()
        grow(src, folder, mb * 1_000_000)
        generated[f"{mb}"] = round(time.perf_counter() - t0, 1)
        row = _child(["miner", str(folder), str(work / f"out-{mb}-j1"), "1"])
        shutil.rmtree(work / f"out-{mb}-j1", ignore_errors=True)
        scaling.append({"size_mb": mb, **row})
        print(json.dumps(scaling[-1], ensure_ascii=False), file=sys.stderr, flush=True)
        largest = folder
    assert largest is not None
    j2 = _child(["miner", str(largest), str(work / "out-j2"), "2"])
    print(json.dumps(j2, ensure_ascii=False), file=sys.stderr, flush=True)
    # The same run again into the same folder: every page comes from the cache.
    rerun = _child(["miner", str(largest), str(work / "out-j2"), "2"])
    print(json.dumps(rerun, ensure_ascii=False), file=sys.stderr, flush=True)
    naive = _child(["naive", str(largest), str(work / "out-naive")])
    print(json.dumps(naive, ensure_ascii=False), file=sys.stderr, flush=True)
    j1 = scaling[-1]
    smallest = work / f"corpus-{min(sizes_mb)}mb"
    exponent = fit_exponent([r["input_mb"] for r in scaling], [r["seconds"] for r in scaling])
    peak = max(max(r["peak_rss_mb"], r["peak_worker_rss_mb"]) for r in [*scaling, j2])
    return {
        "machine": {
            "python": platform.python_version(),
            "platform": platform.platform(),
            "cores": os.cpu_count(),
            "note": "shared with other jobs: see load_before_after of each measurement",
        },
        "synthetic_corpus": {
            "grown_from": str(source),
            "source_pages": len(src.pages),
            "sizes_mb": list(sizes_mb),
            "generation_seconds": generated,
        },
        "end_to_end": {
            "input_mb": j1["input_mb"],
            "j1_mb_s": j1["mb_s"],
            "j2_mb_s": j2["mb_s"],
            "j2_speedup": round(j2["mb_s"] / j1["mb_s"], 2),
            "cached_rerun_mb_s": rerun["mb_s"],
            "naive_mb_s": naive["mb_s"],
            "j1_vs_naive": round(j1["mb_s"] / naive["mb_s"], 2),
            "j2_vs_naive": round(j2["mb_s"] / naive["mb_s"], 2),
            "peak_rss_mb": peak,
        },
        "goals": {
            "j1_at_least_6_mb_s": j1["mb_s"] >= 6,
            "j2_at_least_1.8x_j1": j2["mb_s"] >= 1.8 * j1["mb_s"],
            "peak_rss_under_1500_mb": peak < 1500,
            "exponent_under_1.1": exponent < 1.1,
        },
        "scaling": scaling,
        "exponent": round(exponent, 3),
        "j2": j2,
        "j2_rerun_from_cache": rerun,
        "naive_baseline": {
            "what": "utf-8/gb18030 decode, 4 regexes, jieba.cut, pandas DataFrames to Parquet",
            **naive,
        },
        "profile_top": profile_pages(smallest),
    }


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--corpus", type=Path, default=Path("corpus"))
    ap.add_argument(
        "--sizes", default="10,100,200", help="MB, comma-separated (default 10,100,200)"
    )
    ap.add_argument("--out", type=Path, default=Path("outputs/bench/scale.json"))
    ap.add_argument("--work", type=Path, help="folder for the corpora (default: a temporary one)")
    ap.add_argument("--one", nargs="+", help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.one:
        kind, folder, out, *rest = args.one
        if kind == "miner":
            result = one_miner(Path(folder), Path(out), int(rest[0]))
        else:
            result = one_naive(Path(folder), Path(out))
        print(json.dumps(result))
        return 0
    sizes = [int(s) for s in args.sizes.split(",") if s]
    with tempfile.TemporaryDirectory(dir=args.work) as tmp:
        result = bench(args.corpus, sizes, Path(tmp))
    write_json(result, args.out)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
