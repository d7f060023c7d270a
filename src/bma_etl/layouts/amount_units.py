"""An amount in the unit its column's or label's heading states, read in baht.

Stage: extract (a helper of the layouts, not a layout). Consumes the Raw amount a
layout read from a cell or a labelled value and the unit its heading states
(``งบประมาณ (ล้านบาท)``, ``งบฯ ที่ได้รับ (ล้านบาท)``, ``(พันบาท)``: a power of ten,
:func:`~bma_etl.normalize.unit_words.heading_unit`); produces the amount in baht. A
unit word in the amount itself (``13.8149 ล้านบาท``) wins over the heading's, and
the normalize stage reads it (:func:`~bma_etl.normalize.digits.parse_amount`), and
so does ``บาท`` (``5,746,100.00 บาท`` under ``(ล้านบาท)`` is baht); a unit stated
nowhere means baht. (A note in brackets after an amount is left off it by the
normalize stage: :mod:`bma_etl.normalize.value_notes`.)
"""

from __future__ import annotations

import re

from bma_etl.errors import NormalizeError
from bma_etl.layouts.base import Derived, Line, Raw
from bma_etl.normalize.digits import parse_amount
from bma_etl.normalize.unit_words import UNIT_WORD, heading_unit

_UNIT_WORD_RE = re.compile(UNIT_WORD)
# The baht a number states as its own unit (``5,746,100.00 บาท``), not the heading's.
_BAHT = "บาท"


def in_unit(said: Raw | None, unit: int, *, ocr: bool) -> Raw | Derived | None:
    """An amount ``said`` in a column whose heading states its unit, in baht.

    ``unit``: the heading's power of ten (``งบประมาณ (ล้านบาท)``: 6,
    :func:`~bma_etl.normalize.unit_words.heading_unit`). A number with no unit word of
    its own (``2.7270``) is scaled (a Derived amount, 2,727,000 baht, its evidence
    the number); one stating its unit (``13.8149 ล้านบาท``, or ``5,746,100.00 บาท``:
    baht is a unit too), or a heading in baht, keeps the Raw, which the normalize
    stage scales by its own words. A number not
    readable as an amount keeps the Raw too, so its error is reported.

    ``ocr``: the document was OCR'd (``doc.ocr_used``); only then is a point the
    number's thousands comma misread (:func:`~bma_etl.normalize.ocr_points.commas_for_points`):
    typed ``12,872.200`` under ``(พันบาท)`` is 12,872,200 baht, OCR's 12,872,200,000.
    """
    if said is None or not unit or _BAHT in said.text or _UNIT_WORD_RE.search(said.text):
        return said
    try:
        number = parse_amount(said.text, unit, ocr=ocr)
    except NormalizeError:
        return said
    if number is None:
        return said
    return Derived(number, f"{said.text.strip()!r} in the unit its column's heading states "
                   f"(10^{unit} baht)", said.span)


def cell_unit(cell: str, unit: int) -> int:
    """The power of ten of the amount in ``cell``: ``unit``, its heading's, or 0.

    ``cell``: the cell's text, or the match of its amount and unit word. 0 (baht)
    when the cell states ``บาท`` itself (``5,746,100.00 บาท`` under ``งบประมาณ (ล้านบาท)`` is baht).
    """
    return 0 if _BAHT in cell else unit


def label_unit(line: Line, said: Raw, *, ocr: bool) -> Raw | Derived | None:
    """A labelled amount on ``line`` in the unit its label states, in baht.

    The label is the line's text before the amount (``งบฯ ที่ได้รับ (ล้านบาท)18.59``:
    18,590,000 baht), read by :func:`in_unit` (``ocr``: the document was OCR'd).
    """
    return in_unit(said, heading_unit(line.text[:max(0, said.span.char_start - line.start)]),
                   ocr=ocr)


#: A note of the unit a table's amounts are in, on its own line above the table's
#: header: ``(หน่วย : ล้านบาท)``, ``หน่วย: พันบาท``.
_UNIT_NOTE_RE = re.compile(r"\(?\s*หน่วย\s*:?\s*[^\s()]*บาท\s*\)?")


def note_unit(lines: list[Line], i: int) -> int:
    """The power of ten a unit note right above the header at ``lines[i]`` states.

    The nearest line with text before the header, when it is a unit note
    (``(หน่วย : ล้านบาท)``: 6, :func:`~bma_etl.normalize.unit_words.heading_unit`); 0
    when there is none.
    """
    above = next((ln.text for ln in reversed(lines[max(0, i - 3):i]) if ln.text.strip()), "")
    return heading_unit(above) if _UNIT_NOTE_RE.fullmatch(above.strip()) else 0


__all__ = ["cell_unit", "in_unit", "label_unit", "note_unit"]
