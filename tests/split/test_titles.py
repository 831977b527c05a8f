from __future__ import annotations

import pytest

from miner.split import take_title
from miner.textmap import TextMap

BODY = "今年以来，我镇党委按照县委统一部署，扎实开展创先争优活动，取得了明显成效。"


@pytest.mark.parametrize(
    ("text", "title", "body_start"),
    [
        (f"某镇创先争优活动总结\n{BODY}", "某镇创先争优活动总结", "今年以来"),
        (f"站点标题\n\n某镇2011年工作总结及\n\n2012年工作计划\n中共某镇委员会\n{BODY}",
         "某镇2011年工作总结及2012年工作计划", "中共某镇委员会"),
        (f"某县2011年创先争优活动\n工作总结\n{BODY}", "某县2011年创先争优活动工作总结", "今年以来"),
        (f"区政协双争活动总结-活动总结\n{BODY}", "区政协双争活动总结", "今年以来"),
        (f"一、基本情况\n{BODY}", None, "一、基本情况"),
        (BODY, None, "今年以来"),
        (f"某组字〔2012〕18号\n关于印发某方案的通知\n各村党支部：\n{BODY}",
         "关于印发某方案的通知", "某组字"),
        (f"某市数据管理办法\n某市人民政府令\n（第19号）\n{BODY}", "某市数据管理办法", "某市数据管理办法"),
    ],
)  # fmt: skip
def test_take_title(text: str, title: str | None, body_start: str) -> None:
    t = take_title(TextMap.of(text), "p.txt")
    assert t.title == title
    assert t.body.text.lstrip().startswith(body_start)


def test_page_title_above_the_real_title_is_logged() -> None:
    t = take_title(TextMap.of(f"站点标题\n某镇工作总结\n{BODY}"), "p.txt")
    assert t.title == "某镇工作总结"
    assert [(r.rule, r.text) for r in t.removals] == [("page_title", "站点标题")]
    assert t.title_map is not None and t.title_map.text == "某镇工作总结"


@pytest.mark.parametrize(
    ("text", "title", "body_start"),
    [
        ("某县某乡“双比双争”工作汇报材料全县“双比双争”活动动员会以来，我乡按照要求认真开展各项工作。",
         "某县某乡“双比双争”工作汇报材料", "全县"),
        ("现将我镇2012年工作总结如下：一是加强领导，二是狠抓落实，三是注重实效，取得了明显成效。",
         None, "现将"),
        ("我镇2012年上半年工作总结会上，书记强调要狠抓落实，确保全年目标任务圆满完成，取得明显成效。",
         None, "我镇"),
    ],
)  # fmt: skip
def test_title_glued_to_the_first_sentence(text: str, title: str | None, body_start: str) -> None:
    t = take_title(TextMap.of(text), "p.txt")
    assert t.title == title
    assert t.body.text.startswith(body_start)


def test_a_question_as_the_pages_first_line_is_its_title() -> None:
    body = "我们青协为了替读者打造洁净的阅读环境，专门开展了清洁校园活动。"
    t = take_title(TextMap.of(f"清扫校园活动总结如何写?( 二 )\n{body}"), "x")
    assert (t.title, t.body.text) == ("清扫校园活动总结如何写?( 二 )", body)
    # a question inside the text is the text's
    t = take_title(TextMap.of(f"{body}\n这是为什么呢？\n{body}"), "x")
    assert t.title is None
