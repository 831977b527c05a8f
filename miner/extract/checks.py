"""Figures that deserve a second look (the ``checks`` table).

A check never says a figure is false; it points a person at claims that are
impossible (a share over 100%, a part larger than its whole), self-contradictory,
repeated, copied from another unit's report, missing, or suspiciously round.

Per article (``document_checks``):

- ``percent_over_100``: a share above 100%, unless the sentence speaks of growth or
  of a ratio that may exceed 100% (增长150%, 完成预算的121%, 速率);
- ``same_subject_different_value``: one subject and unit, in different sentences, with
  values no reading of their qualifiers reconciles (约300人 and 298人 agree);
- ``repeated_within_document``: the same claim twice (a pasted paragraph);
- ``part_exceeds_total``: 农村党员 larger than 党员;
- ``missing_number``: a measure word whose number is gone (``missing.py``);
- ``round_numbers``: more round figures than the habit of rounding explains.

Across articles (``corpus_checks``): ``repeated_in_other_documents``, the same claim
in reports of different units.
"""

from __future__ import annotations

import bisect
import json
import math
import re
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from miner.extract.digits import is_round, written_number
from miner.extract.missing import missing_numbers
from miner.extract.qualifiers import bounds
from miner.models import Article, Check, Figure
from miner.segment.words import tag_pairs

# A share cannot exceed 100%; a growth rate, a completion rate or a speed can.
_NOT_A_SHARE = re.compile(
    "增|涨|升|降|提高|提升|翻|同比|环比|上年|去年|完成|超|变动|相当于|倍|速|效率|频率|功率|"
    "利率|汇率|税率|费率|收益|回报|利润|产出|容积|溢价|负债|预算|计划|赔"
)
# Subjects every project has: their values differ from project to project by design.
_GENERIC_SUBJECTS = frozenset(
    {"资金", "投资", "经费", "金额", "资金投入", "问题", "工作", "活动", "项目", "国家"}
)
_CLAUSE_MARKS = "，,、；;：:。！？!?\n（(）)“”《》"
_CLAUSE_MARK = re.compile(f"[{re.escape(_CLAUSE_MARKS)}]")
_CLAUSE_END = re.compile("[。；;！？!?\n]")  # where the clause a total is stated in starts
_LEAD = 4  # characters of a clause before a figure that make up its wording
_TAIL = 4  # characters after it
_MIN_WORDING = 3  # a wording shorter than this (党员 + number) repeats by chance
# A round or small value repeats between different statements (入学率达100%); it
# counts as stated twice only when this many characters before it match too.
_CONTEXT = 10
# A figure stated as a whole: 共有党员1200名, 全镇党员, 现辖22个乡镇.
# 共/累计 alone total an activity (共组织108名教师参加), not a population.
_TOTAL_CUE = re.compile("共有|总数|总共有|全[镇乡村区县市省街社校局系]|现有|辖")
_TOTAL_WINDOW = 12
_WIDENING = ("全", "总", "所有", "累计", "合计")
# Two values of one subject closer than this ratio read as one count stated twice
# with a change (党员424名 … 党员425名); further apart, as different groups of it.
_CLOSE_RATIO = 1.25
_CLOSE_MIN = 20  # small counts (4个 and 5个) differ by one all the time
_YEAR = re.compile(r"(?:19|20)\d\d年|[〇零一二三四五六七八九]{4}年|[0-9]{1,2}月")
_COMPARED = re.compile("去年|上年|同期|同比|环比|增长|增加|减少|下降|提高|由.{1,12}到")
# The same persons counted in 人, 名 or 位.
_PERSONS = frozenset({"人", "名", "位"})
# same_subject_different_value: the most figures of one subject and unit in one
# article of ../shared/corpus/real is 39 (国家, a generic subject), 18 otherwise; a
# subject counted more often than this is a table's column, not one count restated.
_MAX_RESTATED = 100
# round_numbers: the share of round figures among exact figures of 10 or more (rates
# and durations aside) across ../shared/corpus/real, 6,058 figures in 2,435 texts;
# the seeds give 0.46. An article is reported when its count of round figures is
# above this habit at the 1% level (one-sided binomial test), with at least
# ROUND_MIN_FIGURES figures: 9 of 10 round, 15 of 20, 21 of 30. On the real corpus
# that is 19 of the 132 articles with ten such figures or more.
ROUND_BASE_RATE = 0.45
ROUND_MIN_FIGURES = 10
ROUND_P = 0.01


