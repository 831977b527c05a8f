"""What a section does: 基本情况, 做法, 成效, 问题, 计划, 体会 or 其他.

Researchers compare reports section by section — what each unit lists under 主要做法, what it
admits under 存在问题, what it promises under 下步打算 — so every section gets a role. Three
kinds of evidence, strongest first:

1. *Role words in the heading* (存在的问题, 下一步打算, 主要做法, 指导思想): they decide alone.
   A few look-alikes are excluded: 解决…问题 and 总结经验 are things done, 关于…问题 is a
   topic, and the 建议 of 对今年政府工作的建议 are the year's plan, not lessons. Scoring
   criteria (组织领导（15分）) and the chapters of a regulation (第七条…) are 其他.
2. *How the heading is phrased*: a promise (继续…, 力争…), an outcome (成效明显, 初具规模,
   取得新进展) or an action (加强…, 开展…, 健全…).
3. *What the section says*: each sentence of its opening votes for the role its cue words
   point to — 存在/不足/偏低 for 问题, 下一步/将/要/力争 for 计划, 取得/达到/提高了 for
   成效, a completed or counted action (开展了, 先后, 共走访) for 做法, 现有/辖区/面积 for
   基本情况, 必须/只有…才/体会 for 体会 — and a role counts only when a quarter of the
   sentences vote for it: the text must be *mostly* about it.

The enclosing section's role is a prior: a list of actions under 主要措施 stays 做法 even
when one item quotes a result, and the same actions under 重点工作 are 计划. With no
evidence at all a section is 其他.

Example:
    >>> section_role("正视问题，准确把握薄弱环节", "有的支部满足于开会，党员参与积极性不高。")
    '问题'
    >>> section_role("突出重点，推向纵深", "下半年，各支部要抓好阵地建设。力争年底前全部达标。")
    '计划'
"""

from __future__ import annotations

import re
from collections.abc import Mapping

ROLES = ("基本情况", "做法", "成效", "问题", "计划", "体会", "其他")

# Heading words that name a role outright. 计划 and 安排 alone are verbs as often as nouns
# (精心安排), so only their noun compounds count; 任务 likewise (细化任务 is an action).
ROLE_CUES: Mapping[str, tuple[str, ...]] = {
    "基本情况": ("基本情况", "概况", "总体情况", "现状", "简介"),
    "做法": (
        "做法",
        "措施",
        "举措",
        "开展工作",
        "主要工作",
        "工作开展",
        "开展情况",
        "进展情况",
        "回顾",
        "活动内容",
        "工作要求",
        "有关要求",
        "工作机制",
        "组织领导",
        "要求",
    ),
    "成效": ("成效", "成绩", "效果", "成果", "收获", "成就", "亮点"),
    "问题": ("问题", "不足", "差距", "困难", "短板", "薄弱环节", "教训"),
    "计划": (
        "今后",
        "下一步",
        "下步",
        "打算",
        "明年",
        "来年",
        "下半年",
        "思路",
        "展望",
        "目标",
        "工作计划",
        "工作安排",
        "年计划",
        "年度计划",
        "步骤",
        "时间安排",
        "进度安排",
        "计划安排",
        "行动计划",
        "重点工作",
        "工作任务",
        "主要任务",
        "重点任务",
        "基本任务",
        "总体部署",
        "工作的建议",
        "工作建议",
        "意见",
    ),
    "体会": ("体会", "启示", "经验", "建议", "几点认识", "感悟"),
    # Framing, significance, legal divisions and forms: nothing a report did or will do.
    "其他": (
        "指导思想",
        "基本原则",
        "总体要求",
        "重要性",
        "必要性",
        "重要意义",
        "总则",
        "附则",
        "法律责任",
        "附件",
        "样式",
        "细则",
        "登记表",
        "申报单",
        "通知单",
        "一览表",
    ),
}
_CUE_ROLE = {cue: role for role, cues in ROLE_CUES.items() for cue in cues}
_CUE = re.compile("|".join(sorted(_CUE_ROLE, key=len, reverse=True)))
# A role word as the object of a verb names an action: 解决…问题 and 破解…难题 are done,
# 总结经验 and 推广经验 too; 关于…问题 names a topic.
_NOT_A_PROBLEM = re.compile(r"(解决|破解|化解|整改|关于|处理|回应)[^，,；;。]{0,16}$")
_NOT_A_LESSON = re.compile(r"(总结|交流|推广|学习|借鉴)[^，,；;。]{0,6}$")

