from __future__ import annotations

import pytest

from miner.clean.boilerplate import Boilerplate, learn
from miner.clean.cues import footer_key
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


def test_counts_of_groups_of_pages_merge_into_the_lines_of_one_pass() -> None:
    # A pool counts groups of pages on its workers: a footer seen under pages of
    # different groups (and a copy split across groups) must count as in one pass.
    other = "本站文章均来自网友投稿如有侵权请联系删除"
    pages = [_page(n, [FOOTER if n % 2 else other]) for n in range(6)]
    pages += [_page(1, [other]), _page(1, [other])]  # copies: one body
    merged = Boilerplate()
    for group in (pages[:1], pages[1:4], [], pages[4:]):
        seen = Boilerplate(keep_keys=True)
        for text in group:
            seen.add(text)
        merged.update(seen)
    assert merged.lines() == learn(pages) == frozenset({FOOTER, other})


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


LICENCE = [
    "本作品来自1949年10月1日之后的某某文件，依照某某法的规定",
    "CPC 1",
    "，不适用于著作权法保护，所以属于",
    "中央某某机关党组",
    "制定的公文，视同直属机构制定。",
    "公有领域",
]


def test_a_licence_block_with_years_and_fragments_goes_whole() -> None:
    pages = [_page(n, LICENCE) for n in range(3)]
    footers = learn(pages)
    assert (
        "本作品来自1949年10月1日之后的某某文件，依照某某法的规定" in footers
    )  # a year inside a long line
    rules = classify_lines(pages[0].split("\n"), footers)
    assert set(rules) == {1, 2, 3, 4, 5, 6}
    assert rules[6] == "copyright"


def test_a_pages_own_signature_and_date_end_the_sweep() -> None:
    contact = "工作热线电话：某某学校办公室值班电话"
    pages = [_page(n, [contact, f"某某第{n}小学", "2022年12月1日"]) for n in range(3)]
    footers = learn(pages)
    assert footer_key(contact) in footers
    # the page ends with its own signature and date: nothing below them is furniture
    assert classify_lines(pages[0].split("\n"), footers) == {}


def test_a_short_sign_off_that_asks_to_share_is_learned() -> None:
    pages = [f"第{i}篇文章的正文，内容各不相同。\n文化需要传承，知识重在分享！" for i in range(3)]
    assert learn(pages) == frozenset({"文化需要传承，知识重在分享！"})
    closing = [f"第{i}篇报告正文，内容各不相同。\n本报记者将继续关注。" for i in range(3)]
    assert learn(closing) == frozenset()


def test_counts_are_capped_and_single_page_lines_are_not_kept_as_text() -> None:
    seen = Boilerplate(cap=3)
    for n in range(6):
        seen.add(_page(n, [FOOTER, f"本页第{n}条独有的结尾说明文字"]))
    assert seen.lines(3) == frozenset({FOOTER}) and seen.lines(2) == frozenset({FOOTER})
    assert list(seen._bodies) == [FOOTER] and len(seen._bodies[FOOTER]) == 3
    assert len(seen._once) == 6  # each page's own last line: a digest, not its text
    for wrong in (1, 4):
        with pytest.raises(ValueError):
            seen.lines(wrong)
    with pytest.raises(ValueError):
        Boilerplate(cap=1)


def test_counts_merge_only_when_their_keys_were_kept() -> None:
    seen = Boilerplate()
    seen.add(_page(1, [FOOTER]))
    with pytest.raises(ValueError, match="keep_keys"):
        Boilerplate().update(seen)


def test_a_masked_address_alone_is_no_footer() -> None:
    # every page's own e-mail address reads [email] once the corpus is masked
    pages = [_page(n, ["电子邮箱：", "[email]", "[phone number]"]) for n in range(4)]
    assert learn(pages) == frozenset()
