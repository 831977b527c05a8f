"""miner.analysis.matrices on hand-made tables."""

from __future__ import annotations

import pandas as pd
import pytest

from miner.analysis.matrices import (
    figures_by_subject,
    figures_by_unit,
    role_headings,
    role_terms,
    section_roles,
    slogan_matrix,
)


@pytest.fixture
def tables(docs: pd.DataFrame) -> dict[str, pd.DataFrame]:
    slogans = pd.DataFrame(
        {
            "doc_id": ["v1", "v1", "v2", "s1", "s1"],
            "text": ["双比双争", "双比双争", "“双比双争”活动", "五带头", "实施方案"],
            "kind": ["campaign", "campaign", "campaign", "formulation", "cited_document"],
            "norm": ["双比双争", "双比双争", "双比双争", "五带头", "实施方案"],
        }
    )
    sections = pd.DataFrame(
        {
            "doc_id": ["v1", "v1", "s1"],
            "section_id": ["v1.s1", "v1.s2", "s1.s1"],
            "role": ["问题", "计划", "问题"],
            "section_path": ["一", "二", "一"],
            "heading": ["存在的问题", "下一步打算", "存在的不足"],
        }
    )
    sentences = pd.DataFrame(
        {
            "section_id": ["v1.s1", "v1.s1", "v1.s2", "s1.s1", None],
            "text": [
                "宣传不够深入。",
                "群众参与不够。",
                "继续加强宣传。",
                "活动不够。",
                "总结如下",
            ],
        }
    )
    figures = pd.DataFrame(
        {
            "doc_id": ["v1", "v1", "v2", "s1"],
            "subject": ["党员", "资金", "党员", None],
            "unit": ["名", "元", "名", "人"],
            "value": [52.0, 216000.0, 30.0, 12.0],
            "unit_class": ["people", "money", "people", "people"],
        }
    )
    return {"documents": docs, "slogans": slogans, "sections": sections,
            "sentences": sentences, "figures": figures}  # fmt: skip


def test_matrices_slogans_by_articles_and_mentions(tables: dict[str, pd.DataFrame]) -> None:
    by_articles = slogan_matrix(tables)
    assert by_articles.index.tolist() == ["双比双争", "五带头"]  # cited documents left out
    assert by_articles.loc["双比双争", "村"] == 2 and by_articles.loc["双比双争", "total"] == 2
    assert by_articles.loc["五带头", "学校"] == 1
    mentions = slogan_matrix(tables, value="mentions")
    assert mentions.loc["双比双争", "村"] == 3
    assert slogan_matrix(tables, min_articles=2).index.tolist() == ["双比双争"]
    with pytest.raises(ValueError, match="articles"):
        slogan_matrix(tables, value="weight")


def test_matrices_section_roles_and_terms(tables: dict[str, pd.DataFrame]) -> None:
    roles = section_roles(tables)
    assert roles.loc["问题", "村"] == 1 and roles.loc["问题", "学校"] == 1
    assert roles.loc["计划", "村"] == 1
    terms = role_terms(tables, "问题", "计划", min_count=1).set_index("term")
    assert terms.loc["不够", "target_count"] == 3 and terms.loc["不够", "direction"] == "target"
    assert terms.loc["继续加强", "direction"] == "reference"
    headings = role_headings(tables, "问题")
    assert headings["heading"].tolist() == ["存在的不足", "存在的问题"]


def test_matrices_figures(tables: dict[str, pd.DataFrame]) -> None:
    per_unit = figures_by_unit(tables).set_index("unit_name")
    assert per_unit.loc["白果村", "figures"] == 2 and per_unit.loc["白果村", "money"] == 1
    assert per_unit.loc["白果村", "per_1k_chars"] == pytest.approx(100.0)  # 2 in 20 chars
    assert per_unit.loc["unknown", "figures"] == 0
    subjects = figures_by_subject(tables)
    first = subjects.iloc[0]
    assert (first["subject"], first["unit"], first["figures"], first["articles"]) == (
        "党员",
        "名",
        2,
        2,
    )
    assert (first["min"], first["median"], first["max"]) == (30.0, 41.0, 52.0)