# How a heading without role words is phrased. An outcome reads 成效明显 / 初具规模 /
# 取得新进展; an action starts with a verb (加强领导, 开展“一帮一”活动).
_OUTCOME = re.compile(
    r"明显|显著|初具规模|新进展|新突破|新成效|新局面|稳步提升|日益|大幅|好处|正能量"
    r"|取得[^，,]{0,8}(进展|成效|成绩|成就|胜利)|得到[^，,]{0,6}(提升|提高|加强|增强)"
)
_ACTION = re.compile(
    r"^(?:[一-龥]{0,2}(?:加强|强化|加快|加大|抓好?|狠抓|创新|坚持|突出|开展|健全|建立|完善|"
    r"注重|推进|推动|深化|落实|搭建|实施|打造|提升|服务|设立|聚焦|关爱|整合|制定|公开|"
    r"重视|夯实|严格|规范|优化|培育|构建|发挥|支持|扩大|促进|做好|办好?|调|重|兴|"
    r"保障|深入|积极|大力|着力|努力|切实|全面|认真|严明|明确|探索|拓展|营造|组织))"
)

# Sentence cues. Each sentence votes for the role with the most hits (ties: earlier role
# in _VOTE_ORDER); 将 counts only before a verb of intent, since 将…划分为 is a past action.
# Every alternative opens with a plain character (look-behinds come after it: 问(?<!解决问)题
# is 问题 not after 解决), which lets the regex engine skip to the positions where one of
# those characters stands instead of trying every alternative at every position, about
# ten times faster on report text.
_DONE_VERBS = (
    "开展 组织 召开 成立 制定 建立 举办 落实 实施 设立 签订 走访 培训 推行 实行 印发 出台 "
    "采取 投入 争取 配备 设置 完成 组建 修订 推出"
).split()
_SENTENCE_CUES: Mapping[str, re.Pattern[str]] = {
    "问题": re.compile(
        r"存在|不足|不够|不强|不高|不到位|不平衡|不充分|薄弱|滞后|欠缺|偏少|偏低|偏大|偏小|"
        r"偏弱|有待|尚未|尚不|较差|困难|难以|差距|短板|瓶颈|制约|亟待|单一|上热下冷|两张皮|"
        r"问(?<!解决问)(?<!解决好问)题(?!\d)"
    ),
    "计划": re.compile(
        r"下一步|下步|今后|明年|来年|下半年|力争|争取|计划|拟|预计|目标|不少于|"
        r"将(?=继续|进一步|重点|着力|加大|全面|努力|以|按照|围绕|认真|切实|坚持|大力|不断|"
        r"抓好|做好|加快|深入|持续|积极|逐步|在)|要(?<![重主需必只纲概摘提首紧简显政]要)(?![求素点事闻害])|"
        r"到\d{4}年|"
        r"今年(?!以来)|年底前|年内"
    ),
    "成效": re.compile(
        r"取得|成效|明显|显著|增长|达到|实现了|完成了|被评为|荣获|评为|提升|增强|同比|"
        r"增加了|下降了|改善|得到了?|获得|累计|超额|提前完成|圆满|成就|好转|提高了|"
        r"进一步(?:增强|提升|提高)"
    ),
    # Action verbs alone are as common in plans as in reports; a 做法 sentence reports
    # what was done: a completed verb (开展了), a count of times, a span of time gone by.
    "做法": re.compile(
        "|".join(f"{verb}了" for verb in _DONE_VERBS) + r"|先后|共计?(?:开展|组织|召开|"
        r"举办|培训|走访|发放|投入|解决|帮助|张贴|设置|承诺)|今年以来|一年来|活动开展以来|"
        r"过去一年|五年来|去年|全年(?:共|累计)?(?:开展|组织|召开|举办|培训|走访|发放|投入)|"
        r"坚持每|每月|每季度?|每周|定期"
    ),
    "基本情况": re.compile(
        r"现有|共有|辖区|面积|人口|下设|位于|成立于|始建于|平方公里|总户数|住户|居民\d|"
        r"常住|党员\d+名|辖\d"
    ),
    "体会": re.compile(
        r"体会|认识到|必须|只有|才能|关键在于|根本在于|启示|经验|证明|之本|之路|硬道理|"
        r"是前提|是基础|是保证|是关键|是根本"
    ),
}
_VOTE_ORDER = ("问题", "计划", "体会", "基本情况", "成效", "做法")
_SENTENCE = re.compile(r"[^。！？；;!?\n]+")
# A chapter of a regulation (its lines open with 第七条) is neither done nor planned work.
_CLAUSE_LINE = re.compile(r"(?m)^\s*第[一二三四五六七八九十百零〇\d]+条")
# A sentence of a legal text (第七条…) or a citation says nothing about a report's sections.
_OTHER_SENTENCE = re.compile(r"^\s*第[一二三四五六七八九十百零〇\d]+条|^\s*[《“]|得\d+(?:\.\d+)?分")

