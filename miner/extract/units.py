"""Who reports, where, when, and what kind of document: the ``documents`` metadata.

Reports name themselves mostly by self-reference (我乡, 我社区, 我局, 我校) and by
their title or signature line (中共谯城区委…办公室, 区政协…). This first version
votes among those cues; a gazetteer-backed region lookup comes later.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

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
# Requiring that boundary keeps verbs and particles (成立了以乡…) out of names.
_NAMED = re.compile(
    r"(?:^|(?<=[\s，,。；;：:、“”（(》]))(?P<name>(?P<place>[\u4e00-\u9fff]{2,4}?(?:省|市|州|县|区))?"
    r"(?P<core>[\u4e00-\u9fffXx]{1,5}?)(?P<suffix>街道|社区|学校|中学|小学|乡|镇|村|局|政协|人大常委会|人大))",
    re.M,
)
# Characters that never occur inside a unit's own name: pronouns, particles, aspect marks.
_NOT_IN_NAME = frozenset("我本全该各每此其这那了以的在对与为把被将从向由于是着过们")
_UNIT_TYPE_OF_SUFFIX = {
    "街道": "街道",
    "社区": "社区",
    "学校": "学校",
    "中学": "学校",
    "小学": "学校",
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
    (re.compile(r"[县区](?!域)"), "县区"),
    (re.compile(r"市"), "地市"),
)
_GENRES = (
    (re.compile(r"计划|打算|要点|安排"), "计划"),
    (re.compile(r"方案|实施意见|细则|办法"), "方案"),
    (re.compile(r"通知|通报"), "通知"),
    (re.compile(r"讲话|发言|致辞"), "讲话"),
    (re.compile(r"汇报|报告"), "汇报"),
    (re.compile(r"总结"), "总结"),
)
_DATE = re.compile(r"((?:19|20)\d{2})\s*年\s*(\d{1,2})\s*月\s*(?:(\d{1,2})\s*日)?")
_YEAR = re.compile(r"((?:19|20)\d{2})\s*年")


@dataclass(slots=True)
class DocMeta:
    unit_name: str | None = None
    unit_type: str | None = None
    region: str | None = None
    date: str | None = None
    year: int | None = None
    genre: str | None = None


def describe(text: str, title: str | None) -> DocMeta:
    """Guess unit, region, date, year and genre of one article.

    Example:
        >>> m = describe("我乡严格按照要求，和爱乡领导小组……我乡", "和爱乡2011年工作总结")
        >>> m.unit_type, m.genre, m.year
        ('乡镇', '总结', 2011)
    """
    meta = DocMeta()
    votes: Counter[str] = Counter()
    for m in _SELF_REF.finditer(text):
        votes[_SELF[m.group(1)]] += 1
    if title:
        for pattern, kind in _TITLE_TYPE:
            if pattern.search(title):
                votes[kind] += 3
                break
    if votes:
        meta.unit_type = votes.most_common(1)[0][0]
    meta.unit_name, place = _unit_name(text, title, meta.unit_type)
    if meta.unit_type is None and meta.unit_name:
        suffix = next(_NAMED.finditer(meta.unit_name), None)
        meta.unit_type = _UNIT_TYPE_OF_SUFFIX.get(suffix.group("suffix")) if suffix else None
    if meta.unit_name and meta.unit_type in ("县区", "地市") and not place:
        place = meta.unit_name  # a county reporting on itself is its own region
    meta.region = place
    meta.date, meta.year = _date_and_year(text, title)
    first_line = text.split("\n", 1)[0]
    # Only a title (or a short title-like first line) names the genre; a body sentence
    # mentioning 实施意见 does not make a summary a 方案.
    meta.genre = _genre(title) if title else (_genre(first_line) if len(first_line) <= 40 else None)
    return meta


def _genre(lead: str) -> str | None:
    """The genre a title names last: in …工作总结及2012年工作计划 the head noun is 计划."""
    best: tuple[int, str] | None = None
    for pattern, genre in _GENRES:
        for m in pattern.finditer(lead):
            if best is None or m.end() > best[0]:
                best = (m.end(), genre)
    return best[1] if best else None


def _unit_name(
    text: str, title: str | None, unit_type: str | None
) -> tuple[str | None, str | None]:
    """The unit's own name and its place prefix.

    A mention counts when it starts the title, a line or a clause, its core holds
    no pronoun or particle, and its suffix fits the unit type. It must recur, or
    stand in the title or at the very start of the text: one clause-initial
    match (…，要求镇、…) is too weak to name a unit.
    """
    votes: Counter[str] = Counter()
    strong: set[str] = set()
    first: dict[str, int] = {}
    places: dict[str, str | None] = {}
    for in_title, source in ((True, title or ""), (False, text)):
        for m in _NAMED.finditer(source):
            core, suffix = m.group("core"), m.group("suffix")
            short_ok = suffix in ("政协", "人大常委会", "人大")
            if len(core) > 4 or (len(core) < 2 and not short_ok):
                continue
            if _NOT_IN_NAME.intersection(core):
                continue
            if unit_type and _UNIT_TYPE_OF_SUFFIX.get(suffix) != unit_type:
                continue
            name = m.group("name")
            votes[name] += 1
            if in_title or m.start() == 0:
                strong.add(name)
            first.setdefault(name, len(first))
            places[name] = m.group("place")
    ok = [n for n in votes if votes[n] >= 2 or n in strong]
    if not ok:
        return None, None
    name = max(ok, key=lambda n: (n in strong, votes[n], -first[n]))
    return name, places[name]


def _date_and_year(text: str, title: str | None) -> tuple[str | None, int | None]:
    """The document's own date: a date line at its top or bottom (signature)."""
    date: str | None = None
    lines = [ln.strip() for ln in text.splitlines() if ln.strip()]
    edge = lines[:3] + lines[-3:]
    for line in edge:
        m = _DATE.search(line)
        if m and len(line) <= 40:
            y, mo, d = m.group(1), int(m.group(2)), m.group(3)
            date = f"{y}-{mo:02d}-{int(d):02d}" if d else f"{y}-{mo:02d}"
            break
    year: int | None = None
    ym = _YEAR.search(title or "")
    if ym:
        year = int(ym.group(1))
    elif date:
        year = int(date[:4])
    return date, year
