"""``OUT/report.html``: one page a person opens to see what a run found.

The page is self-contained (plots are PNG data URIs, styles inline, no script, nothing
fetched), so it can be mailed or archived as one file. It is built for reading in order:
the summary, the plots with a line on how to read each, the checks, the copied pairs with
their aligned passages side by side, and the first rows of every table.

Scraped pages carry markup, so everything taken from a document — titles, text, slogans,
details — goes through ``html.escape`` (``_e``) before it touches the page; a
Content-Security-Policy that allows no script at all stands behind that. The page holds no
time stamp and no timing, so the same tables give the same bytes.

The page's size and the work behind it are bounded whatever the corpus (issue 10: on 40 MB
of near-copies the report took minutes and over 1.5 GB). Tables are reached through
``Corpus.batches``: only the columns a section needs are read, the words of every article are
counted a batch at a time, the passages and texts read are those of the pairs shown, and the
first rows of a table are read without the rest. What is capped — the articles the topics are
fitted on, the articles drawn per copy cluster, pairs, passages, checks, errors — is said on
the page where it applies.
"""

from __future__ import annotations

import base64
import html
import numbers
from collections import Counter
from collections.abc import Collection, Iterable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from miner import __version__
from miner.analysis import copies, keyness, matrices, topics
from miner.analysis.source import UNKNOWN, group_labels
from miner.analysis.tokens import content_tokens, document_tokens
from miner.report import plots
from miner.report.passages import mark_differences
from miner.tables.schema import TABLES
from miner.tables.write import write_text

if TYPE_CHECKING:
    from miner.corpus import Corpus
    from miner.pipeline import RunResult

HEAD_ROWS = 5  # rows shown per table
CELL_CHARS = 60  # longer cells are cut in the table heads
MAX_CHECKS = 300
MAX_ERRORS = 300
MAX_PAIRS = 30
MAX_PASSAGES = 60
# NMF's time grows with the articles (5.6 s on 3,384 near-copies, 10 MB). On a seeded sample
# of 1,000 of them it took 2.4-3.0 s and four of the five topics kept their leading words
# (教师·学校·党员 gave way to 活动·承诺·基层); the sample's vocabulary stays near 3,900 words
# at 10, 20 and 40 MB, so the fit's memory (about 120 MB) does not grow with the corpus.
MAX_TOPIC_ARTICLES = 1000
BATCH_ROWS = 500  # documents read at a time when their words are counted
META = ("doc_id", "title", "unit_name", "unit_type", "genre", "year")

CSP = "default-src 'none'; img-src data:; style-src 'unsafe-inline'"
CSS = """
body{font-family:"Noto Sans SC","Noto Sans CJK SC","WenQuanYi Micro Hei","Microsoft YaHei",
"PingFang SC",sans-serif;margin:0 auto;max-width:1200px;padding:0 1.5em 3em;color:#222;
line-height:1.5}
nav{position:sticky;top:0;background:#fff;border-bottom:1px solid #ddd;padding:.5em 0}
nav a{margin-right:1.2em}
h1{margin-bottom:.2em}h2{border-bottom:2px solid #2e6da4;padding-bottom:.2em;margin-top:2em}
table{border-collapse:collapse;margin:.5em 0 1em;font-size:.88em}
th,td{border:1px solid #ddd;padding:.25em .5em;vertical-align:top;text-align:left}
th{background:#f3f6f9}td.long{min-width:14em;max-width:26em}td.num{text-align:right;font-variant-numeric:tabular-nums}
.scroll{overflow-x:auto}
figure{margin:1.5em 0}figure img{max-width:100%;height:auto;border:1px solid #eee}
figcaption{color:#555;font-size:.9em;max-width:60em}
.pair{border:1px solid #ddd;border-radius:4px;padding:.5em 1em;margin:1em 0}
.passage td{width:50%;white-space:pre-wrap;font-size:.95em}
mark{background:#fde2a0}.row{display:flex;flex-wrap:wrap;gap:0 2.5em}.muted{color:#777}.summary td{min-width:6em}
"""


def _e(value: object) -> str:
    """Escaped text of a cell: empty for None and NaN."""
    if value is None or (isinstance(value, float) and value != value):
        return ""
    return html.escape(str(value), quote=True)


