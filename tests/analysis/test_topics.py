"""miner.analysis.topics: NMF separates two vocabularies, the same way every time."""

from __future__ import annotations

import pandas as pd

from miner.analysis.topics import fit, sample

WATER = "水利 灌溉 水库 水利 灌溉"
SCHOOL = "学生 教师 课堂 学生 教师"


def _docs() -> pd.DataFrame:
    words = [WATER, SCHOOL, WATER + " 水库", SCHOOL + " 课堂", WATER, SCHOOL]
    return pd.DataFrame({"doc_id": [f"d{i}" for i in range(6)], "title": None, "words": words})


def test_topics_separate_vocabularies() -> None:
    found = fit(_docs(), n_topics=2, top=3)
    matrix = found.matrix()
    dominant = matrix.idxmax(axis=1)
    assert dominant["d0"] == dominant["d2"] == dominant["d4"]
    assert dominant["d1"] == dominant["d3"] == dominant["d5"]
    assert dominant["d0"] != dominant["d1"]
    water_topic = int(dominant["d0"])
    words = found.terms[found.terms["topic"] == water_topic]["term"].tolist()
    assert set(words) == {"水利", "灌溉", "水库"}
    assert matrix.sum(axis=1).round(6).eq(1).all()
    assert found.labels(2)[water_topic].startswith(f"{water_topic}: ")


def test_topics_deterministic_and_degenerate() -> None:
    first, again = fit(_docs(), n_topics=2), fit(_docs(), n_topics=2)
    assert first.terms.equals(again.terms) and first.documents.equals(again.documents)
    single = pd.DataFrame({"doc_id": ["a"], "words": ["水利"]})
    assert fit(single).terms.empty
    unshared = pd.DataFrame({"doc_id": ["a", "b"], "words": ["水利", "学生"]})
    assert fit(unshared, min_df=2).documents.empty


def test_topics_sample_is_seeded_and_order_free() -> None:
    ids = [f"d{i}" for i in range(50)]
    picked = sample(ids, 10)
    assert len(picked) == 10 and picked <= set(ids)
    assert sample(list(reversed(ids)), 10) == picked  # the rows' order does not matter
    assert sample(ids, 10, seed=1) != picked  # the seed does
    assert sample(ids, 100) == set(ids)


def test_topics_fit_on_at_most_max_articles() -> None:
    docs = pd.concat([_docs()] * 3, ignore_index=True)
    docs["doc_id"] = [f"d{i}" for i in range(len(docs))]
    found = fit(docs, n_topics=2, max_articles=8)
    assert found.documents["doc_id"].nunique() == 8
    assert set(found.documents["doc_id"]) == sample(docs["doc_id"], 8)
    assert fit(docs, n_topics=2, max_articles=100).documents["doc_id"].nunique() == len(docs)
