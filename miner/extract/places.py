"""Places: find Chinese administrative divisions in text and resolve the report's region.

The gazetteer is ``miner/data/adcodes.tsv`` (province, prefecture and county names by adcode,
vendored from the PyPI package cpca, MIT). Nothing is downloaded at run time.

Reports rarely state their full address. They name their county in the title (南江县红岩乡…),
in a signature (中共谯城区委…), or only in passing: a local paper (衡阳日报), a square (乐亭
青春广场). So every mention is kept with how it was found, and the region is the place that the
mentions, weighted by how telling their kind is, support most; a county mention also supports
its prefecture and province, so 四川 + 南江县 resolve to 四川省巴中市南江县 and not to another
南江. ``region_evidence`` says which kind of mention decided, strongest first:
``unit_name`` > ``title`` = ``signature`` > ``media`` > ``mention`` = ``title_short`` (a short
form in a title or signature: 安庆将新添…) > ``short_mention``. When only body mentions speak and
no place holds ``MIN_SHARE`` of their weight (a national report touring the provinces), or when
the winner is a province named only in the body, the region is left empty.

Example:
    >>> resolve_region(find_places("南江县红岩乡“双创双争”工作汇报材料"))
    ('四川省巴中市南江县', 'mention:南江县')
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path

from miner.segment.words import tag_pairs

# How much one mention of each kind weighs. A name in the unit's own name or the title is
# nearly proof; a bare short form (乐亭) in the body is a hint, so three of them are needed to
# outweigh one full name.
WEIGHTS = {
    "unit_name": 20.0,
    "title": 8.0,
    "signature": 8.0,
    "media": 4.0,
    "mention": 3.0,
    "title_short": 3.0,
    "short_mention": 1.0,
}
# Share of all mention weight the winner needs when no name, title or signature decides.
MIN_SHARE = 0.4
_DECISIVE = frozenset({"unit_name", "title", "signature", "title_short"})
_MEDIA = re.compile(r"日报|晚报|电视台|广播电视台|电台|新闻网|政府网")
_SETTLEMENT_AFTER = re.compile(r"(?:村|镇|乡|桥|社区|街道|屯|寨|庄)")
# A place name followed by these names a street or a building elsewhere (南京路 in Shanghai).
_NOT_PLACE_AFTER = re.compile(r"路|街|大道|大街|巷|胡同|号")
# jieba parts of speech of ordinary words: a short form tagged so (和平 nz, 东方 s, 开发 v)
# is a common word, not a place, and is never matched on its own.
_WORD_TAGS = frozenset(
    {"n", "v", "vn", "a", "ad", "an", "b", "d", "s", "nz", "m", "t", "f", "i", "l"}
)
# jieba frequency above which a short form is more often a word or a national landmark than
# the report's place: 乐亭 22, 南江 6, 衡阳 168 pass; 红旗 1052, 长城 1559, 武汉 24302 do not.
FREQUENT = 500
_SUFFIXES = ("特别行政区", "自治区", "自治州", "自治县", "自治旗", "地区", "林区", "特区", "省", "市",
             "县", "区", "盟", "旗")  # fmt: skip


@dataclass(frozen=True, slots=True)
class Division:
    """One administrative division of the gazetteer."""

    code: str  # six digits: PPCCXX
    name: str

    @property
    def level(self) -> int:
        """1 province, 2 prefecture, 3 county."""
        if self.code[2:] == "0000":
            return 1
        return 2 if self.code[4:] == "00" else 3


@dataclass(frozen=True, slots=True)
class PlaceMention:
    """A gazetteer name found in text: every division it may mean, and how it was found."""

    start: int
    end: int
    text: str
    codes: tuple[str, ...]
    kind: str


class Gazetteer:
    """Names and short forms of every division, with the parent chain by adcode."""

    def __init__(
        self,
        rows: list[tuple[str, str]],
        common_words: frozenset[str] = frozenset(),
        frequent_words: frozenset[str] = frozenset(),
    ) -> None:
        self.frequent = frequent_words
        self.by_code = {code: Division(code, name) for code, name in rows}
        self.full: dict[str, list[str]] = defaultdict(list)
        self.short: dict[str, list[str]] = defaultdict(list)
        for code, name in rows:
            # Two-character 区 names (城区, 郊区, 矿区) are ordinary words in every report.
            if not (len(name) == 2 and name.endswith("区")):
                self.full[name].append(code)
            stem = short_form(name)
            if stem and stem != name and len(stem) >= 2 and stem not in common_words:
                self.short[stem].append(code)
        for stem, codes in self.short.items():
            # 衡阳 is 衡阳市 and its 衡阳县; a bare short form means the prefecture.
            self.short[stem] = [c for c in codes if not _has_ancestor_in(c, codes)]
        # Lengths of the names starting with each two-character prefix, longest first: most
        # positions of a text start no name, and one lookup tells.
        lengths: dict[str, set[int]] = defaultdict(set)
        for n in [*self.full, *self.short]:
            lengths[n[:2]].add(len(n))
        self.lengths = {k: sorted(v, reverse=True) for k, v in lengths.items()}
        # Where a name may start: a first character of some prefix followed by a second
        # character of some prefix. Two character classes scan in C; on real text they pass
        # about one position in nine, and the prefix lookup in ``find_places`` settles those.
        firsts = "".join(sorted({k[0] for k in self.lengths}))
        seconds = "".join(sorted({k[1] for k in self.lengths if len(k) > 1}))
        if all(len(k) > 1 for k in self.lengths):
            self.starts = re.compile(f"[{re.escape(firsts)}](?=[{re.escape(seconds)}])")
        else:  # a one-character name: any first character may start it
            self.starts = re.compile(f"[{re.escape(firsts)}]")

    def chain(self, code: str) -> list[Division]:
        """The division and its ancestors, province first."""
        out = []
        for anc in (code[:2] + "0000", code[:4] + "00", code):
            div = self.by_code.get(anc)
            if div is not None and div not in out:
                out.append(div)
        return out

    def region(self, code: str) -> str:
        """The full region string: 四川省巴中市南江县."""
        return "".join(d.name for d in self.chain(code))


def _has_ancestor_in(code: str, codes: list[str]) -> bool:
    return any(a != code and a in codes for a in (code[:2] + "0000", code[:4] + "00"))


def short_form(name: str) -> str:
    """A division's name without its administrative suffix or nationalities: 峨边彝族自治县 → 峨边."""
    for suffix in _SUFFIXES:
        if name.endswith(suffix) and len(name) > len(suffix) + 1:
            name = name[: -len(suffix)]
            break
    nations = _nations()
    changed = True
    while changed:
        changed = False
        for nation in nations:
            if name.endswith(nation) and len(name) > len(nation) + 1:
                name, changed = name[: -len(nation)], True
    return name


