from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from miner.textmap import TextMap


def _edit_as_written(tm: TextMap, edits: list[tuple[int, int, str]]) -> TextMap:
    """TextMap.edit before its loop was tightened (sort key, slices, extends)."""
    parts: list[str] = []
    offs: list[int] = []
    pos = 0
    for start, end, repl in sorted(edits, key=lambda e: (e[0], e[1])):
        if start < pos:
            raise ValueError(f"overlapping edit at {start}")
        parts.append(tm.text[pos:start])
        offs.extend(tm.offsets[pos:start])
        if repl:
            parts.append(repl)
            if len(repl) == end - start:
                offs.extend(tm.offsets[start:end])
            else:
                anchor = tm.offsets[start] if start < len(tm.offsets) else tm.end_offset()
                offs.extend([anchor] * len(repl))
        pos = end
    parts.append(tm.text[pos:])
    offs.extend(tm.offsets[pos:])
    return TextMap("".join(parts), offs)


@st.composite
def _edited(draw: st.DrawFn) -> tuple[TextMap, list[tuple[int, int, str]]]:
    text = draw(st.text(alphabet="甲乙丙\n 。", max_size=30))
    tm = TextMap.of(text, draw(st.integers(0, 9)))
    cuts = sorted(draw(st.lists(st.integers(0, len(text)), max_size=8)))
    edits = [
        (a, b, draw(st.sampled_from(["", "\n", "x", "xy", "xyz"])))
        for a, b in zip(cuts[::2], cuts[1::2], strict=False)
    ]
    return tm, draw(st.permutations(edits))


@given(_edited())
def test_edit_is_as_it_was_written(case: tuple[TextMap, list[tuple[int, int, str]]]) -> None:
    tm, edits = case
    new, old = tm.edit(edits), _edit_as_written(tm, edits)
    assert (new.text, new.offsets) == (old.text, old.offsets)


def test_overlapping_edits_are_refused() -> None:
    tm = TextMap.of("甲乙丙丁")
    for edit in (tm.edit, lambda e: _edit_as_written(tm, e)):
        try:
            edit([(0, 2, ""), (1, 3, "")])
        except ValueError:
            continue
        raise AssertionError("overlap accepted")
