"""Slogans: quote pairing on badly quoted pages, kinds, 《》 titles, unquoted formulations."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from miner.extract.slogans import _G, _GE, _N, _REPEATED, _SMALL, find_slogans

KINDS = {"campaign", "formulation", "motto", "cited_document", "honor"}


def pairs(text: str) -> list[tuple[str, str]]:
    return [(s.text, s.kind) for s in find_slogans(text, "d")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # campaign: a named activity, by what follows it or how it ends, or a 双-name.
        ("全镇开展“清洁家园”活动。", ("清洁家园", "campaign")),
        ("启动“护河百日攻坚行动”。", ("护河百日攻坚行动", "campaign")),
        ("深化“双培双带”，成效明显。", ("双培双带", "campaign")),
        ("结合“乡村振兴推进年”要求。", ("乡村振兴推进年", "campaign")),
        # formulation: a numbered shape.
        ("落实“三会一课”制度。", ("三会一课", "formulation")),
        ("争创“五个好”党支部。", ("五个好", "formulation")),
        ("坚持“四统一”要求。", ("四统一", "formulation")),
        ("推行“七访、七问、七帮”。", ("七访、七问、七帮", "formulation")),
        ("打造“2+5”服务体系。", ("2+5", "formulation")),
        # motto: any other quoted phrase or parallel sentence.
        ("践行“支部建在网格上，党员服务在身边”理念。", ("支部建在网格上，党员服务在身边", "motto")),
        # cited_document: a title in 《》, without its brackets.
        ("学习《关于加强村级组织建设的意见》。", ("关于加强村级组织建设的意见", "cited_document")),
        # honor: after 被评为/荣获/获…, or before 称号.
        ("该村被评为“市级文明村”。", ("市级文明村", "honor")),
        ("荣获“优秀组织奖”。", ("优秀组织奖", "honor")),
        ("获“青年文明号”称号。", ("青年文明号", "honor")),
    ],
)
def test_slogans_kinds(text: str, expected: tuple[str, str]) -> None:
    assert pairs(text) == [expected]


def test_slogans_text_is_the_span_without_quotes() -> None:
    text = "以“强基固本”为主线，落实《值班制度》。"
    for s in find_slogans(text, "doc"):
        assert text[s.start : s.end] == s.text
        assert s.doc_id == "doc"
    assert [s.text for s in find_slogans(text)] == ["强基固本", "值班制度"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # The same mark at both ends.
        ("以“文明“创建为抓手，打造“学习之家“、“温馨之家“。", ["文明", "学习之家", "温馨之家"]),
        # One opening mark missing: the pair in between is punctuation only, so slide by one.
        (
            "争当“勤劳之家“、“和美之家“、节俭之家“、“书香之家“。",
            ["勤劳之家", "和美之家", "书香之家"],
        ),
        # A doubled closing mark.
        ("坚持“早发现、早处置””机制，推行“网格化”管理。", ["早发现、早处置", "网格化"]),
        # A stray closing mark before the first opening one.
        ("”开展“植树护绿”活动。", ["植树护绿"]),
        # Closing marks used at both ends.
        ("把”比学赶超”落到实处。", ["比学赶超"]),
        # ASCII quotes and corner brackets.
        ('推行"一窗受理"模式，落实「首问负责」制。', ["一窗受理", "首问负责"]),
    ],
)
def test_slogans_bad_quote_pairing(text: str, expected: list[str]) -> None:
    assert [s.text for s in find_slogans(text)] == expected


@pytest.mark.parametrize(
    "text",
    [
        "他说：“今年的任务很重。我们要抓紧。”随后散会。",  # a full stop inside: speech
        "提出“" + "要" * 45 + "”的目标。",  # too long for a slogan
        "写上“”两个空引号。",  # empty
        "引号“，”之间只有标点。",  # punctuation only
    ],
)
def test_slogans_implausible_quotes_are_skipped(text: str) -> None:
    assert find_slogans(text) == []


def test_slogans_quotes_inside_titles_and_quotes() -> None:
    text = "印发《关于开展“红色领航”行动的通知》，提出“争做‘红色管家’”。"
    assert pairs(text) == [
        ("关于开展“红色领航”行动的通知", "cited_document"),
        ("红色领航", "campaign"),
        ("争做‘红色管家’", "motto"),
        ("红色管家", "motto"),
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("坚持三会一课制度，深入开展两学一做学习教育。", ["三会一课", "两学一做"]),
        ("推行一村一品，巩固一村一品成果。", ["一村一品", "一村一品"]),
        ("学习三个代表重要思想，践行三个代表、科学发展观。", ["三个代表", "三个代表"]),
        # Counts, dates, idioms and words that merely hold numerals are not formulations.
        ("走访三个村，五年一次换届。", []),
        ("进一步统一思想，贯彻十七届五中全会精神。", []),
        ("覆盖百分之五十以上，增长一点二倍。", []),
        ("服务千家万户，做到五湖四海。", []),
        ("分三个方面汇报，从三个方面推进。", []),
    ],
)
def test_slogans_unquoted_formulations(text: str, expected: list[str]) -> None:
    found = [s for s in find_slogans(text) if s.kind == "formulation"]
    assert [s.text for s in found] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("支部被评为市级先进基层党组织、区级文明单位。", ["市级先进基层党组织", "区级文明单位"]),
        ("工会获先进集体称号。", ["先进集体"]),
        ("被推荐评为市级优秀教师3名。", ["市级优秀教师"]),
        ("被评为“绿色学校”“平安校园”。", ["绿色学校", "平安校园"]),
        ("被评为全区第一，进度很快。", []),
    ],
)
def test_slogans_honors(text: str, expected: list[str]) -> None:
    assert [s.text for s in find_slogans(text) if s.kind == "honor"] == expected


def test_slogans_one_row_per_occurrence_and_campaign_kind_is_shared() -> None:
    text = "开展“红色课堂”活动，让“红色课堂”走进社区。"
    found = find_slogans(text)
    assert [(s.text, s.kind) for s in found] == [("红色课堂", "campaign"), ("红色课堂", "campaign")]
    assert found[0].start != found[1].start


_ALPHABET = st.sampled_from(
    list('“”‘’"「」『』《》，。、！\n 三会一课两学做个被评为称号获双创争活动行动先进单位')
)


@settings(max_examples=300, deadline=None)
@given(st.one_of(st.lists(_ALPHABET, max_size=200).map("".join), st.text(max_size=200)))
def test_slogans_never_raise_and_spans_are_the_text(text: str) -> None:
    for s in find_slogans(text, "h"):
        assert 0 <= s.start <= s.end <= len(text)
        assert text[s.start : s.end] == s.text
        assert s.kind in KINDS


def test_quoted_code_is_not_a_slogan() -> None:
    text = "我村开展“双比双争”活动，推行“1+6”模式，网页脚本“window.__pwned=2”不算。"
    assert [s.text for s in find_slogans(text)] == ["双比双争", "1+6"]


# The patterns as first written, with the look-behind in front of the first numeral.
_REPEATED_AS_WRITTEN = re.compile(
    rf"(?<![第进统同逐唯之单专划整均长{_N}])[{_SMALL}]{{1,2}}{_G}(?:[{_SMALL}]{{1,2}}{_G})+"
)
_GE_AS_WRITTEN = re.compile(
    rf"(?<![第{_N}\d])[二三四五六七八九十两]个[^\W\d_{_N}]{{2}}"
    r"(?=重要|精神|思想|活动|要求|标准|工程|[、”])"
)


@given(st.text(alphabet="一二三十两第进统同之个会课学做带头人名年重要精神、”字0", max_size=16))
def test_formula_patterns_match_as_written(text: str) -> None:
    for fast, written in ((_REPEATED, _REPEATED_AS_WRITTEN), (_GE, _GE_AS_WRITTEN)):
        assert [m.span() for m in fast.finditer(text)] == [m.span() for m in written.finditer(text)]


def _quoted_spans_stream_by_stream(text: str) -> list[tuple[int, int]]:
    """slogans._quoted_spans as first written: one scan of the text per stream of marks."""
    import re

    from miner.extract.slogans import _CLOSE, _EITHER, _OPEN, _STREAMS, _plausible

    spans: list[tuple[int, int]] = []
    for opening, closing, either in _STREAMS:
        pattern = re.compile("[" + re.escape(opening + closing + either) + "]")
        marks = [
            (m.start(), _OPEN if text[m.start()] in opening else _EITHER)
            if text[m.start()] not in closing
            else (m.start(), _CLOSE)
            for m in pattern.finditer(text)
        ]
        i = 0
        while i + 1 < len(marks):
            (a, ta), (b, tb) = marks[i], marks[i + 1]
            if not (ta == _CLOSE and tb == _OPEN) and _plausible(text, a + 1, b):
                spans.append((a + 1, b))
                i += 2
            else:
                i += 1
    spans.sort()
    return spans


@given(st.text(alphabet='“〝”〞"＂‘’「」『』双创双争五带头。\n12+', max_size=40))
def test_quoted_spans_in_one_scan_are_those_of_one_scan_per_stream(text: str) -> None:
    from miner.extract.slogans import _STREAMS, _quoted_spans

    marks = [o + c + a for o, c, a in _STREAMS]
    assert len(set("".join(marks))) == sum(map(len, marks))  # each mark in one stream only
    assert _quoted_spans(text) == _quoted_spans_stream_by_stream(text)
