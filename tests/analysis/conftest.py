"""Small hand-made tables whose counts can be checked by hand."""

from __future__ import annotations

import pandas as pd
import pytest


@pytest.fixture
def docs() -> pd.DataFrame:
    """Four articles of three unit types; ``words`` as the run writes it (tokens, spaces)."""
    return pd.DataFrame(
        {
            "doc_id": ["v1", "v2", "s1", "b1"],
            "title": ["村总结", "村计划", "学校总结", None],
            "unit_name": ["白果村", "石碾村", "中心小学", None],
            "unit_type": ["村", "村", "学校", "部门"],
            "year": [2012.0, 2013.0, 2012.0, float("nan")],
            "genre": ["总结", "计划", "总结", None],
            "n_chars": [20, 10, 10, 10],
            "words": [
                "我村 开展 “ 双比双争 ” 活动 ， 村民 村民 的 党员 带头 。",
                "村民 参加 双比双争 活动 2012 年",
                "学生 教师 党员 带头 活动",
                "机关 党员 承诺",
            ],
        }
    )