@cache
def _nations() -> tuple[str, ...]:
    text = resources.files("miner.data").joinpath("nations.txt").read_text(encoding="utf-8")
    names = [ln.strip() for ln in text.splitlines() if ln.strip() and not ln.startswith("#")]
    # 族 alone too, for names like 黔东南苗族侗族 whose nations are listed one by one.
    return tuple(sorted(names, key=len, reverse=True))


@cache
def gazetteer() -> Gazetteer:
    """The vendored gazetteer, loaded once."""
    text = resources.files("miner.data").joinpath("adcodes.tsv").read_text(encoding="utf-8")
    rows: list[tuple[str, str]] = []
    for line in text.splitlines():
        if not line or line.startswith("#") or line.startswith("adcode"):
            continue
        code, name = line.split("\t")[:2]
        rows.append((code, name))
    stems = {short_form(n) for _, n in rows}
    return Gazetteer(rows, *_common_words(stems))


def _common_words(stems: set[str]) -> tuple[frozenset[str], frozenset[str]]:
    """Short forms that are ordinary words (和平, 东方, 开发), and those too frequent to trust.

    From jieba's dictionary: a short form tagged as an ordinary word is never a place on its
    own; one more frequent than ``FREQUENT`` (红旗, 长城, 中原, and big cities such as 武汉 that
    reports name for national events) counts only before a paper or station (武汉晚报).
    """
    try:
        import jieba

        path = Path(jieba.__file__).parent / "dict.txt"
        lines = path.read_text(encoding="utf-8").splitlines()
    except (ImportError, OSError):  # no dictionary: keep every short form
        return frozenset(), frozenset()
    common, frequent = set(), set()
    for line in lines:
        word, freq, tag = [*line.split(" "), "", ""][:3]
        if word in stems:
            if tag in _WORD_TAGS:
                common.add(word)
            elif freq.isdigit() and int(freq) > FREQUENT:
                frequent.add(word)
    return frozenset(common), frozenset(frequent)


