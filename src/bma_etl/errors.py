"""Typed errors, one per pipeline stage.

Every error carries a one-line ``reason()`` that a person can act on; it is what
``documents.error`` stores when a file is quarantined.
"""

from __future__ import annotations


def storable(text: str) -> str:
    r"""``text`` made storable as UTF-8: bytes of a name that were not UTF-8 as ``\xNN``.

    A file name that is not UTF-8 reaches Python with ``os.fsdecode``'s surrogates,
    which no UTF-8 column (and no strict terminal) takes.

    >>> storable("r\udce9port.txt")
    'r\\xe9port.txt'
    >>> storable("รายงาน.txt")
    'รายงาน.txt'
    """
    try:
        text.encode("utf-8")
        return text
    except UnicodeEncodeError:
        pass
    try:
        raw = text.encode("utf-8", "surrogateescape")
    except UnicodeEncodeError:  # a surrogate os.fsdecode never makes
        return text.encode("utf-8", "backslashreplace").decode("utf-8")
    return raw.decode("utf-8", "backslashreplace")


class BmaEtlError(Exception):
    """Base of every error the pipeline raises on purpose.

    ``exit_code`` is what the command line exits with when the error ends a
    command: 1 (anything else) unless a subclass says 2 (bad usage).
    """

    stage = "pipeline"
    exit_code = 1

    def reason(self) -> str:
        r"""Return the one-line message stored in ``documents.error``.

        Bytes of a file name that is not UTF-8 (``os.fsdecode``'s surrogates) are
        written ``\xNN``, so the reason can be stored and printed.
        """
        text = " ".join(str(self).split())
        return f"{self.stage}: {storable(text)}"


class ReadError(BmaEtlError):
    """The file could not be opened, decoded or converted to text."""

    stage = "read"


class UnknownLayout(BmaEtlError):
    """No registered layout recognises the document."""

    stage = "detect"


class ExtractError(BmaEtlError):
    """The layout was recognised but its structure could not be read."""

    stage = "extract"


class NormalizeError(BmaEtlError, ValueError):
    """A raw value could not be turned into a number, date or flag."""

    stage = "normalize"


class RecordInvalid(BmaEtlError):
    """A normalised row broke the contract's model."""

    stage = "validate"


class WarehouseError(BmaEtlError):
    """The warehouse could not be opened, locked, read or written."""

    stage = "warehouse"


class LoadError(WarehouseError):
    """One load's rows were refused; its transaction was rolled back, nothing is written."""

    stage = "load"


class UsageError(BmaEtlError):
    """The request itself is wrong (a refused output path, an empty query): exit code 2."""

    stage = "usage"
    exit_code = 2

    def __init__(self, message: str, stage: str | None = None) -> None:
        super().__init__(message)
        if stage is not None:
            self.stage = stage
