from __future__ import annotations

import pytest

from miner.clean.fragments import head_fragment, tail_fragment, title_suffix

BODY = "今年以来，我镇党委按照县委统一部署，扎实开展创先争优活动，全镇党员干部积极参与，取得了明显成效。"


@pytest.mark.parametrize(
    ("line", "fragment"),
    [
        (BODY + "**某某公司订阅号**", "**某某公司订阅号**"),
        (BODY + "(责编：张某、李某)分享让更多人看到。", "(责编：张某、李某)分享让更多人看到。"),
        (
            BODY + "欢迎转发至朋友圈**扫上面二维码，领取资料**",
            "欢迎转发至朋友圈**扫上面二维码，领取资料**",
        ),
        (BODY + "END", "END"),
        (BODY + "=== The END ===", "=== The END ==="),
        (BODY + "【声明】本文仅供参考！商业合作：某某", "【声明】本文仅供参考！商业合作：某某"),
        (BODY + "这是他在WEEKEND里说的。", None),
        (BODY + "全年共编辑简报12期。", None),
        (BODY, None),
    ],
)
def test_tail_fragment(line: str, fragment: str | None) -> None:
    at = tail_fragment(line)
    assert (line[at:] if at is not None else None) == fragment


@pytest.mark.parametrize(
    ("line", "kept"),
    [
        (
            "**▼点击下方文字****进入公众号链接▼**# 新高考背景下高中生涯规划专题讲座",
            "# 新高考背景下高中生涯规划专题讲座",
        ),
        (
            "点击蓝字关注我们。今年以来，我镇党委按照县委统一部署开展活动。",
            "今年以来，我镇党委按照县委统一部署开展活动。",
        ),
        ("今年以来，我镇党委按照县委统一部署，关注民生。", None),
        ("**关注我们**", None),  # nothing would be left: the line rules take it whole
    ],
)
def test_head_fragment(line: str, kept: str | None) -> None:
    at = head_fragment(line)
    assert (line[at:] if at is not None else None) == kept


def test_a_title_may_open_with_praise() -> None:
    assert head_fragment("# 点赞！某村村医送药上门") is None


@pytest.mark.parametrize(
    ("line", "kept"),
    [
        ("海尔冰箱清洁_长沙海尔维修站", "海尔冰箱清洁"),
        ("PE大管件的优点有哪几点？_某某体育app下载手机版", "PE大管件的优点有哪几点？"),
        (
            "用什么方法可以降低发病率呢?_某某医院用什么方法可以降低发病率呢?",
            "用什么方法可以降低发病率呢?",
        ),
        ("我镇共有党员__名，其中女党员_名。", None),  # blanks of a redacted report
        ("devid, CHRDEVBASE_CNT);", None),
        ("抖音账号购买_可靠的短视频营销方案(利用短视频营销的好处有哪些)", None),
    ],
)
def test_title_suffix(line: str, kept: str | None) -> None:
    at = title_suffix(line)
    assert (line[:at] if at is not None else None) == kept


def test_a_site_tag_after_the_title() -> None:
    line = "德邦物流能否成功代替快递巨头？【某某体育app】"
    assert line[: title_suffix(line)] == "德邦物流能否成功代替快递巨头？"
    assert title_suffix("关于开展创先争优活动的通知【附件】") is None


def test_a_prompt_glued_to_the_last_line() -> None:
    line = "总之多做功课、多对比，对自己更有帮助****点击蓝色字体查价格**"
    assert tail_fragment(line) is not None


def test_a_prompt_broken_up_by_emphasis_is_cut_whole() -> None:
    line = (
        "点击上方蓝色****字****关注我****们哟****~图片来源：Pexels看法1：品牌和市场其实是整体来的"
    )
    at = head_fragment(line)
    assert at is not None and line[at:].startswith("~图片来源")
