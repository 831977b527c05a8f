from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from miner.ingest import read_inputs
from miner.ingest.errors import UnreadableError
from miner.ingest.records import read_csv, read_json, read_jsonl, record_text
from miner.models import ErrorRecord, Page
from miner.settings import Settings


def _jsonl(records: list[object]) -> str:
    return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records)


def _items(tmp_path: Path, settings: Settings | None = None) -> dict[str, Page | ErrorRecord]:
    return {i.source: i for i in read_inputs(tmp_path, settings)}  # type: ignore[misc]


@pytest.mark.parametrize("field", ["text", "content", "raw_content", "body", "正文", "内容"])
def test_records_jsonl_text_field_is_auto_detected(tmp_path: Path, field: str) -> None:
    (tmp_path / "r.jsonl").write_text(
        _jsonl([{"id": 1, field: "第一篇。"}, {"id": 2, field: "第二篇。"}]), encoding="utf-8"
    )
    items = _items(tmp_path)
    assert [p.text for p in items.values()] == ["第一篇。", "第二篇。"]  # type: ignore[union-attr]
    assert list(items) == ["r.jsonl!1", "r.jsonl!2"]


def test_records_jsonl_named_text_field_wins(tmp_path: Path) -> None:
    (tmp_path / "r.jsonl").write_text(_jsonl([{"text": "摘要", "full": "全文。"}]), "utf-8")
    (page,) = _items(tmp_path, Settings(text_field="full")).values()
    assert isinstance(page, Page) and page.text == "全文。"


def test_records_jsonl_without_text_field_is_one_error(tmp_path: Path) -> None:
    (tmp_path / "r.jsonl").write_text(_jsonl([{"id": 1, "url": "x"}, {"id": 2}]), "utf-8")
    (err,) = _items(tmp_path).values()
    assert isinstance(err, ErrorRecord) and err.source == "r.jsonl"
    assert "no text field found" in err.error and "id, url" in err.error
    assert "--text-field" in err.error


def test_records_jsonl_bad_line_is_an_error_and_the_rest_go_on(tmp_path: Path) -> None:
    lines = _jsonl([{"content": "一"}]) + '{"content": "断了\n\n' + _jsonl([{"content": "三"}])
    (tmp_path / "r.jsonl").write_text(lines + '"裸字符串记录"\n42\n{"content": ""}\n', "utf-8")
    items = _items(tmp_path)
    assert list(items) == [
        "r.jsonl!1",
        "r.jsonl!2",
        "r.jsonl!4",
        "r.jsonl!5",
        "r.jsonl!6",
        "r.jsonl!7",
    ]
    assert isinstance(items["r.jsonl!2"], ErrorRecord)
    assert items["r.jsonl!2"].error.startswith("line 2 is not valid JSON")
    assert isinstance(items["r.jsonl!4"], Page) and items["r.jsonl!4"].text == "三"
    assert isinstance(items["r.jsonl!5"], Page) and items["r.jsonl!5"].text == "裸字符串记录"
    assert "JSON int, not an object" in items["r.jsonl!6"].error  # type: ignore[union-attr]
    assert "field is empty" in items["r.jsonl!7"].error  # type: ignore[union-attr]


def test_records_title_is_prepended_once() -> None:
    assert record_text({"title": "某村总结", "text": "正文。"}, "text") == "某村总结\n正文。"
    assert (
        record_text({"title": "某村总结", "text": "某村总结\n正文。"}, "text") == "某村总结\n正文。"
    )
    assert record_text({"title": "  ", "text": "正文。"}, "text") == "正文。"
    with pytest.raises(UnreadableError, match="no 'content' field"):
        record_text({"text": "x"}, "content")


class _CountingStream(io.RawIOBase):
    """A JSONL stream of many records that counts how much has been read."""

    def __init__(self, n: int) -> None:
        self.data = _jsonl([{"text": f"第{i}篇材料。" * 20} for i in range(n)]).encode()
        self.pos = 0

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: memoryview) -> int:  # type: ignore[override]
        chunk = self.data[self.pos : self.pos + len(buffer)]
        buffer[: len(chunk)] = chunk
        self.pos += len(chunk)
        return len(chunk)


def test_records_jsonl_is_streamed_not_loaded_whole() -> None:
    stream = _CountingStream(20_000)
    assert len(stream.data) > 5_000_000
    records: Iterator[Page | ErrorRecord] = read_jsonl("big.jsonl", stream)  # type: ignore[arg-type]
    first = next(records)
    assert isinstance(first, Page) and first.source == "big.jsonl!1"
    assert stream.pos < 500_000  # only the first buffers were read


def test_records_json_array_and_single_document(tmp_path: Path) -> None:
    arr = [{"title": "甲", "content": "一。"}, {"content": "二。"}, "三。"]
    (tmp_path / "arr.json").write_text(json.dumps(arr, ensure_ascii=False, indent=2), "utf-8")
    (tmp_path / "one.json").write_text(json.dumps({"body": "独篇。"}, indent=2), "utf-8")
    (tmp_path / "lines.json").write_text(
        _jsonl([{"content": "行一"}, {"content": "行二"}]), "utf-8"
    )
    items = _items(tmp_path)
    texts = {s: getattr(i, "text", None) for s, i in items.items()}
    assert texts == {
        "arr.json!1": "甲\n一。",
        "arr.json!2": "二。",
        "arr.json!3": "三。",
        "lines.json!1": "行一",
        "lines.json!2": "行二",
        "one.json!1": "独篇。",
    }