def _cell(value: object, limit: int = CELL_CHARS) -> str:
    """One table cell: numbers right-aligned, text escaped and cut at ``limit`` characters."""
    if isinstance(value, bool | np.bool_):
        return f"<td>{bool(value)}</td>"
    if isinstance(value, numbers.Integral):
        return f'<td class="num">{int(value)}</td>'
    if isinstance(value, float):
        return "<td></td>" if value != value else f'<td class="num">{_number(value)}</td>'
    text = "" if value is None or value is pd.NA else str(value)
    if len(text) > limit:
        text = text[: limit - 1] + "…"
    # A long cell gets room of its own: squeezed, it would stand one character a line.
    return f'<td class="long">{_e(text)}</td>' if len(text) > 20 else f"<td>{_e(text)}</td>"


def _number(value: float) -> str:
    """216000.0 as 216,000 (a figure's value in base units), 0.518547 as 0.5185."""
    if value.is_integer() and abs(value) < 1e15:
        return f"{int(value):,}"
    return f"{value:,.1f}" if abs(value) >= 1000 else f"{value:.4g}"


def _table(frame: pd.DataFrame, index: bool = False, limit: int = CELL_CHARS) -> str:
    """A DataFrame as an HTML table, every header and cell escaped."""
    if index:
        frame = frame.reset_index()
    head = "".join(f"<th>{_e(c)}</th>" for c in frame.columns)
    body = "".join(
        "<tr>" + "".join(_cell(v, limit) for v in row) + "</tr>"
        for row in frame.itertuples(index=False)
    )
    return f'<div class="scroll"><table><tr>{head}</tr>{body}</table></div>'


def _figure(fig: Any, alt: str, caption: str) -> str:
    data = base64.b64encode(plots.png(fig)).decode("ascii")
    return (
        f'<figure><img src="data:image/png;base64,{data}" alt="{_e(alt)}">'
        f"<figcaption>{caption}</figcaption></figure>"
    )


def _read(
    corpus: Corpus,
    name: str,
    columns: Sequence[str],
    where: tuple[str, Collection[str]] | None = None,
) -> pd.DataFrame:
    """The ``columns`` of one table (those it has), in table order, read a batch at a time.

    ``where=(column, values)`` keeps the rows whose ``column`` is one of ``values``, batch by
    batch, so picking 60 articles' texts never holds every text.
    """
    schema = corpus.schema(name)
    have = [c for c in columns if c in schema.names]
    wanted = None if where is None else pa.array(sorted(map(str, where[1])), pa.string())
    pieces = []
    for batch in corpus.batches(name, have, BATCH_ROWS):
        if where is not None:
            batch = batch.filter(pc.is_in(batch.column(where[0]), value_set=wanted))
        pieces.append(batch)
    fields = [schema.field(c) for c in have]
    return pa.Table.from_batches(pieces, pa.schema(fields)).to_pandas()


def _head(corpus: Corpus, name: str, n: int, columns: Sequence[str] | None = None) -> pd.DataFrame:
    """The first ``n`` rows, typed as the whole table would be.

    pandas turns an integer column holding a null into floats, so a year reads 2,012 in a
    whole table with one missing year and 2012 in a head without it; the head is given the
    whole table's type by counting the nulls of its integer columns, which reads only them.
    """
    schema = corpus.schema(name)
    chosen = list(columns) if columns is not None else schema.names
    pieces, got = [], 0
    for batch in corpus.batches(name, chosen, max(1, n)):
        pieces.append(batch.slice(0, n - got))
        got += pieces[-1].num_rows
        if got >= n:
            break
    head = pa.Table.from_batches(pieces, pa.schema([schema.field(c) for c in chosen]))
    frame = head.to_pandas()
    for field in head.schema:
        if pa.types.is_integer(field.type) and frame[field.name].dtype.kind in "iu":
            batches = corpus.batches(name, [field.name], 65_536)
            if any(b.column(0).null_count for b in batches):
                frame[field.name] = frame[field.name].astype(float)
    return frame


