from __future__ import annotations

import json

from miner.dedup import align_pair, find_duplicates, matching_view
from miner.dedup.texts import InMemoryTexts
from miner.models import Article

REPORT = (
    "自开展双比双争活动以来，我镇按照县委的统一部署，成立了以党委书记为组长的领导小组，"
    "先后召开动员大会三次，制定下发了实施方案。我镇把活动作为党建工作的重点来抓，"
    "多次在各种会议上强调以群众满意为标准，以民主评议为方法，切实加强基层党风廉政建设，"
    "充分发挥基层组织及其负责人的带头作用，为我镇的新农村建设提供坚强的组织保证。"
)
OTHER = (
    "学校坚持以人为本的原则，落实学校提出的教育理念，让每一个孩子都享受到成功的快乐，"
    "建立校级干部巡堂制度和中层干部执勤制度，每天对早读、上课、课间操进行巡查并做好记载，"
    "发现问题及时处理，及时与班主任、任课教师沟通，学校校容整洁干净，师生文明礼貌。"
)


def _art(doc_id: str, text: str) -> Article:
    return Article(doc_id=doc_id, source="s", part=1, title=None, text=text)


def test_matching_view() -> None:
    assert matching_view("投入资金21.6万元，“双创双争”！") == "投入资金0万元双创双争"


def test_find_pairs_kinds() -> None:
    swapped = REPORT.replace("我镇", "我街道").replace("双比双争", "双创双争")
    half = REPORT[: len(REPORT) // 2] + OTHER
    arts = [
        _art("a", REPORT),
        _art("b", REPORT.replace("。", "。\n")),  # same after normalising
        _art("c", swapped),
        _art("d", OTHER),
        _art("e", half),
    ]
    pairs, passages = find_duplicates(arts)
    kinds = {(p.doc_a, p.doc_b): p.kind for p in pairs}
    assert kinds[("a", "b")] == "exact"
    assert kinds[("a", "c")] == "near"
    assert kinds[("a", "e")] == "partial"
    assert ("a", "d") not in kinds
    assert {(p.doc_a, p.doc_b) for p in passages} <= set(kinds)


def test_align_pair_reports_word_swaps() -> None:
    swapped = REPORT.replace("我镇", "我街道")
    (passage,) = align_pair("a", REPORT, "b", swapped)
    subs = json.loads(passage.substitutions)
    # rjieba may cut 我镇的 as 我/镇的, so the swap shows as 镇→街道 there: still the swap.
    assert subs and all(s in (["我镇", "我街道"], ["镇", "街道"]) for s in subs)
    assert passage.a_start == 0 and passage.a_end == len(REPORT)


def test_index_and_submitted_alignment_give_the_same_result() -> None:
    from miner.dedup import DedupIndex, dedup, index_articles
    from miner.settings import DedupConfig

    swapped = REPORT.replace("我镇", "我街道").replace("双比双争", "双创双争")
    arts = [
        _art(x, t)
        for x, t in zip(
            "abcde", (REPORT, swapped, OTHER, swapped + OTHER, REPORT[:90] + OTHER), strict=True
        )
    ]
    plain = dedup(arts)
    index = DedupIndex()
    for part in (arts[:2], arts[2:]):  # by batches, as the engine's workers compute it
        index.extend(index_articles([a.text for a in part], DedupConfig()))
    started: list[str] = []

    def submit(fn, *args):  # type: ignore[no-untyped-def]
        started.append(fn.__name__)
        result = fn(*args)
        return lambda: result

    from miner.dedup import start_dedup

    assert start_dedup(arts, index=index, submit=submit)() == plain
    assert started and set(started) == {"verify_block", "align_chunk"}
    # Texts the tasks open themselves: the templates become a task too.
    started.clear()
    shared = InMemoryTexts([a.text for a in arts])
    assert start_dedup(arts, index=index, submit=submit, shared_texts=shared)() == plain
    assert set(started) == {"verify_block", "templates_task", "align_stored"}
    # Nothing ahead (``window=0``, as in one process): nothing is submitted early.
    started.clear()
    assert start_dedup(arts, index=index, submit=submit, window=0)() == plain
    assert set(started) == {"align_chunk"}
    assert plain.pairs
