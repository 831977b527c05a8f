"""The page cache: a page's rows, reused while nothing they depend on has changed.

A page's rows depend on the page (source path, decoded text, encoding, byte counts),
on the settings that reach ``process_page`` (the classifier), on miner's own code
and dictionaries, and on the learned footers — but on the footers only through the
line keys cleaning asked about (``tasks.FooterProbe``). The key covers the first
three; the entry keeps the keys asked and which of them were footers, and is reused
only while the current footers answer the same. So a corpus that grows re-processes
its new and changed pages, and the old pages whose tails meet a newly learned
footer, and nothing else; the tables equal those of a full run.

One SQLite file (``pages.sqlite``): millions of small entries in one file, written in
transactions, so a run that dies leaves a consistent cache.
"""

from __future__ import annotations

import hashlib
import importlib.metadata
import pickle
import sqlite3
from collections.abc import Iterable, Sequence
from functools import cache
from pathlib import Path

import miner
from miner.engine.tasks import Entry
from miner.models import Page
from miner.settings import Settings

_LOOKUP = 500  # keys per SELECT … IN (…): under SQLite's variable limit
# Libraries whose output is part of a page's rows (segmentation, conversion, decoding).
_LIBRARIES = ("rjieba", "jieba", "opencc", "charset-normalizer", "pypdf", "python-docx")


@cache
def code_digest() -> str:
    """A hash of miner's source and data files and of the libraries that shape its rows.

    Any edit to miner invalidates the cache; a stale rule can never leak into a
    later run's tables.
    """
    h = hashlib.blake2b(digest_size=16)
    root = Path(miner.__file__).parent
    for path in sorted(root.rglob("*")):
        if path.is_file() and path.suffix in (".py", ".tsv", ".txt", ".json"):
            h.update(path.relative_to(root).as_posix().encode())
            h.update(path.read_bytes())
    for name in _LIBRARIES:
        try:
            h.update(f"{name}={importlib.metadata.version(name)}".encode())
        except importlib.metadata.PackageNotFoundError:
            h.update(f"{name}=none".encode())
    return h.hexdigest()


def fingerprint(settings: Settings) -> bytes:
    """What, besides the page and the footers, a page's rows depend on."""
    return f"{code_digest()}|classifier={settings.classifier}".encode()


def page_key(page: Page, fp: bytes) -> bytes:
    """The cache key of one page."""
    h = hashlib.blake2b(fp, digest_size=20)
    for part in (page.source, page.encoding, str(page.bad_bytes), str(page.n_bytes)):
        h.update(part.encode("utf-8", "surrogatepass"))
        h.update(b"\0")
    h.update(page.text.encode("utf-8", "surrogatepass"))
    return h.digest()


class PageCache:
    """Rows of processed pages, by ``page_key``."""

    def __init__(self, folder: Path) -> None:
        folder.mkdir(parents=True, exist_ok=True)
        self.path = folder / "pages.sqlite"
        self._db = sqlite3.connect(self.path)
        self._db.execute(
            "CREATE TABLE IF NOT EXISTS pages "
            "(key BLOB PRIMARY KEY, asked BLOB NOT NULL, footers BLOB NOT NULL, rows BLOB NOT NULL)"
        )
        self.hits = 0
        self.misses = 0

    def lookup(self, keys: Sequence[bytes], footers: frozenset[str]) -> dict[bytes, bytes]:
        """The blobs of the ``keys`` whose entries the current ``footers`` still fit."""
        found: dict[bytes, bytes] = {}
        unique = list(dict.fromkeys(keys))
        for at in range(0, len(unique), _LOOKUP):
            chunk = unique[at : at + _LOOKUP]
            marks = ",".join("?" * len(chunk))
            query = f"SELECT key, asked, footers, rows FROM pages WHERE key IN ({marks})"
            for key, asked, met, blob in self._db.execute(query, chunk):
                if pickle.loads(asked) & footers == pickle.loads(met):
                    found[key] = blob
        self.hits += sum(1 for k in keys if k in found)
        self.misses += sum(1 for k in keys if k not in found)
        return found

    def store(self, entries: Iterable[Entry], footers: frozenset[str]) -> None:
        """Keep fresh entries, with the footers among the keys each page asked about."""
        rows = [
            (
                e.key,
                pickle.dumps(e.asked, protocol=pickle.HIGHEST_PROTOCOL),
                pickle.dumps(e.asked & footers, protocol=pickle.HIGHEST_PROTOCOL),
                e.blob,
            )
            for e in entries
        ]
        if rows:
            with self._db:
                self._db.executemany("INSERT OR REPLACE INTO pages VALUES (?, ?, ?, ?)", rows)

    def close(self) -> None:
        self._db.close()
