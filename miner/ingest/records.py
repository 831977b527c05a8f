"""JSONL, JSON and CSV files: one page per record, streamed.

Corpora of scraped pages usually come as JSON lines or spreadsheets with one
article per record, and can be far larger than memory, so records are decoded and
yielded one at a time (see ``streams.py``); a JSON array is walked element by
element with ``JSONDecoder.raw_decode`` for the same reason.

Each record's ``source`` is ``FILE!N``: for JSON lines N is the 1-based line number
(so ``sed -n Np`` shows it), for CSV the 1-based record number after the header,
for a JSON array the 1-based element number. The text column is the one named by
``--text-field``, else the first of ``TEXT_FIELDS`` found in the first record. A
``title`` field, when present, is put in front of the text as its first line, so the
title finder sees it as it would on a web page.

A record that cannot be read (broken JSON, a missing or empty text field) is an
error row of its own, and the file goes on.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Iterator, Mapping
from typing import Any, BinaryIO

from miner.ingest.decode import Decoded
from miner.ingest.errors import UnreadableError, mb, too_large
from miner.ingest.streams import Line, iter_lines, sniff
from miner.ingest.text import finish_page
from miner.models import ErrorRecord, Page

TEXT_FIELDS = ("text", "content", "raw_content", "body", "正文", "内容")
TITLE_FIELDS = ("title", "标题")
_CHUNK = 1 << 20
_CSV_DELIMITERS = ",\t;|"
_MAX_WHOLE_JSON = 50_000_000

Item = Page | ErrorRecord


class FieldChooser:
    """Picks the text field once per file, from the first record, and reports why not.

    Args:
        wanted: the field the user named (``--text-field``), or None to auto-detect.
    """

    def __init__(self, wanted: str | None) -> None:
        self.wanted = wanted
        self.field: str | None = wanted
        self.decided = False

    def choose(self, keys: Iterable[str]) -> str:
        """The text field for a file whose first record has ``keys``.

        Raises:
            UnreadableError: the named field, or every known text field, is missing.
        """
        keys = list(keys)
        self.decided = True
        shown = ", ".join(keys[:12]) + (" …" if len(keys) > 12 else "")
        if self.wanted is not None:
            if self.wanted not in keys:
                raise UnreadableError(
                    f"the text field '{self.wanted}' is not in the first record "
                    f"(its fields: {shown})"
                )
            return self.wanted
        folded = {k.strip().lower(): k for k in keys}
        for name in TEXT_FIELDS:
            if name in folded:
                self.field = folded[name]
                return self.field
        raise UnreadableError(
            f"no text field found: none of {', '.join(TEXT_FIELDS)} is in the first record "
            f"(its fields: {shown}); name the field with --text-field"
        )


def _title(record: Mapping[str, Any], text_field: str) -> str | None:
    for name in TITLE_FIELDS:
        value = record.get(name)
        if name != text_field and isinstance(value, str) and value.strip():
            return value.strip()
    return None


def record_text(record: Mapping[str, Any], text_field: str) -> str:
    """A record's text, with its title as the first line when the text does not start with it.

    Raises:
        UnreadableError: the field is missing, empty or not text.

    Example:
        >>> record_text({"title": "某村工作总结", "content": "今年以来……"}, "content")
        '某村工作总结\\n今年以来……'
    """
    if text_field not in record:
        raise UnreadableError(f"the record has no '{text_field}' field")
    value = record[text_field]
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        value = "\n".join(value)
    if isinstance(value, int | float) and not isinstance(value, bool):
        value = str(value)
    if not isinstance(value, str):
        kind = "null" if value is None else type(value).__name__
        raise UnreadableError(f"the record's '{text_field}' field holds {kind}, not text", "decode")
    if not value.strip():
        raise UnreadableError(f"the record's '{text_field}' field is empty", "decode")
    title = _title(record, text_field)
    if title:
        first = next((ln.strip() for ln in value.splitlines() if ln.strip()), "")
        if first != title:
            value = f"{title}\n{value}"
    return value


def _record_page(
    source: str,
    value: Any,
    chooser: FieldChooser,
    encoding: str,
    bad_bytes: int,
    n_bytes: int,
) -> Item:
    """One parsed JSON value as a page; a bare string is its own text."""
    if isinstance(value, str):
        text = value
        if not text.strip():
            return ErrorRecord(source, "decode", "the record is an empty string")
    elif isinstance(value, dict):
        field = chooser.field if chooser.decided else chooser.choose(value.keys())
        assert field is not None
        try:
            text = record_text(value, field)
        except UnreadableError as exc:
            return ErrorRecord(source, exc.stage, str(exc))
    else:
        kind = "null" if value is None else type(value).__name__
        return ErrorRecord(source, "read", f"the record is a JSON {kind}, not an object")
    return finish_page(source, text, encoding, bad_bytes, n_bytes)


def _bad_json(exc: json.JSONDecodeError, what: str) -> str:
    return f"{what} is not valid JSON ({exc.msg} at column {exc.colno})"


def read_jsonl(
    source: str,
    stream: BinaryIO,
    text_field: str | None = None,
    max_record: int | None = None,
) -> Iterator[Item]:
    """Yield one page per line of a JSON-lines stream; blank lines are passed over.

    A line longer than ``max_record`` bytes is an error row of its own, passed over
    without being read into memory.

    Raises:
        UnreadableError: no text field in the first record (one error for the file).
    """
    sniffed, rest = sniff(stream)
    lines = iter_lines(rest, sniffed, max_record)
    yield from _jsonl_lines(source, lines, FieldChooser(text_field), max_record)


def _jsonl_lines(
    source: str, lines: Iterable[Line], chooser: FieldChooser, max_record: int | None
) -> Iterator[Item]:
    empty = True
    for line in lines:
        where = f"{source}!{line.number}"
        if line.overlong and max_record is not None:
            empty = False
            yield ErrorRecord(
                where, "read", too_large(f"line {line.number}", line.n_bytes, max_record)
            )
            continue
        if not line.text.strip():
            continue
        empty = False
        try:
            value = json.loads(line.text)
        except json.JSONDecodeError as exc:
            yield ErrorRecord(where, "read", _bad_json(exc, f"line {line.number}"))
            continue
        except RecursionError:
            yield ErrorRecord(where, "read", f"line {line.number} is nested too deeply to read")
            continue
        yield _record_page(where, value, chooser, line.encoding, line.bad_bytes, line.n_bytes)
    if empty:
        raise UnreadableError("the file is empty")


def read_json(
    source: str,
    stream: BinaryIO,
    text_field: str | None = None,
    max_record: int | None = None,
) -> Iterator[Item]:
    """A ``.json`` file: an array of records, JSON lines, or one pretty-printed record.

    Files named .json are often JSON lines in practice (``preview.json`` of the
    weixin corpus), so the first character and the first line decide. A record, or
    a file that must be read whole, may be ``max_record`` bytes at most (50 MB when
    None).
    """
    max_whole = _MAX_WHOLE_JSON if max_record is None else max_record
    sniffed, rest = sniff(stream)
    head = sniffed.text.lstrip("\ufeff \t\r\n")
    if not head:
        raise UnreadableError("the file is empty")
    chooser = FieldChooser(text_field)
    if head.startswith("["):
        yield from _json_array(source, rest, sniffed, chooser, max_whole)
        return
    first = next((ln for ln in head.splitlines() if ln.strip()), "")
    try:
        json.loads(first)
    except json.JSONDecodeError:
        pass
    else:
        yield from _jsonl_lines(source, iter_lines(rest, sniffed, max_record), chooser, max_record)
        return
    # One document spread over many lines: it has to be read whole (in chunks: one
    # read of the limit would allocate all of it up front).
    chunks: list[bytes] = []
    size = 0
    while size <= max_whole and (chunk := rest.read(_CHUNK)):
        chunks.append(chunk)
        size += len(chunk)
    data = b"".join(chunks)
    if len(data) > max_whole:
        raise UnreadableError(
            f"the JSON file is one value larger than {mb(max_whole)}; convert it to JSON "
            "lines (one record per line), or raise --max-file-mb to read it"
        )
    text = data.decode(sniffed.codec, errors="replace").lstrip("\ufeff")
    try:
        value = json.loads(text)
    except json.JSONDecodeError as exc:
        raise UnreadableError(
            f"the file is not valid JSON ({exc.msg} at line {exc.lineno})"
        ) from exc
    yield _record_page(
        f"{source}!1", value, chooser, sniffed.encoding, text.count("\ufffd"), len(data)
    )


def _json_array(
    source: str, stream: BinaryIO, sniffed: Decoded, chooser: FieldChooser, max_whole: int
) -> Iterator[Item]:
    """Yield the elements of a top-level JSON array without reading the whole file."""
    reader = io.TextIOWrapper(stream, encoding=sniffed.codec, errors="replace")
    decoder = json.JSONDecoder()
    buf = reader.read(_CHUNK).lstrip("\ufeff")
    pos = buf.index("[") + 1
    eof = False
    n = 0
    while True:
        while pos < len(buf) and buf[pos] in " \t\r\n,":
            pos += 1
        if pos >= len(buf) or (not eof and len(buf) - pos < 64):
            more = reader.read(max(_CHUNK, len(buf)))
            if not more and pos >= len(buf):
                raise UnreadableError(f"the JSON array ends early, after element {n}")
            eof = not more
            buf, pos = buf[pos:] + more, 0
            continue
        if buf[pos] == "]":
            return
        try:
            value, end = decoder.raw_decode(buf, pos)
        except json.JSONDecodeError as exc:
            if not eof and len(buf) - pos <= max_whole:
                # The element may just continue in the next chunk.
                more = reader.read(max(_CHUNK, len(buf)))
                eof = not more
                buf, pos = buf[pos:] + more, 0
                continue
            n += 1
            if eof:
                reason = _bad_json(exc, f"element {n}")
            else:
                reason = (
                    f"element {n} is larger than the {mb(max_whole)} limit for one document; "
                    "raise --max-file-mb to read it"
                )
            yield ErrorRecord(f"{source}!{n}", "read", reason)
            return  # after a syntax error (or an oversized element) the array's structure is lost
        if end >= len(buf) and not eof:  # a number cut at the chunk's edge
            more = reader.read(_CHUNK)
            eof = not more
            buf, pos = buf[pos:] + more, 0
            continue
        n += 1
        raw_len = len(buf[pos:end].encode("utf-8", "replace"))
        bad = buf.count("\ufffd", pos, end)
        yield _record_page(f"{source}!{n}", value, chooser, sniffed.encoding, bad, raw_len)
        pos = end
        if pos > _CHUNK:
            buf, pos = buf[pos:], 0


def _pick_delimiter(header: str, suffix: str) -> str:
    if suffix == ".tsv":
        return "\t"
    counts = {d: header.count(d) for d in _CSV_DELIMITERS}
    best = max(counts, key=lambda d: (counts[d], d == ","))
    return best if counts[best] else ","


def read_csv(
    source: str,
    stream: BinaryIO,
    text_field: str | None = None,
    suffix: str = ".csv",
    max_record: int | None = None,
) -> Iterator[Item]:
    """Yield one page per data row of a CSV/TSV file with a header row.

    The delimiter is the commonest of ``, TAB ; |`` in the header line. Multi-line
    quoted cells are fine: the csv module pulls further decoded lines as it needs
    them, and the bad-byte and size counters follow the lines each record took.

    Raises:
        UnreadableError: the file is empty or its header names no text column.
    """
    sniffed, rest = sniff(stream)
    lines = iter_lines(rest, sniffed, max_record)
    first = next((line for line in lines if line.text.strip()), None)  # the header line
    if first is None:
        raise UnreadableError("the CSV file is empty")
    used = {"bad": 0, "bytes": 0, "overlong": 0}
    encodings: list[str] = []

    def feed() -> Iterator[str]:
        for line in _chain_first(first, lines):
            used["bad"] += line.bad_bytes
            used["bytes"] += line.n_bytes
            if line.overlong:
                used["overlong"] = max(used["overlong"], line.n_bytes)
                yield "\n"  # keeps the reader's place; the record becomes an error row
                continue
            encodings.append(line.encoding)
            yield line.text

    csv.field_size_limit(2**31 - 1)  # article-sized cells are the point of these files
    reader = csv.reader(feed(), delimiter=_pick_delimiter(first.text, suffix))
    try:
        header = [h.strip().lstrip("\ufeff") for h in next(reader)]
    except (StopIteration, csv.Error) as exc:
        raise UnreadableError(f"the CSV file has no readable header row ({exc})") from exc
    chooser = FieldChooser(text_field)
    column = header.index(chooser.choose(header))
    n = 0
    while True:
        used["bad"] = used["bytes"] = used["overlong"] = 0
        encodings.clear()
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            n += 1
            yield ErrorRecord(f"{source}!{n}", "read", f"record {n} is not valid CSV ({exc})")
            continue
        n += 1
        where = f"{source}!{n}"
        if used["overlong"] and max_record is not None:
            yield ErrorRecord(where, "read", too_large(f"record {n}", used["overlong"], max_record))
            continue
        if not any(cell.strip() for cell in row):
            n -= 1  # a blank line is not a record
            continue
        record = dict(zip(header, row, strict=False))
        if column >= len(row):
            yield ErrorRecord(where, "read", f"record {n} has only {len(row)} columns")
            continue
        try:
            text = record_text(record, header[column])
        except UnreadableError as exc:
            yield ErrorRecord(where, exc.stage, str(exc))
            continue
        encoding = encodings[0] if encodings else sniffed.encoding
        yield finish_page(where, text, encoding, used["bad"], used["bytes"])


def _chain_first(first: Line, rest: Iterator[Line]) -> Iterator[Line]:
    yield first
    yield from rest
