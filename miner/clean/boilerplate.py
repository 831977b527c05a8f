"""Footer lines a site repeats under many of its pages: learned from the run's own corpus.

Word lists cannot know every site's footer (本站文章均来自网络…, a licence sentence, an
account's sign-off), but a crawl holds many pages of each site, and a footer is the
same line under different articles. A line at the end of a page counts as boilerplate
when it closes at least ``MIN_PAGES`` pages whose bodies differ: copies of one report
share their last lines too, and those are content, so pages with the same body count
once. Signature and date lines (中共某镇委员会, 2012年12月20日) and numbered items are
never taken, since one unit's reports legitimately end alike.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable

from miner.clean.cues import FOOTER_LINES, PROSE_CUES, footer_key, signature_like
from miner.extract.markers import line_marker

MIN_PAGES = 3  # distinct pages a footer line must close before it is trusted
_MAX_KEY = 400  # licence sentences are long; prose paragraphs longer still
_MIN_KEY = 6  # shorter lines (答案：D, 联系我们) repeat by chance; lines.py treats them as scraps
_SHORT_SENTENCE = 60
# An account's sign-off is a short sentence too (文化需要传承，知识重在分享！), but it asks the
# reader to follow or share; a report's closing formula never does.
_SIGN_OFF = re.compile(r"关注|分享|收藏|订阅|点赞|转发|在看|公众号|微信|转载")


# A corpus's masking ([email], [phone number]) makes different pages' lines equal: a
# placeholder alone is the page's own address, not a footer that proves the lines around it.
_PLACEHOLDERS = re.compile(r"(?:\[[a-z ]{2,20}\]\W*)+")


def _candidate(line: str) -> str | None:
    key = footer_key(line)
    if not _MIN_KEY <= len(key) <= _MAX_KEY:
        return None
    if key[0] == "[" and _PLACEHOLDERS.fullmatch(key):
        return None
    if line_marker(line.strip()) or signature_like(key):
        return None
    if key[-1] in "。！？!?" and len(key) <= _SHORT_SENTENCE and not _sign_off(key):
        return None  # 特此报告。/ 以上报告，请审议。: the genre's own closing formulas
    return key


def _sign_off(key: str) -> bool:
    return bool(_SIGN_OFF.search(PROSE_CUES.sub("", key)))


class Boilerplate:
    """Counts, over a corpus, which tail lines close pages with different bodies.

    Most tail lines close one page only (a page's last 40 lines are mostly its own
    text), and holding each as a string with a set of body fingerprints took 0.8 MB
    per MB of input (31 MB for 40 MB of near copies) before the run started. A line
    met under one body so far is held as a 16-byte digest of its key and that body's
    fingerprint; only a line met under a second body is kept as text, with at most
    ``cap`` fingerprints (enough to tell whether it closes ``cap`` pages).
    """

    def __init__(self, cap: int = MIN_PAGES, keep_keys: bool = False) -> None:
        if cap < 2:
            raise ValueError("a footer closes at least two pages")
        self.cap = cap
        self._once: dict[bytes, bytes] = {}  # digest of a key met under one body → body
        self._bodies: dict[str, set[bytes]] = {}  # key met under 2+ bodies → (≤ cap) bodies
        # A worker's share of the pages keeps its once-met keys as text, so that the
        # counts can be merged (``update``): a digest alone cannot become a footer line.
        self._keys: dict[bytes, str] | None = {} if keep_keys else None

    def add(self, text: str) -> None:
        """Record one page's tail lines and a fingerprint of its body."""
        lines = [ln for ln in text.split("\n") if ln.strip()]
        if len(lines) < 2:
            return
        tail = lines[-FOOTER_LINES:]
        body = max(lines[: max(1, len(lines) - FOOTER_LINES)], key=len)
        fingerprint = hashlib.blake2b(footer_key(body).encode(), digest_size=8).digest()
        for line in tail:
            key = _candidate(line)
            if key is not None:
                self._meet(key, (fingerprint,))

    def _meet(self, key: str, fingerprints: Iterable[bytes]) -> None:
        """``key`` closes pages with these body fingerprints."""
        bodies = self._bodies.get(key)
        if bodies is None:
            digest = hashlib.blake2b(key.encode(), digest_size=16).digest()
            first = self._once.get(digest)
            seen = sorted({*fingerprints, *([first] if first is not None else [])})
            if len(seen) == 1:
                self._once[digest] = seen[0]
                if self._keys is not None:
                    self._keys[digest] = key
                return
            self._once.pop(digest, None)
            if self._keys is not None:
                self._keys.pop(digest, None)
            self._bodies[key] = set(seen[: self.cap])
            return
        for fingerprint in sorted(fingerprints):
            if len(bodies) >= self.cap:
                break
            bodies.add(fingerprint)

    def update(self, other: Boilerplate) -> None:
        """Add the counts of other pages (``other``, a worker's share of them, made with
        ``keep_keys``).

        Which fingerprints a capped line keeps may differ from one pass, but not whether
        a line closes ``min_pages`` pages: a side that holds fewer than ``cap`` holds
        all of its own, and one that holds ``cap`` is enough by itself.
        """
        if other._keys is None:
            raise ValueError("merge counts made with keep_keys=True")
        for key, bodies in other._bodies.items():
            self._meet(key, bodies)
        for digest, fingerprint in other._once.items():
            self._meet(other._keys[digest], (fingerprint,))

    def lines(self, min_pages: int = MIN_PAGES) -> frozenset[str]:
        """Keys of the lines that close at least ``min_pages`` different pages."""
        if not 2 <= min_pages <= self.cap:
            raise ValueError(f"min_pages must be from 2 to {self.cap}, not {min_pages}")
        return frozenset(k for k, bodies in self._bodies.items() if len(bodies) >= min_pages)


def learn(texts: Iterable[str], min_pages: int = MIN_PAGES) -> frozenset[str]:
    """Footer lines of a corpus of page texts.

    Example:
        >>> pages = [f"第{i}篇报告正文，内容各不相同。\\n本站文章均来自网友投稿" for i in range(3)]
        >>> sorted(learn(pages))
        ['本站文章均来自网友投稿']
    """
    seen = Boilerplate(cap=max(2, min_pages))
    for text in texts:
        seen.add(text)
    return seen.lines(min_pages)
