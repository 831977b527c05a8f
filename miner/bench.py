"""``make bench``: speed figures measured on this machine, written as JSON.

Segmentation throughput of the default backend (rjieba) and of miner's spaCy
pipelines (tokenizer alone, then with all four components) next to plain
``jieba.cut`` and spaCy's built-in jieba segmenter, on the same text in the same
run; the share of tokens that agree with ``jieba.cut`` on ``../shared/corpus``;
end-to-end throughput of ``miner run`` on the demo corpus and, where ``../shared``
is present, on its real corpus (web, news and government text); and the duplicate
search (``miner.dedup.bench``: signatures next to datasketch, the search on 10,000 and
100,000 generated articles, the evaluation against generated copies). The synthetic
200 MB corpus, ``-j`` scaling, peak memory and the naive baseline are in
``miner.scale_bench`` (``outputs/bench/scale.json``).
"""

from __future__ import annotations

import argparse
import json
import platform
import resource
import tempfile
import time
from pathlib import Path
from typing import Any

from miner.ingest import read_inputs
from miner.models import Page


def _page_texts(root: Path) -> list[str]:
    return [p.text for p in read_inputs(root) if isinstance(p, Page)]


def _corpus_text(root: Path) -> str:
    return "\n".join(_page_texts(root))


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


def _pipe_throughput(nlp: Any, pages: list[str], min_seconds: float = 1.0) -> float:
    """MB/s of ``nlp.pipe`` over ``pages`` (one Doc per page, as a corpus is read)."""
    for _ in nlp.pipe(pages[:2]):  # warm up
        pass
    size = sum(len(p.encode("utf-8")) for p in pages)
    n, t0 = 0, time.perf_counter()
    while True:
        for _ in nlp.pipe(pages):
            pass
        n += 1
        elapsed = time.perf_counter() - t0
        if elapsed >= min_seconds:
            return size * n / 1e6 / elapsed


def spacy_figures(pages: list[str]) -> dict[str, float]:
    """MB/s of miner's spaCy pipelines and of spaCy's built-in jieba segmenter."""
    import spacy

    import miner.nlp

    spacy_jieba = spacy.blank("zh", config={"nlp": {"tokenizer": {"segmenter": "jieba"}}})
    return {
        "spacy_miner_tokenizer_mb_s": round(_pipe_throughput(miner.nlp.load(()), pages), 2),
        "spacy_miner_pipeline_mb_s": round(_pipe_throughput(miner.nlp.load(), pages), 2),
        "spacy_jieba_segmenter_mb_s": round(_pipe_throughput(spacy_jieba, pages), 2),
    }


def token_agreement(root: Path, top: int = 15) -> dict[str, object]:
    """Share of ``jieba.cut`` tokens miner cuts identically on every page under ``root``."""
    from miner.segment.agreement import agreement, jieba_cut, miner_cut

    texts = _page_texts(root)
    out: dict[str, object] = {
        "input": str(root),
        "input_mb": round(sum(len(t.encode()) for t in texts) / 1e6, 2),
    }
    for label, user_words in (("same_dictionary", True), ("stock_jieba", False)):
        a = agreement(texts, miner_cut, jieba_cut(user_words=user_words))
        out[label] = {
            "jieba_tokens": a.reference_tokens,
            "miner_tokens": a.tokens,
            "agreed": a.agreed,
            "share": round(a.share, 5),
            "top_differences": [
                {"jieba": " ".join(r), "miner": " ".join(g), "n": n}
                for (r, g), n in a.differences.most_common(top)
            ],
        }
    return out


def bench(corpus: Path, real: Path | None = None) -> dict[str, object]:
    import jieba
    import rjieba

    from miner.pipeline import run
    from miner.segment import words
    from miner.settings import Settings

    jieba.setLogLevel(60)
    text = _corpus_text(corpus)
    copies = max(1, 2_000_000 // max(1, len(text.encode())))
    big = (text + "\n") * copies
    pages = _page_texts(corpus) * copies
    seg: dict[str, float] = {
        "text_mb": round(len(big.encode()) / 1e6, 2),
        "rjieba_cut_mb_s": round(_throughput(rjieba.cut, big), 2),
        "miner_words_mb_s": round(_throughput(words, big), 2),
        "jieba_cut_mb_s": round(_throughput(lambda t: list(jieba.cut(t)), big), 2),
    }
    seg.update(spacy_figures(pages))
    seg["speedup"] = round(seg["rjieba_cut_mb_s"] / seg["jieba_cut_mb_s"], 1)
    for key in ("miner_words", "spacy_miner_tokenizer", "spacy_miner_pipeline"):
        seg[f"{key}_vs_jieba_cut"] = round(seg[f"{key}_mb_s"] / seg["jieba_cut_mb_s"], 1)
    seg["spacy_miner_tokenizer_vs_spacy_jieba"] = round(
        seg["spacy_miner_tokenizer_mb_s"] / seg["spacy_jieba_segmenter_mb_s"], 1
    )
    shared = real.parent if real is not None else None
    agree: dict[str, object] = {"skipped": f"{shared} not found"}
    if shared is not None and shared.exists():
        agree = token_agreement(shared)
    with tempfile.TemporaryDirectory() as out:
        t0 = time.perf_counter()
        res = run(Settings(input=corpus, output=Path(out)))
        wall = time.perf_counter() - t0
    real_figures: dict[str, object] = {"skipped": f"{real} not found"}
    if real is not None and real.exists():
        with tempfile.TemporaryDirectory() as out:
            t0 = time.perf_counter()
            r = run(Settings(input=real, output=Path(out), csv=False, duckdb=False, report=False))
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
        "token_agreement": agree,
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


def write_json(result: object, out: Path | None, echo: bool = True) -> None:
    """A benchmark's figures as readable UTF-8 JSON in ``out`` (and on standard output)."""
    text = json.dumps(result, ensure_ascii=False, indent=2)
    if out is not None:
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text(text + "\n", encoding="utf-8")
    if echo or out is None:
        print(text)


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
    ap.add_argument(
        "--dedup-sizes",
        default="10000,100000",
        help="generated corpus sizes for the duplicate search's scaling ('' skips it)",
    )
    args = ap.parse_args(argv)
    result = bench(args.corpus, args.real)
    if args.dedup_sizes:
        from miner.dedup.bench import dedup_bench

        result["dedup"] = dedup_bench([int(n) for n in args.dedup_sizes.split(",")])
    write_json(result, args.out)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