def document_checks(article: Article, figures: Sequence[Figure]) -> list[Check]:
    """Checks within one article, in a fixed order.

    Args:
        article: the article (its text locates missing numbers and wording).
        figures: the article's figures, in text order.
    """
    doc, text = article.doc_id, article.text
    return [
        *_percent_over_100(doc, figures),
        *_same_subject_different_value(doc, figures),
        *_repeated_within_document(doc, figures, text),
        *_part_exceeds_total(doc, figures, text),
        *_missing_number(doc, text),
        *_round_numbers(doc, figures),
    ]


def corpus_checks(articles: Sequence[Article], figures: Iterable[Figure]) -> list[Check]:
    """``repeated_in_other_documents``: one claim in the reports of different units.

    A claim is the same subject, value and unit, or (for figures without a subject)
    the same wording around the number. Only values with three significant digits
    count (2920人, 21.6万元, 10.9%): across thousands of reports, two-digit values
    (56个民族, 45个国家) and round ones recur by chance, and so do durations (24小时).
    Two articles belong to different units when their unit names differ, or when
    either has none.
    """
    texts = {a.doc_id: a.text for a in articles}
    return corpus_checks_by_part(articles, [(texts, figures)])


def corpus_checks_by_part(
    articles: Sequence[Article], parts: Iterable[tuple[Mapping[str, str], Iterable[Figure]]]
) -> list[Check]:
    """``corpus_checks`` over the corpus a part at a time (a partitioned run's layout).

    Each part is the texts of some articles (doc id → text) and the figures of those
    articles; ``articles`` need only their ids and unit names. Only the wording of
    figures without a subject reads a text, so a large corpus's texts never need to
    be held at once: the result is ``corpus_checks`` of every article and figure.
    """
    by_doc = {a.doc_id: a for a in articles}
    # Per claim, the first figure's raw text, then the doc id and start of each figure
    # in one flat list: figures of a large corpus as objects were most of this step's memory.
    claims: dict[tuple[object, ...], list[Any]] = {}
    for texts, figures in parts:
        for f in figures:
            key = claim_key(f, texts)
            if key is None:
                continue
            held = claims.get(key)
            if held is None:
                claims[key] = [f.raw, f.doc_id, f.start]
            else:
                held += (f.doc_id, f.start)
    out: list[Check] = []
    for key, held in sorted(claims.items(), key=lambda kv: str(kv[0])):
        raw, found = held[0], list(zip(held[1::2], held[2::2], strict=True))
        docs = sorted({d for d, _ in found})
        if len(docs) < 2 or not _different_units([by_doc.get(d) for d in docs]):
            continue
        out.extend(repeated_checks(claim_label(key, raw), docs, found))
    return out


def claim_key(f: Figure, texts: Mapping[str, str]) -> tuple[object, ...] | None:
    """The claim ``f`` states, as ``corpus_checks`` groups figures (None: one that never counts).

    ``texts`` holds the text of ``f``'s article, which the wording of a figure
    without a subject is read from.
    """
    if not _distinctive(f, min_digits=3) or f.unit_class == "time":
        return None
    if f.subject:
        return ("subject", f.subject, f.value, f.unit)
    text = texts.get(f.doc_id)
    wording = _wording(f, text) if text is not None else None
    if not wording:
        return None
    return ("wording", *wording)


def claim_label(key: tuple[object, ...], raw: str) -> str:
    """How a check names a claim: its subject and first figure, or its quoted wording."""
    return f"{key[1]} {raw}" if key[0] == "subject" else _quoted(key[1:])


def repeated_checks(
    label: str, docs: Sequence[str], found: Iterable[tuple[str, int]]
) -> list[Check]:
    """A ``repeated_in_other_documents`` check per article of ``docs`` (sorted, distinct).

    ``found`` holds the (doc id, start) of every figure stating the claim.
    """
    starts: dict[str, set[int]] = defaultdict(set)
    for d, start in found:
        starts[d].add(start)
    out: list[Check] = []
    for doc in docs:
        others = [d for d in docs if d != doc]
        out.append(
            Check(
                "repeated_in_other_documents",
                doc,
                f"{label} also in {', '.join(others[:5])}"
                + (f" and {len(others) - 5} more" if len(others) > 5 else ""),
                json.dumps(sorted(starts[doc])),
            )
        )
    return out


