from __future__ import annotations

import numpy as np
from hypothesis import given
from hypothesis import strategies as st

from miner.dedup.view import (
    MatchView,
    _code_points,
    _looked_up,
    _translated,
    match_view,
    matching_view,
)


def test_view_drops_punctuation_and_folds_numbers() -> None:
    assert matching_view("投入资金21.6万元，“双创双争”！") == "投入资金0万元双创双争"


def test_full_width_letters_and_digits_fold_to_ascii() -> None:
    assert matching_view("ＡＢＣ公司投入５０万元") == "abc公司投入0万元"


def test_offsets_point_back_to_the_source() -> None:
    text = "我乡，投入 21.6 万元。"
    v = match_view(text)
    assert v.text == "我乡投入0万元"
    assert text[slice(*v.source_span(0, 2))] == "我乡"
    assert text[slice(*v.source_span(4, 7))] == "21.6 万元"


@given(st.text(alphabet=st.sampled_from("我乡镇双创争优１２3.Ａb，。 \n①㎡Ⅱ"), max_size=60))
def test_every_view_character_comes_from_its_span(text: str) -> None:
    v = match_view(text)
    assert len(v.starts) == len(v.ends) == len(v.text)
    for k, ch in enumerate(v.text):
        s, e = v.source_span(k, k + 1)
        assert 0 <= s < e <= len(text)
        if ch != "0":
            assert ch in matching_view(text[s:e]) or ch in text[s:e].lower()


@given(
    st.text(
        alphabet=st.one_of(
            st.sampled_from("投入资金万元，。“”、 　\t\n-—AZaz09Ｘｙ０９①⑳㎡½Ⅻﬁ豈\uf900ßİ·…"),
            st.characters(max_codepoint=0x2FFFF, exclude_categories=("Cs",)),
        ),
        max_size=60,
    )
)
def test_the_text_only_view_is_the_views_text(text: str) -> None:
    # The translation table folds as the vectorised view does, digit runs included.
    assert matching_view(text) == match_view(text).text


@given(
    st.text(
        alphabet=st.one_of(
            st.sampled_from("投入资金万元，。“”、 　\t\n-—AZaz09Ｘｙ０９①⑳㎡½Ⅻﬁ豈\uf900ßİ·…"),
            st.characters(max_codepoint=0xFFFF, exclude_categories=("Cs",)),
        ),
        min_size=20,
        max_size=400,
    )
)
def test_a_long_text_is_viewed_by_lookup_as_by_the_table(text: str) -> None:
    # Articles take the lookup array; where it cannot say (㎡ folds to two) the table does.
    looked_up = _looked_up(text)
    assert looked_up is None or looked_up == _translated(text)
    assert matching_view(text) == _translated(text)


def test_the_lookup_covers_an_article_and_leaves_what_folds_to_several() -> None:
    article = "投入资金21.6万元，ＡＢＣ公司①期３０００人。" * 20
    assert _looked_up(article) == _translated(article)
    assert _looked_up(article + "面积5㎡") is None
    assert matching_view(article + "面积5㎡") == _translated(article + "面积5㎡")


def _by_code_points(text: str) -> MatchView:
    """``match_view`` as it was before the lookup array: NFKC per character, then masks."""
    cps, where = _code_points(text)
    cps = np.where((cps >= 65) & (cps <= 90), cps + 32, cps)
    digit = (cps >= 48) & (cps <= 57)
    keep = ((cps >= 0x4E00) & (cps <= 0x9FFF)) | ((cps >= 97) & (cps <= 122)) | digit
    cps, where, digit = cps[keep], where[keep], digit[keep]
    first = digit & ~np.r_[False, digit[:-1]]
    last = digit & ~np.r_[digit[1:], False]
    ends = where + 1
    ends[np.flatnonzero(first)] = where[np.flatnonzero(last)] + 1
    stay = ~digit | first
    out = np.where(first, np.uint32(ord("0")), cps)[stay]
    return MatchView(out.astype(np.uint32).tobytes().decode("utf-32-le"), where[stay], ends[stay])


@given(
    st.text(
        alphabet=st.one_of(
            st.sampled_from("投入资金万元，。“”、 　\t\n-—AZaz09Ｘｙ０９①⑳㎡½Ⅻﬁ豈\uf900ßİ·…"),
            st.characters(max_codepoint=0x2FFFF, exclude_categories=("Cs",)),
        ),
        max_size=80,
    )
)
def test_the_view_by_lookup_is_the_view_by_code_points(text: str) -> None:
    got, expected = match_view(text), _by_code_points(text)
    assert got.text == expected.text
    assert got.starts.tolist() == expected.starts.tolist()
    assert got.ends.tolist() == expected.ends.tolist()
