"""Where a second report was pasted onto the end of the first.

Copied reports are often stitched: the top-level numbering of the first report runs
一、二、三、 with its paragraphs, and then starts again at 一、 with another report's
sections. A restart straight after a heading (四、工作要求 / 一、加强领导。…) is an
inner list, and a restart after a chapter or an annex heading (第二章, 附件1) is
normal; only a restart after body text that then carries on (一、 … 二、 …) is
reported.
"""

from __future__ import annotations

import re

from miner.extract.markers import line_marker

_MIN_PARAGRAPH = 40  # a body paragraph, not a heading or a one-line item
# A paragraph that announces a list (…有以下几点 / 现将具体内容通告如下：) owns the
# restarted list that follows it.
_LEAD_IN = re.compile(r"(以下|如下|下列|几点|几个方面|几件事)[^。]{0,12}[。：:]?$|[：:]$")


def spliced_at(text: str) -> int | None:
    """Offset of the line where a second report starts, or None.

    Example:
        >>> body = "正文内容" * 20
        >>> spliced_at(f"一、甲\\n{body}\\n二、乙\\n{body}\\n一、丙\\n{body}\\n二、丁\\n{body}")
        170
    """
    offset = 0
    last = 0  # value of the last top-level 一、 marker
    paragraph_since = False
    previous = ""  # the line before the current one
    restart: tuple[int, int] | None = None  # (offset, value) of a restart to confirm
    for line in text.split("\n"):
        stripped = line.strip()
        mark = line_marker(stripped) if stripped else None
        if mark is not None and mark.family in ("part", "annex"):
            last, restart, paragraph_since = 0, None, False
        elif mark is not None and mark.family == "cn":
            if restart is not None and mark.value == restart[1] + 1:
                return restart[0]
            if last and mark.value <= last and paragraph_since and not _LEAD_IN.search(previous):
                restart = (offset, mark.value)
            elif restart is not None and mark.value != restart[1] + 1:
                restart = None
            last = mark.value
            paragraph_since = False
        elif len(stripped) >= _MIN_PARAGRAPH:
            paragraph_since = True
        if stripped:
            previous = stripped
        offset += len(line) + 1
    return None