# -- per-article checks --------------------------------------------------------------


def _percent_over_100(doc: str, figures: Sequence[Figure]) -> list[Check]:
    out: list[Check] = []
    for f in figures:
        if f.unit == "%" and f.value > 100 and not _NOT_A_SHARE.search(f.sentence):
            detail = f"{f.raw}: a share above 100% in “{_short(f.sentence)}”"
            out.append(Check("percent_over_100", doc, detail, _starts([f])))
    return out


def _same_subject_different_value(doc: str, figures: Sequence[Figure]) -> list[Check]:
    """Values of one subject that cannot both hold, stated in different sentences.

    A report names many groups of one kind (学校 11所 built, 20所 repaired), so a
    difference alone means little. Flagged are values that read as one count stated
    twice with a change (党员424名 … 党员442名): 20 or more, within ``_CLOSE_RATIO`` of
    each other, and no words of time or comparison around them (``_restated``).
    Within one sentence, different values list different things (新建学校11所、改造
    学校20所); rates are left out, as reports compare a rate over time (入学率由98%
    提高到100%). Qualifiers are read as bounds: 约300人 and 298人 agree. A subject
    with more than ``_MAX_RESTATED`` figures is a table's column, not a count stated
    twice, and is left alone (which also keeps the pairwise comparison bounded).
    """
    groups: dict[tuple[str, str], list[Figure]] = defaultdict(list)
    for f in figures:
        if f.subject and f.subject not in _GENERIC_SUBJECTS and f.unit_class != "rate":
            groups[(f.subject, _unit_key(f.unit))].append(f)
    out: list[Check] = []
    for (subject, _), group in sorted(groups.items()):
        if len(group) > _MAX_RESTATED:
            continue
        clash: set[int] = set()
        for i, a in enumerate(group):
            for b in group[i + 1 :]:
                if a.sentence != b.sentence and _disjoint(a, b) and _restated(a, b):
                    clash.update((id(a), id(b)))
        if clash:
            involved = [f for f in group if id(f) in clash]
            shown = "、".join(dict.fromkeys(f.raw for f in involved))
            out.append(
                Check(
                    "same_subject_different_value",
                    doc,
                    f"{subject}: {shown}",
                    _starts(involved),
                )
            )
    return out


