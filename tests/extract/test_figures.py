"""Tests for the numeric-claim extractor: number forms, qualifiers, exclusions, subjects.

Every example sentence is written for this file; none is copied from the seed pages.
"""

from __future__ import annotations

import math
import re
from itertools import pairwise

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from miner.extract.figures import (
    _FIGURE,
    _FIGURE_AT_NUMBERS,
    UNITS,
    _figure_matches,
    _in_quotes,
    find_figures,
)
from miner.extract.numerals import parse_arabic, parse_chinese, parse_pair
from miner.segment import sentences
from miner.segment.sentences import sentence_at

QUALIFIERS = {"exact", "approx", "more_than", "at_least", "less_than", "at_most", "range"}


def only(text: str) -> tuple[str, float, str, str]:
    """The single figure of ``text`` as (raw, value, unit, qualifier)."""
    figs = find_figures(text)
    assert len(figs) == 1, [f.raw for f in figs]
    f = figs[0]
    return f.raw, f.value, f.unit, f.qualifier


# -- number forms --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "raw", "value", "unit"),
    [
        ("今年全镇发放慰问金1,200元。", "1,200元", 1200, "元"),
        ("新栽植核桃树12000株。", "12000株", 12000, "株"),
        ("全县１２０个村已完成验收。", "１２０个", 120, "个"),
        ("修建水渠3.75公里。", "3.75公里", 3.75, "公里"),
        ("镇财政投资3.5万元修缮村部。", "3.5万元", 35000, "元"),
        ("争取项目资金1.5亿元。", "1.5亿元", 150_000_000, "元"),
        ("改造棚户区2.4万平方米。", "2.4万平方米", 24000, "平方米"),
        ("辖区常住人口35万人。", "35万人", 350_000, "人"),
        ("全年服务群众12万人次。", "12万人次", 120_000, "人次"),
        ("流转土地1.2万亩。", "1.2万亩", 12000, "亩"),
        ("出动农机具3.1万台套。", "3.1万台套", 31000, "台套"),
        ("合作社年产蔬菜860吨。", "860吨", 860, "吨"),
        ("社区书屋藏书5000册。", "5000册", 5000, "册"),
        ("支部召开组织生活会两次。", "两次", 2, "次"),
        ("全年化解矛盾纠纷35起。", "35起", 35, "起"),
        ("街道共有党员一千二百零六名。", "一千二百零六名", 1206, "名"),
        ("园区吸纳三万五千人就业。", "三万五千人", 35000, "人"),
        ("镇里建起了五个便民服务站。", "五个", 5, "个"),
        ("共评出十项优秀成果。", "十项", 10, "项"),
        ("群众满意率达到百分之九十八。", "百分之九十八", 98, "%"),
        ("验收合格率为百分之八十七点五。", "百分之八十七点五", 87.5, "%"),
        ("村民参保率92.5%。", "92.5%", 92.5, "%"),
        ("人口自然增长率控制在千分之五。", "千分之五", 5, "‰"),
        ("建成标准化厂房4.6万平米。", "4.6万平米", 46000, "平方米"),
        ("贫困发生率下降3个百分点。", "3个百分点", 3, "个百分点"),
        ("为期2天的培训班顺利结业。", "2天", 2, "天"),
        ("每次学习不少于40分钟。", "40分钟", 40, "分钟"),
        ("整改工作历时两个多月。", "两个多月", 2, "个月"),
        ("窗口应在5个工作日内办结。", "5个工作日", 5, "工作日"),
        ("步行需要两个小时。", "两个小时", 2, "小时"),
        ("该校连续12年获评先进单位。", "12年", 12, "年"),
        ("我们用了三年时间建成新校区。", "三年", 3, "年"),
        ("社区共有居民三万二千人。", "三万二千人", 32000, "人"),
        ("全乡共有党员一千三百零八名。", "一千三百零八名", 1308, "名"),
        ("全年收入合计903，065，000元。", "903，065，000元", 903_065_000, "元"),
        ("全县共有农户3，500户。", "3，500户", 3500, "户"),
        ("全镇有党员１，２０８名。", "１，２０８名", 1208, "名"),
        ("人口出生率为6.5‰。", "6.5‰", 6.5, "‰"),
        ("组织党员424 名参加。", "424 名", 424, "名"),
        ("组织党员424\u3000名参加。", "424\u3000名", 424, "名"),
        ("组织党员424\u00a0名参加。", "424\u00a0名", 424, "名"),
    ],
)
def test_figures_number_forms(text: str, raw: str, value: float, unit: str) -> None:
    got_raw, got_value, got_unit, _ = only(text)
    assert (got_raw, got_unit) == (raw, unit)
    assert got_value == pytest.approx(value)


