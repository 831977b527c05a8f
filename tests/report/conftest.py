"""A tiny corpus whose pages carry markup, run once per session for the report tests."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

import miner
from miner.corpus import Corpus

SCRIPT = "<script>window.__pwned=1</script>"
IMG = '<img src=x onerror="window.__pwned=2">'

PAGE = """枫林社区“双比双争”活动总结{title_extra}
今年以来，{unit}深入开展“双比双争”活动，{script}全体党员52名全部作出承诺。
一、主要做法
{img}{unit}投入资金21.6万元，培训群众1300余人次，走访居民3900余户次，建立网格14个。
二、存在的问题
宣传不够深入，群众参与不够广泛，部分党员作用发挥不够。
三、下一步打算
继续加强宣传，推动“双比双争”活动常态化，力争群众满意率达到95%以上。
"""

SCHOOL = """柳溪镇中心小学党支部创先争优活动总结
今年以来，我校党支部深入开展创先争优活动，全校党员教师23名全部参加。
一、主要做法
组织教师学习12次，开展公开课36节，结对帮扶学生118名。
二、存在的不足
少数教师参与不够积极。
"""


def write_pages(folder: Path) -> Path:
    """Three pages: one with markup in its title and body, a near copy of it, a school report."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "a_shequ.txt").write_text(
        PAGE.format(title_extra=SCRIPT, unit="我社区", script=SCRIPT, img=IMG), encoding="utf-8"
    )
    (folder / "b_xiang.txt").write_text(
        PAGE.format(title_extra="", unit="我乡", script="", img="").replace("枫林社区", "青檀乡"),
        encoding="utf-8",
    )
    (folder / "c_school.txt").write_text(SCHOOL, encoding="utf-8")
    return folder


@pytest.fixture(scope="session")
def page_script() -> str:
    """The script the first page carries in its title and body."""
    return SCRIPT


@pytest.fixture(scope="session")
def pages_writer() -> Callable[[Path], Path]:
    """``write_pages``, for tests that need the markup corpus in a folder of their own."""
    return write_pages


@pytest.fixture(scope="session")
def markup_run(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The output folder of ``miner run`` on the markup corpus (report included)."""
    base = tmp_path_factory.mktemp("markup")
    out = base / "out"
    miner.run(miner.Settings(input=write_pages(base / "in"), output=out, csv=False, duckdb=False))
    return out


@pytest.fixture(scope="session")
def markup_corpus(markup_run: Path) -> Corpus:
    return Corpus.from_output(markup_run)
