"""Every text-bearing format in every encoding miner promises, plus bad bytes."""

from __future__ import annotations

import codecs
import csv
import io
import json
from pathlib import Path

import pytest

from miner.ingest import read_inputs
from miner.ingest.streams import iter_lines, sniff
from miner.models import ErrorRecord, Page

SIMPLIFIED = "杉木坪乡党委书记陈镕主持召开创先争优活动推进会，全乡共有党员326名，投入资金12.5万元。"
TRADITIONAL = "教育局黨委創先爭優活動總結，黨員四百二十四名，開展學習活動，投入資金十二萬元。"

ENCODINGS = {
    # name: (encoder, label recorded in documents.encoding, HTML charset)
    "utf-8": (lambda s: s.encode("utf-8"), "utf-8", "utf-8"),
    "utf-8-bom": (lambda s: codecs.BOM_UTF8 + s.encode("utf-8"), "utf-8", "utf-8"),
    "utf-16-le-bom": (lambda s: codecs.BOM_UTF16_LE + s.encode("utf-16-le"), "utf-16", "utf-16"),
    "utf-16-be-bom": (lambda s: codecs.BOM_UTF16_BE + s.encode("utf-16-be"), "utf-16", "utf-16"),
    "gb18030": (lambda s: s.encode("gb18030"), "gb18030", "gb18030"),
    "gbk": (lambda s: s.encode("gbk"), "gb18030", "gbk"),
    "gb2312": (lambda s: s.encode("gb2312"), "gb18030", "gb2312"),
    "big5": (lambda s: s.encode("big5"), "big5", "big5"),
}


def _body(encoding: str) -> str:
    # Big5 has no simplified characters; GB2312 lacks 镕, so it gets the plainer name.
    if encoding == "big5":
        return TRADITIONAL
    return SIMPLIFIED.replace("镕", "荣") if encoding == "gb2312" else SIMPLIFIED


def _documents(body: str, charset: str) -> dict[str, str]:
    """The same two-article content as each text-bearing format."""
    second = body[::-1]
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerows([["id", "text"], ["1", body], ["2", second]])
    records = [{"text": body}, {"text": second}]
    return {
        "p.txt": body,
        "p.html": f'<html><head><meta charset="{charset}"></head><body><p>{body}</p></body></html>',
        "r.jsonl": "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records),
        "r.json": json.dumps(records, ensure_ascii=False),
        "r.csv": out.getvalue(),
    }


@pytest.mark.parametrize("name", list(ENCODINGS))
def test_streams_every_text_format_in_every_encoding(tmp_path: Path, name: str) -> None:
    encode, label, charset = ENCODINGS[name]
    body = _body(name)
    for filename, content in _documents(body, charset).items():
        (tmp_path / filename).write_bytes(encode(content))
    items = list(read_inputs(tmp_path))
    assert not [i for i in items if isinstance(i, ErrorRecord)]
    pages = {i.source: i for i in items if isinstance(i, Page)}
    assert set(pages) == {"p.html", "p.txt", "r.csv!1", "r.csv!2", "r.json!1", "r.json!2",
                          "r.jsonl!1", "r.jsonl!2"}  # fmt: skip
    for source, page in pages.items():
        assert page.encoding == label, source
        assert page.bad_bytes == 0, source
        expected = body[::-1] if source.endswith("!2") else body
        assert page.text.strip() == expected, source


def test_streams_bad_bytes_are_counted_per_record(tmp_path: Path) -> None:
    good = json.dumps({"text": SIMPLIFIED}, ensure_ascii=False).encode("gb18030")
    bad = good.replace("党委".encode("gb18030"), b"\xff\xfe\xff")
    (tmp_path / "r.jsonl").write_bytes(good + b"\n" + bad + b"\n" + good + b"\n")
    (tmp_path / "t.txt").write_bytes(SIMPLIFIED.encode("gb18030") + b"\x81\x20" + b"\xff")
    pages = {i.source: i for i in read_inputs(tmp_path) if isinstance(i, Page)}
    assert [pages[f"r.jsonl!{n}"].bad_bytes > 0 for n in (1, 2, 3)] == [False, True, False]
    assert "\ufffd" in pages["r.jsonl!2"].text
    assert pages["t.txt"].bad_bytes > 0


def test_streams_one_record_in_another_encoding_is_still_read(tmp_path: Path) -> None:
    utf8 = json.dumps({"text": "第一篇材料。"}, ensure_ascii=False).encode() + b"\n"
    gbk = json.dumps({"text": SIMPLIFIED}, ensure_ascii=False).encode("gb18030") + b"\n"
    (tmp_path / "r.jsonl").write_bytes(utf8 + gbk)
    pages = [i for i in read_inputs(tmp_path) if isinstance(i, Page)]
    assert [(p.text, p.encoding) for p in pages] == [
        ("第一篇材料。", "utf-8"),
        (SIMPLIFIED, "gb18030"),
    ]


def test_streams_sniff_keeps_every_byte_and_cuts_at_a_line() -> None:
    data = ("创先争优活动总结。\n" * 10_000).encode("utf-8")
    sniffed, rest = sniff(io.BytesIO(data))
    assert sniffed.encoding == "utf-8"
    lines = list(iter_lines(rest, sniffed))
    assert len(lines) == 10_000 and "".join(line.text for line in lines).encode() == data
    assert sum(line.n_bytes for line in lines) == len(data)


def test_streams_utf16_without_bom_is_recognised() -> None:
    # Without a BOM only the NUL bytes of ASCII characters give UTF-16 away, so the
    # records carry JSON syntax and numbers, as real JSONL does.
    line = '{"id": 12, "text": "社区工作汇报"}\n'
    sniffed, rest = sniff(io.BytesIO((line * 50).encode("utf-16-le")))
    assert sniffed.codec == "utf-16-le"
    assert [x.text for x in iter_lines(rest, sniffed)][:2] == [line] * 2


@pytest.mark.parametrize("codec", ["utf-8", "utf-16"])
def test_streams_overlong_line_is_passed_over_and_the_next_read(codec: str) -> None:
    long_line = "全村党员52名。" * 200_000 + "\n"  # 1.6 M characters, over the skip chunk
    text = "第一行\n" + long_line + "第三行\n"
    data = text.encode(codec)
    sniffed, rest = sniff(io.BytesIO(data))
    lines = list(iter_lines(rest, sniffed, max_bytes=1000))
    assert [(x.number, x.text, x.overlong) for x in lines] == [
        (1, "第一行\n", False),
        (2, "", True),
        (3, "第三行\n", False),
    ]
    assert lines[1].n_bytes == len(long_line.encode(codec)) - (2 if codec == "utf-16" else 0)