def test_figures_unit_class_from_table() -> None:
    figs = find_figures("捐款8000元，慰问群众45户，培训3天。")
    assert [f.unit_class for f in figs] == ["money", "count", "time"]


# -- qualifiers ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "raw", "value", "qualifier"),
    [
        ("参加义诊的群众约300人。", "300人", 300, "approx"),
        ("大约50户村民受益。", "50户", 50, "approx"),
        ("近80名党员报名参加。", "80名", 80, "approx"),
        ("将近200份问卷已回收。", "200份", 200, "approx"),
        ("活动吸引60人左右参加。", "60人", 60, "approx"),
        ("近千人观看了演出。", "千人", 1000, "approx"),
        ("收到意见建议40余条。", "40余条", 40, "more_than"),
        ("发放宣传册3000多册。", "3000多册", 3000, "more_than"),
        ("印发资料120余份以上。", "120余份", 120, "more_than"),
        ("群众知晓率超过95%以上。", "95%", 95, "more_than"),
        ("参训人员超过500人。", "500人", 500, "more_than"),
        ("筹集善款逾8万元。", "8万元", 80000, "more_than"),
        ("筹集资金30多万元。", "30多万元", 300_000, "more_than"),
        ("价值5万多元的物资。", "5万多元", 50000, "more_than"),
        ("慰问困难户十余户。", "十余户", 10, "more_than"),
        ("百余名志愿者参与。", "百余名", 100, "more_than"),
        ("站点开机率达90%以上。", "90%", 90, "at_least"),
        ("每季度开展活动不少于3次。", "3次", 3, "at_least"),
        ("每月学习时间不低于8小时。", "8小时", 8, "at_least"),
        ("每年至少走访2次。", "2次", 2, "at_least"),
        ("每周至少组织1次集中学习。", "1次", 1, "at_least"),
        ("整改期限不到20天。", "20天", 20, "less_than"),
        ("失业率低于4%。", "4%", 4, "less_than"),
        ("参会人员不足10人。", "10人", 10, "less_than"),
        ("每组15人以下。", "15人", 15, "at_most"),
        ("规模在100人以内的学校。", "100人", 100, "at_most"),
        ("办结时间不超过3天。", "3天", 3, "at_most"),
        ("每村最多推荐5个。", "5个", 5, "at_most"),
        ("每组8-10人。", "8-10人", 8, "range"),
        ("每月开展3至5次。", "3至5次", 3, "range"),
        ("每户补助5万至8万元。", "5万至8万元", 50000, "range"),
        ("每个小组两三个人。", "两三个", 2, "range"),
        ("每组5至8人。", "5至8人", 5, "range"),
        ("分成3-5个小组。", "3-5个", 3, "range"),
        ("每组5人至8人。", "5人至8人", 5, "range"),
        ("每组5人-8人。", "5人-8人", 5, "range"),
        ("每户补助2万元—5万元。", "2万元—5万元", 20000, "range"),
        ("每户补助三至五万元。", "三至五万元", 30000, "range"),
        ("每场观众三到五千人。", "三到五千人", 3000, "range"),
        ("每班五至八人。", "五至八人", 5, "range"),
        ("每年近三百人参训。", "三百人", 300, "approx"),
        ("全年接待游客12万人左右。", "12万人", 120_000, "approx"),
        ("每年培训一百多名。", "一百多名", 100, "more_than"),
        ("慰问金二十余万元。", "二十余万元", 200_000, "more_than"),
        ("参与群众1.2万余人。", "1.2万余人", 12000, "more_than"),
        ("上千人参与活动。", "千人", 1000, "approx"),
        ("每村不少于两名。", "两名", 2, "at_least"),
        ("覆盖率不低于百分之九十。", "百分之九十", 90, "at_least"),
        ("辖区人口不足三千人。", "三千人", 3000, "less_than"),
        ("学时在20学时以内。", "20学时", 20, "at_most"),
        ("签约3个项目。", "3个", 3, "exact"),
        ("最近3天新增病例。", "3天", 3, "exact"),
        ("累计投入资金达46万元。", "46万元", 460_000, "exact"),
    ],
)
def test_figures_qualifier(text: str, raw: str, value: float, qualifier: str) -> None:
    got_raw, got_value, _, got_qualifier = only(text)
    assert (got_raw, got_qualifier) == (raw, qualifier)
    assert got_value == pytest.approx(value)