# 2025年…总体要求 / 今年…: a heading about the year ahead (a report's own year reads 2012年主要工作,
# which a role word already decides).
_COMING_YEAR = re.compile(r"^(?:\d{4}年|今年|明年)")
# 组织领导（15分）: a criterion of a scoring sheet.
_SCORE_ITEM = re.compile(r"[（(]\s*\d+(?:\.\d+)?\s*分\s*[)）]\s*$")
# A heading that starts by promising: 继续深化…, 力争…
_PLANNED = re.compile(r"^(?:继续|力争|争取|计划|拟|将)")

# Share of a text's sentences a role needs before they count: a plan sentence or two in a news
# story (…总书记指出，要…) do not make it a plan. Chosen by hand from such stories; a sweep
# through the pipeline on the labelled headings (tests/extract/fixtures/roles.tsv) scores the
# tune set 0.924 at 0, 0.934 at 0.25 and 0.949 at 1/3, the held-out set 0.843 at 0.25 and 0.804
# at 1/3.
MIN_SHARE = 0.25

# Weights: a heading's phrasing counts as much as two sentences; the parent's role as one.
# Set before measuring; in the same sweep a phrasing weight of 1 scores the tune set 0.893,
# 2 scores 0.934 and 3 scores 0.939 (held-out: 0.843 at 2, 0.863 at 3). Left at 2 so that the
# held-out set does not pick the parameters it is meant to check.
HEADING_WEIGHT = 2.0
PARENT_WEIGHT = 1.0
# How much of a section's text is read: the opening carries its role, and reading the
# whole of a 10,000-character section would let its later lists outvote its own purpose.
MAX_CONTENT = 400


def heading_role(heading: str) -> str | None:
    """The role a heading's own words name, or None when they name none.

    The earliest cue wins, so 存在问题及下步打算 is 问题 and 主要做法和成效 is 做法.

    Example:
        >>> heading_role("二、存在不足"), heading_role("今后工作打算"), heading_role("成立领导小组")
        ('问题', '计划', None)
        >>> heading_role("着力解决经济运行中的突出问题") is None
        True
    """
    for m in _CUE.finditer(heading):
        role = _CUE_ROLE[m.group(0)]
        if role == "问题" and _NOT_A_PROBLEM.search(heading[: m.start()]):
            continue
        if role == "体会" and _NOT_A_LESSON.search(heading[: m.start()]):
            continue
        return role
    return None


