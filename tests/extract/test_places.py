"""Gazetteer lookups and region resolution (miner.extract.places)."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from miner.extract.places import find_places, gazetteer, resolve_region, short_form


def _region(text: str) -> tuple[str | None, str | None]:
    return resolve_region(find_places(text))


def test_county_resolves_to_full_chain() -> None:
    assert _region("南江县红岩乡开展工作") == ("四川省巴中市南江县", "mention:南江县")


def test_municipality_district_has_no_placeholder_level() -> None:
    region, _ = _region("海淀区召开会议")
    assert region == "北京市海淀区"


def test_local_paper_is_media_evidence() -> None:
    region, evidence = _region("辅以衡阳日报、衡阳晚报刊载领导讲话")
    assert region == "湖南省衡阳市"  # the prefecture, not its namesake county
    assert evidence == "media:衡阳"


def test_short_form_in_body_is_weak_evidence() -> None:
    region, evidence = _region("8月13日晚在乐亭青春广场成功举办文艺演出")
    assert region == "河北省唐山市乐亭县"
    assert evidence == "short_mention:乐亭"


def test_short_form_straddling_words_is_not_a_place() -> None:
    # 和政 (和政县) inside 党和政府, 康保 (康保县) inside 健康保健.
    assert find_places("帮助党和政府做好工作，开展健康保健教育") == []


def test_short_form_heading_a_village_is_not_the_county() -> None:
    # 丰台桥村 is a village; 丰台 alone would be Beijing's district.
    assert all(m.text != "丰台" for m in find_places("丰台桥村党支部书记"))


def test_ordinary_words_are_not_short_forms() -> None:
    # 和平区, 东方市, 新华区 exist, but 和平, 东方, 新华 are words.
    assert find_places("坚持和平发展，东方红，新华书店") == []


def test_street_named_after_a_city_is_not_evidence() -> None:
    assert find_places("位于南京路步行街") == []


def test_province_mention_supports_its_county() -> None:
    region, _ = resolve_region(find_places("四川省") + find_places("南江县"))
    assert region == "四川省巴中市南江县"


def test_scattered_mentions_give_no_region() -> None:
    text = "广东省、湖南省、四川省、河北省、山东省的代表参加会议"
    assert _region(text) == (None, None)


def test_autonomous_names_lose_nationalities_in_short_form() -> None:
    assert short_form("峨边彝族自治县") == "峨边"
    assert short_form("广西壮族自治区") == "广西"
    assert short_form("南江县") == "南江"


def test_gazetteer_covers_all_levels() -> None:
    gaz = gazetteer()
    levels = {gaz.by_code[c].level for c in ("510000", "511900", "511922")}
    assert levels == {1, 2, 3}
    assert gaz.region("341602") == "安徽省亳州市谯城区"


def test_evidence_names_the_winning_division() -> None:
    region, evidence = resolve_region(find_places("江苏省常熟市尚湖镇", "unit_name"))
    assert region == "江苏省苏州市常熟市"
    assert evidence == "unit_name:常熟市"


def test_province_named_only_in_the_body_is_context() -> None:
    assert _region("认真执行《四川省政务公开规定》等法规规章") == (None, None)
    assert _region("四川省南江县") == ("四川省巴中市南江县", "mention:南江县")
    assert resolve_region(find_places("四川省", "title")) == ("四川省", "title:四川省")


@given(
    st.lists(
        st.sampled_from(
            ["党和政府", "健康保健", "和政", "康保", "武汉", "城关镇", "周村", "，", "我县", "丰台"]
        ),
        max_size=8,
    ),
    st.data(),
)
def test_short_forms_cut_at_the_words_that_tokens_give(
    pieces: list[str], data: st.DataObject
) -> None:
    from miner.extract.places import _SETTLEMENT_AFTER, _short_ok
    from miner.segment import tag

    text = "".join(pieces)
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    lo, hi = max(0, start - 8), min(len(text), end + 8)
    cuts = (
        {lo, hi} | {lo + t.start for t in tag(text[lo:hi])} | {lo + t.end for t in tag(text[lo:hi])}
    )
    expected = not _SETTLEMENT_AFTER.match(text, end) and start in cuts and end in cuts
    assert _short_ok(text, start, end) == expected


def _places_trying_every_start(text: str, kind: str = "mention") -> list[object]:
    """find_places as first written: every start the classes allow walks its lengths."""
    from miner.extract.places import _MEDIA, _NOT_PLACE_AFTER, PlaceMention, _short_ok

    gaz = gazetteer()
    out: list[object] = []
    free = 0
    for start in gaz.starts.finditer(text):
        i = start.start()
        if i < free:
            continue
        hit = None
        for length in gaz.lengths.get(text[i : i + 2], ()):
            if i + length > len(text):
                continue
            word = text[i : i + length]
            codes = gaz.full.get(word)
            found_kind = kind
            is_short = codes is None
            if is_short:
                codes = gaz.short.get(word)
                found_kind = "short_mention" if kind == "mention" else "title_short"
            if codes is None:
                continue
            after = text[i + length : i + length + 5]
            if _MEDIA.match(after):
                found_kind = "media"
            elif _NOT_PLACE_AFTER.match(after) or (
                is_short and (word in gaz.frequent or not _short_ok(text, i, i + length))
            ):
                break
            hit = PlaceMention(i, i + length, word, tuple(codes), found_kind)
            break
        if hit is not None:
            out.append(hit)
            free = hit.end
    return out


_PLACE_PIECES = ["湖南省", "衡阳市", "衡阳", "日报", "南岳区", "我县", "党和政府", "武汉", "晚报",
                 "城关镇", "中山", "大学", "的", "，", "中国", "北京市", "朝阳区", "阳光", "县委"]  # fmt: skip


@given(st.lists(st.sampled_from(_PLACE_PIECES), max_size=12), st.sampled_from(["mention", "title"]))
def test_places_are_found_as_by_every_start(pieces: list[str], kind: str) -> None:
    # Ruling out a start by its first two characters first finds the same places.
    text = "".join(pieces)
    assert find_places(text, kind) == _places_trying_every_start(text, kind)
