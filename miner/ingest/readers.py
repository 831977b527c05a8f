"""Pick a reader by file suffix, for files on disk and archive members alike.

Two shapes of input: documents read whole into memory (a page, a .docx, a .pdf),
and record files read as a stream (JSONL, JSON, CSV), which may be far larger than
memory. Archives are opened by ``archive.py``, which calls back into these two.
Every reader failure arrives here as ``UnreadableError`` and leaves as an ``errors`` row.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import BinaryIO

from miner.ingest.docx import docx_to_text
from miner.ingest.errors import UnreadableError
from miner.ingest.limits import ZipLimits
from miner.ingest.pdf import pdf_to_text
from miner.ingest.records import read_csv, read_json, read_jsonl
from miner.ingest.text import HTML_SUFFIXES, TEXT_SUFFIXES, finish_page, page_from_bytes
from miner.models import ErrorRecord, Page

WHOLE_SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | frozenset({".docx", ".pdf"})
STREAM_SUFFIXES = frozenset({".jsonl", ".ndjson", ".json", ".csv", ".tsv"})
ARCHIVE_SUFFIXES = frozenset({".zip"})
SUPPORTED = WHOLE_SUFFIXES | STREAM_SUFFIXES | ARCHIVE_SUFFIXES


@dataclass(frozen=True, slots=True)
class Skipped:
    """A file passed over because miner has no reader for its type (not an error)."""

    source: str
    suffix: str


def _pages(numbers: list[int]) -> str:
    shown = ", ".join(map(str, numbers[:20]))
    return shown + (f" and {len(numbers) - 20} more" if len(numbers) > 20 else "")


def read_blob(
    source: str, data: bytes, suffix: str, limits: ZipLimits | None = None
) -> Iterator[Page | ErrorRecord]:
    """Read one whole document (page, .docx or .pdf) from its bytes."""
    try:
        if suffix == ".docx":
            if not data.strip():
                raise UnreadableError("the file is empty")
            text = docx_to_text(data, limits)
            yield finish_page(source, text, "docx", 0, len(data), "the .docx file holds no text")
        elif suffix == ".pdf":
            if not data.strip():
                raise UnreadableError("the file is empty")
            pdf = pdf_to_text(data)
            if pdf.unusable:
                yield ErrorRecord(
                    source,
                    "decode",
                    f"pages {_pages(pdf.unusable)} of {pdf.pages} have no usable text layer "
                    "(scanned or CID font without a Unicode map) and were left out; "
                    "OCR them to read them",
                )
            yield finish_page(source, pdf.text, "pdf", 0, len(data))
        else:
            yield page_from_bytes(source, data, suffix)
    except UnreadableError as exc:
        yield ErrorRecord(source, exc.stage, str(exc))


def read_stream(
    source: str,
    stream: BinaryIO,
    suffix: str,
    text_field: str | None = None,
    max_record: int | None = None,
) -> Iterator[Page | ErrorRecord]:
    """Read a record file (JSONL, JSON, CSV/TSV) from a binary stream, one page per record.

    ``max_record`` bounds one record (one line, one array element) in bytes; a larger
    one is an error row and the file goes on.
    """
    try:
        if suffix in (".jsonl", ".ndjson"):
            yield from read_jsonl(source, stream, text_field, max_record)
        elif suffix == ".json":
            yield from read_json(source, stream, text_field, max_record)
        else:
            yield from read_csv(source, stream, text_field, suffix, max_record)
    except UnreadableError as exc:
        yield ErrorRecord(source, exc.stage, str(exc))
