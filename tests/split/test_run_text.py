"""A run of lines taken as one slice carries the offsets that joining the lines gives."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from miner.split.compilation import _run_text
from miner.textmap import TextMap


@given(
    text=st.text(alphabet="甲乙 \n\n。", max_size=40),
    gaps=st.lists(st.integers(0, 3), max_size=40),
    data=st.data(),
)
def test_run_text_is_concat_of_its_lines(text: str, gaps: list[int], data: st.DataObject) -> None:
    # offsets with gaps, as cleaning leaves them after deleting spans
    offsets, pos = [], 0
    for k in range(len(text)):
        pos += gaps[k] if k < len(gaps) else 0
        offsets.append(pos)
        pos += 1
    tm = TextMap(text, offsets)
    bounds = list(tm.lines())
    a = data.draw(st.integers(0, len(bounds) - 1))
    b = data.draw(st.integers(a + 1, len(bounds)))
    joined = TextMap.concat([tm.slice(*bounds[i]) for i in range(a, b)], sep="\n")
    run = _run_text(tm, bounds, a, b)
    assert (run.text, run.offsets) == (joined.text, joined.offsets)
