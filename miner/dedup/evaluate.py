"""How well ``find_duplicates`` finds generated copies: the figures of issue 8.

``evaluate`` runs the search on a generated set (``miner.dedup.generate``) and
compares with the truth:

- pair precision; recall by true share of copied text (≥ 50%, 30–50%, < 30% of the
  smaller article), by edit strength (base against copy) and by relation;
- hard negatives (same campaign, other unit, no shared passage): how many are
  flagged, and the precision if only they counted as errors;
- kind accuracy with a confusion matrix (true kind → predicted kind) over found pairs;
- substitutions: precision, recall, F1 over found pairs;
- passage overlap: character IoU of predicted against true copied spans, per pair;
- determinism: a second run in another process with another hash seed must give the
  same bytes.

Substitutions are compared **as sets per pair**: a swap made nine times counts once,
whether the search reports it in one passage or in nine; counting occurrences would
grade how passages are cut, not whether the swap was found. Both sides are
normalised first (NFKC, white space dropped, the common start and end of the two
words cut off), so 我乡→我社区, 乡→社区 and 乡党委→社区党委 are one swap; pairs that are
equal or empty after that (punctuation width, an inserted or dropped word) are edits
but not substitutions and are left out of both sides.
"""

from __future__ import annotations

import argparse
import dataclasses
import hashlib
import json
import os
import subprocess
import sys
import time
import unicodedata
from collections import Counter
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

import numpy as np

from miner.dedup import find_duplicates
from miner.dedup.generate import EvalSet, GeneratedDoc, TruePair, generate
from miner.models import DuplicatePair, Passage

SHARE_BUCKETS = ((">=0.5", 0.5, 1.01), ("0.3-0.5", 0.3, 0.5), ("<0.3", 0.0, 0.3))
GOALS = {
    "recall_share_ge_0.5": 0.98,
    "recall_share_0.3_0.5": 0.95,
    "precision_hard_negatives": 0.99,
    "substitution_f1": 0.90,
}
KINDS = ("exact", "near", "partial", "weak")
EXAMPLES = 12  # failures listed per kind of failure
SHORT_SWAP = 6  # a word swap (我乡→我社区, 双创双争→双争双比), not a reworded clause
DEFAULT_ROUNDS = 1
DEFAULT_NEGATIVES = 60


def share_bucket(share: float) -> str:
    return next(name for name, lo, hi in SHARE_BUCKETS if lo <= share < hi)


def normalise_substitution(a: str, b: str) -> tuple[str, str] | None:
    """One swap in a form the truth and the search agree on, or None for no swap.

    Example:
        >>> normalise_substitution("我乡", "我社区"), normalise_substitution("，", ",")
        (('乡', '社区'), None)
    """
    a = "".join(unicodedata.normalize("NFKC", a).split())
    b = "".join(unicodedata.normalize("NFKC", b).split())
    n = 0
    while n < min(len(a), len(b)) and a[n] == b[n]:
        n += 1
    a, b = a[n:], b[n:]
    n = 0
    while n < min(len(a), len(b)) and a[-1 - n] == b[-1 - n]:
        n += 1
    a, b = a[: len(a) - n], b[: len(b) - n]
    return (a, b) if a and b and a != b else None


def substitution_set(pairs: Iterable[Sequence[str]]) -> set[tuple[str, str]]:
    out = set()
    for a, b in pairs:
        norm = normalise_substitution(a, b)
        if norm is not None:
            out.add(norm)
    return out


def _short(sub: tuple[str, str]) -> bool:
    return max(len(sub[0]), len(sub[1])) <= SHORT_SWAP


def _normalised_counts(subs: Counter[tuple[str, str]]) -> Counter[tuple[str, str]]:
    out: Counter[tuple[str, str]] = Counter()
    for (a, b), n in subs.items():
        norm = normalise_substitution(a, b)
        if norm is not None:
            out[norm] += n
    return out


