from __future__ import annotations

from pathlib import Path

from miner.ingest import Skipped, read_inputs
from miner.ingest.html import html_to_text
from miner.models import ErrorRecord, Page


def test_read_inputs_orders_files_and_reports_problems(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "z.txt").write_text("第二份材料。", encoding="utf-8")
    (tmp_path / "a.txt").write_bytes("第一份材料。".encode("gb18030"))
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "pic.png").write_bytes(b"\x89PNG\r\n")
    (tmp_path / "bin.txt").write_bytes(b"\x00\x01\x02\x03" * 100)
    items = list(read_inputs(tmp_path))
    pages = [i for i in items if isinstance(i, Page)]
    errors = {i.source: i.error for i in items if isinstance(i, ErrorRecord)}
    skipped = [i for i in items if isinstance(i, Skipped)]
    assert [p.source for p in pages] == ["a.txt", "b/z.txt"]
    assert pages[0].encoding == "gb18030"
    assert "empty" in errors["empty.txt"]
    assert "binary" in errors["bin.txt"]
    assert skipped == [Skipped("pic.png", ".png")]


def test_html_to_text_drops_markup_keeps_blocks() -> None:
    html = (
        "<html><head><title>标题</title><style>p{}</style></head><body>"
        "<script>alert('x')</script><p>一、基本情况</p><p>全村党员52名。</p></body></html>"
    )
    text = html_to_text(html)
    assert "alert" not in text and "p{}" not in text
    assert text.splitlines() == ["标题", "一、基本情况", "全村党员52名。"]


def test_html_declared_charset_is_used(tmp_path: Path) -> None:
    html = '<html><head><meta charset="gb2312"></head><body><p>社区党建工作汇报</p></body></html>'
    (tmp_path / "p.html").write_bytes(html.encode("gb18030"))
    (page,) = list(read_inputs(tmp_path))
    assert isinstance(page, Page)
    assert page.encoding == "gb18030"
    assert "社区党建工作汇报" in page.text