# -- exclusions ----------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        # dates, times, years
        "2012年3月5日召开动员大会。",
        "会议于12月1日—3日举行。",
        "上午9点30分准时开始。",
        "报名截止到2013-06-18。",
        "20XX年4月8至4月12日集中培训。",
        "2015年以来成效明显。",
        # document numbers
        "根据〔2012〕15号文件精神。",
        "按照县委办发[2013]8号要求。",
        # ordinals and list markers
        "第一次全体会议召开。",
        "这是第3次督查。",
        "荣获全市第 1 名。",
        "第二十个教师节到来之际。",
        "一是加强领导。二是强化宣传。",
        "1、加强领导；(2)完善制度。",
        # quotes and titles
        "深入学习“三个代表”重要思想。",
        "推行“3+2”工作模式。",
        "实施“88451”民生工程。",
        "转发《关于开展“五个一”活动的通知》。",
        "开展“双十佳”评选。",
        "践行“百名干部进千家”活动。",
        # sessions and anniversaries
        "学习十八届三中全会精神。",
        "贯彻省委七届五次全会部署。",
        "迎接第十二次党代会召开。",
        "出席十一届全国人大四次会议。",
        "召开了县十五届人大三次会议。",
        "庆祝建党90周年。",
        "迎来建校六十周年。",
        "纪念建党95周年。",
        "喜迎祖国70华诞。",
        # phones, QQ, hotlines, ratios, names
        "有问题请拨打12345热线。",
        "联系电话13812345678。",
        "联系电话：13912345678张老师。",
        "服务热线95598户户皆知。",
        "加入QQ群312345678名师答疑。",
        "咨询电话0951-5012345。",
        "专兼职比例为1:1。",
        "师生比为1:15人。",
        "按1∶1比例配套资金。",
        "党员与群众之比为1：20人。",
        "开展6·26国际禁毒日宣传。",
        # idioms and formulations
        "防止工作与业务两张皮现象。",
        "三番五次上门做工作。",
        "协调推进四个全面战略布局。",
        "坚持四项基本原则。",
        "开展六个一活动。",
        "构建五位一体格局。",
        # lone 一/二, vague and bare numerals
        "给予一次性补助。",
        "召开一次专题会议。",
        "掀起二次创业热潮。",
        "走进千家万户。",
        "几十个村民围了过来。",
        "数百人参加了活动。",
        # measure word glued into another word
        "会同两部门联合检查。",
        "全镇三支部结对共建。",
        "气温升至两位数。",
        "学前三年入园率明显提高。",
        "自周五起暂停营业。",
    ],
)
def test_figures_exclusions(text: str) -> None:
    assert [f.raw for f in find_figures(text)] == []


def test_figures_session_rule_keeps_counts_of_meetings() -> None:
    assert [f.raw for f in find_figures("全年召开四次会议。")] == ["四次"]


def test_figures_hotline_beside_figure() -> None:
    text = "服务热线96123，全天24小时值守。"
    assert [f.raw for f in find_figures(text)] == ["24小时"]


def test_figures_ranges_are_one_figure() -> None:
    figs = find_figures("每组5人至8人，全村12人。")
    assert [(f.raw, f.qualifier) for f in figs] == [("5人至8人", "range"), ("12人", "exact")]
    # Different units stay apart: 5人至8名 is no range of one unit.
    assert [f.raw for f in find_figures("5人至8名")] == ["5人", "8名"]


