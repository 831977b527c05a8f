from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

import numpy as np

from miner.dedup import dedup, start_dedup
from miner.dedup.texts import InMemoryTexts, RowCache, blocks
from miner.models import Article
from miner.tables.schema import to_arrow

REPORT = (
    "自开展双比双争活动以来，我镇按照县委的统一部署，成立了以党委书记为组长的领导小组，"
    "先后召开动员大会三次，制定下发了实施方案。我镇把活动作为党建工作的重点来抓，"
    "多次在各种会议上强调以群众满意为标准，以民主评议为方法，切实加强基层党风廉政建设。"
)
OTHER = (
    "学校坚持以人为本的原则，落实学校提出的教育理念，让每一个孩子都享受到成功的快乐，"
    "建立校级干部巡堂制度和中层干部执勤制度，每天对早读、上课、课间操进行巡查并做好记载。"
)


class CountingTexts(InMemoryTexts):
    """Texts that count how often and how much the search asks for."""

    def __init__(self, texts: list[str]) -> None:
        super().__init__(texts)
        self.calls: list[list[int]] = []

    def fetch(self, rows: Iterable[int]) -> dict[int, str]:
        asked = list(rows)
        self.calls.append(asked)
        return super().fetch(asked)


def test_blocks_bound_the_rows_each_block_touches() -> None:
    pairs = [(0, 1), (0, 2), (3, 4), (5, 6), (1, 6)]
    got = list(blocks(pairs, lambda p: p, 4))
    assert [b for b, _ in got] == [[(0, 1), (0, 2)], [(3, 4), (5, 6)], [(1, 6)]]
    assert [rows for _, rows in got] == [[0, 1, 2], [3, 4, 5, 6], [1, 6]]
    assert [b for b, _ in blocks([(0, 1, 2, 3, 4)], lambda p: p, 2)] == [[(0, 1, 2, 3, 4)]]
    assert list(blocks([], lambda p: p, 2)) == []


def test_row_cache_reads_a_block_in_one_fetch_and_stays_bounded() -> None:
    texts = CountingTexts(["a", "bb", "ccc", "dddd"])
    cache = RowCache(texts, lambda t: np.array([len(t)]), size=2)
    cache.prefetch([0, 1, 0])
    assert texts.calls == [[0, 1]]
    assert cache(1).tolist() == [2] and cache(0).tolist() == [1]
    assert len(texts.calls) == 1  # both were prefetched
    assert cache(3).tolist() == [4]  # a miss: one fetch, and row 1 (least recent) goes
    assert texts.calls[-1] == [3]
    cache(1)
    assert texts.calls[-1] == [1]


def _family(ids: str) -> tuple[list[str], list[Article]]:
    """Six articles: a report, its swapped copy, another text, a splice, a copy, a part."""
    swapped = REPORT.replace("我镇", "我街道").replace("双比双争", "双创双争")
    bodies = [REPORT, swapped, OTHER, swapped + OTHER, REPORT, REPORT[:90] + OTHER]
    arts = [
        Article(x, "s", 1, None, t, date=f"2020-0{n + 1}-01")
        for n, (x, t) in enumerate(zip(ids, bodies, strict=True))
    ]
    return bodies, arts


def test_texts_from_a_source_give_the_result_of_texts_in_the_articles() -> None:
    bodies, arts = _family("abcdef")
    plain = dedup(arts)
    bare = [Article(a.doc_id, a.source, a.part, None, "", date=a.date) for a in arts]
    source = CountingTexts(bodies)
    lengths = [len(t) for t in bodies]
    for window in (0, 1, 16):
        got = start_dedup(bare, texts=source, lengths=lengths, window=window)()
        assert got == plain
    assert plain.pairs and plain.clusters
    assert all(len(set(call)) == len(call) for call in source.calls)
    collected: list[int] = []
    table = start_dedup(
        bare,
        texts=source,
        lengths=lengths,
        passage_table=True,
        after_chunk=lambda: collected.append(1),
    )()
    assert collected
    assert table.passages == [] and table.pairs == plain.pairs
    assert table.passage_table.equals(to_arrow("passages", plain.passages))
    assert table.passage_table.column("doc_a").num_chunks == 1


def test_spilled_pairs_and_passages_are_the_tables_built_in_memory(tmp_path: Path) -> None:
    _, arts = _family("fedcba")
    plain = dedup(arts)
    assert {p.kind for p in plain.pairs} >= {"exact", "near"}
    got = start_dedup(arts, spill=tmp_path / "spill", window=1)()
    assert got.pairs == [] and got.passages == []
    assert got.pair_table is not None and got.passage_table is not None
    assert got.pair_table.equals(to_arrow("duplicates", plain.pairs))
    assert got.passage_table.equals(to_arrow("passages", plain.passages))
    assert got.clusters == plain.clusters and got.templates == plain.templates
    assert all(c.num_chunks == 1 for c in [*got.pair_table.columns, *got.passage_table.columns])
    assert not any((tmp_path / "spill").iterdir())  # the spilled files are gone