def content_votes(text: str) -> dict[str, float]:
    """Sentence votes for each role in the opening of a section's text.

    Args:
        text: the section's text after its heading.

    Returns:
        Role → number of sentences whose cue words point to it (roles without votes absent).

    Example:
        >>> content_votes("一是活动用房偏小；二是经费不足。下一步，我们将争取支持。")
        {'问题': 2.0, '计划': 1.0}
    """
    votes: dict[str, float] = {}
    n = 0
    for m in _SENTENCE.finditer(text[:MAX_CONTENT]):
        sentence = m.group(0)
        if not sentence.strip():
            continue
        n += 1
        if _OTHER_SENTENCE.search(sentence):
            continue
        best, hits = None, 0
        for role in _VOTE_ORDER:
            k = len(_SENTENCE_CUES[role].findall(sentence))
            if k > hits:
                best, hits = role, k
        if best is not None:
            votes[best] = votes.get(best, 0.0) + 1.0
    # What the text is *mostly* about: a role a few stray sentences point to is no evidence.
    return {role: v for role, v in votes.items() if v >= MIN_SHARE * n}


def role_evidence(
    heading: str, text: str = "", parent_role: str | None = None, *, after_plan: bool = False
) -> tuple[str, bool]:
    """The role of a section and whether anything pointed to it (see ``section_role``).

    Args:
        heading: the heading's words, marker removed.
        text: the section's text after the heading.
        parent_role: the enclosing section's role, when something pointed to it.
        after_plan: an earlier sibling was a plan; a report that has turned to what it will
            do (2015年工作总体部署) tends to go on with it, so 计划 gets a prior's weight.

    Returns:
        The role, and False when it is only a default (the parent's role or 其他): such a
        role is passed on to sub-sections as no prior at all.
    """
    if _SCORE_ITEM.search(heading):
        return "其他", True  # 组织领导（15分）: a criterion of a scoring sheet
    named = heading_role(heading)
    if named is not None:
        if named == "其他" and _COMING_YEAR.search(heading):
            return "计划", True  # 2025年经济社会发展总体要求: the year ahead
        return named, True
    if _CLAUSE_LINE.search(text[:MAX_CONTENT]):
        return "其他", True
    scores = content_votes(text)
    if _PLANNED.search(heading):
        _add(scores, "计划", HEADING_WEIGHT)
    elif _OUTCOME.search(heading):
        _add(scores, "成效", HEADING_WEIGHT)
    elif _ACTION.search(heading):
        # An action is a 做法 in a report, a task under a plan, a principle under 体会 or
        # 基本原则: it takes the side of its parent where the parent is one of those.
        acts = parent_role if parent_role in ("做法", "计划", "体会", "其他") else "做法"
        _add(scores, acts, HEADING_WEIGHT)
    if parent_role is not None:
        _add(scores, parent_role, PARENT_WEIGHT)
    if after_plan:
        _add(scores, "计划", PARENT_WEIGHT)
    if not scores:
        return parent_role or "其他", False
    # Ties go to the parent's role, then to the more specific role (the vote order).
    first = parent_role or ("计划" if after_plan else None)
    order = (first, *_VOTE_ORDER) if first else _VOTE_ORDER
    return max(order, key=lambda r: (scores.get(r, 0.0), -order.index(r))), True


def section_role(heading: str, text: str = "", parent_role: str | None = None) -> str:
    """The role of a section from its heading, its text and its parent's role.

    Args:
        heading: the heading's words, marker removed.
        text: the section's text after the heading (its opening is enough).
        parent_role: the enclosing section's role, when something pointed to it.

    Returns:
        One of ``ROLES``.

    Example:
        >>> section_role("主要做法"), section_role("加强班子建设", "坚持“三会一课”制度。")
        ('做法', '做法')
        >>> section_role("加强理论学习", "全年组织集中学习不少于40次。", "计划")
        '计划'
    """
    return role_evidence(heading, text, parent_role)[0]


def _add(scores: dict[str, float], role: str, weight: float) -> None:
    scores[role] = scores.get(role, 0.0) + weight
