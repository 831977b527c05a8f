"""Read inputs: files, formats and encodings in; decoded ``Page`` records out.

Every input becomes either a ``Page`` or an ``ErrorRecord`` with a reason a person
understands; one broken file never stops a run. Formats: plain text and HTML
(``text.py``), .docx (``docx.py``), .pdf with a text layer (``pdf.py``), JSONL/JSON/CSV
with one article per record (``records.py``), and .zip archives of any of these
(``archive.py``).
"""

from __future__ import annotations

from miner.ingest.decode import decode_bytes
from miner.ingest.files import iter_files, read_inputs
from miner.ingest.readers import SUPPORTED, Skipped

__all__ = ["SUPPORTED", "Skipped", "decode_bytes", "iter_files", "read_inputs"]
