"""Cut a page into its articles: compilations (第N篇) and versions under a dashed rule.

Sites bundle many reports on one page ("双争活动工作总结报告(10篇)", then 第1篇,
"…第2篇" …) and sometimes print two versions of a report separated by a line of
dashes. Each becomes its own article; the header lines that separated them are
logged as removals (rule ``compilation_header`` or ``version_rule``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from miner.dedup.view import matching_view
from miner.extract.numerals import parse_chinese
from miner.models import Removal
from miner.textmap import TextMap

_NUM = r"[0-9０-９一二三四五六七八九十百零〇两]+"
# "第1篇", "某某总结第2篇", "第3篇：标题", "第4篇 标题", "某某 篇1", "【篇一】", "【第1篇】标题",
# and the words other sites use for a part (范文一：标题, 例文2, 模板三) — a whole line,
# never inside prose.
_PART = re.compile(
    rf"^\s*(?P<pre>[^。！？；;，,【\[]{{0,50}}?)\s*[【\[]?\s*"
    rf"(?:第\s*(?P<n1>{_NUM})\s*篇|篇\s*(?P<n2>{_NUM})|(?P<word>范文|例文|模板|范例)\s*(?P<n3>{_NUM}))"
    rf"\s*[】\]]?(?:\s*[:：、.．]\s*|\s+)?(?P<post>(?<=[:：、.．\s】\]])[^。！？]{{1,60}})?\s*$"
)
_PART_WORDS = ("范文", "例文", "模板", "范例")
_WORD_PARTS = 2  # 范文一 alone may be a heading of the text; two or more make a compilation
# "(10篇)", "（精选8篇）", "【5篇】", "范文10篇", "(共6篇)", "合集（十篇）" standing alone: the count
# of a compilation.
_COUNT_WORD = r"(?:精选|最新|热门|优秀|通用|推荐|范文|共|汇总|精选范文)"
_COUNT = re.compile(
    rf"^\s*(?:合集|汇总|大全|范文)?\s*[（(【\[]?\s*{_COUNT_WORD}?\s*{_NUM}\s*篇\s*"
    rf"(?:精选|范文|合集|汇编|大全)?\s*[)）】\]]?\s*$"
)
# "某某方案(通用6篇)" names a compilation whose parts some sites head with the stem and a
# number (某某方案1, 某某方案2 …) instead of 第N篇.
_COLLECTION = re.compile(
    rf"^\s*(?P<stem>[^。！？；;，,（(【]{{2,40}}?)\s*[（(【]\s*{_COUNT_WORD}?"
    rf"\s*{_NUM}\s*篇\s*[)）】]\s*$"
)
_STEM_PARTS = 2  # numbered stems needed before they count as part headers
_NUMBER_END = re.compile(
    r"\s*[【\[（(]?\s*(?:\d{1,2}|[一二三四五六七八九十]{1,3})\s*[】\]）)]?\s*$"
)
# A line made only of dashes or similar: the border between two versions.
_RULE = re.compile(r"^\s*(?:[-—－─━=＝~～·•*＊_＿﹌﹏]\s*){3,}$")  # also spaced: - - - -
_MIN_VERSION = 200  # characters each side of a rule must hold to count as a version
# A part marker or count line holds at most a 50-character prefix, the marker and a
# 60-character title; longer lines are never tried, because the patterns' runs of
# optional white space backtrack quadratically on a long line of spaces.
_MARKER_MAX = 200
# Share of the smaller side's character 5-grams found in the other side. Seed 000's two
# versions of one report share 0.3 or more; unrelated texts of one campaign ≤ 0.05.
_MIN_VERSION_SHARE = 0.15


@dataclass(slots=True)
class Part:
    """One article's text before titles and repairs."""

    text: TextMap
    title_hint: str | None = None  # a title the header line gave (第3篇：标题)


def _is_short(line: str) -> bool:
    return 0 < len(line.strip()) <= _MARKER_MAX


