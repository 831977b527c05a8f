from __future__ import annotations

from miner.ingest.files import page_from_bytes
from miner.ingest.mojibake import repair_mojibake
from miner.models import Page

TEXT = "关于开展创先争优活动的通知：全镇党员326名，投入资金12.5万元。"


def test_gbk_read_as_latin1_is_repaired_exactly() -> None:
    broken = TEXT.encode("gb18030").decode("latin-1")
    fixed, runs = repair_mojibake(broken)
    assert fixed == TEXT
    assert runs >= 1


def test_page_records_the_repair() -> None:
    broken = TEXT.encode("gb18030").decode("latin-1").encode("utf-8")
    page = page_from_bytes("m.txt", broken, ".txt")
    assert isinstance(page, Page)
    assert page.text == TEXT
    assert page.encoding.startswith("gb18030 (mojibake")


def test_accented_latin_text_is_left_alone() -> None:
    text = "Café résumé naïve — 咖啡馆的简历"
    assert repair_mojibake(text) == (text, 0)
