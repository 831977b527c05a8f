"""Zip-bomb guards shared by archives and by .docx files (which are zip archives too).

A zip member's header declares its compressed and uncompressed size. Python's
``zipfile`` never returns more bytes than the declared uncompressed size (it stops
there and the CRC check fails), so checking the declared sizes *before* reading is
enough to bound both memory and time: no member is decompressed just to find out it
is too big.

The compression-ratio limit only applies above ``RATIO_FLOOR`` bytes: a 20 KB page
of repeated table rows can compress 150-fold and is harmless, while a bomb has to be
large to do damage.
"""

from __future__ import annotations

import zipfile
from dataclasses import dataclass

from miner.ingest.errors import UnreadableError, mb

RATIO_FLOOR = 1_000_000


@dataclass(frozen=True, slots=True)
class ZipLimits:
    """How much an archive may expand; the defaults live in ``Settings``.

    Attributes:
        max_total: uncompressed bytes one archive may hold in all.
        max_member: uncompressed bytes of one member that is read whole (a page,
            a .docx, a .pdf); streamed JSONL/CSV members are bounded by ``max_total``.
        max_ratio: uncompressed / compressed size above which a member is refused.
    """

    max_total: int = 1_000_000_000
    max_member: int = 50_000_000
    max_ratio: float = 100.0


def check_ratio(info: zipfile.ZipInfo, limits: ZipLimits, what: str) -> None:
    """Refuse a member that expands suspiciously much (the signature of a zip bomb)."""
    packed = max(info.compress_size, 1)
    if info.file_size > RATIO_FLOOR and info.file_size > limits.max_ratio * packed:
        raise UnreadableError(
            f"{what} expands {info.file_size / packed:,.0f}-fold "
            f"({mb(info.compress_size)} → {mb(info.file_size)}), over the limit of "
            f"{limits.max_ratio:g}; refused as a possible zip bomb"
        )


def check_whole(info: zipfile.ZipInfo, limits: ZipLimits, what: str) -> None:
    """Refuse a member that would be read into memory whole but is too large."""
    check_ratio(info, limits, what)
    if info.file_size > limits.max_member:
        raise UnreadableError(
            f"{what} is {mb(info.file_size)} uncompressed and exceeds the "
            f"{mb(limits.max_member)} limit for one document"
        )


def check_package(zf: zipfile.ZipFile, limits: ZipLimits, what: str) -> None:
    """Check every part of a zip-based document (.docx) before a library unpacks it all.

    The whole-package bound is ``max_total``, not ``max_member``: a report with
    photos legitimately unpacks to more than its text would.
    """
    total = 0
    for info in zf.infolist():
        check_ratio(info, limits, f"{what} (part {info.filename})")
        total += info.file_size
    if total > limits.max_total:
        raise UnreadableError(
            f"{what} unpacks to {mb(total)}, over the {mb(limits.max_total)} limit; "
            "refused as a possible zip bomb"
        )
