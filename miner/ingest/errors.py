"""The one exception readers raise, carrying a reason a person understands.

Readers raise ``UnreadableError`` with a sentence such as "the .docx file is damaged (not
a zip archive)"; the walker turns it into an ``errors`` row and goes on with the
next input. Library exceptions never reach the table as they are, because a
traceback class name tells a researcher nothing about what to do with the file.
"""

from __future__ import annotations


class UnreadableError(Exception):
    """An input that cannot be read; ``str(exc)`` is the reason shown in ``errors``.

    Attributes:
        stage: the ``errors.stage`` value: ``read`` (container or file damaged,
            refused by a limit) or ``decode`` (bytes there, but no usable text).
    """

    def __init__(self, reason: str, stage: str = "read") -> None:
        super().__init__(reason)
        self.stage = stage


def mb(n: int) -> str:
    """Bytes as a short decimal size for messages ("50 MB", "1.5 GB")."""
    if n >= 1_000_000_000:
        return f"{n / 1e9:.3g} GB"
    if n >= 1_000_000:
        return f"{n / 1e6:.3g} MB"
    return f"{n / 1e3:.3g} KB"


def too_large(what: str, size: int, limit: int) -> str:
    """The reason for a document or record refused by ``--max-file-mb``."""
    return (
        f"{what} is {mb(size)}, over the {mb(limit)} limit for one document; "
        "raise --max-file-mb to read it"
    )


_INTERNAL = "miner failed on this input because of an error of its own"


def internal_error(exc: Exception) -> str:
    """The reason shown for a bug in miner: plain words first, the exception's message after."""
    detail = str(exc) or type(exc).__name__
    return f"{_INTERNAL} ({detail}); the run went on without it, please report it"


def is_internal(reason: str) -> bool:
    """Whether an errors row is miner's own failure rather than the input's (``internal_error``)."""
    return reason.startswith(_INTERNAL)
