"""A learned second opinion on furniture lines, to back the rules in ``miner.clean.lines``.

The rules in ``lines.py`` are precise but narrow: each family needs its cue words, and a
site that words its chrome differently slips through. This module trains a small
character n-gram model on hand-labelled lines (``miner/data/line_labels.tsv``: lines of
our own synthetic ``corpus/`` plus furniture and content lines written for this purpose)
and scores any line with the probability that it is page furniture.

Nothing here removes text. ``clean_page`` does not call it; whoever wires it in decides
where (the page's edges only is the measured safe place) and at which threshold.

The model is trained lazily on first use (about 0.3 s, plus about 1 s to import
scikit-learn), deterministically, and cached for the life of the process, so no pickled
model is shipped or downloaded.
Lines should be given as ``classify_lines`` sees them: inline noise removed and in
simplified characters.

``python -m miner.clean.classifier --eval`` prints cross-validated metrics and, where
``../shared`` is present, how the model behaves on pages it was never trained on.
"""

from __future__ import annotations

import argparse
import csv
import functools
import io
import json
import random
import re
import sys
import time
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np

if TYPE_CHECKING:
    from sklearn.pipeline import Pipeline

LABELS_FILE = "line_labels.tsv"
FURNITURE = "furniture"
CONTENT = "content"
SEED = 0
# Probability at or above which a kept line is reported as likely furniture (see --eval).
THRESHOLD = 0.9

_CJK = re.compile(r"[\u4e00-\u9fff]")
_DIGIT = re.compile(r"[0-9０-９]")
_LATIN = re.compile(r"[A-Za-z]")
_PUNCT = re.compile(r"[^\w\s]")
_SENTENCE_END = re.compile(r"[。！？!?；;]$")
_SENTENCE_INSIDE = re.compile(r"[，。；：、]")
_URL = re.compile(r"https?://|www\.|\.(?:com|cn|net|org)\b|@", re.I)
_DATE_TAIL = re.compile(r"(?:\d{1,2}-\d{1,2}|\d{4}[-/.]\d{1,2}[-/.]\d{1,2})\s*$")
_SEPARATORS = re.compile(r"[|｜>›»/＞·•▪丨]")


@dataclass(frozen=True, slots=True)
class LabelledLine:
    """One row of ``line_labels.tsv``."""

    label: str
    line: str
    kind: str


def load_labels() -> list[LabelledLine]:
    """Read the labelled lines shipped in ``miner/data``.

    Returns:
        The rows in file order. Labels are ``content`` or ``furniture``; ``kind`` names the
        rule family (or ``corpus_<rule>`` for lines taken from ``corpus/``).

    Raises:
        ValueError: a row has an unknown label or an empty line, so a bad edit fails loudly
            instead of silently training on garbage.
    """
    text = resources.files("miner.data").joinpath(LABELS_FILE).read_text(encoding="utf-8")
    reader = csv.DictReader(io.StringIO(text), delimiter="\t", quoting=csv.QUOTE_NONE)
    rows: list[LabelledLine] = []
    for n, rec in enumerate(reader, start=2):
        label, line = rec.get("label") or "", (rec.get("line") or "").strip()
        if label not in (CONTENT, FURNITURE) or not line:
            raise ValueError(f"{LABELS_FILE} line {n}: bad row {rec!r}")
        rows.append(LabelledLine(label, line, rec.get("kind") or ""))
    return rows


def shape_features(lines: Sequence[str]) -> np.ndarray:
    """Layout cues that n-grams see poorly: length, script mix, sentence shape.

    Furniture is short, mixes Latin, digits and separators, and rarely ends a sentence;
    report prose is long, Chinese and punctuated. These ten numbers carry that signal
    across wordings the n-grams have never seen.
    """
    out = np.zeros((len(lines), 10), dtype=np.float64)
    for i, raw in enumerate(lines):
        s = raw.strip()
        n = max(len(s), 1)
        out[i] = (
            np.log1p(len(s)) / 6.0,
            len(_CJK.findall(s)) / n,
            len(_DIGIT.findall(s)) / n,
            len(_LATIN.findall(s)) / n,
            len(_PUNCT.findall(s)) / n,
            float(bool(_SENTENCE_END.search(s))),
            float(bool(_SENTENCE_INSIDE.search(s))),
            float(bool(_URL.search(s))),
            float(bool(_DATE_TAIL.search(s))),
            float(bool(_SEPARATORS.search(s))),
        )
    return out


