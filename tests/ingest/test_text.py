"""Plain-text and HTML pages from bytes: what is text, what is binary, what is empty."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from miner.ingest.text import page_from_bytes
from miner.models import ErrorRecord, Page

PAGE = "某村工作总结\n今年以来，全村党员52名全部作出承诺。\n"


def test_text_stray_nul_bytes_are_dropped_and_counted() -> None:
    data = PAGE.encode()
    page = page_from_bytes("p.txt", data[:9] + b"\x00\x00" + data[9:] + b"\x00" * 10, ".txt")
    assert isinstance(page, Page)
    assert (page.text, page.bad_bytes, page.n_bytes) == (PAGE, 12, len(data) + 12)


def test_text_utf16_keeps_its_nul_bytes() -> None:
    page = page_from_bytes("p.txt", PAGE.encode("utf-16-le"), ".txt")
    assert isinstance(page, Page)
    assert (page.text, page.encoding, page.bad_bytes) == (PAGE, "utf-16", 0)


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "the file is a PNG image, not text"),
        (b"%PDF-1.4\n%\xe2\xe3", "the file is a PDF document (name it .pdf to read it), not text"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(64), "an old Office document"),
        (bytes(range(256)) * 8, "the file holds binary data (control bytes), not text"),
        (PAGE.encode() + bytes(range(1, 9)) * 2, "the file holds binary data (control bytes)"),
        (b"\x00" * 5 + "全村".encode("gb18030") + b"\xff" * 3, "binary data (NUL bytes)"),
        (b"", "the file is empty"),
        (" \n\u3000\t\n".encode(), "the file holds only white space"),
    ],
)
def test_text_what_is_not_a_page(data: bytes, reason: str) -> None:
    item = page_from_bytes("p.txt", data, ".txt")
    assert isinstance(item, ErrorRecord)
    assert reason in item.error


def test_text_html_without_visible_text() -> None:
    html = b"<html><head><style>p{}</style><script>var a=1</script></head><body></body></html>"
    item = page_from_bytes("p.html", html, ".html")
    assert isinstance(item, ErrorRecord)
    assert item.error == "the HTML page has no visible text (only markup, scripts or styles)"


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.binary(max_size=400), suffix=st.sampled_from([".txt", ".html"]))
def test_text_any_bytes_give_a_page_or_a_readable_error(
    data: bytes, suffix: str, readable: Callable[[str], bool]
) -> None:
    item = page_from_bytes("p" + suffix, data, suffix)
    if isinstance(item, ErrorRecord):
        assert readable(item.error), item.error
    else:
        assert item.text.strip() and "\r" not in item.text
        assert item.bad_bytes >= 0 and item.n_bytes == len(data)