def _token_batches(corpus: Corpus, keep: Collection[str]) -> Iterator[tuple[str, list[str]]]:
    """``(doc_id, content tokens)`` of the articles in ``keep``, read a batch at a time.

    Holding every article's token list at once took most of the report's memory; a batch
    of ``BATCH_ROWS`` articles is counted and let go. The words go from Arrow to Python
    strings directly: a pandas frame per batch cost a third of the counting.
    """
    if "words" not in corpus.schema("documents").names:  # an older run: segment the text
        for batch in corpus.batches("documents", ["doc_id", "text"], BATCH_ROWS):
            frame = batch.to_pandas()
            frame = frame[frame["doc_id"].astype(str).isin(keep)]
            yield from zip(frame["doc_id"].astype(str), document_tokens(frame), strict=True)
        return
    for batch in corpus.batches("documents", ["doc_id", "words"], BATCH_ROWS):
        ids, words = batch.column(0).to_pylist(), batch.column(1).to_pylist()
        for doc, text in zip(ids, words, strict=True):
            if str(doc) in keep:
                yield str(doc), content_tokens(text or "")


def _names(docs: pd.DataFrame) -> dict[str, str]:
    """A readable name per article: its title, else its unit, else its type and id."""
    out = {}
    for row in docs.itertuples():
        title = row.title if isinstance(row.title, str) and row.title else None
        unit = row.unit_name if isinstance(row.unit_name, str) and row.unit_name else None
        kind = row.unit_type if isinstance(row.unit_type, str) else "?"
        out[str(row.doc_id)] = title or unit or f"{kind} · {row.doc_id}"
    return out


def _summary(corpus: Corpus, run: RunResult | None, docs: pd.DataFrame) -> str:
    sizes = {name: corpus.rows(name) for name in corpus.tables}
    counts: list[tuple[str, object]] = []
    if run is not None:
        counts.append(("inputs read", run.inputs))
        skipped = sum(run.skipped.values())
        if skipped:
            kinds = ", ".join(f"{k} {n}" for k, n in sorted(run.skipped.items()))
            counts.append(("inputs skipped", f"{skipped} ({kinds})"))
    counts += [
        ("articles", sizes["documents"]),
        ("sections", sizes["sections"]),
        ("sentences", sizes["sentences"]),
        ("figures", sizes["figures"]),
        ("slogans", sizes["slogans"]),
        ("removals", sizes["removals"]),
        ("duplicate pairs", sizes["duplicates"]),
        ("checks", sizes["checks"]),
        ("errors", sizes["errors"]),
    ]
    rows = "".join(f"<tr><th>{_e(k)}</th>{_cell(v)}</tr>" for k, v in counts)
    parts = [
        '<section id="summary"><h2>Summary</h2><div class="row">',
        f'<div><h3>Counts</h3><table class="summary">{rows}</table></div>',
    ]
    for column in ("unit_type", "genre", "year"):
        if column in docs.columns and len(docs):
            tally = group_labels(docs, column).value_counts()
            order = sorted(tally.index, key=lambda g: (g == UNKNOWN, g))
            by = pd.DataFrame({column: order, "articles": [int(tally[g]) for g in order]})
            parts.append(f"<div><h3>Articles by {column}</h3>{_table(by)}</div>")
    parts.append("</div>")
    if sizes["errors"]:
        errors = _head(corpus, "errors", MAX_ERRORS)
        more = f" <span class=muted>(the first {MAX_ERRORS} of {sizes['errors']})</span>"
        parts.append(
            f"<h3>Inputs that could not be read{more if sizes['errors'] > MAX_ERRORS else ''}"
            f"</h3>{_table(errors, limit=300)}"
        )
    parts.append("</section>")
    return "".join(parts)


def _keyness_groups(docs: pd.DataFrame) -> tuple[str, list[str]] | None:
    """The unit type with the most articles and the other known types, or None."""
    known = docs["unit_type"].dropna().astype(str)
    counts = known.value_counts()
    if len(counts) < 2:
        return None
    target = sorted(counts.index, key=lambda g: (-counts[g], g))[0]
    return target, sorted(g for g in counts.index if g != target)