def build_pipeline() -> Pipeline:
    """The untrained model: char 1–3-grams plus shape features into a logistic regression.

    ``char`` (not ``char_wb``) n-grams, because Chinese has no spaces and the spaces a page
    does have (``发布时间：… 来源：…``) are themselves a furniture cue. Logistic regression
    gives usable probabilities without a separate calibration fit, which keeps training
    well under a second; ``class_weight="balanced"`` keeps the two labels on equal footing
    although content rows outnumber furniture rows. The dual liblinear solver suits many
    more features than rows and fits in a few hundredths of a second. scikit-learn is imported here, not at
    module level, because importing it costs about a second and most runs never train.
    """
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression
    from sklearn.pipeline import FeatureUnion, Pipeline
    from sklearn.preprocessing import FunctionTransformer

    features = FeatureUnion(
        [
            (
                "chars",
                TfidfVectorizer(
                    analyzer="char", ngram_range=(1, 3), min_df=1, sublinear_tf=True, lowercase=True
                ),
            ),
            ("shape", FunctionTransformer(shape_features)),
        ]
    )
    model = LogisticRegression(
        C=10.0,
        class_weight="balanced",
        solver="liblinear",
        dual=True,
        max_iter=2000,
        random_state=SEED,
    )
    return Pipeline([("features", features), ("model", model)])


@functools.cache
def _trained() -> Pipeline:
    """The model fitted on every labelled row, once per process."""
    rows = load_labels()
    pipe = build_pipeline()
    pipe.fit([r.line for r in rows], [r.label == FURNITURE for r in rows])
    return pipe


def furniture_probability(lines: Sequence[str]) -> list[float]:
    """Probability that each line is page furniture rather than report text.

    Args:
        lines: lines as ``classify_lines`` sees them (inline noise removed, simplified).

    Returns:
        One probability per line, in order. Blank lines get 0.0: they are layout, not
        furniture, and scoring them would only add noise.

    Example:
        >>> p = furniture_probability(["点击上方蓝字关注我们", "全年共召开党员大会12次。", ""])
        >>> p[0] > 0.9 > 0.1 > p[1], p[2]
        (True, 0.0)
    """
    idx = [i for i, ln in enumerate(lines) if ln.strip()]
    probs = [0.0] * len(lines)
    if idx:
        scored = _trained().predict_proba([lines[i].strip() for i in idx])[:, 1]
        for i, p in zip(idx, scored, strict=True):
            probs[i] = float(p)
    return probs


# Furniture lines in the labelled set are at most ~66 characters; longer flagged lines on
# unseen pages were almost all prose, so a caller should not act on them.
GATE_MAX_CHARS = 60
_TABLE_ROW = re.compile(r"\|.*\|")


def edge_candidate(line: str) -> bool:
    """Whether a line has a shape the model may act on: short, Chinese, not a table row.

    Measured on unseen web pages (``--eval``), flags on long lines, lines without any
    Chinese character (``---``, product names, references) and markdown table rows were
    mostly wrong; furniture of those shapes is left to the rules.
    """
    s = line.strip()
    return 0 < len(s) <= GATE_MAX_CHARS and bool(_CJK.search(s)) and not _TABLE_ROW.search(s)


def held_out_probabilities(rows: Sequence[LabelledLine], folds: int = 5) -> np.ndarray:
    """Furniture probability of every row, each from a model trained on the other folds.

    Folds are stratified and shuffled with a fixed seed, so the numbers are reproducible.
    """
    from sklearn.model_selection import StratifiedKFold

    x = np.array([r.line for r in rows], dtype=object)
    y = np.array([r.label == FURNITURE for r in rows])
    probs = np.zeros(len(rows))
    for train, test in StratifiedKFold(folds, shuffle=True, random_state=SEED).split(x, y):
        pipe = build_pipeline().fit(list(x[train]), y[train])
        probs[test] = pipe.predict_proba(list(x[test]))[:, 1]
    return probs


