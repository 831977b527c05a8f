"""miner's extractors as spaCy components: thin adapters, no logic of their own.

Each component runs one function of ``miner.extract`` on ``doc.text`` and turns
its records into spans of ``doc.spans[key]`` (figures, slogans, sections) or
``Doc._`` attributes (unit). The extractors work on characters, so a figure may
end inside a token (``21.6万`` in ``21.6/万元``); spans are widened to whole
tokens (``alignment_mode="expand"``) while the attributes keep the exact record
(``span._.raw`` is what was written). The factories are registered with spaCy
through the ``spacy_factories`` entry points in ``pyproject.toml``, so
``nlp.add_pipe("miner_figures")`` works in any pipeline once miner is installed.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, Span

from miner.extract.figures import find_figures
from miner.extract.sections import find_sections
from miner.extract.slogans import find_slogans
from miner.extract.units import describe
from miner.nlp.extensions import DOC_ATTRS, SPAN_ATTRS, register

register()


def _spans(doc: Doc, records: Sequence[Any], label: Callable[[Any], str | None], key: str) -> Doc:
    """Records with ``start``/``end`` offsets into ``doc.text`` → ``doc.spans[key]``."""
    spans: list[Span] = []
    for record in records:
        span = doc.char_span(
            record.start, record.end, label=label(record) or key, alignment_mode="expand"
        )
        if span is None:  # pragma: no cover - expand always finds tokens in a non-empty span
            continue
        for name in SPAN_ATTRS[key]:
            source = "kind" if name == "section_kind" else name
            setattr(span._, name, getattr(record, source))
        spans.append(span)
    doc.spans[key] = spans
    return doc


class Figures:
    """``doc.spans[key]``: numeric claims, labelled by unit class (people, money …)."""

    def __init__(self, key: str = "figures") -> None:
        self.key = key

    def __call__(self, doc: Doc) -> Doc:
        return _spans(doc, find_figures(doc.text), lambda f: f.unit_class, self.key)


class Slogans:
    """``doc.spans[key]``: campaign names, formulations, mottos …, labelled by kind."""

    def __init__(self, key: str = "slogans") -> None:
        self.key = key

    def __call__(self, doc: Doc) -> Doc:
        return _spans(doc, find_slogans(doc.text), lambda s: s.kind, self.key)


class Sections:
    """``doc.spans[key]``: numbered sections (heading included), labelled by role."""

    def __init__(self, key: str = "sections") -> None:
        self.key = key

    def __call__(self, doc: Doc) -> Doc:
        return _spans(doc, find_sections(doc.text), lambda s: s.role, self.key)


class Units:
    """``doc._.unit_name``, ``unit_type``, ``region``, ``date``, ``year``, ``genre``."""

    def __call__(self, doc: Doc) -> Doc:
        meta = describe(doc.text, None)
        for name in DOC_ATTRS:
            setattr(doc._, name, getattr(meta, name))
        return doc


@Language.factory("miner_figures", default_config={"key": "figures"})
def make_figures(nlp: Language, name: str, key: str) -> Figures:
    return Figures(key)


@Language.factory("miner_slogans", default_config={"key": "slogans"})
def make_slogans(nlp: Language, name: str, key: str) -> Slogans:
    return Slogans(key)


@Language.factory("miner_sections", default_config={"key": "sections"})
def make_sections(nlp: Language, name: str, key: str) -> Sections:
    return Sections(key)


@Language.factory("miner_units")
def make_units(nlp: Language, name: str) -> Units:
    return Units()
