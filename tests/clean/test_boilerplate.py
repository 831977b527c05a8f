from __future__ import annotations

from miner.clean.boilerplate import learn
from miner.clean.lines import classify_lines

FOOTER = "青禾文库收录本文以供交流"


def _page(n: int, tail: list[str]) -> str:
    body = [f"第{n}份报告：今年以来，我单位扎实开展第{n}项工作，取得明显成效，群众满意度达9{n}%。"]
    return "\n".join(body + tail)


def test_a_line_closing_different_pages_is_learned_and_removed() -> None:
    pages = [_page(n, ["中共某镇委员会", "2012年12月20日", FOOTER]) for n in range(3)]
    footers = learn(pages)
    assert footers == frozenset({FOOTER})
    rules = classify_lines(pages[0].split("\n"), footers)
    assert rules == {3: "repeated_footer"}  # signature and date stay


def test_copies_of_one_page_teach_nothing() -> None:
    page = _page(
        1, ["我们将继续努力，推动各项工作再上新台阶，为全面完成全年目标任务作出新的更大贡献"]
    )
    assert learn([page, page, page]) == frozenset()


def test_two_pages_are_not_enough() -> None:
    assert learn([_page(n, [FOOTER]) for n in range(2)]) == frozenset()


def test_short_closing_formulas_are_never_footers() -> None:
    assert learn([_page(n, ["特此报告。"]) for n in range(5)]) == frozenset()


def test_scraps_inside_a_footer_block_go_with_it() -> None:
    pages = [_page(n, [FOOTER, "、法规", "版权信息由青禾文库维护"]) for n in range(3)]
    footers = learn(pages)
    rules = classify_lines(pages[0].split("\n"), footers)
    assert rules == {1: "repeated_footer", 2: "repeated_footer", 3: "repeated_footer"}
