"""The teaser's opening, normalised a line at a time, is the opening normalised whole."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from miner.clean.page import _OPENING, _norm, _opening

LINE = st.text(alphabet="工作总结我镇投入资金 \t，。、！_*#abc12", max_size=120)


@given(lines=st.lists(LINE, max_size=40), data=st.data())
def test_opening_is_the_whole_opening_normalised_and_cut(
    lines: list[str], data: st.DataObject
) -> None:
    opening_lines = sorted(data.draw(st.sets(st.integers(0, max(0, len(lines) - 1)))))
    opening_lines = [j for j in opening_lines if j < len(lines)]
    before = data.draw(st.integers(0, len(lines)))
    whole = _norm("".join(lines[j] for j in opening_lines if j < before))[:_OPENING]
    assert _opening(lines, opening_lines, before) == whole
