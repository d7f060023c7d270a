"""The Thai government fiscal year: 1 October to 30 September, named in BE.

Stage: normalize. Consumes CE ``date`` values and BE fiscal-year numbers;
produces fiscal years and their bounds. A fiscal year is named by the BE year it
ends in: FY 2563 runs from 2019-10-01 to 2020-09-30 (BE = CE + 543, see
:mod:`bma_etl.normalize.dates`).
"""

from __future__ import annotations

from datetime import date

from bma_etl.errors import NormalizeError
from bma_etl.normalize.dates import be_to_ce, ce_to_be

__all__ = ["fiscal_year_be", "fiscal_year_bounds", "in_fiscal_year"]

FIRST_MONTH = 10  # October opens the fiscal year


def fiscal_year_be(d: date) -> int:
    """The BE fiscal year holding ``d``.

    >>> fiscal_year_be(date(2019, 10, 1)), fiscal_year_be(date(2020, 9, 30))
    (2563, 2563)
    >>> fiscal_year_be(date(2019, 9, 30))
    2562
    """
    return ce_to_be(d.year) + (1 if d.month >= FIRST_MONTH else 0)


def fiscal_year_bounds(fy_be: int) -> tuple[date, date]:
    """First and last day of BE fiscal year ``fy_be``.

    >>> fiscal_year_bounds(2563)
    (datetime.date(2019, 10, 1), datetime.date(2020, 9, 30))
    >>> fiscal_year_bounds(2019)
    Traceback (most recent call last):
    ...
    bma_etl.errors.NormalizeError: fiscal year 2019 is not a Buddhist-era year
    """
    if fy_be < 2400:
        raise NormalizeError(f"fiscal year {fy_be} is not a Buddhist-era year")
    end_year = be_to_ce(fy_be)
    return date(end_year - 1, FIRST_MONTH, 1), date(end_year, FIRST_MONTH - 1, 30)


def in_fiscal_year(d: date, fy_be: int) -> bool:
    """Whether ``d`` falls in BE fiscal year ``fy_be``.

    >>> in_fiscal_year(date(2020, 9, 29), 2563), in_fiscal_year(date(2020, 10, 1), 2563)
    (True, False)
    """
    start, end = fiscal_year_bounds(fy_be)
    return start <= d <= end
