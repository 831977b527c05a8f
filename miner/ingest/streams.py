"""Decode a large byte stream line by line, without reading all of it.

JSONL and CSV files can be gigabytes, so they are never read whole. The encoding is
sniffed once from the first 64 KiB (the same rules as for a whole page, see
``decode.py``) and then every line is decoded on its own:

* byte-oriented encodings (UTF-8, GB18030, Big5) are split on ``\\n`` before
  decoding, which is safe because none of them uses 0x0A inside a multi-byte
  character; a line that does not decode strictly with the sniffed codec is decoded
  again by the full detector, so one GBK record in a UTF-8 file is still read, and
  undecodable bytes are counted per line instead of failing the file;
* UTF-16/32 streams go through ``io.TextIOWrapper`` (their newline is two or four
  bytes wide), with replacement characters counted as bad bytes.
"""

from __future__ import annotations

import codecs
import io
from collections.abc import Iterator
from dataclasses import dataclass
from typing import BinaryIO

from miner.ingest.decode import Decoded, decode_bytes, decode_line

SNIFF_BYTES = 64 * 1024
_SKIP = 1 << 20  # bytes read at a time while passing over an overlong line
_WIDE = ("utf-16", "utf-32")


@dataclass(frozen=True, slots=True)
class Line:
    """One decoded line of a stream; ``text`` keeps its line ending.

    An ``overlong`` line was longer than the reader's limit: it was passed over
    unread, its ``text`` is empty and ``n_bytes`` its size.
    """

    number: int
    text: str
    encoding: str
    bad_bytes: int
    n_bytes: int
    overlong: bool = False


class _Prefixed(io.RawIOBase):
    """A stream that first returns an already-read prefix, then the rest of ``inner``.

    Lets the sniffing sample be reused without seeking, which zip members and pipes
    cannot do cheaply.
    """

    def __init__(self, prefix: bytes, inner: BinaryIO) -> None:
        super().__init__()
        self._prefix = memoryview(prefix)
        self._inner = inner

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: memoryview) -> int:  # type: ignore[override]
        if self._prefix:
            n = min(len(buffer), len(self._prefix))
            buffer[:n] = self._prefix[:n]
            self._prefix = self._prefix[n:]
            return n
        chunk = self._inner.read(len(buffer))
        if not chunk:
            return 0
        buffer[: len(chunk)] = chunk
        return len(chunk)


def sniff(stream: BinaryIO) -> tuple[Decoded, BinaryIO]:
    """Guess the encoding from the stream's first bytes.

    Returns the guess and a stream that still yields every byte, the sample included.
    """
    sample = stream.read(SNIFF_BYTES)
    rest = io.BufferedReader(_Prefixed(sample, stream), buffer_size=SNIFF_BYTES)
    head = sample
    if len(sample) == SNIFF_BYTES:
        # Cut at a line end so a multi-byte character split by the sample's edge does
        # not make strict UTF-8 fail; BOMs and UTF-16 are recognised either way.
        cut = sample.rfind(b"\n")
        if cut > 0:
            head = sample[: cut + 1]
    return decode_bytes(head), rest  # type: ignore[return-value]


def _is_wide(codec: str) -> bool:
    return codecs.lookup(codec).name.startswith(_WIDE)


def iter_lines(stream: BinaryIO, sniffed: Decoded, max_bytes: int | None = None) -> Iterator[Line]:
    """Yield the stream's lines decoded with the sniffed codec, numbered from 1.

    Args:
        stream: the stream after the sniffed sample (``sniff``'s second value).
        sniffed: the encoding guess.
        max_bytes: a longer line is skipped without being held in memory and comes
            out ``overlong``, with empty text and its size in ``n_bytes``.
    """
    if _is_wide(sniffed.codec):
        yield from _wide_lines(stream, sniffed, max_bytes)
        return
    codec = sniffed.codec
    # A sample of two encodings (utf-8+gb18030) is read on with its UTF-8 codec; every
    # line records the one encoding that decoded it.
    label = "utf-8" if "+" in sniffed.encoding else sniffed.encoding
    limit = -1 if max_bytes is None else max_bytes + 1
    number = 0
    while raw := stream.readline(limit):
        number += 1
        if max_bytes is not None and len(raw.rstrip(b"\r\n")) > max_bytes:
            size = len(raw)
            while not raw.endswith(b"\n") and (raw := stream.readline(_SKIP)):
                size += len(raw)
            yield Line(number, "", label, 0, size, overlong=True)
            continue
        try:
            text = raw.decode(codec)
        except (UnicodeDecodeError, LookupError):
            redo = decode_bytes(raw) if number == 1 else decode_line(raw)
            yield Line(number, redo.text, redo.encoding, redo.bad_bytes, len(raw))
            continue
        if number == 1:
            text = text.lstrip("\ufeff")
        yield Line(number, text, label, 0, len(raw))


def _wide_lines(stream: BinaryIO, sniffed: Decoded, max_bytes: int | None) -> Iterator[Line]:
    """UTF-16/32 lines: their newline is two or four bytes wide, so a text wrapper splits them."""
    wrapper = io.TextIOWrapper(stream, encoding=sniffed.codec, errors="replace", newline="")
    width = 4 if "32" in sniffed.codec else 2
    limit = -1 if max_bytes is None else max_bytes // width + 1
    number = 0
    while text := wrapper.readline(limit):
        number += 1
        if max_bytes is not None and len(text.rstrip("\r\n")) * width > max_bytes:
            size = len(text) * width
            while not text.endswith("\n") and (text := wrapper.readline(_SKIP)):
                size += len(text) * width
            yield Line(number, "", sniffed.encoding, 0, size, overlong=True)
            continue
        if number == 1:
            text = text.lstrip("\ufeff")
        yield Line(number, text, sniffed.encoding, text.count("\ufffd"), len(text) * width)
