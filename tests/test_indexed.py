from __future__ import annotations

import pytest

from miner.indexed import Indexed


class _Squares(Indexed[int]):
    def __len__(self) -> int:
        return 5

    def _row(self, i: int) -> int:
        return i * i


def test_it_indexes_and_slices_as_a_list_does() -> None:
    rows, squares = _Squares(), [i * i for i in range(5)]
    for k in range(-5, 5):
        assert rows[k] == squares[k]
    for k in (slice(None), slice(1, 4), slice(None, None, -2), slice(4, 1), slice(-3, None)):
        assert rows[k] == squares[k]
    assert list(rows) == squares and 9 in rows and rows.index(16) == 4


@pytest.mark.parametrize("k", [5, -6])
def test_an_index_past_either_end_raises(k: int) -> None:
    with pytest.raises(IndexError):
        _Squares()[k]
