"""A progress-history entry whose report date OCR misread beside a system date read right.

History pages are generated from known values (``bench/corpus``, ``web_history``); one
entry's report date (``12/06/2568 : …``) is then damaged the ways Tesseract read it
on a 200 dpi scan, its heading's system date (``(2025-06-12)``) read right: a year's
digit misread (``12/06/2068``, ``10/03/2560``) or a month's (``10/05/2568``). The
system lists entries newest first, so the entry's date lies between the dates of the
entries below and above it: the one reading that does is the date; when both or
neither do, the date is NULL, never wrong.
"""

from __future__ import annotations

import random
import re
from datetime import date

import pytest

from bma_etl.layouts.history_dates import entry_bounds, reading_between
from bma_etl.layouts.web_progress_history import extract

from corpus.build import GENERATORS
from read_back import records_of

_REPORT_DATE = re.compile(r"^(?P<d>[0-9]{2})/(?P<m>[0-9]{2})/(?P<y>[0-9]{4}) : ", re.M)


def _generated(rng: random.Random, least: int = 3) -> object:
    generated = GENERATORS["web_history"](rng)
    while len(_REPORT_DATE.findall(generated.text)) < least:
        generated = GENERATORS["web_history"](rng)
    return generated


def _dates(text: str) -> list[date | None]:
    rows = records_of(extract, text, screened=False)["progress_updates"]
    return [r.report_date for r in rows]


def _wanted(generated: object) -> list[date]:
    return [date.fromisoformat(w["report_date"])
            for w in generated.tables["progress_updates"]]  # type: ignore[attr-defined]


def _with(text: str, m: re.Match[str], printed: str) -> str:
    return text[:m.start()] + printed + " : " + text[m.end():]


@pytest.mark.parametrize("seed", range(8))
def test_report_date_a_year_misread_takes_the_system_date_between_its_neighbours(
        seed: int) -> None:
    """``12/06/2068`` or ``12/06/2508`` (2568): decades off, outside the neighbours' dates."""
    rng = random.Random(seed)
    generated = _generated(rng)
    found = list(_REPORT_DATE.finditer(generated.text))
    k = rng.randrange(1, len(found) - 1)  # an entry with entries above and below it
    m = found[k]
    year = m["y"]
    misread = rng.choice((year[:2] + "0" + year[3], year[:3] + "0" if year[3] != "0" else
                          year[:2] + "0" + year[3]))
    text = _with(generated.text, m, f"{m['d']}/{m['m']}/{misread}")
    assert _dates(text) == _wanted(generated)


@pytest.mark.parametrize("seed", range(12))
def test_report_date_misread_anyhow_is_its_date_or_null(seed: int) -> None:
    """A digit of any entry's report date misread: its date or NULL, the others as written."""
    rng = random.Random(seed)
    generated = _generated(rng, least=2)
    found = list(_REPORT_DATE.finditer(generated.text))
    k = rng.randrange(len(found))
    m = found[k]
    printed = f"{m['d']}/{m['m']}/{m['y']}"
    at = rng.choice([i for i, c in enumerate(printed) if c.isdigit()])
    digit = rng.choice([c for c in "0123456789" if c != printed[at]])
    text = _with(generated.text, m, printed[:at] + digit + printed[at + 1:])
    got, want = _dates(text), _wanted(generated)
    assert got[:k] + got[k + 1:] == want[:k] + want[k + 1:]
    assert got[k] in (want[k], None)


def test_two_readings_both_or_neither_between_the_neighbours_are_no_date() -> None:
    bounds = entry_bounds([(date(2025, 7, 3), None), (date(2025, 3, 10), date(2025, 5, 10)),
                           (date(2024, 12, 15), date(2024, 12, 15))])
    assert bounds == [(date(2024, 12, 15), None), (date(2024, 12, 15), date(2025, 7, 3)),
                      (None, date(2025, 7, 3))]
    assert reading_between(date(2025, 3, 10), date(2025, 5, 10), bounds[1]) is None
    assert reading_between(date(2017, 3, 10), date(2030, 5, 10), bounds[1]) is None
    assert reading_between(date(2017, 5, 10), date(2025, 3, 10), bounds[1]) == date(2025, 3, 10)
    assert reading_between(date(2017, 5, 10), date(2025, 3, 10), (None, None)) is None
