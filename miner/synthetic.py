"""A synthetic corpus of any size grown from a small one, for the scale benchmark.

Copying ``corpus/`` a thousand times would measure the cache of a duplicate search
rather than a pipeline: every page would be an exact copy of ten others. Each page
here is one of the source pages rewritten: its reporting unit moved to another
place of the gazetteer (南江县红岩乡 → 某省某县), every number redrawn with as many
digits, some sentences dropped, swapped with their neighbour or replaced by a
sentence of another page, and a few characters changed. The noise of the source
pages (site headers, 推荐阅读, paid markers, download walls) stays, and one page in
five is written in GB18030, so every stage has its usual work. Output is
deterministic for a seed: the same sizes give the same files.
"""

from __future__ import annotations

import random
import re
from collections.abc import Sequence
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from miner.extract.units import describe
from miner.ingest import read_inputs
from miner.models import Page

_PLACE = re.compile(r"([\u4e00-\u9fff]{2,3}?)(?=[省市县区])")
_SELF = re.compile(r"我(?:乡|镇|村|社区|街道|县|区)")
_SELVES = ("我乡", "我镇", "我村", "我社区", "我街道", "我县", "我区")
_UNIT_ENDS = "省市县区乡镇村局"
_YEAR = re.compile(r"\d{4}(?=年)")
_BODY_LINE = 40  # shorter lines are headings and furniture: the cleaning rules' input, kept
_DIGITS = re.compile(r"\d+")
_SENTENCE = re.compile(r"[^。！？\n]*[。！？]|[^。！？\n]+")
_CJK = re.compile(r"[\u4e00-\u9fff]")
# Rates per page, chosen so that a page keeps most of its source (the cleaning
# rules meet what they were written for) yet two pages of one source rarely share
# a 12-character run that no third page has.
DROP, SWAP, BORROW, TYPO = 0.12, 0.10, 0.15, 0.05


@dataclass(frozen=True, slots=True)
class Source:
    """What pages are grown from: the source pages, their sentences, places and characters."""

    pages: list[str]
    sentences: list[str]
    places: list[str]
    chars: str
    names: list[re.Pattern[str] | None]  # per page: the gazetteer places it names


def load_source(root: Path) -> Source:
    """The decoded pages under ``root`` and the material mutations draw from."""
    pages = [p.text for p in read_inputs(root) if isinstance(p, Page) and p.text.strip()]
    if not pages:
        raise ValueError(f"{root} holds no readable page to grow a corpus from")
    sentences = [s for text in pages for s in _SENTENCE.findall(text) if len(s) >= 12 and "。" in s]
    table = resources.files("miner.data").joinpath("adcodes.tsv").read_text(encoding="utf-8")
    places = sorted(
        {
            line.split("\t")[1][:-1]
            for line in table.splitlines()
            if line[:1].isdigit() and len(line.split("\t")[1]) >= 3
        }
    )
    chars = "".join(sorted(set(_CJK.findall("".join(pages)))))
    known = set(places)
    names: list[re.Pattern[str] | None] = []
    for text in pages:
        found = {m for m in _PLACE.findall(text) if m in known}
        unit = describe(text, None).unit_name
        if unit and len(unit) >= 3 and "X" not in unit.upper():
            found.add(unit[:-1] if unit[-1] in _UNIT_ENDS else unit)
        ordered = sorted(found, key=len, reverse=True)
        names.append(re.compile("|".join(map(re.escape, ordered))) if ordered else None)
    return Source(pages, sentences or pages, places, chars, names)


def _numbers(text: str, rng: random.Random) -> str:
    def redraw(m: re.Match[str]) -> str:
        n = len(m.group())
        if n == 1:
            return str(rng.randint(1, 9))
        return str(rng.randint(1, 9)) + "".join(str(rng.randint(0, 9)) for _ in range(n - 1))

    text = _YEAR.sub(lambda _: str(rng.randint(2000, 2023)), text)
    return _DIGITS.sub(lambda m: redraw(m) if len(m.group()) != 4 else m.group(), text)


def _sentences(line: str, rng: random.Random, src: Source) -> str:
    parts = _SENTENCE.findall(line)
    if len(parts) < 2:
        return line
    out: list[str] = []
    for part in parts:
        roll = rng.random()
        if roll < DROP:
            continue
        if roll < DROP + BORROW:
            out.append(rng.choice(src.sentences))
            continue
        out.append(part)
        if rng.random() < SWAP and len(out) >= 2:
            out[-1], out[-2] = out[-2], out[-1]
    return "".join(out) or parts[0]


def _typos(text: str, rng: random.Random, chars: str) -> str:
    chars_of = list(text)
    spots = [i for i, c in enumerate(chars_of) if "\u4e00" <= c <= "\u9fff"]
    for i in rng.sample(spots, k=int(len(spots) * TYPO)):
        chars_of[i] = rng.choice(chars)
    return "".join(chars_of)


def mutate(text: str, rng: random.Random, src: Source, names: re.Pattern[str] | None) -> str:
    """One new page from ``text``: units, numbers, sentences and characters changed.

    Example:
        >>> src = Source(["x"], ["我乡投入12万元。"], ["巴山"], "的", [None])
        >>> page = mutate("南江县共投入21.6万元。我乡培训群众1300余人次。", random.Random(1), src,
        ...               re.compile("南江"))
        >>> "21.6" in page, "南江" in page, "巴山县" in page
        (False, False, True)
    """
    if names is not None:
        place = rng.choice(src.places)
        text = names.sub(place, text)
    self_name = rng.choice(_SELVES)
    text = _SELF.sub(self_name, text)
    text = _numbers(text, rng)
    lines = [
        _typos(_sentences(line, rng, src), rng, src.chars) if len(line) >= _BODY_LINE else line
        for line in text.split("\n")
    ]
    return "\n".join(lines)


def grow(source: Source, folder: Path, target_bytes: int, seed: int = 0) -> int:
    """Write synthetic pages into ``folder`` until ``target_bytes``; returns bytes written.

    Pages go into sub-folders of 1,000 files, as crawls are stored.
    """
    rng = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    written = 0
    n = 0
    while written < target_bytes:
        k = n % len(source.pages)
        text = mutate(source.pages[k], rng, source, source.names[k])
        gb = n % 5 == 4
        data = text.encode("gb18030" if gb else "utf-8")
        sub = folder / f"{n // 1000:04d}"
        sub.mkdir(exist_ok=True)
        (sub / f"page-{n:07d}.txt").write_bytes(data)
        written += len(data)
        n += 1
    return written


def sizes_of(folder: Path) -> Sequence[int]:
    """Byte sizes of the files under ``folder`` (for reports)."""
    return [p.stat().st_size for p in sorted(folder.rglob("*")) if p.is_file()]
