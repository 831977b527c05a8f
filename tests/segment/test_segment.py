from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from miner.segment import add_words, backend, sentences, tag, words
from miner.segment.sentences import MAX_CHARS


def test_tag_tiles_the_text() -> None:
    text = "共投入资金21.6万元，党员 37199 名。"
    tokens = tag(text)
    assert "".join(t.text for t in tokens) == text
    assert all(text[t.start : t.end] == t.text for t in tokens)


def test_user_words_stay_whole() -> None:
    assert "三会一课" in words("落实三会一课制度")
    add_words(["双比双争", "六查六看"])
    assert "双比双争" in words("开展“双比双争”活动，落实六查六看要求")
    assert "六查六看" in words("开展“双比双争”活动，落实六查六看要求")
    assert backend() in {"rjieba", "jieba"}


def test_sentences_respect_quotes_and_lines() -> None:
    text = "一是加强领导。二是“学习、落实。”要求\n三是总结"
    got = [s.text for s in sentences(text)]
    assert got == ["一是加强领导。", "二是“学习、落实。”要求", "三是总结"]
    assert all(text[s.start : s.end] == s.text for s in sentences(text))


def test_sentences_cut_an_unpunctuated_run_at_commas() -> None:
    text = "全村党员52名，农村党员60名，" * 300 + "。结束。"  # 4,800 characters, then 。
    got = sentences(text)
    assert all(len(s.text) <= MAX_CHARS and text[s.start : s.end] == s.text for s in got)
    assert all(s.text.endswith("，") for s in got[:-2])  # each piece ends at a comma
    assert "".join(s.text for s in got) == text
    assert got[-1].text == "结束。"


def test_sentences_cut_a_run_without_breaks_at_the_cap() -> None:
    text = "党员52名" * 500
    got = sentences(text)
    assert [len(s.text) for s in got] == [MAX_CHARS] * 2 + [len(text) - 2 * MAX_CHARS]
    assert "".join(s.text for s in got) == text


def test_sentences_leave_long_prose_whole() -> None:
    long_one = "，".join(f"第{i}村新增本土确诊病例{i}例" for i in range(60)) + "。"
    assert 800 < len(long_one) < MAX_CHARS
    assert [s.text for s in sentences(long_one)] == [long_one]


def test_private_segmenter_leaves_the_shared_one_alone() -> None:
    from miner.segment import segmenter

    text = "开展四访四帮活动"
    assert "四访四帮" in segmenter(["四访四帮"]).words(text)
    assert "四访四帮" not in words(text)  # the process-wide segmenter never learned it


def _sentences_by_char(text: str) -> list[tuple[int, int]]:
    """The splitting rules read one character at a time: the reference ``sentences`` keeps."""
    ends, opens, closes = set("。！？!?；;…"), set("“‘「『《（(【〔["), set("”’」』》）)】〕]")
    spans: list[tuple[int, int]] = []

    def emit(s: int, e: int) -> None:
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if e > s:
            spans.append((s, e))

    depth = start = i = 0
    while i < len(text):
        ch = text[i]
        depth = depth + 1 if ch in opens else max(0, depth - 1) if ch in closes else depth
        if ch == "\n":
            emit(start, i)
            depth, start = 0, i + 1
        elif ch in ends and depth == 0:
            j = i + 1
            while j < len(text) and (text[j] in ends or text[j] in closes):
                j += 1
            emit(start, j)
            start = i = j
            continue
        i += 1
    emit(start, len(text))
    return spans


@given(
    st.text(alphabet="。！？!?；;…“‘「『《（(【〔[”’」』》）)】〕]\n \t\u3000，字a", max_size=60)
)
def test_sentences_jump_between_marks_as_a_character_scan_would(text: str) -> None:
    assert [(s.start, s.end) for s in sentences(text)] == _sentences_by_char(text)
