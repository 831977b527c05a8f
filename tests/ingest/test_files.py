from __future__ import annotations

from pathlib import Path

import pytest

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


def test_files_walk_follows_folder_links_once(tmp_path: Path) -> None:
    from miner.ingest import iter_files

    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "x.txt").write_text("第二份材料。", encoding="utf-8")
    (tmp_path / "z.txt").write_text("第一份材料。", encoding="utf-8")
    outside = tmp_path.parent / f"{tmp_path.name}_linked"
    outside.mkdir()
    (outside / "y.txt").write_text("链接的材料。", encoding="utf-8")
    (tmp_path / "a").symlink_to(outside, target_is_directory=True)  # a folder linked in
    (tmp_path / "b" / "up").symlink_to("..", target_is_directory=True)  # a loop
    (tmp_path / "c").symlink_to("b", target_is_directory=True)  # a second way into b
    assert [s for _, s in iter_files(tmp_path)] == ["z.txt", "a/y.txt", "b/x.txt"]


def test_files_folder_that_cannot_be_listed_is_an_error_row(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import errno
    import os

    (tmp_path / "shut").mkdir()
    (tmp_path / "ok.txt").write_text("材料。", encoding="utf-8")
    scandir = os.scandir

    def deny(path: object) -> object:
        if Path(str(path)).name == "shut":
            raise PermissionError(errno.EACCES, "Permission denied", str(path))
        return scandir(path)  # type: ignore[call-overload]

    monkeypatch.setattr(os, "scandir", deny)
    items = {i.source: i for i in read_inputs(tmp_path)}
    assert items["shut"].error == (  # type: ignore[union-attr]
        "cannot list the folder: permission denied (miner may not read it)"
    )
    assert isinstance(items["ok.txt"], Page)


def test_files_named_pipe_is_not_opened(tmp_path: Path) -> None:
    import os

    os.mkfifo(tmp_path / "pipe.txt")
    (item,) = read_inputs(tmp_path)  # would block forever if the pipe were opened
    assert isinstance(item, ErrorRecord)
    assert item.error.startswith("not a regular file")


def test_files_size_limit_applies_to_files_and_archive_members(tmp_path: Path) -> None:
    import zipfile

    from miner.settings import Settings

    text = "全村党员52名参加学习。" * 100  # 3,200 bytes
    (tmp_path / "big.txt").write_text(text, encoding="utf-8")
    (tmp_path / "small.txt").write_text("材料。", encoding="utf-8")
    with zipfile.ZipFile(tmp_path / "a.zip", "w") as zf:
        zf.writestr("big.txt", text)
    items = {i.source: i for i in read_inputs(tmp_path, Settings(max_file_mb=0.002))}
    assert items["big.txt"].error == (  # type: ignore[union-attr]
        "the file is 3.2 KB, over the 2 KB limit for one document; raise --max-file-mb to read it"
    )
    assert "exceeds the 2 KB limit for one document" in items["a.zip!big.txt"].error  # type: ignore[union-attr]
    assert isinstance(items["small.txt"], Page)
    assert isinstance(next(read_inputs(tmp_path / "big.txt", Settings())), Page)
