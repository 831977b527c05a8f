from __future__ import annotations

from pathlib import Path

import duckdb
import pandas as pd
import pytest

from miner.cli import main

REPORT = (
    "自开展双比双争活动以来，我镇按照县委的统一部署，成立了以党委书记为组长的领导小组，"
    "先后召开动员大会三次，制定下发了实施方案。我镇把活动作为党建工作的重点来抓，"
    "多次在各种会议上强调以群众满意为标准，以民主评议为方法，切实加强基层党风廉政建设。"
)


@pytest.fixture()
def run_out(tmp_path: Path) -> Path:
    src = tmp_path / "in"
    src.mkdir()
    (src / "a.txt").write_text("我镇双比双争活动总结\n" + REPORT, encoding="utf-8")
    swapped = REPORT.replace("我镇", "我社区").replace("<", "")
    (src / "b.txt").write_text(
        "社区活动总结\n" + swapped + "<script>x()</script>", encoding="utf-8"
    )
    out = tmp_path / "out"
    assert main(["run", str(src), "-o", str(out), "--no-progress", "-q"]) == 0
    return out


def test_dedup_rewrites_the_four_tables_everywhere(run_out: Path) -> None:
    assert len(pd.read_parquet(run_out / "duplicates.parquet")) == 1
    # stricter than the pair can meet: the rerun must drop it from Parquet, CSV and DuckDB
    assert main(["dedup", str(run_out), "--partial-containment", "0.99"]) == 0
    assert pd.read_parquet(run_out / "duplicates.parquet").empty
    assert pd.read_csv(run_out / "clusters.csv").empty
    with duckdb.connect(str(run_out / "miner.duckdb"), read_only=True) as con:
        assert con.execute("SELECT count(*) FROM duplicates").fetchone() == (0,)
        assert con.execute("SELECT count(*) FROM documents").fetchone() == (2,)
    assert main(["dedup", str(run_out)]) == 0
    (row,) = pd.read_parquet(run_out / "duplicates.parquet").itertuples()
    assert "我镇→我社区" in row.swaps or "我社区→我镇" in row.swaps


def test_show_pair_page(run_out: Path, tmp_path: Path) -> None:
    a, b = pd.read_parquet(run_out / "documents.parquet")["doc_id"]
    page = tmp_path / "pair.html"
    assert main(["show-pair", a, b, "--from", str(run_out), "-o", str(page)]) == 0
    html = page.read_text(encoding="utf-8")
    assert "&lt;script&gt;" in html and "<script>" not in html
    assert '<mark class="swap">' in html
    assert main(["show-pair", a, "nope", "--from", str(run_out), "-o", str(page)]) == 2
    assert main(["show-pair", a, b, "--from", str(tmp_path / "none")]) == 2
