"""The records that flow between pipeline stages.

Every stage is a plain function over these small dataclasses, so a stage can be
tested with records built by hand and the table writer only needs to know one
shape per table. Field names match the columns of SCHEMA.md (``docs/SCHEMA.md``);
extra fields become extra columns.

Offsets are Python string indices (code points): ``start`` inclusive, ``end``
exclusive. For records of an article they index ``Article.text``; for
``Removal`` they index the decoded source text (``Page.text``).
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(slots=True)
class Page:
    """One decoded input: a file, an archive member or a record of a JSONL/CSV file."""

    source: str
    text: str
    encoding: str
    bad_bytes: int = 0
    n_bytes: int = 0


@dataclass(slots=True)
class Removal:
    """A span of the decoded source that cleaning or splitting took out, and why."""

    source: str
    rule: str
    text: str
    start: int
    end: int


@dataclass(slots=True)
class ErrorRecord:
    """An input that could not be read; the run goes on without it."""

    source: str
    stage: str
    error: str


@dataclass(slots=True)
class Article:
    """One article of a page: a row of the ``documents`` table."""

    doc_id: str
    source: str
    part: int
    title: str | None
    text: str
    script: str = "simplified"
    encoding: str = "utf-8"
    unit_name: str | None = None
    unit_type: str | None = None
    region: str | None = None
    region_evidence: str | None = None  # kind:text of the mention that decided region
    date: str | None = None
    year: int | None = None
    genre: str | None = None
    truncated: bool = False
    spliced: bool = False
    numbering_issue: str | None = None
    bad_bytes: int = 0
    garbled_chars: int = 0
    garbled_at: str = "[]"  # JSON list of [start, end] runs in ``text``
    redactions: int = 0
    redactions_at: str = "[]"  # JSON list of [start, end] placeholders in ``text``
    source_start: int = 0
    source_end: int = 0
    title_start: int | None = None  # source span of the title lines, when taken off the body
    title_end: int | None = None
    # The segmenter's words of ``text`` joined by single spaces (white space tokens
    # dropped): what word counts, TF-IDF and diffs read without loading rjieba.
    words: str = ""
    # Source offset of every character of ``text`` (same length as ``text``); lets
    # any span found later be traced back to the raw page. Not written as a column.
    offsets: list[int] = field(default_factory=list, repr=False)

    @property
    def n_chars(self) -> int:
        return len(self.text)


@dataclass(slots=True)
class Section:
    """A numbered section of an article, heading included in its span."""

    doc_id: str
    section_id: str
    parent_id: str | None
    depth: int
    marker: str
    heading: str
    role: str | None
    start: int
    end: int
    kind: str = "heading"  # "heading" (own line) or "run_in" (heading glued to its body)
    section_path: str = ""  # the markers from the top down: 一/（二）/3


@dataclass(slots=True)
class Figure:
    """A numeric claim: a number that states a quantity, with its unit."""

    doc_id: str
    section_id: str | None
    raw: str
    value: float
    unit: str
    qualifier: str
    subject: str | None
    sentence: str
    start: int
    end: int
    unit_class: str | None = None


@dataclass(slots=True)
class Slogan:
    """A campaign name, numbered formulation, motto, cited document or honour."""

    doc_id: str
    text: str
    kind: str
    start: int
    end: int
    norm: str | None = None  # the form one slogan counts under across articles (lexicon.py)


@dataclass(slots=True)
class DuplicatePair:
    """Two articles that copy each other; ``doc_a < doc_b``."""

    doc_a: str
    doc_b: str
    kind: str
    similarity: float
    containment: float
    coverage: float = 0.0  # the smaller share of either article inside aligned passages
    swaps: str = ""  # word swaps inside the passages, a→b first: "双争双比→双创双争 ×9, 我乡 kept"


@dataclass(slots=True)
class Passage:
    """An aligned span two duplicates share; ``substitutions`` is a JSON list of pairs."""

    doc_a: str
    doc_b: str
    a_start: int
    a_end: int
    b_start: int
    b_end: int
    substitutions: str


@dataclass(slots=True)
class SentenceRecord:
    """A sentence of an article (``miner.segment.sentences``): a row of ``sentences``."""

    doc_id: str
    sent_id: str
    section_id: str | None
    start: int
    end: int
    text: str


@dataclass(slots=True)
class Check:
    """Figures that deserve a second look; ``figure_starts`` is a JSON list of offsets."""

    check: str
    doc_id: str
    detail: str
    figure_starts: str
