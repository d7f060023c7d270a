"""Normalize stage: pure parsers from raw document text to typed values.

Stage: normalize. Consumes the raw text an extractor read for one field;
produces Arabic-digit ``Decimal``/``int`` values (:mod:`.digits`; an amount's
unit words :mod:`.unit_words`, its Thai number words :mod:`.amount_words`), CE dates
(:mod:`.dates`), fiscal years (:mod:`.fiscal`) and cleaned text, flags and
name/phone pairs (:mod:`.text`). Every parser raises
:class:`~bma_etl.errors.NormalizeError` naming the value it could not read.
"""

from __future__ import annotations

from bma_etl.normalize.dates import (
    be_to_ce,
    ce_to_be,
    find_dates,
    format_thai_date,
    parse_date,
    parse_date_range,
    resolve_year,
)
from bma_etl.normalize.digits import (
    parse_amount,
    parse_int,
    parse_number,
    parse_percent,
    to_arabic_digits,
)
from bma_etl.normalize.fiscal import fiscal_year_be, fiscal_year_bounds, in_fiscal_year
from bma_etl.normalize.periods import parse_period
from bma_etl.normalize.text import (
    clean_text,
    lao_to_thai,
    parse_flag,
    split_person_phone,
    strip_outline_number,
)

__all__ = [
    "be_to_ce",
    "ce_to_be",
    "clean_text",
    "find_dates",
    "fiscal_year_be",
    "fiscal_year_bounds",
    "format_thai_date",
    "in_fiscal_year",
    "lao_to_thai",
    "parse_amount",
    "parse_date",
    "parse_date_range",
    "parse_flag",
    "parse_int",
    "parse_number",
    "parse_percent",
    "parse_period",
    "resolve_year",
    "split_person_phone",
    "strip_outline_number",
    "to_arabic_digits",
]