def cross_validate(folds: int = 5, threshold: float = 0.5) -> dict[str, object]:
    """Stratified k-fold metrics for ``furniture`` on the labelled lines.

    Every line is scored by a model that never saw it. Besides the headline numbers, the
    result lists recall per ``kind`` and the misclassified lines, so a person can see
    which families are weak rather than trust one accuracy figure.

    Args:
        folds: number of stratified folds (shuffled with a fixed seed).
        threshold: probability at or above which a line counts as predicted furniture.

    Returns:
        A JSON-ready dict: sizes, accuracy, precision, recall, f1, the same at
        ``THRESHOLD``, per-kind accuracy and the errors.
    """
    rows = load_labels()
    y = np.array([r.label == FURNITURE for r in rows])
    probs = held_out_probabilities(rows, folds)
    by_kind: dict[str, list[bool]] = {}
    for r, p in zip(rows, probs, strict=True):
        by_kind.setdefault(r.kind, []).append((p >= threshold) == (r.label == FURNITURE))
    wrong = [
        (r, float(p))
        for r, p in zip(rows, probs, strict=True)
        if (p >= threshold) != (r.label == FURNITURE)
    ]
    wrong.sort(key=lambda rp: (rp[0].label, -rp[1]))
    errors = [
        {"label": r.label, "kind": r.kind, "p": round(p, 3), "line": r.line[:80]} for r, p in wrong
    ]
    return {
        "rows": dict(Counter(r.label for r in rows)),
        "folds": folds,
        **{f"{k}@{threshold}": v for k, v in _metrics(y, probs >= threshold).items()},
        **{f"{k}@{THRESHOLD}": v for k, v in _metrics(y, probs >= THRESHOLD).items()},
        "by_threshold": {
            str(t): _metrics(y, probs >= t) for t in (0.5, 0.6, 0.7, 0.8, 0.9, 0.95, 0.98)
        },
        "accuracy_by_kind": {k: round(sum(v) / len(v), 3) for k, v in sorted(by_kind.items())},
        "errors": errors,
    }


def corpus_holdout() -> dict[str, object]:
    """Train on the written lines only, test on the lines taken from ``corpus/``.

    Random folds mix near-identical lines (the corpus holds near-copies of reports) into
    train and test; this split asks the harder question of whether lines written for
    training carry over to pages written separately.
    """
    rows = load_labels()
    train = [r for r in rows if not r.kind.startswith("corpus_")]
    test = [r for r in rows if r.kind.startswith("corpus_")]
    pipe = build_pipeline().fit([r.line for r in train], [r.label == FURNITURE for r in train])
    y = np.array([r.label == FURNITURE for r in test])
    probs = pipe.predict_proba([r.line for r in test])[:, 1]
    return {
        "train_rows": len(train),
        "test_rows": dict(Counter(r.label for r in test)),
        **{f"{k}@0.5": v for k, v in _metrics(y, probs >= 0.5).items()},
        **{f"{k}@{THRESHOLD}": v for k, v in _metrics(y, probs >= THRESHOLD).items()},
        "errors": [
            {"label": r.label, "p": round(float(p), 3), "line": r.line[:80]}
            for r, p in zip(test, probs, strict=True)
            if (p >= 0.5) != (r.label == FURNITURE)
        ],
    }


def _metrics(y: np.ndarray, pred: np.ndarray) -> dict[str, float]:
    tp = int(np.sum(pred & y))
    fp = int(np.sum(pred & ~y))
    fn = int(np.sum(~pred & y))
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {
        "accuracy": round(float(np.mean(pred == y)), 4),
        "precision": round(precision, 4),
        "recall": round(recall, 4),
        "f1": round(f1, 4),
    }


# --- behaviour on pages it was never trained on (../shared), for a person to judge ---------


def _shared_pages(shared: Path) -> Iterator[tuple[str, str]]:
    """(group, text) for every seed page and every jsonl text of the real corpus."""
    from miner.ingest import decode_bytes

    for path in sorted((shared / "corpus" / "seeds").glob("*.txt")):
        yield "seeds", decode_bytes(path.read_bytes()).text
    for path in sorted((shared / "corpus" / "real").rglob("*.jsonl")):
        group = f"real/{path.parent.name}"
        for raw in path.read_text(encoding="utf-8", errors="replace").splitlines():
            try:
                rec = json.loads(raw)
            except json.JSONDecodeError:
                continue
            text = next(
                (rec[k] for k in ("content", "text", "raw_content") if isinstance(rec.get(k), str)),
                None,
            )
            if text:
                yield group, text