def _slogans(corpus: Corpus, docs: pd.DataFrame) -> pd.DataFrame:
    """``matrices.slogan_matrix`` by unit type, from each article's distinct slogans only.

    The matrix counts articles, so an article naming 双比双争 twenty times needs one row:
    rows are made distinct a batch at a time before they reach pandas.
    """
    kinds = pa.array(list(matrices.LEXICON_KINDS), pa.string())
    pieces = []
    for batch in corpus.batches("slogans", ["doc_id", "kind", "norm", "text"], 50_000):
        batch = batch.filter(pc.is_in(batch.column("kind"), value_set=kinds))
        if batch.num_rows == 0:
            continue
        norm = pc.coalesce(batch.column("norm"), batch.column("text"))
        rows = pa.table({"norm": norm, "doc_id": batch.column("doc_id")})
        pieces.append(rows.group_by(["norm", "doc_id"], use_threads=False).aggregate([]))
    if pieces:
        distinct = pa.concat_tables(pieces).group_by(["norm", "doc_id"], use_threads=False)
        found = distinct.aggregate([]).to_pandas()
    else:
        found = pd.DataFrame({"norm": pd.Series(dtype=object), "doc_id": pd.Series(dtype=object)})
    slogans = found.assign(kind=matrices.LEXICON_KINDS[0], text=found["norm"])
    return matrices.slogan_matrix(
        {"documents": docs[["doc_id", "unit_type"]], "slogans": slogans}, by="unit_type"
    )


def _keyness(corpus: Corpus, counted: pd.DataFrame) -> tuple[Any, str]:
    groups = _keyness_groups(counted)
    if groups is None:
        fig = plots.message("Keyness needs articles of at least two known unit types.")
        return fig, "No keyness: too few unit types."
    target, others = groups
    label_of = dict(
        zip(counted["doc_id"].astype(str), group_labels(counted, "unit_type"), strict=True)
    )
    wanted = set(others)
    ours: Counter[str] = Counter()
    theirs: Counter[str] = Counter()
    # Counted as keyness.compare counts them, a batch of articles at a time.
    for doc, tokens in _token_batches(corpus, label_of.keys()):
        label = label_of[doc]
        if label == target:
            ours.update(tokens)
        elif label in wanted:
            theirs.update(tokens)
    frame = keyness.compare_counts(ours, theirs, min_count=3)
    fig = plots.keyness_bars(frame, target=target, reference="other unit types")
    caption = (
        f"Words that articles of type {_e(target)} use more (right) or less (left) than "
        "the other unit types: bar length is the log2 ratio of relative frequencies, "
        "G² the log-likelihood (3.84 ≈ p &lt; 0.05, 15.13 ≈ p &lt; 0.0001). Exact copies "
        "count once."
    )
    return fig, caption


