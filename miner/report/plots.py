"""The plots of the report, each from one analysis table, each a matplotlib ``Figure``.

Figures are built with ``matplotlib.figure.Figure`` rather than pyplot: no global state,
no GUI backend, safe in a server or a test. Every text object gets the CJK face by name
(``_use_cjk``), so a figure shows its Chinese labels wherever it is drawn, inside or outside
``fonts.style()``. ``png`` renders with fixed metadata, so the same table gives the same
bytes and the report stays byte-identical between runs.

Example:
    >>> import pandas as pd
    >>> fig = keyness_bars(pd.DataFrame({"term": ["社区", "村"], "log_ratio": [2.0, -1.5],
    ...     "g2": [9.0, 5.0], "direction": ["target", "reference"]}), target="社区", reference="其他")
    >>> png(fig)[:4]
    b'\\x89PNG'
"""

from __future__ import annotations

import io
import json
import math
from collections.abc import Mapping
from contextlib import AbstractContextManager
from typing import Any, cast

import matplotlib
import numpy as np
import pandas as pd
from matplotlib.collections import LineCollection
from matplotlib.figure import Figure
from matplotlib.text import Text

from miner.report.fonts import FALLBACK, family, style

TARGET_COLOUR, REFERENCE_COLOUR = "#c0392b", "#2e6da4"
KIND_COLOURS = {"exact": "#c0392b", "near": "#e67e22", "partial": "#2e6da4"}
# Articles drawn per copy cluster: 24 dots still read as separate on a circle of one cell.
MAX_NODES = 24


def png(fig: Figure) -> bytes:
    """The figure as PNG bytes, the same bytes for the same figure (no timestamp)."""
    buf = io.BytesIO()
    with _styled():
        fig.savefig(buf, format="png", metadata={"Software": None})
    return buf.getvalue()


def _styled() -> AbstractContextManager[None]:
    # rc_context's stubs want literal rcParam names; style() builds them as plain strings.
    return matplotlib.rc_context(cast(Any, style()))


def _figure(width: float, height: float) -> Figure:
    with _styled():
        return Figure(figsize=(width, height), layout="constrained")


def _use_cjk(fig: Figure) -> Figure:
    """Name the CJK face on every text and tick label, so rcParams at draw time do not matter."""
    faces = [family(), FALLBACK]
    for text in fig.findobj(Text):
        text.set_fontfamily(faces)
    for ax in fig.axes:
        ax.tick_params(labelfontfamily=faces)
    return fig


def message(text: str) -> Figure:
    """A small figure that says why there is nothing to draw."""
    fig = _figure(6, 1.2)
    ax = fig.add_subplot()
    ax.axis("off")
    ax.text(0.5, 0.5, text, ha="center", va="center", fontsize=11, color="#555")
    return _use_cjk(fig)


def _short(text: object, n: int = 18) -> str:
    s = "" if text is None or (isinstance(text, float) and math.isnan(text)) else str(text)
    return s if len(s) <= n else s[: n - 1] + "…"


def slogan_heatmap(matrix: pd.DataFrame, top: int = 15, title: str | None = None) -> Figure:
    """Slogans × groups as a heatmap with the counts written in (``matrices.slogan_matrix``)."""
    body = matrix.drop(columns=["total"], errors="ignore").head(top)
    if body.empty or body.shape[1] == 0:
        return message("No campaign slogans found in more than one group.")
    rows, cols = body.shape
    fig = _figure(max(4.5, 1.6 + 0.75 * cols), max(2.5, 1.2 + 0.36 * rows))
    ax = fig.add_subplot()
    values = body.to_numpy(dtype=float)
    ax.imshow(values, cmap="Blues", aspect="auto", vmin=0)
    ax.set_xticks(range(cols), [str(c) for c in body.columns], rotation=30, ha="right")
    ax.set_yticks(range(rows), [_short(s, 14) for s in body.index])
    peak = values.max() if values.size else 0
    for i in range(rows):
        for j in range(cols):
            if values[i, j] > 0:
                dark = values[i, j] > peak * 0.6
                ax.text(j, i, f"{values[i, j]:g}", ha="center", va="center", fontsize=9,
                        color="white" if dark else "#222")  # fmt: skip
    ax.set_title(title or f"Slogans by {matrix.columns.name or 'group'} (articles)", fontsize=11)
    return _use_cjk(fig)


