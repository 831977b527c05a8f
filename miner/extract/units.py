"""Who reports, where, when, and what kind of document: the ``documents`` metadata.

Reports name themselves mostly by self-reference (我乡, 我社区, 我局, 我校) and by
their title or signature line (中共谯城区委…办公室, 区政协…). This first version
votes among those cues. Names that follow a gazetteer place (武汉市新河街学校, 南江县红岩乡)
and names in the opening sentence are strong; the region comes from the gazetteer
(``miner.extract.places``) with the kind of mention that decided it.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass

from miner.extract.dates import date_and_year
from miner.extract.places import PlaceMention, find_places, resolve_region
from miner.segment.words import tag_pairs

# Self-references and the unit type they imply. 全县/全区 alone are not evidence:
# a township also speaks of the county's campaign.
_SELF = {
    "村": "村",
    "社区": "社区",
    "乡": "乡镇",
    "镇": "乡镇",
    "街道": "街道",
    "县": "县区",
    "区": "县区",
    "市": "地市",
    "局": "部门",
    "委": "部门",
    "办": "部门",
    "校": "学校",
    "院": "学校",
    "公司": "企业",
    "厂": "企业",
}
_SELF_REF = re.compile(r"(?:我|本)(社区|街道|公司|村|乡|镇|县|区|市|局|委|办|校|院|厂)(?![长民里])")
# A named unit starts a line, a clause or the title: "和爱乡根据实际…", "，XX乡充分借鉴…".
# Requiring that boundary keeps verbs and particles (成立了以乡…) out of names. The pattern
# takes the boundary character itself (a line start is the newline ``_named`` puts in
# front), so it opens with a character class and the regex engine skips ahead to those
# characters; a name ends in a suffix, never a boundary character, so matches still never
# share one. After the boundary, a lookahead for a suffix's first character among the
# next eleven name characters: most clause openings name no unit, and the lazy place and
# core were tried at every length before the suffixes failed (a quarter of its time).
_NAMED = re.compile(
    r"[\s，,。；;：:、“”（(》](?=[\u4e00-\u9fffXx]{1,10}?[街社学中小乡镇村局政人])"
    r"(?P<name>(?P<place>[\u4e00-\u9fff]{2,4}?(?:省|市|州|县|区))?"
    r"(?P<core>[\u4e00-\u9fffXx]{1,5}?)(?P<suffix>街道|社区|学校|中学|小学|乡|镇|村|局|政协|人大常委会|人大))"
)
# Characters that never occur inside a unit's own name: pronouns, particles, aspect marks.
_NOT_IN_NAME = frozenset("我本全该各每此其这那了以的在对与为把被将从向由于是着过们也都")
_UNIT_TYPE_OF_SUFFIX = {
    "街道": "街道",
    "社区": "社区",
    "学校": "学校",
    "中学": "学校",
    "小学": "学校",
    "幼儿园": "学校",
    "乡": "乡镇",
    "镇": "乡镇",
    "村": "村",
    "局": "部门",
    "政协": "人大政协",
    "人大": "人大政协",
    "人大常委会": "人大政协",
}
_TITLE_TYPE = (
    (re.compile(r"政协|人大"), "人大政协"),
    (re.compile(r"学校|中学|小学|幼儿园|大学|学院"), "学校"),
    (re.compile(r"局|委员会|组织部|宣传部|办公室|机关|部门|中心"), "部门"),
    (re.compile(r"公司|集团|企业|厂"), "企业"),
    (re.compile(r"社区"), "社区"),
    (re.compile(r"街道"), "街道"),
    (re.compile(r"乡镇|[乡镇](?!村)"), "乡镇"),
    (re.compile(r"村"), "村"),
    # 县/区/市 after a name, not inside a word: 园区, 小区, 辖区, 市场, 市民, 县域 are not units.
    (
        re.compile(
            r"(?<=[\u4e00-\u9fff])(?<![园景小校营片辖社城郊矿新])[县区](?![域别分块间内外])"
        ),
        "县区",
    ),
    (re.compile(r"(?<=[\u4e00-\u9fff])(?<![城超股都夜街门])市(?![场民值面容])"), "地市"),
)
_GENRES = (
    (re.compile(r"计划|打算|要点|安排"), "计划"),
    (re.compile(r"方案|实施意见|细则|办法"), "方案"),
    (re.compile(r"通知|通报"), "通知"),
    (re.compile(r"讲话|发言|致辞"), "讲话"),
    (re.compile(r"汇报|报告"), "汇报"),
    (re.compile(r"总结"), "总结"),
)
# Whole-area words (全县, 全镇): only a fallback when nothing names the unit, since a
# township also speaks of the county's campaign.
_WHOLE = re.compile(r"全(县|区|市|镇|乡|街道|社区|村|校)")
_WHOLE_TYPE = {"县": "县区", "区": "县区", "市": "地市", "镇": "乡镇", "乡": "乡镇",
               "街道": "街道", "社区": "社区", "村": "村", "校": "学校"}  # fmt: skip
# A 公文 header: a document number (…字〔2011〕53号) or an addressee line (各乡镇党委:).
# Such a document is issued by an organ, whatever the places it names.
_DOC_NUMBER = re.compile(r"[〔\[„(（]\s*(?:19|20)\d{2}\s*[〕\]‟)）]\s*\d{1,4}\s*号")
_ADDRESSEE = re.compile(r"^各[\u4e00-\u9fff()（）、,，]{2,40}[:：]\s*$", re.M)
# Placeholder names (XX乡, xx区, ××镇): kept as the unit's name, never looked up.
_PLACEHOLDER = re.compile(r"[XxＸｘ×*＊某]{1,4}")
# A unit named right after a gazetteer place: 武汉市新河街学校, 南江县红岩乡.
_AFTER_PLACE = re.compile(
    r"[\u4e00-\u9fff]{1,6}?(?:街道|社区|学校|中学|小学|幼儿园|乡|镇|村|局|政协|人大常委会)"
)
OPENING = 80  # characters of the opening sentence, where a report names itself


@dataclass(slots=True)
class DocMeta:
    unit_name: str | None = None
    unit_type: str | None = None
    region: str | None = None
    region_evidence: str | None = None
    date: str | None = None
    year: int | None = None
    genre: str | None = None


def _named(source: str) -> Iterator[tuple[int, re.Match[str]]]:
    """Named units of ``source`` with their offsets: each match of ``_NAMED`` in
    ``"\\n" + source``, where groups are read and the offset is one less."""
    for m in _NAMED.finditer("\n" + source):
        yield m.start("name") - 1, m


def describe(text: str, title: str | None) -> DocMeta:
    """Guess unit, region, date, year and genre of one article.

    Example:
        >>> m = describe("我乡严格按照要求，和爱乡领导小组……我乡", "和爱乡2011年工作总结")
        >>> m.unit_type, m.genre, m.year
        ('乡镇', '总结', 2011)
    """
    meta = DocMeta()
    meta.unit_type, sure = _unit_type(text, title)
    title_places = find_places(title, "title") if title else []
    body_places = find_places(text)
    places = title_places + body_places
    named = _named_units(text, title)
    if not sure:
        # No self-reference: a unit named in the opening (区政协认真贯彻…) says more than 全区.
        name, _ = _unit_name(text, title, None, places, named)
        suffix = next(_named(name), None) if name else None
        if suffix is not None and suffix[1].group("suffix") in _UNIT_TYPE_OF_SUFFIX:
            meta.unit_type = _UNIT_TYPE_OF_SUFFIX[suffix[1].group("suffix")]
    meta.unit_name, _ = _unit_name(text, title, meta.unit_type, places, named)
    mentions = title_places + _signature_places(text, body_places)
    if meta.unit_name and not _PLACEHOLDER.search(meta.unit_name):
        mentions += find_places(meta.unit_name, "unit_name")
    meta.region, meta.region_evidence = resolve_region(mentions)
    meta.date, meta.year = date_and_year(text, title)
    first_line = text.split("\n", 1)[0]
    # Only a title (or a short title-like first line) names the genre; a body sentence
    # mentioning 实施意见 does not make a summary a 方案.
    meta.genre = _genre(title) if title else (_genre(first_line) if len(first_line) <= 40 else None)
    if meta.genre is None:
        meta.genre = _genre_from_body(text) or ("其他" if title else None)
    return meta


_REPORT_AS = re.compile(r"现将[^。\n]{0,30}?(总结|汇报|报告|计划|方案)(?:如下|于后)")
_REPORT_GENRE = {"总结": "总结", "汇报": "汇报", "报告": "汇报", "计划": "计划", "方案": "方案"}


def _genre_from_body(text: str) -> str | None:
    """现将…汇报如下 in the opening says what the document is when no title does."""
    m = _REPORT_AS.search(text[:400])
    return _REPORT_GENRE[m.group(1)] if m else None


def _unit_type(text: str, title: str | None) -> tuple[str | None, bool]:
    """Vote among self-references and the title; fall back to 公文 headers and 全县-words.

    The flag says whether the type came from a self-reference or the title (sure) rather
    than from a fallback.
    """
    votes: Counter[str] = Counter()
    for m in _SELF_REF.finditer(text):
        votes[_SELF[m.group(1)]] += 1
    if title:
        for pattern, kind in _TITLE_TYPE:
            if pattern.search(title):
                votes[kind] += 3
                break
    if votes:
        return votes.most_common(1)[0][0], True
    head = (title or "") + "\n" + text[:300]
    if _DOC_NUMBER.search(head) or _ADDRESSEE.search(head):
        return "部门", False
    whole = Counter(_WHOLE_TYPE[m.group(1)] for m in _WHOLE.finditer(text))
    return (whole.most_common(1)[0][0] if whole else None), False


def _signature_places(text: str, body: list[PlaceMention]) -> list[PlaceMention]:
    """Body mentions, those on a short first or last line (heading, signature) upgraded."""
    lines = [(m.start(), m.end()) for m in re.finditer(r"[^\n]+", text)]
    edge = [(s, e) for s, e in lines[:2] + lines[-2:] if e - s <= 40]
    out = []
    for m in body:
        on_edge = any(s <= m.start < e for s, e in edge)
        if on_edge and m.kind in ("mention", "short_mention"):
            kind = "signature" if m.kind == "mention" else "title_short"
            m = PlaceMention(m.start, m.end, m.text, m.codes, kind)
        out.append(m)
    return out


def _genre(lead: str) -> str | None:
    """The genre a title names last: in …工作总结及2012年工作计划 the head noun is 计划."""
    best: tuple[int, str] | None = None
    for pattern, genre in _GENRES:
        for m in pattern.finditer(lead):
            if best is None or m.end() > best[0]:
                best = (m.end(), genre)
    return best[1] if best else None


# A named unit as ``_unit_name`` votes on it: (in the title, name, offset, suffix, place,
# in the title or the opening sentence).
_Named = tuple[bool, str, int, str, str | None, bool]


def _named_units(text: str, title: str | None) -> list[_Named]:
    """Every well-formed named unit of the title and the text, whatever the unit type.

    ``describe`` asks ``_unit_name`` twice when no self-reference decides the type; the
    matches (and the segmenting of each candidate) do not depend on the type, so they
    are read once and filtered by type in each call.
    """
    out: list[_Named] = []
    for in_title, source in ((True, title or ""), (False, text)):
        for start, m in _named(source):
            core, suffix = m.group("core"), m.group("suffix")
            short_ok = suffix in ("政协", "人大常委会", "人大")
            if len(core) > 4 or (len(core) < 2 and not short_ok):
                continue
            if _NOT_IN_NAME.intersection(core) or _has_function_word(core + suffix):
                continue
            opening = in_title or (start <= OPENING and not _before_in_sentence(source, start))
            out.append((in_title, m.group("name"), start, suffix, m.group("place"), opening))
    return out


def _unit_name(
    text: str,
    title: str | None,
    unit_type: str | None,
    places: list[PlaceMention] | None = None,
    named: list[_Named] | None = None,
) -> tuple[str | None, str | None]:
    """The unit's own name and its place prefix.

    A mention counts when it starts the title, a line or a clause, its core holds
    no pronoun or particle, and its suffix fits the unit type. It must recur, or
    stand in the title, the opening sentence or right after a gazetteer place
    (武汉市新河街学校): one clause-initial match deep in the body (…，要求镇、…) is too
    weak to name a unit. A county or city reporting on itself is named by the place
    that opens its title (谯城区2011年…工作总结). ``named`` is ``_named_units(text, title)``
    when the caller has it already.
    """
    votes: Counter[str] = Counter()
    strong: set[str] = set()
    first: dict[str, int] = {}
    pos: dict[str, int] = {}
    places_of: dict[str, str | None] = {}
    if named is None:
        named = _named_units(text, title)
    for in_title, name, start, suffix, prefix, opening in named:
        if unit_type and _UNIT_TYPE_OF_SUFFIX.get(suffix) != unit_type:
            continue
        votes[name] += 1
        if opening:
            strong.add(name)
        first.setdefault(name, len(first))
        pos.setdefault(name, start if not in_title else -1)
        places_of[name] = prefix
    for place in places or []:
        if place.kind == "title" or place.kind not in ("mention", "signature"):
            continue
        after = _AFTER_PLACE.match(text, place.end)
        if after is None or _NOT_IN_NAME.intersection(after.group()):
            continue
        if _has_function_word(after.group()):
            continue
        suffix = next((k for k in _UNIT_TYPE_OF_SUFFIX if after.group().endswith(k)), "")
        if unit_type and _UNIT_TYPE_OF_SUFFIX.get(suffix) != unit_type:
            continue
        name = place.text + after.group()
        votes[name] += 1
        strong.add(name)
        first.setdefault(name, -1)
        places_of[name] = place.text
    ok = [n for n in votes if votes[n] >= 2 or n in strong]
    if not ok and title and unit_type in ("县区", "地市"):
        lead = next((p for p in places or [] if p.kind == "title" and p.start == 0), None)
        if lead is not None:
            return lead.text, lead.text
    if not ok:
        return None, None
    name = max(ok, key=lambda n: (n in strong, votes[n], -first[n]))
    return name, places_of[name]


# jieba tags of words that never stand in a unit's name: verbs, prepositions, adverbs,
# distinguishers (上述), conjunctions, pronouns. One character may be part of a name (教文体局,
# 和爱乡), so only words of two characters or more are held against it.
_FUNCTION_TAGS = frozenset({"v", "p", "b", "d", "ad", "c", "r", "u"})


# Words that end in a unit suffix without naming a unit: 合理布局, 城乡, 家乡, 农村.
_NOT_UNIT_END = re.compile(r"(?:布|格|结|大|全|当|出|开|僵|骗|饭|时|政|治|际|书)局$|(?:城|家|故|下|老|同)乡$"
                           r"|(?:城|集|小)镇$|(?:农|乡|山|渔)村$")  # fmt: skip


def _has_function_word(core: str) -> bool:
    """Whether a candidate name holds a verb or particle word (展现出内乡, 支持学校, 上述地区局)
    or ends in a common word that merely ends like a unit (合理布局, 三门峡市城乡)."""
    if _NOT_UNIT_END.search(core):
        return True
    # (word, tag) pairs: a Token per word costs more than the test on it.
    return any(len(word) >= 2 and flag in _FUNCTION_TAGS for word, flag in tag_pairs(core))


def _before_in_sentence(text: str, start: int) -> bool:
    """Whether a full stop or line break comes before ``start``: the name is past the opening."""
    return bool(re.search(r"[。！？\n]", text[:start]))
