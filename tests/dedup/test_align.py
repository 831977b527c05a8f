from __future__ import annotations

import json
import re

from hypothesis import given
from hypothesis import strategies as st
from rapidfuzz.distance import Indel

from miner.dedup.align import (
    _edits,
    align_pair,
    align_words,
    anchor_counts,
    content_tokens,
    subs_json,
    summarise_swaps,
    swap_summary,
)

A = "我乡开展双比双争活动，我乡党委高度重视，成立领导小组，召开动员大会，统一了思想认识。"
B = A.replace("双比双争", "双创双争").replace("召开", "组织召开")
_WORDY = re.compile(r"\w")


@given(st.lists(st.text(alphabet="我乡，。 _a1\x01！—\u0301ǅ①٣𠀀", max_size=4), max_size=25))
def test_anchor_counts_count_word_characters_of_any_stretch(words: list[str]) -> None:
    counts = anchor_counts(words)
    for i in range(len(words) + 1):
        for j in range(i, len(words) + 1):
            assert counts[j] - counts[i] == len(_WORDY.findall("".join(words[i:j])))


def test_align_words_gives_the_passages_and_swaps_of_align_pair() -> None:
    passages, subs = align_words(
        "a", "b", content_tokens(A), content_tokens(B), anchor_counts(content_tokens(A)[0])
    )
    assert passages == align_pair("a", A, "b", B)
    assert subs == [json.loads(p.substitutions) for p in passages]
    assert summarise_swaps(passages, subs, A, B) == swap_summary(passages, A, B)
    assert "双比双争→双创双争 ×1" in swap_summary(passages, A, B)


@given(
    st.lists(
        st.lists(
            st.text(alphabet='我乡"\\/\n\t\x00\x1f\u2028 a①𠀀', max_size=5), min_size=2, max_size=2
        ),
        max_size=6,
    )
)
def test_swaps_are_written_as_json_dumps_writes_them(subs: list[list[str]]) -> None:
    assert subs_json(subs) == json.dumps(subs, ensure_ascii=False)


def _joined_opcodes(words_a: list[str], words_b: list[str]) -> list[tuple[str, int, int, int, int]]:
    """The edit script as it was first built: rapidfuzz's opcodes, edits next to each other joined."""
    out: list[tuple[str, int, int, int, int]] = []
    for tag, i1, i2, j1, j2 in Indel.opcodes(words_a, words_b).as_list():
        if tag == "equal":
            out.append((tag, i1, i2, j1, j2))
        elif out and out[-1][0] != "equal":
            out[-1] = ("replace", out[-1][1], i2, out[-1][3], j2)
        else:
            out.append(("replace", i1, i2, j1, j2))
    return out


@given(
    st.lists(st.sampled_from(["我乡", "我镇", "开展", "，", "活动", "的"]), max_size=30),
    st.lists(st.sampled_from(["我乡", "我镇", "开展", "，", "活动", "了"]), max_size=30),
)
def test_the_edit_script_from_matching_blocks_is_the_joined_opcodes(
    a: list[str], b: list[str]
) -> None:
    assert _edits(a, b) == _joined_opcodes(a, b)
