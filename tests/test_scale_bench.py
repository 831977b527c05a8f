from __future__ import annotations

from pathlib import Path

import pytest

from miner.scale_bench import fit_exponent, one_naive


def test_exponent_of_power_laws() -> None:
    assert fit_exponent([10, 100, 200], [1, 10, 20]) == pytest.approx(1.0)
    assert fit_exponent([10, 100, 200], [1, 100, 400]) == pytest.approx(2.0)
    assert fit_exponent([1, 2], [5, 5]) == pytest.approx(0.0)


def test_naive_baseline_reads_the_same_files(tmp_path: Path) -> None:
    src = tmp_path / "in"
    src.mkdir()
    (src / "a.txt").write_text(
        "发布时间：2012-05-01\n共投入资金21.6万元，培训群众1300人次。", "utf-8"
    )
    (src / "b.txt").write_bytes("全村党员52名全部作出承诺。".encode("gb18030"))
    result = one_naive(src, tmp_path / "out")
    assert result["articles"] == 2 and result["figures"] == 3
    assert (tmp_path / "out" / "documents.parquet").exists()
