from __future__ import annotations

from miner.segment import add_words, backend, sentences, tag, words


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


def test_private_segmenter_leaves_the_shared_one_alone() -> None:
    from miner.segment import segmenter

    text = "开展四访四帮活动"
    assert "四访四帮" in segmenter(["四访四帮"]).words(text)
    assert "四访四帮" not in words(text)  # the process-wide segmenter never learned it
