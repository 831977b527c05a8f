"""Digit tests on the figures (the ``digit_tests`` table) and the digit facts they rest on.

Counts and amounts that were measured rather than made up follow two regularities:
their first digits follow Benford's law (1 leads about 30% of the time, 9 under 5%),
and the last written digit of a number with two or more digits is near uniform. A
group of figures that strays from either is worth a look (invented, rounded or copied
numbers); it proves nothing on its own, which is why the table gives a verdict next
to the chi-square statistic, its p-value and the mean absolute deviation.

Which figures take part, and why:

- first digit (``first_digit_benford``): positive values whose unit is not a rate
  (%, ‰, 个百分点: bounded at 100, they cannot span the orders of magnitude Benford's
  law needs) and not a duration (3天, 2小时: small conventional numbers). Approximate
  figures stay in: rounding keeps the first digit.
- last digit (``last_digit_uniform``): figures written in Arabic digits with at least
  two significant digits and qualifier ``exact``; 约300人, 30余人, 不少于100人 and
  ranges are rounded on purpose and would fill the 0 cell. Rates and durations are
  left out as above (rates sit on targets such as 95% and 100%). Chinese numerals are
  left out too: 三万二千 does not say which digit was the last one measured.
- A claim stated twice in one article (same value, unit and subject) counts once.

A test is computed only where at least ``MIN_FIGURES`` (30) figures take part.
"""

from __future__ import annotations

import json
import math
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from miner.models import Article, Figure

MIN_FIGURES = 30
# Nigrini's bound for first-digit conformity: a mean absolute deviation above 0.015
# is "nonconformity" (Nigrini 2012, Benford's Law, table 7.1). No published bound
# exists for last digits; the same value is used, which over ten cells of 0.1 allows
# each digit's share to be off by 15% of its expected size on average.
MAD_LIMIT = 0.015
# Verdict p-value thresholds: below DEVIATES_P (and the MAD over its bound) the group
# deviates; below MARGINAL_P, or below DEVIATES_P with a small MAD (large groups
# make tiny deviations significant), it is marginal.
DEVIATES_P = 0.01
MARGINAL_P = 0.05
BENFORD = tuple(math.log10(1 + 1 / d) for d in range(1, 10))
UNIFORM = (0.1,) * 10
_SKIP_CLASSES = frozenset({"rate", "time"})
_ARABIC = re.compile(r"[0-9０-９][0-9０-９,，]*(?:[.．][0-9０-９]+)?")
_FULLWIDTH = str.maketrans("０１２３４５６７８９．", "0123456789.")
_SCALE = re.compile("[十百千万亿]+")


@dataclass(slots=True)
class DigitTest:
    """One row of the ``digit_tests`` table."""

    scope: str  # "corpus", "unit_type" or "unit_name"
    group_name: str  # "all" for the corpus, else the unit type or name
    test: str  # "first_digit_benford" or "last_digit_uniform"
    n: int
    chi2: float
    p_value: float
    mad: float
    verdict: str  # "conforms", "marginal" or "deviates"
    counts: str  # JSON list of observed counts per digit (1–9, or 0–9)


def written_number(raw: str) -> tuple[str, str] | None:
    """The Arabic number of a figure as written and the scale word after it.

    Returns None for figures written in Chinese numerals (三万二千人, 百分之九十五).

    Example:
        >>> written_number("21.6万元"), written_number("1,200元"), written_number("两次")
        (('21.6', '万'), ('1200', ''), None)
    """
    m = _ARABIC.match(raw)
    if m is None:
        return None
    digits = m.group().translate(_FULLWIDTH).replace(",", "").replace("，", "")
    scale = _SCALE.match(raw, m.end())
    return digits, scale.group() if scale else ""


