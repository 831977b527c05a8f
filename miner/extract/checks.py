"""Figures that deserve a second look (the ``checks`` table).

A check never says a figure is false; it points a person at claims that are
impossible (a share over 100%), self-contradictory, repeated, or missing.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Sequence

from miner.clean.flags import MISSING_NUMBER
from miner.models import Article, Check, Figure


def document_checks(article: Article, figures: Sequence[Figure]) -> list[Check]:
    """Checks within one article."""
    out: list[Check] = []
    doc = article.doc_id
    for f in figures:
        if f.unit == "%" and f.value > 100:
            out.append(
                Check("percent_over_100", doc, f"{f.raw} in “{f.sentence[:60]}”", _starts([f]))
            )
    groups: dict[tuple[str, str], list[Figure]] = defaultdict(list)
    for f in figures:
        if f.subject:
            groups[(f.subject, f.unit)].append(f)
    for (subject, unit), group in sorted(groups.items()):
        values = sorted({f.value for f in group})
        same = [f for f in group if sum(1 for g in group if g.value == f.value) > 1]
        if len(same) >= 2:
            raw = same[0].raw
            out.append(
                Check(
                    "repeated_within_document",
                    doc,
                    f"{subject} {raw} stated {len(same)} times",
                    _starts(same),
                )
            )
        if len(values) > 1 and unit != "%":
            shown = "、".join(f"{v:g}{unit}" for v in values[:5])
            out.append(
                Check(
                    "same_subject_different_value",
                    doc,
                    f"{subject}: {shown}",
                    _starts(group),
                )
            )
    for m in MISSING_NUMBER.finditer(article.text):
        s = max(0, m.start() - 12)
        context = article.text[s : m.end() + 3].replace("\n", " ")
        out.append(
            Check("missing_number", doc, f"no number before the measure word: “{context}”", "[]")
        )
    return out


def corpus_checks(articles: Sequence[Article], figures: Sequence[Figure]) -> list[Check]:
    """Checks across articles: the same claim in reports of different units."""
    unit_of = {a.doc_id: (a.unit_name or a.doc_id) for a in articles}
    seen: dict[tuple[str, float, str], list[Figure]] = defaultdict(list)
    for f in figures:
        if f.subject and f.value >= 10:  # small counts repeat by chance
            seen[(f.subject, f.value, f.unit)].append(f)
    out: list[Check] = []
    for (subject, value, unit), group in sorted(seen.items()):
        units = {unit_of[f.doc_id] for f in group}
        if len(units) < 2:
            continue
        for doc in sorted({f.doc_id for f in group}):
            mine = [f for f in group if f.doc_id == doc]
            others = sorted({f.doc_id for f in group} - {doc})
            out.append(
                Check(
                    "repeated_in_other_documents",
                    doc,
                    f"{subject} {value:g}{unit} also in {', '.join(others[:5])}",
                    _starts(mine),
                )
            )
    return out


def _starts(figs: Sequence[Figure]) -> str:
    return json.dumps(sorted(f.start for f in figs))
