"""``repeated_in_other_documents`` of a corpus too large to hold its claims in memory.

``corpus_checks_by_part`` keeps one entry per distinct claim until every part is
read, and nearly every distinctive figure is a claim of its own: on synthetic near
copies that dictionary grew by about a megabyte per megabyte of input. Here each
figure's claim becomes a row of a file as its part is read (``SpilledRows``), and
DuckDB, with a memory limit, groups the rows and keeps the claims stated in two
articles or more of different units, in the order of ``str(key)`` that the
dictionary's sort used; only those groups come back, a batch at a time. The checks
are ``corpus_checks_by_part``'s, in the same order.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from typing import Any

import pyarrow as pa

from miner.extract.checks import claim_key, claim_label, repeated_checks
from miner.models import Check, Figure
from miner.tables.spill import SEQ, SpilledRows

_S = pa.string()
_CLAIMS = pa.schema(
    [
        ("claim", _S),  # str(key): what groups the figures and orders the groups
        ("label", _S),  # claim_label without the first figure's raw text
        ("subject", pa.bool_()),
        ("raw", _S),
        ("doc_id", _S),
        ("start", pa.int64()),
        ("unit_name", _S),  # of the figure's article; null when it has none
    ]
)
# Groups of claims read back at once.
_BATCH = 4096
# Figures whose claims are made and spilled at once.
_FIGURES = 16_384


def repeated_in_other_documents(
    parts: Iterable[tuple[Mapping[str, str], Mapping[str, str | None], Iterable[Figure]]],
    folder: Path,
) -> Iterator[Check]:
    """The checks of ``corpus_checks_by_part``, with the claims on disk in ``folder``.

    Each part is the texts of some articles (doc id → text), their unit names (doc
    id → unit name) and their figures. An article missing from a part's unit names
    counts as one without a name, as an article missing from ``corpus_checks_by_part``'s.
    """
    rows = SpilledRows(_CLAIMS, folder)
    try:
        for texts, units, figures in parts:
            # a part's figures a batch at a time: their claims as Python lists cost
            # several times their rows, and the rows' order is kept (``SEQ``)
            rest = iter(figures)
            while batch := list(itertools.islice(rest, _FIGURES)):
                rows.add(_claims(texts, units, batch))
                del batch
        if not rows.files:
            return
        # The claims stated in two articles or more of different units, found by plain
        # groupings (which DuckDB spills), then their figures in claim and reading order.
        query = f"""
            WITH by_doc AS (
                SELECT claim, doc_id, any_value(unit_name) AS unit_name,
                       bool_or(unit_name IS NULL) AS unnamed
                FROM spilled GROUP BY claim, doc_id
            ), kept AS (
                SELECT claim FROM by_doc GROUP BY claim
                HAVING count(*) >= 2
                   AND (bool_or(unnamed) OR min(unit_name) <> max(unit_name))
            )
            SELECT claim, subject, label, raw, doc_id, start FROM spilled
            WHERE claim IN (SELECT claim FROM kept)
            ORDER BY claim, {SEQ}
        """
        with rows.connect() as con:
            batches = con.sql(query).to_arrow_reader(_BATCH)
            claimed: Iterator[tuple[Any, ...]] = (
                row
                for batch in batches
                for row in zip(*(c.to_pylist() for c in batch.columns), strict=True)
            )
            for _, group in itertools.groupby(claimed, key=lambda row: row[0]):
                held = list(group)
                subject, label, raw = held[0][1:4]
                found = [(str(row[4]), int(row[5])) for row in held]
                name = f"{label} {raw}" if subject else str(label)
                yield from repeated_checks(name, sorted({d for d, _ in found}), found)
    finally:
        rows.close()


def _claims(
    texts: Mapping[str, str], units: Mapping[str, str | None], figures: Iterable[Figure]
) -> pa.Table:
    """One row per figure of a part that states a claim (``claim_key``)."""
    columns: dict[str, list[object]] = {name: [] for name in _CLAIMS.names}
    for f in figures:
        key = claim_key(f, texts)
        if key is None:
            continue
        subject = key[0] == "subject"
        columns["claim"].append(str(key))
        columns["label"].append(key[1] if subject else claim_label(key, f.raw))
        columns["subject"].append(subject)
        columns["raw"].append(f.raw)
        columns["doc_id"].append(f.doc_id)
        columns["start"].append(f.start)
        columns["unit_name"].append(units.get(f.doc_id))
    return pa.table(columns, schema=_CLAIMS)


__all__ = ["repeated_in_other_documents"]
