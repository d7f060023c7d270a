"""Typed errors, one per pipeline stage.

Every error carries a one-line ``reason()`` that a person can act on; it is what
``documents.error`` stores when a file is quarantined.
"""

from __future__ import annotations


class BmaEtlError(Exception):
    """Base of every error the pipeline raises on purpose."""

    stage = "pipeline"

    def reason(self) -> str:
        """Return the one-line message stored in ``documents.error``."""
        text = " ".join(str(self).split())
        return f"{self.stage}: {text}"


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
    """The warehouse could not be opened, locked or written."""

    stage = "load"
