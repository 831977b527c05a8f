from __future__ import annotations

import pytest

from miner.clean.cues import (
    contact_line,
    footer_key,
    head_zone,
    link_like,
    runs,
    signature_like,
    tail_zone,
)


@pytest.mark.parametrize(
    "key", ["某某县人民政府", "某某村党支部", "2012年12月20日", "二〇一二年十二月"]
)
def test_signatures_and_dates_are_how_reports_end(key: str) -> None:
    assert signature_like(key)


def test_a_long_line_that_mentions_a_year_is_no_date_line() -> None:
    assert not signature_like("本作品来自1949年10月1日之后的政府文件，属于公有领域")


def test_footer_key_drops_white_space_and_emphasis() -> None:
    assert footer_key("**版权所有 | 某某网**") == "版权所有某某网"


@pytest.mark.parametrize(
    ("line", "expected"),
    [("省级名单公布！某地上榜", True), ("我们开展了活动。效果很好", False), ("", False)],
)
def test_a_link_title_holds_no_clause(line: str, expected: bool) -> None:
    assert link_like(line) is expected


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("地址：某某市某某路12号", True),
        ("**免 费 求 职 热 线****[phone number]", True),
        ("联系我们", True),
        ("会议要求各单位及时联系群众，做好服务。", False),
    ],
)
def test_contact_lines(line: str, expected: bool) -> None:
    assert contact_line(line) is expected


def test_the_head_is_never_more_than_the_upper_half() -> None:
    assert head_zone(list(range(20))) == set(range(8))
    assert head_zone(list(range(5))) == {0, 1, 2}


def test_the_tail_is_counted_above_the_furniture_that_ends_the_page() -> None:
    nonempty = list(range(40))
    rules = {i: "related_links" for i in range(30, 40)}
    assert list(tail_zone(nonempty, rules)) == list(range(18, 40))


def test_runs_are_the_longest_stretches_a_test_accepts() -> None:
    assert list(runs([1, 2, 4, 5, 6, 8], lambda i: i != 4)) == [[1, 2], [5, 6, 8]]
    assert list(runs([], lambda i: True)) == []


def test_a_tables_row_is_not_a_links_title() -> None:
    assert link_like("某某县召开安全生产会议")
    assert not link_like("| 快递 | 78307469837466 | 郭某 |")
