"""A Chinese font for matplotlib that installs with miner, so labels never render as boxes.

matplotlib ships DejaVu Sans, which has no 汉字: every Chinese label becomes a row of empty
boxes and a "Glyph … missing from font" warning. Relying on the machine's fonts makes plots
differ between a laptop, a server and CI, so miner depends on a wheel that carries Noto Sans
SC (``pylopdf-fonts-zh-cn``, SIL Open Font License, the file's source hash in its README) and
registers it with matplotlib's font manager when this module is imported. Nothing is
downloaded and the global ``rcParams`` are left alone: plots use ``style()`` in an
``rc_context``.

Example:
    >>> family()
    'Noto Sans SC'
"""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

from matplotlib import font_manager

FALLBACK = "DejaVu Sans"  # for the few symbols a CJK face may lack


def font_path() -> Path:
    """The Noto Sans SC file shipped by the ``pylopdf-fonts-zh-cn`` wheel."""
    import pylopdf_fonts_zh_cn

    return Path(pylopdf_fonts_zh_cn.sans_path())


@cache
def family() -> str:
    """Register the font once per process and return its family name."""
    path = font_path()
    font_manager.fontManager.addfont(str(path))
    return str(font_manager.FontProperties(fname=str(path)).get_name())


def style() -> dict[str, Any]:
    """rcParams for miner's plots: the CJK face first, and output that is the same every run.

    ``svg.hashsalt`` fixes the ids matplotlib would otherwise draw at random in SVG output;
    ``axes.unicode_minus`` off keeps tick labels to characters every face has.
    """
    return {
        "font.family": "sans-serif",
        "font.sans-serif": [family(), FALLBACK],
        "axes.unicode_minus": False,
        "svg.hashsalt": "miner",
        "svg.fonttype": "path",
        "figure.dpi": 100,
        "savefig.dpi": 100,
        "axes.spines.top": False,
        "axes.spines.right": False,
    }


family()
