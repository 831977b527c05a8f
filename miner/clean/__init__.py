"""Cleaning: take out what is not the report, repair what the page broke, log it all.

``clean_page`` removes noise from a decoded page (inline marks, then whole lines)
and returns the kept text with a source-offset map plus one ``Removal`` per span
taken out. ``repair`` then normalises an article body (line joins, white space,
width, script) without deleting content.
"""

from __future__ import annotations

from miner.clean.page import CleanPage, clean_page
from miner.clean.repair import repair
from miner.clean.script import detect_script, to_simplified

__all__ = ["CleanPage", "clean_page", "detect_script", "repair", "to_simplified"]
