"""Word .docx files to text: paragraphs in order, table cells as lines, list numbers kept.

python-docx opens the package and renders each paragraph's runs (tabs, line breaks,
hyperlinks); the body is walked here directly as XML, because
``Document.iter_inner_content`` skips paragraphs inside content controls
(``w:sdt``), where cover pages and whole bodies of template-made reports live.

Table cells become one line each (row by row), and a cell merged downwards
(``w:vMerge`` continuation) is read once, so a flattened table does not repeat the
merged label on every row. Word's automatic list numbering is rendered by
``numbering.py``. Headers, footers, footnotes, comments and text boxes are not read:
they are page furniture or asides, not the report's body.
"""

from __future__ import annotations

import io
import zipfile
import zlib
from collections.abc import Iterator
from typing import Any

from miner.ingest.errors import UnreadableError
from miner.ingest.limits import ZipLimits, check_package
from miner.ingest.numbering import Numbering, W

_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


def _open(data: bytes, limits: ZipLimits) -> Any:
    """Open the package with python-docx, turning its failures into plain reasons."""
    if data.startswith(_OLE_MAGIC):
        raise UnreadableError(
            "the .docx file is an old binary Word (.doc) file or is password-protected; "
            "open it in Word and save it as an unprotected .docx"
        )
    try:
        zf = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, EOFError, ValueError) as exc:
        raise UnreadableError("the .docx file is damaged (not a zip archive)") from exc
    with zf:
        check_package(zf, limits, "the .docx file")
        if "word/document.xml" not in zf.namelist() and "[Content_Types].xml" not in zf.namelist():
            raise UnreadableError("the .docx file is damaged (it holds no Word document part)")
    import docx  # deferred: python-docx pulls in lxml, unneeded for text-only runs
    from docx.opc.exceptions import PackageNotFoundError

    try:
        return docx.Document(io.BytesIO(data))
    except PackageNotFoundError as exc:
        raise UnreadableError("the .docx file is damaged (no Word document inside)") from exc
    except (zipfile.BadZipFile, zlib.error, EOFError) as exc:
        raise UnreadableError(f"the .docx file is damaged ({exc})") from exc
    except KeyError as exc:
        raise UnreadableError(f"the .docx file is damaged (missing part {exc})") from exc
    except ValueError as exc:  # e.g. an .xlsx saved under a .docx name
        raise UnreadableError(f"the file is not a Word document ({exc})") from exc
    except Exception as exc:  # lxml XMLSyntaxError and kin
        raise UnreadableError(f"the .docx file is damaged (its XML does not parse: {exc})") from exc


def _part_element(getter: Any) -> Any | None:
    try:
        return getter().element
    except Exception:  # a document without numbering or styles part
        return None


def _paragraph_text(p: Any) -> str:
    from docx.text.paragraph import Paragraph

    # The parent is only needed for images and styles; text needs none.
    return str(Paragraph(p, None).text)  # type: ignore[arg-type]


def _walk(container: Any, numbering: Numbering) -> Iterator[str]:
    """Lines of a body, cell or content control, in document order."""
    for child in container.iterchildren():
        tag = child.tag
        if tag == W + "p":
            text = _paragraph_text(child).strip()
            marker = numbering.marker(child)
            if text:
                yield f"{marker}{text}" if marker else text
        elif tag == W + "tbl":
            yield from _table(child, numbering)
        elif tag in (W + "sdt", W + "customXml", W + "smartTag"):
            content = child.find(W + "sdtContent") if tag == W + "sdt" else child
            if content is not None:
                yield from _walk(content, numbering)


def _table(tbl: Any, numbering: Numbering) -> Iterator[str]:
    for tr in tbl.iterchildren(W + "tr"):
        for tc in tr.iterchildren(W + "tc"):
            tcpr = tc.find(W + "tcPr")
            vmerge = tcpr.find(W + "vMerge") if tcpr is not None else None
            if vmerge is not None and vmerge.get(W + "val", "continue") != "restart":
                continue  # the cell above holds the merged text
            yield from _walk(tc, numbering)


def docx_to_text(data: bytes, limits: ZipLimits | None = None) -> str:
    """The text of a .docx file, one paragraph or table cell per line.

    Raises:
        UnreadableError: the file is damaged, not a Word document, encrypted, or a zip bomb.

    Example:
        >>> docx_to_text(b"not a zip")
        Traceback (most recent call last):
        ...
        miner.ingest.errors.UnreadableError: the .docx file is damaged (not a zip archive)
    """
    document = _open(data, limits or ZipLimits())
    numbering = Numbering(
        _part_element(lambda: document.part.numbering_part),
        _part_element(lambda: document.part.styles),
    )
    body = document.element.body
    return "\n".join(_walk(body, numbering))