def is_round(figure: Figure) -> bool:
    """True for a figure that ends in 0/00/000 as written or is a whole number of 万/亿.

    300人, 2920人, 30万元, 12万元 and 三十个 are round; 21.6万元, 2925人 and 十五个 are
    not. A whole number of 万/亿 counts only with at most two significant digits:
    5232亿元 is as precise as a national account gets, not a rounded sum.

    Example:
        >>> from miner.models import Figure
        >>> is_round(Figure("d", None, "30万元", 3e5, "元", "exact", None, "", 0, 4))
        True
    """
    written = written_number(figure.raw)
    if written is None:
        return figure.value >= 10 and figure.value == int(figure.value) and figure.value % 10 == 0
    digits, scale = written
    if "." in digits:
        return False
    n = int(digits)
    if scale:
        return len(str(n).rstrip("0")) <= 2
    return n >= 10 and n % 10 == 0


def first_digit(value: float) -> int | None:
    """The first significant digit of a positive value: 216000 → 2, 0.35 → 3."""
    if not value > 0 or not math.isfinite(value):
        return None
    return int(f"{value:e}"[0])


def last_digit(figure: Figure) -> int | None:
    """The last written digit of an Arabic figure with two or more significant digits.

    21.6万元 → 6, 2920人 → 0, 5人 → None (one digit), 三十人 → None (Chinese numeral).
    """
    written = written_number(figure.raw)
    if written is None:
        return None
    significant = written[0].replace(".", "").lstrip("0")
    return int(significant[-1]) if len(significant) >= 2 else None


def digit_tests(
    articles: Sequence[Article], figures: Iterable[Figure], *, grouped: bool = False
) -> list[DigitTest]:
    """Benford first-digit and last-digit uniformity tests per corpus, unit type and unit.

    Args:
        articles: the articles, for each figure's unit type and unit name.
        figures: every figure of the run.
        grouped: the figures come grouped by document, as the ``figures`` table holds
            them. A figure repeated within its document is counted once; grouped, only
            the current document's figures are remembered for that, so memory does not
            grow with the corpus (a document met again after another raises ValueError).

    Returns:
        One row per scope, group and test that has at least ``MIN_FIGURES`` figures,
        corpus first, then unit types and unit names in sorted order.
    """
    counts = DigitCounts()
    counts.add({a.doc_id: a for a in articles}, figures, grouped=grouped)
    return counts.rows()


class DigitCounts:
    """The digit counts behind ``digit_tests``, added to a part of the corpus at a time.

    Digit counts per group, not lists of digits: a group's test needs only how
    often each digit occurs, and the corpus group would hold one entry per figure.
    """

    def __init__(self) -> None:
        self.first: dict[tuple[str, str], Counter[int]] = defaultdict(Counter)
        self.last: dict[tuple[str, str], Counter[int]] = defaultdict(Counter)

    def add(
        self, by_doc: Mapping[str, Article], figures: Iterable[Figure], *, grouped: bool = False
    ) -> None:
        """Count ``figures``, whose articles ``by_doc`` holds (``digit_tests``' arguments).

        Parts must hold whole documents: a figure repeated within its document is
        counted once, and only within a part is that known.
        """
        first, last = self.first, self.last
        seen: set[tuple[str, float, str, str | None]] = set()
        current: str | None = None
        done: set[str] = set()
        for f in figures:
            if grouped and f.doc_id != current:
                if f.doc_id in done:
                    raise ValueError(f"figures of {f.doc_id} are not grouped by document")
                if current is not None:
                    done.add(current)
                current = f.doc_id
                seen.clear()
            key = (f.doc_id, f.value, f.unit, f.subject)
            if f.unit_class in _SKIP_CLASSES or key in seen:
                continue
            seen.add(key)
            article = by_doc.get(f.doc_id)
            groups = [("corpus", "all")]
            if article is not None and article.unit_type:
                groups.append(("unit_type", article.unit_type))
            if article is not None and article.unit_name:
                groups.append(("unit_name", article.unit_name))
            d1 = first_digit(f.value)
            dn = last_digit(f) if f.qualifier == "exact" else None
            for g in groups:
                if d1 is not None:
                    first[g][d1] += 1
                if dn is not None:
                    last[g][dn] += 1

    def rows(self) -> list[DigitTest]:
        """The tests of every group counted, corpus first, then unit types and unit names."""
        first, last = self.first, self.last
        rows: list[DigitTest] = []
        order = {"corpus": 0, "unit_type": 1, "unit_name": 2}
        for g in sorted(set(first) | set(last), key=lambda g: (order[g[0]], g[1])):
            if first[g].total() >= MIN_FIGURES:
                rows.append(_test(g, "first_digit_benford", first[g], range(1, 10), BENFORD))
            if last[g].total() >= MIN_FIGURES:
                rows.append(_test(g, "last_digit_uniform", last[g], range(10), UNIFORM))
        return rows