def prf(matched: int, predicted: int, true: int) -> dict[str, float]:
    """Precision, recall and F1 (1.0 for an empty side: nothing claimed, nothing missed)."""
    p = matched / predicted if predicted else 1.0
    r = matched / true if true else 1.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4)}


def _ratio(found: int, total: int) -> dict[str, Any]:
    return {"pairs": total, "found": found, "recall": round(found / total, 4) if total else None}


def _mask(n: int, spans: Iterable[tuple[int, int]]) -> np.ndarray:
    m = np.zeros(n, dtype=bool)
    for s, e in spans:
        m[max(0, s) : min(n, e)] = True
    return m


@dataclasses.dataclass(slots=True)
class _Predicted:
    """The search's answer for one pair, turned to the truth's ``(doc_a, doc_b)`` order."""

    pair: DuplicatePair
    a_spans: list[tuple[int, int]] = dataclasses.field(default_factory=list)
    b_spans: list[tuple[int, int]] = dataclasses.field(default_factory=list)
    substitutions: list[tuple[str, str]] = dataclasses.field(default_factory=list)


def _predicted(
    pairs: Sequence[DuplicatePair], passages: Sequence[Passage]
) -> dict[tuple[str, str], _Predicted]:
    out: dict[tuple[str, str], _Predicted] = {}
    for p in pairs:
        out[(min(p.doc_a, p.doc_b), max(p.doc_a, p.doc_b))] = _Predicted(p)
    for q in passages:
        flip = q.doc_a > q.doc_b
        key = (q.doc_b, q.doc_a) if flip else (q.doc_a, q.doc_b)
        pred = out.get(key)
        if pred is None:
            continue  # a passage of no reported pair: not scored
        a_span, b_span = (q.a_start, q.a_end), (q.b_start, q.b_end)
        pred.a_spans.append(b_span if flip else a_span)
        pred.b_spans.append(a_span if flip else b_span)
        for x, y in json.loads(q.substitutions):
            pred.substitutions.append((y, x) if flip else (x, y))
    return out


def _describe(doc: GeneratedDoc) -> dict[str, Any]:
    return {
        "doc_id": doc.article.doc_id,
        "role": doc.role,
        "family": doc.family,
        "strength": doc.strength,
        "recipe": doc.recipe,
        "chars": len(doc.article.text),
        "edits": doc.edits,
    }


def _truth_row(es: EvalSet, tp: TruePair) -> dict[str, Any]:
    t = tp.truth
    return {
        "pair": [tp.doc_a, tp.doc_b],
        "relation": tp.relation,
        "strength": tp.strength,
        "share": t.share,
        "coverage": [t.coverage_a, t.coverage_b],
        "true_kind": t.kind,
        "docs": [_describe(es.doc(tp.doc_a)), _describe(es.doc(tp.doc_b))],
    }


def _pred_row(p: DuplicatePair) -> dict[str, Any]:
    return {
        "kind": p.kind,
        "similarity": p.similarity,
        "containment": p.containment,
        "coverage": p.coverage,
    }


def _pair_figures(
    es: EvalSet, pred: dict[tuple[str, str], _Predicted]
) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    """Precision, and recall by share, strength, recipe and relation; the misses."""
    tally: dict[str, dict[str, list[int]]] = {
        "share": {name: [0, 0] for name, _, _ in SHARE_BUCKETS},
        "strength": {},
        "recipe": {},
        "relation": {},
    }
    missed: list[dict[str, Any]] = []
    for key, tp in es.pairs.items():
        found = key in pred
        rows = [tally["share"][share_bucket(tp.truth.share)]]
        rows.append(tally["relation"].setdefault(tp.relation, [0, 0]))
        if tp.relation == "copy" and tp.strength:
            copy = next(es.doc(k) for k in key if es.doc(k).role == "copy")
            rows.append(tally["strength"].setdefault(tp.strength, [0, 0]))
            rows.append(tally["recipe"].setdefault(f"{tp.strength}/{copy.recipe}", [0, 0]))
        for row in rows:
            row[0] += found
            row[1] += 1
        if not found and tp.truth.share >= 0.3:
            missed.append(_truth_row(es, tp))
    right = sum(k in es.pairs for k in pred)
    figures: dict[str, Any] = {
        "predicted": len(pred),
        "true_positive": right,
        "false_positive": len(pred) - right,
        "precision": round(right / len(pred), 4) if pred else 1.0,
    }
    for name, rows_by in tally.items():
        order = rows_by if name == "share" else sorted(rows_by)
        figures[f"recall_by_{name}"] = {k: _ratio(*rows_by[k]) for k in order}
    return figures, sorted(missed, key=lambda r: -r["share"])