def test_figures_number_after_quote_is_kept() -> None:
    text = "按照“宣传、发动、实施”3个步骤推进。"
    assert [f.raw for f in find_figures(text)] == ["3个"]


def test_figures_date_beside_figure() -> None:
    text = "5月20日，全村组织党员32名清理垃圾4吨。"
    assert [(f.raw, f.value) for f in find_figures(text)] == [("32名", 32), ("4吨", 4)]


def test_figures_missing_number_gives_nothing() -> None:
    assert find_figures("村里安装路灯 盏。") == []


# -- subject, sentence, offsets ------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "subject"),
    [
        ("今年共投入资金48万元用于道路硬化。", "资金"),
        ("全镇有党员2563名。", "党员"),
        ("每个村都配备了2名大学生村官。", "大学生村官"),
        ("新栽植核桃树12000株。", "核桃树"),
        ("发放慰问金1,200元。", "慰问金"),
    ],
)
def test_figures_subject(text: str, subject: str) -> None:
    assert [f.subject for f in find_figures(text)] == [subject]


def test_figures_sentence_offsets_and_order() -> None:
    text = "一、基本情况\n全村有党员45名。去年修路3公里，投资60万元。"
    figs = find_figures(text, doc_id="d1")
    assert [f.raw for f in figs] == ["45名", "3公里", "60万元"]
    assert [f.sentence for f in figs] == ["全村有党员45名。", *["去年修路3公里，投资60万元。"] * 2]
    assert all(text[f.start : f.end] == f.raw for f in figs)
    assert all(f.doc_id == "d1" and f.section_id is None for f in figs)
    assert [f.start for f in figs] == sorted(f.start for f in figs)


# -- numerals and units --------------------------------------------------------------


@pytest.mark.parametrize(
    ("numeral", "value"),
    [
        ("十", 10),
        ("十五", 15),
        ("二十", 20),
        ("一百零八", 108),
        ("一千三百零八", 1308),
        ("一千零五十", 1050),
        ("两千", 2000),
        ("三万二千", 32000),
        ("三万五", 35000),
        ("一百五", 150),
        ("三亿五千万", 350_000_000),
        ("一万亿", 10**12),
    ],
)
def test_numerals_parse_chinese(numeral: str, value: int) -> None:
    assert parse_chinese(numeral) == value


@pytest.mark.parametrize("numeral", ["二〇一一", "三五", "十百", "零五", ""])
def test_numerals_parse_chinese_rejects(numeral: str) -> None:
    assert parse_chinese(numeral) is None


def test_numerals_pairs_and_arabic() -> None:
    assert parse_pair("两三") == 2
    assert parse_pair("七八十") == 70
    assert parse_pair("二九") is None
    assert parse_arabic("1,234.5") == 1234.5
    assert parse_arabic("２０") == 20


def test_units_table() -> None:
    classes = {"people", "money", "count", "area", "length", "weight", "time", "events"}
    classes |= {"items", "rate", "volume"}
    assert set(UNITS.values()) <= classes
    for unit in ("人", "名", "人次", "个", "户", "元", "亩", "平方米", "公里", "次", "%"):
        assert unit in UNITS
    for not_a_unit in ("万元", "月", "日", "号", "周年", "届", "级"):
        assert not_a_unit not in UNITS


# -- properties ----------------------------------------------------------------------

_ALPHABET = (
    "0123456789０１２３４５６７８９.,，。、；：:∶“”《》（）()-—~至到第届‰%\u3000\u00a0"
    "零〇一二两三四五六七八九十百千万亿余多约近超过以上下内不少于低足左右分之"
    "人名位次个户家所件份篇条场期元亩米吨天年周月日号全会党员资金投入共达 \n"
)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=_ALPHABET, max_size=80) | st.text(max_size=80))
def test_figures_never_raise_and_spans_match(text: str) -> None:
    figs = find_figures(text)
    sents = sentences(text)
    for f in figs:
        assert text[f.start : f.end] == f.raw
        holder = sentence_at(sents, f.start)
        assert f.sentence == (holder.text if holder else "")
        assert math.isfinite(f.value)
        assert f.qualifier in QUALIFIERS
        assert f.unit in UNITS
    assert [f.start for f in figs] == sorted(f.start for f in figs)
    assert all(a.end <= b.start for a, b in pairwise(figs))


