from __future__ import annotations

import io
import zipfile
from pathlib import Path
from typing import Any

import pytest

from miner.ingest import read_inputs
from miner.ingest.docx import docx_to_text
from miner.ingest.errors import UnreadableError
from miner.ingest.limits import ZipLimits
from miner.models import ErrorRecord, Page


def test_docx_paragraphs_and_table_cells_in_order(make_docx: Any) -> None:
    data = make_docx(
        ["某村2023年工作总结", "全村党员52名。", "", "结尾段落。"],
        table=[["单位", "人数"], ["一村", "52名"]],
    )
    assert docx_to_text(data).splitlines() == [
        "某村2023年工作总结",
        "全村党员52名。",
        "结尾段落。",
        "单位",
        "人数",
        "一村",
        "52名",
    ]


def test_docx_renders_automatic_list_numbering(make_docx: Any) -> None:
    data = make_docx(
        [
            "关于开展创先争优活动的实施方案",
            ("指导思想", 0),
            ("组织领导", 1),
            ("成立领导小组", 2),
            ("明确责任分工", 2),
            ("宣传发动", 1),
            ("方法步骤", 0),
            ("动员部署", 1),
        ]
    )
    assert docx_to_text(data).splitlines() == [
        "关于开展创先争优活动的实施方案",
        "一、指导思想",
        "（一）组织领导",
        "1.成立领导小组",
        "2.明确责任分工",
        "（二）宣传发动",
        "二、方法步骤",
        "（一）动员部署",
    ]


def test_docx_reads_paragraphs_inside_content_controls(make_docx: Any) -> None:
    import docx
    from lxml import etree

    document = docx.Document(io.BytesIO(make_docx(["正文第一段。"])))
    body = document.element.body
    w = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
    sdt = etree.Element(w + "sdt")
    content = etree.SubElement(sdt, w + "sdtContent")
    p = etree.SubElement(content, w + "p")
    r = etree.SubElement(p, w + "r")
    etree.SubElement(r, w + "t").text = "封面标题"
    body.insert(0, sdt)
    out = io.BytesIO()
    document.save(out)
    assert docx_to_text(out.getvalue()).splitlines()[:2] == ["封面标题", "正文第一段。"]


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"PK\x03\x04 this is not really a zip", "the .docx file is damaged (not a zip archive)"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 100, "old binary Word (.doc)"),
    ],
)
def test_docx_damaged_files_raise_plain_reasons(data: bytes, reason: str) -> None:
    with pytest.raises(UnreadableError, match=reason.replace("(", r"\(").replace(")", r"\)")):
        docx_to_text(data)


def test_docx_zip_without_word_part_is_an_error(tmp_path: Path) -> None:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        zf.writestr("hello.txt", "not word")
    (tmp_path / "x.docx").write_bytes(buf.getvalue())
    (item,) = list(read_inputs(tmp_path))
    assert isinstance(item, ErrorRecord)
    assert item.error.startswith("the .docx file is damaged")


def test_docx_bomb_part_is_refused() -> None:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("[Content_Types].xml", "<Types/>")
        zf.writestr("word/media/big.bin", b"\0" * 5_000_000)
    with pytest.raises(UnreadableError, match="zip bomb"):
        docx_to_text(buf.getvalue(), ZipLimits())


def test_docx_read_inputs_gives_page_and_error_rows(tmp_path: Path, make_docx: Any) -> None:
    (tmp_path / "a.docx").write_bytes(make_docx(["社区工作汇报", ("基本情况", 0)]))
    (tmp_path / "b.docx").write_bytes(b"garbage")
    (tmp_path / "c.docx").write_bytes(make_docx([]))
    items = {i.source: i for i in read_inputs(tmp_path)}
    page = items["a.docx"]
    assert isinstance(page, Page)
    assert page.text == "社区工作汇报\n一、基本情况"
    assert page.encoding == "docx"
    assert isinstance(items["b.docx"], ErrorRecord)
    assert "damaged" in items["b.docx"].error
    empty = items["c.docx"]
    assert isinstance(empty, ErrorRecord) and "holds no text" in empty.error
