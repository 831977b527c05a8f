from __future__ import annotations

import pytest

from miner.clean.prompts import prompt_rule


@pytest.mark.parametrize(
    "line",
    [
        "点个在看你最好看",
        "#  **快速通道** ☞回复“**时政**”，获取新版讲义☞回复“**800**”，0元领取资料",
        "感谢大家的阅读，如果觉得文章还不错的话，点“ **在 看** ”，谢谢对小编的支持",
        "报考有疑问的同学可以点击【阅读原文】在线咨询老师！",
        "多转发多互动小编明天就出道",
        "**快转给身边需要的人吧！**",
        "原价￥299，限时特价**￥199**",
        "**双十二大促，购课立减！**",
    ],
)
def test_an_accounts_calls(line: str) -> None:
    assert prompt_rule(line) == "ad_block"


@pytest.mark.parametrize(
    "line",
    [
        "3.提交作品的同学请于12月10日前点击【阅读原文】报名参加本次征集活动",  # a notice's step
        "网友的诸多转发评论都表示支持这一做法",
        "10日，**庐山最低温低至5℃**",
        "全年完成投资12亿元，比原价格计划节约资金3000万元。",
    ],
)
def test_a_reports_own_words(line: str) -> None:
    assert prompt_rule(line) is None
