"""miner.report.passages: differences marked, markup escaped."""

from __future__ import annotations

from miner.report.passages import MAX_CHARS, mark_differences


def test_passages_escape_markup_on_both_sides() -> None:
    left, right = mark_differences("甲<script>x()</script>乙", "甲<b>乙")
    for side in (left, right):
        bare = side.replace("<mark>", "").replace("</mark>", "")
        assert "<" not in bare and ">" not in bare  # only our own tags
    assert left.replace("<mark>", "").replace("</mark>", "") == (
        "甲&lt;script&gt;x()&lt;/script&gt;乙"
    )


def test_passages_identical_and_long() -> None:
    assert mark_differences("相同", "相同") == ("相同", "相同")
    left, _ = mark_differences("字" * (MAX_CHARS + 10), "字")
    assert left.endswith("…</mark>")
