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


def test_files_run_reads_archives_and_records_end_to_end(tmp_path: Path) -> None:
    import json
    import zipfile

    import pandas as pd

    from miner.cli import main

    src = tmp_path / "in"
    src.mkdir()
    body = "今年以来，全村党员52名全部作出承诺，投入资金21.6万元。"
    with zipfile.ZipFile(src / "a.zip", "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("x.txt", f"某村工作总结\n{body}\n")
        zf.writestr("sub/y.txt", f"某社区工作汇报\n{body}培训群众1300余人次。\n")
    records = [
        {"title": f"第{i}村活动总结", "content": f"{body}开展活动{i}次。"} for i in (1, 2, 3)
    ]
    (src / "r.jsonl").write_text(
        "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8"
    )
    out = tmp_path / "out"
    code = main(["run", str(src), "-o", str(out), "--no-progress", "-q", "--no-duckdb"])
    assert code == 0
    docs = pd.read_parquet(out / "documents.parquet")
    assert sorted(docs["source"]) == [
        "a.zip!sub/y.txt",
        "a.zip!x.txt",
        "r.jsonl!1",
        "r.jsonl!2",
        "r.jsonl!3",
    ]
    third = docs.set_index("source").loc["r.jsonl!3"]
    assert third["title"] == "第3村活动总结"
    assert "开展活动3次" in third["text"]


def test_files_text_field_option_reaches_the_reader(tmp_path: Path) -> None:
    from miner.cli import main

    (tmp_path / "r.jsonl").write_text('{"summary": "某村工作总结。全村党员52名。"}\n', "utf-8")
    out = tmp_path / "out"
    assert main(["run", str(tmp_path / "r.jsonl"), "-o", str(out), "-q", "--no-csv"]) == 1
    assert (
        main(["run", str(tmp_path / "r.jsonl"), "-o", str(out), "-q", "--text-field", "summary"])
        == 0
    )