def _hard_negative_figures(es: EvalSet, pred: dict[tuple[str, str], _Predicted]) -> dict[str, Any]:
    """How many hard negatives are flagged; precision if only they counted as errors."""
    hard = set(es.hard_negatives)
    flagged = sum(k in hard for k in pred)
    right = sum(k in es.pairs for k in pred)
    return {
        "pairs": len(hard),
        "flagged": flagged,
        "false_positive_rate": round(flagged / len(hard), 4) if hard else 0.0,
        "precision": round(right / (right + flagged), 4) if right + flagged else 1.0,
    }


def _kind_figures(
    es: EvalSet, pred: dict[tuple[str, str], _Predicted], found: list[tuple[str, str]]
) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    """Confusion of true and predicted kinds over found pairs (weak ones have no kind)."""
    confusion: dict[str, Counter[str]] = {k: Counter() for k in KINDS}
    errors = []
    for key in found:
        tp, p = es.pairs[key], pred[key]
        confusion[tp.truth.kind][p.pair.kind] += 1
        if tp.truth.kind != "weak" and tp.truth.kind != p.pair.kind:
            errors.append({**_truth_row(es, tp), "predicted": _pred_row(p.pair)})
    right = sum(confusion[k][k] for k in KINDS if k != "weak")
    total = sum(sum(confusion[k].values()) for k in KINDS if k != "weak")
    figures = {
        "accuracy": round(right / total, 4) if total else None,
        "pairs": total,
        "confusion": {k: dict(sorted(v.items())) for k, v in confusion.items() if v},
    }
    return figures, errors


@dataclasses.dataclass(slots=True)
class _Tally:
    true: int = 0
    predicted: int = 0
    matched: int = 0

    def add(self, want: set[tuple[str, str]], got: set[tuple[str, str]]) -> None:
        self.true += len(want)
        self.predicted += len(got)
        self.matched += len(want & got)

    def figures(self) -> dict[str, Any]:
        return {
            "true": self.true,
            "predicted": self.predicted,
            "matched": self.matched,
            **prf(self.matched, self.predicted, self.true),
        }


def _substitution_figures(
    es: EvalSet, pred: dict[tuple[str, str], _Predicted], found: list[tuple[str, str]]
) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    """Substitution precision, recall, F1 over found pairs (sets per pair, see above)."""
    every, short = _Tally(), _Tally()
    recurring_true = recurring_found = 0
    extra: Counter[tuple[str, str]] = Counter()
    misses = []
    for key in found:
        subs = es.pairs[key].truth.substitutions
        want, got = substitution_set(subs), substitution_set(pred[key].substitutions)
        every.add(want, got)
        short.add({s for s in want if _short(s)}, {s for s in got if _short(s)})
        recurring = {s for s, n in _normalised_counts(subs).items() if n >= 2}
        recurring_true += len(recurring)
        recurring_found += len(recurring & got)
        extra.update(got - want)
        if want - got:
            misses.append(
                {"pair": list(key), "missed": sorted(want - got), "extra": sorted(got - want)}
            )
    figures = {
        "mode": "set of normalised [in_a, in_b] per found pair",
        **every.figures(),
        f"word_swaps (<= {SHORT_SWAP} characters a side)": short.figures(),
        "recurring (made twice or more in a pair)": {
            "true": recurring_true,
            "found": recurring_found,
            "recall": round(recurring_found / recurring_true, 4) if recurring_true else None,
        },
        "most_common_extra": [[a, b, n] for (a, b), n in extra.most_common(EXAMPLES)],
    }
    return figures, misses


