"""Plain-text and HTML pages from bytes, and the finishing steps every page shares.

Every reader (file, archive member, JSONL record, .docx, .pdf) ends in
``finish_page``, so line endings, mojibake repair and the "nothing left" check are
the same whatever the container was.
"""

from __future__ import annotations

from miner.ingest.decode import decode_bytes, looks_like_text, wide_codec
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
    """Decode one plain-text or HTML file's bytes with the reader its suffix calls for.

    Stray NUL bytes (padding left by a crashed download, a C string copied whole) are
    dropped and counted in ``bad_bytes`` when the rest is clean text; otherwise NUL
    bytes mean binary data. A file that does not decode to text is refused as binary,
    named by its signature when it has one (a PNG named ``.txt``).
    """
    if not data.strip():
        return ErrorRecord(source, "read", "the file is empty")
    kind = binary_kind(data)
    if kind:
        return ErrorRecord(source, "decode", f"the file is {kind}, not text")
    nul = 0
    if not wide_codec(data):  # UTF-16 has NUL and control bytes of its own
        nul = data.count(b"\x00")
        data = data.replace(b"\x00", b"") if nul else data
        if _control_share(data) > _MAX_CONTROL:
            return ErrorRecord(
                source, "decode", "the file holds binary data (control bytes), not text"
            )
    declared = declared_charset(data) if suffix in HTML_SUFFIXES else None
    decoded = decode_bytes(data, declared=declared)
    if nul and (decoded.bad_bytes or not looks_like_text(decoded.text)):
        return ErrorRecord(source, "decode", "the file holds binary data (NUL bytes), not text")
    if not decoded.text.strip():
        return ErrorRecord(source, "read", "the file holds only white space")
    if suffix in HTML_SUFFIXES:
        text = html_to_text(decoded.text)
        empty = "the HTML page has no visible text (only markup, scripts or styles)"
    else:
        text, empty = decoded.text, "no text left after decoding"
    return finish_page(
        source, text, decoded.encoding, decoded.bad_bytes + nul, len(data) + nul, empty
    )


# File signatures of formats that turn up under a text name in scraped corpora.
_SIGNATURES: tuple[tuple[bytes, str], ...] = (
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"%PDF-", "a PDF document (name it .pdf to read it)"),
    (b"PK\x03\x04", "a zip archive or an Office document"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an old Office document (.doc, .xls)"),
    (b"Rar!\x1a\x07", "a RAR archive"),
    (b"7z\xbc\xaf\x27\x1c", "a 7z archive"),
    (b"\x1f\x8b", "a gzip file"),
)
# Control bytes (not tab, line ends, form feed or escape) in the first 4 KB above
# this share mean binary data: random bytes have 9%, text files none or a stray one.
_MAX_CONTROL = 0.01
_CONTROL = bytes(sorted(frozenset(range(1, 32)) - frozenset(b"\t\n\r\f\v\x1b")))


def binary_kind(data: bytes) -> str | None:
    """What a binary file is, from its signature (None when it has none we know)."""
    for magic, kind in _SIGNATURES:
        if data.startswith(magic):
            return kind
    return None


def _control_share(data: bytes) -> float:
    """Share of control bytes in the first 4,000 bytes (counted in C by deleting them)."""
    head = data[:4000]
    if not head:
        return 0.0
    return (len(head) - len(head.translate(None, _CONTROL))) / len(head)
