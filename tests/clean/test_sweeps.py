from __future__ import annotations

from miner.clean.sweeps import sweep_page

BODY = "今年以来，我镇党委按照县委统一部署，扎实开展创先争优活动，全镇党员干部积极参与，取得了明显成效。"


def _swept(lines: list[str], rules: dict[int, str] | None = None) -> dict[int, str]:
    rules = dict(rules or {})
    nonempty = [i for i, ln in enumerate(lines) if ln.strip()]
    sweep_page(lines, nonempty, rules, frozenset(), rejudge=lambda: None)
    return rules


def test_dated_titles_with_no_header_close_the_page() -> None:
    titles = ["某某县召开安全生产会议2021-07-22", "某某镇开展消防演练2021-07-20"]
    assert _swept([*[BODY] * 8, *titles]) == {8: "related_links", 9: "related_links"}


def test_a_signature_stops_every_sweep() -> None:
    lines = [*[BODY] * 8, "某某镇人民政府", "2021年7月22日"]
    assert _swept(lines) == {}


def test_lines_between_two_pieces_of_furniture_go_with_them() -> None:
    lines = [*[BODY] * 8, "扫码关注我们", "**某某电台！**", "版权所有 某某网"]
    rules = _swept(lines, {8: "ad_block", 10: "copyright"})
    assert rules[9] == "ad_block"


def test_the_rules_are_judged_again_between_rounds() -> None:
    calls: list[int] = []
    lines = [*[BODY] * 8, "某某县召开会议2021-07-22", "某某镇开展演练2021-07-20"]
    nonempty = list(range(len(lines)))
    rules: dict[int, str] = {}
    sweep_page(lines, nonempty, rules, frozenset(), rejudge=lambda: calls.append(len(rules)))
    assert calls == [2]  # one round found the list; the next found nothing more


def test_footers_the_corpus_repeats_only_when_asked() -> None:
    lines = [*[BODY] * 8, "感谢每一位读者一路以来的陪伴与信任"]
    nonempty = list(range(len(lines)))
    rules: dict[int, str] = {}
    sweep_page(lines, nonempty, rules, frozenset(), rejudge=lambda: None)
    assert rules == {}
    sweep_page(
        lines,
        nonempty,
        rules,
        frozenset({"感谢每一位读者一路以来的陪伴与信任"}),
        rejudge=lambda: None,
    )
    assert rules == {8: "repeated_footer"}
