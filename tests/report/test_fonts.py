"""The CJK face shipped as a dependency draws Chinese labels without missing glyphs."""

from __future__ import annotations

import io
import warnings

import matplotlib
import pandas as pd
import pytest
from matplotlib.figure import Figure

from miner.report import fonts, plots

LABELS = "双比双争 创先争优 三会一课 （一） “五带头” 《实施方案》 ①②③ 1,300余人次 −21.6%"


def _draw(fig: Figure) -> list[str]:
    """Render to PNG and return every warning raised while drawing."""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        fig.savefig(io.BytesIO(), format="png")
    return [str(w.message) for w in caught]


def _labelled(style: dict[str, object]) -> Figure:
    with matplotlib.rc_context(style):
        fig = Figure()
        ax = fig.add_subplot()
        ax.bar([0, 1], [1, 2])
        ax.set_title(LABELS)
        ax.set_xticks([0, 1], ["社区", "乡镇"])
        ax.set_xlabel("单位类型")
    return fig


def test_fonts_family_comes_from_the_dependency() -> None:
    assert fonts.font_path().is_file()
    assert fonts.family() == "Noto Sans SC"


def test_fonts_chinese_labels_have_every_glyph() -> None:
    with matplotlib.rc_context(fonts.style()):
        messages = _draw(_labelled(fonts.style()))
    assert not [m for m in messages if "missing from font" in m or "Glyph" in m], messages


def test_fonts_without_the_cjk_face_glyphs_go_missing() -> None:
    # The check above can fail: matplotlib's own DejaVu Sans has no 汉字 and says so.
    dejavu = {"font.family": "sans-serif", "font.sans-serif": ["DejaVu Sans"]}
    with matplotlib.rc_context(dejavu):
        messages = _draw(_labelled(dejavu))
    assert any("missing from font" in m for m in messages)


def test_fonts_plots_keep_the_face_outside_the_style() -> None:
    # Drawn with matplotlib's defaults (as a notebook's inline backend does), a miner plot
    # still names the CJK face on every label, tick labels included.
    frame = pd.DataFrame(
        {
            "term": ["网格", "机关"],
            "log_ratio": [2.0, -1.0],
            "g2": [9.0, 4.0],
            "direction": ["target", "reference"],
        }
    )
    fig = plots.keyness_bars(frame, target="村+社区", reference="其他单位")
    with matplotlib.rc_context({"font.sans-serif": ["DejaVu Sans"]}):
        messages = _draw(fig)
    assert not [m for m in messages if "missing from font" in m], messages


@pytest.mark.parametrize("text", ["存在的问题和下一步打算", "县人大常委会机关", "×× 老师"])
def test_fonts_message_figure(text: str) -> None:
    assert not [m for m in _draw(plots.message(text)) if "missing from font" in m]