def _passage_figures(
    es: EvalSet, pred: dict[tuple[str, str], _Predicted], found: list[tuple[str, str]]
) -> dict[str, Any]:
    """Character IoU of predicted against true copied spans, both sides of each pair."""
    ious: list[float] = []
    by_share: dict[str, list[float]] = {name: [] for name, _, _ in SHARE_BUCKETS}
    inter_total = pred_total = true_total = 0
    for key in found:
        tp, p = es.pairs[key], pred[key]
        la, lb = len(es.doc(key[0]).article.text), len(es.doc(key[1]).article.text)
        ta = _mask(la, [(q.a_start, q.a_end) for q in tp.truth.passages])
        tb = _mask(lb, [(q.b_start, q.b_end) for q in tp.truth.passages])
        pa, pb = _mask(la, p.a_spans), _mask(lb, p.b_spans)
        inter = int((ta & pa).sum() + (tb & pb).sum())
        union = int((ta | pa).sum() + (tb | pb).sum())
        ious.append(inter / union if union else 1.0)
        by_share[share_bucket(tp.truth.share)].append(ious[-1])
        inter_total += inter
        pred_total += int(pa.sum() + pb.sum())
        true_total += int(ta.sum() + tb.sum())
    return {
        "pairs": len(ious),
        "mean_iou": round(float(np.mean(ious)), 4) if ious else None,
        "mean_iou_by_share": {
            k: round(float(np.mean(v)), 4) if v else None for k, v in by_share.items()
        },
        "char_precision": round(inter_total / pred_total, 4) if pred_total else None,
        "char_recall": round(inter_total / true_total, 4) if true_total else None,
    }


def score(
    es: EvalSet, pairs: Sequence[DuplicatePair], passages: Sequence[Passage]
) -> dict[str, Any]:
    """Every figure of the evaluation for one answer of the search on ``es``."""
    pred = _predicted(pairs, passages)
    found = sorted(k for k in pred if k in es.pairs)
    out: dict[str, Any] = {}
    out["pairs"], missed = _pair_figures(es, pred)
    out["hard_negatives"] = _hard_negative_figures(es, pred)
    out["kinds"], kind_errors = _kind_figures(es, pred, found)
    out["substitutions"], sub_misses = _substitution_figures(es, pred, found)
    out["passages"] = _passage_figures(es, pred, found)
    hard = set(es.hard_negatives)
    wrong = sorted(k for k in pred if k not in es.pairs)
    out["failures"] = {
        "missed": missed[:EXAMPLES],
        "missed_total": len(missed),
        "false_positives": [
            {
                "pair": list(k),
                "hard_negative": k in hard,
                "predicted": _pred_row(pred[k].pair),
                "docs": [_describe(es.doc(k[0])), _describe(es.doc(k[1]))],
            }
            for k in wrong[:EXAMPLES]
        ],
        "kind_errors": kind_errors[:EXAMPLES],
        "kind_errors_total": len(kind_errors),
        "substitution_misses": sub_misses[:EXAMPLES],
    }
    out["goals"] = goals(out)
    return out


def goals(report: dict[str, Any]) -> dict[str, dict[str, Any]]:
    """The issue's goals against the measured values."""
    recall = report["pairs"]["recall_by_share"]
    values = {
        "recall_share_ge_0.5": recall[">=0.5"]["recall"],
        "recall_share_0.3_0.5": recall["0.3-0.5"]["recall"],
        "precision_hard_negatives": min(
            report["pairs"]["precision"], report["hard_negatives"]["precision"]
        ),
        "substitution_f1": report["substitutions"]["f1"],
    }
    return {
        name: {
            "target": target,
            "value": values[name],
            "met": values[name] is not None and values[name] >= target,
        }
        for name, target in GOALS.items()
    }