def _topics(corpus: Corpus, counted: pd.DataFrame, names: dict[str, str]) -> tuple[Any, str]:
    caption = (
        "NMF topics over TF-IDF (words in two or more articles): each column is a topic "
        "named by its three strongest words, each row an article, the colour the share of "
        "the article the topic explains (one row per exact copy cluster)."
    )
    if len(counted) < 4:
        return plots.message("Topics need at least four articles."), caption
    n_topics = min(5, max(2, len(counted) // 3))
    picked = topics.sample(counted["doc_id"], MAX_TOPIC_ARTICLES)
    if len(picked) < len(counted):
        caption += (
            f" Fitted on a fixed sample of {len(picked):,} of the {len(counted):,} articles "
            "(the same sample every run), so that the time stays bounded."
        )
    frame = _read(corpus, "documents", ["doc_id", "title", "words", "text"], ("doc_id", picked))
    if "words" in frame.columns:
        frame = frame.drop(columns=["text"], errors="ignore")
    fitted = topics.fit(frame, n_topics=n_topics)
    return plots.topic_heatmap(fitted.matrix(), fitted.labels(3), names), caption


def _network(corpus: Corpus, pairs: pd.DataFrame, docs: pd.DataFrame) -> tuple[Any, str]:
    clusters = copies.duplicate_clusters({"duplicates": pairs, "documents": docs})
    reps = _read(corpus, "clusters", ["doc_id", "is_representative"])
    if "is_representative" in reps.columns and len(reps):
        lead = dict(zip(reps["doc_id"].astype(str), reps["is_representative"], strict=True))
        clusters = clusters.assign(
            is_representative=[bool(lead.get(str(d), False)) for d in clusters["doc_id"]]
        )
    caption = (
        "Articles that copy each other, as clusters of duplicate pairs; lines are "
        "coloured by kind (exact, near, partial) and labelled with the 5-gram Jaccard "
        "similarity."
    )
    n_clusters = clusters["cluster"].nunique() if len(clusters) else 0
    crowded = clusters.groupby("cluster").size().head(12) if len(clusters) else pd.Series()
    if n_clusters > 12 or (crowded > plots.MAX_NODES).any():
        caption += (
            f" At most the 12 largest clusters are drawn, each with at most "
            f"{plots.MAX_NODES} articles (its representative, labelled, and those in the "
            "most pairs); a cluster's heading says how many of its articles are shown. "
            "Every pair is in the duplicates table."
        )
    return plots.duplicate_network(clusters, pairs), caption


def _plots(corpus: Corpus, docs: pd.DataFrame, pairs: pd.DataFrame, names: dict[str, str]) -> str:
    parts = ['<section id="plots"><h2>Plots</h2>']
    parts.append(
        _figure(
            plots.slogan_heatmap(_slogans(corpus, docs)),
            "slogans by unit type",
            "Campaign names, numbered formulations and mottos (by their normal form) and the "
            "number of articles of each unit type that use them; the most widespread on top.",
        )
    )
    # A report posted twice would count twice: keyness and topics read one copy of each.
    counted = copies.drop_copies({"duplicates": pairs, "documents": docs})
    # Topics first: the fit's dense matrix then lands in memory not yet holding keyness's
    # word counts, which grow with the vocabulary (40 MB of input: a peak of 561 MB, not 607).
    topic_fig, topic_caption = _topics(corpus, counted, names)
    topic_part = _figure(topic_fig, "topics", topic_caption)
    fig, caption = _keyness(corpus, counted)
    parts.append(_figure(fig, "keyness", caption))
    parts.append(topic_part)
    fig, caption = _network(corpus, pairs, docs)
    parts.append(_figure(fig, "duplicate clusters", caption))
    digits = _read(corpus, "digit_tests", corpus.schema("digit_tests").names, ("scope", ["corpus"]))
    parts.append(
        _figure(
            plots.digit_bars(digits),
            "digit tests",
            "First significant digits of all figures against Benford's law, and last written "
            "digits of exact figures against a uniform tenth each; a deviation is a reason to "
            "look (rounded sums stated as exact), not proof.",
        )
    )
    parts.append("</section>")
    return "".join(parts)


def _checks(corpus: Corpus, names: dict[str, str]) -> str:
    total = corpus.rows("checks")
    head = f'<section id="checks"><h2>Checks</h2><p>{total} figures need a second look'
    if not total:
        return head + ".</p></section>"
    shown = _head(corpus, "checks", MAX_CHECKS, ["check", "doc_id", "detail"])
    frame = pd.DataFrame(
        {
            "check": shown["check"],
            "article": [names.get(str(d), str(d)) for d in shown["doc_id"]],
            "doc_id": shown["doc_id"],
            "detail": shown["detail"],
        }
    )
    more = f" (the first {MAX_CHECKS} shown)" if total > MAX_CHECKS else ""
    return f"{head}{more}.</p>{_table(frame, limit=400)}</section>"


def _pairs(corpus: Corpus, pairs: pd.DataFrame, names: dict[str, str]) -> str:
    out = [f'<section id="duplicates"><h2>Duplicate pairs</h2><p>{len(pairs)} pairs']
    if pairs.empty:
        return out[0] + ".</p></section>"
    more = (
        f"; the {MAX_PAIRS} most similar shown, with at most {MAX_PASSAGES} passages in all"
        if len(pairs) > MAX_PAIRS
        else ""
    )
    out.append(
        f"{more}. Passages are the aligned spans; <mark>marked</mark> characters differ "
        "between the two sides.</p>"
    )
    shown = pairs.sort_values(["similarity", "doc_a", "doc_b"], ascending=[False, True, True])
    shown = shown.head(MAX_PAIRS)
    ids = set(shown["doc_a"].astype(str)) | set(shown["doc_b"].astype(str))
    # Only the passages and texts of the pairs shown are read, whatever the corpus holds.
    found = _read(corpus, "passages", corpus.schema("passages").names, ("doc_a", ids))
    texts = _read(corpus, "documents", ["doc_id", "text"], ("doc_id", ids))
    passages = copies.aligned_passages({"passages": found, "documents": texts})
    budget = MAX_PASSAGES
    for pair in shown.itertuples():
        a, b = str(pair.doc_a), str(pair.doc_b)
        out.append(
            f'<div class="pair"><h3>{_e(pair.kind)}: {_e(names.get(a, a))} ↔ '
            f"{_e(names.get(b, b))}</h3><p class=muted>{_e(a)} ↔ {_e(b)} · similarity "
            f"{pair.similarity:.3f} · containment {pair.containment:.3f} · coverage "
            f"{pair.coverage:.3f}</p>"
        )
        mine = passages[(passages["doc_a"] == a) & (passages["doc_b"] == b)]
        for p in mine.itertuples():
            if budget <= 0:
                out.append("<p class=muted>(more passages in the passages table)</p>")
                break
            budget -= 1
            left, right = mark_differences(p.a_text, p.b_text)
            swaps = "; ".join(f"{_e(x) or '∅'} → {_e(y) or '∅'}" for x, y in p.pairs)
            out.append(
                f'<table class="passage"><tr><th>{_e(a)} [{p.a_start}:{p.a_end}]</th>'
                f"<th>{_e(b)} [{p.b_start}:{p.b_end}]</th></tr>"
                f"<tr><td>{left}</td><td>{right}</td></tr></table>"
                + (f"<p>Substitutions: {swaps}</p>" if swaps else "")
            )
        out.append("</div>")
    out.append("</section>")
    return "".join(out)


def _heads(corpus: Corpus, names: Iterable[str]) -> str:
    parts = ['<section id="tables"><h2>Tables</h2><p>The first rows of every table; the '
             "whole tables are the Parquet, CSV and DuckDB files next to this page.</p>"]  # fmt: skip
    for name in names:
        rows = corpus.rows(name)
        parts.append(f"<h3>{_e(name)} <span class=muted>({rows} rows)</span></h3>")
        parts.append(_table(_head(corpus, name, HEAD_ROWS)))
    parts.append("</section>")
    return "".join(parts)


def render(corpus: Corpus, run: RunResult | None = None, title: str = "miner report") -> str:
    """The whole page as a string."""
    # The columns every section shares, read once: article names and groups, and the pairs.
    docs = _read(corpus, "documents", META)
    pairs = _read(
        corpus, "duplicates", ["doc_a", "doc_b", "kind", "similarity", "containment", "coverage"]
    )
    names = _names(docs)
    nav: Sequence[tuple[str, str]] = (
        ("summary", "Summary"),
        ("plots", "Plots"),
        ("checks", "Checks"),
        ("duplicates", "Duplicate pairs"),
        ("tables", "Tables"),
    )
    links = "".join(f'<a href="#{a}">{t}</a>' for a, t in nav)
    body = "".join(
        (
            _summary(corpus, run, docs),
            _plots(corpus, docs, pairs, names),
            _checks(corpus, names),
            _pairs(corpus, pairs, names),
            _heads(corpus, [n for n in TABLES if n in corpus.tables]),
        )
    )
    return (
        "<!DOCTYPE html>\n"
        '<html lang="zh-CN"><head><meta charset="utf-8">'
        f'<meta http-equiv="Content-Security-Policy" content="{CSP}">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{_e(title)}</title><style>{CSS}</style></head><body>"
        f"<header><h1>{_e(title)}</h1><p class=muted>miner {_e(__version__)}</p></header>"
        f"<nav>{links}</nav>{body}</body></html>\n"
    )


def write_report(corpus: Corpus, out: Path, run: RunResult | None = None) -> Path:
    """Write ``out/report.html`` atomically (a temporary name, then a rename); returns its path."""
    out.mkdir(parents=True, exist_ok=True)
    target = out / "report.html"
    page = render(corpus, run)
    write_text(page, target)  # a temporary name, then a rename, like every table
    return target