def _repeated_within_document(doc: str, figures: Sequence[Figure], text: str) -> list[Check]:
    """The same claim stated twice: the same ten characters before the figure and the
    figure itself, or, for a distinctive value (``_distinctive``), the same value, unit
    and qualifier with either the same subject or the same words just before it (which
    also catches figures without a subject: 共访困难户2920人 … 共访困难户2920人)."""
    parent = list(range(len(figures)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    keys: dict[tuple[object, ...], int] = {}
    wordings = [_wording(f, text) for f in figures]
    contexts = [_context(f, text) for f in figures]
    for i, f in enumerate(figures):
        claim = (f.value, f.unit, f.qualifier)
        own: list[tuple[object, ...]] = [("context", contexts[i])]
        if _distinctive(f):
            if f.subject:
                own.append(("subject", f.subject, *claim))
            if wordings[i]:
                own.append(("wording", *claim, *(wordings[i] or ())))
        for key in own:
            if key in keys:
                parent[find(i)] = find(keys[key])
            else:
                keys[key] = i
    clusters: dict[int, list[int]] = defaultdict(list)
    for i in range(len(figures)):
        clusters[find(i)].append(i)
    out: list[Check] = []
    for members in clusters.values():
        if len(members) < 2:
            continue
        group = [figures[i] for i in members]
        wording = wordings[members[0]]
        same_words = all(contexts[i] == contexts[members[0]] for i in members) or (
            wording is not None and all(wordings[i] == wording for i in members)
        )
        if group[0].subject:
            what = f"{group[0].subject} {group[0].raw}"
        else:
            what = f"“{''.join(wording or ('', group[0].raw, ''))}”"
        how = "in the same words" if same_words else "again"
        detail = f"{what} stated {len(group)} times ({how})"
        out.append(Check("repeated_within_document", doc, detail, _starts(group)))
    return out


def _part_exceeds_total(doc: str, figures: Sequence[Figure], text: str) -> list[Check]:
    """A subject that qualifies another (农村党员 ⊂ 党员) with a larger value.

    Chinese noun phrases put the head last, so a subject that ends with another and
    adds modifiers before it (not a verb: 解决问题 is no part of 问题) names a part of
    it. The whole must be stated as one (共有党员1200名, 全镇党员, 合计), in the same
    paragraph: a bare 党组织8个 is often a group itself (优秀党组织8个, its modifier
    lost). A part is compared with the nearest whole of its head before and after it,
    the whole it is most likely a part of; so the work stays linear even on a page
    that is one paragraph of thousands of figures. Rates (a part's rate may exceed
    the whole's) and durations are left out.
    """
    usable = [f for f in figures if f.subject and f.unit_class not in ("rate", "time")]
    breaks = [m.start() for m in re.finditer("\n", text)]
    para = {id(f): bisect.bisect_right(breaks, f.start) for f in usable}
    # Wholes by paragraph, unit and subject, in text order.
    wholes: dict[tuple[int, str, str], list[Figure]] = defaultdict(list)
    for f in usable:
        if len(f.subject or "") >= 2 and _stated_as_total(f, text):
            wholes[(para[id(f)], _unit_key(f.unit), f.subject or "")].append(f)
    starts = {key: [w.start for w in found] for key, found in wholes.items()}
    narrows: dict[str, bool] = {}
    pairs: dict[tuple[int, int], tuple[Figure, Figure]] = {}
    order = {id(f): i for i, f in enumerate(usable)}
    for part in usable:
        p = part.subject or ""
        for cut in range(1, len(p) - 1):
            key = (para[id(part)], _unit_key(part.unit), p[cut:])
            found = wholes.get(key)
            if not found:
                continue
            if p[:cut] not in narrows:
                narrows[p[:cut]] = _modifies(p[:cut])
            if not narrows[p[:cut]]:
                continue
            at = bisect.bisect_left(starts[key], part.start)
            for total in found[max(0, at - 1) : at + 1]:
                pairs[(order[id(total)], order[id(part)])] = (total, part)
    out: list[Check] = []
    for _, (total, part) in sorted(pairs.items()):
        if bounds(part)[0] > bounds(total)[1]:
            detail = f"{part.subject} {part.raw} is more than {total.subject} {total.raw}"
            out.append(Check("part_exceeds_total", doc, detail, _starts([part, total])))
    return out


def _missing_number(doc: str, text: str) -> list[Check]:
    out: list[Check] = []
    for m in missing_numbers(text):
        context = text[max(0, m.start - 12) : m.end + 6].replace("\n", " ")
        detail = f"no number before {m.unit} at {m.start}: “{context}”"
        out.append(Check("missing_number", doc, detail, "[]"))
    return out


def _round_numbers(doc: str, figures: Sequence[Figure]) -> list[Check]:
    """More round figures than ``ROUND_BASE_RATE`` explains (binomial test)."""
    eligible = [
        f
        for f in figures
        if f.qualifier == "exact" and f.value >= 10 and f.unit_class not in ("rate", "time")
    ]
    n = len(eligible)
    if n < ROUND_MIN_FIGURES:
        return []
    round_ = [f for f in eligible if is_round(f)]
    p = binomial_tail(len(round_), n, ROUND_BASE_RATE)
    if p >= ROUND_P:
        return []
    detail = (
        f"{len(round_)} of {n} exact figures are round ({len(round_) / n:.0%}; "
        f"usual share {ROUND_BASE_RATE:.0%}, p = {p:.2g})"
    )
    return [Check("round_numbers", doc, detail, _starts(round_))]


# -- helpers -------------------------------------------------------------------------


def binomial_tail(k: int, n: int, p: float) -> float:
    """P(X ≥ k) for X ~ Binomial(n, p), summed term by term in log space.

    Log space because ``math.comb(n, i)`` overflows a float once n passes about a
    thousand, and one hostile page (a 50 MB line of figures) holds millions of figures.

    Example:
        >>> round(binomial_tail(10, 10, 0.5), 6)
        0.000977
    """
    if k <= 0:
        return 1.0
    if k > n:
        return 0.0
    if p <= 0.0 or p >= 1.0:
        return 1.0 if p >= 1.0 else 0.0
    log_p, log_q, log_n = math.log(p), math.log1p(-p), math.lgamma(n + 1)
    terms: list[float] = []
    running = 0.0
    for i in range(k, n + 1):
        term = math.exp(
            log_n - math.lgamma(i + 1) - math.lgamma(n - i + 1) + i * log_p + (n - i) * log_q
        )
        terms.append(term)
        running += term
        # Past the mode the terms only shrink; once they no longer count, stop.
        if i > n * p and term < 1e-17 * running:
            break
    return min(1.0, math.fsum(terms))


def _distinctive(f: Figure, min_digits: int = 2) -> bool:
    """A value unlikely to recur by chance: 10 or more, with ``min_digits`` significant digits.

    With two, 2920人, 424名, 21.6万元 are distinctive; 3个, 10万元, 100%, 三十人 are not.
    """
    if f.value < 10 or f.qualifier == "range":
        return False
    written = written_number(f.raw)
    digits = written[0] if written else f"{f.value:.0f}"
    significant = digits.replace(".", "").strip("0")
    return len(significant) >= min_digits


def _wording(f: Figure, text: str) -> tuple[str, str, str] | None:
    """The words right around a figure: clause text before it, the figure, a few after.

    None when there are fewer than ``_MIN_WORDING`` characters around it.
    """
    # What follows the last clause mark before the figure, and what precedes the first
    # one after it: one split in C each, where a search per mark cost 23 calls.
    lead = _CLAUSE_MARK.split(text[max(0, f.start - _LEAD) : f.start])[-1]
    tail = _CLAUSE_MARK.split(text[f.end : f.end + _TAIL], 1)[0]
    if len(lead) + len(tail) < _MIN_WORDING:
        return None
    return lead, f.raw, tail


def _context(f: Figure, text: str) -> tuple[str, str, str]:
    """The ``_CONTEXT`` characters before a figure, the figure, and the rest of its clause
    (at most ``_TAIL`` characters): what a pasted sentence repeats exactly."""
    tail = _CLAUSE_MARK.split(text[f.end : f.end + _TAIL], 1)[0]
    return text[max(0, f.start - _CONTEXT) : f.start], f.raw, tail


def _unit_key(unit: str) -> str:
    """Units that count the same thing compare directly: 人, 名 and 位 are persons."""
    return "persons" if unit in _PERSONS else unit


def _restated(a: Figure, b: Figure) -> bool:
    """Two values that read as one count stated twice: within ``_CLOSE_RATIO`` of each
    other, in sentences that do not speak of different times (2019年 … 2020年, 比上年):
    a series is no contradiction."""
    if _times(a.sentence) != _times(b.sentence) or _COMPARED.search(a.sentence + b.sentence):
        return False
    low, high = sorted((a.value, b.value))
    return low >= _CLOSE_MIN and high / low <= _CLOSE_RATIO


def _times(sentence: str) -> set[str]:
    return set(_YEAR.findall(sentence))


def _stated_as_total(f: Figure, text: str) -> bool:
    """共有党员1200名, 全镇党员1200名: a cue for a whole in the clause before the figure."""
    lead = _CLAUSE_END.split(text[max(0, f.start - _TOTAL_WINDOW) : f.start])[-1]
    return bool(_TOTAL_CUE.search(lead))


def _modifies(prefix: str) -> bool:
    """True when the words before a shared head narrow it (农村, 女, 优秀).

    A verb governs the head instead (解决问题), and 全/总/所有 widen it (全国职工).
    """
    if prefix.startswith(_WIDENING):
        return False
    # (word, tag) pairs: a Token per word costs more than the test on it.
    return all(not flag.startswith("v") or flag == "vn" for _, flag in tag_pairs(prefix))


def _disjoint(a: Figure, b: Figure) -> bool:
    """True when no value satisfies both claims (their bounds do not overlap)."""
    lo_a, hi_a = bounds(a)
    lo_b, hi_b = bounds(b)
    return hi_a < lo_b or hi_b < lo_a


def _different_units(articles: Sequence[Article | None]) -> bool:
    names = [a.unit_name if a else None for a in articles]
    if any(name is None for name in names):
        return True
    return len(set(names)) > 1


def _quoted(parts: Sequence[object]) -> str:
    return "“" + "".join(map(str, parts)) + "”"


def _short(sentence: str, size: int = 60) -> str:
    return sentence if len(sentence) <= size else sentence[:size] + "…"


def _starts(figs: Iterable[Figure]) -> str:
    return json.dumps(sorted({f.start for f in figs}))