def split_page(tm: TextMap, source: str) -> tuple[list[Part], list[Removal], str | None]:
    """Split a cleaned page; returns the parts, the header removals and the page title.

    Example:
        >>> parts, rem, title = split_page(TextMap.of("汇编(2篇)\\n第1篇\\n甲文。\\n汇编第2篇\\n乙文。"), "x")
        >>> [p.text.text.strip() for p in parts], title
        (['甲文。', '乙文。'], '汇编')
    """
    removals: list[Removal] = []
    bounds = list(tm.lines())
    lines = [tm.text[s:e] for s, e in bounds]

    def log(i: int, rule: str) -> None:
        s, e = bounds[i]
        ss, se = tm.source_span(s, e)
        removals.append(Removal(source, rule, lines[i], ss, se))

    # Both patterns need a 篇; most pages have none, and their lines are never matched.
    held = [i for i, ln in enumerate(lines) if "篇" in ln and _is_short(ln)]
    markers = [i for i in held if _PART.match(lines[i].strip())]
    worded = [i for i in _worded_parts(lines) if i not in markers]
    if len(worded) >= _WORD_PARTS:
        markers = sorted(markers + worded)
    counts = [i for i in held if _COUNT.match(lines[i].strip())]
    stems = [] if markers else (_stem_markers(lines, held) or _title_stem_markers(lines))
    markers = markers or stems
    page_title: str | None = None
    cuts: list[tuple[int, str | None]] = []  # (first line of a part, title hint)
    if markers:
        first = min(markers)
        head = [i for i in range(first) if lines[i].strip() and i not in counts]
        # Short lines above the first marker are the compilation's own title; a
        # longer text there is an article of its own (an introduction or a first report).
        intro = bool(head) and not all(len(lines[i].strip()) <= 60 for i in head)
        if head and not intro:
            page_title = "".join(lines[i].strip() for i in head)
            for i in head:
                log(i, "compilation_title")
        for i in counts:
            log(i, "compilation_header")
        for i in markers:
            log(i, "compilation_header")
            m = _PART.match(lines[i].strip())
            if m is None:  # 某某方案2: the stem is the part's title, the number its place
                cuts.append((i + 1, _NUMBER_END.sub("", lines[i].strip()) or None))
                continue
            cuts.append((i + 1, (m.group("post") or "").strip() or None))
            if page_title is None and m.group("pre"):
                page_title = m.group("pre").strip() or None
        skip = set(markers) | set(counts)
        if not intro:
            skip |= set(head)
        edges = [c for c, _ in cuts] + [len(lines)]
        spans = [(edges[k], edges[k + 1], cuts[k][1]) for k in range(len(cuts))]
        if intro:
            spans.insert(0, (0, first, None))
    else:
        skip = set()
        spans = [(0, len(lines), None)]

    parts: list[Part] = []
    for lo, hi, hint in spans:
        for a, b in _versions(lines, lo, hi, skip, log):
            piece = _lines_text(tm, bounds, lines, a, b, skip)
            if piece.text.strip():
                parts.append(Part(piece, hint))
                hint = None
    return parts, removals, page_title


def _worded_parts(lines: list[str]) -> list[int]:
    """Part headers that name the part a 范文, 例文, 模板 or 范例 with its number."""
    found: list[int] = []
    if not any(w in ln for ln in lines for w in _PART_WORDS):
        return found
    for i, ln in enumerate(lines):
        if _is_short(ln) and any(w in ln for w in _PART_WORDS):
            m = _PART.match(ln.strip())
            if m is not None and m.group("word"):
                found.append(i)
    return found


def _stem_markers(lines: list[str], held: list[int]) -> list[int]:
    """Part headers made of the compilation's stem and 1, 2, 3 … in order, or none."""
    for c in held:
        m = _COLLECTION.match(lines[c])
        if m is None:
            continue
        stem = re.compile(
            rf"^\s*{re.escape(m.group('stem').strip())}\s*[（(]?\s*(\d{{1,2}})\s*[)）]?\s*$"
        )
        found = [(i, stem.match(lines[i])) for i in range(c + 1, len(lines)) if _is_short(lines[i])]
        numbered = [(i, int(n.group(1))) for i, n in found if n is not None]
        if len(numbered) >= _STEM_PARTS and [n for _, n in numbered] == list(
            range(1, len(numbered) + 1)
        ):
            return [i for i, _ in numbered]
    return []


# The page's title again with a part number (文明村创建汇报材料【一】, …【二】): the parts of
# a compilation that never says how many it holds.
_TITLE_NUMBER = re.compile(
    r"^\s*[【\[（(]?\s*([0-9]{1,2}|[一二三四五六七八九十]{1,3})\s*[】\]）)]?\s*$"
)
_TITLE_STEM = 40


