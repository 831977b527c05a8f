from __future__ import annotations

import random
from collections import Counter, defaultdict
from difflib import SequenceMatcher
from itertools import pairwise

import pytest

from miner.dedup.bases import Base, Unit, load_bases, unit_pattern
from miner.dedup.draft import MIN_PASSAGE, Draft, matching_view, pair_truth
from miner.dedup.edits import drop_sentences, reorder_paragraphs, splice, swap_unit, truncate
from miner.dedup.evaluate import share_bucket
from miner.dedup.generate import STRENGTHS, EvalSet, generate
from miner.dedup.synthetic import synthetic_corpus

REPORT = (
    "自开展双比双争活动以来，我镇按照县委的统一部署，成立了以党委书记为组长的领导小组，"
    "先后召开动员大会三次。我镇把活动作为党建工作的重点来抓，多次在各种会议上强调以群众满意为标准。\n"
    "全年投入资金42万元，硬化道路5公里，新建蓄水池12口，解决了1100余名群众的安全饮水问题。\n"
    "下一步，我镇将继续深化活动，推动双比双争活动常态化、长效化，为新农村建设提供坚强的组织保证。"
)
TOWN, COMMUNITY = Unit(None, "镇"), Unit("青松社区", "社区")


@pytest.fixture(scope="module")
def bases() -> list[Base]:
    return load_bases()


@pytest.fixture(scope="module")
def small(bases: list[Base]) -> EvalSet:
    return generate(seed=7, negatives=24, bases=bases)


def test_a_unit_swap_is_one_passage_with_its_substitutions() -> None:
    base = Draft.of(REPORT, 0)
    copy, _ = swap_unit(base, TOWN, COMMUNITY)
    t = pair_truth(base, copy)
    assert len(t.passages) == 1
    assert t.substitutions == Counter({("我镇", "我社区"): 3})
    assert t.kind == "near" and t.share == 1.0


def test_a_dropped_sentence_next_to_a_swap_is_no_substitution() -> None:
    base = Draft.of(REPORT, 0)
    copy, _ = swap_unit(base, TOWN, COMMUNITY)
    s = copy.text.index("先后召开")
    copy = copy.replace(s, copy.text.index("我社区把"), Draft.new(""))
    (passage,) = pair_truth(base, copy).passages
    # The written 我社区 stands for 我镇 only, not for the sentence dropped before it.
    assert passage.substitutions == (("我镇", "我社区"),) * 3
    assert passage.runs == 4


def test_truncated_copy_is_partial_and_wholly_shared() -> None:
    base = Draft.of(REPORT, 0)
    short, _ = truncate(base, 0.5)
    t = pair_truth(base, short)
    assert t.kind == "partial" and t.share == 1.0
    assert 0.3 < t.coverage_a < 0.7 and t.coverage_b == 1.0


def test_reordered_paragraphs_are_still_covered() -> None:
    base = Draft.of(REPORT, 0)
    moved, note = reorder_paragraphs(base, random.Random(0))
    assert moved.text != base.text and "swapped" in note
    t = pair_truth(base, moved)
    assert len(t.passages) >= 2 and min(t.coverage_a, t.coverage_b) >= 0.9


def test_splice_shares_its_tail_with_the_donor(bases: list[Base]) -> None:
    head, donor = bases[0], bases[1]
    spliced, _ = splice(head.draft, 0.5, donor)
    with_head, with_donor = pair_truth(head.draft, spliced), pair_truth(donor.draft, spliced)
    assert with_head.passages and with_donor.passages
    assert with_donor.passages[-1].a_end == len(donor.draft)
    assert with_donor.passages[-1].b_end == len(spliced)
    assert 0.2 < with_head.coverage_b < 0.8 and 0.2 < with_donor.coverage_b < 0.8


def test_drop_sentences_removes_about_the_share_asked(bases: list[Base]) -> None:
    d = bases[0].draft
    kept, _ = drop_sentences(d, random.Random(1), 0.4)
    assert 0.45 < len(kept) / len(d) < 0.65
    assert pair_truth(d, kept).share > 0.9  # what is left is copied


def test_unit_pattern_names_the_unit_and_not_a_school_word() -> None:
    town = unit_pattern(Unit("杉木坪乡", "乡"))
    school = unit_pattern(Unit(None, "校"))
    assert town is not None and school is not None
    text = "杉木坪乡党委要求全乡，我乡乡党委"
    assert town.findall(text) == ["杉木坪乡", "全乡", "我乡", "乡党委"]
    assert school.findall("学校党支部和我校校党支部") == ["我校", "校党支部"]


