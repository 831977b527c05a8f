from __future__ import annotations

import pytest

from miner.ingest.decode import decode_bytes

TEXT = "杉木坪乡党委书记陈镕主持召开创先争优活动推进会，全乡共有党员326名。"


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        (TEXT.encode("utf-8"), "utf-8"),
        (b"\xef\xbb\xbf" + TEXT.encode("utf-8"), "utf-8"),
        (TEXT.encode("utf-16"), "utf-16"),
        (TEXT.encode("utf-16-be"), "utf-16"),
        (TEXT.encode("gb18030"), "gb18030"),
    ],
)
def test_decode_known_encodings(data: bytes, encoding: str) -> None:
    got = decode_bytes(data)
    assert got.text == TEXT
    assert got.encoding == encoding
    assert got.bad_bytes == 0


def test_decode_gbk_text_is_read_as_gb18030() -> None:
    text = "创先争优活动总结：全乡25个农村党支部开展承诺践诺活动。" * 3
    got = decode_bytes(text.encode("gbk"))
    assert got.text == text
    assert got.encoding == "gb18030"


def test_decode_big5() -> None:
    text = "教育局黨委創先爭優活動總結，黨員四百二十四名，開展學習活動。" * 3
    got = decode_bytes(text.encode("big5"))
    assert got.text == text
    assert got.encoding == "big5"


def test_decode_declared_charset_wins_when_it_decodes() -> None:
    text = "社区工作汇报" * 5
    assert decode_bytes(text.encode("gb18030"), declared="gb2312").encoding == "gb18030"


def test_decode_counts_bad_bytes_instead_of_failing() -> None:
    data = "开展活动".encode() + b"\xff\xfe\xfa" + "取得成效".encode()
    got = decode_bytes(data)
    assert "开展活动" in got.text or got.bad_bytes > 0
    assert isinstance(got.text, str)
