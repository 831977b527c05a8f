"""``make bench``: speed figures measured on this machine, written as JSON.

First version: segmentation throughput of the default backend (rjieba) next to
plain ``jieba.cut`` on the same text in the same run, and end-to-end throughput
of ``miner run`` on the demo corpus and, where ``../shared`` is present, on its
real corpus (web, news and government text). Later issues add the synthetic 200 MB corpus,
``-j`` scaling and the dedup benchmark.
"""

from __future__ import annotations

import argparse
import json
import platform
import resource
import tempfile
import time
from pathlib import Path

from miner.ingest import read_inputs
from miner.models import Page


def _corpus_text(root: Path) -> str:
    return "\n".join(p.text for p in read_inputs(root) if isinstance(p, Page))


def _throughput(fn, text: str, min_seconds: float = 1.0) -> float:  # type: ignore[no-untyped-def]
    """MB/s of ``fn(text)``, repeated until ``min_seconds`` have passed."""
    fn(text[:1000])  # warm up: dictionaries load outside the timing
    size = len(text.encode("utf-8"))
    n, t0 = 0, time.perf_counter()
    while True:
        fn(text)
        n += 1
        elapsed = time.perf_counter() - t0
        if elapsed >= min_seconds:
            return size * n / 1e6 / elapsed


def bench(corpus: Path, real: Path | None = None) -> dict[str, object]:
    import jieba
    import rjieba

    from miner.pipeline import run
    from miner.settings import Settings

    jieba.setLogLevel(60)
    text = _corpus_text(corpus)
    big = (text + "\n") * max(1, 2_000_000 // max(1, len(text.encode())))
    seg = {
        "text_mb": round(len(big.encode()) / 1e6, 2),
        "rjieba_cut_mb_s": round(_throughput(rjieba.cut, big), 2),
        "jieba_cut_mb_s": round(_throughput(lambda t: list(jieba.cut(t)), big), 2),
    }
    seg["speedup"] = round(seg["rjieba_cut_mb_s"] / seg["jieba_cut_mb_s"], 1)
    with tempfile.TemporaryDirectory() as out:
        t0 = time.perf_counter()
        res = run(Settings(input=corpus, output=Path(out)))
        wall = time.perf_counter() - t0
    real_figures: dict[str, object] = {"skipped": f"{real} not found"}
    if real is not None and real.exists():
        with tempfile.TemporaryDirectory() as out:
            t0 = time.perf_counter()
            r = run(Settings(input=real, output=Path(out), csv=False, duckdb=False))
            real_wall = time.perf_counter() - t0
        real_figures = {
            "input": str(real),
            "input_mb": round(r.bytes_read / 1e6, 2),
            "inputs": r.inputs,
            "articles": r.articles,
            "seconds": round(real_wall, 2),
            "mb_s": round(r.bytes_read / 1e6 / real_wall, 3),
        }
    return {
        "machine": {"python": platform.python_version(), "platform": platform.platform()},
        "segmentation": seg,
        "end_to_end_corpus": {
            "input_mb": round(res.bytes_read / 1e6, 4),
            "articles": res.articles,
            "seconds": round(wall, 3),
            "mb_s": round(res.bytes_read / 1e6 / wall, 4),
            "note": "includes start-up (dictionary and OpenCC loading); corpus is tiny",
        },
        "end_to_end_real": real_figures,
        "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
    }


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--corpus", type=Path, default=Path("corpus"))
    ap.add_argument("--out", type=Path, default=Path("outputs/bench/bench.json"))
    ap.add_argument(
        "--real",
        type=Path,
        default=Path("../shared/corpus/real"),
        help="a folder of real text for an end-to-end figure (skipped where absent)",
    )
    args = ap.parse_args(argv)
    result = bench(args.corpus, args.real)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(result, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    print(json.dumps(result, ensure_ascii=False, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
