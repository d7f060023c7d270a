"""An amount in the unit its column's or label's heading states, read in baht.

Stage: extract (a helper of the layouts, not a layout). Consumes the Raw amount a
layout read from a cell or a labelled value and the unit its heading states
(``งบประมาณ (ล้านบาท)``, ``งบฯ ที่ได้รับ (ล้านบาท)``, ``(พันบาท)``: a power of ten,
:func:`~bma_etl.normalize.unit_words.heading_unit`); produces the amount in baht. A
unit word in the amount itself (``13.8149 ล้านบาท``) wins over the heading's, and
the normalize stage reads it (:func:`~bma_etl.normalize.digits.parse_amount`), and
so does ``บาท`` (``5,746,100.00 บาท`` under ``(ล้านบาท)`` is baht); a unit stated
nowhere means baht. A note in brackets after an amount and its unit
(``2,480,000 บาท (ไม่รวมเงินกันเหลื่อมปี 350,000 บาท)*``) is left off it
(:func:`without_note`).
"""

from __future__ import annotations

import re

from bma_etl.errors import NormalizeError
from bma_etl.layouts.base import Derived, Line, Raw, RepairedText
from bma_etl.normalize.amount_words import amount_in_words
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


#: An amount with its unit (``2,480,000 บาท``), then a note in a bracket that holds
#: words (``(ไม่รวมเงินกันเหลื่อมปี 350,000 บาท)``), maybe a footnote's mark after it.
_AMOUNT_THEN_NOTE_RE = re.compile(
    r"^\s*(?P<amount>[0-9๐-๙][0-9๐-๙,.]*\s*(?:ล้าน|แสน|หมื่น|พัน)?\s*บาท)"
    r"\s*\((?P<note>[^()\n]*[\u0e01-\u0e2e][^()\n]*)\)[\s*†‡¹²³]*$")

#: What an amount restated in a bracket is made of: digits, marks, unit words.
_AMOUNT_WORDS_RE = re.compile(r"[0-9๐-๙.,\s]+|ล้าน|แสน|หมื่น|พัน|บาท|ถ้วน")
_THAI_LETTER_RE = re.compile("[\u0e01-\u0e2e]")


def without_note(doc: RepairedText, said: Raw) -> Raw:
    """An amount stated with its unit, without the note in a bracket after it.

    ``2,480,000 บาท (ไม่รวมเงินกันเหลื่อมปี 350,000 บาท)*``: the amount is the one
    before the bracket (2,480,000 baht); the note's own numbers qualify it and are
    no part of it. A bracket that states the amount again, in words (``(สองล้านบาทถ้วน)``)
    or in digits (``1.5 ล้านบาท (1,600,000 บาท)``), is kept for the normalize stage:
    words are checked against the digits, two amounts in digits are NULL with an issue.
    Anything else is returned as it is.
    """
    m = _AMOUNT_THEN_NOTE_RE.match(said.text)
    if m is None or amount_in_words(said.text) is not None \
            or not _THAI_LETTER_RE.search(_AMOUNT_WORDS_RE.sub("", m["note"])):
        return said  # no note: the amount again, for the normalize stage to check
    return doc.sub_raw(said, m.start("amount"), m.end("amount")) or said


__all__ = ["cell_unit", "in_unit", "label_unit", "note_unit", "without_note"]
