"""miner.report.plots: each plot from its table, the same bytes every time."""

from __future__ import annotations

import json
from itertools import pairwise

import pandas as pd
from matplotlib.collections import LineCollection

from miner.analysis import copies, keyness, matrices, topics
from miner.corpus import Corpus
from miner.report import plots


def _bars(fig: object) -> int:
    return sum(len(ax.patches) for ax in fig.axes)  # type: ignore[attr-defined]


def test_plots_png_is_deterministic(markup_corpus: Corpus) -> None:
    first = plots.png(plots.slogan_heatmap(matrices.slogan_matrix(markup_corpus)))
    again = plots.png(plots.slogan_heatmap(matrices.slogan_matrix(markup_corpus)))
    assert first[:8] == b"\x89PNG\r\n\x1a\n" and first == again


def test_plots_keyness_shows_top_of_each_side() -> None:
    frame = pd.DataFrame(
        {
            "term": [f"t{i}" for i in range(10)],
            "log_ratio": [3, 2, 1, 0.5, 0.2, -0.2, -0.5, -1, -2, -3],
            "g2": [10, 9, 8, 7, 6, 6, 7, 8, 9, 10],
            "direction": ["target"] * 5 + ["reference"] * 5,
        }
    )
    fig = plots.keyness_bars(frame, top=3)
    assert _bars(fig) == 6
    labels = [t.get_text() for t in fig.axes[0].get_yticklabels()]
    assert labels == ["t9", "t8", "t7", "t2", "t1", "t0"]  # by log ratio, most negative first


def test_plots_from_the_run(markup_corpus: Corpus) -> None:
    matrix = matrices.slogan_matrix(markup_corpus)
    fig = plots.slogan_heatmap(matrix)
    assert fig.axes[0].get_yticklabels()[0].get_text() == "双比双争"
    fitted = topics.fit(markup_corpus, n_topics=2)
    assert len(plots.topic_heatmap(fitted.matrix(), fitted.labels(), {}).axes) == 2  # + colour bar
    clusters = copies.duplicate_clusters(markup_corpus)
    fig = plots.duplicate_network(clusters, markup_corpus.table("duplicates"))
    assert any("partial" in t.get_text() for t in fig.axes[0].texts)
    frame = keyness.compare(markup_corpus, "unit_type", "社区", min_count=1)
    assert _bars(plots.keyness_bars(frame, top=5)) > 0


def test_plots_digit_bars() -> None:
    tests = pd.DataFrame(
        {
            "scope": ["corpus", "corpus"],
            "group_name": ["all", "all"],
            "test": ["first_digit_benford", "last_digit_uniform"],
            "n": [45, 40],
            "p_value": [0.5, 0.0001],
            "verdict": ["conforms", "deviates"],
            "counts": [json.dumps([14, 8, 6, 5, 4, 3, 2, 2, 1]), json.dumps([4] * 10)],
        }
    )
    fig = plots.digit_bars(tests)
    assert [_bars_of(ax) for ax in fig.axes] == [9, 10]
    assert "p<0.001" in fig.axes[1].get_title()


def _bars_of(ax: object) -> int:
    return len(ax.patches)  # type: ignore[attr-defined]


def test_plots_empty_inputs_say_why() -> None:
    empty_tests = pd.DataFrame(columns=["scope", "group_name", "test", "counts"])
    for fig in (
        plots.slogan_heatmap(pd.DataFrame(columns=["total"])),
        plots.keyness_bars(pd.DataFrame(columns=["term", "log_ratio", "g2", "direction"])),
        plots.topic_heatmap(pd.DataFrame(), {}, {}),
        plots.duplicate_network(pd.DataFrame(), pd.DataFrame()),
        plots.digit_bars(empty_tests),
    ):
        texts = [t.get_text() for t in fig.axes[0].texts]
        assert len(texts) == 1 and texts[0]


def test_plots_large_inputs_are_capped() -> None:
    weights = pd.DataFrame(
        [[1.0, 0.0], [0.9, 0.1], [0.2, 0.8], [0.0, 1.0], [0.5, 0.5], [0.6, 0.4]],
        index=[f"d{i}" for i in range(6)],
    )
    fig = plots.topic_heatmap(weights, {0: "0: 水利", 1: "1: 学校"}, {}, max_rows=4)
    labels = [t.get_text() for t in fig.axes[0].get_yticklabels()]
    assert labels == ["d0", "d1", "d3", "d2"]  # the two most typical of each topic
    assert "4 most typical of 6" in fig.axes[0].get_title()
    clusters = pd.DataFrame(
        {
            "cluster": [1, 1, 2, 2, 3, 3],
            "doc_id": list("abcdef"),
            "title": None,
            "unit_name": None,
            "unit_type": None,
        }
    )
    pairs = pd.DataFrame(
        {
            "doc_a": ["a", "c", "e"],
            "doc_b": ["b", "d", "f"],
            "kind": ["exact"] * 3,
            "similarity": [1.0] * 3,
        }
    )
    fig = plots.duplicate_network(clusters, pairs, max_clusters=2)
    assert "2 largest of 3" in fig.axes[0].get_title()
    assert _segments(fig) == 2


def _segments(fig: object) -> int:
    """Lines drawn by ``duplicate_network``: the segments of its one LineCollection."""
    (lines,) = [c for c in fig.axes[0].collections if isinstance(c, LineCollection)]  # type: ignore[attr-defined]
    return len(lines.get_segments())


def test_plots_network_draws_a_bounded_crowd() -> None:
    # One family of 300 copies, every article paired with the first and the next: the
    # figure shows MAX_NODES of them, labels the representative only, and says so.
    ids = [f"doc{i:03d}" for i in range(300)]
    clusters = pd.DataFrame(
        {
            "cluster": 1,
            "doc_id": ids,
            "title": [f"标题{i}" for i in range(300)],
            "unit_name": None,
            "unit_type": None,
            "is_representative": [d == "doc007" for d in ids],
        }
    )
    edges = [(ids[0], d) for d in ids[1:]] + list(pairwise(ids[1:]))
    pairs = pd.DataFrame(
        {
            "doc_a": [a for a, _ in edges],
            "doc_b": [b for _, b in edges],
            "kind": "near",
            "similarity": 0.9,
        }
    )
    fig = plots.duplicate_network(clusters, pairs)
    texts = [t.get_text() for t in fig.axes[0].texts]
    assert f"cluster 1: {plots.MAX_NODES} of 300 articles" in texts
    labels = [t for t in texts if t.startswith("标题")]
    assert labels == ["标题7\ndoc007"]  # the representative, not the hub doc000
    dots = fig.axes[0].collections[-1].get_offsets()
    assert len(dots) == plots.MAX_NODES
    assert 0 < _segments(fig) <= plots.MAX_NODES * (plots.MAX_NODES - 1) // 2
    assert plots.png(fig) == plots.png(plots.duplicate_network(clusters, pairs))
