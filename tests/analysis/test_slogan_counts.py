from __future__ import annotations

import random
from pathlib import Path

import pyarrow as pa

from miner.analysis.compare import slogan_by_unit
from miner.analysis.slogan_counts import slogan_by_unit_by_part
from miner.models import Article, Slogan
from miner.tables.schema import to_arrow


def _corpus(seed: int) -> tuple[list[Article], list[Slogan]]:
    rng = random.Random(seed)
    regions = ("四川省巴中市", "广东省广州市", None, "某地", "北京市")
    articles = [
        Article(
            f"d{k:02d}",
            "s",
            1,
            None,
            "",
            unit_name=rng.choice(("红岩乡", "东村", "", None)),
            unit_type=rng.choice(("township", "village", None)),
            region=rng.choice(regions),
        )
        for k in range(30)
    ]
    texts = ("双创双争", "五带头", "双争", "不忘初心", "实施方案")
    kinds = ("campaign", "formulation", "motto", "cited_document")
    slogans = [
        Slogan(
            f"d{rng.randrange(32):02d}",  # d30 and d31 are no article of the corpus
            rng.choice(texts),
            rng.choice(kinds),
            0,
            4,
            rng.choice((None, "双创双争", "双争", "")),
        )
        for _ in range(200)
    ]
    slogans.sort(key=lambda s: s.doc_id)
    return articles, slogans


def test_counts_on_disk_are_the_counts_in_memory(tmp_path: Path) -> None:
    for seed in range(3):
        articles, slogans = _corpus(seed)
        expected = slogan_by_unit(articles, slogans)
        parts = [
            (some, [s for s in slogans if s.doc_id in {a.doc_id for a in some}])
            for some in (articles[:7], articles[7:8], articles[8:])
        ]
        got = list(slogan_by_unit_by_part(parts, tmp_path / str(seed), part_rows=7))
        assert expected and all(t.num_rows == 7 for t in got[:-1]) and 0 < got[-1].num_rows <= 7
        whole = pa.concat_tables(got)
        assert whole.equals(to_arrow("slogan_by_unit", expected))
        assert not any((tmp_path / str(seed)).iterdir())


def test_no_slogan_gives_no_row(tmp_path: Path) -> None:
    (table,) = slogan_by_unit_by_part([([], [])], tmp_path)
    assert table.equals(to_arrow("slogan_by_unit", []))
