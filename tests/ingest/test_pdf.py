from __future__ import annotations

import io
from pathlib import Path
from typing import Any

import pytest

from miner.ingest import read_inputs
from miner.ingest.errors import UnreadableError
from miner.ingest.pdf import NO_TEXT_LAYER, pdf_to_text
from miner.models import ErrorRecord, Page


def test_pdf_cjk_text_layer_keeps_line_breaks(make_cjk_pdf: Any, report_lines: list[str]) -> None:
    pdf = pdf_to_text(make_cjk_pdf(report_lines, pages=2))
    assert pdf.text.splitlines() == report_lines * 2
    assert pdf.pages == 2 and pdf.unusable == []


@pytest.mark.parametrize("glyphs", [b"0F2A1B3C2D4E", b"00480065006C006C006F0020003F"])
def test_pdf_unmapped_cid_font_is_a_clear_error(make_unmapped_pdf: Any, glyphs: bytes) -> None:
    with pytest.raises(UnreadableError) as info:
        pdf_to_text(make_unmapped_pdf(glyphs))
    assert str(info.value) == NO_TEXT_LAYER
    assert "OCR it first" in str(info.value)
    assert info.value.stage == "decode"


def test_pdf_without_text_is_a_clear_error(make_blank_pdf: Any) -> None:
    with pytest.raises(UnreadableError, match="no usable text layer"):
        pdf_to_text(make_blank_pdf())


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"hello, not a pdf", "not a PDF"),
        (b"%PDF-1.4\n1 0 obj\n<< /Type /Catalog", "damaged"),
    ],
)
def test_pdf_damaged_files_raise_plain_reasons(data: bytes, reason: str) -> None:
    with pytest.raises(UnreadableError, match=reason):
        pdf_to_text(data)


def test_pdf_read_inputs_gives_pages_and_error_rows(
    tmp_path: Path, make_cjk_pdf: Any, make_unmapped_pdf: Any, report_lines: list[str]
) -> None:
    (tmp_path / "a.pdf").write_bytes(make_cjk_pdf(report_lines))
    (tmp_path / "scan.pdf").write_bytes(make_unmapped_pdf())
    (tmp_path / "broken.pdf").write_bytes(b"%PDF-1.7 truncated")
    items = {i.source: i for i in read_inputs(tmp_path)}
    page = items["a.pdf"]
    assert isinstance(page, Page)
    assert page.encoding == "pdf"
    assert page.text.splitlines() == report_lines
    scan = items["scan.pdf"]
    assert isinstance(scan, ErrorRecord) and scan.error == NO_TEXT_LAYER
    assert isinstance(items["broken.pdf"], ErrorRecord)


def test_pdf_pages_without_text_layer_are_named(
    tmp_path: Path, make_cjk_pdf: Any, make_unmapped_pdf: Any, report_lines: list[str]
) -> None:
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter()
    for data in (make_cjk_pdf(report_lines), make_unmapped_pdf()):
        for page in PdfReader(io.BytesIO(data)).pages:
            writer.add_page(page)
    out = tmp_path / "mixed.pdf"
    with out.open("wb") as fh:
        writer.write(fh)
    items = list(read_inputs(out))
    errors = [i for i in items if isinstance(i, ErrorRecord)]
    pages = [i for i in items if isinstance(i, Page)]
    assert len(pages) == 1 and pages[0].text.splitlines() == report_lines
    assert len(errors) == 1 and errors[0].error.startswith("pages 2 of 2 have no usable text layer")
