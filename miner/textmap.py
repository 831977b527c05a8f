"""Text that remembers where each character came from.

Cleaning deletes ads, joins broken lines and converts script; researchers still
need to point at the raw page ("this figure is at byte … of that file") and the
``removals`` table must give spans in the *decoded source*. ``TextMap`` carries,
for every character of the current text, its offset in the source, so every
stage can edit freely and any span can be traced back at the end.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from operator import itemgetter

_SPAN = itemgetter(0, 1)  # an edit's (start, end), its sort key


@dataclass(slots=True)
class TextMap:
    """A string plus the source offset of each of its characters."""

    text: str
    offsets: list[int]

    @classmethod
    def of(cls, text: str, base: int = 0) -> TextMap:
        """Wrap an unedited source text (offsets are ``base + i``)."""
        return cls(text, list(range(base, base + len(text))))

    def __len__(self) -> int:
        return len(self.text)

    def slice(self, start: int, end: int) -> TextMap:
        return TextMap(self.text[start:end], self.offsets[start:end])

    def source_span(self, start: int, end: int) -> tuple[int, int]:
        """The source span covering characters ``start..end`` of the current text."""
        if start >= end:
            pos = self.offsets[start] if start < len(self.offsets) else self.end_offset()
            return pos, pos
        return self.offsets[start], self.offsets[end - 1] + 1

    def end_offset(self) -> int:
        return self.offsets[-1] + 1 if self.offsets else 0

    def edit(self, edits: Iterable[tuple[int, int, str]]) -> TextMap:
        """Apply non-overlapping ``(start, end, replacement)`` edits in one pass.

        A replacement of the same length keeps the offsets character by
        character (script conversion); any other replacement maps all its
        characters to the first replaced character's offset.
        """
        text, offsets = self.text, self.offsets
        parts: list[str] = []
        offs: list[int] = []
        pos = 0
        # itemgetter sorts in C where a key lambda cost a Python call per edit (a page's
        # line joins are one edit per line break).
        for start, end, repl in sorted(edits, key=_SPAN):
            if start < pos:
                raise ValueError(f"overlapping edit at {start}")
            if start > pos:
                parts.append(text[pos:start])
                offs += offsets[pos:start]
            if repl:
                parts.append(repl)
                if len(repl) == end - start:
                    offs += offsets[start:end]
                else:
                    anchor = offsets[start] if start < len(offsets) else self.end_offset()
                    offs += [anchor] * len(repl)
            pos = end
        parts.append(text[pos:])
        offs += offsets[pos:]
        return TextMap("".join(parts), offs)

    def delete(self, spans: Iterable[tuple[int, int]]) -> TextMap:
        return self.edit((s, e, "") for s, e in spans)

    def lines(self) -> Iterator[tuple[int, int]]:
        """``(start, end)`` of every line, the newline excluded."""
        text = self.text
        start = 0
        n = len(text)
        while start <= n:
            end = text.find("\n", start)
            if end < 0:
                end = n
            yield start, end
            start = end + 1
            if end == n:
                break

    @staticmethod
    def concat(pieces: Iterable[TextMap], sep: str = "") -> TextMap:
        """Join pieces; separator characters take the offset of the next piece's start."""
        texts: list[str] = []
        offs: list[int] = []
        first = True
        for piece in pieces:
            if not first and sep:
                anchor = piece.offsets[0] if piece.offsets else (offs[-1] + 1 if offs else 0)
                texts.append(sep)
                offs.extend([anchor] * len(sep))
            texts.append(piece.text)
            offs.extend(piece.offsets)
            first = False
        return TextMap("".join(texts), offs)
