"""Walk the input, pick a reader by file type, and turn failures into error rows.

Everything here is a generator: files, archive members and JSONL/CSV records are
yielded one at a time in a stable order (sorted names, records in file order), so
a corpus larger than memory streams through and doc ids do not depend on the file
system.

The walk follows symbolic links to folders, as a user who links a folder into a
corpus expects, but enters every folder once (by device and inode), so a link
loop ends instead of recursing forever. A file is looked at (``stat``) before it
is opened: a named pipe would block the run on ``open``, and a file over
``--max-file-mb`` is refused without being read.
"""

from __future__ import annotations

import errno
import logging
import os
import stat
from collections.abc import Iterator
from pathlib import Path

from miner.ingest.archive import read_zip
from miner.ingest.errors import UnreadableError, internal_error, too_large
from miner.ingest.limits import ZipLimits
from miner.ingest.readers import (
    ARCHIVE_SUFFIXES,
    STREAM_SUFFIXES,
    SUPPORTED,
    Skipped,
    read_blob,
    read_stream,
)
from miner.ingest.text import page_from_bytes
from miner.models import ErrorRecord, Page
from miner.settings import Settings

__all__ = ["SUPPORTED", "Skipped", "iter_files", "page_from_bytes", "read_inputs"]

log = logging.getLogger(__name__)

# Documentation that travels with a corpus folder is not part of it.
_IGNORED_NAMES = frozenset(
    {"readme.md", "readme", "readme.txt", "sources.md", "license", ".gitkeep"}
)


def _walk(root: Path) -> Iterator[tuple[Path, str] | ErrorRecord]:
    """Files below ``root`` as ``(path, source)``, and folders that cannot be listed.

    Order: a folder's files by name, then its subfolders by name, depth first (what
    ``os.walk`` gives top-down), so tables keep their order whatever the file system.
    """
    seen: set[tuple[int, int]] = set()
    stack = [root]
    while stack:
        folder = stack.pop()
        where = folder.relative_to(root).as_posix()
        try:
            info = folder.stat()
            with os.scandir(folder) as it:
                entries = sorted(it, key=lambda e: e.name)
        except OSError as exc:
            yield ErrorRecord(where, "read", f"cannot list the folder: {_reason(exc, folder)}")
            continue
        if (info.st_dev, info.st_ino) in seen:
            continue  # a link back to a folder already read (a loop, or a second way in)
        seen.add((info.st_dev, info.st_ino))
        folders: list[Path] = []
        for entry in entries:
            if entry.name.startswith("."):
                continue
            path = Path(entry.path)
            if _is_folder(entry):
                folders.append(path)
            else:
                yield path, path.relative_to(root).as_posix()
        stack.extend(reversed(folders))


def _is_folder(entry: os.DirEntry[str]) -> bool:
    try:
        return entry.is_dir()  # follows a symbolic link
    except OSError:
        return False  # a link loop or a vanished target: reported when read as a file


def iter_files(root: Path) -> Iterator[tuple[Path, str]]:
    """Yield ``(path, source)`` in a stable order; ``source`` is relative to ``root``.

    Sorted walking makes doc ids and table order independent of the file system.
    Folders that cannot be listed are left out here; ``read_inputs`` reports them.
    """
    if root.is_file():
        yield root, root.name
        return
    for item in _walk(root):
        if not isinstance(item, ErrorRecord):
            yield item


def limits_of(settings: Settings) -> ZipLimits:
    """The zip-bomb limits a run uses; a member read whole obeys ``max_file_mb`` too."""
    return ZipLimits(
        max_total=settings.archive_max_total_bytes,
        max_member=min(settings.archive_max_member_bytes, settings.max_file_bytes),
        max_ratio=settings.archive_max_ratio,
    )


def read_inputs(
    root: Path, settings: Settings | None = None
) -> Iterator[Page | ErrorRecord | Skipped]:
    """Read every supported file below ``root``: one page per document or record.

    Args:
        root: a file or a folder.
        settings: the run's options (text field, limits); defaults if None.
    """
    settings = settings or Settings()
    if not root.exists():
        yield ErrorRecord(str(root), "read", f"input path {root} does not exist")
        return
    limits = limits_of(settings)
    found = [(root, root.name)] if root.is_file() else _walk(root)
    for item in found:
        if isinstance(item, ErrorRecord):
            yield item
            continue
        path, source = item
        suffix = path.suffix.lower()
        if path.name.lower() in _IGNORED_NAMES:
            continue
        if suffix not in SUPPORTED:
            yield Skipped(source, suffix or "(none)")
            continue
        try:
            _check_file(path, suffix, settings)
            yield from _read_file(path, source, suffix, settings, limits)
        except UnreadableError as exc:
            yield ErrorRecord(source, exc.stage, str(exc))
        except OSError as exc:
            yield ErrorRecord(source, "read", f"cannot read the file: {_reason(exc, path)}")
        except Exception as exc:  # a reader bug must not end the run
            log.exception("failed reading %s", source)
            yield ErrorRecord(source, "read", internal_error(exc))


def _check_file(path: Path, suffix: str, settings: Settings) -> None:
    """Refuse what must not be opened: no regular file, or a document over the limit."""
    info = path.stat()  # follows links; a broken one raises here
    if not stat.S_ISREG(info.st_mode):
        raise UnreadableError(
            "not a regular file (a named pipe, socket or device); skipped without reading it"
        )
    if suffix in STREAM_SUFFIXES or suffix in ARCHIVE_SUFFIXES:
        return  # read as a stream: the limit applies to each record or member
    if info.st_size > settings.max_file_bytes:
        raise UnreadableError(too_large("the file", info.st_size, settings.max_file_bytes))


def _reason(exc: OSError, path: Path) -> str:
    """An OS error as a plain reason; broken and looping links say so."""
    if exc.errno == errno.ELOOP:
        return "it is a symbolic link that loops back on itself"
    if exc.errno == errno.ENOENT and path.is_symlink():
        return f"it is a symbolic link to {path.readlink()}, which does not exist"
    if exc.errno in (errno.EACCES, errno.EPERM):
        return "permission denied (miner may not read it)"
    return exc.strerror or str(exc)


def _read_file(
    path: Path, source: str, suffix: str, settings: Settings, limits: ZipLimits
) -> Iterator[Page | ErrorRecord | Skipped]:
    max_record = settings.max_file_bytes
    if suffix in ARCHIVE_SUFFIXES:
        yield from read_zip(path, source, limits, settings.text_field, _IGNORED_NAMES, max_record)
    elif suffix in STREAM_SUFFIXES:
        with path.open("rb") as stream:
            yield from read_stream(source, stream, suffix, settings.text_field, max_record)
    else:
        yield from read_blob(source, path.read_bytes(), suffix, limits)
