"""A legacy form's fiscal year written without its colon, or with its dates after it.

Stage: extract (a helper of :mod:`bma_etl.layouts.legacy_progress_form`, not a
layout). Consumes a line of section 1.1, or the value read after the fiscal year's
label; produces where the year's value starts (:func:`year_label`) or the year alone
as a :class:`~bma_etl.layouts.base.Raw` (:func:`year_value`), or None. Never raises.

- ``ปีงบประมาณ 2560``, ``ปีงบประมาณ พ.ศ. 2567``: the label with the year right after
  it and no colon (every other label of the form has one): the year is the value.
- ``ปีงบประมาณ พ.ศ. 2567 (1 ต.ค. 66 - 30 ก.ย. 67)``: the year and the fiscal year's
  dates in a bracket: the year is the value when the bracket is that fiscal year
  (1 October to 30 September); a bracket of other dates contradicts it, and the
  value is left whole (NULL with an issue), as is a bracket of anything else.
- ``ปีงบประมาณ พ.ศ. : 2566-2567``: a multi-year project's range of fiscal years. The
  column holds one fiscal year (the BE year it ends in); choosing one of the range would
  be a guess, so it is NULL with an ``ambiguous_value`` issue naming the range
  (:func:`year_range_finding`).
- ``ปีงบประมาณ พ.ศ. : 67``: a year of two digits is the Buddhist era's last two
  (2567), as the form's report dates ``16/2/62`` are read: a
  :class:`~bma_etl.document.Derived` value saying so (:func:`fiscal_year`).
"""

from __future__ import annotations

import re

from bma_etl.document import Derived
from bma_etl.errors import NormalizeError
from bma_etl.layouts.base import Finding, Raw, RepairedText
from bma_etl.normalize.codes import CODE_DASH
from bma_etl.normalize.dates import parse_date_range
from bma_etl.normalize.digits import DIGIT, parse_int
from bma_etl.normalize.fiscal import fiscal_year_bounds

__all__ = ["fiscal_year", "year_label", "year_range_finding", "year_value"]

#: A Buddhist-era year of this century (``2567``, ``๒๕๖๗``).
_YEAR = rf"(?:25|๒๕){DIGIT}{{2}}(?!{DIGIT})"
#: The fiscal year's label at a line's start, ``พ.ศ.`` or not, the year right after it and
#: nothing after the year but a bracket or the line's end.
_LABEL_THEN_YEAR_RE = re.compile(
    rf"^[ \t]*ปีงบประมาณ[ \t]*(?:พ\.[ \t]?ศ\.?)?[ \t]*(?={_YEAR}[ \t]*(?:\(|$))")
#: The year, then a bracket (its dates).
_YEAR_THEN_BRACKET_RE = re.compile(rf"^\s*(?P<year>{_YEAR})\s*\((?P<bracket>[^()\n]+)\)\s*$")
#: A range of fiscal years, the second written whole or by its last two digits
#: (``2566-2567``, ``2566 – 67``, ``2566 ถึง 2568``).
_YEAR_RANGE_RE = re.compile(rf"^\s*(?P<first>{_YEAR})\s*(?:{CODE_DASH}|ถึง)\s*"
                            rf"(?P<last>{_YEAR}|{DIGIT}{{2}}(?!{DIGIT}))\s*$")


#: A fiscal year's months in a bracket, October to September, each with its year written
#: whole or by its last two digits (``ต.ค. 2565 - ก.ย. 2566``, ``ตุลาคม 65 – กันยายน 66``).
_MONTHS_RE = re.compile(
    rf"^\s*(?:ต\.?\s*ค\.?|ตุลาคม)\s*(?P<first>{_YEAR}|{DIGIT}{{2}}(?!{DIGIT}))\s*"
    rf"(?:[-\u2013\u2014]|ถึง)\s*(?:ก\.?\s*ย\.?|กันยายน)\s*"
    rf"(?P<last>{_YEAR}|{DIGIT}{{2}}(?!{DIGIT}))\s*$")


def _months_of(bracket: str, year: int) -> bool:
    """Whether ``bracket`` is the months of fiscal year ``year`` (:data:`_MONTHS_RE`)."""
    m = _MONTHS_RE.match(bracket)
    if m is None:
        return False
    first, last = parse_int(m["first"]) % 100, parse_int(m["last"]) % 100
    return (first, last) == ((year - 1) % 100, year % 100)


def year_label(text: str) -> tuple[str, int] | None:
    """``("fiscal_year_be", offset of the year)`` of a line ``ปีงบประมาณ 2560``, or None.

    For a line no label with its colon was found on.
    """
    m = _LABEL_THEN_YEAR_RE.match(text)
    return None if m is None else ("fiscal_year_be", m.end())


def year_value(doc: RepairedText, raw: Raw) -> Raw | None:
    """The year alone of a fiscal year's value ``2567 (1 ต.ค. 66 - 30 ก.ย. 67)``, or None.

    None unless the bracket after the year is the dates of that fiscal year, or its
    months (``2566 (ต.ค. 2565 - ก.ย. 2566)``).
    """
    m = _YEAR_THEN_BRACKET_RE.match(raw.text)
    if m is None or raw.joined:  # a value read across lines is no slice of the text
        return None
    year = parse_int(m["year"])
    if not _months_of(m["bracket"], year):
        try:
            bounds = parse_date_range(m["bracket"])
        except NormalizeError:
            return None
        if bounds != fiscal_year_bounds(year):
            return None
    start = raw.span.char_start
    return doc.raw(start + m.start("year"), start + m.end("year"))


#: A fiscal year's value of two digits alone (``67``, ``๖๗``).
_SHORT_YEAR_RE = re.compile(rf"\s*(?P<year>{DIGIT}{{2}})\s*")


def fiscal_year(doc: RepairedText, raw: Raw) -> Raw | Derived:
    """The fiscal year a ``ปีงบประมาณ`` label's value states, for ``fiscal_year_be``.

    ``2567 (1 ต.ค. 66 - 30 ก.ย. 67)``: the year alone (:func:`year_value`); two digits
    (``67``, ``๖๗``): 2567, a :class:`~bma_etl.document.Derived` value whose note
    names what was printed; anything else: ``raw`` as printed (the normalizer's error
    says why it is no year).
    """
    if (year := year_value(doc, raw)) is not None:
        return year
    if (m := _SHORT_YEAR_RE.fullmatch(raw.text)) is None:
        return raw
    return Derived(2500 + parse_int(m["year"]), f"fiscal year {raw.text.strip()!r}: a "
                   f"two-digit year of the Buddhist era, 25{parse_int(m['year']):02d}",
                   raw.span)


def year_range_finding(raw: Raw) -> Finding | None:
    """An ``ambiguous_value`` finding for a fiscal year's value that is a range of years.

    ``2566-2567`` (a multi-year project): the column holds one fiscal year, so it stays
    NULL and the finding names the range and its line. None for any other value (a
    range whose last year is not after its first is left to the normalizer's error).
    """
    m = _YEAR_RANGE_RE.match(raw.text)
    if m is None:
        return None
    first, last = parse_int(m["first"]), parse_int(m["last"])
    if last < 100:
        last += first - first % 100
    if last <= first:
        return None
    return Finding("projects", None, "fiscal_year_be", "warning", "ambiguous_value",
                   f"line {raw.span.line_no}: fiscal year {raw.text.strip()!r} is a range of "
                   f"fiscal years ({first} to {last}: a multi-year project); fiscal_year_be "
                   "holds one year and is left NULL")
