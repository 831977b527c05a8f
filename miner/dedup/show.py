"""One copied pair side by side as a self-contained HTML page.

A table row says two reports are copies; a reader wants to see it: the passages
they share highlighted in both texts, and inside them the words that were swapped
(我乡 → 我社区). Every piece of document text is HTML-escaped, so a page scraped with a
``<script>`` in it is shown, never run.
"""

from __future__ import annotations

import html
from collections.abc import Sequence
from dataclasses import dataclass

from miner.dedup.align import content_tokens, word_opcodes
from miner.models import Passage

_STYLE = """
body{font-family:"Noto Sans CJK SC","Source Han Sans SC","WenQuanYi Micro Hei",sans-serif;
margin:1.5em;color:#222}
h1{font-size:1.3em}table.meta td{padding:0 1em 0 0}
.cols{display:grid;grid-template-columns:1fr 1fr;gap:1.5em}
.doc{white-space:pre-wrap;line-height:1.7;border:1px solid #ccc;padding:1em}
mark.shared{background:#fff3b0}mark.swap{background:#ffb3b3;font-weight:bold}
.legend mark{padding:0 .3em}
"""


@dataclass(frozen=True, slots=True)
class Side:
    """One article of the pair."""

    doc_id: str
    title: str | None
    text: str


def swap_spans(a: str, b: str) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
    """Character spans of the words that differ in two aligned texts, per side.

    The same word edit script as the passages' substitutions (``word_opcodes``), so
    what a page marks is what the tables call swapped.
    """
    wa, sa, ea = content_tokens(a)
    wb, sb, eb = content_tokens(b)
    out_a: list[tuple[int, int]] = []
    out_b: list[tuple[int, int]] = []
    for op, i1, i2, j1, j2 in word_opcodes(wa, wb):
        if op == "equal":
            continue
        if i2 > i1:
            out_a.append((sa[i1], ea[i2 - 1]))
        if j2 > j1:
            out_b.append((sb[j1], eb[j2 - 1]))
    return out_a, out_b


def render_marks(text: str, marks: Sequence[tuple[int, int, str]]) -> str:
    """``text`` escaped, with non-overlapping ``(start, end, class)`` marks (class may be "")."""
    out: list[str] = []
    at = 0
    for start, end, cls in sorted(marks):
        if start < at:
            continue  # overlaps an earlier mark
        out.append(html.escape(text[at:start]))
        attr = f' class="{cls}"' if cls else ""
        out.append(f"<mark{attr}>{html.escape(text[start:end])}</mark>")
        at = end
    out.append(html.escape(text[at:]))
    return "".join(out)


def _marks(text: str, spans: list[tuple[int, int, list[tuple[int, int]]]]) -> str:
    """Shared passages, each split around its swapped words (given relative to it)."""
    marks: list[tuple[int, int, str]] = []
    for start, end, swaps in spans:
        at = start
        for s, e in swaps:
            if start + s > at:
                marks.append((at, start + s, "shared"))
            marks.append((start + s, start + e, "swap"))
            at = start + e
        if at < end:
            marks.append((at, end, "shared"))
    return render_marks(text, [(s, e, c) for s, e, c in marks if e > s])


def pair_html(a: Side, b: Side, passages: Sequence[Passage], summary: dict[str, str]) -> str:
    """The page for one pair; ``summary`` holds the duplicates row (kind, swaps …)."""
    spans_a: list[tuple[int, int, list[tuple[int, int]]]] = []
    spans_b: list[tuple[int, int, list[tuple[int, int]]]] = []
    for p in passages:
        sa, sb = swap_spans(a.text[p.a_start : p.a_end], b.text[p.b_start : p.b_end])
        spans_a.append((p.a_start, p.a_end, sa))
        spans_b.append((p.b_start, p.b_end, sb))
    rows = "".join(
        f"<tr><td>{html.escape(k)}</td><td>{html.escape(v)}</td></tr>" for k, v in summary.items()
    )

    def column(side: Side, spans: list[tuple[int, int, list[tuple[int, int]]]]) -> str:
        title = html.escape(side.title or "(untitled)")
        return (
            f"<div><h2>{html.escape(side.doc_id)} · {title}</h2>"
            f'<div class="doc">{_marks(side.text, spans)}</div></div>'
        )

    return (
        '<!DOCTYPE html><html lang="zh"><head><meta charset="utf-8">'
        f"<title>miner: {html.escape(a.doc_id)} ↔ {html.escape(b.doc_id)}</title>"
        f"<style>{_STYLE}</style></head><body>"
        f"<h1>Copied pair {html.escape(a.doc_id)} ↔ {html.escape(b.doc_id)}</h1>"
        f'<table class="meta">{rows}</table>'
        '<p class="legend"><mark class="shared">shared passage</mark> '
        '<mark class="swap">swapped words</mark></p>'
        f'<div class="cols">{column(a, spans_a)}{column(b, spans_b)}</div>'
        "</body></html>\n"
    )
