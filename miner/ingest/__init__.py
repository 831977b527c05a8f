"""Read inputs: files, formats and encodings in; decoded ``Page`` records out.

Every input becomes either a ``Page`` or an ``ErrorRecord`` with a reason a person
understands; one broken file never stops a run.
"""

from __future__ import annotations

from miner.ingest.decode import decode_bytes
from miner.ingest.files import Skipped, iter_files, read_inputs

__all__ = ["Skipped", "decode_bytes", "iter_files", "read_inputs"]
