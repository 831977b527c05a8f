"""Plain-text and HTML pages from bytes, and the finishing steps every page shares.

Every reader (file, archive member, JSONL record, .docx, .pdf) ends in
``finish_page``, so line endings, mojibake repair and the "nothing left" check are
the same whatever the container was.
"""

from __future__ import annotations

from miner.ingest.decode import decode_bytes, looks_like_text
from miner.ingest.html import declared_charset, html_to_text
from miner.ingest.mojibake import repair_mojibake
from miner.models import ErrorRecord, Page

TEXT_SUFFIXES = frozenset({".txt", ".text"})
HTML_SUFFIXES = frozenset({".html", ".htm", ".shtml", ".xhtml"})


def finish_page(
    source: str,
    text: str,
    encoding: str,
    bad_bytes: int = 0,
    n_bytes: int = 0,
    empty: str = "no text left after decoding",
) -> Page | ErrorRecord:
    """Normalise line endings, repair Latin-1 mojibake, and refuse pages with no text.

    Args:
        source: the ``source`` column value.
        text: the decoded text.
        encoding: the ``documents.encoding`` value (how the text was obtained).
        bad_bytes: undecodable bytes replaced while decoding.
        n_bytes: size of the raw input, for the MB/s figure.
        empty: the error to report when no text is left.
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text, fixed = repair_mojibake(text)
    if fixed:
        encoding = f"gb18030 (mojibake via latin-1, from {encoding})"
    if not text.strip():
        return ErrorRecord(source, "decode", empty)
    return Page(source, text, encoding, bad_bytes, n_bytes)


def page_from_bytes(source: str, data: bytes, suffix: str) -> Page | ErrorRecord:
    """Decode one plain-text or HTML file's bytes with the reader its suffix calls for."""
    if not data.strip():
        return ErrorRecord(source, "read", "the file is empty")
    if suffix in HTML_SUFFIXES:
        decoded = decode_bytes(data, declared=declared_charset(data))
        text = html_to_text(decoded.text)
    else:
        if b"\x00" in data[:4096] and not _is_wide_text(data):
            return ErrorRecord(source, "decode", "the file holds binary data (NUL bytes), not text")
        decoded = decode_bytes(data)
        text = decoded.text
    return finish_page(source, text, decoded.encoding, decoded.bad_bytes, len(data))


def _is_wide_text(data: bytes) -> bool:
    """UTF-16/32 text has NUL bytes too; tell it from binary by its BOM or by decoding a sample."""
    if data[:2] in (b"\xff\xfe", b"\xfe\xff"):
        return True
    head = data[:4000]
    head = head[: len(head) // 2 * 2]
    return any(
        looks_like_text(head.decode(e, errors="replace")) for e in ("utf-16-le", "utf-16-be")
    )
