from __future__ import annotations

import pytest
from lxml import etree

from miner.ingest.numbering import Numbering, chinese_counting, format_number

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


@pytest.mark.parametrize(
    ("n", "text"),
    [
        (1, "一"),
        (9, "九"),
        (10, "十"),
        (11, "十一"),
        (20, "二十"),
        (21, "二十一"),
        (100, "一百"),
        (105, "一百零五"),
        (110, "一百一十"),
        (1001, "一千零一"),
    ],
)
def test_numbering_chinese_counting(n: int, text: str) -> None:
    assert chinese_counting(n) == text


@pytest.mark.parametrize(
    ("n", "fmt", "text"),
    [
        (3, "decimal", "3"),
        (3, "decimalEnclosedCircle", "③"),
        (2, "decimalEnclosedParen", "⑵"),
        (12, "decimalFullWidth", "１２"),
        (3, "ideographTraditional", "丙"),
        (28, "upperLetter", "BB"),
        (4, "lowerRoman", "iv"),
        (5, "chineseLegalSimplified", "伍"),
        (7, "someFutureFormat", "7"),
    ],
)
def test_numbering_format_number(n: int, fmt: str, text: str) -> None:
    assert format_number(n, fmt) == text


def _numbering_xml() -> etree._Element:
    return etree.fromstring(
        f"""<w:numbering xmlns:w="{W}">
          <w:abstractNum w:abstractNumId="1">
            <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/>
              <w:lvlText w:val="第%1章"/></w:lvl>
            <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/>
              <w:lvlText w:val="%1.%2"/><w:isLgl/></w:lvl>
          </w:abstractNum>
          <w:abstractNum w:abstractNumId="2">
            <w:lvl w:ilvl="0"><w:numFmt w:val="bullet"/><w:lvlText w:val="\uf0b7"/></w:lvl>
          </w:abstractNum>
          <w:num w:numId="1"><w:abstractNumId w:val="1"/></w:num>
          <w:num w:numId="2"><w:abstractNumId w:val="2"/></w:num>
          <w:num w:numId="3"><w:abstractNumId w:val="1"/>
            <w:lvlOverride w:ilvl="0"><w:startOverride w:val="5"/></w:lvlOverride></w:num>
        </w:numbering>"""
    )


def _styles_xml() -> etree._Element:
    return etree.fromstring(
        f"""<w:styles xmlns:w="{W}">
          <w:style w:styleId="Heading1"><w:pPr><w:numPr><w:numId w:val="1"/></w:numPr></w:pPr></w:style>
          <w:style w:styleId="MyHeading"><w:basedOn w:val="Heading1"/></w:style>
        </w:styles>"""
    )


def _p(
    num_id: str | None = None, ilvl: int | None = None, style: str | None = None
) -> etree._Element:
    inner = ""
    if style:
        inner += f'<w:pStyle w:val="{style}"/>'
    if num_id is not None:
        lvl = f'<w:ilvl w:val="{ilvl}"/>' if ilvl is not None else ""
        inner += f'<w:numPr>{lvl}<w:numId w:val="{num_id}"/></w:numPr>'
    return etree.fromstring(f'<w:p xmlns:w="{W}"><w:pPr>{inner}</w:pPr></w:p>')


def test_numbering_styles_multilevel_bullets_and_restarts() -> None:
    numbering = Numbering(_numbering_xml(), _styles_xml())
    got = [
        numbering.marker(_p(style="MyHeading")),  # numbering inherited through basedOn
        numbering.marker(_p("1", 1)),
        numbering.marker(_p("1", 1)),
        numbering.marker(_p("2", 0)),  # a bullet: no marker
        numbering.marker(_p("1", 0)),
        numbering.marker(_p("1", 1)),  # the sub-level restarts after its parent
        numbering.marker(_p("3", 0)),  # a restarted list with startOverride 5
        numbering.marker(_p("0", 0, style="Heading1")),  # numId 0 switches numbering off
        numbering.marker(_p()),
    ]
    assert got == ["第一章 ", "1.1 ", "1.2 ", None, "第二章 ", "2.1 ", "第五章 ", None, None]


def test_numbering_without_definitions_gives_no_markers() -> None:
    assert Numbering(None, None).marker(_p("1", 0)) is None
