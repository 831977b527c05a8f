"""HTML pages to plain text with paragraph breaks.

Only markup is dropped here (tags, script, style, comments); navigation bars and
footers stay as text lines, because removing them is cleaning, and cleaning logs
every removal with its rule.

``html.parser`` (CPython 3.11) is quadratic on markup that never closes: for every
``<`` that opens a tag, comment or declaration without its ``>`` (or ``-->``) it
scans the rest of the page again, so 60 KB of ``<a `` took over a minute. Such a
``<`` cannot start markup anyway, so it is escaped first (``&lt;``) in one linear
pass, and the parser shows it as the text it is.
"""

from __future__ import annotations

import re
from html import unescape
from html.parser import HTMLParser

_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_\-]+)""", re.I)
_BLOCK = frozenset(
    (
        "address article aside blockquote br dd div dl dt fieldset figcaption figure footer "
        "form h1 h2 h3 h4 h5 h6 header hr li main nav ol p pre section table tbody td tfoot th "
        "thead title tr ul"
    ).split()
)
_SKIP = frozenset({"script", "style", "noscript", "template", "svg", "iframe", "object"})
_LT = re.compile("<")


def declared_charset(data: bytes) -> str | None:
    """The charset a page declares in its first few KB, if any."""
    m = _CHARSET.search(data[:8192])
    return m.group(1).decode("ascii", "ignore").lower() if m else None


class _TextParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skip_depth = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _SKIP:
            self.skip_depth += 1
        elif tag in _BLOCK:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIP:
            self.skip_depth = max(0, self.skip_depth - 1)
        elif tag in _BLOCK:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self.skip_depth:
            self.parts.append(data)


def defuse(html: str) -> str:
    """Escape every ``<`` that opens markup which never closes, in one pass.

    A tag, end tag, declaration or processing instruction must close (``>``) before
    the next ``<``; a comment must close (``-->``) somewhere after it.

    Example:
        >>> defuse("<p>a<b 和 <c</p><!-- 未完")
        '<p>a&lt;b 和 &lt;c</p>&lt;!-- 未完'
    """
    last_comment_end = html.rfind("-->")
    parts: list[str] = []
    done = 0
    gt = -1  # the next ">" at or after the current "<"; len(html) when there is none
    starts = [m.start() for m in _LT.finditer(html)]
    for n, i in enumerate(starts):
        opener = html[i + 1 : i + 2]
        if not (opener.isascii() and (opener.isalpha() or opener in "/!?")):
            continue  # "<" before a space, a digit or Chinese is text to the parser too
        if html.startswith("<!--", i):
            closed = last_comment_end >= i + 4
        else:
            if gt < i:
                found = html.find(">", i)
                gt = found if found >= 0 else len(html)
            closed = gt < (starts[n + 1] if n + 1 < len(starts) else len(html))
        if not closed:
            parts.append(html[done:i])
            parts.append("&lt;")
            done = i + 1
    parts.append(html[done:])
    return "".join(parts)


def html_to_text(html: str) -> str:
    """Visible text of an HTML document, one block element per line.

    Example:
        >>> html_to_text("<p>一、总体要求</p><script>x=1</script><p>正文</p>")
        '一、总体要求\\n正文'
    """
    parser = _TextParser()
    try:
        parser.feed(defuse(html))
        parser.close()
    except Exception:  # pragma: no cover - html.parser is lenient; keep the run alive
        return unescape(re.sub(r"<[^>]+>", "\n", html))
    text = "".join(parser.parts)
    lines = [re.sub(r"[ \t\u00a0]+", " ", ln).strip() for ln in text.split("\n")]
    return "\n".join(ln for ln in lines if ln)
