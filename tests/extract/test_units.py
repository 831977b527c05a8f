"""Reporting unit, type, region, genre (miner.extract.units.describe)."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from miner.extract.units import _named, describe


@pytest.mark.parametrize(
    ("text", "unit_type"),
    [
        ("今年以来，我乡认真落实上级要求，我乡党委高度重视。", "乡镇"),
        ("我社区把创建工作作为重点，我社区党总支牵头。", "社区"),
        ("今年以来，我局高度重视，精心组织，我局干部职工积极参与。", "部门"),
        ("我校积极宣传和落实科学发展观，提高了我校办学水平。", "学校"),
        ("本村共有农户三百户，本村党支部带头。", "村"),
    ],
)
def test_self_reference_sets_type(text: str, unit_type: str) -> None:
    assert describe(text, None).unit_type == unit_type


def test_title_names_unit_and_region() -> None:
    meta = describe(
        "全县远程教育动员会以来，我乡能够按照要求开展工作。", "南江县红岩乡工作汇报材料"
    )
    assert (meta.unit_name, meta.unit_type, meta.genre) == ("南江县红岩乡", "乡镇", "汇报")
    assert meta.region == "四川省巴中市南江县"
    assert meta.region_evidence == "unit_name:南江县"


def test_named_unit_after_a_place_without_boundary() -> None:
    text = "共谋美好未来武汉市新河街学校20XX年，我校积极宣传。我校办学水平提高。"
    meta = describe(text, None)
    assert meta.unit_name == "武汉市新河街学校"
    assert meta.unit_type == "学校"
    assert meta.region is not None and meta.region.startswith("湖北省武汉市")


def test_opening_clause_names_the_unit_and_placeholder_has_no_region() -> None:
    text = "自开展活动以来,XX乡充分借鉴成功经验。现就我乡情况总结如下。我乡党委重视。"
    meta = describe(text, "乡镇创先争优活动总结")
    assert meta.unit_name == "XX乡"
    assert meta.region is None


def test_named_body_unit_without_self_reference() -> None:
    meta = describe("区政协认真贯彻落实区委要求，全区上下扎实推进。", None)
    assert (meta.unit_name, meta.unit_type) == ("区政协", "人大政协")


def test_county_reporting_on_itself_is_named_by_its_title() -> None:
    text = "中共谯城区委创先争优活动领导小组办公室\n（2011年12月26日）\n谯城区辖22个乡镇，我区精心组织。"
    meta = describe(text, "谯城区2011年深入开展创先争优活动工作总结及2012年工作计划")
    assert (meta.unit_name, meta.unit_type) == ("谯城区", "县区")
    assert meta.region == "安徽省亳州市谯城区"
    assert (meta.date, meta.year, meta.genre) == ("2011-12-26", 2011, "计划")


def test_document_number_header_means_an_organ() -> None:
    text = (
        "某某字〔2011〕53号\n关于印发实施意见的通知\n各乡镇党委，县直机关各党委：\n现印发给你们。"
    )
    assert describe(text, None).unit_type == "部门"


def test_whole_area_words_are_only_a_fallback() -> None:
    text = "全县各级党组织扎实推进，全县共召开会议20次，镇安推进会议精神传达到位。"
    assert describe(text, None).unit_type == "县区"
    # with a self-reference the township wins over 全县
    assert describe("全县动员以来，我乡迅速行动，我乡党委重视。", None).unit_type == "乡镇"


def test_verbs_are_not_unit_names() -> None:
    meta = describe("会议要求，支持学校发展。展现出内乡风貌。我校重视。", None)
    assert meta.unit_name is None


def test_genre_from_opening_when_no_title() -> None:
    text = "今年以来我乡开展工作，现将有关情况汇报如下：\n一、做法"
    assert describe(text, None).genre == "汇报"
    assert describe("我乡开展工作。", "致全乡群众的一封信").genre == "其他"


def test_local_paper_gives_region_with_evidence() -> None:
    text = "xx区教育系统现有党支部15个。我局辅以衡阳日报、衡阳晚报刊载讲话。我局党委重视。"
    meta = describe(text, "教文体局党委创先争优活动总结")
    assert meta.region == "湖南省衡阳市"
    assert meta.region_evidence == "media:衡阳"


_NAMED_AS_WRITTEN = re.compile(
    r"(?:^|(?<=[\s，,。；;：:、“”（(》]))(?P<name>(?P<place>[\u4e00-\u9fff]{2,4}?(?:省|市|州|县|区))?"
    r"(?P<core>[\u4e00-\u9fffXx]{1,5}?)(?P<suffix>街道|社区|学校|中学|小学|乡|镇|村|局|政协|人大常委会|人大))",
    re.M,
)


@given(st.text(alphabet="南江县红岩乡社区学校村局政协人大常委会我X，。\n 的", max_size=30))
def test_named_units_match_as_first_written(text: str) -> None:
    # _NAMED takes the boundary character itself; offsets and groups stay those of the
    # look-behind form.
    assert [(start, m.group("name", "place", "core", "suffix")) for start, m in _named(text)] == [
        (m.start(), m.group("name", "place", "core", "suffix"))
        for m in _NAMED_AS_WRITTEN.finditer(text)
    ]


@given(
    st.text(alphabet="展现出内乡支持学校上述地区局合理布城家镇村委会办公室党支部的了", max_size=12)
)
def test_function_words_read_from_pairs_as_from_tokens(core: str) -> None:
    from miner.extract.units import _FUNCTION_TAGS, _NOT_UNIT_END, _has_function_word
    from miner.segment import tag

    by_tokens = bool(_NOT_UNIT_END.search(core)) or any(
        len(t.text) >= 2 and t.tag in _FUNCTION_TAGS for t in tag(core)
    )
    assert _has_function_word(core) == by_tokens
