"""The ``Doc._`` and ``Span._`` attributes miner's components fill.

Plain attributes with a ``None`` default: spaCy keeps their values in
``doc.user_data``, which ``DocBin(store_user_data=True)`` and ``doc.to_bytes()``
carry, so a saved corpus of Docs keeps every figure's value and unit. Span values
are keyed by the span's character offsets, which is why section and slogan kinds
get different names (``section_kind``, ``kind``).
"""

from __future__ import annotations

from spacy.tokens import Doc, Span

SPAN_ATTRS: dict[str, tuple[str, ...]] = {
    # figures: the columns of the ``figures`` table
    "figures": ("raw", "value", "unit", "qualifier", "subject", "unit_class"),
    # slogans: campaign, formulation, motto, cited_document, honor
    "slogans": ("kind",),
    # sections: the heading tree
    "sections": (
        "section_id",
        "parent_id",
        "depth",
        "marker",
        "heading",
        "role",
        "section_kind",
        "section_path",
    ),
}
DOC_ATTRS: tuple[str, ...] = ("unit_name", "unit_type", "region", "date", "year", "genre")


def register() -> None:
    """Declare every attribute once per process (importing ``miner.nlp`` does this)."""
    for names in SPAN_ATTRS.values():
        for name in names:
            if not Span.has_extension(name):
                Span.set_extension(name, default=None)
    for name in DOC_ATTRS:
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=None)
