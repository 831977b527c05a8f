"""Clean one page: inline noise, then furniture lines, then a teaser repeated at the end.

Nothing is deleted without a ``Removal`` that names the rule and the source span,
so the decoded page can always be rebuilt from the kept text and the removals.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from miner.clean.cues import HEAD_LINES, TAIL_LINES
from miner.clean.fragments import head_fragment, tail_fragment, title_suffix
from miner.clean.inline import find_inline
from miner.clean.lines import classify_lines
from miner.clean.script import detect_script, simplified, simplified_lines
from miner.extract.dates import DATE_LINE
from miner.models import Page, Removal
from miner.textmap import TextMap

_NORM_DROP = re.compile(r"[\s\W_]+")
# Rules whose presence at a page's end means the site cut the body short.
WALL_RULES = frozenset({"download_prompt", "paid_marker"})


@dataclass(slots=True)
class CleanPage:
    """The kept text of a page (with source offsets) and what was removed."""

    source: str
    text: TextMap
    encoding: str
    bad_bytes: int
    removals: list[Removal] = field(default_factory=list)
    walled: bool = False  # a download or pay wall followed the body


def _norm(s: str) -> str:
    return _NORM_DROP.sub("", s)


CLASSIFIER_THRESHOLD = 0.9  # held-out precision 0.997 on our labelled lines (classifier.py)


def _classifier_rules(lines: list[str], rules: dict[int, str]) -> None:
    """Edge lines the rules kept but the line classifier calls furniture (opt-in).

    Only the page's head and tail zones, only short Chinese lines (``edge_candidate``),
    only at high confidence: on real web pages about two thirds of such flags are
    furniture, so the classifier never acts in the middle of a page and is off by
    default.
    """
    from miner.clean.classifier import edge_candidate, furniture_probability

    nonempty = [i for i, ln in enumerate(lines) if ln.strip()]
    zone = set(nonempty[:HEAD_LINES]) | set(nonempty[-TAIL_LINES:])
    todo = [i for i in sorted(zone) if i not in rules and edge_candidate(lines[i].strip())]
    if not todo:
        return
    for i, p in zip(todo, furniture_probability([lines[i].strip() for i in todo]), strict=True):
        if p >= CLASSIFIER_THRESHOLD:
            rules[i] = "classifier"


def clean_page(
    page: Page, *, classifier: bool = False, repeated: frozenset[str] = frozenset()
) -> CleanPage:
    """Remove inline noise and furniture lines from a decoded page.

    Example:
        >>> cp = clean_page(Page("a.txt", "某某范文网\\n正文的`内容。\\n推荐阅读：\\n标题一05-27", "utf-8"))
        >>> cp.text.text.strip()
        '正文的内容。'
        >>> sorted({r.rule for r in cp.removals})
        ['related_links', 'site_header', 'watermark_char']
    """
    tm = TextMap.of(page.text)
    removals: list[Removal] = []

    def log(tmap: TextMap, start: int, end: int, rule: str) -> None:
        s, e = tmap.source_span(start, end)
        removals.append(Removal(page.source, rule, tmap.text[start:end], s, e))

    # 1. Inline marks first, so that line rules see lines as a reader would.
    # Patterns are written in simplified characters; a traditional page is matched
    # through a converted copy (t2s keeps lengths, so spans carry over).
    script = detect_script(tm.text)
    probe = simplified(tm.text) if script != "simplified" else tm.text
    spans = find_inline(probe if len(probe) == len(tm.text) else tm.text)
    for start, end, rule in spans:
        log(tm, start, end, rule)
    tm = tm.delete((s, e) for s, e, _ in spans)

    # 2. Whole furniture lines.
    bounds = list(tm.lines())
    lines = [tm.text[s:e] for s, e in bounds]
    # Rules are written in simplified characters; a traditional page (發布時間, 版權所有)
    # is matched through a converted copy while spans stay on the original.
    if script != "simplified":
        lines = simplified_lines(tm.text)
    rules = classify_lines(lines, repeated)
    if classifier:
        _classifier_rules(lines, rules)
    _mark_tail_teaser(lines, rules)
    _mark_head_summary(lines, rules)
    _mark_repeated_titles(lines, rules)
    cut: list[tuple[int, int]] = []
    for i, rule in sorted(rules.items()):
        s, e = bounds[i]
        # Take the line's own text; its newline stays so paragraph structure survives.
        log(tm, s, e, rule)
        cut.append((s, e))
    kept = [i for i, ln in enumerate(lines) if ln.strip() and i not in rules]
    titled: set[int] = set()  # lines whose site suffix was cut: no other cut may overlap them
    for i in _title_lines(lines, kept):
        at = title_suffix(lines[i])  # 标题_某某网: the site's name glued to the title
        if at is not None:
            titled.add(i)
            s, e = bounds[i]
            log(tm, s + at, e, "site_header")
            cut.append((s + at, e))
    edges = (set(kept[:HEAD_LINES]) | set(kept[-TAIL_LINES:])) - titled
    opened: dict[int, int] = {}  # line → end of the prompt cut from its start
    for i in sorted(edges):
        at = head_fragment(lines[i])  # a prompt glued before a title (**点击下方…**# 标题)
        if at is not None:
            opened[i] = at
            s, _ = bounds[i]
            log(tm, s, s + at, "ad_block")
            cut.append((s, s + at))
    if kept and kept[-1] not in titled:
        last = kept[-1]
        at = tail_fragment(lines[last])
        if at is not None and at >= opened.get(last, 0):
            s, e = bounds[last]
            log(tm, s + at, e, "ad_block")
            cut.append((s + at, e))
    walled = _walled(lines, rules)
    tm = tm.delete(sorted(cut))
    removals.sort(key=lambda r: (r.start, r.end))
    return CleanPage(page.source, tm, page.encoding, page.bad_bytes, removals, walled)


def _walled(lines: list[str], rules: dict[int, str]) -> bool:
    """True when a download or pay wall sits after the last kept line."""
    kept = [i for i, ln in enumerate(lines) if ln.strip() and i not in rules]
    last = kept[-1] if kept else -1
    return any(i > last and r in WALL_RULES for i, r in rules.items())


def _title_lines(lines: Sequence[str], kept: Sequence[int]) -> list[int]:
    """The page's title line, and the next line when it prints the same title again.

    Scraped pages show the HTML title (标题【某某app】_某某app) and then the heading
    (标题【某某app】): the site's tag is on both.
    """
    if not kept:
        return []
    first = lines[kept[0]].strip().lstrip("\ufeff").strip()
    stem = first[: max(4, len(first) // 2)]
    if len(kept) > 1 and lines[kept[1]].strip().startswith(stem):
        return list(kept[:2])
    return [kept[0]]


def _mark_tail_teaser(lines: list[str], rules: dict[int, str]) -> None:
    """Lines after the body that only repeat the page's opening (title, first sentences).

    Sites put a teaser of the body above their download button. It is recognised
    by what it repeats, not by its wording: walking back from the end over
    furniture, a kept line whose text recurs in the page's opening is a teaser.
    """
    kept = [i for i, ln in enumerate(lines) if ln.strip() and i not in rules]
    if len(kept) < 3:
        return
    opening_lines = kept[: max(3, len(kept) // 3)]
    tail_end = max(rules) if rules else -1
    if tail_end < kept[-1]:
        return  # nothing follows the body: no wall, no teaser
    for i in reversed(kept[1:]):
        probe = _norm(lines[i])
        if not probe:
            continue
        head = probe[:60]
        if DATE_LINE.fullmatch(probe):
            break  # a signature date may repeat the heading date; it is content
        # The opening is what comes before the line: a short page's only body line
        # would otherwise repeat itself.
        if (
            len(head) >= 8
            and i > kept[len(kept) // 2]
            and head in _opening(lines, opening_lines, i)
        ):
            rules[i] = "teaser"
        else:
            break


_OPENING = 800  # normalised characters of the opening a teaser is looked for in


def _opening(lines: list[str], opening_lines: list[int], before: int) -> str:
    """The first ``_OPENING`` normalised characters of the opening lines above ``before``.

    Normalising drops characters one by one, so the lines are normalised one at a time
    and only until there are enough: a long page's opening third was normalised whole
    for each line walked back, to keep its first 800 characters.
    """
    pieces: list[str] = []
    size = 0
    for j in opening_lines:  # in page order
        if j >= before or size >= _OPENING:
            break
        pieces.append(_norm(lines[j]))
        size += len(pieces[-1])
    return "".join(pieces)[:_OPENING]


# A site's summary over the article, under a label (本文摘要：…, 内容提要：…).
_SUMMARY = re.compile(
    r"^\W*(?:本文|文章|内容)?(?:摘要|提要|导读|导语|核心提示|简要描述|描述|简介)\W*[:：]\s*(\S.{9,})$"
)
_SUMMARY_PROBE = 20


def _mark_head_summary(lines: list[str], rules: dict[int, str]) -> None:
    """A labelled summary at the page's top that the body then repeats word for word.

    Content farms print an automatic summary (本文摘要：) made of the article's first
    sentences: it is the site's, and its figures would be counted twice. A summary
    the body does not repeat (an editor's own 导语) is the page's text and stays.
    """
    kept = [i for i, ln in enumerate(lines) if ln.strip() and i not in rules]
    for i in kept[:HEAD_LINES]:
        m = _SUMMARY.match(lines[i].strip())
        if not m:
            continue
        probe = _norm(m.group(1))[:_SUMMARY_PROBE]
        rest = _norm("".join(lines[j] for j in kept if j > i))
        if len(probe) >= _SUMMARY_PROBE // 2 and probe in rest:
            rules[i] = "teaser"
        return


def _mark_repeated_titles(lines: list[str], rules: dict[int, str]) -> None:
    """A short line repeated right below itself at the page's top (a title printed twice)."""
    kept = [i for i, ln in enumerate(lines) if ln.strip() and i not in rules][:8]
    seen: set[str] = set()
    for i in kept:
        key = _norm(lines[i])
        if not key or len(key) > 60:
            break
        if key in seen:
            rules[i] = "duplicate_title"
        seen.add(key)
