"""Zip archives: every member read in place, from the archive, never unpacked to disk.

A member's ``source`` is ``ARCHIVE!NAME`` with the name as stored (``a.zip!2023/x.txt``).
Names are only ever labels: a member called ``../../x.txt`` or ``/etc/passwd`` is
read from the archive like any other and written nowhere, so path traversal cannot
happen. Zip bombs are refused by the declared-size checks of ``limits.py`` before a
byte is decompressed; nested archives are refused with a plain reason rather than
opened recursively (a classic bomb shape, and rare in real corpora).

Names stored without the UTF-8 flag were written by Chinese Windows tools in GBK;
Python reads them as cp437 (``╣ñ╫≈╫▄╜ß.txt``), so they are re-decoded as GB18030
when that decodes cleanly.
"""

from __future__ import annotations

import zipfile
import zlib
from collections.abc import Iterator
from pathlib import Path, PurePosixPath

from miner.ingest.errors import UnreadableError, mb
from miner.ingest.limits import ZipLimits, check_ratio, check_whole
from miner.ingest.readers import (
    ARCHIVE_SUFFIXES,
    STREAM_SUFFIXES,
    SUPPORTED,
    Skipped,
    read_blob,
    read_stream,
)
from miner.models import ErrorRecord, Page

_UTF8_FLAG = 0x800
_ENCRYPTED_FLAG = 0x1
# Metadata that archivers add and that is no part of a corpus.
_JUNK_PREFIXES = ("__MACOSX/",)


def member_name(info: zipfile.ZipInfo) -> str:
    """The member's name as its author wrote it (GBK names re-decoded)."""
    name = info.filename
    if info.flag_bits & _UTF8_FLAG or name.isascii():
        return name
    try:
        return name.encode("cp437").decode("gb18030")
    except (UnicodeEncodeError, UnicodeDecodeError):
        return name


def read_zip(
    path: Path,
    source: str,
    limits: ZipLimits,
    text_field: str | None = None,
    ignored: frozenset[str] = frozenset(),
    max_record: int | None = None,
) -> Iterator[Page | ErrorRecord | Skipped]:
    """Yield a page, error or skip for every file inside a zip archive, in name order.

    Args:
        path: the archive on disk.
        source: its ``source`` (relative to the input root).
        limits: the zip-bomb limits.
        text_field: the JSONL/CSV text field, or None to auto-detect.
        ignored: lower-case base names to pass over silently (README, SOURCES.md …).
        max_record: the largest JSONL/CSV record of a member, in bytes.
    """
    try:
        zf = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, EOFError, ValueError) as exc:
        yield ErrorRecord(source, "read", f"the .zip archive is damaged ({exc})")
        return
    except OSError as exc:
        yield ErrorRecord(source, "read", f"cannot read the file: {exc.strerror or exc}")
        return
    except Exception as exc:  # zipfile raises what it likes on a mangled directory
        yield ErrorRecord(
            source, "read", f"the .zip archive is damaged ({exc or type(exc).__name__})"
        )
        return
    with zf:
        members = sorted(
            ((member_name(i), i) for i in zf.infolist() if not i.is_dir()), key=lambda m: m[0]
        )
        total = 0
        for name, info in members:
            base = PurePosixPath(name.replace("\\", "/")).name
            if name.startswith(_JUNK_PREFIXES) or base.startswith(".") or base.lower() in ignored:
                continue
            where = f"{source}!{name}"
            suffix = PurePosixPath(base).suffix.lower()
            if suffix in ARCHIVE_SUFFIXES:
                yield ErrorRecord(
                    where, "read", "nested archives are not opened; unpack the outer archive first"
                )
                continue
            if suffix not in SUPPORTED:
                yield Skipped(where, suffix or "(none)")
                continue
            if info.flag_bits & _ENCRYPTED_FLAG:
                yield ErrorRecord(where, "read", "the archive member is password-protected")
                continue
            total += info.file_size
            if total > limits.max_total:
                yield ErrorRecord(
                    source,
                    "read",
                    f"stopped reading the archive at {name}: its members add up to more than "
                    f"the {mb(limits.max_total)} limit of uncompressed data per archive",
                )
                return
            yield from _member(zf, info, name, where, suffix, limits, text_field, max_record)


def _member(
    zf: zipfile.ZipFile,
    info: zipfile.ZipInfo,
    name: str,
    where: str,
    suffix: str,
    limits: ZipLimits,
    text_field: str | None,
    max_record: int | None,
) -> Iterator[Page | ErrorRecord]:
    what = f"archive member {name}"
    try:
        if suffix in STREAM_SUFFIXES:
            check_ratio(info, limits, what)
            with zf.open(info) as stream:
                yield from read_stream(where, stream, suffix, text_field, max_record)  # type: ignore[arg-type]
        else:
            check_whole(info, limits, what)
            with zf.open(info) as stream:
                data = stream.read()
            yield from read_blob(where, data, suffix, limits)
    except UnreadableError as exc:
        yield ErrorRecord(where, exc.stage, str(exc))
    except zipfile.BadZipFile as exc:
        yield ErrorRecord(where, "read", f"{what} is damaged ({exc})")
    except (zlib.error, EOFError) as exc:
        yield ErrorRecord(where, "read", f"{what} is damaged (it does not decompress: {exc})")
    except NotImplementedError as exc:
        yield ErrorRecord(
            where, "read", f"{what} uses a compression method miner cannot read ({exc})"
        )
    except RuntimeError as exc:  # zipfile's "File is encrypted, password required"
        yield ErrorRecord(where, "read", f"{what} cannot be opened ({exc})")
