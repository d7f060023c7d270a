"""Dates and fiscal years OCR read far from the document's other dates: doubtful.

Stage: normalize (a helper of :mod:`bma_etl.normalize.trust`).
A stamp's ring or a pen stroke over a year's digit makes Tesseract read another
digit, at good confidence and in Arabic digits, so nothing else marks it: a
project's end date ``30 ก.ย. 2566`` (2023-09-30) was read ``2596`` and loaded as
2093-09-30. A document's dates tell each other's years: the fiscal year, the
project's start and end, the reports' dates lie within a few years of one another.
A misread tens (or higher) digit moves a year ten years or more; a misread units
digit is not told this way. So a date or fiscal year that lies more than
:data:`NEAR_YEARS` from every other date of the document is doubtful
(:func:`~bma_etl.normalize.trust.screen` then loads it only when the page confirms
it, else NULL with ``ocr_doubtful_value``). Two dates alone far apart are both
doubtful: which one OCR misread is not told. Only dates no other reason doubts are
weighed against, and one near date is enough to keep a value: a scan's Thai-digit
report dates OCR misread alike (``๒๕๒๒`` for ``๒๕๖๒``, some in Arabic digits, so
not doubted) outnumbered its right ISO start and end dates. A year's place is
measured by its fiscal year's middle (1 April of the CE year it ends in).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date

from bma_etl.normalize.dates import be_to_ce

__all__ = ["DATED", "NEAR_YEARS", "year_read_again", "years_out_of_line"]

#: The (table, field) pairs that date the document itself: its fiscal year, the
#: project's start and end, the reports' dates. A plan's indicator years (targets
#: over a twenty-year plan) are no such date and are left alone.
DATED = frozenset({("projects", "fiscal_year_be"), ("projects", "start_date"),
                   ("projects", "end_date"), ("progress_updates", "report_date"),
                   ("plans", "fiscal_year_be")})

#: How far (in years) a document's dates may lie from one another: a project of
#: several years reports within its own years; a misread tens digit moves ten.
NEAR_YEARS = 8
_NEAR_DAYS = round(NEAR_YEARS * 365.25)


def _when(kind: str, value: object) -> date | None:
    """The day a loaded value stands for on the calendar, or None."""
    if kind == "date" and isinstance(value, date):
        return value
    if kind == "year_be" and isinstance(value, int) and 2400 <= value <= 9999:
        return date(be_to_ce(value), 4, 1)
    return None


def years_out_of_line(values: Sequence[tuple[str, object, bool]]) -> dict[int, str]:
    """The dates and BE years among ``values`` far from all the sure others, with the reason.

    ``values``: each loaded value's parser kind (``"date"``, ``"year_be"``, others
    ignored; the caller passes another kind for a field not in :data:`DATED`), value
    (``datetime.date`` or an ``int`` BE year) and whether it is sure (no other reason
    doubts it: only sure values are weighed against), in any order; the result maps
    an index of ``values`` to why that value is doubtful: no sure other lies within
    :data:`NEAR_YEARS` of it.

    >>> from datetime import date
    >>> years_out_of_line([("date", date(2022, 10, 1), True), ("date", date(2093, 9, 30), True),
    ...                    ("year_be", 2566, True), ("amount", 5, True)])
    {1: 'its year lies more than 8 years from the other dates of the document (2022..2023)'}
    """
    days = {i: d for i, (kind, value, _) in enumerate(values)
            if (d := _when(kind, value)) is not None}
    found: dict[int, str] = {}
    for i, day in days.items():
        others = [d for j, d in days.items() if j != i and values[j][2]]
        if others and all(abs((d - day).days) > _NEAR_DAYS for d in others):
            span = f"{min(others).year}..{max(others).year}" if len(others) > 1 \
                else f"{others[0].year}"
            found[i] = (f"its year lies more than {NEAR_YEARS} years from the other "
                        f"dates of the document ({span})")
    return found


#: Thai digits Debian's ``tha`` model never gives: a number holding one was read by
#: the glyph reader (:mod:`bma_etl.read.ocr_thai_digits`), digit by digit, surely.
_GLYPH_ONLY = re.compile("[๔๖-๙]")
#: A Buddhist-era year in Thai digits after ``พ.ศ.``.
_BE_YEAR = re.compile(r"พ\s*\.\s*ศ\s*\.?\s*(?P<year>[๐-๙]{4})(?![๐-๙])")


def year_read_again(text: str, start: int, end: int, raw: str) -> bool:
    """Whether the year read as ``raw`` (``text[start:end]``) is read the same elsewhere.

    A plan prints its year in several places (title, foreword, table headings:
    ``พ.ศ. ๒๕๖๗``); each is read on its own, so the same four digits read again
    after another ``พ.ศ.`` are a second reading. Only a reading holding a digit the
    Thai model never gives (:data:`_GLYPH_ONLY`, so every copy was read glyph by
    glyph and surely): Tesseract misreads a year alike wherever it is printed
    (``๒๕๒๒`` for ``๒๕๖๒``), and such a copy confirms nothing.

    >>> text = "พ.ศ. ๒๕๖๗ ... พ.ศ. ๒๕๖๗"
    >>> year_read_again(text, 5, 9, "๒๕๖๗"), year_read_again(text[:9], 5, 9, "๒๕๖๗")
    (True, False)
    >>> year_read_again("พ.ศ. ๒๕๒๒ พ.ศ. ๒๕๒๒", 5, 9, "๒๕๒๒")
    False
    """
    year = raw.strip()
    if not re.fullmatch("[๐-๙]{4}", year) or not _GLYPH_ONLY.search(year):
        return False
    return any(m.group("year") == year and not (m.start("year") < end and m.end("year") > start)
               for m in _BE_YEAR.finditer(text))
