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
        "左右滑动图片查看更多",
        "<< 滑动上图查看下一张 >>",
        "看不明白的可以直接微信聊",
        "记得是直接私信小编哦~",
        "**报名请添加助教王老师**",
        "方法二：添加课程顾问进行咨询",
        "**全套课件领取方式**",
        "想看更多案例和报价，都能查到！（点击图片查看↓）",
        "是老师就点标题下方蓝色的某某教研，然后点关注，每天都有新资料。",
        "我是小某，每天分享一道家常菜。感谢大家的在看和点赞，周末愉快！",
        "【此刻只需2.5元】",
        "数量有限，售完即止",
        "私信发送“资料”即可免费领取",
        "实时行情请加入交流群",
        "**限时预售开启，6折抄底！**",
        "快来看看都有谁",
        "加我微信拉你进本地交流群",
        "这套**《真题1000道》**强烈安利给你",
        "**小伙伴们对此有什么看法呢？**",
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
        "嫌疑人随后直接微信转账三千元。",  # a story's sentence, not an invitation
        "3、添加班主任老师后按要求填报信息",  # a notice's numbered step
        "报名方式",  # an event's own section
        "**考核表的填写要求**（点击图片查看完整要求）",  # a heading over its picture
        "今年要重点关注农村留守儿童。",
        "群众对此有什么意见，我们都一一记录在案。",  # 群众: the report's own subject
        "每户只需缴纳120元即可参保",  # a notice's sum, too long for a sale's call
    ],
)
def test_a_reports_own_words(line: str) -> None:
    assert prompt_rule(line) is None
