"""The ``miner`` command: thin argument parsing over library functions.

Heavy libraries (pandas, spaCy, OpenCC) are imported inside the handlers, so
``miner --help`` answers at once.
"""

from __future__ import annotations

import argparse
import logging
import math
import sys
from collections.abc import Sequence
from pathlib import Path

from miner import __version__
from miner.settings import Settings

_DEFAULTS = Settings()  # one place for defaults: the CLI shows and passes the same

EXIT_OK, EXIT_SOME_FAILED, EXIT_USAGE = 0, 1, 2

_RUN_EPILOG = """\
exit codes:
  0  every input was read
  1  some inputs could not be read; the run finished, and the errors table says why
  2  usage error (bad option, missing input, output folder not writable)

Tables are written under temporary names and renamed when complete, so a run that
is killed leaves no half-written table; run it again to finish the job.
"""


def _megabytes(value: str) -> float:
    """An argparse type: a positive size in MB."""
    try:
        number = float(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number of MB: {value!r}") from None
    if not 0 < number < math.inf:
        raise argparse.ArgumentTypeError(f"must be a number of MB above 0: {value}")
    return number


def _ratio(value: str) -> float:
    """An argparse type: a compression ratio of at least 1."""
    try:
        number = float(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a ratio: {value!r}") from None
    if not number >= 1:
        raise argparse.ArgumentTypeError(f"must be at least 1: {value}")
    return number


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="miner",
        description="Turn Chinese work summaries (工作总结, 汇报, 实施方案) into clean text and tables.",
    )
    p.add_argument("--version", action="version", version=f"miner {__version__}")
    p.add_argument("-v", "--verbose", action="count", default=0, help="-v info, -vv debug")
    sub = p.add_subparsers(dest="command", required=True)
    r = sub.add_parser(
        "run",
        help="run the whole pipeline on a file or folder",
        epilog=_RUN_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    r.add_argument("input", nargs="?", type=Path, default=Path("corpus"), help="default: corpus/")
    r.add_argument("-o", "--output", type=Path, default=Path("outputs"), help="default: outputs/")
    r.add_argument("--no-csv", action="store_true", help="write Parquet and DuckDB only")
    r.add_argument("--no-duckdb", action="store_true", help="do not write OUT/miner.duckdb")
    r.add_argument("--no-progress", action="store_true", help="never show a progress bar")
    r.add_argument("--no-report", action="store_true", help="do not write OUT/report.html")
    r.add_argument(
        "--text-field",
        metavar="NAME",
        help="JSONL/JSON/CSV field with each record's text (default: the first of text, "
        "content, raw_content, body, 正文, 内容 in the first record)",
    )
    r.add_argument(
        "--classifier",
        action="store_true",
        help="also remove short edge lines the line classifier calls furniture (rule 'classifier')",
    )
    r.add_argument(
        "--no-footers",
        action="store_true",
        help="do not learn and remove footer lines repeated across the corpus",
    )
    r.add_argument(
        "--max-file-mb",
        type=_megabytes,
        default=_DEFAULTS.max_file_mb,
        metavar="MB",
        help="largest document read: a page, .docx or .pdf file, or one JSONL/CSV record; "
        "larger ones become errors rows (default: %(default)g)",
    )
    r.add_argument(
        "--archive-max-mb",
        type=_megabytes,
        default=_DEFAULTS.archive_max_total_bytes / 1_000_000,
        metavar="MB",
        help="uncompressed data read from one .zip archive at most (default: %(default)g)",
    )
    r.add_argument(
        "--archive-max-ratio",
        type=_ratio,
        default=_DEFAULTS.archive_max_ratio,
        metavar="N",
        help="refuse an archive member over 1 MB that expands more than N-fold, "
        "as a possible zip bomb (default: %(default)g)",
    )
    _scale_options(r)
    r.add_argument("-q", "--quiet", action="store_true", help="no summary line")
    _dedup_options(r)
    r.set_defaults(handler=_run)
    c = sub.add_parser("compare", help="top slogans per unit type or province of a run's output")
    c.add_argument(
        "output", nargs="?", type=Path, default=Path("outputs"), help="default: outputs/"
    )
    c.add_argument("--by", choices=("unit_type", "province", "corpus"), default="unit_type")
    c.add_argument("--top", type=int, default=10, help="slogans per group (default 10)")
    c.add_argument(
        "--kind",
        choices=("campaign", "formulation", "motto", "honor"),
        help="only slogans of this kind",
    )
    c.set_defaults(handler=_compare)
    d = sub.add_parser(
        "dedup", help="search an earlier run's articles for copies again, with other settings"
    )
    d.add_argument(
        "output", nargs="?", type=Path, default=Path("outputs"), help="default: outputs/"
    )
    _dedup_options(d)
    d.set_defaults(handler=_dedup)
    s = sub.add_parser("show-pair", help="two copied articles side by side as an HTML page")
    s.add_argument("doc_a")
    s.add_argument("doc_b")
    s.add_argument(
        "--from", dest="output", type=Path, default=Path("outputs"), help="run folder (outputs/)"
    )
    s.add_argument("-o", "--html", type=Path, default=Path("pair.html"), help="default: pair.html")
    s.set_defaults(handler=_show_pair)
    rep = sub.add_parser("report", help="write OUT/report.html again from a run's tables")
    rep.add_argument(
        "output", nargs="?", type=Path, default=Path("outputs"), help="default: outputs/"
    )
    rep.set_defaults(handler=_report)
    return p


def _scale_options(p: argparse.ArgumentParser) -> None:
    """Workers, engine, cache and layout of ``miner run`` (``miner.engine``)."""
    p.add_argument(
        "-j", "--jobs", type=int, metavar="N", help="worker processes (default: every core)"
    )
    p.add_argument(
        "--engine",
        choices=("local", "dask"),
        default="local",
        help="local: processes on this machine; dask: a dask.distributed cluster",
    )
    p.add_argument(
        "--scheduler",
        metavar="ADDR",
        help="with --engine dask: a running scheduler (tcp://host:8786); "
        "default: a LocalCluster of -j workers",
    )
    p.add_argument(
        "--cache",
        type=Path,
        metavar="DIR",
        help="page cache folder (default: OUT/.miner-cache); unchanged pages are not redone",
    )
    p.add_argument("--no-cache", action="store_true", help="neither read nor write the cache")
    p.add_argument(
        "--partitioned",
        action="store_true",
        default=None,
        help="write OUT/TABLE/part-NNNNN.parquet with DuckDB views "
        "(default: only for inputs over 256 MB)",
    )


def _dedup_options(p: argparse.ArgumentParser) -> None:
    from miner.settings import DedupConfig

    cfg = DedupConfig()
    p.add_argument(
        "--candidates",
        choices=("winnow", "lsh"),
        default=cfg.candidates,
        help="candidate search: winnowing index (finds partial copies) or MinHash-LSH "
        f"(scale-out; misses copies with low Jaccard) (default {cfg.candidates})",
    )
    p.add_argument("--near-coverage", type=float, default=cfg.near_coverage, metavar="X")
    p.add_argument("--partial-coverage", type=float, default=cfg.partial_coverage, metavar="X")
    p.add_argument(
        "--partial-containment", type=float, default=cfg.partial_containment, metavar="X"
    )
    p.add_argument(
        "--template-min-groups",
        type=int,
        default=cfg.template_min_groups,
        metavar="N",
        help="a sentence in N groups of different articles is a template "
        f"(default {cfg.template_min_groups})",
    )
    p.add_argument(
        "--keep-templates",
        action="store_true",
        help="count shared template sentences as copying (they are listed either way)",
    )


def _dedup_config(args: argparse.Namespace):  # type: ignore[no-untyped-def]
    from miner.settings import DedupConfig

    return DedupConfig(
        candidates=args.candidates,
        near_coverage=args.near_coverage,
        partial_coverage=args.partial_coverage,
        partial_containment=args.partial_containment,
        template_min_groups=args.template_min_groups,
        exclude_templates=not args.keep_templates,
    )


def _missing(path: Path, output: Path) -> int:
    print(f"miner: {path} does not exist; run `miner run … -o {output}` first", file=sys.stderr)
    return EXIT_USAGE


def _dedup(args: argparse.Namespace) -> int:
    from miner.dedup.rerun import rerun_dedup

    if not (args.output / "documents.parquet").exists():
        return _missing(args.output / "documents.parquet", args.output)
    result = rerun_dedup(args.output, _dedup_config(args))
    families = len({c.cluster_id for c in result.clusters})
    print(
        f"miner: {len(result.pairs)} duplicate pairs in {families} families, "
        f"{len(result.templates)} template sentences → {args.output}"
    )
    return EXIT_OK


def _show_pair(args: argparse.Namespace) -> int:
    from miner.dedup.rerun import write_pair_html

    if not (args.output / "documents.parquet").exists():
        return _missing(args.output / "documents.parquet", args.output)
    try:
        write_pair_html(args.output, args.doc_a, args.doc_b, args.html)
    except KeyError as exc:
        print(f"miner: no article {exc.args[0]} in {args.output}", file=sys.stderr)
        return EXIT_USAGE
    print(f"miner: {args.doc_a} ↔ {args.doc_b} → {args.html}")
    return EXIT_OK


def _report(args: argparse.Namespace) -> int:
    from miner.corpus import Corpus
    from miner.report.html import write_report

    try:
        corpus = Corpus.from_output(args.output)
    except FileNotFoundError as exc:
        print(f"miner: {exc}", file=sys.stderr)
        return EXIT_USAGE
    print(f"miner: wrote {write_report(corpus, args.output)}")
    return EXIT_OK


def _compare(args: argparse.Namespace) -> int:
    import pyarrow.parquet as pq

    from miner.analysis.compare import SloganCount, top_by_group

    path = args.output / "slogan_by_unit.parquet"
    if not path.exists():
        return _missing(path, args.output)
    rows = [SloganCount(**r) for r in pq.read_table(path).to_pylist()]
    if args.kind:
        rows = [r for r in rows if r.kind == args.kind]
    for group, top in top_by_group(rows, args.by, args.top).items():
        print(f"{args.by}={group}")
        for r in top:
            print(f"  {r.articles:5d} articles {r.mentions:6d} mentions  {r.norm}  ({r.kind})")
    return EXIT_OK


def _run(args: argparse.Namespace) -> int:
    from miner.pipeline import run

    if not args.input.exists():
        print(f"miner: input {args.input} does not exist", file=sys.stderr)
        return EXIT_USAGE
    if args.output.exists() and not args.output.is_dir():
        print(f"miner: output {args.output} is a file, not a folder", file=sys.stderr)
    if args.jobs is not None and args.jobs < 1:
        print("miner: -j needs a number of at least 1", file=sys.stderr)
        return EXIT_USAGE
    if args.scheduler and args.engine != "dask":
        print("miner: --scheduler needs --engine dask", file=sys.stderr)
        return EXIT_USAGE
    settings = Settings(
        input=args.input,
        output=args.output,
        csv=not args.no_csv,
        duckdb=not args.no_duckdb,
        progress=not args.no_progress and sys.stderr.isatty(),
        text_field=args.text_field,
        classifier=args.classifier,
        footers=not args.no_footers,
        report=not args.no_report,
        dedup=_dedup_config(args),
        max_file_mb=args.max_file_mb,
        archive_max_total_bytes=int(args.archive_max_mb * 1_000_000),
        archive_max_ratio=args.archive_max_ratio,
        jobs=args.jobs,
        engine=args.engine,
        scheduler=args.scheduler,
        cache=not args.no_cache,
        cache_dir=args.cache,
        partitioned=args.partitioned,
    )
    progress = None
    if settings.progress:
        from tqdm import tqdm

        def progress(items):  # type: ignore[no-untyped-def]
            return tqdm(items, desc="pages", unit="file", leave=False, mininterval=0.5)

    try:
        res = run(settings, progress=progress)
    except OSError as exc:
        if exc.filename is None or not Path(exc.filename).is_relative_to(args.output):
            raise
        print(f"miner: cannot write to {args.output}: {exc.strerror or exc}", file=sys.stderr)
        return EXIT_USAGE
    if not args.quiet:
        skipped = sum(res.skipped.values())
        extra = f", {skipped} skipped ({', '.join(sorted(res.skipped))})" if skipped else ""
        if res.cached:
            extra += f", {res.cached} pages from the cache"
        print(
            f"miner: {res.inputs} inputs, {res.articles} articles, {res.removals} removals, "
            f"{res.figures} figures, {res.duplicates} duplicate pairs, {res.errors} errors{extra} "
            f"in {res.seconds:.2f} s ({res.mb_per_s:.2f} MB/s) → {args.output}"
        )
        where = args.output / ("errors.csv" if settings.csv else "errors.parquet")
        if res.failed > res.faulted:
            print(
                f"miner: {res.failed - res.faulted} inputs could not be read; the reasons are "
                f"in {where}",
                file=sys.stderr,
            )
        if res.faulted:
            print(
                f"miner: on {res.faulted} inputs miner failed because of an error of its own, "
                f"not of the input (a bug: please report it); the errors are in {where}",
                file=sys.stderr,
            )
    return EXIT_SOME_FAILED if res.errors else EXIT_OK


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point; returns the exit code (0 all read, 1 some files failed, 2 usage error)."""
    parser = _parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:
        return int(exc.code or 0) if exc.code in (0, None) else EXIT_USAGE
    logging.basicConfig(
        level=(logging.WARNING, logging.INFO, logging.DEBUG)[min(args.verbose, 2)],
        format="%(levelname)s %(name)s: %(message)s",
    )
    return int(args.handler(args))
