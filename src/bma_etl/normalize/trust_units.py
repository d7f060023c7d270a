"""Amounts scaled from a number OCR read: as doubtful as the digits they were read from.

Stage: normalize (a helper of :mod:`bma_etl.normalize.trust`).
A budget column headed ``งบประมาณ (พันบาท)`` prints ``๖,๒๕๐``; the extractor loads
6,250,000 baht, a *derived* value (:func:`~bma_etl.layouts.amount_units.in_unit`) whose
evidence is the number as read. Its digits are OCR's all the same: Debian's Thai
model, which has no ๔ ๖ ๗ ๘ ๙, reads that cell ``๒,๒๕๐`` at high confidence, and
2,250,000 baht was loaded as if the page said so (a scanned plan in thousand baht).
Such a value is screened by the text it was scaled from, as a value read whole is;
other derived values (a number worked out from its place in a list, a fiscal year
from the dates) are not read digits and stay as they are.
"""

from __future__ import annotations

from decimal import Decimal

from bma_etl.errors import NormalizeError
from bma_etl.normalize.digits import parse_amount
from bma_etl.normalize.fields import ProvenanceRow

__all__ = ["scaled_reading"]

#: The powers of ten a unit word or heading scales an amount by (สิบ..พันล้าน).
_UNIT_POWERS = range(1, 10)


def scaled_reading(prov: ProvenanceRow, value: object) -> str | None:
    """The text OCR read that a derived amount ``value`` scales by a unit, or None.

    ``prov``: the value's provenance (``derived``; ``raw_text``: the text of its
    evidence span). Returns ``raw_text`` when it reads, in a unit of ten, a hundred...
    a billion baht, as ``value`` (a ``Decimal``, baht): the value holds the digits
    OCR read (``๓๒.๑๕๐๕`` under ``(พันบาท)``: 32,150.50 baht). None for any other value, or
    text that is not such a number.
    """
    raw = prov.raw_text
    if not prov.derived or not raw or not isinstance(value, Decimal) \
            or not any(c.isdigit() for c in raw):
        return None
    return raw if any(_scaled(raw, power) == value for power in _UNIT_POWERS) else None


def _scaled(raw: str, power: int) -> Decimal | None:
    """``raw`` read as a number in a unit of ``10 ** power`` baht (``๓๒.๑๕๐๕`` พันบาท)."""
    try:
        return parse_amount(raw, power, ocr=True)
    except (NormalizeError, ArithmeticError, ValueError):
        return None