def _as_rules_see(text: str) -> list[str]:
    """The page's lines as ``classify_lines`` sees them inside ``clean_page``."""
    from miner.clean.inline import find_inline
    from miner.clean.script import detect_script, simplified

    script = detect_script(text)
    probe = simplified(text) if script != "simplified" else text
    for s, e, _ in sorted(find_inline(probe), reverse=True):
        probe = probe[:s] + probe[e:]
    return probe.splitlines()


def shared_report(shared: Path, threshold: float = THRESHOLD, samples: int = 30) -> dict:
    """Lines the rules keep but the model would flag, on pages outside the training data.

    Counted separately for the page's edges (first ``HEAD_LINES`` and last ``TAIL_LINES``
    non-empty lines, where furniture lives) and its middle (almost all report text, so
    flags there are mostly false alarms), and once more at the edges with the
    ``edge_candidate`` shape gate. Nothing from ``shared`` is trained on.
    """
    from miner.clean.cues import HEAD_LINES, TAIL_LINES
    from miner.clean.lines import classify_lines

    groups: dict[str, Counter[str]] = {}
    flagged: dict[str, list[tuple[str, float, str]]] = {"edge": [], "gated": [], "middle": []}
    for group, text in _shared_pages(shared):
        lines = _as_rules_see(text)
        rules = classify_lines(lines)
        nonempty = [i for i, ln in enumerate(lines) if ln.strip()]
        edge = set(nonempty[:HEAD_LINES]) | set(nonempty[-TAIL_LINES:])
        kept = [i for i in nonempty if i not in rules]
        probs = furniture_probability([lines[i] for i in kept])
        c = groups.setdefault(group, Counter())
        c["pages"] += 1
        c["rule_removed_edge"] += sum(1 for i in rules if i in edge)
        for i, p in zip(kept, probs, strict=True):
            where = "edge" if i in edge else "middle"
            c[f"kept_{where}"] += 1
            if p < threshold:
                continue
            row = (group, round(p, 3), lines[i].strip()[:100])
            c[f"flagged_{where}"] += 1
            flagged[where].append(row)
            if where == "edge" and edge_candidate(lines[i]):
                c["flagged_edge_gated"] += 1
                flagged["gated"].append(row)
    rng = random.Random(SEED)

    def sample(rows: list[tuple[str, float, str]], k: int) -> list[dict[str, object]]:
        return [
            {"group": g, "p": p, "line": ln} for g, p, ln in rng.sample(rows, min(k, len(rows)))
        ]

    return {
        "threshold": threshold,
        "groups": {g: dict(c) for g, c in sorted(groups.items())},
        "total": dict(sum(groups.values(), Counter())),
        "sample_flagged_edge": sample(flagged["edge"], samples),
        "sample_flagged_edge_gated": sample(flagged["gated"], samples),
        "sample_flagged_middle": sample(flagged["middle"], samples // 3),
    }


def main(argv: Sequence[str] | None = None) -> int:
    """``python -m miner.clean.classifier --eval [--shared PATH]``: print metrics as JSON."""
    ap = argparse.ArgumentParser(prog="python -m miner.clean.classifier")
    ap.add_argument("--eval", action="store_true", help="cross-validate and print JSON")
    ap.add_argument("--shared", type=Path, default=Path(__file__).resolve().parents[3] / "shared")
    ap.add_argument("--threshold", type=float, default=THRESHOLD)
    args = ap.parse_args(argv)
    if not args.eval:
        ap.print_help()
        return 2
    t0 = time.perf_counter()
    build_pipeline()  # imports scikit-learn, so the next figure is the fit alone
    t1 = time.perf_counter()
    _trained()
    t2 = time.perf_counter()
    report: dict[str, object] = {
        "import_seconds": round(t1 - t0, 3),
        "train_seconds": round(t2 - t1, 3),
    }
    report["cv"] = cross_validate()
    report["corpus_holdout"] = corpus_holdout()
    if (args.shared / "corpus").is_dir():
        report["shared"] = shared_report(args.shared, args.threshold)
    json.dump(report, sys.stdout, ensure_ascii=False, indent=1)
    print()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