def _title_stem_markers(lines: list[str]) -> list[int]:
    """Lines that repeat the page's first line with 1, 2, 3 … (or 一, 二, 三) after it."""
    first = next((ln.strip() for ln in lines if ln.strip()), "")
    if not 4 <= len(first) <= _TITLE_STEM:
        return []
    numbered: list[tuple[int, int]] = []
    for i, ln in enumerate(lines):
        line = ln.strip()
        if len(line) <= len(first) or not line.startswith(first) or len(line) > _MARKER_MAX:
            continue
        m = _TITLE_NUMBER.match(line[len(first) :])
        if m is not None:
            raw = m.group(1)
            numbered.append((i, int(raw) if raw.isdecimal() else int(parse_chinese(raw) or 0)))
    if len(numbered) >= _STEM_PARTS and [n for _, n in numbered] == list(
        range(1, len(numbered) + 1)
    ):
        return [i for i, _ in numbered]
    return []


def _versions(lines: list[str], lo: int, hi: int, skip: set[int], log) -> list[tuple[int, int]]:  # type: ignore[no-untyped-def]
    """Split ``lines[lo:hi]`` at dashed rules with substantial text on both sides.

    Two versions of one report share wording; a rule between unrelated parts (a web
    article's section break) is only layout. The text before a rule runs back to the
    last split, so its 5-grams are gathered as it grows, line by line: rebuilding it
    at every rule was quadratic on a page of many rules. The text after a rule is
    viewed only as far as the decision needs.
    """
    rules = [i for i in range(lo, hi) if _RULE.match(lines[i])]
    views: dict[int, str] = {}

    def view(j: int) -> str:
        if j not in views:
            views[j] = matching_view(lines[j])
        return views[j]

    out: list[tuple[int, int]] = []
    start = upto = lo
    before = _Grams()
    for n, i in enumerate(rules):
        nxt = rules[n + 1] if n + 1 < len(rules) else hi
        skip.add(i)
        # Whether the text after the rule is long enough needs only its first lines'
        # views; the whole of it is viewed only when the text before is long enough too
        # (a rule under a page's short header would otherwise view the whole page).
        size, j = 0, i + 1
        while j < nxt and size < _MIN_VERSION:
            size += len(view(j))
            j += 1
        version = False
        if size >= _MIN_VERSION:  # else no version, whatever came before
            for j in range(upto, i):
                before.add(view(j))
            upto = i
            if before.size >= _MIN_VERSION:
                after = "".join(view(j) for j in range(i + 1, nxt))
                version = before.shared_with(after)
        if version:
            log(i, "version_rule")
            out.append((start, i))
            start = upto = i + 1
            before = _Grams()
        else:
            log(i, "separator")
    out.append((start, hi))
    return out


class _Grams:
    """The character 5-grams of a growing matching view, and its length."""

    def __init__(self) -> None:
        self.grams: set[str] = set()
        self.size = 0
        self._tail = ""  # the last four characters, for the 5-grams across pieces

    def add(self, view: str) -> None:
        joined = self._tail + view
        self.grams.update(joined[k : k + 5] for k in range(len(joined) - 4))
        self.size += len(view)
        self._tail = joined[-4:]

    def shared_with(self, other: str) -> bool:
        """Whether the smaller side shares ``_MIN_VERSION_SHARE`` of its 5-grams."""
        theirs = {other[k : k + 5] for k in range(len(other) - 4)}
        if not theirs or not self.grams:
            return False
        common = len(self.grams & theirs)
        return common / min(len(self.grams), len(theirs)) >= _MIN_VERSION_SHARE


def _lines_text(
    tm: TextMap, bounds: list[tuple[int, int]], lines: list[str], a: int, b: int, skip: set[int]
) -> TextMap:
    keep = [i for i in range(a, b) if i not in skip]
    if not keep:
        return TextMap("", [])
    if keep[-1] - keep[0] + 1 == len(keep):
        return _run_text(tm, bounds, keep[0], keep[-1] + 1)
    pieces = [tm.slice(*bounds[i]) for i in keep]
    return TextMap.concat(pieces, sep="\n")


def _run_text(tm: TextMap, bounds: list[tuple[int, int]], a: int, b: int) -> TextMap:
    """``TextMap.concat`` of lines ``a`` to ``b``, which stand together: one slice of the
    page, whose line breaks take the offsets concat gives its separators (the next
    line's first, or one past the character before when that line is empty).

    A part is most often a run of lines; slicing out each line and joining them again
    was a TextMap a line.
    """
    start = bounds[a][0]
    offsets = tm.offsets[start : bounds[b - 1][1]]
    for i in range(a, b - 1):
        at = bounds[i][1] - start  # the break after line i
        nxt_start, nxt_end = bounds[i + 1]
        if nxt_end > nxt_start:
            offsets[at] = offsets[at + 1]
        else:
            offsets[at] = offsets[at - 1] + 1 if at else 0
    return TextMap(tm.text[start : bounds[b - 1][1]], offsets)
