"""HTML pages to plain text with paragraph breaks.

Only markup is dropped here (tags, script, style, comments); navigation bars and
footers stay as text lines, because removing them is cleaning, and cleaning logs
every removal with its rule.
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


def html_to_text(html: str) -> str:
    """Visible text of an HTML document, one block element per line.

    Example:
        >>> html_to_text("<p>一、总体要求</p><script>x=1</script><p>正文</p>")
        '一、总体要求\\n正文'
    """
    parser = _TextParser()
    try:
        parser.feed(html)
        parser.close()
    except Exception:  # pragma: no cover - html.parser is lenient; keep the run alive
        return unescape(re.sub(r"<[^>]+>", "\n", html))
    text = "".join(parser.parts)
    lines = [re.sub(r"[ \t\u00a0]+", " ", ln).strip() for ln in text.split("\n")]
    return "\n".join(ln for ln in lines if ln)
