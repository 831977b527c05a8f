"""The duplicate search's speed figures for ``make bench``.

Three measurements, each in the same run and on the same machine:

- MinHash signatures per second on one core, miner's batched numpy signatures
  next to datasketch's ``MinHash.update_batch`` fed the very same 5-gram hashes
  (an identity hash function, so neither side pays for hashing strings);
- the whole search (``miner.dedup.dedup``) on generated corpora of several sizes,
  each in a fresh process so its peak RSS is its own, with the fitted exponent of
  time against size;
- the evaluation against generated copies with known truth
  (``miner.dedup.evaluate``), where that module is present.
"""

from __future__ import annotations

import json
import resource
import subprocess
import sys
import time
from collections.abc import Sequence
from typing import Any

import numpy as np

from miner.dedup.minhash import NUM_PERM, fold32, signatures
from miner.dedup.shingles import shingle_hashes
from miner.dedup.view import matching_view


def _articles(n: int, seed: int = 0) -> list[Any]:
    from miner.dedup.synthetic import synthetic_corpus

    return list(synthetic_corpus(n, seed=seed))


def signature_speed(n: int = 2000, seed: int = 0) -> dict[str, Any]:
    """Articles per second: miner's signatures and datasketch's on the same shingles."""
    arts = _articles(n, seed)
    shingles = [shingle_hashes(matching_view(a.text)) for a in arts]
    chars = float(np.mean([len(a.text) for a in arts]))
    signatures(shingles[:10])  # warm up
    t0 = time.perf_counter()
    ours = signatures(shingles)
    t_ours = time.perf_counter() - t0
    out: dict[str, Any] = {
        "articles": n,
        "mean_chars": round(chars, 1),
        "num_perm": NUM_PERM,
        "miner_articles_per_s": round(n / t_ours, 1),
    }
    try:
        from datasketch import MinHash
    except ImportError:  # pragma: no cover - datasketch is a dev dependency
        out["datasketch"] = "not installed"
        return out
    # datasketch's default 32-bit scheme is fed the same 32-bit words miner permutes
    values = [fold32(s).tolist() for s in shingles]
    t0 = time.perf_counter()
    for v in values:
        m = MinHash(num_perm=NUM_PERM, hashfunc=lambda x: x)
        m.update_batch(v)
    t_ds = time.perf_counter() - t0
    out["datasketch_articles_per_s"] = round(n / t_ds, 1)
    out["speedup_vs_datasketch"] = round(t_ds / t_ours, 2)
    out["signature_shape"] = list(ours.shape)
    return out


def search_once(n: int, seed: int = 0, candidates: str = "winnow") -> dict[str, Any]:
    """One whole duplicate search on ``n`` generated articles (run in its own process)."""
    from miner.dedup import dedup
    from miner.settings import DedupConfig

    t0 = time.perf_counter()
    arts = _articles(n, seed)
    t_gen = time.perf_counter() - t0
    t0 = time.perf_counter()
    result = dedup(arts, DedupConfig(candidates=candidates))
    seconds = time.perf_counter() - t0
    return {
        "articles": n,
        "candidates": candidates,
        "generate_seconds": round(t_gen, 2),
        "search_seconds": round(seconds, 2),
        "articles_per_s": round(n / seconds, 1),
        "pairs": len(result.pairs),
        "families": len({c.cluster_id for c in result.clusters}),
        "templates": len(result.templates),
        "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
    }


def search_scaling(sizes: Sequence[int] = (10_000, 100_000), seed: int = 0) -> dict[str, Any]:
    """The search at each size in a fresh process, and the exponent of time on size."""
    runs = []
    for n in sizes:
        proc = subprocess.run(
            [sys.executable, "-m", "miner.dedup.bench", "--search", str(n), "--seed", str(seed)],
            capture_output=True,
            text=True,
            check=True,
        )
        runs.append(json.loads(proc.stdout.strip().splitlines()[-1]))
    out: dict[str, Any] = {"runs": runs}
    if len(runs) >= 2:
        from miner.scale_bench import fit_exponent

        sizes_ = [r["articles"] for r in runs]
        out["time_exponent"] = round(fit_exponent(sizes_, [r["search_seconds"] for r in runs]), 3)
    return out


def dedup_bench(sizes: Sequence[int] = (10_000, 100_000)) -> dict[str, Any]:
    """Everything ``make bench`` reports about the duplicate search."""
    out: dict[str, Any] = {"signatures": signature_speed(), "search": search_scaling(sizes)}
    try:
        from miner.dedup.evaluate import evaluate
    except ImportError:  # pragma: no cover
        return out
    out["evaluation"] = evaluate()
    return out


def main(argv: Sequence[str] | None = None) -> int:
    import argparse

    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--search", type=int, help="run one search of N articles, print JSON")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--candidates", choices=("winnow", "lsh"), default="winnow")
    args = ap.parse_args(argv)
    if args.search:
        print(json.dumps(search_once(args.search, args.seed, args.candidates)))
    else:
        from miner.bench import write_json

        write_json(dedup_bench(), None)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
