"""Tests for the checks table: one group per check, fired and not fired.

Every example text is written for this file; only ``test_checks_on_seeds`` reads the
seed pages, to hold the acceptance of issue 5.
"""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

from miner.extract.checks import (
    ROUND_BASE_RATE,
    binomial_tail,
    corpus_checks,
    document_checks,
)
from miner.extract.figures import find_figures
from miner.models import Article, Check
from miner.pipeline import run
from miner.settings import Settings


def article(text: str, doc_id: str = "d1", unit_name: str | None = None) -> Article:
    return Article(doc_id, f"{doc_id}.txt", 1, None, text, unit_name=unit_name)


def checks(text: str, kind: str) -> list[Check]:
    """The checks of one kind that ``document_checks`` finds in ``text``."""
    art = article(text)
    return [c for c in document_checks(art, find_figures(text, art.doc_id)) if c.check == kind]


def starts(check: Check) -> list[int]:
    return list(json.loads(check.figure_starts))


# -- percent_over_100 ----------------------------------------------------------------


def test_percent_over_100_flags_a_share() -> None:
    text = "全镇群众满意率达120%。"
    [c] = checks(text, "percent_over_100")
    assert "120%" in c.detail
    assert starts(c) == [text.index("120%")]


@pytest.mark.parametrize(
    "text",
    [
        "全年产值同比增长150%。",
        "完成年度计划的130%。",
        "利润比上年提高了210%。",
        "适龄儿童入学率达100%。",
    ],
)
def test_percent_over_100_leaves_growth_and_completion(text: str) -> None:
    assert checks(text, "percent_over_100") == []


# -- same_subject_different_value ----------------------------------------------------


def test_same_subject_different_value_flags_a_changed_count() -> None:
    text = "全镇共有党员424名。党员442名参加了培训。"
    [c] = checks(text, "same_subject_different_value")
    assert c.detail == "党员: 424名、442名"
    assert starts(c) == [text.index("424名"), text.index("442名")]


@pytest.mark.parametrize(
    "text",
    [
        # the qualifier reconciles them
        "全镇共有党员约300名。党员298名参加了培训。",
        # different years: a series, not a contradiction
        "2019年全镇有党员424名。2020年全镇有党员442名。",
        # far apart: different groups of the same kind
        "全镇共有党员424名。党员45名参加了培训。",
        # one sentence lists different things
        "新建学校11所、改造学校12所。",
        # small counts differ by one all the time
        "全镇共有党支部4个。党支部5个参加评比。",
        # rates are compared over time
        "入学率98%。入学率100%。",
    ],
)
def test_same_subject_different_value_not_flagged(text: str) -> None:
    assert checks(text, "same_subject_different_value") == []


def test_same_subject_different_value_leaves_a_table_column_alone() -> None:
    # 424 then 442 clash; stated among 100 other counts of 党员 they are a table's rows.
    text = "全镇共有党员424名。党员442名参加了培训。"
    assert len(checks(text, "same_subject_different_value")) == 1
    column = "".join(f"第{i}组有党员{i + 20}名。" for i in range(100))
    assert checks(text + column, "same_subject_different_value") == []


# -- repeated_within_document --------------------------------------------------------


def test_repeated_within_document_finds_a_pasted_sentence() -> None:
    sentence = "共走访困难群众2920人，为群众办实事3621件，发放慰问金30多万元。"
    text = f"一是开展走访。{sentence}二是送温暖。各级干部{sentence}"
    found = checks(text, "repeated_within_document")
    details = " ".join(c.detail for c in found)
    for raw in ("2920人", "3621件", "30多万元"):
        assert raw in details
    assert all(len(starts(c)) == 2 for c in found)


def test_repeated_within_document_same_subject_again() -> None:
    text = "全镇现有党员424名。\n活动开展以来，全镇424名党员全部作出承诺。"
    [c] = checks(text, "repeated_within_document")
    assert c.detail == "党员 424名 stated 2 times (again)"


@pytest.mark.parametrize(
    "text",
    [
        # a round value in different statements
        "儿童入学率达100%，残疾儿童入学率达100%。",
        # a small count said of different things
        "召开党员大会3次。\n组织观看教育片3次。",
        # the same value of different subjects
        "新建道路2920米。\n修建水渠2920米。",
    ],
)
def test_repeated_within_document_not_flagged(text: str) -> None:
    assert checks(text, "repeated_within_document") == []


