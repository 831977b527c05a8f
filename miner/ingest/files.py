"""Walk the input, pick a reader by file type, and turn failures into error rows."""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from miner.ingest.decode import decode_bytes, looks_like_text
from miner.ingest.html import declared_charset, html_to_text
from miner.ingest.mojibake import repair_mojibake
from miner.models import ErrorRecord, Page

TEXT_SUFFIXES = frozenset({".txt", ".text"})
HTML_SUFFIXES = frozenset({".html", ".htm", ".shtml", ".xhtml"})
SUPPORTED = TEXT_SUFFIXES | HTML_SUFFIXES
# Documentation that travels with a corpus folder is not part of it.
_IGNORED_NAMES = frozenset(
    {"readme.md", "readme", "readme.txt", "sources.md", "license", ".gitkeep"}
)


@dataclass(frozen=True, slots=True)
class Skipped:
    """A file passed over because miner has no reader for its type (not an error)."""

    source: str
    suffix: str


def iter_files(root: Path) -> Iterator[tuple[Path, str]]:
    """Yield ``(path, source)`` in a stable order; ``source`` is relative to ``root``.

    Sorted walking makes doc ids and table order independent of the file system.
    """
    if root.is_file():
        yield root, root.name
        return
    for dirpath, dirnames, filenames in os.walk(root, followlinks=False):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        for name in sorted(filenames):
            if name.startswith("."):
                continue
            path = Path(dirpath) / name
            yield path, path.relative_to(root).as_posix()


def read_inputs(root: Path) -> Iterator[Page | ErrorRecord | Skipped]:
    """Read every supported file below ``root`` as a decoded page."""
    if not root.exists():
        yield ErrorRecord(str(root), "read", f"input path {root} does not exist")
        return
    for path, source in iter_files(root):
        suffix = path.suffix.lower()
        if path.name.lower() in _IGNORED_NAMES:
            continue
        if suffix not in SUPPORTED:
            yield Skipped(source, suffix or "(none)")
            continue
        try:
            data = path.read_bytes()
        except OSError as exc:
            yield ErrorRecord(source, "read", f"cannot read the file: {exc.strerror or exc}")
            continue
        yield page_from_bytes(source, data, suffix)


def page_from_bytes(source: str, data: bytes, suffix: str) -> Page | ErrorRecord:
    """Decode one file's bytes with the reader its suffix calls for."""
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
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    encoding = decoded.encoding
    text, fixed = repair_mojibake(text)
    if fixed:
        encoding = f"gb18030 (mojibake via latin-1, from {encoding})"
    if not text.strip():
        return ErrorRecord(source, "decode", "no text left after decoding")
    return Page(source, text, encoding, decoded.bad_bytes, len(data))


def _is_wide_text(data: bytes) -> bool:
    """UTF-16/32 text has NUL bytes too; tell it from binary by its BOM or by decoding a sample."""
    if data[:2] in (b"\xff\xfe", b"\xfe\xff"):
        return True
    head = data[:4000]
    head = head[: len(head) // 2 * 2]
    return any(
        looks_like_text(head.decode(e, errors="replace")) for e in ("utf-16-le", "utf-16-be")
    )
