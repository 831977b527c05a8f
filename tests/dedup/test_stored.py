"""The first pass's index on disk (miner.dedup.stored) reads back what was written."""

from __future__ import annotations

import pickle
from pathlib import Path

import numpy as np
import pytest

from miner.dedup import DedupConfig, DedupIndex, index_articles
from miner.dedup.index import candidate_pairs
from miner.dedup.stored import ArrayFile, Digests, StoredIndex, runs, sizes_of


def _arrays(seed: int, n: int) -> list[np.ndarray]:
    rng = np.random.default_rng(seed)
    return [
        np.unique(rng.integers(0, 400, size=int(rng.integers(0, 30)), dtype=np.uint64))
        for _ in range(n)
    ]


def test_an_array_file_gives_back_each_array(tmp_path: Path) -> None:
    arrays = _arrays(0, 50)
    stored = ArrayFile(tmp_path / "a.u64", np.uint64)
    for at in range(0, 50, 7):  # batches, as the words step hands them over
        stored.extend(arrays[at : at + 7])
    assert len(stored) == 50
    assert all(np.array_equal(stored[k], a) for k, a in enumerate(arrays))
    assert np.array_equal(stored[-1], arrays[-1])
    assert [a.tolist() for a in stored[3:9]] == [a.tolist() for a in arrays[3:9]]
    assert sizes_of(stored).tolist() == [a.size for a in arrays] == sizes_of(arrays).tolist()
    again = pickle.loads(pickle.dumps(stored))  # as a pool worker gets it
    assert np.array_equal(again[10], arrays[10])


def test_runs_are_bounded_and_cover_every_article(tmp_path: Path) -> None:
    arrays = _arrays(1, 200)
    stored = ArrayFile(tmp_path / "a.u64", np.uint64)
    stored.extend(arrays)
    seen = 0
    for first, sizes, values in stored.runs(limit=40):
        assert first == seen and values.size == sizes.sum()
        # at most the limit, unless one article alone holds more
        assert values.size <= 40 or sizes.size == 1
        assert np.array_equal(values, np.concatenate(arrays[first : first + sizes.size]))
        seen += sizes.size
    assert seen == 200
    ((first, sizes, values),) = runs(arrays)  # in memory: one run
    assert first == 0 and sizes.size == 200 and values.size == sizes.sum()


def test_digests_keep_the_empty_view_apart() -> None:
    digests = Digests()
    digests.extend([b"\x00" * 16, b"", bytes(range(16))])
    assert list(digests) == [b"\x00" * 16, b"", bytes(range(16))]
    assert digests[1:] == [b"", bytes(range(16))]


def test_a_stored_index_gives_the_candidates_of_the_index_in_memory(tmp_path: Path) -> None:
    body = "我乡把活动作为党建工作的重点来抓，成立了领导小组，召开动员大会，统一思想。"
    texts = [body * 3, body.replace("我乡", "我镇") * 3, "另外一篇完全不同的文章。" * 9, body * 2]
    cfg = DedupConfig()
    plain = index_articles(texts, cfg)
    stored = StoredIndex(tmp_path / "index")
    for at in range(0, len(texts), 3):
        stored.extend(index_articles(texts[at : at + 3], cfg))
    assert list(stored.exact) == plain.exact
    assert isinstance(stored.keys, ArrayFile) and stored.keys.path.stat().st_size > 0
    expected = candidate_pairs(plain.keys, max_df=cfg.max_df)
    for shards in (1, 3):  # shards read from the file a run at a time
        got = candidate_pairs(stored.keys, max_df=cfg.max_df, shards=shards)
        assert all(np.array_equal(a, b) for a, b in zip(got, expected, strict=True))
    assert expected[0].size
    assert isinstance(DedupIndex().keys, list)


def test_the_sets_a_stored_index_keeps_are_the_sets_the_search_would_compute(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The search reads each article's 5-gram set from the index instead of its text:
    # with texts that fail when read for a set, the result is still the same.
    import functools

    import miner.dedup as search
    from miner.dedup import dedup, start_dedup
    from miner.dedup.texts import InMemoryTexts
    from miner.models import Article

    body = "我乡把活动作为党建工作的重点来抓，成立了领导小组，召开动员大会，统一思想。"
    texts = [body * 3, body.replace("我乡", "我镇") * 3, "另外一篇完全不同的文章。" * 9, "短"]
    arts = [Article(f"d{k}", "s", 1, None, t) for k, t in enumerate(texts)]
    cfg = DedupConfig()
    stored = StoredIndex(tmp_path / "index")
    for at in range(0, len(texts), 3):
        stored.extend(index_articles(texts[at : at + 3], cfg, sets=True))
    sets = stored.stored_sets()
    assert sets is not None and len(sets) == len(texts)
    five_grams = functools.partial(search._five_grams, cfg=cfg)
    got = sets.take([3, 0, 2])
    assert list(got) == [0, 2, 3]
    for k, text in enumerate(texts):
        assert np.array_equal(sets[k], five_grams(text))
    assert index_articles(texts, cfg).sets == []  # kept only when asked for

    def no_sets(text: str, cfg: DedupConfig) -> np.ndarray:
        raise AssertionError("a 5-gram set recomputed from its text")

    plain = dedup(arts, cfg)
    monkeypatch.setattr(search, "_five_grams", no_sets)
    lengths = [len(t) for t in texts]
    found = start_dedup(arts, cfg, index=stored, texts=InMemoryTexts(texts), lengths=lengths)()
    assert found == plain and plain.pairs
