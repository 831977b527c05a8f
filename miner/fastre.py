"""Faster cue alternations: a first-character lookahead in front of a compiled pattern.

Cleaning runs a few dozen long alternations of cue words (素材库|代笔|客服|…) over
every line of every page. Python's ``re`` tries each alternative at each position, so
a line without any cue costs (alternatives × characters). Most positions start with a
character no alternative can start with; a lookahead on the set of possible first
characters, ``(?=[素代客…])``, lets the engine skip them with one class test. Measured
on the lines of ``../shared/corpus/real``: about 3× faster for the cue lists.

The set is read off the parsed pattern. Where it cannot be worked out (an alternative
that may start with any character, or match the empty string), the pattern is
returned unchanged, so the result always matches exactly what the original matches.
Alternatives anchored with ``^`` are kept by letting position 0 through as well.
"""

from __future__ import annotations

import re
from re import _constants as sre  # type: ignore[attr-defined]
from re import _parser as sre_parse  # type: ignore[attr-defined]
from typing import Any

_CATEGORIES = {
    sre.CATEGORY_DIGIT: r"\d",
    sre.CATEGORY_NOT_DIGIT: r"\D",
    sre.CATEGORY_SPACE: r"\s",
    sre.CATEGORY_NOT_SPACE: r"\S",
    sre.CATEGORY_WORD: r"\w",
    sre.CATEGORY_NOT_WORD: r"\W",
}


class _UnknownFirstError(Exception):
    """The first characters of this piece cannot be listed."""


class _First:
    """Class items that can start a match, and whether a ``^`` branch exists."""

    def __init__(self) -> None:
        self.items: set[str] = set()
        self.anchored = False


def _escape(code: int) -> str:
    return re.escape(chr(code))


def _seq(items: Any, out: _First) -> bool:
    """Add the first characters of a sequence; True when it can match empty."""
    for op, av in items:
        if op is sre.AT:
            if av in (sre.AT_BEGINNING, sre.AT_BEGINNING_STRING):
                out.anchored = True
                return False  # only position 0: the guard lets it through
            continue  # \b, $ … consume nothing
        if op in (sre.ASSERT, sre.ASSERT_NOT):
            continue  # a lookaround consumes nothing; the next item decides
        if not _one(op, av, out):
            return False
    return True


def _group(av: Any) -> Any:
    """A group's items; a group with its own flags ((?i:…)) cannot be guarded from outside."""
    if av[1] or av[2]:
        raise _UnknownFirstError
    return av[-1]


def _one(op: Any, av: Any, out: _First) -> bool:
    """Add the first characters of one item; True when it can match empty."""
    if op is sre.LITERAL:
        out.items.add(_escape(av))
        return False
    if op is sre.IN:
        for o, a in av:
            if o is sre.LITERAL:
                out.items.add(_escape(a))
            elif o is sre.RANGE:
                lo, hi = a
                out.items.add(f"{_escape(lo)}-{_escape(hi)}")
            elif o is sre.CATEGORY and a in _CATEGORIES:
                out.items.add(_CATEGORIES[a])
            else:
                raise _UnknownFirstError  # a negated class or an unusual item
        return False
    if op is sre.BRANCH:
        empty = False
        for branch in av[1]:
            empty |= _seq(branch, out)
        return empty
    if op is sre.SUBPATTERN:
        return _seq(_group(av), out)
    if op in (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT):
        low, _high, item = av
        return _seq(item, out) or low == 0
    if op is sre.ATOMIC_GROUP:
        return _seq(av, out)
    raise _UnknownFirstError  # ANY (.), backreferences, conditionals


# A pair's second character when it may be any (or there may be none: a match of one).
_ANY_NEXT = None