def _test(
    group: tuple[str, str],
    name: str,
    digits: Counter[int],
    cells: range,
    expected: tuple[float, ...],
) -> DigitTest:
    """Chi-square goodness of fit, p-value and MAD of the ``digits`` counted against ``expected``."""
    n = digits.total()
    counts = [digits[d] for d in cells]
    chi2 = sum((o - n * e) ** 2 / (n * e) for o, e in zip(counts, expected, strict=True))
    mad = sum(abs(o / n - e) for o, e in zip(counts, expected, strict=True)) / len(cells)
    p = chi2_sf(chi2, len(cells) - 1)
    return DigitTest(
        scope=group[0],
        group_name=group[1],
        test=name,
        n=n,
        chi2=round(chi2, 6),
        p_value=round(p, 6),
        mad=round(mad, 6),
        verdict=verdict(p, mad),
        counts=json.dumps(counts),
    )


def verdict(p_value: float, mad: float) -> str:
    """conforms, marginal or deviates, from the p-value with the MAD as a guard.

    A small group needs a small p-value to deviate; a large one also needs a MAD
    over ``MAD_LIMIT``, because with thousands of figures a chi-square test calls
    the slightest deviation significant.

    Example:
        >>> verdict(0.2, 0.03), verdict(0.001, 0.03), verdict(0.001, 0.005)
        ('conforms', 'deviates', 'marginal')
    """
    if p_value < DEVIATES_P and mad > MAD_LIMIT:
        return "deviates"
    if p_value < MARGINAL_P:
        return "marginal"
    return "conforms"


def chi2_sf(x: float, df: int) -> float:
    """Upper-tail probability of a chi-square statistic (the test's p-value).

    scipy, which scikit-learn brings along, computes it; the closed forms for integer
    degrees of freedom stand in where scipy is missing. ``scipy.special.chdtrc`` is what
    ``scipy.stats.chi2.sf`` computes (its ``_sf``) for a statistic, which is never
    negative; importing ``scipy.stats`` for it took half a second of every run.
    """
    try:
        from scipy.special import chdtrc
    except ImportError:  # pragma: no cover - scipy comes with scikit-learn
        return chi2_sf_exact(x, df)
    return float(chdtrc(df, x))


def chi2_sf_exact(x: float, df: int) -> float:
    """Closed-form chi-square upper tail for integer ``df`` (no scipy needed).

    Even df: exp(-x/2) Σ (x/2)^k / k!; odd df: erfc(√(x/2)) plus the odd-term series.

    Example:
        >>> round(chi2_sf_exact(3.84146, 1), 4), round(chi2_sf_exact(15.5073, 8), 4)
        (0.05, 0.05)
    """
    if x <= 0:
        return 1.0
    half = x / 2
    if df % 2 == 0:
        term, total = 1.0, 1.0
        for k in range(1, df // 2):
            term *= half / k
            total += term
        return min(1.0, math.exp(-half) * total)
    total = math.erfc(math.sqrt(half))
    term = math.sqrt(2 * x / math.pi) * math.exp(-half)
    for k in range(1, (df + 1) // 2):
        total += term
        term *= x / (2 * k + 1)
    return min(1.0, total)
