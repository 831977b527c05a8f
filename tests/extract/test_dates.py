"""Document dates and covered years (miner.extract.dates)."""

from __future__ import annotations

from miner.extract.dates import date_and_year, find_date


def test_heading_date_in_brackets() -> None:
    text = "中共某区委办公室\n（2011年12月26日）\n全区今年开展了工作。"
    assert date_and_year(text, "某区2011年工作总结") == ("2011-12-26", 2011)


def test_signature_date_in_chinese_numerals() -> None:
    text = "今年以来，我局扎实推进工作。\n某县农业局\n二〇一二年一月五日"
    assert date_and_year(text, None) == ("2012-01-05", 2012)


def test_today_resolves_by_the_date() -> None:
    text = "今年以来，我乡认真落实。\n二〇一一年十二月三十日"
    assert date_and_year(text, "工作总结")[1] == 2011


def test_placeholder_year_gives_none() -> None:
    assert date_and_year("20XX年，我校积极宣传。", "20XX年工作总结") == (None, None)


def test_body_dates_are_not_the_document_date() -> None:
    text = (
        "一、基本情况\n"
        + "我乡于2011年5月7日召开动员大会，会后各村迅速行动起来开展工作。" * 2
        + "\n二、做法\n加强领导。\n三、成效\n明显。"
    )
    assert date_and_year(text, None) == (None, None)


def test_find_date_month_only_and_bad_month() -> None:
    assert find_date("2011年7月") == "2011-07"
    assert find_date("2011年13月") is None
    assert find_date("二〇一一年十月") == "2011-10"


def test_deadlines_and_periods_are_not_document_dates() -> None:
    assert find_date("2023年1月20日（星期五）前！") is None
    assert find_date("2023年1月1日—2023年2月10日；") is None
    assert find_date("自2022年12月1日起施行") is None