def _in_quotes_by_char(text: str, start: int, end: int) -> bool:
    """The quote rule read one character at a time (the reference ``_in_quotes`` keeps)."""
    opened = False
    for ch in text[max(0, start - 40) : start]:
        if ch in "“‘「『《":
            opened = not (ch == "“" and opened)
        elif ch in "”’」』》。；;\n":
            opened = False
    if not opened:
        return False
    for ch in text[end : end + 40]:
        if ch in "”’」』》“":
            return True
        if ch in "。；;\n":
            return False
    return False


@given(st.text(alphabet="“‘「『《”’」』》。；;\n字字字", max_size=100), st.data())
def test_in_quotes_reads_only_the_marks_that_decide(text: str, data: st.DataObject) -> None:
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    assert _in_quotes(text, start, end) == _in_quotes_by_char(text, start, end)


def test_find_figures_with_the_callers_sentences_is_the_same() -> None:
    text = "全镇共有党员2563名。\n投入资金21.6万元，“三个100%”工作。培训3次"
    assert find_figures(text, "d", sentences(text)) == find_figures(text, "d")


@given(
    st.text(
        alphabet="0123456789０５.,，-:一二两三十百千万亿分之点余多至人名个元%年第“”字", max_size=40
    )
)
def test_figure_matches_are_finditers(text: str) -> None:
    # The lookahead on a figure's first characters finds the matches finditer finds,
    # with the same groups.
    got = [(m.span(), m.groupdict()) for m in _figure_matches(text)]
    assert got == [(m.span(), m.groupdict()) for m in _FIGURE.finditer(text)]


def test_figure_regex_has_its_first_character_lookahead() -> None:
    assert _FIGURE_AT_NUMBERS.pattern.startswith("(?=[")


def _candidate_group_by_group(m: re.Match[str]) -> object:
    """figures._candidate as first written, one group() call per group."""
    from miner.extract.figures import _ALIASES, _Candidate, _percent, _range_scale
    from miner.extract.numerals import multiplier, parse_arabic, parse_chinese, parse_pair

    if m.group("pct"):
        return _percent(m)
    if m.group("a1"):
        unit, implied = _ALIASES.get(m.group("au"), (m.group("au"), None))
        value = parse_arabic(m.group("a1")) * multiplier(m.group("am1") or m.group("am2"))
        infix = bool(m.group("ai1") or m.group("ai2"))
        return _Candidate(
            m.start(), m.end(), value, unit, "arabic", m.group("a1"), infix, bool(m.group("a2")),
            implied,
        )  # fmt: skip
    unit, implied = _ALIASES.get(m.group("cu"), (m.group("cu"), None))
    numeral, start = m.group("c1"), m.start()
    is_range = bool(m.group("c2"))
    parsed = parse_chinese(numeral)
    if parsed is None and not is_range:
        pair = parse_pair(numeral)
        if pair is not None and numeral[0] != "一":
            parsed, is_range = pair, True
        else:
            for k in range(1, len(numeral)):
                parsed = parse_chinese(numeral[k:])
                if parsed is not None:
                    numeral, start = numeral[k:], start + k
                    break
    if parsed is None:
        return None
    if m.group("c2"):
        parsed *= _range_scale(numeral, m.group("c2"))
    value = parsed * multiplier(m.group("cm"))
    infix = bool(m.group("ci1") or m.group("ci2"))
    return _Candidate(start, m.end(), value, unit, "chinese", numeral, infix, is_range, implied)


@given(
    st.text(
        alphabet="0123456789.,万亿千百十一二两三四五六七八九零至到-余多分之点人名个元%年月统字",
        max_size=40,
    )
)
def test_candidates_read_as_group_by_group(text: str) -> None:
    from miner.extract.figures import _candidate

    for m in _FIGURE.finditer(text):
        assert _candidate(m) == _candidate_group_by_group(m)
