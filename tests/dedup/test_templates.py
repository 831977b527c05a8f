from __future__ import annotations

from pathlib import Path

from miner.dedup import dedup
from miner.models import Article
from miner.settings import DedupConfig

# A standard sentence every unit quotes from the county's plan.
TEMPLATE = (
    "以邓小平理论和三个代表重要思想为指导，深入贯彻落实科学发展观，"
    "紧紧围绕全县中心工作，以加强基层组织建设为重点，推动各项工作全面发展。"
)
OWN = [
    "我镇组织党员干部深入田间地头，帮助群众抢收秋粮，协调农机四十余台，解决群众实际困难。",
    "学校建立校级干部巡堂制度，每天对早读和课间操进行巡查，发现问题及时与班主任沟通处理。",
    "社区开展邻里守望志愿服务，为辖区孤寡老人送去米面油等慰问品，并登记老人的健康状况。",
    "卫生院组织医务人员下乡义诊，免费为村民测量血压血糖，发放健康教育宣传资料一千余份。",
    "林业站加强森林防火巡查，在重点路口设立检查卡点，清理林下可燃物，确保全年无火灾发生。",
]
MORE = [
    "全年新修村级道路八公里，硬化晒场三处，群众出行和晾晒难的问题得到初步解决。",
    "各班每周召开一次主题班会，评选文明学生，家长会上通报学生在校表现情况。",
    "网格员每天走访住户，收集居民诉求二十余条，能当场办理的当场办理，不能的及时上报。",
    "对辖区内慢性病患者建立健康档案，实行签约服务，定期上门随访并记录用药情况。",
    "与周边村组签订联防协议，组建扑火队伍两支，开展扑火演练，提高应急处置能力。",
]


def _art(doc_id: str, text: str) -> Article:
    return Article(doc_id=doc_id, source="s", part=1, title=None, text=text)


def test_reports_sharing_only_a_template_are_not_copies() -> None:
    # the template is under half of each report, as a quoted 指导思想 is
    arts = [
        _art(f"d{i}", TEMPLATE + own + more)
        for i, (own, more) in enumerate(zip(OWN, MORE, strict=True))
    ]
    kept = dedup(arts, DedupConfig(exclude_templates=False))
    assert kept.pairs, "without exclusion the template alone makes them look like copies"
    result = dedup(arts)
    assert result.pairs == []
    (template,) = result.templates
    assert template.articles == 5 and template.groups == 5
    assert template.text.startswith("以邓小平理论")


def test_a_family_of_copies_does_not_make_its_own_text_a_template() -> None:
    units = ["我镇", "我乡", "我街道", "我社区", "我村"]
    body = "".join(OWN)
    arts = [_art(f"d{i}", body.replace("我镇", u)) for i, u in enumerate(units)]
    result = dedup(arts)
    assert result.templates == []
    assert len(result.pairs) == 10  # every two of the five
    assert {c.cluster_id for c in result.clusters} == {1}


def test_pairs_a_template_task_drops_are_left_out_of_the_alignment_started_early() -> None:
    # On a pool every verified pair is aligned while a worker finds the templates;
    # the pairs sharing only a template must still be missing from the result.
    from miner.dedup import start_dedup
    from miner.dedup.texts import InMemoryTexts

    arts = [
        _art(f"d{i}", TEMPLATE + own + more)
        for i, (own, more) in enumerate(zip(OWN, MORE, strict=True))
    ]
    arts.append(_art("copy", TEMPLATE + OWN[0] + MORE[0]))  # d0 copied: a real pair
    plain = dedup(arts)
    assert plain.templates and [(p.doc_a, p.doc_b) for p in plain.pairs] == [("copy", "d0")]
    started: list[str] = []

    def submit(fn, *args):  # type: ignore[no-untyped-def]
        started.append(fn.__name__)
        result = fn(*args)
        return lambda: result

    shared = InMemoryTexts([a.text for a in arts])
    got = start_dedup(arts, submit=submit, shared_texts=shared, window=4)()
    assert "templates_task" in started and "align_stored" in started
    assert got == plain


def test_left_out_pairs_are_dropped_from_spilled_tables_too(tmp_path: Path) -> None:
    # A partitioned run on a pool both aligns early and spills: the pairs sharing only
    # a template leave the tables read back from disk, one chunk per column.
    from miner.dedup import start_dedup
    from miner.dedup.texts import InMemoryTexts
    from miner.tables.schema import to_arrow

    arts = [
        _art(f"d{i}", TEMPLATE + own + more)
        for i, (own, more) in enumerate(zip(OWN, MORE, strict=True))
    ]
    arts.append(_art("copy", TEMPLATE + OWN[0] + MORE[0]))
    plain = dedup(arts)

    def submit(fn, *args):  # type: ignore[no-untyped-def]
        result = fn(*args)
        return lambda: result

    shared = InMemoryTexts([a.text for a in arts])
    got = start_dedup(arts, submit=submit, shared_texts=shared, window=4, spill=tmp_path)()
    assert got.pair_table is not None and got.passage_table is not None
    assert got.pair_table.equals(to_arrow("duplicates", plain.pairs))
    assert got.passage_table.equals(to_arrow("passages", plain.passages))
    assert all(c.num_chunks == 1 for c in [*got.pair_table.columns, *got.passage_table.columns])
    assert got.clusters == plain.clusters and got.templates == plain.templates


def test_sentences_sorted_in_shards_give_the_same_templates(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    # A large corpus's sentence hashes are sorted a shard of hash values at a time;
    # with shards of two hashes every sentence is in a shard of its own or nearly.
    from miner.dedup import templates

    arts = [
        _art(f"d{i}", TEMPLATE + own + more)
        for i, (own, more) in enumerate(zip(OWN, MORE, strict=True))
    ]
    arts.append(_art("copy", TEMPLATE + OWN[0] + MORE[0]))
    whole = dedup(arts)
    assert whole.templates and whole.pairs
    monkeypatch.setattr(templates, "_SHARD_VALUES", 2)
    assert dedup(arts) == whole
