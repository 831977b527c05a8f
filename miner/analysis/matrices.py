"""Cross-tables a researcher reads across: slogans × groups, section roles, figures per unit.

Each answers one comparison the per-article tables leave to the reader:

- ``slogan_matrix``: which campaign names and formulations each kind of unit repeats, counted
  by articles so one report quoting 双比双争 twenty times is one voice;
- ``section_roles`` and ``role_terms``: how reports are built (how many 问题 sections does a
  village write against a bureau?) and what they put under 问题 as against 计划;
- ``figures_by_unit`` and ``figures_by_subject``: who backs claims with numbers, and which
  subjects are counted (党员 …名, 资金 …万元) with what spread of values.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Collection

import pandas as pd

from miner.analysis.keyness import compare_counts
from miner.analysis.source import Source, group_labels, table
from miner.analysis.tokens import content_tokens

LEXICON_KINDS = ("campaign", "formulation", "motto")


def slogan_matrix(
    source: Source,
    by: str = "unit_type",
    kinds: Collection[str] = LEXICON_KINDS,
    value: str = "articles",
    min_articles: int = 1,
) -> pd.DataFrame:
    """Slogans (normal forms) as rows, groups as columns.

    Args:
        source: a Corpus, an output folder, or a dict with ``documents`` and ``slogans``.
        by: the documents column of the groups (unit_type, region, year, genre, province).
        kinds: slogan kinds to keep; cited documents and honours are left out by default.
        value: ``articles`` (distinct articles using it) or ``mentions`` (occurrences).
        min_articles: leave out slogans found in fewer articles in the whole corpus.

    Returns:
        Counts with a ``total`` column; rows by total, then slogan; columns by group name.
    """
    docs = table(source, "documents")
    slogans = table(source, "slogans")
    slogans = slogans[slogans["kind"].isin(list(kinds))]
    group_of = dict(zip(docs["doc_id"], group_labels(docs, by), strict=True))
    norm = slogans["norm"].where(slogans["norm"].notna(), slogans["text"])
    rows = pd.DataFrame(
        {"norm": norm, "doc_id": slogans["doc_id"], "group": slogans["doc_id"].map(group_of)}
    ).dropna(subset=["group"])
    spread = rows.groupby("norm")["doc_id"].nunique()
    rows = rows[rows["norm"].isin(spread[spread >= min_articles].index)]
    if rows.empty:
        return pd.DataFrame(columns=["total"])
    if value == "articles":
        wide = rows.groupby(["norm", "group"])["doc_id"].nunique().unstack(fill_value=0)
        total = rows.groupby("norm")["doc_id"].nunique()
    elif value == "mentions":
        wide = rows.groupby(["norm", "group"]).size().unstack(fill_value=0)
        total = wide.sum(axis=1)
    else:
        raise ValueError(f"value must be 'articles' or 'mentions', not {value!r}")
    wide = wide.reindex(sorted(wide.columns), axis=1).astype(int)
    wide["total"] = total.reindex(wide.index).astype(int)
    order = sorted(wide.index, key=lambda n: (-int(wide.at[n, "total"]), str(n)))
    wide = wide.loc[order]
    wide.index.name, wide.columns.name = "slogan", by
    return wide


def section_roles(source: Source, by: str = "unit_type") -> pd.DataFrame:
    """Sections per role (rows) and group (columns): how each kind of unit builds a report."""
    docs = table(source, "documents")
    sections = table(source, "sections")
    group_of = dict(zip(docs["doc_id"], group_labels(docs, by), strict=True))
    groups = sections["doc_id"].map(group_of)
    wide = pd.crosstab(sections["role"], groups).astype(int)
    wide.index.name, wide.columns.name = "role", by
    return wide


def role_tokens(source: Source) -> dict[str, Counter[str]]:
    """Content tokens of the sentences under each section role (the innermost section's).

    Sentences before the first heading count under ``none``. The text is segmented with the
    run's lexicon, so slogans stay whole here as in ``documents.words``.
    """
    from miner.segment import segmenter

    sentences = table(source, "sentences")
    sections = table(source, "sections")
    try:
        lexicon = [str(w) for w in table(source, "lexicon")["word"]]
    except (KeyError, TypeError):
        lexicon = []
    seg = segmenter(lexicon)
    role_of = dict(zip(sections["section_id"], sections["role"], strict=True))
    counts: dict[str, Counter[str]] = {}
    for section_id, text in zip(sentences["section_id"], sentences["text"], strict=True):
        role = role_of.get(section_id, "none") if isinstance(section_id, str) else "none"
        counts.setdefault(str(role), Counter()).update(
            content_tokens(" ".join(seg.words(str(text))))
        )
    return counts


def role_terms(
    source: Source, target: str = "问题", reference: str = "计划", min_count: int = 2
) -> pd.DataFrame:
    """Keyness of the words under one section role against another (问题 against 计划).

    Returns:
        ``miner.analysis.keyness.compare_counts`` columns: ``direction`` ``target`` marks the
        words of ``target`` sections.
    """
    counts = role_tokens(source)
    return compare_counts(
        counts.get(target, Counter()), counts.get(reference, Counter()), min_count=min_count
    )


def role_headings(source: Source, role: str, by: str = "unit_type") -> pd.DataFrame:
    """The headings units list under one role (what a 问题 section names), with their group."""
    docs = table(source, "documents")
    sections = table(source, "sections")
    group_of = dict(zip(docs["doc_id"], group_labels(docs, by), strict=True))
    picked = sections[sections["role"] == role]
    out = pd.DataFrame(
        {
            "group": picked["doc_id"].map(group_of),
            "doc_id": picked["doc_id"],
            "section_path": picked["section_path"],
            "heading": picked["heading"],
        }
    )
    return out.sort_values(["group", "doc_id", "section_path"]).reset_index(drop=True)


def figures_by_unit(source: Source, by: str = "unit_name") -> pd.DataFrame:
    """Figures per unit (or unit type, year …): how many, how dense, of which kinds.

    Returns:
        One row per group: ``articles``, ``chars`` (text length), ``figures``,
        ``per_1k_chars`` (figures per 1,000 characters) and one count column per
        ``unit_class`` (people, money, count …); densest first.
    """
    docs = table(source, "documents")
    figures = table(source, "figures")
    labels = group_labels(docs, by)
    group_of = dict(zip(docs["doc_id"], labels, strict=True))
    base = pd.DataFrame(
        {
            "articles": labels.value_counts(),
            "chars": docs.groupby(labels)["n_chars"].sum()
            if "n_chars" in docs.columns
            else docs["text"].str.len().groupby(labels).sum(),
        }
    )
    groups = figures["doc_id"].map(group_of)
    classes = pd.crosstab(groups, figures["unit_class"].fillna("other"))
    out = base.join(classes, how="left").fillna(0)
    class_columns = sorted(classes.columns)
    out["figures"] = out[class_columns].sum(axis=1) if class_columns else 0
    out["per_1k_chars"] = out["figures"] * 1000 / out["chars"].where(out["chars"] > 0)
    out = out[["articles", "chars", "figures", "per_1k_chars", *class_columns]]
    for column in ["articles", "chars", "figures", *class_columns]:
        out[column] = out[column].astype(int)
    out.index.name = by
    out = out.reset_index()
    return out.sort_values(["per_1k_chars", by], ascending=[False, True]).reset_index(drop=True)


def figures_by_subject(source: Source, min_figures: int = 1) -> pd.DataFrame:
    """Figures per subject and unit (党员/名, 资金/元): how often counted and the spread.

    Returns:
        ``subject``, ``unit``, ``figures``, ``articles``, ``min``, ``median``, ``max``; most
        counted first. Figures without a subject are left out.
    """
    figures = table(source, "figures").dropna(subset=["subject"])
    grouped = figures.groupby(["subject", "unit"])
    out = pd.DataFrame(
        {
            "figures": grouped.size(),
            "articles": grouped["doc_id"].nunique(),
            "min": grouped["value"].min(),
            "median": grouped["value"].median(),
            "max": grouped["value"].max(),
        }
    ).reset_index()
    out = out[out["figures"] >= min_figures]
    out = out.sort_values(
        ["figures", "articles", "subject", "unit"], ascending=[False, False, True, True]
    )
    return out.reset_index(drop=True)
