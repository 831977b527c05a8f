from __future__ import annotations

import codecs

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

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


def test_decode_two_encodings_in_one_file_line_by_line() -> None:
    gbk = "全乡共有党支部25个，组织学习12次。"
    data = (TEXT + "\n").encode("utf-8") + (gbk + "\n").encode("gb18030") + b"end\n"
    got = decode_bytes(data)
    assert got.text == f"{TEXT}\n{gbk}\nend\n"
    assert got.encoding == "utf-8+gb18030"
    assert got.bad_bytes == 0


def test_decode_gb18030_file_is_not_taken_for_two_encodings() -> None:
    text = "\n".join([TEXT, "全乡共有党支部25个。", "abc", "组织学习12次，取得成效。"])
    got = decode_bytes(text.encode("gb18030"))
    assert (got.text, got.encoding) == (text, "gb18030")


def test_decode_character_cut_at_the_end_is_one_bad_character() -> None:
    got = decode_bytes(TEXT.encode() + "党".encode()[:2])
    assert got.text == TEXT + "\ufffd"
    assert (got.encoding, got.bad_bytes) == ("utf-8", 2)


def test_decode_ff_fe_inside_a_file_is_damage_not_a_bom() -> None:
    data = (TEXT + "\n").encode() + b"\xff\xfe\xfa" * 4 + "取得成效。\n".encode()
    got = decode_bytes(data)
    assert got.encoding.startswith("utf-8")
    assert TEXT in got.text and got.bad_bytes > 0


def test_decode_utf16_without_bom_that_is_valid_utf8_too() -> None:
    # 全村党员 in UTF-16-LE is the ASCII "hQQgZQXT"; only the digits' NULs tell.
    text = "全村党员52名，投入资金21.6万元"
    got = decode_bytes(text.encode("utf-16-le"))
    assert (got.text, got.encoding) == (text, "utf-16")


# -- properties ----------------------------------------------------------------------

# Chinese lines: a few Han characters at least, then anything from a report's alphabet. A
# line of digits alone is not enough to tell UTF-8 with two stray bytes from a GB18030 file
# (2222\x81@ is 2222丂 in GB18030), so the property is stated for lines a report would hold.
_HAN = "党员全村开展活动工作组织学习群众投入资金取得成效"
_CHINESE = st.tuples(
    st.text(alphabet=_HAN, min_size=2),
    st.text(alphabet=_HAN + "，。52", min_size=2),
).map("".join)


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=300))
def test_decode_never_raises_on_any_bytes(data: bytes) -> None:
    got = decode_bytes(data)
    assert isinstance(got.text, str)
    assert got.bad_bytes >= 0 and got.encoding


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=200))
def test_decode_valid_utf8_is_read_exactly(text: str) -> None:
    data = text.encode()
    assume(b"\x00" not in data and not data.startswith(codecs.BOM_UTF8))
    got = decode_bytes(data)
    assert (got.text, got.encoding, got.bad_bytes) == (text, "utf-8", 0)


@settings(max_examples=200, deadline=None)
@given(_CHINESE, st.binary(min_size=1, max_size=8), _CHINESE)
def test_decode_bad_bytes_are_counted_and_good_lines_kept(
    before: str, junk: bytes, after: str
) -> None:
    data = before.encode() + junk + b"\n" + after.encode()
    assume(b"\x00" not in junk)
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        got = decode_bytes(data)
        assert got.text.endswith("\n" + after)  # the clean line survives the damage
        assert got.bad_bytes > 0 or "+" in got.encoding