def find_places(text: str, kind: str = "mention") -> list[PlaceMention]:
    """Every gazetteer name in ``text``, leftmost-longest, each marked with its kind.

    ``kind`` is what a full name found here counts as (``mention`` in a body, ``title`` in a
    title …); a short form counts as ``short_mention`` unless it names a local paper or station
    (衡阳日报 → ``media``), and a full name before one is ``media`` too.
    """
    gaz = gazetteer()
    lengths_at = gaz.lengths
    out: list[PlaceMention] = []
    n = len(text)
    free = 0  # names do not overlap: the next one starts at or after the last one's end
    for start in gaz.starts.finditer(text):  # one character each: every possible start
        i = start.start()
        # Most starts the two character classes let through begin no name (on
        # ../shared/corpus/real 30,000 of 440,000 do): one look-up rules them out.
        lengths = lengths_at.get(text[i : i + 2])
        if lengths is None or i < free:
            continue
        hit: PlaceMention | None = None
        for length in lengths:
            if i + length > n:
                continue
            word = text[i : i + length]
            codes = gaz.full.get(word)
            found_kind = kind
            is_short = codes is None
            if is_short:
                codes = gaz.short.get(word)
                found_kind = "short_mention" if kind == "mention" else "title_short"
            if codes is None:
                continue
            after = text[i + length : i + length + 5]
            if _MEDIA.match(after):
                found_kind = "media"
            elif _NOT_PLACE_AFTER.match(after) or (
                is_short and (word in gaz.frequent or not _short_ok(text, i, i + length))
            ):
                break
            hit = PlaceMention(i, i + length, word, tuple(codes), found_kind)
            break
        if hit is not None:
            out.append(hit)
            free = hit.end
    return out


def _short_ok(text: str, start: int, end: int) -> bool:
    """A bare short form counts only as a word of its own, not the head of a smaller place.

    丰台桥村 and 周村 name villages, 城关镇 a town: a short form followed by a settlement
    suffix is that place's name, not the county's. And the segmenter must cut the text at
    both ends of it: 和政 in 党和政府 and 康保 in 健康保健 straddle words.
    """
    if _SETTLEMENT_AFTER.match(text, end):
        return False
    lo, hi = max(0, start - 8), min(len(text), end + 8)
    # The word boundaries, from the words' lengths: a Token per word cost more than this.
    cuts = {lo, hi}
    pos = lo
    for word, _ in tag_pairs(text[lo:hi]):
        cuts.add(pos)
        pos += len(word)
        cuts.add(pos)
    return start in cuts and end in cuts


def resolve_region(mentions: list[PlaceMention]) -> tuple[str | None, str | None]:
    """The region the mentions support most, and the evidence that decided it.

    Each mention spreads its weight over the divisions it may mean; a division's support is
    the weight of mentions of itself and of its ancestors (南江县 is supported by 四川 too).
    The most supported division wins, the deeper one on a tie. The evidence is
    ``kind:text`` of the strongest mention that names the winner or one of its ancestors.
    """
    if not mentions:
        return None, None
    gaz = gazetteer()
    own = [m for m in mentions if m.kind == "unit_name"]
    allowed: set[str] = set()
    if own:
        # The unit's own name fixes the level: 湖北省医疗保障局 is provincial, whatever county
        # its text visits. Other mentions only choose among the name's meanings.
        allowed = {c for m in own for c in m.codes}
        mentions = own + [
            m for m in mentions if m.kind != "unit_name" and allowed & set(_ancestors_of(m.codes))
        ]
    share: dict[str, float] = defaultdict(float)
    for m in mentions:
        for code in m.codes:
            share[code] += WEIGHTS[m.kind] / len(m.codes)
    support: dict[str, float] = {}
    for code in share:
        support[code] = sum(share.get(d.code, 0.0) for d in gaz.chain(code))
    candidates = [c for c in support if not own or c in allowed]
    best = max(candidates, key=lambda c: (support[c], gaz.by_code[c].level, -_first(mentions, c)))
    ancestors = {d.code for d in gaz.chain(best)}
    deciding = [m for m in mentions if ancestors.intersection(m.codes)]
    # Of equally strong mentions, the one naming the winner itself (常熟市, not 江苏省).
    top = max(deciding, key=lambda m: (WEIGHTS[m.kind], best in m.codes, -m.start))
    total = sum(WEIGHTS[m.kind] for m in mentions)
    if top.kind not in _DECISIVE and support[best] < MIN_SHARE * total:
        return None, None
    if top.kind in ("mention", "short_mention") and gaz.by_code[best].level == 1:
        # A province named only in the body is context (《四川省政务公开规定》, 北京 in a national
        # report), not the unit's place; a county or prefecture named there is.
        return None, None
    return gaz.region(best), f"{top.kind}:{top.text}"


def _ancestors_of(codes: tuple[str, ...]) -> set[str]:
    return {a for c in codes for a in (c[:2] + "0000", c[:4] + "00", c)}


def _first(mentions: list[PlaceMention], code: str) -> int:
    return min((m.start for m in mentions if code in m.codes), default=1 << 30)