def _pairs(items: Any) -> list[tuple[set[str], set[str] | None]]:
    """The first two characters of each way a sequence can start, as class items.

    Each entry is (the first character's items, the second's, or ``_ANY_NEXT``). Raises
    ``_UnknownFirstError`` where the first character cannot be listed or the sequence may
    match the empty string; ``^`` too, since it admits position 0 whatever follows.
    """
    for k, (op, av) in enumerate(items):
        if op is sre.AT:
            if av in (sre.AT_BEGINNING, sre.AT_BEGINNING_STRING):
                raise _UnknownFirstError
            continue
        if op in (sre.ASSERT, sre.ASSERT_NOT):
            continue
        rest = list(items[k + 1 :])
        if op is sre.SUBPATTERN:
            return _pairs(list(_group(av)) + rest)
        if op is sre.BRANCH:
            return [pair for branch in av[1] for pair in _pairs(list(branch) + rest)]
        first = _First()
        if _one(op, av, first):
            raise _UnknownFirstError  # an optional first item: the next one may start
        if op not in (sre.LITERAL, sre.IN):
            return [(first.items, _ANY_NEXT)]  # a repeat: what follows it is not the rest
        second = _First()
        try:
            if _seq(rest, second) or second.anchored or not second.items:
                return [(first.items, _ANY_NEXT)]  # the match may end after one character
        except _UnknownFirstError:
            return [(first.items, _ANY_NEXT)]
        return [(first.items, second.items)]
    raise _UnknownFirstError  # nothing consumed: it may match the empty string


def _pair_guard(pattern: re.Pattern[str]) -> str | None:
    """A lookahead on the first two characters, where every branch's can be listed.

    ``(?=[a…]|[b…][c…])``: the first characters of the branches whose second may be any,
    or those of the others followed by one of their second characters. Most positions
    where a cue word's first character stands (一, 上, 会 are in most lines) are not
    followed by any cue's second character; the regex engine rules them out in C.
    """
    try:
        pairs = _pairs(list(sre_parse.parse(pattern.pattern, pattern.flags)))
    except _UnknownFirstError:
        return None
    alone: set[str] = set()
    firsts: set[str] = set()
    seconds: set[str] = set()
    for first, second in pairs:
        if second is _ANY_NEXT:
            alone |= first
        else:
            firsts |= first
            seconds |= second
    if not firsts:
        return None  # no pair is known: the first character alone decides
    pair = f"[{''.join(sorted(firsts))}][{''.join(sorted(seconds))}]"
    if not alone:
        return f"(?={pair})"
    # The first character's class alone comes first: it rules out most positions with one
    # test, where the two options would take two.
    return f"(?=[{''.join(sorted(alone | firsts))}])(?=[{''.join(sorted(alone))}]|{pair})"


def prefiltered(pattern: re.Pattern[str]) -> re.Pattern[str]:
    """The same pattern behind a lookahead on its first characters, or itself when none
    is safe.

    Where every way the pattern can start gives its first character and, unless the match
    may end there, its second, the lookahead tests both (``_pair_guard``); otherwise the
    first alone.

    Example:
        >>> prefiltered(re.compile("素材库|客服")).pattern
        '(?=[客素][服材])(?:素材库|客服)'
        >>> prefiltered(re.compile("^点击|客服")).pattern
        '(?:^|(?=[客点]))(?:^点击|客服)'
        >>> prefiltered(re.compile(".{0,2}在看")).pattern  # may start anywhere
        '.{0,2}在看'
    """
    # Flags carry over to the guard: under IGNORECASE its class folds case like the
    # literals it came from, and under MULTILINE its ^ passes wherever theirs can.
    first = _First()
    try:
        if _seq(sre_parse.parse(pattern.pattern, pattern.flags), first):
            return pattern  # it can match the empty string anywhere
    except _UnknownFirstError:
        return pattern
    if not first.items:
        return pattern
    cls = "".join(sorted(first.items))
    guard = f"(?:^|(?=[{cls}]))" if first.anchored else _pair_guard(pattern) or f"(?=[{cls}])"
    fast = re.compile(f"{guard}(?:{pattern.pattern})", pattern.flags)
    ORIGINAL[fast] = pattern
    return fast


# Each guarded pattern's original, for tests that check the two agree.
ORIGINAL: dict[re.Pattern[str], re.Pattern[str]] = {}


def any_of(*needles: str) -> re.Pattern[str]:
    """Words one of which a costlier test needs, searched first as one alternation.

    A rule that needs 小编 or 以下 (or one of a few bullets) is skipped on most lines by
    this search alone; literal alternatives run in C, with no pattern of their own.
    """
    return re.compile("|".join(map(re.escape, needles)))
