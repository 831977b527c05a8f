from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from miner.clean import detect_script, to_simplified
from miner.clean.flags import garbled_spans, is_truncated, redaction_spans
from miner.clean.script import _script_of
from miner.textmap import TextMap


def test_detect_script() -> None:
    assert detect_script("教育局黨委創先爭優活動總結") == "traditional"
    assert detect_script("教育局党委创先争优活动总结") == "simplified"
    assert detect_script("教育局党委创先争优活動總結黨員黨委會議") == "mixed"
    assert detect_script("2012 abc") == "simplified"


def test_to_simplified_keeps_offsets() -> None:
    tm = to_simplified(TextMap.of("創先爭優\n總結"))
    assert tm.text == "创先争优\n总结"
    assert tm.offsets == list(range(7))


def test_flags() -> None:
    assert garbled_spans("确保活动开展ㄈ┳嶊P") == [(6, 8)]
    text = "贯彻落实党的_、以_理论为指导，副组长**克斯，安装路灯 盏"
    spans = redaction_spans(text)
    assert [text[s:e] for s, e in spans] == ["_", "_", "**"]
    assert is_truncated(
        "这是正文，大力开展形式多样、各具特色、生动活泼的群众性纪念活动,如", walled=True
    )
    assert not is_truncated("全文完。", walled=True)
    assert not is_truncated("中共某某镇委员会\n2012年12月20日", walled=False)


def _script_by_character(text: str) -> str:
    """The vote as OpenCC gives it for each character: what ``detect_script`` must match."""
    trad = sum(1 for ch in text if "\u4e00" <= ch <= "\u9fff" and _script_of(ch) > 0)
    simp = sum(1 for ch in text if "\u4e00" <= ch <= "\u9fff" and _script_of(ch) < 0)
    if trad == 0 or trad <= 0.02 * simp:
        return "simplified"
    return "traditional" if simp <= 0.05 * trad else "mixed"


@given(st.text(alphabet="創先爭優活動總結创先争优活动总结的是了在会議议a1，", max_size=80))
def test_detect_script_counts_as_opencc_does_per_character(text: str) -> None:
    assert detect_script(text) == _script_by_character(text)


# Traditional and simplified characters, phrases OpenCC converts as a whole (後來, 乾淨,
# 頭髮), and the line breaks that must never join two lines' phrases.
_T2S_ALPHABET = "後來乾淨頭髮發展數據開發計劃總結黨員會議里面著干麵台灣\n\n ，。abc12"


@given(st.text(alphabet=_T2S_ALPHABET, max_size=60) | st.text(max_size=60))
def test_simplified_lines_converts_each_line_as_on_its_own(text: str) -> None:
    from miner.clean.script import simplified, simplified_lines

    assert simplified_lines(text) == [simplified(line) for line in text.split("\n")]


@given(st.text(alphabet=_T2S_ALPHABET, max_size=60))
def test_to_simplified_edits_line_by_line(text: str) -> None:
    from miner.clean.script import simplified

    tm = to_simplified(TextMap.of(text))
    assert tm.text == "\n".join(simplified(line) for line in text.split("\n"))
    assert len(tm.offsets) == len(tm.text)
