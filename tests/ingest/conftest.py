"""Builders for binary fixtures: made inside the tests, never committed.

A .docx with Word list numbering, a CJK PDF with reportlab's built-in STSong-Light
CID font (which carries a Unicode CMap, so it has a real text layer), and a PDF
whose Identity-H font has no Unicode map (what a scanned-then-"text" PDF or a broken
export looks like to a text extractor).
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from typing import Any

import pytest

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def _w(tag: str) -> str:
    return f"{{{W_NS}}}{tag}"


def add_chinese_list(document: Any, num_id: int = 77) -> int:
    """Define a 一、/（一）/1. list in the document's numbering part; returns its numId."""
    from lxml import etree

    root = document.part.numbering_part.element
    ab = etree.SubElement(root, _w("abstractNum"))
    ab.set(_w("abstractNumId"), str(num_id))
    for ilvl, (fmt, text) in enumerate(
        [("chineseCounting", "%1、"), ("chineseCounting", "（%2）"), ("decimal", "%3.")]
    ):
        lvl = etree.SubElement(ab, _w("lvl"))
        lvl.set(_w("ilvl"), str(ilvl))
        for tag, val in (("start", "1"), ("numFmt", fmt), ("lvlText", text)):
            etree.SubElement(lvl, _w(tag)).set(_w("val"), val)
    # w:abstractNum elements must precede w:num elements.
    first_num = root.find(_w("num"))
    if first_num is not None:
        first_num.addprevious(ab)
    num = etree.SubElement(root, _w("num"))
    num.set(_w("numId"), str(num_id))
    etree.SubElement(num, _w("abstractNumId")).set(_w("val"), str(num_id))
    return num_id


def number_paragraph(paragraph: Any, num_id: int, ilvl: int) -> None:
    """Give a python-docx paragraph a w:numPr (what Word writes for a list item)."""
    from lxml import etree

    ppr = paragraph._p.get_or_add_pPr()
    numpr = etree.SubElement(ppr, _w("numPr"))
    etree.SubElement(numpr, _w("ilvl")).set(_w("val"), str(ilvl))
    etree.SubElement(numpr, _w("numId")).set(_w("val"), str(num_id))


def docx_bytes(
    paragraphs: Sequence[str | tuple[str, int]], table: list[list[str]] | None = None
) -> bytes:
    """A .docx: plain strings are paragraphs, ``(text, level)`` are list items."""
    import docx

    document = docx.Document()
    num_id = add_chinese_list(document)
    for item in paragraphs:
        if isinstance(item, tuple):
            number_paragraph(document.add_paragraph(item[0]), num_id, item[1])
        else:
            document.add_paragraph(item)
    if table:
        t = document.add_table(rows=len(table), cols=len(table[0]))
        for r, row in enumerate(table):
            for c, cell in enumerate(row):
                t.cell(r, c).text = cell
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def cjk_pdf_bytes(lines: Sequence[str], pages: int = 1) -> bytes:
    """A PDF drawn with reportlab's STSong-Light, one ``drawString`` per line."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    out = io.BytesIO()
    c = canvas.Canvas(out, invariant=1)
    for _ in range(pages):
        c.setFont("STSong-Light", 12)
        y = 800
        for line in lines:
            c.drawString(60, y, line)
            y -= 20
        c.showPage()
    c.save()
    return out.getvalue()


def blank_pdf_bytes() -> bytes:
    """A PDF whose one page holds only a rectangle: what a scan without OCR looks like."""
    from reportlab.pdfgen import canvas

    out = io.BytesIO()
    c = canvas.Canvas(out, invariant=1)
    c.rect(50, 50, 400, 600, fill=1)
    c.showPage()
    c.save()
    return out.getvalue()


def unmapped_cid_pdf_bytes(glyphs: bytes = b"0F2A1B3C2D4E") -> bytes:
    """A PDF whose text uses an Identity-H CID font without a ToUnicode map.

    ``glyphs`` are hex glyph ids; ids below 0x100 (a subset font's) come out of the
    extractor as plausible-looking ASCII, which only the font check catches.
    """
    content = b"BT /F1 12 Tf 72 700 Td <" + glyphs + b"> Tj 0 -20 Td <00410042> Tj ET"
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
        b"/Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>",
        b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream",
        b"<< /Type /Font /Subtype /Type0 /BaseFont /ABCDEF+SimSun /Encoding /Identity-H "
        b"/DescendantFonts [6 0 R] >>",
        b"<< /Type /Font /Subtype /CIDFontType2 /BaseFont /ABCDEF+SimSun "
        b"/CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> "
        b"/FontDescriptor 7 0 R /DW 1000 >>",
        b"<< /Type /FontDescriptor /FontName /ABCDEF+SimSun /Flags 4 /FontBBox [0 0 1000 1000] "
        b"/ItalicAngle 0 /Ascent 880 /Descent -120 /CapHeight 700 /StemV 80 >>",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for i, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += f"{i} 0 obj\n".encode() + body + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    for off in offsets:
        out += f"{off:010d} 00000 n \n".encode()
    out += (
        f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n"
    ).encode()
    return bytes(out)


@pytest.fixture
def report_lines() -> list[str]:
    return [
        "某社区2023年创先争优活动总结",
        "一、基本情况",
        "今年以来，全社区党员326名全部作出公开承诺，",
        "投入资金21.6万元，培训群众1300余人次。",
        "（一）强化组织领导",
    ]


@pytest.fixture
def make_docx() -> Any:
    return docx_bytes


@pytest.fixture
def make_cjk_pdf() -> Any:
    return cjk_pdf_bytes


@pytest.fixture
def make_blank_pdf() -> Any:
    return blank_pdf_bytes


@pytest.fixture
def make_unmapped_pdf() -> Any:
    return unmapped_cid_pdf_bytes