def keyness_bars(
    frame: pd.DataFrame, top: int = 12, target: str = "target", reference: str = "reference"
) -> Figure:
    """Diverging bars of log ratio for the most significant words on each side.

    Bars to the right are words the target uses more, to the left words the reference uses
    more; the words are the ``top`` of each side by G², so a large ratio on a word seen twice
    does not crowd out a reliable difference.
    """
    if frame.empty:
        return message("No words to compare: one side is empty.")
    ours = frame[frame["direction"] == "target"].nlargest(top, "g2")
    theirs = frame[frame["direction"] == "reference"].nlargest(top, "g2")
    shown = pd.concat([theirs, ours]).sort_values("log_ratio")
    fig = _figure(7, max(2.5, 1.3 + 0.3 * len(shown)))
    ax = fig.add_subplot()
    colours = [TARGET_COLOUR if d == "target" else REFERENCE_COLOUR for d in shown["direction"]]
    y = np.arange(len(shown))
    ax.barh(y, shown["log_ratio"], color=colours)
    ax.set_yticks(y, [_short(t, 12) for t in shown["term"]])
    ax.axvline(0, color="#333", linewidth=0.8)
    for yi, (ratio, g2) in enumerate(zip(shown["log_ratio"], shown["g2"], strict=True)):
        ax.text(ratio, yi, f" G²={g2:.1f} ", va="center", fontsize=7, color="#444",
                ha="left" if ratio >= 0 else "right")  # fmt: skip
    ax.set_xlabel(f"log2 ratio: ← more in {reference} | more in {target} →")
    ax.set_title(f"Keyness: {target} against {reference}", fontsize=11)
    span = max(1.0, float(shown["log_ratio"].abs().max()) * 1.35)
    ax.set_xlim(-span, span)
    return _use_cjk(fig)


