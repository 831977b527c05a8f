"""``python -m miner`` is the same as the ``miner`` command."""

from __future__ import annotations

import sys

from miner.cli import main

if __name__ == "__main__":
    sys.exit(main())
