"""PDF text layers to text, one PDF text line per line.

pypdf was chosen over pdfminer.six after measuring both on CJK PDFs (README, "Why
each dependency"): the same characters, 4–5× faster, one line per printed line,
and table rows kept together, where pdfminer put a blank line after every wrapped
line (so the layout-join repair could no longer tell a wrapped line from a
paragraph end) and read tables column by column.

What pypdf does not do is flag glyphs it cannot map: a Type0 font with
``Identity-H`` encoding and no ``ToUnicode`` map yields the raw glyph ids as
characters (pdfminer writes ``(cid:123)``). So the fonts are checked here: a page
that has such a font and little Chinese text, or whose text does not read as text,
is unusable; a page with
no text at all is blank or scanned. If no page has usable text, the file is an error
telling the user to OCR it; if only some pages are unusable, the rest is kept and
those pages are named in an error row (blank pages are not reported).
"""

from __future__ import annotations

import io
import logging
import re
from dataclasses import dataclass, field
from typing import Any

from miner.ingest.decode import looks_like_text
from miner.ingest.errors import UnreadableError

NO_TEXT_LAYER = (
    "the PDF has no usable text layer (scanned or CID font without a Unicode map); OCR it first"
)
_CID = re.compile(r"\(cid:\d+\)")
_HAN = re.compile(r"[\u3400-\u9fff\u3000-\u303f\uff00-\uffef]")
_IDENTITY = frozenset({"/Identity-H", "/Identity-V"})


@dataclass(slots=True)
class PdfText:
    """The usable text of a PDF and the 1-based numbers of pages without a text layer."""

    text: str
    pages: int
    unusable: list[int] = field(default_factory=list)


def _resolve(obj: Any) -> Any:
    return obj.get_object() if hasattr(obj, "get_object") else obj


def _unmapped_font(resources: Any, depth: int = 0) -> bool:
    """Whether a page's resources hold a CID font whose glyphs map to no characters."""
    resources = _resolve(resources)
    if not resources or depth > 3:
        return False
    fonts = _resolve(resources.get("/Font")) or {}
    for ref in fonts.values():
        font = _resolve(ref)
        if font.get("/Subtype") != "/Type0" or "/ToUnicode" in font:
            continue
        if _resolve(font.get("/Encoding")) in _IDENTITY:
            return True
    xobjects = _resolve(resources.get("/XObject")) or {}
    for ref in xobjects.values():
        xo = _resolve(ref)
        if xo.get("/Subtype") == "/Form" and _unmapped_font(xo.get("/Resources"), depth + 1):
            return True
    return False


def _han_share(text: str) -> float:
    """Share of Chinese characters among the non-space ones.

    Raw glyph ids of a subset font come out as control, ASCII and Latin characters,
    so a page with an unmapped font but mostly Chinese text is one whose body font
    is mapped and only a symbol font is not: its text is kept.
    """
    chars = [ch for ch in text if not ch.isspace()]
    return len(_HAN.findall("".join(chars))) / len(chars) if chars else 0.0


def _open(data: bytes) -> Any:
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    if b"%PDF" not in data[:1024]:
        raise UnreadableError("the .pdf file is not a PDF (no %PDF header)")
    try:
        reader = PdfReader(io.BytesIO(data))
    except PdfReadError as exc:
        raise UnreadableError(f"the .pdf file is damaged ({exc})") from exc
    except Exception as exc:
        raise UnreadableError(f"the .pdf file is damaged ({type(exc).__name__}: {exc})") from exc
    if reader.is_encrypted:
        # Many PDFs only carry an owner password that forbids copying; an empty user
        # password opens them.
        try:
            ok = reader.decrypt("")
        except Exception as exc:
            raise UnreadableError(
                f"the .pdf file is encrypted and cannot be opened ({exc})"
            ) from exc
        if not ok:
            raise UnreadableError("the .pdf file is password-protected; remove the password first")
    return reader


def pdf_to_text(data: bytes) -> PdfText:
    """The text layer of a PDF, pages joined by line breaks.

    Raises:
        UnreadableError: the file is damaged, password-protected, or has no usable text
            layer on any page.
    """
    reader = _open(data)
    # pypdf logs every odd object it repairs; those are not the user's business.
    logging.getLogger("pypdf").setLevel(logging.ERROR)
    texts: list[str] = []
    unusable: list[int] = []
    try:
        pages = list(reader.pages)
    except Exception as exc:
        raise UnreadableError(f"the .pdf file is damaged (its page tree: {exc})") from exc
    for number, page in enumerate(pages, start=1):
        try:
            text = page.extract_text() or ""
            unmapped = _unmapped_font(page.get("/Resources"))
        except Exception as exc:  # one broken page must not cost the others
            logging.getLogger(__name__).debug("page %d: %r", number, exc)
            unusable.append(number)
            continue
        text = text.replace("\r\n", "\n").replace("\r", "\n")
        if not text.strip():
            continue  # a blank or scanned page; reported only if every page is like it
        if (unmapped and _han_share(text) < 0.2) or _CID.search(text) or not looks_like_text(text):
            unusable.append(number)
            continue
        texts.append(text.strip("\n"))
    if not texts:
        raise UnreadableError(NO_TEXT_LAYER, stage="decode")
    return PdfText("\n".join(texts), len(pages), unusable)
