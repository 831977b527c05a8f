"""``OUT/report.html``: one page a person opens to see what a run found.

The page is self-contained (plots are PNG data URIs, styles inline, no script, nothing
fetched), so it can be mailed or archived as one file. It is built for reading in order:
the summary, the plots with a line on how to read each, the checks, the copied pairs with
their aligned passages side by side, and the first rows of every table.

Scraped pages carry markup, so everything taken from a document — titles, text, slogans,
details — goes through ``html.escape`` (``_e``) before it touches the page; a
Content-Security-Policy that allows no script at all stands behind that. The page holds no
time stamp and no timing, so the same tables give the same bytes.
"""

from __future__ import annotations

import base64
import html
import numbers
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd

from miner import __version__
from miner.analysis import copies, keyness, matrices, topics
from miner.analysis.source import UNKNOWN, group_labels
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
MAX_PAIRS = 30
MAX_PASSAGES = 60

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


def _names(docs: pd.DataFrame) -> dict[str, str]:
    """A readable name per article: its title, else its unit, else its type and id."""
    out = {}
    for row in docs.itertuples():
        title = row.title if isinstance(row.title, str) and row.title else None
        unit = row.unit_name if isinstance(row.unit_name, str) and row.unit_name else None
        kind = row.unit_type if isinstance(row.unit_type, str) else "?"
        out[str(row.doc_id)] = title or unit or f"{kind} · {row.doc_id}"
    return out


def _summary(corpus: Corpus, run: RunResult | None) -> str:
    sizes = {name: corpus.tables[name].num_rows for name in corpus.tables}
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
    docs = corpus.documents
    for column in ("unit_type", "genre", "year"):
        if column in docs.columns and len(docs):
            tally = group_labels(docs, column).value_counts()
            order = sorted(tally.index, key=lambda g: (g == UNKNOWN, g))
            by = pd.DataFrame({column: order, "articles": [int(tally[g]) for g in order]})
            parts.append(f"<div><h3>Articles by {column}</h3>{_table(by)}</div>")
    parts.append("</div>")
    errors = corpus.table("errors")
    if len(errors):
        parts.append(f"<h3>Inputs that could not be read</h3>{_table(errors, limit=300)}")
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


def _plots(corpus: Corpus) -> str:
    docs = corpus.documents
    names = _names(docs)
    parts = ['<section id="plots"><h2>Plots</h2>']
    slogans = matrices.slogan_matrix(corpus, by="unit_type")
    parts.append(
        _figure(
            plots.slogan_heatmap(slogans),
            "slogans by unit type",
            "Campaign names, numbered formulations and mottos (by their normal form) and the "
            "number of articles of each unit type that use them; the most widespread on top.",
        )
    )
    # A report posted twice would count twice: keyness and topics read one copy of each.
    counted = copies.drop_copies(corpus)
    groups = _keyness_groups(counted)
    if groups is None:
        fig = plots.message("Keyness needs articles of at least two known unit types.")
        caption = "No keyness: too few unit types."
    else:
        target, others = groups
        frame = keyness.compare(counted, "unit_type", target, others, min_count=3)
        fig = plots.keyness_bars(frame, target=target, reference="other unit types")
        caption = (
            f"Words that articles of type {_e(target)} use more (right) or less (left) than "
            "the other unit types: bar length is the log2 ratio of relative frequencies, "
            "G² the log-likelihood (3.84 ≈ p &lt; 0.05, 15.13 ≈ p &lt; 0.0001). Exact copies "
            "count once."
        )
    parts.append(_figure(fig, "keyness", caption))
    n_topics = min(5, max(2, len(counted) // 3))
    if len(counted) >= 4:
        fitted = topics.fit(counted, n_topics=n_topics)
        fig = plots.topic_heatmap(fitted.matrix(), fitted.labels(3), names)
    else:
        fig = plots.message("Topics need at least four articles.")
    parts.append(
        _figure(
            fig,
            "topics",
            "NMF topics over TF-IDF (words in two or more articles): each column is a topic "
            "named by its three strongest words, each row an article, the colour the share of "
            "the article the topic explains (one row per exact copy cluster).",
        )
    )
    clusters = copies.duplicate_clusters(corpus)
    parts.append(
        _figure(
            plots.duplicate_network(clusters, corpus.table("duplicates")),
            "duplicate clusters",
            "Articles that copy each other, as clusters of duplicate pairs; lines are "
            "coloured by kind (exact, near, partial) and labelled with the 5-gram Jaccard "
            "similarity.",
        )
    )
    parts.append(
        _figure(
            plots.digit_bars(corpus.table("digit_tests")),
            "digit tests",
            "First significant digits of all figures against Benford's law, and last written "
            "digits of exact figures against a uniform tenth each; a deviation is a reason to "
            "look (rounded sums stated as exact), not proof.",
        )
    )
    parts.append("</section>")
    return "".join(parts)


def _checks(corpus: Corpus, names: dict[str, str]) -> str:
    checks = corpus.checks
    head = f'<section id="checks"><h2>Checks</h2><p>{len(checks)} figures need a second look'
    if checks.empty:
        return head + ".</p></section>"
    shown = checks.head(MAX_CHECKS)
    frame = pd.DataFrame(
        {
            "check": shown["check"],
            "article": [names.get(str(d), str(d)) for d in shown["doc_id"]],
            "doc_id": shown["doc_id"],
            "detail": shown["detail"],
        }
    )
    more = f" (the first {MAX_CHECKS} shown)" if len(checks) > MAX_CHECKS else ""
    return f"{head}{more}.</p>{_table(frame, limit=400)}</section>"


def _pairs(corpus: Corpus, names: dict[str, str]) -> str:
    pairs = corpus.duplicates()
    out = [f'<section id="duplicates"><h2>Duplicate pairs</h2><p>{len(pairs)} pairs']
    if pairs.empty:
        return out[0] + ".</p></section>"
    more = f"; the {MAX_PAIRS} most similar shown" if len(pairs) > MAX_PAIRS else ""
    out.append(
        f"{more}. Passages are the aligned spans; <mark>marked</mark> characters differ "
        "between the two sides.</p>"
    )
    passages = copies.aligned_passages(corpus)
    budget = MAX_PASSAGES
    for pair in pairs.head(MAX_PAIRS).itertuples():
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
        frame = corpus.table(name)
        parts.append(f"<h3>{_e(name)} <span class=muted>({len(frame)} rows)</span></h3>")
        parts.append(_table(frame.head(HEAD_ROWS)))
    parts.append("</section>")
    return "".join(parts)


def render(corpus: Corpus, run: RunResult | None = None, title: str = "miner report") -> str:
    """The whole page as a string."""
    names = _names(corpus.documents)
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
            _summary(corpus, run),
            _plots(corpus),
            _checks(corpus, names),
            _pairs(corpus, names),
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