def test_generate_is_deterministic(bases: list[Base]) -> None:
    def fingerprint(es: EvalSet) -> tuple[object, ...]:
        return (
            [(d.article.doc_id, d.article.text) for d in es.docs],
            [(k, p.truth.share, p.truth.kind) for k, p in es.pairs.items()],
            es.hard_negatives,
        )

    few = bases[:6]
    one = fingerprint(generate(seed=3, negatives=8, bases=few))
    assert one == fingerprint(generate(seed=3, negatives=8, bases=few))
    assert one != fingerprint(generate(seed=4, negatives=8, bases=few))


def test_exact_passages_point_at_identical_text(small: EvalSet) -> None:
    exact = 0
    for (ida, idb), tp in small.pairs.items():
        ta, tb = small.doc(ida).article.text, small.doc(idb).article.text
        for p in tp.truth.passages:
            sa, sb = ta[p.a_start : p.a_end], tb[p.b_start : p.b_end]
            assert 0 <= p.a_start < p.a_end <= len(ta) and 0 <= p.b_start < p.b_end <= len(tb)
            if p.runs == 1:
                assert sa == sb
                exact += 1
            assert sa[:1] == sb[:1] and sa[-1:] == sb[-1:]  # passages start and end on copies
            for x, y in p.substitutions:
                assert x in sa and y in sb and x != y
    assert exact > 100


def test_truth_kinds_follow_their_definitions(small: EvalSet) -> None:
    seen = Counter()
    for (ida, idb), tp in small.pairs.items():
        t = tp.truth
        seen[t.kind] += 1
        same_view = matching_view(small.doc(ida).article.text) == matching_view(
            small.doc(idb).article.text
        )
        assert (t.kind == "exact") == same_view
        if t.kind == "near":
            assert min(t.coverage_a, t.coverage_b) >= 0.9
        if t.kind == "partial":
            assert t.share >= 0.3
        if tp.relation == "copy" and tp.strength == "exact":
            assert t.kind == "exact"
    assert set(seen) == {"exact", "near", "partial", "weak"}


def test_every_strength_and_share_bucket_is_there(small: EvalSet) -> None:
    strengths = {tp.strength for tp in small.pairs.values() if tp.relation == "copy"}
    assert strengths == set(STRENGTHS)
    buckets = Counter(share_bucket(tp.truth.share) for tp in small.pairs.values())
    assert buckets[">=0.5"] >= 100 and buckets["0.3-0.5"] >= 20
    relations = {tp.relation for tp in small.pairs.values()}
    assert relations == {"copy", "sibling", "borrowed"}


def test_hard_negatives_share_phrases_but_no_passage(small: EvalSet) -> None:
    negatives = {d.article.doc_id for d in small.docs if d.role == "negative"}
    between = [k for k in small.hard_negatives if set(k) <= negatives]
    assert len(small.hard_negatives) >= 300 and len(between) >= 40
    shared = []
    for ida, idb in between:
        a, b = small.doc(ida), small.doc(idb)
        assert a.campaign == b.campaign and a.unit != b.unit
        ta, tb = a.article.text, b.article.text
        m = SequenceMatcher(None, ta, tb, autojunk=False).find_longest_match()
        assert m.size < MIN_PASSAGE, ta[m.a : m.a + m.size]
        ga = {ta[i : i + 5] for i in range(len(ta) - 4)}
        gb = {tb[i : i + 5] for i in range(len(tb) - 4)}
        shared.append(len(ga & gb) / min(len(ga), len(gb)))
    # Same campaign, stock opening, common clauses: more than two unrelated reports share.
    assert sum(shared) / len(shared) > 0.03


def test_synthetic_corpus_is_deterministic_with_families() -> None:
    one = list(synthetic_corpus(700, seed=2))
    two = list(synthetic_corpus(700, seed=2))
    assert [(a.doc_id, a.text) for a in one] == [(a.doc_id, a.text) for a in two]
    assert len({a.doc_id for a in one}) == 700
    assert 1300 < sum(len(a.text) for a in one) / 700 < 1700
    families: dict[str, list[str]] = defaultdict(list)
    for a in one:
        if a.source != "synthetic/solo":
            families[a.source].append(a.text)
    members = sum(len(m) for m in families.values())
    assert 0.25 < members / 700 < 0.45  # 20% copies and the originals they copy
    assert all(len(m) >= 2 for m in families.values())

    def containment(x: str, y: str) -> float:
        gx = {x[i : i + 5] for i in range(len(x) - 4)}
        gy = {y[i : i + 5] for i in range(len(y) - 4)}
        return len(gx & gy) / min(len(gx), len(gy))

    best = [max(containment(m[0], o) for o in m[1:]) for m in families.values()]
    assert sum(b >= 0.3 for b in best) / len(best) > 0.9
    solo = [a.text for a in one if a.source == "synthetic/solo"][:40]
    assert max(containment(x, y) for x, y in pairwise(solo)) < 0.1
