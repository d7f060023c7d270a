"""One cell of a report register's row read for its column (:mod:`report_columns`).

Stage: extract (a helper of :mod:`bma_etl.layouts.report_columns`). Consumes a cell
(its line and span) and the column its heading names; produces the cell's value:
the span of its number (a progress's percent, a budget's amount with the unit word
the cell states, ``1.5 ล้านบาท``), a flag's tick or cross as a Derived bool, a date a
narrow column's wrap split joined again, or the cell whole (which then fails to
parse and is reported: a value is never guessed).
"""

from __future__ import annotations

import re
from collections.abc import Callable

from bma_etl.errors import NormalizeError
from bma_etl.layouts.amount_units import in_unit
from bma_etl.layouts.base import Derived, FieldValue, Line, Raw, RepairedText
from bma_etl.normalize.dates import parse_date
from bma_etl.normalize.unit_words import UNIT_WORD, heading_unit, unit_after

#: A tick or a cross in a flag's column of a register (here only: elsewhere a stray
#: ``/`` is common OCR noise).
_TICKS = {"✓": True, "✔": True, "☑": True, "/": True, "✗": False, "✘": False, "☒": False}
#: A unit word (and baht) right after a cell's amount: ``1.5 ล้านบาท``, ``5,000 บาท``.
_CELL_UNIT = re.compile(rf"[ \t\u00a0]*(?:{UNIT_WORD})?[ \t\u00a0]*(?:บาท)?")
#: A report's number in its cell: ``1``, ``(1)``, ``๑.``, ``รายงานครั้งที่ 1``.
NUMBER_RE = re.compile(r"^\s*(?:(?:รายงาน)?ครั้งที่\s*)?\(?\s*(?P<no>[0-9๐-๙]{1,3})\s*[).]?\s*$")
_PERCENT_RE = re.compile(r"[0-9๐-๙]{1,3}(?:[.,][0-9๐-๙]{1,2})?")
#: An amount; a unit word after it may follow more decimals (``13.8149 ล้านบาท``).
_AMOUNT_RE = re.compile(r"[0-9๐-๙]{1,3}(?:,?[0-9๐-๙]{3})*(?:\.[0-9๐-๙]{1,6})?")
#: A cell that states nothing (``-``, ``–``).
NOTHING_RE = re.compile(r"^[\s\-–—]*$")


class UnreadCell(ValueError):
    """A cell that holds no one value for its column (two numbers): NULL, and reported."""


def cell_value(doc: RepairedText, column: str, heading: str, line: Line, a: int, b: int
           ) -> FieldValue:
    """One cell's value for ``column``: its number's span for a number, else the cell."""
    text = line.text[a:b]
    if NOTHING_RE.match(text):
        return None
    if column == "seq_label":
        m = NUMBER_RE.match(text)
        return doc.raw_in(line, a + m.start("no"), a + m.end("no")) if m else None
    found = None
    if column == "progress_pct":
        found = list(_PERCENT_RE.finditer(text))
    elif column == "budget_disbursed_thb":
        found = list(_AMOUNT_RE.finditer(text))
    if column in ("on_plan", "on_target") and text.strip() in _TICKS:
        mark = doc.raw_in(line, a, b)
        return Derived(_TICKS[text.strip()], f"{text.strip()!r} in the register's "
                       f"{column} column: a tick or a cross", mark.span if mark else None)
    if found is None:
        return doc.raw_in(line, a, b)
    if len(found) > 1:  # two numbers (``12,000 500``): which is meant is not known
        raise UnreadCell(f"{text.strip()!r} holds {len(found)} numbers for one {column}")
    if not found:  # no number: the cell is kept whole, and fails to parse
        return doc.raw_in(line, a, b)
    end = found[0].end()
    if column == "budget_disbursed_thb":
        try:
            unit_after(text, text, end)
        except NormalizeError:  # a unit word run on into another word: the cell fails whole
            return doc.raw_in(line, a, b)
        end = len(_CELL_UNIT.match(text, end)[0].rstrip()) + end  # type: ignore[index]
    raw: Raw | None = doc.raw_in(line, a + found[0].start(), a + end)
    if column == "budget_disbursed_thb":
        return in_unit(raw, heading_unit(heading), ocr=doc.ocr_used)
    return raw


#: White space inside a date (``2021-0 7-09``, ``20/11/ 2566``): a narrow column's
#: wrap the reader joined with a space.
_INNER_SPACE = re.compile(r"(?<=[0-9๐-๙./\-])\s+(?=[0-9๐-๙./\-])")
#: A date whole once its wrap's spaces are out: ``2021-07-09``, ``20/11/2566``.
_WHOLE_DATE = re.compile(r"^\s*[0-9๐-๙]{1,4}([-/.])[0-9๐-๙]{1,2}\1[0-9๐-๙]{2,4}\s*$")
_PARSE: dict[str, Callable[[str], object]] = {"report_date": parse_date}


def unwrapped(raw: FieldValue, column: str) -> FieldValue:
    """A date cell a wrap split with a space, read whole (a Derived value).

    Only when the cell as read does not parse and, its inner spaces taken out, is a
    well-formed date: ``2021-0 7-09`` is 2021-07-09, its evidence the cell. A number
    cell is never joined (``1 5`` is not 15).
    """
    if not isinstance(raw, Raw) or column not in _PARSE or not _INNER_SPACE.search(raw.text):
        return raw
    try:
        _PARSE[column](raw.text)
        return raw
    except NormalizeError:
        pass
    whole = _INNER_SPACE.sub("", raw.text)
    if not _WHOLE_DATE.match(whole):
        return raw
    try:
        value = _PARSE[column](whole)
    except NormalizeError:
        return raw
    if value is None:
        return raw
    return Derived(value, f"{raw.text!r} read as {whole!r}: the space a wrap in its "
                   "narrow column left", raw.span)
