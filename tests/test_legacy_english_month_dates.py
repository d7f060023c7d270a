"""A legacy form whose project dates are printed with an English month name.

``สิ้นสุดโครงการ : 30 Sep 2023`` (a CE year, the month abbreviated or in full, any case)
was NULL with ``unparsed_value``: the date reader knew Thai month names only. An English
month is read with a four-digit year, by the year's value (2400 and above is BE:
:func:`bma_etl.normalize.dates.resolve_year`).

Forms are generated from known values (bench/corpus ``legacy_tab``, ``legacy_pipe``,
``legacy_long``); their start and end dates are printed again from the generated dates
in English forms; the truth is the generated dates.
"""

from __future__ import annotations

import random
import re
from datetime import date

import pytest

from bma_etl.layouts.legacy_progress_form import extract

from corpus.build import GENERATORS
from read_back import records_of

_FULL = ("January", "February", "March", "April", "May", "June", "July", "August",
         "September", "October", "November", "December")
FORMS = {
    "abbr_ce": lambda d: f"{d.day} {_FULL[d.month - 1][:3]} {d.year}",
    "full_ce": lambda d: f"{d.day} {_FULL[d.month - 1]} {d.year}",
    "upper_dashed_ce": lambda d: f"{d.day:02d}-{_FULL[d.month - 1][:3].upper()}-{d.year}",
    "month_first_ce": lambda d: f"{_FULL[d.month - 1]} {d.day}, {d.year}",
    "abbr_be": lambda d: f"{d.day} {_FULL[d.month - 1][:3]} {d.year + 543}",
}


@pytest.mark.parametrize("ocr", [False, True])
@pytest.mark.parametrize("generator", ["legacy_tab", "legacy_pipe", "legacy_long"])
@pytest.mark.parametrize("form", sorted(FORMS))
@pytest.mark.parametrize("seed", range(2))
def test_project_dates_with_an_english_month_are_read(
        seed: int, form: str, generator: str, ocr: bool) -> None:
    generated = GENERATORS[generator](random.Random(seed))
    project = generated.tables["projects"][0]
    start, end = date.fromisoformat(project["start_date"]), date.fromisoformat(project["end_date"])
    text = generated.text
    for label, value in (("เริ่มต้นโครงการ", start), ("สิ้นสุดโครงการ", end)):
        text, count = re.subn(rf"^({label}\S* : ).*$", lambda m, v=value: m[1] + FORMS[form](v),
                              text, flags=re.M)
        assert count == 1
    got = records_of(extract, text, ocr_used=ocr, screened=False)["projects"][0]
    assert (got.start_date, got.end_date) == (start, end)