def digest(pairs: Sequence[DuplicatePair], passages: Sequence[Passage]) -> str:
    """A fingerprint of the search's whole answer: equal bytes, equal digest."""
    rows = [dataclasses.astuple(p) for p in pairs] + [dataclasses.astuple(q) for q in passages]
    blob = json.dumps(rows, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(blob.encode()).hexdigest()


def _run_search(es: EvalSet) -> tuple[list[DuplicatePair], list[Passage]]:
    return find_duplicates(es.articles)


def _second_run(seed: int, rounds: int, negatives: int) -> subprocess.Popen[str]:
    """The same evaluation set searched again in a fresh process, started at once so it
    runs beside the first (the machine has two cores), with another hash seed."""
    env = {**os.environ, "PYTHONHASHSEED": str(seed + 12345)}
    cmd = [
        sys.executable, "-m", "miner.dedup.evaluate", "--digest",
        "--seed", str(seed), "--rounds", str(rounds), "--negatives", str(negatives),
    ]  # fmt: skip
    return subprocess.Popen(cmd, env=env, stdout=subprocess.PIPE, text=True)


def evaluate(
    seed: int = 0,
    rounds: int = DEFAULT_ROUNDS,
    negatives: int = DEFAULT_NEGATIVES,
    determinism: bool = True,
) -> dict[str, Any]:
    """Generate a set, search it, score the answer; a JSON-able report."""
    second = _second_run(seed, rounds, negatives) if determinism else None
    t0 = time.perf_counter()
    es = generate(seed, rounds=rounds, negatives=negatives)
    t1 = time.perf_counter()
    pairs, passages = _run_search(es)
    t2 = time.perf_counter()
    report: dict[str, Any] = {
        "seed": seed,
        "settings": {"rounds": rounds, "negatives": negatives},
        "set": {
            "articles": len(es.docs),
            "by_role": dict(sorted(Counter(d.role for d in es.docs).items())),
            "true_pairs": len(es.pairs),
            "true_kinds": dict(sorted(Counter(p.truth.kind for p in es.pairs.values()).items())),
            "hard_negative_pairs": len(es.hard_negatives),
        },
        "timings": {"generate_s": round(t1 - t0, 2), "find_duplicates_s": round(t2 - t1, 2)},
    }
    report.update(score(es, pairs, passages))
    mine = digest(pairs, passages)
    report["determinism"] = {"digest": mine, "checked": False}
    if second is not None:
        out, _ = second.communicate()
        other = out.strip().splitlines()[-1] if out.strip() else ""
        report["determinism"] = {
            "digest": mine,
            "checked": True,
            "identical": other == mine,
            "second_run": "another process, PYTHONHASHSEED changed",
        }
    return report


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m miner.dedup.evaluate", description=__doc__.split("\n")[0]
    )
    parser.add_argument("--out", type=Path, help="write the report here as JSON")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument(
        "--rounds", type=int, default=DEFAULT_ROUNDS, help="copies of each base per recipe"
    )
    parser.add_argument(
        "--negatives", type=int, default=DEFAULT_NEGATIVES, help="hard negative articles"
    )
    parser.add_argument("--no-determinism", action="store_true", help="skip the second run")
    parser.add_argument("--digest", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.digest:
        es = generate(args.seed, rounds=args.rounds, negatives=args.negatives)
        print(digest(*_run_search(es)))
        return 0
    report = evaluate(args.seed, args.rounds, args.negatives, determinism=not args.no_determinism)
    from miner.bench import write_json

    write_json(report, args.out, echo=False)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
