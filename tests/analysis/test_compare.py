"""units and slogan_by_unit tables, and ``miner compare`` (miner.analysis.compare)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from miner.analysis.compare import province_of, slogan_by_unit, top_by_group, units_table
from miner.cli import main
from miner.models import Article, Slogan


def _article(doc: str, name: str | None, kind: str | None, region: str | None) -> Article:
    a = Article(doc_id=doc, source=f"{doc}.txt", part=1, title=None, text="…")
    a.unit_name, a.unit_type, a.region = name, kind, region
    return a


ARTICLES = [
    _article("a", "红岩乡", "乡镇", "四川省巴中市南江县"),
    _article("b", "红岩乡", "乡镇", "四川省巴中市南江县"),
    _article("c", "XX乡", "乡镇", None),
    _article("d", "新河街学校", "学校", "湖北省武汉市"),
    _article("e", None, None, None),
]
SLOGANS = [
    Slogan("a", "双创双争", "campaign", 0, 4, "双创双争"),
    Slogan("a", "双创双争", "campaign", 9, 13, "双创双争"),
    Slogan("b", "双创双争活动", "campaign", 0, 6, "双创双争"),
    Slogan("c", "五带头", "formulation", 0, 3, "五带头"),
    Slogan("d", "双创", "campaign", 0, 2, "双创"),
    Slogan("d", "实施方案", "cited_document", 0, 4, "实施方案"),
]


def test_units_one_row_per_unit() -> None:
    rows = units_table(ARTICLES)
    by_name = {r.unit_name: r for r in rows}
    assert by_name["红岩乡"].articles == 2
    assert json.loads(by_name["红岩乡"].doc_ids) == ["a", "b"]
    assert by_name["XX乡"].placeholder and not by_name["红岩乡"].placeholder
    assert len(rows) == 3  # the article without a unit has no row


def test_slogan_counts_by_type_and_province() -> None:
    rows = slogan_by_unit(ARTICLES, SLOGANS)
    key = {(r.scope, r.group_name, r.norm): r for r in rows}
    town = key[("unit_type", "乡镇", "双创双争")]
    assert (town.mentions, town.articles, town.units) == (3, 2, 1)
    assert key[("province", "四川省", "双创双争")].articles == 2
    assert key[("corpus", "all", "五带头")].articles == 1
    assert all(r.kind != "cited_document" for r in rows)


def test_top_by_group_orders_by_articles() -> None:
    top = top_by_group(slogan_by_unit(ARTICLES, SLOGANS), "unit_type", top=1)
    assert [r.norm for r in top["乡镇"]] == ["双创双争"]
    assert set(top) == {"乡镇", "学校"}


def test_province_of() -> None:
    assert province_of("四川省巴中市南江县") == "四川省"
    assert province_of("北京市海淀区") == "北京市"
    assert province_of(None) is None


def test_compare_command(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    src = tmp_path / "in"
    src.mkdir()
    for n, unit in enumerate(("我乡", "我乡", "我校")):
        (src / f"{n}.txt").write_text(
            f"工作总结\n今年以来，{unit}深入开展“双创双争”活动，{unit}党员争做“五带头”党员。\n",
            encoding="utf-8",
        )
    out = tmp_path / "out"
    assert main(["run", str(src), "-o", str(out), "--no-progress", "-q"]) == 0
    capsys.readouterr()
    assert main(["compare", str(out), "--by", "unit_type", "--top", "3"]) == 0
    printed = capsys.readouterr().out
    assert "unit_type=乡镇" in printed and "unit_type=学校" in printed
    assert "双创双争" in printed
    assert main(["compare", str(tmp_path / "missing")]) == 2
