"""Walk the input, pick a reader by file type, and turn failures into error rows.

Everything here is a generator: files, archive members and JSONL/CSV records are
yielded one at a time in a stable order (sorted names, records in file order), so
a corpus larger than memory streams through and doc ids do not depend on the file
system.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Iterator
from pathlib import Path

from miner.ingest.archive import read_zip
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


def limits_of(settings: Settings) -> ZipLimits:
    """The zip-bomb limits a run uses."""
    return ZipLimits(
        max_total=settings.archive_max_total_bytes,
        max_member=settings.archive_max_member_bytes,
        max_ratio=settings.archive_max_ratio,
    )


def read_inputs(
    root: Path, settings: Settings | None = None
) -> Iterator[Page | ErrorRecord | Skipped]:
    """Read every supported file below ``root``: one page per document or record.

    Args:
        root: a file or a folder.
        settings: the run's options (text field, archive limits); defaults if None.
    """
    settings = settings or Settings()
    if not root.exists():
        yield ErrorRecord(str(root), "read", f"input path {root} does not exist")
        return
    limits = limits_of(settings)
    for path, source in iter_files(root):
        suffix = path.suffix.lower()
        if path.name.lower() in _IGNORED_NAMES:
            continue
        if suffix not in SUPPORTED:
            yield Skipped(source, suffix or "(none)")
            continue
        try:
            yield from _read_file(path, source, suffix, settings, limits)
        except OSError as exc:
            yield ErrorRecord(source, "read", f"cannot read the file: {exc.strerror or exc}")
        except Exception as exc:  # a reader bug must not end the run
            log.exception("failed reading %s", source)
            yield ErrorRecord(source, "read", f"internal error while reading: {exc!r}")


def _read_file(
    path: Path, source: str, suffix: str, settings: Settings, limits: ZipLimits
) -> Iterator[Page | ErrorRecord | Skipped]:
    if suffix in ARCHIVE_SUFFIXES:
        yield from read_zip(path, source, limits, settings.text_field, _IGNORED_NAMES)
    elif suffix in STREAM_SUFFIXES:
        with path.open("rb") as stream:
            yield from read_stream(source, stream, suffix, settings.text_field)
    else:
        yield from read_blob(source, path.read_bytes(), suffix, limits)