def test_records_json_array_larger_than_a_chunk_streams() -> None:
    arr = [{"content": f"第{i}篇。" + "内容" * 500} for i in range(1500)]
    data = json.dumps(arr, ensure_ascii=False).encode()
    assert len(data) > 2 * (1 << 20)
    pages = list(read_json("a.json", io.BytesIO(data)))
    assert len(pages) == 1500 and all(isinstance(p, Page) for p in pages)
    assert pages[-1].source == "a.json!1500" and pages[-1].text.startswith("第1499篇。")  # type: ignore[union-attr]


def test_records_json_array_syntax_error_is_reported() -> None:
    items = list(read_json("a.json", io.BytesIO(b'[{"text": "x"}, {"text": }]')))
    assert isinstance(items[0], Page)
    assert isinstance(items[1], ErrorRecord) and items[1].source == "a.json!2"


def test_records_csv_in_gb18030_with_multiline_cells(tmp_path: Path) -> None:
    buf = io.StringIO()
    writer = csv.writer(buf)
    writer.writerow(["id", "title", "内容"])
    writer.writerow(["1", "某社区工作汇报", "一、基本情况\n全社区党员52名。"])
    writer.writerow(["2", "", "第二篇。"])
    writer.writerow([])
    writer.writerow(["3"])
    (tmp_path / "g.csv").write_bytes(buf.getvalue().encode("gb18030"))
    items = _items(tmp_path)
    first = items["g.csv!1"]
    assert isinstance(first, Page)
    assert first.text == "某社区工作汇报\n一、基本情况\n全社区党员52名。"
    assert first.encoding == "gb18030"
    assert items["g.csv!2"].text == "第二篇。"  # type: ignore[union-attr]
    assert "only 1 columns" in items["g.csv!3"].error  # type: ignore[union-attr]


def test_records_csv_header_without_text_column_is_one_error(tmp_path: Path) -> None:
    with pytest.raises(UnreadableError, match="no text field found"):
        list(read_csv("t.csv", io.BytesIO(b"a,b\n1,2\n")))
    (tmp_path / "t.csv").write_bytes(b"a,b\n1,2\n3,4\n")
    (err,) = _items(tmp_path).values()
    assert isinstance(err, ErrorRecord) and err.source == "t.csv"


def test_records_tsv_and_semicolon_csv(tmp_path: Path) -> None:
    (tmp_path / "t.tsv").write_text("id\ttext\n1\t制表符分隔。\n", "utf-8")
    (tmp_path / "s.csv").write_text("id;text\n1;分号分隔，有逗号。\n", "utf-8")
    items = _items(tmp_path)
    assert items["t.tsv!1"].text == "制表符分隔。"  # type: ignore[union-attr]
    assert items["s.csv!1"].text == "分号分隔，有逗号。"  # type: ignore[union-attr]


@pytest.mark.parametrize("name", ["e.jsonl", "e.json", "e.csv"])
def test_records_empty_files_are_error_rows(tmp_path: Path, name: str) -> None:
    (tmp_path / name).write_bytes(b"\n\n")
    (err,) = _items(tmp_path).values()
    assert isinstance(err, ErrorRecord) and err.source == name and "empty" in err.error


def test_records_over_the_size_limit_are_error_rows(tmp_path: Path) -> None:
    big = "全村党员52名。" * 200  # 4,000 bytes
    (tmp_path / "r.jsonl").write_text(
        _jsonl([{"text": "第一篇。"}, {"text": big}, {"text": "第三篇。"}]), encoding="utf-8"
    )
    (tmp_path / "r.csv").write_text(f"id,text\n1,第一篇。\n2,{big}\n3,第三篇。\n", "utf-8")
    (tmp_path / "a.json").write_text(json.dumps([{"text": "一"}, {"text": big * 300}]), "utf-8")
    items = _items(tmp_path, Settings(max_file_mb=0.002))
    for name in ("r.jsonl", "r.csv"):
        assert items[f"{name}!1"].text == "第一篇。"  # type: ignore[union-attr]
        assert items[f"{name}!3"].text == "第三篇。"  # type: ignore[union-attr]
    assert items["r.jsonl!2"].error == (  # type: ignore[union-attr]
        "line 2 is 4.01 KB, over the 2 KB limit for one document; raise --max-file-mb to read it"
    )
    assert items["r.csv!2"].error.startswith("record 2 is 4")  # type: ignore[union-attr]
    assert items["a.json!1"].text == "一"  # type: ignore[union-attr]
    assert "element 2 is larger than the 2 KB limit" in items["a.json!2"].error  # type: ignore[union-attr]


def test_records_single_json_document_is_read_in_chunks(tmp_path: Path) -> None:
    # One read of the limit would allocate it all first: 100 GB here.
    (tmp_path / "one.json").write_text(json.dumps({"body": "独篇。"}, indent=2), "utf-8")
    items = _items(tmp_path, Settings(max_file_mb=100_000))
    assert items["one.json!1"].text == "独篇。"  # type: ignore[union-attr]
    with pytest.raises(ValueError, match="max_file_mb"):
        Settings(max_file_mb=float("inf"))
