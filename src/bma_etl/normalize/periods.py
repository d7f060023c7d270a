"""A project's period (``ระยะเวลาดำเนินการ``): a range of days, of months, or of both.

Stage: normalize. Consumes the text of a period as the legacy form prints it
(``1 ต.ค. 2562 - 30 ก.ย. 2563``, ``ต.ค. 66 - ก.ย. 67``, ``1 ต.ค. 2566 - ก.ย. 2567``);
produces its first and last day as ``datetime.date`` values, or raises
:class:`~bma_etl.errors.NormalizeError`. Dates and years read as
:mod:`bma_etl.normalize.dates` reads them.
"""

from __future__ import annotations

import calendar
import re
from datetime import date

from bma_etl.errors import NormalizeError
from bma_etl.normalize.dates import (
    _ERA,
    _MONTH,
    _SEP,
    _SP,
    _month_no,
    _year,
    parse_date,
    parse_date_range,
)
from bma_etl.normalize.digits import to_arabic_digits

__all__ = ["parse_period"]

#: A period of whole months: ``ต.ค. 66 - ก.ย. 67``, ``ตุลาคม 2566 ถึง กันยายน 2567``,
#: ``พ.ย. - ก.พ. 2567`` (a first month's unsaid year is the last's, or the one before
#: when its month comes later).
_MONTH_RANGE = re.compile(
    rf"{_SP}(?P<am>{_MONTH})(?:{_SP}(?:(?P<ae>{_ERA}){_SP})?(?P<ay>[0-9]{{4}}|[0-9]{{2}})(?![0-9]))?"
    rf"{_SEP}(?P<bm>{_MONTH}){_SP}(?:(?P<be>{_ERA}){_SP})?(?P<by>[0-9]{{4}}|[0-9]{{2}}){_SP}")
#: One month with its year (``ก.ย. 2567``, ``กันยายน พ.ศ. 2567``, ``ก.ย. 67``).
_MONTH_YEAR = re.compile(
    rf"{_SP}(?P<tm>{_MONTH}){_SP}(?:(?P<te>{_ERA}){_SP})?(?P<ty>[0-9]{{4}}|[0-9]{{2}}){_SP}")
_SEP_RE = re.compile(_SEP)


def parse_period(s: str) -> tuple[date, date]:
    """A project's period as (first day, last day): of days, of months, or a day and a month.

    A date range reads as :func:`~bma_etl.normalize.dates.parse_date_range`. A month
    stands for its days: a period that starts with one starts on its first day, one
    that ends with one ends on its last. Raises
    :class:`~bma_etl.errors.NormalizeError` for anything else, or a period that ends
    before it starts.

    >>> parse_period("ต.ค. 66 - ก.ย. 67")
    (datetime.date(2023, 10, 1), datetime.date(2024, 9, 30))
    >>> parse_period("พ.ย. - ก.พ. 2567")
    (datetime.date(2023, 11, 1), datetime.date(2024, 2, 29))
    >>> parse_period("1 ต.ค. 2566 - ก.ย. 2567"), parse_period("ต.ค. 2566 - 30 ก.ย. 2567")
    ((datetime.date(2023, 10, 1), datetime.date(2024, 9, 30)), \
(datetime.date(2023, 10, 1), datetime.date(2024, 9, 30)))
    """
    text = to_arabic_digits(s)
    if (m := _MONTH_RANGE.fullmatch(text)) is not None:
        b_y, b_m, a_m = _year(m, "b"), _month_no(m.group("bm")), _month_no(m.group("am"))
        a_y = _year(m, "a") if m.group("ay") else b_y - (a_m > b_m)
        start, end = date(a_y, a_m, 1), date(b_y, b_m, calendar.monthrange(b_y, b_m)[1])
    else:
        parts = _SEP_RE.split(text, maxsplit=1)
        months = [_MONTH_YEAR.fullmatch(p) for p in parts]
        if len(parts) < 2 or not any(months):
            return parse_date_range(s)
        start, end = (_end_of(part, month, last) for part, month, last
                      in zip(parts, months, (False, True), strict=True))
    if start > end:
        raise NormalizeError(f"{s!r} is not a period: it ends before it starts")
    return start, end


def _end_of(part: str, month: re.Match[str] | None, last: bool) -> date:
    """One end of a period: a date, or a month's first (``last`` false) or last day."""
    if month is None:
        return parse_date(part)
    y, m = _year(month, "t"), _month_no(month.group("tm"))
    return date(y, m, calendar.monthrange(y, m)[1] if last else 1)
