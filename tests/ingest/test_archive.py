from __future__ import annotations

import io
import zipfile
from pathlib import Path
from typing import Any

import pytest

from miner.ingest import Skipped, read_inputs
from miner.ingest.archive import read_zip
from miner.ingest.limits import ZipLimits
from miner.models import ErrorRecord, Page
from miner.settings import Settings


def _zip(path: Path, members: dict[str, bytes | str], method: int = zipfile.ZIP_DEFLATED) -> Path:
    with zipfile.ZipFile(path, "w", method) as zf:
        for name, data in members.items():
            zf.writestr(name, data)
    return path


def _by_source(root: Path, settings: Settings | None = None) -> dict[str, Any]:
    return {i.source: i for i in read_inputs(root, settings)}


def _snapshot(root: Path) -> set[str]:
    return {str(p) for p in root.rglob("*")}


def test_archive_members_are_read_in_place_in_name_order(
    tmp_path: Path, make_docx: Any, make_cjk_pdf: Any
) -> None:
    src = tmp_path / "in"
    src.mkdir()
    _zip(
        src / "a.zip",
        {
            "pages/2.txt": "第二篇材料。".encode("gb18030"),
            "pages/1.html": "<p>第一篇材料。</p>",
            "r.jsonl": '{"text": "记录一"}\n{"text": "记录二"}\n',
            "w.docx": make_docx(["文档材料。"]),
            "p.pdf": make_cjk_pdf(["PDF材料。"]),
            "pic.png": b"\x89PNG",
            "__MACOSX/._x.txt": b"junk",
            "README.md": "about",
        },
    )
    before = _snapshot(tmp_path)
    items = list(read_inputs(src))
    assert _snapshot(tmp_path) == before  # nothing unpacked to disk
    assert [i.source for i in items] == [
        "a.zip!p.pdf",
        "a.zip!pages/1.html",
        "a.zip!pages/2.txt",
        "a.zip!pic.png",
        "a.zip!r.jsonl!1",
        "a.zip!r.jsonl!2",
        "a.zip!w.docx",
    ]
    pages = {i.source: i for i in items if isinstance(i, Page)}
    assert pages["a.zip!pages/2.txt"].encoding == "gb18030"
    assert pages["a.zip!pages/2.txt"].text == "第二篇材料。"
    assert pages["a.zip!w.docx"].text == "文档材料。"
    assert pages["a.zip!p.pdf"].text == "PDF材料。"
    assert isinstance(items[3], Skipped) and items[3].suffix == ".png"


def test_archive_member_named_with_dotdot_is_only_a_name(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    work = tmp_path / "a" / "b"
    work.mkdir(parents=True)
    _zip(work / "evil.zip", {"../../x.txt": "越界的名字。", "/abs/y.txt": "绝对路径。"})
    before = _snapshot(tmp_path)
    monkeypatch.chdir(work)
    items = _by_source(work)
    assert items["evil.zip!../../x.txt"].text == "越界的名字。"
    assert "evil.zip!abs/y.txt" in items or "evil.zip!/abs/y.txt" in items
    assert _snapshot(tmp_path) == before
    assert not (tmp_path / "x.txt").exists()


def test_archive_zip_bomb_is_refused_by_ratio(tmp_path: Path) -> None:
    _zip(tmp_path / "bomb.zip", {"big.txt": b"0" * 30_000_000, "ok.txt": "正常材料。"})
    assert (tmp_path / "bomb.zip").stat().st_size < 100_000
    items = _by_source(tmp_path)
    err = items["bomb.zip!big.txt"]
    assert isinstance(err, ErrorRecord)
    assert "zip bomb" in err.error and "over the limit of 100" in err.error
    assert items["bomb.zip!ok.txt"].text == "正常材料。"


def test_archive_total_and_member_limits_come_from_settings(tmp_path: Path) -> None:
    text = "".join(f"第{i}段：全村党员{i}名参加学习。\n" for i in range(40_000))
    _zip(tmp_path / "a.zip", {"1.txt": text, "2.txt": text, "3.txt": text})
    size = len(text.encode())
    member = _by_source(tmp_path, Settings(archive_max_member_bytes=size - 1))
    assert "exceeds the" in member["a.zip!1.txt"].error and "limit" in member["a.zip!1.txt"].error
    total = _by_source(tmp_path, Settings(archive_max_total_bytes=int(size * 2.5)))
    assert isinstance(total["a.zip!2.txt"], Page)
    assert "stopped reading the archive at 3.txt" in total["a.zip"].error
    assert "a.zip!3.txt" not in total


def test_archive_damaged_archive_and_member_are_error_rows(tmp_path: Path) -> None:
    (tmp_path / "broken.zip").write_bytes(b"PK\x03\x04 not really")
    raw = io.BytesIO()
    with zipfile.ZipFile(raw, "w", zipfile.ZIP_STORED) as zf:
        zf.writestr("a.txt", "完好的材料。")
        zf.writestr("b.txt", "损坏的材料。")
    data = bytearray(raw.getvalue())
    pos = data.find("损坏".encode())
    data[pos] ^= 0xFF  # the CRC no longer matches
    (tmp_path / "crc.zip").write_bytes(bytes(data))
    items = _by_source(tmp_path)
    assert items["broken.zip"].error.startswith("the .zip archive is damaged")
    assert items["crc.zip!a.txt"].text == "完好的材料。"
    assert "damaged" in items["crc.zip!b.txt"].error


def test_archive_nested_archive_is_refused(tmp_path: Path) -> None:
    inner = io.BytesIO()
    with zipfile.ZipFile(inner, "w") as zf:
        zf.writestr("x.txt", "里层。")
    _zip(tmp_path / "outer.zip", {"inner.zip": inner.getvalue()})
    (err,) = _by_source(tmp_path).values()
    assert err.source == "outer.zip!inner.zip"
    assert "nested archives are not opened" in err.error


def test_archive_gbk_member_names_are_decoded(tmp_path: Path) -> None:
    gbk = "工作总结.txt".encode("gbk")
    placeholder = b"x" * (len(gbk) - 4) + b".txt"
    raw = io.BytesIO()
    with zipfile.ZipFile(raw, "w") as zf:
        zf.writestr(placeholder.decode(), "内容。")
    (tmp_path / "cn.zip").write_bytes(raw.getvalue().replace(placeholder, gbk))
    items = list(read_zip(tmp_path / "cn.zip", "cn.zip", ZipLimits()))
    assert [i.source for i in items] == ["cn.zip!工作总结.txt"]
