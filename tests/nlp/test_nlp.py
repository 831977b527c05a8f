"""miner's spaCy pipeline: tokenizer, components, entry points, DocBin, n_process."""

from __future__ import annotations

import doctest
import subprocess
import sys
from pathlib import Path

import spacy
from hypothesis import given, settings
from hypothesis import strategies as st
from spacy.tokens import DocBin

import miner.nlp
from miner.segment import words

TEXT = (
    "一、基本情况\n我乡共投入资金21.6万元，培训群众1300余人次。\n"
    "二、主要做法\n深入开展“双创双争”活动，争做“五带头”党员。\n"
)
_TOKENS_ONLY = miner.nlp.load(())


def test_nlp_tokens_are_miner_words_and_text_is_kept() -> None:
    nlp = miner.nlp.load(())
    doc = nlp(TEXT)
    assert doc.text == TEXT
    assert [t.text for t in doc if not t.is_space] == words(TEXT)


def test_nlp_components_fill_spans_and_extensions() -> None:
    doc = miner.nlp.load()(TEXT)
    figures = [(s._.raw, s._.value, s._.unit, s._.qualifier) for s in doc.spans["figures"]]
    assert figures == [
        ("21.6万元", 216000.0, "元", "exact"),
        ("1300余人次", 1300.0, "人次", "more_than"),
    ]
    assert {s.text for s in doc.spans["slogans"]} >= {"双创双争", "五带头"}
    assert [s._.marker for s in doc.spans["sections"]] == ["一、", "二、"]
    assert doc.spans["sections"][1].label_ == doc.spans["sections"][1]._.role
    assert doc._.unit_type == "乡镇"


def test_nlp_docbin_round_trip_keeps_spans_and_values() -> None:
    nlp = miner.nlp.load()
    docs = list(nlp.pipe([TEXT, "现有党员424名。"]))
    data = DocBin(docs=docs, store_user_data=True).to_bytes()
    back = list(DocBin().from_bytes(data).get_docs(nlp.vocab))
    for old, new in zip(docs, back, strict=True):
        for key in ("figures", "slogans", "sections"):
            assert [(s.start_char, s.end_char, s.label_) for s in new.spans[key]] == [
                (s.start_char, s.end_char, s.label_) for s in old.spans[key]
            ]
        assert [s._.value for s in new.spans["figures"]] == [
            s._.value for s in old.spans["figures"]
        ]
        assert new._.unit_type == old._.unit_type
    assert back[1].spans["figures"][0]._.unit == "名"


def test_nlp_pipe_with_two_processes() -> None:
    nlp = miner.nlp.load()
    texts = [TEXT, "现有党员424名。", "培训群众1300余人次。"]
    docs = list(nlp.pipe(texts, n_process=2, batch_size=1))
    assert [d.text for d in docs] == texts
    assert [s._.value for s in docs[1].spans["figures"]] == [424.0]


def test_nlp_entry_points_register_in_a_fresh_interpreter(tmp_path: Path) -> None:
    # No `import miner` here: spaCy must find the factories and the tokenizer by
    # their entry points alone, as it would in someone else's project.
    code = (
        "import spacy\n"
        "nlp = spacy.blank('zh', config={'nlp': {'tokenizer': {'@tokenizers': 'miner.Tokenizer.v1'}}})\n"
        "for name in ('miner_sections', 'miner_figures', 'miner_slogans', 'miner_units'):\n"
        "    nlp.add_pipe(name)\n"
        "doc = nlp('培训群众1300余人次。')\n"
        "print([(s.text, s._.value) for s in doc.spans['figures']], nlp.pipe_names)\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], cwd=tmp_path, capture_output=True, text=True, check=True
    ).stdout
    assert "('1300余人次', 1300.0)" in out and "miner_units" in out


def test_nlp_saved_pipeline_loads_with_miner_tokenizer(tmp_path: Path) -> None:
    nlp = miner.nlp.load()
    nlp.to_disk(tmp_path / "pipe")
    again = spacy.load(tmp_path / "pipe")
    assert again.pipe_names == nlp.pipe_names
    assert [t.text for t in again("培训群众1300余人次")] == ["培训", "群众", "1300", "余人次"]


def test_nlp_docstring_examples() -> None:
    assert doctest.testmod(miner.nlp).failed == 0


@settings(max_examples=60, deadline=None)
@given(st.text(alphabet="一是党员我乡投入资金万元21.6%，。“”\n （）a", max_size=60))
def test_nlp_tokenizer_keeps_any_text(text: str) -> None:
    doc = _TOKENS_ONLY(text)
    assert doc.text == text
    assert all(len(t.text) > 0 for t in doc)