# -- part_exceeds_total --------------------------------------------------------------


def test_part_exceeds_total_flags_a_larger_part() -> None:
    text = "全镇共有党员1200名，其中农村党员1500名。"
    [c] = checks(text, "part_exceeds_total")
    assert c.detail == "农村党员 1500名 is more than 党员 1200名"
    assert starts(c) == [text.index("1200名"), text.index("1500名")]


@pytest.mark.parametrize(
    "text",
    [
        # the part is smaller
        "全镇共有党员1200名，其中农村党员800名。",
        # a verb before the head: 解决问题 is no part of 问题
        "共有问题80个，解决问题100个。",
        # the whole is not stated as one: 党组织 8个 is itself a group
        "优秀党组织8个，合格党组织12个。",
        # different paragraphs
        "全村共有党员1200名。\n农村党员1500名参加义务劳动。",
        # 全国职工 widens 职工, it does not narrow it
        "全县共有职工800万人，全国职工1300万人。",
    ],
)
def test_part_exceeds_total_not_flagged(text: str) -> None:
    assert checks(text, "part_exceeds_total") == []


def test_part_exceeds_total_compares_the_nearest_wholes() -> None:
    # The part lies between two wholes of its head; a third, further back, is not its own.
    text = "全镇共有党员100名，全镇共有党员1000名，其中农村党员1500名，全镇共有党员1400名。"
    found = checks(text, "part_exceeds_total")
    assert [c.detail for c in found] == [
        "农村党员 1500名 is more than 党员 1000名",
        "农村党员 1500名 is more than 党员 1400名",
    ]


def test_part_exceeds_total_is_linear_in_one_long_paragraph() -> None:
    # 4,000 wholes and 4,000 parts in one paragraph: all pairs would be 16 million.
    unit = "全村共有党员52名，其中农村党员60名，"
    found = checks(unit * 4000, "part_exceeds_total")
    assert len(found) == 2 * 4000 - 1  # each part against the whole before and after it


# -- missing_number ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "unit"),
    [
        ("投资14万元安装闭路电视 户。", "户"),
        ("对村级干部和名站所负责人进行了考核。", "名"),
        ("完成了白庙村亩河滩地绿化任务。", "亩"),
    ],
)
def test_missing_number_found(text: str, unit: str) -> None:
    [c] = checks(text, "missing_number")
    assert f"no number before {unit}" in c.detail
    assert c.figure_starts == "[]"


# -- round_numbers -------------------------------------------------------------------


def test_round_numbers_flags_an_article_of_round_figures() -> None:
    text = "，".join(f"项目{i}投资{n}万元" for i, n in enumerate([10, 20, 30, 50, 80, 40, 60, 5]))
    text += "，培训党员300名，发放资料2000份。"
    [c] = checks(text, "round_numbers")
    assert c.detail.startswith("10 of 10 exact figures are round")
    assert len(starts(c)) == 10


def test_round_numbers_not_flagged() -> None:
    mixed = "，".join(f"项目{i}投资{n}万元" for i, n in enumerate([12.5, 20, 33, 50, 8.6, 47]))
    mixed += "，培训党员327名，发放资料2000份，慰问群众41户，修路3.2公里。"
    assert checks(mixed, "round_numbers") == []
    few = "投资50万元，培训党员300名，发放资料2000份。"
    assert checks(few, "round_numbers") == []


def test_round_numbers_threshold() -> None:
    # 9 of 10 round is beyond the habit of rounding at the 1% level; 8 of 10 is not.
    assert binomial_tail(9, 10, ROUND_BASE_RATE) < 0.01 < binomial_tail(8, 10, ROUND_BASE_RATE)
    assert binomial_tail(0, 10, 0.5) == pytest.approx(1.0)


@pytest.mark.parametrize(("n", "p"), [(10, 0.45), (30, 0.45), (60, 0.1), (60, 0.9)])
def test_binomial_tail_matches_the_exact_sum(n: int, p: float) -> None:
    from fractions import Fraction
    from math import comb

    q = Fraction(p)
    for k in range(n + 1):
        exact = sum(comb(n, i) * q**i * (1 - q) ** (n - i) for i in range(k, n + 1))
        assert binomial_tail(k, n, p) == pytest.approx(float(exact), rel=1e-9, abs=1e-300)


