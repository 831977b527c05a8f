from __future__ import annotations

import doctest
import json
from collections import Counter
from types import ModuleType
from typing import Any

import pytest

from miner.dedup import evaluate as evaluate_module
from miner.dedup import synthetic as synthetic_module
from miner.dedup.bases import Unit
from miner.dedup.draft import Draft, PairTruth, TruePassage
from miner.dedup.evaluate import digest, evaluate, normalise_substitution, score
from miner.dedup.generate import EvalSet, GeneratedDoc, TruePair
from miner.models import Article, DuplicatePair, Passage


@pytest.mark.parametrize(
    ("a", "b", "want"),
    [
        ("我乡", "我社区", ("乡", "社区")),
        ("乡党委", "社区党委", ("乡", "社区")),
        ("双创双争", "双争双比", ("创双争", "争双比")),
        ("１２", "34", ("12", "34")),
        ("，", ",", None),  # punctuation width is no swap
        ("我乡", "我乡 ", None),
        ("今年以来", "", None),  # a dropped word is an edit, not a swap
    ],
)
def test_normalise_substitution(a: str, b: str, want: tuple[str, str] | None) -> None:
    assert normalise_substitution(a, b) == want


def _doc(doc_id: str, role: str = "base", recipe: str | None = None) -> GeneratedDoc:
    text = "字" * 100
    return GeneratedDoc(
        Article(doc_id, "s", 1, None, text),
        Draft.new(text),
        role,
        0,
        Unit(doc_id, "镇"),
        "双创双争",
        "light" if role == "copy" else None,
        recipe,
    )


def _truth(share: float, kind: str, passages: list[TruePassage]) -> PairTruth:
    subs = Counter(s for p in passages for s in p.substitutions)
    return PairTruth(tuple(passages), share, share, share, kind, subs)


def _hand_made_set() -> EvalSet:
    swaps = (("我乡", "我社区"), ("12", "34"), ("我乡", "我社区"))
    pairs = {
        ("a", "b"): TruePair(
            "a", "b", "copy", "light", _truth(0.8, "near", [TruePassage(0, 100, 0, 100, swaps, 4)])
        ),
        ("a", "c"): TruePair(
            "a", "c", "sibling", None, _truth(0.4, "partial", [TruePassage(0, 40, 0, 40)])
        ),
        ("b", "c"): TruePair(
            "b", "c", "sibling", None, _truth(0.1, "weak", [TruePassage(0, 10, 0, 10)])
        ),
    }
    docs = [_doc("a"), _doc("b", "copy", "edits"), _doc("c"), _doc("d"), _doc("e")]
    return EvalSet(0, docs, pairs, [("a", "d"), ("b", "d")])


@pytest.mark.parametrize("flip", [False, True])
def test_score_arithmetic_on_a_hand_made_case(flip: bool) -> None:
    """Worked out by hand: 3 true pairs, 3 predicted (1 right, 1 hard negative, 1 other)."""
    subs = [["我乡", "我社区"], ["工作", "任务"]]
    passage = Passage("a", "b", 0, 50, 0, 50, json.dumps(subs, ensure_ascii=False))
    if flip:  # the same passage told from b's side
        passage = Passage("b", "a", 0, 50, 0, 50, json.dumps([[y, x] for x, y in subs]))
    predicted = [
        DuplicatePair("a", "b", "partial", 0.5, 0.6, 0.5),
        DuplicatePair("a", "d", "partial", 0.3, 0.3, 0.3),
        DuplicatePair("c", "e", "partial", 0.3, 0.3, 0.3),
    ]
    r = score(_hand_made_set(), predicted, [passage])
    assert r["pairs"]["precision"] == pytest.approx(1 / 3, abs=1e-4)
    recall = {k: v["recall"] for k, v in r["pairs"]["recall_by_share"].items()}
    assert recall == {">=0.5": 1.0, "0.3-0.5": 0.0, "<0.3": 0.0}
    assert r["pairs"]["recall_by_strength"] == {"light": {"pairs": 1, "found": 1, "recall": 1.0}}
    assert r["hard_negatives"] == {
        "pairs": 2,
        "flagged": 1,
        "false_positive_rate": 0.5,
        "precision": 0.5,  # 1 right pair against 1 flagged hard negative
    }
    assert r["kinds"]["accuracy"] == 0.0 and r["kinds"]["confusion"] == {"near": {"partial": 1}}
    # truth {乡→社区, 12→34}, predicted {乡→社区, 工作→任务}: one of two each way.
    s = r["substitutions"]
    assert (s["true"], s["predicted"], s["matched"]) == (2, 2, 1)
    assert (s["precision"], s["recall"], s["f1"]) == (0.5, 0.5, 0.5)
    assert s["recurring (made twice or more in a pair)"]["recall"] == 1.0  # 我乡→我社区 ×2
    # 50 of 100 characters on each side: IoU 100/200, all predicted characters true.
    p = r["passages"]
    assert (p["mean_iou"], p["char_precision"], p["char_recall"]) == (0.5, 1.0, 0.5)
    goals = {k: (v["value"], v["met"]) for k, v in r["goals"].items()}
    assert goals == {
        "recall_share_ge_0.5": (1.0, True),
        "recall_share_0.3_0.5": (0.0, False),
        "precision_hard_negatives": (pytest.approx(1 / 3, abs=1e-4), False),
        "substitution_f1": (0.5, False),
    }
    missed = r["failures"]["missed"]
    assert [m["pair"] for m in missed] == [["a", "c"]]  # the <0.3 miss is not listed


def test_digest_sees_any_change() -> None:
    pairs = [DuplicatePair("a", "b", "near", 0.5, 0.6, 0.9)]
    passages = [Passage("a", "b", 0, 10, 0, 10, "[]")]
    same = digest(list(pairs), list(passages))
    assert same == digest(pairs, passages)
    assert same != digest(pairs, [Passage("a", "b", 0, 10, 0, 11, "[]")])
    assert same != digest([DuplicatePair("a", "b", "partial", 0.5, 0.6, 0.9)], passages)


# -- the goals of issue 8 on the default evaluation (seed 0) ---------------------------


@pytest.fixture(scope="module")
def report() -> dict[str, Any]:
    return evaluate(seed=0)


def test_goal_recall_of_copies_sharing_half_or_more(report: dict[str, Any]) -> None:
    assert report["pairs"]["recall_by_share"][">=0.5"]["recall"] >= 0.98


def test_goal_recall_of_copies_sharing_30_to_50_percent(report: dict[str, Any]) -> None:
    assert report["pairs"]["recall_by_share"]["0.3-0.5"]["recall"] >= 0.95


def test_goal_precision_on_hard_negatives(report: dict[str, Any]) -> None:
    assert report["set"]["hard_negative_pairs"] >= 1000
    assert report["pairs"]["precision"] >= 0.99
    assert report["hard_negatives"]["precision"] >= 0.99


def test_goal_substitution_f1(report: dict[str, Any]) -> None:
    assert report["substitutions"]["f1"] >= 0.9


def test_goal_identical_output_across_runs(report: dict[str, Any]) -> None:
    assert report["determinism"]["checked"] and report["determinism"]["identical"]


@pytest.mark.parametrize("module", [evaluate_module, synthetic_module])
def test_doc_examples_run(module: ModuleType) -> None:
    assert doctest.testmod(module).failed == 0
