"""The date that opens a legacy form's report entry, as printed or as OCR read it.

Stage: extract (a helper of :mod:`bma_etl.layouts.legacy_reports`, not a layout).
Consumes the text of one report cell (a :class:`~bma_etl.layouts.legacy_cells.ReportCell`'s
text, ``base`` its offset in its line); puts the entry's ``report_date`` in its raw
row (a :class:`~bma_etl.layouts.base.Raw` slice, or a
:class:`~bma_etl.layouts.base.Derived` date where OCR damaged its strokes) and gives
where the narrative begins after it. Never raises.

A date is printed ``29/12/2565`` or with dashes (``6-11-2568``). On a scan OCR reads
a dashed date as it reads a slashed one, ``::`` before it as a letter or a digit
(``ไจ 11-3-2566``, ``1 4-6-2566``), a dash spaced from its digits (``24- 12-2560``)
or lost (``13-122565``): the dashes of such a date are read as ``/``
(:func:`dashes_as_slashes`) and the date by the same readings as a slashed one
(:mod:`bma_etl.layouts.legacy_values`).
"""

from __future__ import annotations

import re

from bma_etl.errors import NormalizeError
from bma_etl.layouts.base import Derived, Line, Raw, RawRow, RepairedText
from bma_etl.layouts.legacy_date_parts import (
    DATE_PART_RE,
    OCR_DATE_AFTER_JUNK_RE,
    OCR_DATE_PART_RE,
)
from bma_etl.layouts.legacy_values import (
    DATE_LOST_SLASH_RE,
    DATE_PLACE_CHARS,
    OCR_DATE_REST_RE,
    OCR_ODD_DATE_RE,
    OCR_SLASH_AS_DIGIT_RE,
    date_place_end,
    date_read_oddly,
    date_with_lost_slash,
    date_with_slash_as_digit,
)
from bma_etl.normalize.dates import parse_date

#: A day, month and year between dashes as OCR read them: a dash spaced from its digits
#: (``24- 12-2560``) or one lost (``13-122565``, ``1312-2565``); the year's four digits
#: last, so a year-first date (``2567-11-30``) is none.
_DASHED_RE = re.compile(
    r"(?<![0-9])[0-9]{1,5}(?:[ \t]?[-\u2013][ \t]?[0-9]{1,2})?[ \t]?[-\u2013][ \t]?"
    r"[0-9]{4,7}(?![0-9])")


def dashes_as_slashes(text: str) -> str:
    """``text`` with the dashes of a date near its start read as ``/``.

    The date must start in the first
    :data:`~bma_etl.layouts.legacy_values.DATE_PLACE_CHARS` characters. The text keeps
    its length, so offsets in one are offsets in the other. Only a run of 5 to 8 digits
    in all, its last part 4 digits at least, is a date's.

    >>> dashes_as_slashes("ไจ 11-3- 2566 ล อยู่ระหว่าง 1-2 งวด")
    'ไจ 11/3/ 2566 ล อยู่ระหว่าง 1-2 งวด'
    >>> dashes_as_slashes(":: 2567-11-30 : อยู่")
    ':: 2567-11-30 : อยู่'
    """
    m = _DASHED_RE.search(text, 0, DATE_PLACE_CHARS)
    if m is None or not 5 <= sum(c.isdigit() for c in m.group()) <= 8:
        return text
    return text[:m.start()] + re.sub("[-\u2013]", "/", m.group()) + text[m.end():]


def read_report_date(doc: RepairedText, text: str, line: Line, base: int, row: RawRow,
                     opening: bool, first_line_end: int | None) -> int:
    """Read the date ``text`` opens with into ``row``; where the narrative begins after it.

    ``text`` is a report cell's text at offset ``base`` of ``line``; ``opening``: no
    narrative of the entry read yet (a cell further on holds no date's junk);
    ``first_line_end``: where the cell's first physical line ends in ``text`` (None
    when it did not wrap). 0 when the cell opens with no date. A date already in
    ``row`` is kept. On an OCR'd page: a date read with its strokes damaged is
    :class:`Derived` when one reading of it is a real date, and the place of a date
    OCR made unreadable is skipped
    (:func:`~bma_etl.layouts.legacy_values.date_place_end`).
    """
    date = DATE_PART_RE.match(text)
    if date is None and doc.ocr_used:
        if opening and "report_date" not in row.fields:
            text = dashes_as_slashes(text)
        date = OCR_DATE_PART_RE.match(text) or (
            OCR_DATE_AFTER_JUNK_RE.match(text) if opening and "report_date" not in row.fields
            else None)
    if date:
        rest = OCR_DATE_REST_RE.match(text, date.end()) if doc.ocr_used else None
        if rest is not None:  # OCR read more digits than a date has (๒๕๒๐๐): not read
            return rest.end()
        raw = doc.raw_in(line, base + date.start("date"), base + date.end("date"))
        if raw is not None and doc.ocr_used and re.search("[-\u2013]", raw.text):
            row.fields.setdefault("report_date", _spaced_dashes(date.group("date"), raw))
        else:
            row.fields.setdefault("report_date", raw)
        return date.end()
    if not doc.ocr_used:
        return 0
    if odd := OCR_ODD_DATE_RE.match(text):
        derived = date_read_oddly(doc, odd, line, base)
        if derived is not None:
            row.fields.setdefault("report_date", derived)
            return odd.end()
        return 0
    if (seven := OCR_SLASH_AS_DIGIT_RE.match(text)) and (
            derived := date_with_slash_as_digit(doc, seven, line, base)) is not None:
        row.fields.setdefault("report_date", derived)
        return seven.end()
    if lost := DATE_LOST_SLASH_RE.match(text):
        derived = date_with_lost_slash(doc, lost, line, base)
        if derived is not None:
            row.fields.setdefault("report_date", derived)
            return lost.end()
        return 0
    if opening:  # a date OCR made unreadable: not the narrative
        return date_place_end(text, "report_date" not in row.fields, first_line_end)
    return 0


def report_date_place(doc: RepairedText, text: str) -> str:
    """The text of a cell as the readings of an unreadable date take it (dashes as ``/``)."""
    return dashes_as_slashes(text) if doc.ocr_used else text


def _spaced_dashes(read: str, raw: Raw) -> Raw | Derived:
    """A dashed date OCR spaced (``24- 12-2560``, ``read`` ``24/ 12/2560``): :class:`Derived`.

    ``raw`` is the date as the page holds it; it stays the value when it reads as it is
    (``6-11-2568``), and when ``read`` is no date either (the normalizer then says why).
    """
    try:
        parse_date(raw.text)
        return raw
    except NormalizeError:
        pass
    try:
        value = parse_date(re.sub(r"\s+", "", read))
    except NormalizeError:
        return raw
    return Derived(value, f"OCR spaced a dashed date: {raw.text!r}", raw.span)
