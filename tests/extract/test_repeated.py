from __future__ import annotations

import random
from pathlib import Path

from miner.extract.checks import corpus_checks
from miner.extract.figures import find_figures
from miner.extract.repeated import repeated_in_other_documents
from miner.models import Article

_SENTENCES = (
    "全村共有党员{n}名。",
    "今年帮扶困难户{n}户，",
    "修建道路{n}米；",
    "累计投入资金{n}万元。",
    "我们走访了{n}户群众，",
    "参加培训{n}人次。",
)


def _corpus(seed: int) -> list[Article]:
    rng = random.Random(seed)
    units = ("东村", "西村", None, "", "南镇")
    arts = []
    for k in range(24):
        body = "".join(
            rng.choice(_SENTENCES).format(n=rng.choice((327, 1250, 4810, 99, 2020, 3.75)))
            for _ in range(rng.randint(1, 8))
        )
        arts.append(Article(f"d{k:02d}", "s", 1, None, body, unit_name=rng.choice(units)))
    return arts


def test_claims_on_disk_give_the_checks_of_the_claims_in_memory(tmp_path: Path) -> None:
    for seed in range(4):
        arts = _corpus(seed)
        figures = [f for a in arts for f in find_figures(a.text, a.doc_id)]
        expected = corpus_checks(arts, figures)
        parts = [
            (
                {a.doc_id: a.text for a in some},
                {a.doc_id: a.unit_name for a in some},
                [f for f in figures if f.doc_id in {a.doc_id for a in some}],
            )
            for some in (arts[:10], arts[10:11], arts[11:])
        ]
        got = list(repeated_in_other_documents(parts, tmp_path / str(seed)))
        assert expected and got == expected
        assert not any((tmp_path / str(seed)).iterdir())  # the claims' files are gone


def test_no_figure_gives_no_check(tmp_path: Path) -> None:
    assert list(repeated_in_other_documents([({}, {}, [])], tmp_path)) == []