def topic_heatmap(
    weights: pd.DataFrame,
    labels: Mapping[int, str],
    names: Mapping[str, str],
    max_rows: int = 40,
) -> Figure:
    """Articles × topics: how much of each article each topic fills.

    Args:
        weights: articles as rows (doc_id), topics as columns (``Topics.matrix()``).
        labels: a name per topic (``Topics.labels()``).
        names: a readable name per doc_id (its title or unit).
        max_rows: past this many articles, each topic shows its most typical articles
            (highest share) and the rows are grouped by topic: thousands of rows are a
            blur no one reads.
    """
    if weights.empty:
        return message("Too few articles or shared words to fit topics.")
    shown_of = len(weights)
    if len(weights) > max_rows:
        weights = _typical(weights, max(1, max_rows // weights.shape[1]))
    rows, cols = weights.shape
    fig = _figure(max(5.0, 2.6 + 1.3 * cols), max(2.5, 1.4 + 0.3 * rows))
    ax = fig.add_subplot()
    image = ax.imshow(weights.to_numpy(dtype=float), cmap="YlOrRd", aspect="auto", vmin=0, vmax=1)
    ax.set_xticks(range(cols), [_short(labels.get(int(t), str(t)), 16) for t in weights.columns],
                  rotation=30, ha="right")  # fmt: skip
    ax.set_yticks(range(rows), [_short(names.get(str(d), str(d)), 20) for d in weights.index])
    title = "Topics (NMF): share of each article"
    if rows < shown_of:
        title += f" ({rows} most typical of {shown_of})"
    ax.set_title(title, fontsize=11)
    fig.colorbar(image, ax=ax, shrink=0.6)
    return _use_cjk(fig)


def _typical(weights: pd.DataFrame, per_topic: int) -> pd.DataFrame:
    """The ``per_topic`` highest-share articles of each topic, grouped by topic."""
    picked: list[object] = []
    for topic in weights.columns:
        ranked = weights[topic].sort_values(ascending=False, kind="mergesort")
        picked += [d for d in ranked.index[:per_topic] if d not in picked]
    return weights.loc[picked]


def duplicate_network(
    clusters: pd.DataFrame,
    pairs: pd.DataFrame,
    max_clusters: int = 12,
    max_nodes: int = MAX_NODES,
) -> Figure:
    """Copy clusters as a network: articles as dots, pairs as lines coloured by kind.

    Each cluster sits in its own cell, its articles on a circle; a line's width grows with
    the pair's similarity, which is written on it while few lines are drawn. Only the
    ``max_clusters`` largest clusters are drawn (cluster numbers count from the largest),
    the title says of how many; a cluster of more than ``max_nodes`` articles shows its
    representative and its most connected articles, and its heading says how many of its
    articles are drawn. So the figure's size and drawing time stay the same whatever the
    corpus: a family of 3,000 near-copies drawn whole is a black disc that took a minute.

    Args:
        clusters: ``copies.duplicate_clusters``; an ``is_representative`` column (from the
            ``clusters`` table) names the article labelled in a crowded cluster, else the
            cluster's first doc_id is.
        pairs: the ``duplicates`` table (``doc_a``, ``doc_b``, ``kind``, ``similarity``).
    """
    if clusters.empty:
        return message("No copied articles: the duplicates table is empty.")
    groups = [g for _, g in clusters.groupby("cluster", sort=True)]
    total = len(groups)
    groups = groups[:max_clusters]
    kept = {str(d) for g in groups for d in g["doc_id"]}
    pairs = pairs[pairs["doc_a"].astype(str).isin(kept) & pairs["doc_b"].astype(str).isin(kept)]
    degree = pd.concat([pairs["doc_a"], pairs["doc_b"]]).astype(str).value_counts()
    per_row = min(3, len(groups))
    n_rows = math.ceil(len(groups) / per_row)
    fig = _figure(3.8 * per_row, 3.0 * n_rows + 0.6)
    ax = fig.add_subplot()
    ax.axis("off")
    ax.set_aspect("equal")
    where: dict[str, tuple[float, float]] = {}
    capped: set[str] = set()  # the articles of clusters drawn in part
    for n, group in enumerate(groups):
        cx, cy = (n % per_row) * 3.6, -(n // per_row) * 2.8
        members, lead = _shown_members(group, degree, max_nodes)
        for i, row in members.iterrows():
            angle = math.pi + 2 * math.pi * int(i) / len(members)
            x, y = cx + math.cos(angle), cy + 0.8 * math.sin(angle)
            doc = str(row["doc_id"])
            where[doc] = (x, y)
            # A crowded circle gets only the ids, and a cluster drawn in part only its
            # representative's label: more would print over each other.
            if len(members) < len(group):
                capped.add(doc)
                if doc == lead:  # on a white ground: lines cross it
                    ax.text(x, y - 0.15, _node_label(row), ha="center", va="top", fontsize=7,
                            zorder=4, bbox={"facecolor": "white", "alpha": 0.85,
                                            "edgecolor": "none", "pad": 1})  # fmt: skip
            elif len(members) <= 6:
                ax.text(x, y - 0.15, _node_label(row), ha="center", va="top", fontsize=7)
            else:
                ax.text(x, y - 0.15, doc[:6], ha="center", va="top", fontsize=5)
        size = len(group)
        heading = f"cluster {group['cluster'].iloc[0]}: "
        heading += (
            f"{size} articles" if len(members) == size else f"{len(members)} of {size} articles"
        )
        ax.text(cx, cy + 1.15, heading, ha="center", fontsize=9)
    inside = pairs["doc_a"].astype(str).isin(where) & pairs["doc_b"].astype(str).isin(where)
    drawn = pairs[inside]
    a_xy = np.array([where[str(d)] for d in drawn["doc_a"]]).reshape(-1, 2)
    b_xy = np.array([where[str(d)] for d in drawn["doc_b"]]).reshape(-1, 2)
    colours = [KIND_COLOURS.get(str(k), "#777") for k in drawn["kind"]]
    widths = 1 + 4 * drawn["similarity"].to_numpy(dtype=float)
    # Thinner in a cluster drawn in part, so its many lines stay apart.
    widths = widths * np.where(drawn["doc_a"].astype(str).isin(capped), 0.3, 1.0)
    # One collection for every line: an artist per pair cost seconds to build and to save.
    lines = LineCollection(list(np.stack([a_xy, b_xy], axis=1)), colors=colours, linewidths=widths)
    ax.add_collection(lines)
    if len(drawn) <= 24:  # past that the labels cover the lines; the colours still tell
        for (xa, ya), (xb, yb), kind, sim, colour in zip(
            a_xy, b_xy, drawn["kind"], drawn["similarity"], colours, strict=True
        ):
            ax.text((xa + xb) / 2, (ya + yb) / 2 + 0.05, f"{kind} {sim:.2f}",
                    ha="center", va="bottom", fontsize=7, color=colour)  # fmt: skip
    xs = [p[0] for p in where.values()]
    ys = [p[1] for p in where.values()]
    sizes = [20 if d in capped else 60 for d in where] if capped else 60
    ax.scatter(xs, ys, s=sizes, color="#333", zorder=3)
    ax.set_xlim(min(xs) - 1.2, max(xs) + 1.2)
    ax.set_ylim(min(ys) - 0.9, max(ys) + 1.4)
    shown = f" ({len(groups)} largest of {total})" if total > len(groups) else ""
    ax.set_title(f"Copied articles: clusters of duplicate pairs{shown}", fontsize=11)
    return _use_cjk(fig)


def _shown_members(
    group: pd.DataFrame, degree: pd.Series, max_nodes: int
) -> tuple[pd.DataFrame, str]:
    """The articles of one cluster to draw, in doc_id order, and the one to label.

    The labelled article is the representative (``is_representative``), else the first
    doc_id. A cluster over ``max_nodes`` keeps it and the articles in the most pairs (ties
    to the smaller doc_id): they carry the family's structure.
    """
    ids = group["doc_id"].astype(str)
    if "is_representative" in group.columns and group["is_representative"].fillna(False).any():
        lead = str(ids[group["is_representative"].fillna(False).astype(bool)].iloc[0])
    else:
        lead = str(ids.iloc[0])
    if len(group) <= max_nodes:
        return group.reset_index(drop=True), lead
    ranked = sorted(ids, key=lambda d: (d != lead, -int(degree.get(d, 0)), d))
    picked = set(ranked[:max_nodes])
    return group[ids.isin(picked)].reset_index(drop=True), lead


def _node_label(row: pd.Series) -> str:
    """Two short lines: the title (else unit or unit type), then the doc id's start."""
    name = next((str(row[c]) for c in ("title", "unit_name", "unit_type")
                 if isinstance(row.get(c), str) and row[c]), "")  # fmt: skip
    lines = [name[k : k + 9] for k in range(0, min(len(name), 18), 9)]
    if len(name) > 18:
        lines[-1] = lines[-1][:-1] + "…"
    return "\n".join([*lines, str(row["doc_id"])[:8]])


def digit_bars(digit_tests: pd.DataFrame, scope: str = "corpus", group: str = "all") -> Figure:
    """Observed digit shares against the expected ones, first digit and last digit side by side."""
    rows = digit_tests[(digit_tests["scope"] == scope) & (digit_tests["group_name"] == group)]
    if rows.empty:
        return message(f"No digit tests for {scope}={group}: fewer than 30 figures.")
    fig = _figure(9, 3.2)
    axes = fig.subplots(1, 2)
    for ax, test in zip(axes, ("first_digit_benford", "last_digit_uniform"), strict=True):
        found = rows[rows["test"] == test]
        if found.empty:
            ax.axis("off")
            ax.text(0.5, 0.5, f"{test}: fewer than 30 figures", ha="center", fontsize=9)
            continue
        row = found.iloc[0]
        counts = np.array(json.loads(row["counts"]), dtype=float)
        digits = np.arange(1, 10) if test.startswith("first") else np.arange(0, 10)
        expected = np.log10(1 + 1 / digits) if test.startswith("first") else np.full(10, 0.1)
        ax.bar(digits, counts / counts.sum(), color="#7f8c8d", label="observed")
        ax.plot(digits, expected, "o-", color=TARGET_COLOUR, label="expected", markersize=4)
        ax.set_xticks(digits)
        name = "first digit (Benford)" if test.startswith("first") else "last digit (uniform)"
        p = "p<0.001" if row["p_value"] < 0.001 else f"p={row['p_value']:.3f}"
        ax.set_title(f"{name}: n={row['n']}, {p}, {row['verdict']}", fontsize=9)
        ax.set_ylabel("share of figures")
        ax.legend(fontsize=8, frameon=False)
    fig.suptitle(f"Digit tests of figures ({scope}: {group})", fontsize=11)
    return _use_cjk(fig)
