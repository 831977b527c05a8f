"""Articles in a page: compilation parts, versions under a dashed rule, and titles."""

from __future__ import annotations

from miner.split.compilation import Part, split_page
from miner.split.titles import Titled, take_title

__all__ = ["Part", "Titled", "split_page", "take_title"]
