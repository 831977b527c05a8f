"""Where an analysis reads its tables from: a Corpus, an output folder, or DataFrames.

Researchers hold a run in different shapes: a ``miner.Corpus`` in a notebook, the ``OUT``
folder of an earlier ``miner run``, or a DataFrame they filtered themselves. Every analysis
function takes any of them as ``source``, so a filtered ``documents`` frame (only 2012, only
村) goes through the same code as the whole run. Tests pass a dict of small hand-made frames.

Example:
    >>> import pandas as pd
    >>> docs = pd.DataFrame({"doc_id": ["a"], "words": ["开展 双比双争 活动"]})
    >>> table(docs, "documents")["words"].tolist()
    ['开展 双比双争 活动']
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Union

import pandas as pd

if TYPE_CHECKING:
    from miner.corpus import Corpus

Source = Union["Corpus", str, os.PathLike[str], pd.DataFrame, Mapping[str, pd.DataFrame]]
"""A ``Corpus``, an output folder, a ``documents`` DataFrame, or a dict of tables by name."""

UNKNOWN = "unknown"  # the group of documents whose grouping column is empty


def table(source: Source, name: str) -> pd.DataFrame:
    """The table ``name`` of ``source`` as a DataFrame.

    A bare DataFrame stands for the ``documents`` table only: functions that also need
    ``slogans`` or ``sections`` must be given a Corpus, a folder, or a dict of frames.
    """
    from miner.corpus import Corpus

    if isinstance(source, pd.DataFrame):
        if name != "documents":
            raise TypeError(
                f"this analysis needs the {name!r} table too: pass a miner.Corpus, an output "
                f"folder, or a dict of DataFrames such as {{'documents': …, {name!r}: …}}"
            )
        return source
    if isinstance(source, Corpus):
        return source.table(name)
    if isinstance(source, Mapping):
        if name not in source:
            raise KeyError(f"no {name!r} table among {sorted(source)}")
        return source[name]
    return Corpus.from_output(Path(source)).table(name)


def corpus(source: Source) -> Corpus:
    """``source`` as a Corpus (a folder is read once; frames are converted to Arrow)."""
    import pyarrow as pa

    from miner.corpus import Corpus

    if isinstance(source, Corpus):
        return source
    if isinstance(source, pd.DataFrame):
        source = {"documents": source}
    if isinstance(source, Mapping):
        return Corpus({k: pa.Table.from_pandas(v, preserve_index=False) for k, v in source.items()})
    return Corpus.from_output(Path(source))


def group_labels(documents: pd.DataFrame, by: str | None) -> pd.Series:
    """One label per document for grouping: the column's value as text, ``unknown`` if empty.

    ``by=None`` puts every document in the group ``all``; ``by="province"`` reads the first
    level of ``region`` (四川省巴中市南江县 → 四川省) when the frame has no such column.
    Years come out as ``2012``, not ``2012.0``: pandas reads a nullable integer as float.
    """
    if by is None:
        return pd.Series("all", index=documents.index, dtype=object)
    if by == "province" and "province" not in documents.columns:
        from miner.analysis.compare import province_of

        values = documents["region"].map(lambda r: province_of(r) if isinstance(r, str) else None)
    elif by not in documents.columns:
        raise KeyError(f"documents has no column {by!r}; try unit_type, region, year or genre")
    else:
        values = documents[by]
    return values.map(_label).astype(object)


def _label(value: object) -> str:
    if value is None or (isinstance(value, float) and value != value):  # NaN
        return UNKNOWN
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    text = str(value)
    return text if text else UNKNOWN