def test_binomial_tail_is_finite_for_a_million_figures() -> None:
    # math.comb(n, i) overflows a float from n ≈ 1030: a one-line dump has millions.
    assert binomial_tail(450_000, 1_000_000, 0.45) == pytest.approx(0.5004, abs=1e-3)
    assert 0 < binomial_tail(600, 1000, 0.45) < 1e-20


# -- repeated_in_other_documents -----------------------------------------------------


def test_repeated_in_other_documents_flags_a_copied_claim() -> None:
    a = article("全村共有党员327名，帮扶困难户48户。", "a", "东村")
    b = article("今年全村共有党员327名。", "b", "西村")
    c = article("全村共有党员327名。", "c", "东村")
    figures = [f for x in (a, b, c) for f in find_figures(x.text, x.doc_id)]
    found = corpus_checks([a, b, c], figures)
    assert {x.doc_id for x in found} == {"a", "b", "c"}
    assert all(x.check == "repeated_in_other_documents" and "327名" in x.detail for x in found)
    # Within one unit the same claim is no copy.
    assert corpus_checks([a, c], [f for f in figures if f.doc_id in ("a", "c")]) == []


def test_repeated_in_other_documents_needs_a_distinctive_value() -> None:
    a = article("全镇辖22个村，党员48名。", "a", "东镇")
    b = article("全镇辖22个村，党员48名。", "b", "西镇")
    figures = [f for x in (a, b) for f in find_figures(x.text, x.doc_id)]
    assert corpus_checks([a, b], figures) == []


# -- the seeds (issue 5 acceptance) --------------------------------------------------


@pytest.fixture(scope="module")
def seed_checks(tmp_path_factory: pytest.TempPathFactory, seeds_dir: Path) -> pd.DataFrame:
    out = tmp_path_factory.mktemp("seeds_checks")
    run(Settings(input=seeds_dir, output=out, csv=False, duckdb=False))
    docs = pd.read_parquet(out / "documents.parquet")[["doc_id", "source", "part"]]
    return pd.read_parquet(out / "checks.parquet").merge(docs, on="doc_id")


def test_checks_on_seeds(seed_checks: pd.DataFrame) -> None:
    def details(prefix: str, kind: str) -> str:
        rows = seed_checks[seed_checks.source.str.startswith(prefix) & (seed_checks.check == kind)]
        return "\n".join(rows.detail)

    repeated = details("004", "repeated_within_document")
    assert "2920人" in repeated and "3621件" in repeated
    assert "闭路电视 户" in details("002", "missing_number")
    assert "亩河滩地" in details("000", "missing_number")
    assert "名站所负责人" in details("000", "missing_number")


@given(st.text(alphabet="农村女优秀解决全国总所有职工党员新增的", max_size=8))
def test_modifiers_read_from_pairs_as_from_tokens(prefix: str) -> None:
    from miner.extract.checks import _WIDENING, _modifies
    from miner.segment import tag

    by_tokens = not prefix.startswith(_WIDENING) and all(
        not t.tag.startswith("v") or t.tag == "vn" for t in tag(prefix)
    )
    assert _modifies(prefix) == by_tokens


def test_corpus_checks_by_part_equal_corpus_checks() -> None:
    from miner.extract.checks import corpus_checks_by_part

    texts = [
        "全村共有党员327名，帮扶困难户48户。",
        "今年全村共有党员327名。",
        "全村共有党员327名。",
    ]
    arts = [
        article(t, x, u) for t, x, u in zip(texts, "abc", ("东村", "西村", "东村"), strict=True)
    ]
    figures = [f for x in arts for f in find_figures(x.text, x.doc_id)]
    whole = corpus_checks(arts, figures)
    bare = [article("", a.doc_id, a.unit_name or "") for a in arts]
    parts = [
        ({a.doc_id: a.text for a in arts[:2]}, [f for f in figures if f.doc_id in ("a", "b")]),
        ({"c": arts[2].text}, [f for f in figures if f.doc_id == "c"]),
    ]
    assert whole and corpus_checks_by_part(bare, parts) == whole
